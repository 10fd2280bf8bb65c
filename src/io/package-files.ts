// Files shipped beside the code (the vendored division data, the built web client), found from wherever the code
// runs: the TypeScript sources under src/ or the command bundled into dist/cli/, whose chunks sit at other depths.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The package's folder: the nearest one above this module that holds a package.json. */
function packageRoot(): string {
  if (root) return root;
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return (root = dir);
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
  }
}

/** A path inside the package, e.g. packageFile('assets', 'divisions.json'). */
export function packageFile(...segments: string[]): string {
  return path.join(packageRoot(), ...segments);
}
