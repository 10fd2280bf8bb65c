// PostgreSQL: fills the new county_code of year and month figures from their projects, a range of projects per
// statement (each its own transaction, found through the rows' project_id key), so a province's millions of rows never
// hold a clerk's save for more than a moment. Runs outside any transaction and only touches rows still empty, so a run
// stopped half-way goes on where it was. SQLite was filled when it was rebuilt. Append-only, imports nothing from the app.

import { PostgresAdapter, sql, type Kysely } from 'kysely';

export const outsideTransaction = true;

/** Projects per statement: about 30 000 month rows at a province's density. */
const PROJECTS = 1000;

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (let after = ''; ;) {
    const ids = await sql<{ id: string }>`select id from project where id > ${after} order by id limit ${sql.lit(PROJECTS)}`.execute(db);
    const last = ids.rows.at(-1)?.id;
    if (last === undefined) return;
    for (const table of ['project_year', 'project_month']) {
      await sql`update ${sql.table(table)} t set county_code = substr(p.region_code, 1, 6)
        from project p
        where p.id = t.project_id and t.project_id > ${after} and t.project_id <= ${last} and t.county_code is null`.execute(db);
    }
    after = last;
  }
}
