// The pool analysis of one county and of the whole province by county, each beside the same aggregate as one raw SQL query.

import { SYSTEM_ACTOR } from '../../src/domain/access.ts';
import { lastDayOfMonth, monthYear } from '../../src/domain/months.ts';
import type { PhaseFigures } from '../../src/domain/pool/pool-analysis.ts';
import { poolPhaseFigures, type PoolQuery } from '../../src/db/repositories/pool.repository.ts';
import { countyRange } from '../../src/db/repositories/scope.ts';
import { listAlerts } from '../../src/services/alerts/alerts.ts';
import { poolSummary } from '../../src/services/pool-summary.ts';
import { measurePair, type MeasureOptions, type Timing } from '../lib/measure.ts';
import type { BenchSection, SectionContext, TargetCheck } from '../lib/section.ts';
import { figureLayout, type FigureLayout } from '../../src/db/figure-layout.ts';
import { dashboardDifference, rawDashboard } from './dashboard-raw.ts';
import { yearRows, ytdForm, type Counties } from './raw-ytd.ts';

/** The as-of month: the whole last year, the widest year-to-date window. */
export const BENCH_AS_OF = '2025-12';

export const COUNTY_TARGET_MS = 20;
/** A province by county: 1 s on one server; issue 16's 350 ms where the month rows are on shards. */
export const PROVINCE_TARGET_MS = 1000;
export const SHARDED_PROVINCE_TARGET_MS = 350;
/** The nation by province, on the sharded layout at national size (issue 16). */
export const NATION_TARGET_MS = 5000;
export const RATIO_TARGET = 1.5;

// The aggregate as someone would write it by hand: one flat query, its year-to-date sum in the layout's form.
const selectFigures = (counties: Counties, layout: FigureLayout) => {
  const { join, ytd } = ytdForm(layout, counties);
  const years = yearRows(layout);
  return `count(*) as count,
  sum(p.total_investment) as total_investment,
  sum(y.annual_plan) as annual_plan,
  coalesce(sum(${ytd}), 0) as completed_ytd,
  sum(case when p.started_on <= :endDay then 1 else 0 end) as started,
  sum(case when y.resumed_on <= :endDay then 1 else 0 end) as resumed
from project p
${years.join}
${join}
where ${years.projects}
  and ${counties('y')}
  and p.stage <> 'cancelled'
  and y.year = :year and y.phase in ('continuing', 'newStart')`;
};

// A county's query names its county (lo = hi); the province's, its range of counties.
export const rawByPhase = (layout: FigureLayout) => `select y.phase as phase, ${selectFigures((a) => `${a}.county_code = :lo`, layout)}
group by y.phase`;
export const rawByCounty = (layout: FigureLayout) => `select p.region_code as group_key, y.phase as phase, ${selectFigures((a) => `${a}.county_code between :lo and :hi`, layout)}
group by p.region_code, y.phase`;
export const rawByProvince = (layout: FigureLayout) => `select substr(p.region_code, 1, 2) || '0000' as group_key, y.phase as phase,
${selectFigures((a) => `${a}.county_code between :lo and :hi`, layout)}
group by substr(p.region_code, 1, 2), y.phase`;
export const RAW_BY_COUNTY = rawByCounty('local');

export function poolQuery(regionCode: string): PoolQuery {
  const year = monthYear(BENCH_AS_OF);
  return { regionCode, year, fromMonth: `${year}-01`, toMonth: BENCH_AS_OF, endDay: lastDayOfMonth(BENCH_AS_OF) };
}

export function rawParams(q: PoolQuery): Record<string, unknown> {
  const [lo, hi] = countyRange(q.regionCode);
  return { lo, hi, year: q.year, fromMonth: q.fromMonth, toMonth: q.toMonth, endDay: q.endDay };
}

type Figures = PhaseFigures & { key: string | null };

// PostgreSQL hands sums back as strings on the raw connection; the comparison wants numbers.
function fromRaw(rows: Record<string, unknown>[]): Figures[] {
  return rows.map((r) => ({
    key: (r.group_key as string | undefined) ?? null,
    phase: r.phase as Figures['phase'],
    count: Number(r.count),
    totalInvestment: Number(r.total_investment),
    annualPlan: Number(r.annual_plan),
    completedYtd: Number(r.completed_ytd),
    started: Number(r.started),
    resumed: Number(r.resumed),
  }));
}

