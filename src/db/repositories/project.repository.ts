// Reads and writes projects, their years, months and history; maps snake_case rows to the domain's camelCase.

import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import { toYuan, type Yuan } from '../../domain/money.ts';
import { firstMonthOfYear } from '../../domain/months.ts';
import { countyCodeOf } from '../../domain/region.ts';
import type { MonthlyCompletion, Phase, Project, ProjectYear, Stage } from '../../domain/project/project.ts';
import type { Database, ProjectMonthTable, ProjectTable, ProjectYearTable } from '../schema.ts';
import { completionOfProjects, withCompletedBetween, withCompletedSinceStart } from './completion.repository.ts';
import { countyOfProject, inProjectCounty } from './county-key.ts';
import { replaceFigureRows } from './figure-rows.ts';
import { whereInPool } from './pool.repository.ts';
import { countyRange } from './scope.ts';

type Db = Kysely<Database>;

/** A project row as the domain sees it; its leaders come from project_leader ({@link leadersOfProjects}). */
export function toProject(r: Selectable<ProjectTable>, leaderIds: string[] = []): Project {
  return {
    id: r.id,
    regionCode: r.region_code,
    name: r.name,
    projectCode: r.project_code,
    approvalKind: r.approval_kind,
    owner: r.owner,
    townshipCode: r.township_code,
    industryCode: r.industry_code,
    chain: r.chain,
    constructionType: r.construction_type,
    category: r.category,
    stage: r.stage,
    signedOn: r.signed_on,
    landSuppliedOn: r.land_supplied_on,
    permitOn: r.permit_on,
    startedOn: r.started_on,
    suspendedOn: r.suspended_on,
    completedOn: r.completed_on,
    operatingOn: r.operating_on,
    totalInvestment: toYuan(r.total_investment),
    completedBefore: toYuan(r.completed_before),
    statsEntry: r.stats_entry,
    leaderIds,
    unitId: r.unit_id,
    keyLevel: r.key_level,
    progressNote: r.progress_note,
    landAreaMu: r.land_area_mu === null ? null : Number(r.land_area_mu),
    notes: r.notes,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

/** A project as its row is written; the database derives county_code from region_code. */
export function toProjectRow(p: Project): Omit<ProjectTable, 'county_code'> {
  return {
    id: p.id,
    region_code: p.regionCode,
    name: p.name,
    project_code: p.projectCode,
    approval_kind: p.approvalKind,
    owner: p.owner,
    township_code: p.townshipCode,
    industry_code: p.industryCode,
    chain: p.chain,
    construction_type: p.constructionType,
    category: p.category,
    stage: p.stage,
    signed_on: p.signedOn,
    land_supplied_on: p.landSuppliedOn,
    permit_on: p.permitOn,
    started_on: p.startedOn,
    suspended_on: p.suspendedOn,
    completed_on: p.completedOn,
    operating_on: p.operatingOn,
    total_investment: p.totalInvestment,
    completed_before: p.completedBefore,
    stats_entry: p.statsEntry,
    unit_id: p.unitId,
    key_level: p.keyLevel,
    progress_note: p.progressNote,
    land_area_mu: p.landAreaMu,
    notes: p.notes,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
    version: p.version,
  };
}

export async function findProject(db: Db, id: string): Promise<Project | undefined> {
  const row = await db.selectFrom('project').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toProject(row, (await leadersOfProjects(db, [id])).get(id) ?? []) : undefined;
}

// Both databases take this many values in one `in (…)` list comfortably.
const ID_CHUNK = 500;

/**
 * The leaders of these projects, each project's in its listed order: the one answer to "who leads these projects".
 * A project without leaders is absent from the map.
 * @example (await leadersOfProjects(db, [id])).get(id) // ['leader-1', 'leader-2']
 */
export async function leadersOfProjects(db: Db, projectIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const ids = [...new Set(projectIds)];
  for (let i = 0; i < ids.length; i += ID_CHUNK) {
    const rows = await db
      .selectFrom('project_leader')
      .select(['project_id', 'leader_id'])
      .where('project_id', 'in', ids.slice(i, i + ID_CHUNK))
      .orderBy('project_id')
      .orderBy('position')
      .execute();
    for (const r of rows) out.set(r.project_id, [...(out.get(r.project_id) ?? []), r.leader_id]);
  }
  return out;
}

/** The projects one leader leads, by id: the one answer to "what does this leader lead". */
export async function projectsOfLeader(db: Db, leaderId: string): Promise<string[]> {
  const rows = await db.selectFrom('project_leader').select('project_id').where('leader_id', '=', leaderId).orderBy('project_id').execute();
  return rows.map((r) => r.project_id);
}

/** Sets the leaders of projects, in order, replacing what each had. */
export async function replaceProjectLeaders(db: Db, rows: readonly { projectId: string; leaderIds: readonly string[] }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += ID_CHUNK) {
    const part = rows.slice(i, i + ID_CHUNK);
    await db.deleteFrom('project_leader').where('project_id', 'in', part.map((r) => r.projectId)).execute();
    const links = part.flatMap((r) => r.leaderIds.map((leaderId, position) => ({ project_id: r.projectId, leader_id: leaderId, position })));
    for (let k = 0; k < links.length; k += 1000) await db.insertInto('project_leader').values(links.slice(k, k + 1000)).execute();
  }
}

/** Projects with their leaders attached: the rows' own, read in one query per chunk. */
export async function withLeaders<T extends { project: Project }>(db: Db, rows: T[]): Promise<T[]> {
  const leaders = await leadersOfProjects(db, rows.map((r) => r.project.id));
  for (const r of rows) r.project.leaderIds = leaders.get(r.project.id) ?? [];
  return rows;
}

export async function findProjectYears(db: Db, projectId: string): Promise<ProjectYear[]> {
  const rows = await db.selectFrom('project_year').selectAll().where('county_code', '=', countyOfProject(projectId)).where('project_id', '=', projectId).orderBy('year').execute();
  return rows.map((r) => ({ year: r.year, phase: r.phase, annualPlan: toYuan(r.annual_plan), resumedOn: r.resumed_on }));
}

export async function findProjectMonths(db: Db, projectId: string): Promise<MonthlyCompletion[]> {
  const rows = await db.selectFrom('project_month').selectAll().where('county_code', '=', countyOfProject(projectId)).where('project_id', '=', projectId).orderBy('month').execute();
  return rows.map((r) => ({ month: r.month, completed: toYuan(r.completed), enteredAs: r.entered_as }));
}

/** The key of a project's month in {@link findMonthFigures}' answer. */
export function monthFigureKey(projectId: string, month: string): string {
  return `${projectId} ${month}`;
}

/**
 * The stored month rows of some projects' months, by {@link monthFigureKey}: what a unit's approvals write over, read
 * at once by the month rows' key (county, month, projects) rather than a project at a time.
 */
export async function findMonthFigures(db: Db, keys: readonly { project: ProjectKey; month: string }[]): Promise<Map<string, MonthlyCompletion>> {
  const groups = new Map<string, { county: string; month: string; ids: string[] }>();
  for (const k of keys) {
    const county = countyCodeOf(k.project.regionCode);
    const group = groups.get(`${county} ${k.month}`);
    if (group) group.ids.push(k.project.id);
    else groups.set(`${county} ${k.month}`, { county, month: k.month, ids: [k.project.id] });
  }
  const found = new Map<string, MonthlyCompletion>();
  const CHUNK = 500;
  for (const { county, month, ids } of groups.values()) {
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await db
        .selectFrom('project_month')
        .select(['project_id', 'month', 'completed', 'entered_as'])
        .where('county_code', '=', county)
        .where('month', '=', month)
        .where('project_id', 'in', ids.slice(i, i + CHUNK))
        .execute();
      for (const r of rows) found.set(monthFigureKey(r.project_id, r.month), { month: r.month, completed: toYuan(r.completed), enteredAs: r.entered_as });
    }
  }
  return found;
}

