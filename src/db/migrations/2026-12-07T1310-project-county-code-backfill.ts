// PostgreSQL: fills the new county_code of the projects already there, a range of ids per statement (each its own
// transaction), so a nation's million projects never hold a clerk's save for more than a moment; then validates the
// check without blocking writers. Runs outside any transaction and touches only rows still empty, so a run stopped
// half-way goes on where it was. SQLite computes the column. Append-only, imports nothing from the app.

import { PostgresAdapter, sql, type Kysely } from 'kysely';

export const outsideTransaction = true;

const PROJECTS = 5000;

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (let after = ''; ;) {
    const ids = await sql<{ id: string }>`select id from project where id > ${after} order by id limit ${sql.lit(PROJECTS)}`.execute(db);
    const last = ids.rows.at(-1)?.id;
    if (last === undefined) break;
    // The trigger sets the value; the update only makes it run.
    await sql`update project set county_code = substr(region_code, 1, 6) where id > ${after} and id <= ${last} and county_code is null`.execute(db);
    after = last;
  }
  await sql`alter table project validate constraint project_county_code_not_null`.execute(db);
}