/** Null when both give the same figures, else the first difference: the two must compute one aggregate. */
function difference(app: Figures[], raw: Figures[]): string | null {
  const index = (rows: Figures[]) => new Map(rows.map((r) => [`${r.key ?? ''}|${r.phase}`, r]));
  const a = index(app);
  const b = index(raw);
  if (a.size !== b.size) return `${a.size} groups from the application, ${b.size} from the raw query`;
  for (const [k, x] of a) {
    const y = b.get(k);
    if (!y) return `group ${k} missing from the raw query`;
    for (const f of ['count', 'totalInvestment', 'annualPlan', 'completedYtd', 'started', 'resumed'] as const) {
      if (x[f] !== y[f]) return `group ${k}: ${f} ${x[f]} vs ${y[f]}`;
    }
  }
  return null;
}

function targetChecks(ctx: SectionContext, app: Timing, raw: Timing, limitMs: number, withRatio: boolean): TargetCheck[] {
  if (!ctx.targetsApply) return [];
  const checks: TargetCheck[] = [{ text: `< ${limitMs} ms`, pass: app.median < limitMs }];
  if (withRatio) checks.push({ text: `≤ ${RATIO_TARGET}× raw`, pass: app.median <= RATIO_TARGET * raw.median });
  return checks;
}

async function timed(
  ctx: SectionContext,
  measurement: string,
  app: () => Promise<unknown>,
  rawSql: string,
  q: PoolQuery,
  options: MeasureOptions,
  limitMs: number,
  withRatio: boolean,
  note?: string,
): Promise<void> {
  const params = rawParams(q);
  const [a, r] = await measurePair(app, () => ctx.raw.all(rawSql, params), options);
  ctx.record({
    measurement,
    value: a.median,
    unit: 'ms',
    p95: a.p95,
    runs: a.runs,
    rawMs: r.median,
    ratio: a.median / r.median,
    targets: targetChecks(ctx, a, r, limitMs, withRatio),
    note,
  });
}