export async function insertProject(db: Db, p: Project): Promise<void> {
  await db.insertInto('project').values(toProjectRow(p)).execute();
}

/** Writes a new state over the stored one if nobody changed it meanwhile; false when the version moved on. */
export async function updateProjectRow(db: Db, p: Project, expectedVersion: number): Promise<boolean> {
  const { id: _id, created_at: _c, ...rest } = toProjectRow(p);
  const result = await db
    .updateTable('project')
    .set(rest)
    .where('id', '=', p.id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** What a year or month row needs of its project: the id, and the region its county code is taken from. */
export type ProjectKey = Pick<Project, 'id' | 'regionCode'>;

export async function replaceProjectYears(db: Db, project: ProjectKey, years: readonly ProjectYear[]): Promise<void> {
  const county = countyCodeOf(project.regionCode);
  await db.deleteFrom('project_year').where('county_code', '=', county).where('project_id', '=', project.id).execute();
  if (years.length === 0) return;
  await db.insertInto('project_year').values(years.map((y) => yearRow(project, y))).execute();
}

export async function upsertProjectMonths(db: Db, project: ProjectKey, months: readonly MonthlyCompletion[]): Promise<void> {
  await replaceFigureRows(db, 'project_month', months.map((m) => monthRow(project, m)));
}

/** A year's row as stored: what every writer of year rows puts in. */
export function yearRow(project: ProjectKey, y: ProjectYear): Insertable<ProjectYearTable> {
  return { county_code: countyCodeOf(project.regionCode), project_id: project.id, year: y.year, phase: y.phase, annual_plan: y.annualPlan, resumed_on: y.resumedOn };
}

/** A month's row as stored: what every writer of month rows puts in. */
export function monthRow(project: ProjectKey, m: MonthlyCompletion): Insertable<ProjectMonthTable> {
  return { county_code: countyCodeOf(project.regionCode), project_id: project.id, month: m.month, completed: m.completed, entered_as: m.enteredAs };
}

export interface HistoryEntry {
  id: string;
  projectId: string;
  changedAt: string;
  userId: string | null;
  field: string;
  before: string | null;
  after: string | null;
}

export async function insertHistory(db: Db, entries: readonly HistoryEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('project_history')
    .values(entries.map((e) => ({
      id: e.id,
      project_id: e.projectId,
      changed_at: e.changedAt,
      user_id: e.userId,
      field: e.field,
      before_value: e.before,
      after_value: e.after,
    })))
    .execute();
}

export async function findHistory(db: Db, projectId: string): Promise<(HistoryEntry & { userName: string | null })[]> {
  const rows = await db
    .selectFrom('project_history as h')
    .leftJoin('app_user as u', 'u.id', 'h.user_id')
    .select(['h.id', 'h.project_id', 'h.changed_at', 'h.user_id', 'h.field', 'h.before_value', 'h.after_value', 'u.display_name'])
    .where('h.project_id', '=', projectId)
    .orderBy('h.changed_at', 'desc')
    .orderBy('h.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    projectId: r.project_id,
    changedAt: r.changed_at,
    userId: r.user_id,
    field: r.field,
    before: r.before_value,
    after: r.after_value,
    userName: r.display_name ?? null,
  }));
}

