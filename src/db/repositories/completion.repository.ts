// Investment completed per project: over a window of months (year-to-date), or over every tracked month up to one.

import { sql } from 'kysely';
import type { Db } from '../transaction.ts';
import { inProjectCounty, inRegion } from './county-key.ts';

/**
 * The investment project `p` completed from `fromMonth` to `toMonth` (both included), 0 without figures: the one
 * expression every year-to-date figure is computed with, answered from the (county_code, project_id, month, completed) index.
 */
export function completedBetween(fromMonth: string, toMonth: string) {
  return sql<number>`coalesce((select sum(m.completed) from project_month m
    where ${inProjectCounty('m')} and m.project_id = p.id and m.month >= ${fromMonth} and m.month <= ${toMonth}), 0)`;
}

/** Everything project `p` completed in tiaodu's months up to and including `toMonth`, 0 without figures: 开工累计 less what came before. */
export function completedThrough(toMonth: string) {
  return sql<number>`coalesce((select sum(m.completed) from project_month m
    where ${inProjectCounty('m')} and m.project_id = p.id and m.month <= ${toMonth}), 0)`;
}

/**
 * The investment each project of a region completed from `fromMonth` to `toMonth`, one row per project with figures
 * (`county_code`, `project_id`, `completed`): the year-to-date figure as one grouped query, to be joined to the
 * projects on both keys. On the sharded layout each shard sums its own counties in one query, where `completedBetween`
 * asks a shard once per project; on one server the per-project subquery is the faster of the two (docs/scale.md).
 */
export function completedByProjectBetween(db: Db, regionCode: string, fromMonth: string, toMonth: string) {
  return db
    .selectFrom('project_month as m')
    .select(['m.county_code', 'm.project_id', sql<number>`sum(m.completed)`.as('completed')])
    .where(inRegion('m', regionCode))
    .where('m.month', '>=', fromMonth)
    .where('m.month', '<=', toMonth)
    .groupBy(['m.county_code', 'm.project_id']);
}
