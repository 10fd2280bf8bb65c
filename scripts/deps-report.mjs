// Prints the direct dependencies as rows of the table in docs/security.md ("依赖与已知漏洞"): name, runtime or dev,
// the range package.json wants, the version installed in node_modules and its license, so the table can be redone
// after an upgrade. Usage: node scripts/deps-report.mjs [--json]
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

function installed(name) {
  try {
    const own = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8'));
    return { version: own.version, license: typeof own.license === 'string' ? own.license : (own.license?.type ?? '?') };
  } catch {
    return { version: '(not installed)', license: '?' };
  }
}

const rows = [
  ...Object.entries(pkg.dependencies ?? {}).map(([name, wanted]) => ({ name, kind: 'runtime', wanted })),
  ...Object.entries(pkg.devDependencies ?? {}).map(([name, wanted]) => ({ name, kind: 'dev', wanted })),
].map((r) => ({ ...r, ...installed(r.name) }));

if (process.argv.includes('--json')) console.log(JSON.stringify(rows, null, 2));
else {
  console.log('| package | kind | wanted | installed | license |');
  console.log('|---|---|---|---|---|');
  for (const r of rows) console.log(`| \`${r.name}\` | ${r.kind} | ${r.wanted} | ${r.version} | ${r.license} |`);
}
