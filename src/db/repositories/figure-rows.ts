// Year and month rows are written over by deleting the rows with their keys and inserting the new ones, not with
// `on conflict (key) do update`: on the sharded layout (docs/scale.md) these tables are partitioned by county with
// partitions on other servers, and PostgreSQL allows no unique index on such a table for `on conflict` to name. Each
// shard's own table keeps the key, so a duplicate is still refused there.

import { sql, type Insertable, type Kysely } from 'kysely';
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
  for (const [county, countyRows] of byCounty) {
    for (let i = 0; i < countyRows.length; i += 1000) {
      const part = countyRows.slice(i, i + 1000);
      // A row value against a VALUES list: the one form of "these (project, period) pairs" SQLite and PostgreSQL share.
      // PostgreSQL reads a VALUES list's parameters as text unless told: a year is cast to the integer it is compared to.
      const keys = sql.join(part.map((r) => (period === 'year' ? sql`(${r.project_id}, cast(${r.year} as integer))` : sql`(${r.project_id}, ${r.month})`)));
      const target: string = table;
      await untyped.deleteFrom(target).where('county_code', '=', county).where(sql<boolean>`(project_id, ${sql.ref(period)}) in (values ${keys})`).execute();
      await untyped.insertInto(target).values(part).execute();
    }
  }
}
