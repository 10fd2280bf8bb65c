// A project carries its county's code as well (issue 16: every table names its county), and year and month rows are
// matched to their project on it. postgres_fdw sends a shard the county of a project's figures as a parameter when it
// is a column; it could not send `substr(region_code, 1, 6)`, so each shard searched its figures without their county
// (docs/scale.md). SQLite computes the column from the region when read. PostgreSQL stores it, filled by a trigger, and
// the column comes in nullable, so adding it rewrites nothing; the next migration fills the rows already there.
// Append-only, imports nothing from the app.

import { PostgresAdapter, sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    await sql`alter table project add column county_code text generated always as (substr(region_code, 1, 6)) virtual`.execute(db);
    return;
  }
  await sql`alter table project add column county_code text`.execute(db);
  // On every write, not only a change of region: the column cannot be set to anything but the region's county.
  await sql`create function tiaodu_project_county_code() returns trigger language plpgsql as $$
    begin
      new.county_code := substr(new.region_code, 1, 6);
      return new;
    end
  $$`.execute(db);
  await sql`create trigger project_county_code before insert or update on project
    for each row execute function tiaodu_project_county_code()`.execute(db);
  // Checked for rows written from now on; the next migration validates the old ones without blocking writers.
  await sql`alter table project add constraint project_county_code_not_null check (county_code is not null) not valid`.execute(db);
}
