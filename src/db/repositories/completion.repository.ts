// Investment completed per project: over a window of months (year-to-date), or over every tracked month up to one.

import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { figureLayout } from '../figure-layout.ts';
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
 * What each project of a region completed up to `toMonth`, one row per project with figures (`county_code`,
 * `project_id`, `ytd`: from `fromMonth`; with `sinceStart`, also `through`: every month), to be joined to the projects
 * on both keys. On the sharded layout each shard sums its own counties in one query, where `completedBetween` asks a
 * shard once per project; on one server the per-project subquery is the faster of the two (docs/scale.md).
 */
function completionByProject(db: Db, regionCode: string, fromMonth: string, toMonth: string, sinceStart: boolean) {
  const months = db
    .selectFrom('project_month as m')
    .select(['m.county_code', 'm.project_id'])
    .where(inRegion('m', regionCode))
    .where('m.month', '<=', toMonth)
    .groupBy(['m.county_code', 'm.project_id']);
  // Without 开工累计 only the window's months are read (the shards' (county, month, …) index serves it).
  return sinceStart
    ? months.select([sql<number>`sum(case when m.month >= ${fromMonth} then m.completed else 0 end)`.as('ytd'), sql<number>`sum(m.completed)`.as('through')])
    : months.where('m.month', '>=', fromMonth).select(sql<number>`sum(m.completed)`.as('ytd'));
}

/**
 * A query over projects `p` of `regionCode`, with the expression of each project's investment from `fromMonth` to
 * `toMonth` (the year-to-date figure): a subquery per project on one server, a join to the grouped sums where the month
 * rows are on shards (`figure-layout.ts`). Every year-to-date figure over a region is read through this.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function withCompletedBetween<QB extends SelectQueryBuilder<any, any, any>>(db: Db, qb: QB, regionCode: string, fromMonth: string, toMonth: string): [QB, RawBuilder<number>] {
  if (figureLayout(db) !== 'sharded') return [qb, completedBetween(fromMonth, toMonth)];
  return [joinPerProject(qb, completionByProject(db, regionCode, fromMonth, toMonth, false), 'pc'), sql<number>`coalesce(pc.ytd, 0)`];
}

/** As `withCompletedBetween`, with everything each project completed up to `toMonth` as well (`completedThrough`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function withCompletedSinceStart<QB extends SelectQueryBuilder<any, any, any>>(
  db: Db,
  qb: QB,
  regionCode: string,
  fromMonth: string,
  toMonth: string,
): [QB, { ytd: RawBuilder<number>; through: RawBuilder<number> }] {
  if (figureLayout(db) !== 'sharded') return [qb, { ytd: completedBetween(fromMonth, toMonth), through: completedThrough(toMonth) }];
  return [joinPerProject(qb, completionByProject(db, regionCode, fromMonth, toMonth, true), 'pc'), { ytd: sql<number>`coalesce(pc.ytd, 0)`, through: sql<number>`coalesce(pc.through, 0)` }];
}

/** As `withCompletedBetween`, with everything each project completed up to `toMonth` alone (`completedThrough`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function withCompletedThrough<QB extends SelectQueryBuilder<any, any, any>>(db: Db, qb: QB, regionCode: string, toMonth: string): [QB, RawBuilder<number>] {
  const [joined, completed] = withCompletedSinceStart(db, qb, regionCode, toMonth, toMonth);
  return [joined, completed.through];
}

/**
 * What each of these projects completed from `fromMonth` to `toMonth` (`ytd`) and in every month up to `toMonth`
 * (`through`), by project id; a project without figures is left out. One grouped query over their counties' keys, on
 * every layout: for a page of a ledger or a leader's projects, where a subquery per project would cost a shard's
 * round trip each on the sharded layout.
 */
export async function completionOfProjects(
  db: Db,
  projects: readonly { id: string; countyCode: string }[],
  fromMonth: string,
  toMonth: string,
): Promise<Map<string, { ytd: number; through: number }>> {
  if (projects.length === 0) return new Map();
  const rows = await db
    .selectFrom('project_month as m')
    .select([
      'm.project_id',
      sql<number | string>`sum(case when m.month >= ${fromMonth} then m.completed else 0 end)`.as('ytd'),
      sql<number | string>`sum(m.completed)`.as('through'),
    ])
    .where('m.county_code', 'in', [...new Set(projects.map((p) => p.countyCode))])
    .where('m.project_id', 'in', projects.map((p) => p.id))
    .where('m.month', '<=', toMonth)
    .groupBy(['m.county_code', 'm.project_id'])
    .execute();
  return new Map(rows.map((r) => [r.project_id, { ytd: Number(r.ytd), through: Number(r.through) }]));
}

/**
 * The last month with investment, up to and including `toMonth`, of each project of a region that has one
 * (`county_code`, `project_id`, `last_invested`): the grouped form, for the sharded layout, of `lastInvested`.
 */
function lastInvestedByProject(db: Db, regionCode: string, toMonth: string) {
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

/** As `withCompletedBetween`, for each project's last month with investment up to `toMonth` (`lastInvested`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function withLastInvested<QB extends SelectQueryBuilder<any, any, any>>(db: Db, qb: QB, regionCode: string, toMonth: string): [QB, RawBuilder<string | null>] {
  if (figureLayout(db) !== 'sharded') return [qb, lastInvested(toMonth)];
  return [joinPerProject(qb, lastInvestedByProject(db, regionCode, toMonth), 'li'), sql<string | null>`li.last_invested`];
}

/**
 * Left-joins a per-project subquery keyed by (`county_code`, `project_id`), such as `completionByProject`, to the
 * projects `p` as `alias`. Its columns are read through raw SQL (`pc.ytd`), so the builder's row type is kept.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function joinPerProject<QB extends SelectQueryBuilder<any, any, any>>(qb: QB, perProject: { as(alias: string): any }, alias: string): QB {
  return qb.leftJoin(perProject.as(alias), (j) => j.onRef(`${alias}.county_code`, '=', 'p.county_code').onRef(`${alias}.project_id`, '=', 'p.id')) as QB;
}
