// Checks that dependencies point one way: domain ← db ← services ← demo ← {server, cli}; io used by services; web sees domain and route types only.
import fs from 'node:fs';
import path from 'node:path';

const allowed = {
  domain: ['domain'],
  db: ['domain', 'db'],
  io: ['domain', 'io'],
  services: ['domain', 'db', 'io', 'services'],
  // The demo builds a county through the services, as the command line would; only the edges that offer it use it.
  demo: ['domain', 'db', 'io', 'services', 'demo'],
  server: ['domain', 'services', 'demo', 'server'],
  cli: ['domain', 'db', 'io', 'services', 'demo', 'server', 'cli'],
  web: ['domain', 'web'],
};
// Type-only imports carry no code: the server may name db row types, the web client the server's route types.
const typeOnly = { server: ['db'], web: ['server'] };

const root = path.resolve('src');
const problems = [];
function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (/\.(ts|tsx)$/.test(entry.name)) check(full);
  }
}
function layerOf(file) {
  return path.relative(root, file).split(path.sep)[0];
}
function check(file) {
  const layer = layerOf(file);
  if (!(layer in allowed)) return;
  const text = fs.readFileSync(file, 'utf8');
  const re = /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"](\.[^'"]+)['"]/gm;
  // Modules loaded when first needed (the command's commands, the web client's pages) count as imports too.
  const lazy = /\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g;
  const found = [...text.matchAll(re), ...[...text.matchAll(lazy)].map((m) => [m[0], 'import', undefined, m[1]])];
  for (const m of found) {
    const target = path.resolve(path.dirname(file), m[3]);
    if (!target.startsWith(root)) continue;
    const to = layerOf(target);
    if (allowed[layer].includes(to)) continue;
    if (m[2] && (typeOnly[layer] ?? []).includes(to)) continue;
    problems.push(`${path.relative(process.cwd(), file)}: ${layer} must not import ${to} (${m[3]})`);
  }
}
walk(root);
if (problems.length) {
  console.error(`Layer rule broken (see docs/ARCHITECTURE.md):\n${problems.join('\n')}`);
  process.exit(1);
}
console.error('layers: dependencies point one way');
