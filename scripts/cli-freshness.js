// Whether the built command (dist/cli/) is missing or older than its sources. bin/tiaodu.js asks on every call, so
// this only reads file times: no bundler, no hashing.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
export const CLI_OUT = path.join(ROOT, 'dist', 'cli');
export const CLI_MAIN = path.join(CLI_OUT, 'main.js');

const SOURCES = path.join(ROOT, 'src');
// The web client is Vite's; everything else under src/ may end up in the command.
const NOT_THE_COMMAND = new Set([path.join(SOURCES, 'web')]);
const BUILD_SCRIPT = fileURLToPath(import.meta.url).replace(/cli-freshness\.js$/, 'build-cli.js');

/** The first source file or folder (a folder changes when a file is added, removed or renamed) newer than `since`. */
function newerThan(dir, since) {
  if (fs.statSync(dir).mtimeMs > since) return dir;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (NOT_THE_COMMAND.has(full)) continue;
    if (entry.isDirectory()) {
      const found = newerThan(full, since);
      if (found) return found;
    } else if (fs.statSync(full).mtimeMs > since) return full;
  }
  return null;
}

/**
 * @returns {{ built: boolean, changed: string | null }} whether dist/cli/main.js exists, and the first source changed
 *   since it was built (relative to the package), or null when it is up to date or there are no sources beside it.
 */
export function cliBuildState() {
  let builtAt;
  try {
    builtAt = fs.statSync(CLI_MAIN).mtimeMs;
  } catch {
    return { built: false, changed: null };
  }
  if (!fs.existsSync(SOURCES)) return { built: true, changed: null };
  const changed = newerThan(SOURCES, builtAt) ?? (fs.statSync(BUILD_SCRIPT).mtimeMs > builtAt ? BUILD_SCRIPT : null);
  return { built: true, changed: changed && path.relative(ROOT, changed) };
}
