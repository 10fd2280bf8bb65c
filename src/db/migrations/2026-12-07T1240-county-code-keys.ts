// PostgreSQL: county_code becomes not null (the validated check proves it, so without a scan) and the primary keys
// swap to the unique indexes built concurrently before, which leaves the old indexes that only led by project or year
// redundant. Each step takes its lock for a moment only. Append-only, imports nothing from the app.

import { PostgresAdapter, sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (const table of ['project_year', 'project_month']) {
    await sql.raw(`alter table ${table} alter column county_code set not null`).execute(db);
    await sql.raw(`alter table ${table} drop constraint ${table}_county_code_not_null`).execute(db);
    await sql.raw(`alter table ${table} drop constraint ${table}_pk, add constraint ${table}_pk primary key using index ${table}_county_key`).execute(db);
  }
  await sql`drop index project_year_year_idx`.execute(db);
  await sql`drop index project_month_completed_idx`.execute(db);
}