export const PROJECT_SORT_COLUMNS = {
  name: 'p.name',
  totalInvestment: 'p.total_investment',
  annualPlan: 'annual_plan',
  completedYtd: 'completed_ytd',
  startedOn: 'p.started_on',
  stage: 'p.stage',
  township: 'p.township_code',
  updatedAt: 'p.updated_at',
} as const;
export type ProjectSortKey = keyof typeof PROJECT_SORT_COLUMNS;

export interface ProjectListQuery {
  regionCode: string;
  year: number;
  /** The year-to-date window ends with this month. */
  toMonth: string;
  unitId?: string | null;
  leaderId?: string | null;
  townshipCode?: string | null;
  phase?: Phase | null;
  stage?: Stage | null;
  chain?: string | null;
  q?: string | null;
  /** Only the pool of the year as the pool analysis counts it (续建 or 新建 that year, not cancelled), so the two agree. */
  poolOnly?: boolean;
  sort: ProjectSortKey;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

export interface ProjectListRow {
  project: Project;
  phase: Phase | null;
  annualPlan: number | null;
  /** The day work resumed in the year (continuing projects). */
  resumedOn: string | null;
  completedYtd: number;
}

/** The ledger's projects as a query, filtered but not yet selected, sorted or paged: the list, its pages and its sums. */
function ledgerProjects(db: Db, q: Omit<ProjectListQuery, 'sort' | 'order' | 'limit' | 'offset'>) {
  const [lo, hi] = countyRange(q.regionCode);
  let base = db
    .selectFrom('project as p')
    .leftJoin('project_year as y', (j) => j.onRef('y.project_id', '=', 'p.id').on(inProjectCounty('y')).on('y.year', '=', q.year))
    .where('p.region_code', '>=', lo)
    .where('p.region_code', '<=', hi);
  if (q.regionCode.length === 9) base = base.where('p.township_code', '=', q.regionCode);
  if (q.unitId) base = base.where('p.unit_id', '=', q.unitId);
  if (q.leaderId) {
    const leaderId = q.leaderId;
    base = base.where((eb) => eb.exists(eb.selectFrom('project_leader as pl').select('pl.project_id').whereRef('pl.project_id', '=', 'p.id').where('pl.leader_id', '=', leaderId)));
  }
  if (q.townshipCode) base = base.where('p.township_code', '=', q.townshipCode);
  if (q.phase) base = base.where('y.phase', '=', q.phase);
  if (q.stage) base = base.where('p.stage', '=', q.stage);
  if (q.chain) base = base.where('p.chain', '=', q.chain);
  if (q.poolOnly) base = whereInPool(base, q.year);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where((eb) =>
      eb.or([
        eb('p.name', 'like', sql<string>`${like} escape '\\'`),
        eb('p.owner', 'like', sql<string>`${like} escape '\\'`),
        eb('p.project_code', 'like', sql<string>`${like} escape '\\'`),
      ]),
    );
  }
  return base;
}

