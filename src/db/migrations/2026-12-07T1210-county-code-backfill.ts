// PostgreSQL: fills the new county_code of year and month figures from their projects, a batch per transaction, so a
// province's millions of rows never hold a clerk's save for more than a moment. Runs outside any transaction and only
// touches rows still empty, so a run stopped half-way goes on where it was. SQLite was filled when it was rebuilt.
// Append-only, imports nothing from the app.

import { PostgresAdapter, sql, type Kysely } from 'kysely';

export const outsideTransaction = true;

const BATCH = 20_000;

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (const table of ['project_year', 'project_month']) {
    for (;;) {
      const result = await sql`update ${sql.table(table)} t set county_code = substr(p.region_code, 1, 6)
        from project p
        where p.id = t.project_id
          and t.ctid = any (array(select ctid from ${sql.table(table)} where county_code is null limit ${sql.lit(BATCH)}))`.execute(db);
      if (Number(result.numAffectedRows ?? 0n) === 0) break;
    }
  }
}
