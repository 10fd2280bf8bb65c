// Builds the tiaodu command: src/cli/main.ts and all it imports, bundled by esbuild into dist/cli/main.js with one chunk
// per lazily loaded command (docs/decisions/0004-built-command.md). `--if-stale` builds only when a source is newer.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';
import { CLI_MAIN, CLI_OUT, cliBuildState, ROOT } from './cli-freshness.js';

/**
 * Writes the new files before removing the old ones, each file whole (written aside, then renamed), the entry last:
 * a command started during a rebuild, by a test or a running server's neighbour, never reads half a file.
 */
function writeOutput(files) {
  const keep = new Set();
  const ordered = [...files].sort((a, b) => Number(a.path === CLI_MAIN) - Number(b.path === CLI_MAIN));
  for (const file of ordered) {
    fs.mkdirSync(path.dirname(file.path), { recursive: true });
    const aside = `${file.path}.${process.pid}.tmp`;
    fs.writeFileSync(aside, file.contents);
    fs.renameSync(aside, file.path);
    keep.add(file.path);
  }
  for (const entry of fs.readdirSync(CLI_OUT, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath ?? entry.path, entry.name);
    if (entry.isFile() && !keep.has(full)) fs.rmSync(full, { force: true });
  }
}

// Dependencies stay in node_modules, loaded by Node as they are (native modules such as better-sqlite3 cannot be
// bundled), except those whose hundreds of small ES modules cost more to load one by one than to parse as one:
// Kysely's (≈280 files) took 0.3–0.6 s of every command's start, bundled about 0.1 s.
const BUNDLED = new Set(['kysely']);
const { dependencies } = createRequire(import.meta.url)('../package.json');
const external = Object.keys(dependencies).filter((name) => !BUNDLED.has(name)).flatMap((name) => [name, `${name}/*`]);

export async function buildCli() {
  const result = await build({
    absWorkingDir: ROOT,
    // The worker thread large ledger files are parsed in is an entry of its own (src/io/ledger-reader.ts finds it).
    entryPoints: { main: 'src/cli/main.ts', 'ledger-reader-worker': 'src/io/ledger-reader-worker.ts' },
    outdir: CLI_OUT,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external,
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'warning',
    write: false,
  });
  writeOutput(result.outputFiles);
}

const ifStale = process.argv.includes('--if-stale');
const state = cliBuildState();
if (ifStale && state.built && !state.changed) process.exit(0);
const started = performance.now();
await buildCli();
process.stderr.write(`tiaodu command built into ${path.relative(ROOT, CLI_OUT)}/ in ${((performance.now() - started) / 1000).toFixed(1)} s${state.changed ? ` (${state.changed} had changed)` : ''}\n`);