/** One page of the ledger with its total count, the year's phase, plan and year-to-date completion on each row. */
export async function listProjects(db: Db, q: ProjectListQuery): Promise<{ rows: ProjectListRow[]; total: number }> {
  const fromMonth = firstMonthOfYear(q.year);
  const base = ledgerProjects(db, q);
  const countRow = await base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  const sortColumn = PROJECT_SORT_COLUMNS[q.sort];
  const [withYtd, ytd] = withCompletedBetween(db, withYearFigures(base), q.regionCode, fromMonth, q.toMonth);
  const rows = await withYtd
    .select(ytd.as('completed_ytd'))
    .orderBy(sql.ref(sortColumn), q.order)
    .orderBy('p.id')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return { total: Number(countRow.n), rows: await withLeaders(db, rows.map(toListRow)) };
}

/** The project with the year's phase, plan and resumption: what a ledger row shows besides the year-to-date figure. */
function withYearFigures(base: ReturnType<typeof ledgerProjects>) {
  return base.selectAll('p').select(['y.phase as year_phase', 'y.annual_plan as annual_plan', 'y.resumed_on as year_resumed_on']);
}

function toListRow(r: Selectable<ProjectTable> & { year_phase: Phase | null; annual_plan: number | null; year_resumed_on: string | null; completed_ytd: number }): ProjectListRow {
  return {
    project: toProject(r),
    phase: r.year_phase ?? null,
    annualPlan: r.annual_plan === null ? null : toYuan(r.annual_plan),
    resumedOn: r.year_resumed_on ?? null,
    completedYtd: toYuan(r.completed_ytd),
  };
}

/** The filters of an exported ledger: the list's, without its order and page (the export has its own order). */
export type LedgerFilter = Omit<ProjectListQuery, 'sort' | 'order' | 'limit' | 'offset'>;

/** A ledger row as the export writes it: with everything completed up to the as-of month, for 开工累计. */
export interface LedgerExportRow extends ProjectListRow {
  completedThrough: Yuan;
}

