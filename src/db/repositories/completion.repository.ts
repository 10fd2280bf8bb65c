// Investment completed per project: over a window of months (year-to-date), or over every tracked month up to one.

import { sql, type SelectQueryBuilder } from 'kysely';
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

/**
 * The last month with investment, up to and including `toMonth`, of each project of a region that has one
 * (`county_code`, `project_id`, `last_invested`): the grouped form, for the sharded layout, of `lastInvested`.
 */
export function lastInvestedByProject(db: Db, regionCode: string, toMonth: string) {
  return db
    .selectFrom('project_month as m')
    .select(['m.county_code', 'm.project_id', sql<string>`max(m.month)`.as('last_invested')])
    .where(inRegion('m', regionCode))
    .where('m.completed', '>', 0)
    .where('m.month', '<=', toMonth)
    .groupBy(['m.county_code', 'm.project_id']);
}

/** Project `p`'s last month with investment up to and including `toMonth`, null without one: one subquery per project. */
export function lastInvested(toMonth: string) {
  return sql<string | null>`(select max(m.month) from project_month m where ${inProjectCounty('m')} and m.project_id = p.id and m.completed > 0 and m.month <= ${toMonth})`;
}

/**
 * Left-joins a per-project subquery keyed by (`county_code`, `project_id`), such as `completedByProjectBetween`, to the
 * projects `p` as `alias`. Its columns are read through raw SQL (`ms.completed`), so the builder's row type is kept.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function joinPerProject<QB extends SelectQueryBuilder<any, any, any>>(qb: QB, perProject: { as(alias: string): any }, alias: string): QB {
  return qb.leftJoin(perProject.as(alias), (j) => j.onRef(`${alias}.county_code`, '=', 'p.county_code').onRef(`${alias}.project_id`, '=', 'p.id')) as QB;
}
