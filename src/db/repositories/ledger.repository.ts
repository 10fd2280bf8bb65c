// Bulk reads and writes for a ledger import: a county's projects with their years and months in three queries, writes in chunks.

import type { Kysely } from 'kysely';
import { toYuan } from '../../domain/money.ts';
import type { MonthlyCompletion, Project, ProjectYear } from '../../domain/project/project.ts';
import type { Database } from '../schema.ts';
import { countyCodeOf } from '../../domain/region.ts';
import { inProjectCounty } from './county-key.ts';
import { replaceFigureRows } from './figure-rows.ts';
import { insertHistory, toProject, toProjectRow, updateProjectRow, withLeaders, monthRow, yearRow, type HistoryEntry, type ProjectKey } from './project.repository.ts';

type Db = Kysely<Database>;

/** A stored project with everything an import compares against. */
export interface StoredProject {
  project: Project;
  years: ProjectYear[];
  months: MonthlyCompletion[];
}

// Both databases accept this many rows of a wide table in one statement (SQLite's and PostgreSQL's parameter limits).
const CHUNK = 400;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Every project of one county, with its years and months: three queries whatever the count. */
export async function loadCountyProjects(db: Db, countyCode: string): Promise<StoredProject[]> {
  const [projects, years, months] = await Promise.all([
    db.selectFrom('project').selectAll().where('region_code', '=', countyCode).execute(),
    db
      .selectFrom('project_year as y')
      .innerJoin('project as p', (j) => j.onRef('p.id', '=', 'y.project_id').on(inProjectCounty('y')))
      .select(['y.project_id', 'y.year', 'y.phase', 'y.annual_plan', 'y.resumed_on'])
      .where('y.county_code', '=', countyCodeOf(countyCode))
      .where('p.region_code', '=', countyCode)
      .orderBy('y.year')
      .execute(),
    db
      .selectFrom('project_month as m')
      .innerJoin('project as p', (j) => j.onRef('p.id', '=', 'm.project_id').on(inProjectCounty('m')))
      .select(['m.project_id', 'm.month', 'm.completed', 'm.entered_as'])
      .where('m.county_code', '=', countyCodeOf(countyCode))
      .where('p.region_code', '=', countyCode)
      .orderBy('m.month')
      .execute(),
  ]);
  const byId = new Map<string, StoredProject>(projects.map((r) => [r.id, { project: toProject(r), years: [], months: [] }]));
  for (const y of years) byId.get(y.project_id)?.years.push({ year: y.year, phase: y.phase, annualPlan: toYuan(y.annual_plan), resumedOn: y.resumed_on });
  for (const m of months) byId.get(m.project_id)?.months.push({ month: m.month, completed: toYuan(m.completed), enteredAs: m.entered_as });
  return withLeaders(db, [...byId.values()]);
}

export async function insertProjects(db: Db, projects: readonly Project[]): Promise<void> {
  for (const part of chunks(projects)) await db.insertInto('project').values(part.map(toProjectRow)).execute();
}

/** Writes new states over stored ones; false as soon as one was changed by someone else meanwhile. */
export async function updateProjects(db: Db, updates: readonly { project: Project; expectedVersion: number }[]): Promise<boolean> {
  for (const u of updates) if (!(await updateProjectRow(db, u.project, u.expectedVersion))) return false;
  return true;
}

/** Inserts or replaces the year rows given (one per project and year). */
export async function upsertYears(db: Db, rows: readonly { project: ProjectKey; year: ProjectYear }[]): Promise<void> {
  await replaceFigureRows(db, 'project_year', rows.map(({ project, year }) => yearRow(project, year)));
}

/** Inserts or replaces the month rows given (one per project and month). */
export async function upsertMonths(db: Db, rows: readonly { project: ProjectKey; month: MonthlyCompletion }[]): Promise<void> {
  await replaceFigureRows(db, 'project_month', rows.map(({ project, month }) => monthRow(project, month)));
}

export async function insertHistoryChunked(db: Db, entries: readonly HistoryEntry[]): Promise<void> {
  for (const part of chunks(entries, 1000)) await insertHistory(db, part);
}
