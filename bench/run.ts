// npm run bench: generates synthetic pools on SQLite and PostgreSQL and runs the registered benchmark sections on each.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { openDatabase } from '../src/db/connect.ts';
import { BENCH_SIZES, generatePool, type BenchSize } from './generate.ts';
import { openRaw, postgresServer, REPO_ROOT, shardedPostgresServer, sqliteServer, type BenchDatabase, type DatabaseServer } from './lib/databases.ts';
import type { MeasureOptions } from './lib/measure.ts';
import { markdownTable, summaryLine } from './lib/report.ts';
import { costBySize, sizeChart, sizeTable } from './lib/size-chart.ts';
import type { BenchSection, ResultRow, SectionContext } from './lib/section.ts';
import { ledgerExportSection } from './sections/ledger-export.bench.ts';
import { ledgerImportSection } from './sections/ledger-import.bench.ts';
import { poolAnalysisSection } from './sections/pool-analysis.bench.ts';
import { provinceRushSection } from './sections/province-rush.bench.ts';
import { roundBurstSection } from './sections/round-burst.bench.ts';
import { servedPathSection } from './sections/served-path.bench.ts';
import { sizeCostSection } from './sections/size-cost.bench.ts';
import { serverMemorySection } from './sections/server-memory.bench.ts';
import { startupSection } from './sections/startup.bench.ts';
import { summaryDocumentSection } from './sections/summary-document.bench.ts';

/**
 * The benchmark sections, run in this order on every database and size. A new benchmark (a ledger import,
 * a burst of monthly reports) is one more BenchSection in bench/sections/, listed here.
 */
const SECTIONS: readonly BenchSection[] = [startupSection, poolAnalysisSection, serverMemorySection, ledgerImportSection, ledgerExportSection, roundBurstSection, provinceRushSection, servedPathSection, summaryDocumentSection, sizeCostSection];

const USAGE = `usage: npm run bench -- [options]
  --sizes county,city,province,national
                                 sizes to generate (default county,city,province; --quick: county); national is 31
                                 provinces, 2 800 counties, 1.1 million projects: run it with --sections pool,size-cost
  --db sqlite,postgres           databases (default both, or postgres-sharded when the sizes include national;
                                 PostgreSQL from TIAODU_BENCH_PG_URL or a throwaway cluster);
                                 postgres-sharded: PostgreSQL with the year and month rows on two shards (docs/scale.md),
                                 from TIAODU_BENCH_SHARD_URLS or throwaway clusters
  --sections ${SECTIONS.map((s) => s.id).join(',')}            sections to run (default all)
  --quick                        a small smoke run: few repetitions
  --runs N                       timed repetitions per measurement (default 30 for a county, 10 for the province)
  --seed N                       generator seed (default 2025)
  --strict                       exit with status 1 when a target is missed
  --keep                         leave each generated database in place and print its URL
  --reuse URL                    time a database kept by an earlier run (one size, the same seed) instead of generating one;
                                 the generation row then times drawing its projects again, without writing them
  --out FILE                     the JSON report (default .tmp/bench/latest.json)`;

function list<T extends string>(value: string | undefined, allowed: readonly T[], fallback: readonly T[], what: string): T[] {
  if (!value) return [...fallback];
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const i of items) if (!allowed.includes(i as T)) throw new Error(`unknown ${what} '${i}' (one of ${allowed.join(', ')})`);
  return items as T[];
}

function seedOf(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`--seed wants a whole number, not ${value}`);
  return n;
}

function options() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string' },
      db: { type: 'string' },
      sections: { type: 'string' },
      quick: { type: 'boolean', default: false },
      runs: { type: 'string' },
      seed: { type: 'string' },
      strict: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      reuse: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const quick = values.quick ?? false;
  const runs = values.runs === undefined ? undefined : Number(values.runs);
  if (runs !== undefined && (!Number.isInteger(runs) || runs < 1)) throw new Error(`--runs wants a positive whole number, not ${values.runs}`);
  const fast: MeasureOptions = quick ? { warmup: 1, runs: 5, budgetMs: 3_000, minRuns: 3 } : { warmup: 3, runs: 30, budgetMs: 15_000, minRuns: 5 };
  const slow: MeasureOptions = quick ? { warmup: 1, runs: 3, budgetMs: 5_000, minRuns: 2 } : { warmup: 1, runs: 10, budgetMs: 30_000, minRuns: 3 };
  if (runs !== undefined) {
    fast.runs = runs;
    slow.runs = runs;
  }
  const sizes = list(values.sizes, Object.keys(BENCH_SIZES) as BenchSize[], quick ? ['county'] : ['county', 'city', 'province'], 'size');
  if (values.reuse && sizes.length !== 1) throw new Error('--reuse takes one size: the one its database was generated at');
  return {
    sizes,
    // The nation is the sharded layout's size (issue 16): on one server it would measure only how long a load takes.
    databases: list<BenchDatabase>(values.db, ['sqlite', 'postgres', 'postgres-sharded'], sizes.includes('national') ? ['postgres-sharded'] : ['sqlite', 'postgres'], 'database'),
    sections: SECTIONS.filter((s) => list(values.sections, SECTIONS.map((x) => x.id), SECTIONS.map((x) => x.id), 'section').includes(s.id)),
    quick,
    timing: { fast, slow },
    seed: values.seed === undefined ? 2025 : seedOf(values.seed),
    strict: values.strict ?? false,
    keep: values.keep ?? false,
    reuse: values.reuse,
    out: path.resolve(REPO_ROOT, values.out ?? '.tmp/bench/latest.json'),
  };
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

