// Year and month figures carry their county's code (issue 16, docs/scale.md): a county's rows can then be found, and
// on SQLite laid out, by county rather than through the project. PostgreSQL gets the column nullable here (no
// rewrite) and the rest in the migrations after this one; SQLite, one server with no writer but the upgrade, is
// rebuilt whole. Append-only, imports nothing from the app.

import { PostgresAdapter, sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table project_year add column county_code text`.execute(db);
    await sql`alter table project_month add column county_code text`.execute(db);
    return;
  }
  // WITHOUT ROWID stores the rows in primary-key order, so a county's figures sit together in the file. The old
  // tables' constraints are kept as they were (2026-11-23T0900-create-pool); the month table needs no covering index
  // any more: stored in key order with its few columns, it is one.
  await sql`create table project_year_by_county (
    county_code text not null,
    project_id text not null references project (id) on delete cascade,
    year integer not null,
    phase text not null,
    annual_plan bigint not null default 0 check (annual_plan >= 0),
    resumed_on text,
    constraint project_year_pk primary key (county_code, project_id, year)
  ) without rowid`.execute(db);
  await sql`insert into project_year_by_county (county_code, project_id, year, phase, annual_plan, resumed_on)
    select substr(p.region_code, 1, 6), y.project_id, y.year, y.phase, y.annual_plan, y.resumed_on
    from project_year y join project p on p.id = y.project_id
    order by 1, 2, 3`.execute(db);
  await sql`drop table project_year`.execute(db);
  await sql`alter table project_year_by_county rename to project_year`.execute(db);
  await sql`create index project_year_county_year_idx on project_year (county_code, year, phase, project_id)`.execute(db);

  await sql`create table project_month_by_county (
    county_code text not null,
    project_id text not null references project (id) on delete cascade,
    month text not null,
    completed bigint not null,
    entered_as text not null default 'month',
    constraint project_month_pk primary key (county_code, project_id, month)
  ) without rowid`.execute(db);
  await sql`insert into project_month_by_county (county_code, project_id, month, completed, entered_as)
    select substr(p.region_code, 1, 6), m.project_id, m.month, m.completed, m.entered_as
    from project_month m join project p on p.id = m.project_id
    order by 1, 2, 3`.execute(db);
  await sql`drop table project_month`.execute(db);
  await sql`alter table project_month_by_county rename to project_month`.execute(db);
}
