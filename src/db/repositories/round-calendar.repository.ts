// Reads and writes a round's place on the calendar: its deadline moved, reopenings for one unit, the months a county's
// current month is drawn from, and how complete the rounds still open are.

import { sql, type Kysely } from 'kysely';
import type { DeadlineBasis } from '../../domain/round/deadlines.ts';
import type { ReportStatus } from '../../domain/round/round.ts';
import type { Database } from '../schema.ts';
import { inProjectCounty } from './county-key.ts';
import { yearsWithProjects } from './pool.repository.ts';

type Db = Kysely<Database>;

/** Moves an open round's deadline; false when the round was closed meanwhile. */
export async function updateRoundDeadline(db: Db, id: string, deadline: string, graceUntil: string, basis: DeadlineBasis): Promise<boolean> {
  const result = await db
    .updateTable('round')
    .set({ deadline, grace_until: graceUntil, deadline_basis: basis })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface Reopening {
  id: string;
  roundId: string;
  unitId: string;
  reason: string;
  deadline: string;
  graceUntil: string;
  reopenedAt: string;
  reopenedBy: string | null;
  relockedAt: string | null;
  relockedBy: string | null;
}

export async function insertReopening(db: Db, r: Reopening): Promise<void> {
  await db
    .insertInto('round_reopening')
    .values({
      id: r.id,
      round_id: r.roundId,
      unit_id: r.unitId,
      reason: r.reason,
      deadline: r.deadline,
      grace_until: r.graceUntil,
      reopened_at: r.reopenedAt,
      reopened_by: r.reopenedBy,
      relocked_at: r.relockedAt,
      relocked_by: r.relockedBy,
    })
    .execute();
}

/** The reopenings not locked again of the given rounds, with their units' names, oldest first. */
export async function activeReopenings(db: Db, roundIds: readonly string[]): Promise<(Reopening & { unitName: string })[]> {
  if (roundIds.length === 0) return [];
  const rows = await db
    .selectFrom('round_reopening as ro')
    .innerJoin('unit as u', 'u.id', 'ro.unit_id')
    .selectAll('ro')
    .select('u.name as unit_name')
    .where('ro.round_id', 'in', roundIds)
    .where('ro.relocked_at', 'is', null)
    .orderBy('ro.reopened_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    roundId: r.round_id,
    unitId: r.unit_id,
    reason: r.reason,
    deadline: r.deadline,
    graceUntil: r.grace_until,
    reopenedAt: r.reopened_at,
    reopenedBy: r.reopened_by,
    relockedAt: r.relocked_at,
    relockedBy: r.relocked_by,
    unitName: r.unit_name,
  }));
}

/** Locks a unit's reopening again; false when it was locked meanwhile. */
export async function relockReopening(db: Db, id: string, at: string, by: string | null): Promise<boolean> {
  const result = await db.updateTable('round_reopening').set({ relocked_at: at, relocked_by: by }).where('id', '=', id).where('relocked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** How many of a unit's reports in a round are in each status. */
export async function unitReportCounts(db: Db, roundId: string, unitId: string): Promise<Partial<Record<ReportStatus, number>>> {
  const rows = await db
    .selectFrom('report')
    .select(['status', sql<number>`count(*)`.as('n')])
    .where('round_id', '=', roundId)
    .where('unit_id', '=', unitId)
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** The month of a county's latest closed round, or null. */
export async function lastClosedRoundMonth(db: Db, countyCode: string): Promise<string | null> {
  const row = await db
    .selectFrom('round')
    .select(sql<string | null>`max(month)`.as('month'))
    .where('region_code', '=', countyCode)
    .where('status', '=', 'closed')
    .executeTakeFirst();
  return row?.month ?? null;
}

/** The latest month with completed investment in a county's projects that no open round of the county is still collecting. */
export async function latestSettledMonth(db: Db, countyCode: string): Promise<string | null> {
  const row = await db
    .selectFrom('project_month as m')
    .innerJoin('project as p', (j) => j.onRef('p.id', '=', 'm.project_id').on(inProjectCounty('m')))
    .select(sql<string | null>`max(m.month)`.as('month'))
    .where('m.county_code', '=', countyCode)
    .where('p.region_code', '=', countyCode)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('round as rd').select('rd.id').where('rd.region_code', '=', countyCode).where('rd.status', '=', 'open').whereRef('rd.month', '=', 'm.month'))),
    )
    .executeTakeFirst();
  return row?.month ?? null;
}

export interface CompletenessQuery {
  /** The counties whose codes lie in [lo, hi]. */
  lo: string;
  hi: string;
  /** Only rounds of these months (inclusive); all months when left out. */
  fromMonth?: string;
  toMonth?: string;
  /** Only this unit's reports (a reporter's view). */
  unitId?: string | null;
  /** Only reports of projects in this township or zone. */
  townshipCode?: string | null;
}

/**
 * The rounds still collecting figures — open, or closed but reopened for a unit — with their reports due and approved
 * within the query's scope, oldest month first.
 */
export async function openRoundCounts(db: Db, q: CompletenessQuery): Promise<{ roundId: string; regionCode: string; month: string; due: number; approved: number }[]> {
  const rows = await db
    .selectFrom('round as rd')
    .innerJoin('report as r', 'r.round_id', 'rd.id')
    .innerJoin('project as p', 'p.id', 'r.project_id')
    .select([
      'rd.id',
      'rd.region_code',
      'rd.month',
      sql<number>`count(*)`.as('due'),
      sql<number>`sum(case when r.status = 'approved' then 1 else 0 end)`.as('approved'),
    ])
    .where('rd.region_code', '>=', q.lo)
    .where('rd.region_code', '<=', q.hi)
    .where(({ or, eb, exists, selectFrom }) =>
      or([eb('rd.status', '=', 'open'), exists(selectFrom('round_reopening as ro').select('ro.id').whereRef('ro.round_id', '=', 'rd.id').where('ro.relocked_at', 'is', null))]),
    )
    .$if(!!q.fromMonth, (qb) => qb.where('rd.month', '>=', q.fromMonth!))
    .$if(!!q.toMonth, (qb) => qb.where('rd.month', '<=', q.toMonth!))
    .$if(!!q.unitId, (qb) => qb.where('r.unit_id', '=', q.unitId!))
    .$if(!!q.townshipCode, (qb) => qb.where('p.township_code', '=', q.townshipCode!))
    .groupBy(['rd.id', 'rd.region_code', 'rd.month'])
    .orderBy('rd.month')
    .orderBy('rd.region_code')
    .execute();
  return rows.map((r) => ({ roundId: r.id, regionCode: r.region_code, month: r.month, due: Number(r.due), approved: Number(r.approved) }));
}

/** A unit's projects in a year's pool (续建 or 新建, not cancelled), by name. */
export async function unitPoolProjects(db: Db, countyCode: string, unitId: string, year: number): Promise<{ id: string; name: string; stage: string; phase: string }[]> {
  const rows = await yearsWithProjects(db)
    .select(['p.id', 'p.name', 'p.stage', 'y.phase'])
    .where('y.county_code', '=', countyCode)
    .where('y.year', '=', year)
    .where('y.phase', 'in', ['continuing', 'newStart'])
    .where('p.stage', '!=', 'cancelled')
    .where('p.region_code', '=', countyCode)
    .where('p.unit_id', '=', unitId)
    .orderBy('p.name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, stage: r.stage, phase: r.phase }));
}
