// The pool analysis of the pool report for a region and month: figures by phase, breakdowns, batch events and the drafted sentence. Sources quoted in docs/sources.md.

import { z } from 'zod';
import { coversRegion, unitFilter, type Actor } from '../domain/access.ts';
import { forbidden, notFound } from '../domain/errors.ts';
import { isMonth, linearTimeProgress } from '../domain/months.ts';
import { countyLabels } from '../domain/region.ts';
import { poolBounds } from '../domain/pool/pool-membership.ts';
import { breakdown, groupPhaseFigures, poolFigures, type BreakdownRow, type PoolFigures } from '../domain/pool/pool-analysis.ts';
import { batchSentence, poolSentence, type BatchCount } from '../domain/pool/pool-sentence.ts';
import { parseInput } from '../domain/validation.ts';
import { batchCounts, poolPhaseFigures, poolProjectRows, type PoolQuery } from '../db/repositories/pool.repository.ts';
import { childRegions, findRegion, listCountiesWithCities, listLeaders, listUnits } from '../db/repositories/region.repository.ts';
import type { Db } from '../db/transaction.ts';
import { figureCompleteness, type Completeness } from './current-month.ts';

export const PoolSummaryInputSchema = z.object({
  region: z.string().regex(/^\d{6}(\d{3})?$/, '应为6位或9位区划代码'),
  asOf: z.string().refine(isMonth, '应为 YYYY-MM'),
  breakdowns: z.boolean().default(false),
});
export type PoolSummaryInput = z.input<typeof PoolSummaryInputSchema>;

export interface PoolSummary extends PoolFigures {
  region: string;
  regionName: string;
  asOf: string;
  /** 时序进度 after the as-of month (linear). */
  timeProgress: number;
  /** Present for a reporter: the figures are its unit's only. */
  unitId: string | null;
  byTownship?: BreakdownRow[];
  byChain?: BreakdownRow[];
  /** By 包联领导: a project with several leaders counts under each, so these lines add up to more than the pool. */
  byLeader?: BreakdownRow[];
  byUnit?: BreakdownRow[];
  byCounty?: BreakdownRow[];
  batches: BatchCount[];
  sentence: string;
  /** The rounds still open whose months these figures draw from, with how complete they are ("7月已审核 12/229"). */
  completeness: Completeness[];
}

export function scopeWord(level: string, isZone: boolean): string {
  if (isZone) return '全区';
  switch (level) {
    case 'province':
      return '全省';
    case 'city':
      return '全市';
    case 'township':
      return '全镇';
    default:
      return '全县';
  }
}

/** The pool of a region (a county's, or one township's or zone's) as of the end of a month, as the analysis counts it. */
export function poolQueryOf(region: string, asOf: string, unitId: string | null): PoolQuery {
  return { regionCode: region.slice(0, 6), ...poolBounds(asOf), townshipCode: region.length === 9 ? region : null, unitId };
}

/**
 * Pool figures of a region as of the end of a month: the projects with an annual plan in that year, not cancelled.
 * A reporter gets its own unit's figures only.
 */
export async function poolSummary(db: Db, input: PoolSummaryInput, actor: Actor): Promise<PoolSummary> {
  const q = parseInput(PoolSummaryInputSchema, input);
  const county = q.region.slice(0, 6);
  if (!coversRegion(actor, county)) throw forbidden('无权查看该地区的数据');

  const query = poolQueryOf(q.region, q.asOf, unitFilter(actor));
  // The queries do not wait for one another (on PostgreSQL each takes a connection of the pool); only the breakdowns
  // wait for the region, whose level says which ones it has.
  const found = findRegion(db, q.region).then((r) => r ?? Promise.reject(notFound(`地区 ${q.region}`)));
  // With breakdowns, one scan serves the totals too: the totals are the sum of the breakdown's parts.
  const figuresAndParts = q.breakdowns
    ? found.then((r) => breakdowns(db, query, r.level))
    : poolPhaseFigures(db, query).then((rows) => ({ figures: poolFigures(rows), rows: null }));
  const [region, { figures, rows: parts }, batches, completeness, unitName] = await Promise.all([
    found,
    figuresAndParts,
    batchCounts(db, county, query.year),
    figureCompleteness(db, { region: q.region, asOf: q.asOf }, actor),
    // A reporter's figures are its unit's, and the sentence says so rather than 全县.
    query.unitId ? listUnits(db, county).then((units) => units.find((u) => u.id === query.unitId)?.name ?? '本单位') : null,
  ]);

  const summary: PoolSummary = {
    region: q.region,
    regionName: region.name,
    asOf: q.asOf,
    timeProgress: linearTimeProgress(q.asOf),
    unitId: query.unitId ?? null,
    ...figures,
    batches,
    completeness,
    sentence: unitName
      ? poolSentence(figures, q.asOf, unitName)
      : `${batchSentence(batches)}${poolSentence(figures, q.asOf, scopeWord(region.level, region.isZone))}`,
  };
  if (parts) Object.assign(summary, parts);
  return summary;
}

async function breakdowns(db: Db, query: PoolQuery, level: string): Promise<{ figures: PoolFigures; rows: Partial<PoolSummary> | null }> {
  if (level === 'city' || level === 'province') {
    const [rows, counties] = await Promise.all([poolPhaseFigures(db, query, 'county'), countyNames(db, query.regionCode)]);
    return { figures: poolFigures(rows), rows: { byCounty: breakdown(rows, (k) => counties.get(k) ?? k) } };
  }
  const [projects, townships, units, leaders] = await Promise.all([
    poolProjectRows(db, query),
    childRegions(db, query.regionCode),
    listUnits(db, query.regionCode),
    listLeaders(db, query.regionCode),
  ]);
  const townshipName = new Map(townships.map((t) => [t.code, t.name]));
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const leaderName = new Map(leaders.map((l) => [l.id, l.name]));
  return {
    figures: poolFigures(groupPhaseFigures(projects, () => null)),
    rows: {
      byTownship: breakdown(groupPhaseFigures(projects, (p) => p.township), (k) => townshipName.get(k) ?? k, '县直及跨乡镇'),
      byChain: breakdown(groupPhaseFigures(projects, (p) => p.chain), (k) => k),
      byLeader: breakdown(groupPhaseFigures(projects, (p) => p.leaders), (k) => leaderName.get(k) ?? k),
      byUnit: breakdown(groupPhaseFigures(projects, (p) => p.unit), (k) => unitName.get(k) ?? k),
    },
  };
}

/** County names under a city or province, for labelling a by-county breakdown: one query, not one per city. */
async function countyNames(db: Db, code: string): Promise<Map<string, string>> {
  return countyLabels(code, await listCountiesWithCities(db, code));
}
