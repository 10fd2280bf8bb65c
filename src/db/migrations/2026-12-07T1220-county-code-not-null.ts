// PostgreSQL: the figures written while the backfill ran get their county too, and from now on a figure without one
// is refused. The check is added NOT VALID (no scan under the table lock); the next migration validates it without
// blocking writers. Append-only, imports nothing from the app.

import { PostgresAdapter, sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (const table of ['project_year', 'project_month']) {
    await sql`update ${sql.table(table)} t set county_code = substr(p.region_code, 1, 6)
      from project p where p.id = t.project_id and t.county_code is null`.execute(db);
    await sql.raw(`alter table ${table} add constraint ${table}_county_code_not_null check (county_code is not null) not valid`).execute(db);
  }
}
