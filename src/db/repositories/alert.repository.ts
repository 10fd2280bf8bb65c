// The projects each alert rule lights, found by the bounds the domain computes (days, months, exact shares of the
// plan): the database filters and returns only lit projects, with the facts their reasons quote.

import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { BehindGroup } from '../../domain/alerts/alert-rules.ts';
import { toYuan, type Yuan } from '../../domain/money.ts';
import type { Phase, Stage, StatsEntryStatus } from '../../domain/project/project.ts';
import type { Database } from '../schema.ts';
import { completionOfProjects, withLastInvested } from './completion.repository.ts';
import { inProjectCounty } from './county-key.ts';
import { poolProjects, type PoolQuery } from './pool.repository.ts';
import { countyRange } from './scope.ts';

type Db = Kysely<Database>;

/** A lit project with every fact any rule's reason quotes. */
export interface AlertProjectRow {
  id: string;
  regionCode: string;
  townshipCode: string | null;
  name: string;
  unitId: string | null;
  unitName: string | null;
  category: string | null;
  stage: Stage;
  signedOn: string | null;
  landSuppliedOn: string | null;
  permitOn: string | null;
  startedOn: string | null;
  suspendedOn: string | null;
  totalInvestment: Yuan;
  statsEntry: StatsEntryStatus;
}

const PROJECT_COLUMNS = [
  'p.id', 'p.region_code', 'p.township_code', 'p.name', 'p.unit_id', 'u.name as unit_name', 'p.category', 'p.stage', 'p.signed_on', 'p.land_supplied_on',
  'p.permit_on', 'p.started_on', 'p.suspended_on', 'p.total_investment', 'p.stats_entry',
] as const;

interface ProjectColumns {
  id: string;
  region_code: string;
  township_code: string | null;
  name: string;
  unit_id: string | null;
  unit_name: string | null;
  category: string | null;
  stage: string;
  signed_on: string | null;
  land_supplied_on: string | null;
  permit_on: string | null;
  started_on: string | null;
  suspended_on: string | null;
  total_investment: number | string;
  stats_entry: string;
}

function toRow(r: ProjectColumns): AlertProjectRow {
  return {
    id: r.id,
    regionCode: r.region_code,
    townshipCode: r.township_code,
    name: r.name,
    unitId: r.unit_id,
    unitName: r.unit_name ?? null,
    category: r.category,
    stage: r.stage as Stage,
    signedOn: r.signed_on,
    landSuppliedOn: r.land_supplied_on,
    permitOn: r.permit_on,
    startedOn: r.started_on,
    suspendedOn: r.suspended_on,
    totalInvestment: toYuan(r.total_investment),
    statsEntry: r.stats_entry as StatsEntryStatus,
  };
}

/** Where the rules look: a county, city or province; one unit's projects (a reporter's); only some projects (a leader's). */
export interface AlertScope {
  regionCode: string;
  unitId?: string | null;
  projectIds?: readonly string[] | null;
  /** Only these counties, or all but these: counties that share a set of thresholds. */
  counties?: readonly string[] | null;
  exceptCounties?: readonly string[] | null;
}

// Projects that are finished or given up light no rule of stalled work.
const LIVE = ['cancelled', 'completed', 'operating'] as const;

/** 'YYYY-MM-DD' or 'YYYY-MM' prefix of a day column, the same text function on both databases. */
const monthOf = (column: string) => sql<string>`substr(${sql.ref(column)}, 1, 7)`;

/**
 * Narrows projects `p` to the scope. `inPool` says the query is built on poolProjects, which names the region itself:
 * naming it again on the sharded layout makes PostgreSQL expect under one row and rescan a shard's sums once per
 * project (seconds for one county at national size; see poolProjects).
 */
function scoped<QB extends { where: (...args: any[]) => QB }>(qb: QB, s: AlertScope, inPool = false): QB {
  const [lo, hi] = countyRange(s.regionCode);
  let q = inPool ? qb : qb.where('p.region_code', '>=', lo).where('p.region_code', '<=', hi);
  if (s.regionCode.length === 9) q = q.where('p.township_code', '=', s.regionCode);
  if (s.unitId) q = q.where('p.unit_id', '=', s.unitId);
  if (s.projectIds) q = q.where('p.id', 'in', s.projectIds.length > 0 ? [...s.projectIds] : ['']);
  if (s.counties) q = q.where('p.region_code', 'in', s.counties.length > 0 ? [...s.counties] : ['']);
  if (s.exceptCounties?.length) q = q.where('p.region_code', 'not in', [...s.exceptCounties]);
  return q;
}

