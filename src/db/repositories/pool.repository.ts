// Aggregates of the project pool by phase (and optionally one more key), computed in SQL so a province stays fast.

import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { PhaseFigures, PoolProjectFigures } from '../../domain/pool/pool-analysis.ts';
import { POOL_PHASES, WITHDRAWN_STAGES, type PoolBounds, type PoolPhase } from '../../domain/pool/pool-membership.ts';
import type { Database } from '../schema.ts';
import { figureLayout } from '../figure-layout.ts';
import { withCompletedBetween } from './completion.repository.ts';
import { inProjectCounty, inRegion } from './county-key.ts';
import { countyRange } from './scope.ts';

/** What a breakdown may group by, named as the API names them. */
export const POOL_GROUP_KEYS = {
  township: sql.ref<string | null>('p.township_code'),
  chain: sql.ref<string | null>('p.chain'),
  // A project with two 包联领导 is a row under each (project_leader is joined for this key only).
  leader: sql.ref<string | null>('pl.leader_id'),
  unit: sql.ref<string | null>('p.unit_id'),
  county: sql.ref<string>('p.region_code'),
  category: sql.ref<string | null>('p.category'),
  // The nation by province: a province's code is its counties' first two digits and four zeros.
  province: sql<string>`substr(p.region_code, 1, 2) || '0000'`,
} as const;
export type PoolGroupKey = keyof typeof POOL_GROUP_KEYS;

/** The pool of a region as of a month: the bounds come from the domain (`poolBounds`). */
export interface PoolQuery extends PoolBounds {
  /** A county, city or province code: the counties inside it are counted. */
  regionCode: string;
  /** Only this township or zone (9-digit code). */
  townshipCode?: string | null;
  /** Only this responsible unit (a reporter's view). */
  unitId?: string | null;
}

/**
 * Keeps the projects `p` whose year row `y` puts them in the pool of `year`: the domain names the phases and the
 * withdrawn stages, SQL only filters by them. Every query of a year's pool (analysis, round, indicators, ledger) uses it.
 */
// The query's own row types pass through untouched: the helper only adds conditions on the aliases p and y.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function whereInPool<QB extends SelectQueryBuilder<any, any, any>>(qb: QB, year: number): QB {
  return qb.where('y.year', '=', year).where('y.phase', 'in', POOL_PHASES).where('p.stage', 'not in', WITHDRAWN_STAGES) as QB;
}

/** Year rows `y` with their projects `p`, joined on the county as well, so the county-led keys serve. */
export function yearsWithProjects(db: Kysely<Database>) {
  return db.selectFrom('project_year as y').innerJoin('project as p', (j) => j.onRef('p.id', '=', 'y.project_id').on(inProjectCounty('y')));
}

/**
 * The projects of the pool, one row each with what the figures need; the aggregates below and the alert rules are
 * built on it. The year-to-date figure is a subquery per project on one server, and a grouped join where the month
 * rows are on shards (figure-layout.ts).
 */
export function poolProjects(db: Kysely<Database>, q: PoolQuery) {
  const [lo, hi] = countyRange(q.regionCode);
  const grouped = figureLayout(db) === 'sharded';
  // On shards the region is named once, on the year rows, and a project is found by its id. Named three times (the
  // year rows, their join to the project, the project's region) PostgreSQL multiplies the three selectivities as if
  // they were independent, expects under one row, and rescans a shard's sums once per project: at national size a
  // county's analysis took minutes. On one server the county in the join is what lets the county-led keys serve.
  const years = grouped ? db.selectFrom('project_year as y').innerJoin('project as p', 'p.id', 'y.project_id') : yearsWithProjects(db);
  const [withYtd, ytd] = withCompletedBetween(db, whereInPool(years, q.year), q.regionCode, q.fromMonth, q.toMonth);
  return withYtd
    .select([
      'y.phase as phase',
      'p.total_investment as total',
      'y.annual_plan as plan',
      ytd.as('ytd'),
      sql<number>`case when p.started_on is not null and p.started_on <= ${q.endDay} then 1 else 0 end`.as('started'),
      sql<number>`case when y.resumed_on is not null and y.resumed_on <= ${q.endDay} then 1 else 0 end`.as('resumed'),
    ])
    .where(inRegion('y', q.regionCode))
    .$if(!grouped, (qb) => qb.where('p.region_code', '>=', lo).where('p.region_code', '<=', hi))
    .$if(!!q.townshipCode, (qb) => qb.where('p.township_code', '=', q.townshipCode!))
    .$if(!!q.unitId, (qb) => qb.where('p.unit_id', '=', q.unitId!));
}