/** The figures of one phase of an exported ledger (null: projects without a phase that year), summed by the database. */
export interface LedgerSectionSums {
  phase: Phase | null;
  count: number;
  totalInvestment: Yuan;
  annualPlan: Yuan;
  completedYtd: Yuan;
  /** 开工累计: completed before tiaodu's months plus every month up to the as-of month. */
  completedSinceStart: Yuan;
}

/**
 * Count and money sums of the ledger's projects by phase, so the 合计 and section rows are written before any project
 * is read. The sums are the database's over the same filters as the rows.
 */
export async function ledgerSectionSums(db: Db, q: LedgerFilter): Promise<LedgerSectionSums[]> {
  const [withFigures, completed] = withCompletedSinceStart(db, ledgerProjects(db, q), q.regionCode, firstMonthOfYear(q.year), q.toMonth);
  const rows = await withFigures
    .select([
      'y.phase as phase',
      sql<number | string>`count(*)`.as('n'),
      sql<number | string>`coalesce(sum(p.total_investment), 0)`.as('total'),
      sql<number | string>`coalesce(sum(y.annual_plan), 0)`.as('plan'),
      sql<number | string>`coalesce(sum(${completed.ytd}), 0)`.as('ytd'),
      sql<number | string>`coalesce(sum(p.completed_before + ${completed.through}), 0)`.as('since'),
    ])
    .groupBy('y.phase')
    .execute();
  return rows.map((r) => ({
    phase: r.phase ?? null,
    count: Number(r.n),
    totalInvestment: toYuan(r.total),
    annualPlan: toYuan(r.plan),
    completedYtd: toYuan(r.ytd),
    completedSinceStart: toYuan(r.since),
  }));
}

/**
 * The ids of one phase of an exported ledger (null: projects without a phase that year), in the export's order: total
 * investment down, then id. One query over the ledger's keys alone: sorting them once costs what one keyset page
 * would (each page would scan and sort the region again), and the rows are then read a page at a time by id.
 */
export async function ledgerSectionIds(db: Db, q: LedgerFilter, phase: Phase | null): Promise<string[]> {
  let keys = ledgerProjects(db, q).select('p.id');
  keys = phase === null ? keys.where('y.phase', 'is', null) : keys.where('y.phase', '=', phase);
  return (await keys.orderBy('p.total_investment', 'desc').orderBy('p.id').execute()).map((r) => r.id);
}

/**
 * Ledger rows of these projects, in the order of `ids`, with the year's figures: one page of an export, read through
 * the primary keys, so a page costs the same however large the region. A project deleted meanwhile is left out.
 */
export async function ledgerRowsById(db: Db, ids: readonly string[], year: number, toMonth: string): Promise<LedgerExportRow[]> {
  if (ids.length === 0) return [];
  const base = db
    .selectFrom('project as p')
    .leftJoin('project_year as y', (j) => j.onRef('y.project_id', '=', 'p.id').on(inProjectCounty('y')).on('y.year', '=', year))
    .where('p.id', 'in', ids);
  const rows = await withYearFigures(base).execute();
  const completed = await completionOfProjects(db, rows.map((r) => ({ id: r.id, countyCode: r.county_code })), firstMonthOfYear(year), toMonth);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ordered = ids.flatMap((id) => {
    const r = byId.get(id);
    const figures = completed.get(id) ?? { ytd: 0, through: 0 };
    return r ? [{ ...toListRow({ ...r, completed_ytd: figures.ytd }), completedThrough: toYuan(figures.through) }] : [];
  });
  return withLeaders(db, ordered);
}

/** The industry chains a county's projects use, for filters and forms. */
export async function distinctChains(db: Db, countyCode: string): Promise<string[]> {
  const [lo, hi] = countyRange(countyCode);
  const rows = await db
    .selectFrom('project')
    .select('chain')
    .distinct()
    .where('region_code', '>=', lo)
    .where('region_code', '<=', hi)
    .where('chain', 'is not', null)
    .orderBy('chain')
    .execute();
  return rows.map((r) => r.chain!).filter(Boolean);
}
