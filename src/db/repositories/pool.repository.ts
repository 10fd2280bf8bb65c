// Aggregates of the project pool by phase (and optionally one more key), computed in SQL so a province stays fast.

import { sql, type Kysely } from 'kysely';
import type { PhaseFigures, PoolProjectFigures } from '../../domain/pool/pool-analysis.ts';
import type { Database } from '../schema.ts';
import { completedBetween } from './completion.repository.ts';
import { countyRange } from './scope.ts';

/** The columns a breakdown may group by, named as the API names them. */
export const POOL_GROUP_KEYS = {
  township: 'p.township_code',
  chain: 'p.chain',
  leader: 'p.leader_id',
  unit: 'p.unit_id',
  county: 'p.region_code',
  category: 'p.category',
} as const;
export type PoolGroupKey = keyof typeof POOL_GROUP_KEYS;

export interface PoolQuery {
  /** A county, city or province code: the counties inside it are counted. */
  regionCode: string;
  year: number;
  /** First and last month of the year-to-date window, 'YYYY-MM'. */
  fromMonth: string;
  toMonth: string;
  /** The last day of the as-of month: started/resumed on or before it count. */
  endDay: string;
  /** Only this township or zone (9-digit code). */
  townshipCode?: string | null;
  /** Only this responsible unit (a reporter's view). */
  unitId?: string | null;
}

/** The projects of the pool, one row each with what the figures need; the aggregates below and the alert rules are built on it. */
export function poolProjects(db: Kysely<Database>, q: PoolQuery) {
  const [lo, hi] = countyRange(q.regionCode);
  return db
    .selectFrom('project_year as y')
    .innerJoin('project as p', 'p.id', 'y.project_id')
    .select([
      'y.phase as phase',
      'p.total_investment as total',
      'y.annual_plan as plan',
      completedBetween(q.fromMonth, q.toMonth).as('ytd'),
      sql<number>`case when p.started_on is not null and p.started_on <= ${q.endDay} then 1 else 0 end`.as('started'),
      sql<number>`case when y.resumed_on is not null and y.resumed_on <= ${q.endDay} then 1 else 0 end`.as('resumed'),
    ])
    .where('y.year', '=', q.year)
    .where('y.phase', 'in', ['continuing', 'newStart'])
    .where('p.stage', '!=', 'cancelled')
    .where('p.region_code', '>=', lo)
    .where('p.region_code', '<=', hi)
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
  const key = groupBy ? sql.ref(POOL_GROUP_KEYS[groupBy]) : sql<null>`null`;
  const rows = await db
    .selectFrom(poolProjects(db, q).select(key.as('group_key')).as('t'))
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
    phase: r.phase as PhaseFigures['phase'],
    key: (r.group_key as string | null) ?? null,
    count: Number(r.count),
    totalInvestment: Number(r.total_investment),
    annualPlan: Number(r.annual_plan),
    completedYtd: Number(r.completed_ytd),
    started: Number(r.started),
    resumed: Number(r.resumed),
  }));
}

/** One pool project's contribution to the figures, with every key a breakdown groups by. */
export type PoolProjectRow = PoolProjectFigures & { township: string | null; chain: string | null; leader: string | null; unit: string | null };

/**
 * The pool's projects one row each, for a county's dashboard: one scan serves the totals and every breakdown,
 * where five aggregates would each scan the pool again.
 */
export async function poolProjectRows(db: Kysely<Database>, q: PoolQuery): Promise<PoolProjectRow[]> {
  const rows = await poolProjects(db, q)
    .select(['p.township_code as township', 'p.chain as chain', 'p.leader_id as leader', 'p.unit_id as unit'])
    .execute();
  return rows.map((r) => ({
    phase: r.phase as PoolProjectRow['phase'],
    totalInvestment: Number(r.total),
    annualPlan: Number(r.plan),
    completedYtd: Number(r.ytd),
    started: Number(r.started) === 1,
    resumed: Number(r.resumed) === 1,
    township: r.township,
    chain: r.chain,
    leader: r.leader,
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