/**
 * Per-phase figures of the projects with an annual plan in the year that are not cancelled,
 * grouped by phase and, when asked, by one key — aggregated in the database.
 */
export async function poolPhaseFigures(
  db: Kysely<Database>,
  q: PoolQuery,
  groupBy?: PoolGroupKey,
): Promise<(PhaseFigures & { key: string | null })[]> {
  const key = groupBy ? POOL_GROUP_KEYS[groupBy] : sql<null>`null`;
  const base = groupBy === 'leader' ? poolProjects(db, q).leftJoin('project_leader as pl', 'pl.project_id', 'p.id') : poolProjects(db, q);
  const rows = await db
    .selectFrom(base.select(key.as('group_key')).as('t'))
    .select([
      't.phase',
      't.group_key',
      sql<number>`count(*)`.as('count'),
      sql<number>`sum(t.total)`.as('total_investment'),
      sql<number>`sum(t.plan)`.as('annual_plan'),
      sql<number>`sum(t.ytd)`.as('completed_ytd'),
      sql<number>`sum(t.started)`.as('started'),
      sql<number>`sum(t.resumed)`.as('resumed'),
    ])
    .groupBy(['t.phase', 't.group_key'])
    .execute();

  return rows.map((r) => ({
    // whereInPool keeps the pool's phases only.
    phase: r.phase as PoolPhase,
    key: (r.group_key as string | null) ?? null,
    count: Number(r.count),
    totalInvestment: Number(r.total_investment),
    annualPlan: Number(r.annual_plan),
    completedYtd: Number(r.completed_ytd),
    started: Number(r.started),
    resumed: Number(r.resumed),
  }));
}

/** One pool project's contribution to the figures, with every key a breakdown groups by (its leaders, in order). */
export type PoolProjectRow = PoolProjectFigures & { township: string | null; chain: string | null; leaders: string[]; unit: string | null };

/**
 * The pool's projects one row each, for a county's dashboard: one scan serves the totals and every breakdown,
 * where five aggregates would each scan the pool again. Each row carries its 包联领导 in order, read with the row:
 * a second query for the region's links read every project of the region again, the pool's and the others'.
 */
export async function poolProjectRows(db: Kysely<Database>, q: PoolQuery): Promise<PoolProjectRow[]> {
  // string_agg with its ORDER BY is PostgreSQL's, and SQLite's since 3.44; ids hold no comma.
  const leaders = sql<string | null>`(select string_agg(pl.leader_id, ',' order by pl.position) from project_leader pl where pl.project_id = p.id)`;
  const rows = await poolProjects(db, q)
    .select(['p.township_code as township', 'p.chain as chain', 'p.unit_id as unit', leaders.as('leaders')])
    .execute();
  return rows.map((r) => ({
    // whereInPool keeps the pool's phases only.
    phase: r.phase as PoolPhase,
    totalInvestment: Number(r.total),
    annualPlan: Number(r.plan),
    completedYtd: Number(r.ytd),
    started: Number(r.started) === 1,
    resumed: Number(r.resumed) === 1,
    township: r.township,
    chain: r.chain,
    leaders: r.leaders ? r.leaders.split(',') : [],
    unit: r.unit,
  }));
}

export interface BatchCountRow {
  id: string;
  heldOn: string;
  title: string;
  signed: number;
  started: number;
  operating: number;
}

/** The 三个一批 events of a year in the region, with how many projects each signed, started and put into production. */
export async function batchCounts(db: Kysely<Database>, regionCode: string, year: number): Promise<BatchCountRow[]> {
  const [lo, hi] = countyRange(regionCode);
  const rows = await db
    .selectFrom('batch_event as b')
    .leftJoin('batch_project as bp', 'bp.batch_id', 'b.id')
    .select([
      'b.id',
      'b.held_on',
      'b.title',
      sql<number>`sum(case when bp.kind = 'signed' then 1 else 0 end)`.as('signed'),
      sql<number>`sum(case when bp.kind = 'started' then 1 else 0 end)`.as('started'),
      sql<number>`sum(case when bp.kind = 'operating' then 1 else 0 end)`.as('operating'),
    ])
    .where('b.region_code', '>=', lo)
    .where('b.region_code', '<=', hi)
    .where('b.held_on', '>=', `${year}-01-01`)
    .where('b.held_on', '<=', `${year}-12-31`)
    .groupBy(['b.id', 'b.held_on', 'b.title'])
    .orderBy('b.held_on')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    heldOn: r.held_on,
    title: r.title,
    signed: Number(r.signed),
    started: Number(r.started),
    operating: Number(r.operating),
  }));
}
