// Investment completed per project: over a window of months (year-to-date), or over every tracked month up to one.

import { sql, type Kysely } from 'kysely';
import { toYuan, type Yuan } from '../../domain/money.ts';
import type { Database } from '../schema.ts';
import { countyRange } from './scope.ts';

type Db = Kysely<Database>;

/**
 * The investment project `p` completed from `fromMonth` to `toMonth` (both included), 0 without figures: the one
 * expression every year-to-date figure is computed with, answered from the (project_id, month, completed) index.
 */
export function completedBetween(fromMonth: string, toMonth: string) {
  return sql<number>`coalesce((select sum(m.completed) from project_month m
    where m.project_id = p.id and m.month >= ${fromMonth} and m.month <= ${toMonth}), 0)`;
}

/** Sum of the monthly completions of each project of a region up to and including `toMonth`; projects without months are absent. */
export async function completedThroughByProject(db: Db, regionCode: string, toMonth: string): Promise<Map<string, Yuan>> {
  const [lo, hi] = countyRange(regionCode);
  const rows = await db
    .selectFrom('project_month as m')
    .innerJoin('project as p', 'p.id', 'm.project_id')
    .select(['m.project_id as id', sql<number | string>`sum(m.completed)`.as('completed')])
    .where('p.region_code', '>=', lo)
    .where('p.region_code', '<=', hi)
    .where('m.month', '<=', toMonth)
    .groupBy('m.project_id')
    .execute();
  return new Map(rows.map((r) => [r.id, toYuan(r.completed)]));
}
