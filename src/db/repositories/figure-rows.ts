// Year and month rows are written over by deleting the rows with their keys and inserting the new ones, not with
// `on conflict (key) do update`: on the sharded layout (docs/scale.md) these tables are partitioned by county with
// partitions on other servers, and PostgreSQL allows no unique index on such a table for `on conflict` to name. Each
// shard's own table keeps the key, so a duplicate is still refused there.

import type { Insertable, Kysely } from 'kysely';
import type { Database, ProjectMonthTable, ProjectYearTable } from '../schema.ts';

interface FigureRows {
  project_year: Insertable<ProjectYearTable>;
  project_month: Insertable<ProjectMonthTable>;
}

const PERIOD = { project_year: 'year', project_month: 'month' } as const;

/** Writes `rows` (one per project and year, or project and month) over any stored with the same keys. */
export async function replaceFigureRows<T extends keyof FigureRows>(db: Kysely<Database>, table: T, rows: readonly FigureRows[T][]): Promise<void> {
  const period = PERIOD[table];
  const byCounty = new Map<string, Record<string, unknown>[]>();
  for (const row of rows as readonly (FigureRows[T] & Record<string, unknown>)[]) {
    const group = byCounty.get(row.county_code);
    if (group) group.push(row);
    else byCounty.set(row.county_code, [row]);
  }
  // The table is chosen at run time, which Kysely's types cannot follow; the rows are typed by the signature.
  const untyped = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const target: string = table;
  const column: string = period;
  const periodOf = (r: Record<string, unknown>) => r[period] as string | number;
  for (const [county, countyRows] of byCounty) {
    // In period order (a stable sort, so of two rows with one key the later is still the one kept), a part holds one or
    // two periods: each is deleted as "this period, these projects", which both databases answer by seeking the key
    // (county, project, period) once a project. A part's pairs as a VALUES list were matched by scanning the county's
    // rows on PostgreSQL: 50 000 projects' months took more than ten minutes to write, where SQLite took seconds.
    countyRows.sort((a, b) => (periodOf(a) < periodOf(b) ? -1 : periodOf(a) > periodOf(b) ? 1 : 0));
    for (let i = 0; i < countyRows.length; i += 1000) {
      const part = countyRows.slice(i, i + 1000);
      const projectsByPeriod = new Map<string | number, string[]>();
      for (const r of part) {
        const value = periodOf(r);
        const ids = projectsByPeriod.get(value);
        if (ids) ids.push(r.project_id as string);
        else projectsByPeriod.set(value, [r.project_id as string]);
      }
      for (const [value, ids] of projectsByPeriod) {
        await untyped.deleteFrom(target).where('county_code', '=', county).where(column, '=', value).where('project_id', 'in', ids).execute();
      }
      await untyped.insertInto(target).values(part).execute();
    }
  }
}
