// Reserve sufficiency and 有效投资余额 of a region as of a month (seed 000's 存在问题 1, seed 004), by category, with
// the paragraph drafted from them.

import { z } from 'zod';
import { coversRegion, type Actor } from '../../domain/access.ts';
import { forbidden, notFound } from '../../domain/errors.ts';
import { isMonth, lastDayOfMonth, monthYear } from '../../domain/months.ts';
import { reserveFigures, reserveSentence, type ReserveFigures, type ReserveGroup } from '../../domain/pool/reserve.ts';
import { parseInput } from '../../domain/validation.ts';
import { poolPhaseFigures, type PoolQuery } from '../../db/repositories/pool.repository.ts';
import { findRegion } from '../../db/repositories/region.repository.ts';
import { libraryByCategory, newlyEntered, type LibraryQuery } from '../../db/repositories/reserve.repository.ts';
import type { Db } from '../../db/transaction.ts';
import { scopeWord } from '../pool-summary.ts';
import { loadReserveSettings } from '../supervision/settings.ts';

export const ReserveInputSchema = z.object({
  region: z.string().regex(/^\d{6}(\d{3})?$/, '应为6位或9位区划代码'),
  asOf: z.string().refine(isMonth, '应为 YYYY-MM'),
});
export type ReserveInput = z.input<typeof ReserveInputSchema>;

export interface ReserveSummary extends ReserveFigures {
  region: string;
  regionName: string;
  asOf: string;
  /** Present for a reporter: the figures are its unit's only. */
  unitId: string | null;
  sentence: string;
}

/**
 * The reserve of a region as of the end of a month. The year's task and the coverage ratio are the county's settings
 * (the task defaults to the pool's annual plan, the ratio to seed 000's 2.7); a city or province takes its pool's plan.
 */
export async function reserveSummary(db: Db, input: ReserveInput, actor: Actor): Promise<ReserveSummary> {
  const q = parseInput(ReserveInputSchema, input, { region: '地区', asOf: '截至月份' });
  const county = q.region.slice(0, 6);
  if (!coversRegion(actor, county)) throw forbidden('无权查看该地区的数据');
  const region = await findRegion(db, q.region);
  if (!region) throw notFound(`地区 ${q.region}`);
  const year = monthYear(q.asOf);
  const unitId = actor.role === 'reporter' ? (actor.unitId ?? '\u0000') : null;
  const library: LibraryQuery = { regionCode: q.region, year, toMonth: q.asOf, endDay: lastDayOfMonth(q.asOf), unitId };
  const pool: PoolQuery = {
    regionCode: county,
    year,
    fromMonth: `${year}-01`,
    toMonth: q.asOf,
    endDay: lastDayOfMonth(q.asOf),
    townshipCode: q.region.length === 9 ? q.region : null,
    unitId,
  };
  const [libraryRows, poolRows, entered, settings] = await Promise.all([
    libraryByCategory(db, library),
    poolPhaseFigures(db, pool, 'category'),
    newlyEntered(db, library),
    loadReserveSettings(db, county, year),
  ]);
  const groups = new Map<string | null, ReserveGroup>();
  const group = (category: string | null) => {
    const g = groups.get(category) ?? { category, count: 0, remainingInvestment: 0, effectiveCount: 0, effectiveBalance: 0, annualPlan: 0, completedYtd: 0 };
    groups.set(category, g);
    return g;
  };
  for (const r of libraryRows) Object.assign(group(r.category), { count: r.count, remainingInvestment: r.remainingInvestment, effectiveCount: r.effectiveCount, effectiveBalance: r.effectiveBalance });
  for (const r of poolRows) {
    const g = group(r.key);
    g.annualPlan += r.annualPlan;
    g.completedYtd += r.completedYtd;
  }
  // The county's task is the county's: a township's, a unit's or a city's reserve is measured against its own plan.
  const ownTask = region.level === 'county' && !unitId ? settings.task : null;
  const figures = reserveFigures({ task: ownTask, coverageRatio: settings.coverageRatio, groups: [...groups.values()], newlyEntered: entered });
  return {
    region: q.region,
    regionName: region.name,
    asOf: q.asOf,
    unitId,
    ...figures,
    sentence: reserveSentence(figures, scopeWord(region.level, region.isZone)),
  };
}