export const poolAnalysisSection: BenchSection = {
  id: 'pool',
  title: 'Pool analysis: one county, and the province by county',
  async run(ctx) {
    const { db } = ctx.handle;
    const layout = figureLayout(db);
    const rawPhase = rawByPhase(layout);
    const rawCounty = rawByCounty(layout);
    const provinceTarget = layout === 'sharded' ? SHARDED_PROVINCE_TARGET_MS : PROVINCE_TARGET_MS;
    // The largest county: the analysis a dispatcher waits for longest.
    const county = [...ctx.generated.counties].sort((a, b) => b.projects - a.projects || a.code.localeCompare(b.code))[0]!;
    const cq = poolQuery(county.code);
    const pq = poolQuery(ctx.generated.provinceCode);

    // First make sure the raw queries and the repository compute the same figures.
    const countyApp = await poolPhaseFigures(db, cq);
    const countyRaw = fromRaw(await ctx.raw.all(rawPhase, rawParams(cq)));
    const provinceApp = await poolPhaseFigures(db, pq, 'county');
    const provinceRaw = fromRaw(await ctx.raw.all(rawCounty, rawParams(pq)));
    const mismatch = difference(countyApp, countyRaw) ?? difference(provinceApp, provinceRaw);
    if (mismatch) throw new Error(`the raw query and poolPhaseFigures disagree: ${mismatch}`);
    const inPool = countyRaw.reduce((s, r) => s + r.count, 0);
    const provinceInPool = provinceRaw.reduce((s, r) => s + r.count, 0);
    const countyLabel = `county ${county.code} (largest: ${county.projects} projects, ${inPool} in the ${cq.year} pool)`;
    const n = ctx.generated.counties.filter((c) => c.province === pq.regionCode).length;
    const largest = ctx.generated.nationCode ? 'largest ' : '';
    const provinceLabel = `${largest}province ${pq.regionCode} by county (${n} ${n === 1 ? 'county' : 'counties'}, ${provinceInPool} in the pool)`;
    const { fast, slow } = ctx.timing;

    ctx.log(`  ${countyLabel}`);
    await timed(ctx, `${countyLabel}: poolSummary`, () => poolSummary(db, { region: county.code, asOf: BENCH_AS_OF }, SYSTEM_ACTOR),
      rawPhase, cq, fast, COUNTY_TARGET_MS, true, 'service: region lookup, phase figures, 三个一批 counts');
    await timed(ctx, `${countyLabel}: poolPhaseFigures`, () => poolPhaseFigures(db, cq), rawPhase, cq, fast, COUNTY_TARGET_MS, true,
      'repository: the aggregate alone');
    // The dashboard's call beside its own twin: the same figures, breakdowns, 三个一批 counts and open rounds by hand.
    const dashboard = () => poolSummary(db, { region: county.code, asOf: BENCH_AS_OF, breakdowns: true }, SYSTEM_ACTOR);
    const dashboardMismatch = dashboardDifference(await dashboard(), await rawDashboard(ctx.raw, cq, layout));
    if (dashboardMismatch) throw new Error(`the raw dashboard queries and poolSummary with breakdowns disagree: ${dashboardMismatch}`);
    const [d, dr] = await measurePair(dashboard, () => rawDashboard(ctx.raw, cq, layout), fast);
    ctx.record({
      measurement: `${countyLabel}: poolSummary with breakdowns`,
      value: d.median,
      unit: 'ms',
      p95: d.p95,
      runs: d.runs,
      rawMs: dr.median,
      ratio: d.median / dr.median,
      targets: targetChecks(ctx, d, dr, COUNTY_TARGET_MS, true),
      note: 'what the dashboard asks: totals, township, chain, unit and leader breakdowns, 三个一批 counts, open rounds; raw: the same in three queries',
    });

    ctx.log(`  ${provinceLabel}`);
    await timed(ctx, `${provinceLabel}: poolPhaseFigures(…, 'county')`, () => poolPhaseFigures(db, pq, 'county'), rawCounty, pq, slow,
      provinceTarget, true, 'repository: the aggregate alone');
    await timed(ctx, `${provinceLabel}: poolSummary with breakdowns`,
      () => poolSummary(db, { region: pq.regionCode, asOf: BENCH_AS_OF, breakdowns: true }, SYSTEM_ACTOR),
      rawCounty, pq, slow, provinceTarget, true, 'service: province figures, then byCounty, 三个一批 counts, county names');

    // At national size, the nation by province: the roll-up of every county there is.
    if (ctx.generated.nationCode) {
      const nq = poolQuery(ctx.generated.nationCode);
      const rawProvince = rawByProvince(layout);
      const nationApp = await poolPhaseFigures(db, nq, 'province');
      const nationRaw = fromRaw(await ctx.raw.all(rawProvince, rawParams(nq)));
      const nationMismatch = difference(nationApp, nationRaw);
      if (nationMismatch) throw new Error(`the raw query and poolPhaseFigures by province disagree: ${nationMismatch}`);
      const inNation = nationRaw.reduce((s, r) => s + r.count, 0);
      const nationLabel = `the nation by province (${ctx.generated.provinces.length} provinces, ${ctx.generated.counties.length} counties, ${inNation} in the pool)`;
      ctx.log(`  ${nationLabel}`);
      await timed(ctx, `${nationLabel}: poolPhaseFigures(…, 'province')`, () => poolPhaseFigures(db, nq, 'province'), rawProvince, nq, slow,
        NATION_TARGET_MS, true, 'repository: the aggregate alone');
    }

    // The alert centre as of the same month, beside the pool analysis: every rule, for the largest county and the
    // province. No target is set for it; the ratio says how it compares with the pool's own aggregate.
    const monthEnd = new Date(`${lastDayOfMonth(BENCH_AS_OF)}T10:00:00Z`);
    for (const [label, region, q, rawSql, options] of [
      [countyLabel, county.code, cq, rawPhase, fast],
      [provinceLabel, pq.regionCode, pq, rawCounty, slow],
    ] as const) {
      const alerts = await listAlerts(db, { region, asOf: BENCH_AS_OF }, SYSTEM_ACTOR, monthEnd);
      const [a, r] = await measurePair(() => listAlerts(db, { region, asOf: BENCH_AS_OF }, SYSTEM_ACTOR, monthEnd), () => ctx.raw.all(rawSql, rawParams(q)), options);
      ctx.record({
        measurement: `${label}: listAlerts`,
        value: a.median,
        unit: 'ms',
        p95: a.p95,
        runs: a.runs,
        rawMs: r.median,
        ratio: a.median / r.median,
        note: `every alert rule as of ${BENCH_AS_OF} (${alerts.total.red} red, ${alerts.total.yellow} yellow, ${alerts.total.projects} projects lit); raw is the pool aggregate, for scale`,
      });
    }
  },
};
