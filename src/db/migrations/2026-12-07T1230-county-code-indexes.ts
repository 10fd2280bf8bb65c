// PostgreSQL: validates the county_code checks and builds the keys led by county_code while clerks go on saving
// (CREATE INDEX CONCURRENTLY, outside any transaction). A build that failed half-way leaves an invalid index behind:
// it is dropped first, so the next start builds it again. Append-only, imports nothing from the app.

import { PostgresAdapter, sql, type Kysely } from 'kysely';

export const outsideTransaction = true;

/** The new unique keys (the next migration makes them the primary keys) and the county-led secondary indexes. */
const INDEXES: readonly { name: string; definition: string }[] = [
  { name: 'project_year_county_key', definition: 'unique index concurrently if not exists project_year_county_key on project_year (county_code, project_id, year)' },
  { name: 'project_month_county_key', definition: 'unique index concurrently if not exists project_month_county_key on project_month (county_code, project_id, month)' },
  { name: 'project_year_county_year_idx', definition: 'index concurrently if not exists project_year_county_year_idx on project_year (county_code, year, phase, project_id)' },
  // Covering, as project_month_completed_idx was: year-to-date sums read the index alone.
  { name: 'project_month_county_completed_idx', definition: 'index concurrently if not exists project_month_county_completed_idx on project_month (county_code, project_id, month, completed)' },
];

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  // Scans the table under a lock that lets writers go on; each statement commits on its own.
  for (const table of ['project_year', 'project_month']) {
    await sql.raw(`alter table ${table} validate constraint ${table}_county_code_not_null`).execute(db);
  }
  for (const { name, definition } of INDEXES) {
    const leftover = await sql<{ invalid: boolean }>`select not i.indisvalid as invalid from pg_index i join pg_class c on c.oid = i.indexrelid
      where c.relname = ${name} and c.relnamespace = current_schema()::regnamespace`.execute(db);
    if (leftover.rows[0]?.invalid) await sql.raw(`drop index concurrently if exists ${name}`).execute(db);
    await sql.raw(`create ${definition}`).execute(db);
  }
}
