// The raw aggregate's cost per project in the pool at each size a run has (every generated county, by county), and whether
// it stays flat (within 1.5×) from county to province, and on to the nation.

import fs from 'node:fs';
import os from 'node:os';
import SQLite from 'better-sqlite3';
import { sqliteTuning } from '../../src/db/sqlite-tuning.ts';
import { measure } from '../lib/measure.ts';
import type { BenchSection, RecordedRow, ResultRow, SectionContext } from '../lib/section.ts';
import { figureLayout } from '../../src/db/figure-layout.ts';
import { BENCH_AS_OF, poolQuery, RAW_BY_COUNTY, rawByCounty, rawParams } from './pool-analysis.bench.ts';

/** The bar: the largest per-project cost at most this many times the smallest, across the sizes run. */
export const FLAT_TARGET = 1.5;

const MiB = 1024 * 1024;

/**
 * The spread of a per-project cost across the sizes of a run: the rows of one measurement (named by how it starts),
 * largest cost ÷ smallest, judged against `target` when one is given. Nothing with fewer than two sizes.
 */
export function perProjectSpread(rows: readonly ResultRow[], startsWith: string, what: string, target?: number): RecordedRow[] {
  const costs = rows.filter((r) => r.unit === 'µs' && !r.error && Number.isFinite(r.value) && r.measurement.startsWith(startsWith));
  if (costs.length < 2) return [];
  const values = costs.map((r) => r.value);
  const spread = Math.max(...values) / Math.min(...values);
  return [
    {
      measurement: `${what}: largest ÷ smallest cost per project, ${costs.map((r) => r.size).join(' → ')}`,
      value: spread,
      unit: '×',
      targets: target === undefined ? [] : [{ text: `≤ ${target}×`, pass: spread <= target }],
      note: costs.map((r) => `${r.size} ${r.value.toFixed(2)} µs`).join(', '),
    },
  ];
}

/** The raw query on a plain SQLite connection with the page settings tiaodu's server opens the file with. */
function tunedSqlite(target: string): { all: (params: Record<string, unknown>) => unknown[]; label: string; close: () => void } {
  const tuning = sqliteTuning({ fileBytes: fs.statSync(target).size, totalMemoryBytes: os.totalmem(), cores: os.availableParallelism(), env: process.env });
  const db = new SQLite(target, { readonly: true });
  db.pragma(`cache_size = ${-tuning.cacheKiB}`);
  db.pragma(`mmap_size = ${tuning.mmapBytes}`);
  const st = db.prepare(RAW_BY_COUNTY);
  return {
    all: (params) => st.all(params),
    label: `cache ${tuning.cacheKiB / 1024} MiB, mmap ${tuning.mmapBytes / MiB} MiB`,
    close: () => db.close(),
  };
}

const RAW = 'raw aggregate of every county, by county';
const TUNED = 'raw aggregate of every county, by county, tiaodu’s SQLite settings';

async function recordCost(ctx: SectionContext, measurement: string, run: () => unknown, projects: number, note: string): Promise<void> {
  const t = await measure(run, ctx.timing.fast);
  ctx.record({
    measurement: `${measurement} ÷ projects in the pool`,
    value: (t.median * 1000) / projects,
    unit: 'µs',
    runs: t.runs,
    note: `median ${t.median.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms, ${projects.toLocaleString('en-US')} projects; ${note}`,
  });
}

export const sizeCostSection: BenchSection = {
  id: 'size-cost',
  title: 'Raw aggregate by county of everything generated: cost per project, size to size',
  async run(ctx) {
    const params = rawParams(poolQuery(ctx.generated.nationCode ?? ctx.generated.provinceCode));
    // In the form the layout runs fastest, as the pool section's twin.
    const rawSql = rawByCounty(figureLayout(ctx.handle.db));
    const projects = (await ctx.raw.all(rawSql, params)).reduce((n, r) => n + Number(r.count), 0);
    ctx.log(`  ${projects} projects in the ${BENCH_AS_OF.slice(0, 4)} pool`);
    // The pool section's raw connection: SQLite's default 2 MiB cache, as the issue measured it.
    await recordCost(ctx, RAW, () => ctx.raw.all(rawSql, params), projects, ctx.database === 'sqlite' ? 'SQLite’s default cache' : 'the bench’s raw connection');
    if (ctx.database !== 'sqlite') return;
    const tuned = tunedSqlite(ctx.target);
    try {
      await recordCost(ctx, TUNED, () => tuned.all(params), projects, tuned.label);
    } finally {
      tuned.close();
    }
  },
  acrossSizes(rows) {
    const sqlite = rows[0]?.database === 'sqlite';
    return [
      // Judged where the server's settings apply: SQLite as tiaodu opens it.
      ...(sqlite ? perProjectSpread(rows, TUNED, TUNED, FLAT_TARGET) : []),
      ...perProjectSpread(rows.filter((r) => !r.measurement.startsWith(TUNED)), RAW, sqlite ? `${RAW}, SQLite’s default cache` : RAW),
    ];
  },
};