// Work to undo if the run is interrupted or crashes: throwaway databases and the PostgreSQL cluster.
// Each undo is told whether the run is being abandoned, when it must not wait for anything.
const cleanups = new Set<(abandoning: boolean) => Promise<void>>();
async function withCleanup<T>(undo: (abandoning: boolean) => Promise<void>, work: () => Promise<T>): Promise<T> {
  cleanups.add(undo);
  try {
    return await work();
  } finally {
    if (cleanups.delete(undo)) await undo(false);
  }
}
let abandoning = false;
async function abandon(why: string, code: number): Promise<void> {
  if (abandoning) return;
  abandoning = true;
  log(`\n${why}: cleaning up`);
  const undos = [...cleanups].reverse();
  cleanups.clear();
  for (const undo of undos) await undo(true).catch((e: unknown) => log(`cleanup failed: ${message(e)}`));
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void abandon(signal, 130));
// Even a crash outside any section must not leave a PostgreSQL cluster running; errors raised while
// abandoning (connections the cleanup itself cut) are expected and ignored.
process.on('uncaughtException', (e) => (abandoning ? log(`(ignored while cleaning up: ${message(e)})`) : void abandon(`uncaught ${e.stack ?? message(e)}`, 2)));
process.on('unhandledRejection', (e) => (abandoning ? undefined : void abandon(`unhandled rejection ${message(e)}`, 2)));

function machine() {
  const sqliteVersion = (() => {
    const db = new SQLite(':memory:');
    try {
      return String((db.prepare('select sqlite_version() as v').get() as { v: string }).v);
    } finally {
      db.close();
    }
  })();
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    sqlite: sqliteVersion,
  };
}

async function runSize(server: DatabaseServer, size: BenchSize, o: ReturnType<typeof options>, rows: ResultRow[]): Promise<void> {
  const dialect = server.dialect;
  const push = (section: string, row: Omit<ResultRow, 'database' | 'size' | 'section'>) => rows.push({ database: server.name, size, section, ...row });
  // A reused database was generated by an earlier run with --keep: nothing is written, nothing dropped.
  const { target, drop } = o.reuse ? { target: o.reuse, drop: async () => {} } : await server.create(size);
  const keep = async () => void log(`kept ${size}: --reuse ${target}`);
  await withCleanup(o.keep || o.reuse ? keep : drop, async () => {
    const loaded = await generatePool(target, size, { seed: o.seed, log, dryRun: !!o.reuse });
    const afterLoadStarted = performance.now();
    if (!o.reuse) await server.afterLoad?.(target);
    const generated = { ...loaded, seconds: loaded.seconds + (performance.now() - afterLoadStarted) / 1000 };
    const r = generated.rows;
    push('generate', {
      measurement: `generate ${r.project.toLocaleString('en-US')} projects, ${r.projectYear.toLocaleString('en-US')} year rows, ${r.projectMonth.toLocaleString('en-US')} month rows`,
      value: generated.seconds,
      unit: 's',
      targets: [],
      note: `${generated.counties.length} ${generated.counties.length === 1 ? 'county' : 'counties'}; seed ${generated.seed}${o.reuse ? '; a reused database: the time is drawing its projects again, not writing them' : ''}`,
    });
    const handle = await openDatabase(target);
    const raw = await openRaw(dialect, target);
    try {
      for (const section of o.sections) {
        log(`${server.name} ${size}: ${section.title}`);
        const ctx: SectionContext = {
          database: dialect,
          size,
          target,
          handle,
          raw,
          freshDatabase: (name) => server.create(`${size}_${name}`),
          generated,
          targetsApply: size === 'province' || size === 'national',
          timing: o.timing,
          quick: o.quick,
          log,
          record: (row) => push(section.id, { targets: [], ...row }),
        };
        try {
          await section.run(ctx);
        } catch (e) {
          log(`  ${section.id} failed: ${message(e)}`);
          push(section.id, { measurement: section.title, value: Number.NaN, unit: 'ms', targets: [], error: message(e) });
        }
      }
    } finally {
      await raw.close();
      await handle.close();
    }
  });
}