export type DayColumn = 'p.land_supplied_on' | 'p.permit_on' | 'p.signed_on' | 'p.suspended_on';

/**
 * Live projects whose day in `column` is on or before `atMost`; with `notStartedBy`, only those not started by that
 * day; with `suspended`, only suspended projects that had started (开工后又停工).
 */
export async function projectsByDay(db: Db, s: AlertScope, q: { column: DayColumn; atMost: string; notStartedBy?: string; suspended?: boolean }): Promise<AlertProjectRow[]> {
  let query = db
    .selectFrom('project as p')
    .leftJoin('unit as u', 'u.id', 'p.unit_id')
    .select([...PROJECT_COLUMNS])
    .where(q.column, 'is not', null)
    .where(q.column, '<=', q.atMost)
    .where('p.stage', 'not in', [...LIVE]);
  query = scoped(query, s);
  if (q.notStartedBy) {
    const day = q.notStartedBy;
    query = query.where((eb) => eb.or([eb('p.started_on', 'is', null), eb('p.started_on', '>', day)]));
  }
  if (q.suspended) query = query.where('p.stage', '=', 'suspended').where('p.started_on', 'is not', null);
  return (await query.orderBy('p.id').execute()).map(toRow);
}

export interface BehindRow extends AlertProjectRow {
  phase: Phase;
  annualPlan: Yuan;
  ytd: Yuan;
}

/**
 * 低于时序进度: projects of the year's pool, under way or suspended (new projects once started; continuing ones all
 * year), with a plan, whose year-to-date share of it is at or below their group's bound — compared exactly, as
 * ytd × den ≤ plan × num in numeric arithmetic.
 */
export async function behindProjects(db: Db, s: AlertScope, pool: PoolQuery, groups: readonly BehindGroup[]): Promise<BehindRow[]> {
  if (groups.length === 0) return [];
  const inner = scoped(
    poolProjects(db, pool)
      .leftJoin('unit as u', 'u.id', 'p.unit_id')
      .select([...PROJECT_COLUMNS])
      .where('p.stage', 'not in', [...LIVE])
      .where('y.annual_plan', '>', 0)
      .where((eb) => eb.or([eb('y.phase', '=', 'continuing'), eb.and([eb('p.started_on', 'is not', null), eb('p.started_on', '<=', pool.endDay)])])),
    s,
    true,
  );
  const rows = await db
    .selectFrom(inner.as('t'))
    .selectAll()
    .where((eb) =>
      eb.or(
        groups.map((g) => {
          const parts: Expression<SqlBool>[] = [sql<SqlBool>`cast(t.ytd as numeric) * ${g.atMost.den} <= cast(t.plan as numeric) * ${g.atMost.num}`];
          if (g.counties) parts.push(eb('t.region_code', 'in', [...g.counties]));
          if (g.exceptCounties?.length) parts.push(eb('t.region_code', 'not in', [...g.exceptCounties]));
          if (g.category !== undefined) parts.push(eb('t.category', '=', g.category));
          if (g.phase) parts.push(eb('t.phase', '=', g.phase));
          if (g.exceptCategories?.length) parts.push(eb.or([eb('t.category', 'is', null), eb('t.category', 'not in', [...g.exceptCategories])]));
          if (g.exceptPhases?.length) parts.push(eb('t.phase', 'not in', [...g.exceptPhases]));
          return eb.and(parts);
        }),
      ),
    )
    .orderBy('t.id')
    .execute();
  return rows.map((r) => ({ ...toRow(r as unknown as ProjectColumns), phase: r.phase as Phase, annualPlan: toYuan(r.plan), ytd: toYuan(r.ytd) }));
}

export interface PlannedStartRow extends AlertProjectRow {
  plannedMonth: string;
}

/** 计划开工未开工: new projects of the year's pool planned to start by `atMost` and not started by the pool's end day. */
export async function lateStarts(db: Db, s: AlertScope, pool: PoolQuery, atMost: string): Promise<PlannedStartRow[]> {
  const rows = await scoped(
    poolProjects(db, pool)
      .innerJoin('project_start_plan as sp', (j) => j.onRef('sp.project_id', '=', 'p.id').on('sp.year', '=', pool.year))
      .leftJoin('unit as u', 'u.id', 'p.unit_id')
      .select([...PROJECT_COLUMNS, 'sp.month as planned_month'])
      .where('y.phase', '=', 'newStart')
      .where('sp.month', '<=', atMost)
      .where((eb) => eb.or([eb('p.started_on', 'is', null), eb('p.started_on', '>', pool.endDay)])),
    s,
    true,
  )
    .orderBy('p.id')
    .execute();
  return rows.map((r) => ({ ...toRow(r as unknown as ProjectColumns), plannedMonth: r.planned_month }));
}

export interface QuietRow extends AlertProjectRow {
  resumedOn: string | null;
  lastInvestedMonth: string | null;
}

/**
 * 连续无投资: projects of the year's pool under way since before the bound whose last month with investment (up to the
 * as-of month) is on or before `quietSince` — that is, whose latest of (last invested month, the month before the
 * start, the month before this year's resumption) is on or before it.
 */
export async function quietProjects(db: Db, s: AlertScope, pool: PoolQuery, quietSince: string, monthAfter: string): Promise<QuietRow[]> {
  const [withLast, last] = withLastInvested(db, poolProjects(db, pool), pool.regionCode, pool.toMonth);
  const inner = scoped(
    withLast
      .leftJoin('unit as u', 'u.id', 'p.unit_id')
      .select([...PROJECT_COLUMNS, 'y.resumed_on', last.as('last_invested')])
      .where('p.stage', '=', 'underway')
      .where('p.started_on', 'is not', null)
      .where(monthOf('p.started_on'), '<=', monthAfter)
      .where((eb) => eb.or([eb('y.resumed_on', 'is', null), eb(monthOf('y.resumed_on'), '<=', monthAfter)])),
    s,
    true,
  );
  const rows = await db
    .selectFrom(inner.as('t'))
    .selectAll()
    .where((eb) => eb.or([eb('t.last_invested', 'is', null), eb('t.last_invested', '<=', quietSince)]))
    .orderBy('t.id')
    .execute();
  return rows.map((r) => ({ ...toRow(r as unknown as ProjectColumns), resumedOn: r.resumed_on, lastInvestedMonth: r.last_invested }));
}

/** Projects by id, with the facts a list of alerts shows. */
export async function alertProjectsByIds(db: Db, ids: readonly string[]): Promise<AlertProjectRow[]> {
  const out: AlertProjectRow[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    if (chunk.length === 0) continue;
    const rows = await db.selectFrom('project as p').leftJoin('unit as u', 'u.id', 'p.unit_id').select([...PROJECT_COLUMNS]).where('p.id', 'in', chunk).execute();
    out.push(...rows.map(toRow));
  }
  return out;
}

export interface ProjectStanding extends AlertProjectRow {
  annualPlan: Yuan | null;
  ytd: Yuan;
}

/** Projects by id with their annual plan of a year and the year-to-date completion: a leader's projects at a glance. */
export async function projectStandings(db: Db, ids: readonly string[], year: number, toMonth: string): Promise<ProjectStanding[]> {
  const out: ProjectStanding[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    if (chunk.length === 0) continue;
    const rows = await db
      .selectFrom('project as p')
      .leftJoin('unit as u', 'u.id', 'p.unit_id')
      .leftJoin('project_year as y', (j) => j.onRef('y.project_id', '=', 'p.id').on(inProjectCounty('y')).on('y.year', '=', year))
      .select([...PROJECT_COLUMNS, 'p.county_code', 'y.annual_plan'])
      .where('p.id', 'in', chunk)
      .execute();
    const completed = await completionOfProjects(db, rows.map((r) => ({ id: r.id, countyCode: r.county_code })), `${year}-01`, toMonth);
    out.push(...rows.map((r) => ({ ...toRow(r), annualPlan: r.annual_plan === null ? null : toYuan(r.annual_plan), ytd: toYuan(completed.get(r.id)?.ytd ?? 0) })));
  }
  return out;
}