async function main(): Promise<number> {
  const o = options();
  const started = new Date();
  // Other work on the machine shows in the timings: the load averages say how much there was.
  const loadAtStart = os.loadavg();
  const rows: ResultRow[] = [];
  const servers: string[] = [];
  for (const dialect of o.databases) {
    let server: DatabaseServer;
    const stopClusters: (() => Promise<void>)[] = [];
    const onStarting = (stop: () => Promise<void>) => {
      stopClusters.push(stop);
      cleanups.add(stop);
    };
    try {
      server = dialect === 'sqlite' ? sqliteServer() : dialect === 'postgres' ? await postgresServer(log, onStarting) : await shardedPostgresServer(log, onStarting);
    } catch (e) {
      log(`${dialect}: no database server: ${message(e)}`);
      for (const size of o.sizes) rows.push({ database: dialect, size, section: 'setup', measurement: 'database server', value: Number.NaN, unit: 'ms', targets: [], error: message(e) });
      continue;
    }
    servers.push(server.label);
    for (const stop of stopClusters) cleanups.delete(stop);
    await withCleanup(() => server.close(), async () => {
      for (const size of o.sizes) {
        try {
          await runSize(server, size, o, rows);
        } catch (e) {
          log(`${dialect} ${size} failed: ${message(e)}`);
          rows.push({ database: dialect, size, section: 'setup', measurement: `generate ${size}`, value: Number.NaN, unit: 's', targets: [], error: message(e) });
        }
      }
      // Figures compared from one size to the next (a cost per project that should stay flat), under the largest size.
      const largest = [...o.sizes].sort((a, b) => BENCH_SIZES[a].projects - BENCH_SIZES[b].projects).at(-1)!;
      for (const section of o.sections) {
        const own = rows.filter((r) => r.database === dialect && r.section === section.id).sort((a, b) => BENCH_SIZES[a.size].projects - BENCH_SIZES[b.size].projects);
        for (const row of section.acrossSizes?.(own) ?? []) rows.push({ database: dialect, size: largest, section: section.id, targets: [], ...row });
      }
    });
  }

  if (abandoning) return 130;
  const m = machine();
  const load = [loadAtStart, os.loadavg()].map((l) => l.map((x) => x.toFixed(1)).join('/'));
  const seconds = (Date.now() - started.getTime()) / 1000;
  const header = [
    `## tiaodu benchmark, ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB; Node ${m.node}; SQLite ${m.sqlite}; ${servers.join('; ')}.`,
    `Sizes: ${o.sizes.join(', ')}${o.quick ? ' (quick)' : ''}. Targets apply at province and national size. Total ${seconds.toFixed(0)} s; load average (1/5/15 min) ${load[0]} at the start, ${load[1]} at the end.`,
    '',
  ];
  process.stdout.write(`${header.join('\n')}${markdownTable(rows)}\n\n${summaryLine(rows)}\n`);
  fs.mkdirSync(path.dirname(o.out), { recursive: true });
  // With two sizes or more, the pool's cost against size: a table here and a chart beside the report.
  for (const database of new Set(rows.map((r) => r.database))) {
    const points = costBySize(rows, database);
    if (points.length === 0) continue;
    const chart = o.out.replace(/\.json$/, '') + `.${database}.cost-vs-size.svg`;
    fs.writeFileSync(chart, sizeChart(points, `Pool analysis against size, ${database}`));
    process.stdout.write(`\nCost against size, ${database} (chart: ${path.relative(process.cwd(), chart)}):\n\n${sizeTable(points)}\n`);
  }
  fs.writeFileSync(o.out, `${JSON.stringify({ startedAt: started.toISOString(), seconds, machine: m, loadAverage: { start: loadAtStart, end: os.loadavg() }, databases: servers, sizes: o.sizes, quick: o.quick, rows }, null, 2)}\n`);
  log(`report written to ${path.relative(process.cwd(), o.out) || o.out}`);

  const errors = rows.some((r) => r.error);
  const missed = rows.some((r) => !r.error && r.targets.some((t) => !t.pass));
  return errors || (o.strict && missed) ? 1 : 0;
}

// An interrupted run exits from abandon(), once its cleanup is done; nothing here may cut that short.
main().then(
  (code) => abandoning || process.exit(code),
  (e: unknown) => {
    log(message(e));
    if (!abandoning) process.exit(2);
  },
);
