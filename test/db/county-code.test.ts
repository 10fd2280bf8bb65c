// Year and month figures carry their county's code (2026-12-07T1200 to T1240): a database of the release before,
// with figures in two counties, comes out of the upgrade with every row's county filled, the keys led by it, and the
// figures as they were; afterwards the database refuses a figure without its county.

import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/connect.ts';
import { migrations, runMigrations } from '../../src/db/migrate.ts';
import { testDatabaseTarget, testDialect } from '../support/test-db.ts';

const FIRST = '2026-12-07T1200-county-code-column';
const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < FIRST));

let h: DatabaseHandle;
let drop: () => Promise<void>;
beforeEach(async () => {
  const t = await testDatabaseTarget(undefined, { empty: true });
  drop = t.drop;
  h = await openDatabase(t.target, { migrate: false, poolSize: 4 });
  await runMigrations(h.db, before);
});
afterEach(async () => {
  await h.close();
  await drop();
});

/** Two counties' projects with their year and month rows, written as the release before wrote them. */
async function seedBefore(db: Kysely<any>): Promise<void> {
  await db.insertInto('region').values([
    { code: '140000', name: '山西省', level: 'province', parent_code: null },
    { code: '140400', name: '长治市', level: 'city', parent_code: '140000' },
    { code: '140423', name: '襄垣县', level: 'county', parent_code: '140400' },
    { code: '140423100', name: '古韩镇', level: 'township', parent_code: '140423' },
    { code: '140425', name: '平顺县', level: 'county', parent_code: '140400' },
  ]).execute();
  const stamp = '2026-01-05T00:00:00.000Z';
  const project = (id: string, region: string) => ({ id, region_code: region, name: `项目${id}`, stage: 'underway', total_investment: 900_000_000, created_at: stamp, updated_at: stamp });
  // A township's code stands for its county as well: its first six digits.
  await db.insertInto('project').values([project('p1', '140423'), project('p2', '140425'), project('p3', '140423100')]).execute();
  await db.insertInto('project_year').values([
    { project_id: 'p1', year: 2025, phase: 'newStart', annual_plan: 100_000_000, resumed_on: null },
    { project_id: 'p1', year: 2026, phase: 'continuing', annual_plan: 120_000_000, resumed_on: '2026-02-10' },
    { project_id: 'p2', year: 2026, phase: 'newStart', annual_plan: 5_000_000_000, resumed_on: null },
    { project_id: 'p3', year: 2026, phase: 'reserve', annual_plan: 0, resumed_on: null },
  ]).execute();
  await db.insertInto('project_month').values([
    { project_id: 'p1', month: '2026-01', completed: 10_000_000, entered_as: 'month' },
    { project_id: 'p1', month: '2026-02', completed: 12_340_000, entered_as: 'ytd' },
    { project_id: 'p2', month: '2026-01', completed: 3_000_000_000, entered_as: 'month' },
    { project_id: 'p3', month: '2026-02', completed: 0, entered_as: 'month' },
  ]).execute();
}

/** The columns of a table's primary key, in key order. */
async function primaryKey(db: Kysely<any>, table: string): Promise<string[]> {
  if (testDialect() === 'sqlite') {
    const cols = await sql<{ name: string; pk: number }>`select name, pk from pragma_table_info(${table}) where pk > 0 order by pk`.execute(db);
    return cols.rows.map((c) => c.name);
  }
  const cols = await sql<{ attname: string }>`select a.attname from pg_constraint c
    cross join unnest(c.conkey) with ordinality k(attnum, n)
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
    where c.conrelid = ${table}::regclass and c.contype = 'p' order by k.n`.execute(db);
  return cols.rows.map((c) => c.attname);
}

/** Every index of a table besides its primary key, by name, with its columns in order. */
async function secondaryIndexes(db: Kysely<any>, table: string): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  if (testDialect() === 'sqlite') {
    const list = await sql<{ name: string }>`select name from pragma_index_list(${table}) where origin = 'c'`.execute(db);
    for (const { name } of list.rows) {
      const cols = await sql<{ name: string }>`select name from pragma_index_info(${name}) order by seqno`.execute(db);
      out[name] = cols.rows.map((c) => c.name);
    }
    return out;
  }
  const rows = await sql<{ index: string; column: string }>`select ic.relname as index, a.attname as column
    from pg_index i join pg_class ic on ic.oid = i.indexrelid
    cross join unnest(i.indkey) with ordinality k(attnum, n)
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
    where i.indrelid = ${table}::regclass and not i.indisprimary order by ic.relname, k.n`.execute(db);
  for (const r of rows.rows) (out[r.index] ??= []).push(r.column);
  return out;
}

describe(`county_code on year and month figures (${testDialect()})`, () => {
  it('fills every row with its county, keeps the figures, and leads the keys with the county', async () => {
    const db = h.db as Kysely<any>;
    await seedBefore(db);
    await runMigrations(h.db, migrations);

    const years = await db.selectFrom('project_year').select(['county_code', 'project_id', 'year', 'phase', 'annual_plan', 'resumed_on']).orderBy('project_id').orderBy('year').execute();
    expect(years.map((y) => ({ ...y, annual_plan: Number(y.annual_plan) }))).toEqual([
      { county_code: '140423', project_id: 'p1', year: 2025, phase: 'newStart', annual_plan: 100_000_000, resumed_on: null },
      { county_code: '140423', project_id: 'p1', year: 2026, phase: 'continuing', annual_plan: 120_000_000, resumed_on: '2026-02-10' },
      { county_code: '140425', project_id: 'p2', year: 2026, phase: 'newStart', annual_plan: 5_000_000_000, resumed_on: null },
      { county_code: '140423', project_id: 'p3', year: 2026, phase: 'reserve', annual_plan: 0, resumed_on: null },
    ]);
    const months = await db.selectFrom('project_month').select(['county_code', 'project_id', 'month', 'completed', 'entered_as']).orderBy('project_id').orderBy('month').execute();
    expect(months.map((m) => ({ ...m, completed: Number(m.completed) }))).toEqual([
      { county_code: '140423', project_id: 'p1', month: '2026-01', completed: 10_000_000, entered_as: 'month' },
      { county_code: '140423', project_id: 'p1', month: '2026-02', completed: 12_340_000, entered_as: 'ytd' },
      { county_code: '140425', project_id: 'p2', month: '2026-01', completed: 3_000_000_000, entered_as: 'month' },
      { county_code: '140423', project_id: 'p3', month: '2026-02', completed: 0, entered_as: 'month' },
    ]);

    expect(await primaryKey(db, 'project_year')).toEqual(['county_code', 'project_id', 'year']);
    expect(await primaryKey(db, 'project_month')).toEqual(['county_code', 'project_id', 'month']);
    expect(await secondaryIndexes(db, 'project_year')).toEqual({ project_year_county_year_idx: ['county_code', 'year', 'phase', 'project_id'] });
    // SQLite stores the month rows in key order (WITHOUT ROWID), so the table itself covers year-to-date sums.
    expect(await secondaryIndexes(db, 'project_month')).toEqual(
      testDialect() === 'sqlite' ? {} : { project_month_county_completed_idx: ['county_code', 'project_id', 'month', 'completed'] },
    );
    if (testDialect() === 'sqlite') {
      const ddl = await sql<{ sql: string }>`select sql from sqlite_master where name in ('project_year', 'project_month') order by name`.execute(db);
      expect(ddl.rows.map((r) => /without rowid\s*$/i.test(r.sql))).toEqual([true, true]);
    }
  });

  it('refuses a figure without its county, and keeps the old tables’ checks and cascades', async () => {
    const db = h.db as Kysely<any>;
    await seedBefore(db);
    await runMigrations(h.db, migrations);

    await expect(db.insertInto('project_year').values({ project_id: 'p1', year: 2027, phase: 'continuing', annual_plan: 1 }).execute()).rejects.toThrow(/county_code/);
    await expect(db.insertInto('project_month').values({ project_id: 'p1', month: '2026-03', completed: 1 }).execute()).rejects.toThrow(/county_code/);
    await expect(db.insertInto('project_year').values({ county_code: '140423', project_id: 'p1', year: 2027, phase: 'continuing', annual_plan: -1 }).execute()).rejects.toThrow(/check/i);
    await expect(db.insertInto('project_month').values({ county_code: '140423', project_id: 'nobody', month: '2026-03', completed: 1 }).execute()).rejects.toThrow(/foreign key/i);
    // The same project and year twice is refused by the new key.
    await expect(db.insertInto('project_year').values({ county_code: '140423', project_id: 'p1', year: 2026, phase: 'continuing', annual_plan: 1 }).execute()).rejects.toThrow(/unique|duplicate/i);

    await db.deleteFrom('project').where('id', '=', 'p1').execute();
    const left = await db.selectFrom('project_month').select('project_id').orderBy('project_id').execute();
    expect(left.map((r) => r.project_id)).toEqual(['p2', 'p3']);
  });

  // Only PostgreSQL fills the column in steps, with the release before still writing between them.
  if (testDialect() === 'postgres') it('on PostgreSQL, also fills the figures the release before wrote after the backfill', async () => {
    const db = h.db as Kysely<any>;
    await seedBefore(db);
    await runMigrations(h.db, Object.fromEntries(Object.entries(migrations).filter(([name]) => name <= '2026-12-07T1210-county-code-backfill')));
    await db.insertInto('project_month').values({ project_id: 'p2', month: '2026-02', completed: 7_000_000, entered_as: 'month' }).execute();

    await runMigrations(h.db, migrations);
    const rows = await db.selectFrom('project_month').select(['county_code', 'month']).where('project_id', '=', 'p2').orderBy('month').execute();
    expect(rows).toEqual([{ county_code: '140425', month: '2026-01' }, { county_code: '140425', month: '2026-02' }]);
  });

  // Concurrent builds, and the invalid indexes they leave, are PostgreSQL's alone.
  if (testDialect() === 'postgres') it('on PostgreSQL, drops an index left invalid by a failed concurrent build and builds it again', async () => {
    const db = h.db as Kysely<any>;
    await seedBefore(db);
    const upTo = (last: string) => Object.fromEntries(Object.entries(migrations).filter(([name]) => name <= last));
    await runMigrations(h.db, upTo('2026-12-07T1220-county-code-not-null'));
    // What a build that failed half-way leaves: the index, marked invalid, which CREATE … IF NOT EXISTS would keep.
    await sql`create unique index project_month_county_key on project_month (county_code, project_id, month)`.execute(db);
    await sql`update pg_index set indisvalid = false where indexrelid = 'project_month_county_key'::regclass`.execute(db);

    await runMigrations(h.db, migrations);
    expect(await primaryKey(db, 'project_month')).toEqual(['county_code', 'project_id', 'month']);
    const valid = await sql<{ indisvalid: boolean }>`select indisvalid from pg_index where indexrelid = 'project_month_pk'::regclass`.execute(db);
    expect(valid.rows).toEqual([{ indisvalid: true }]);
  });

  it('gives every project its county: the projects there before, one written after, and one moved to another county', async () => {
    const db = h.db as Kysely<any>;
    await seedBefore(db);
    await runMigrations(h.db, migrations);
    const counties = async () => Object.fromEntries((await db.selectFrom('project').select(['id', 'county_code']).orderBy('id').execute()).map((r) => [r.id, r.county_code]));
    expect(await counties()).toEqual({ p1: '140423', p2: '140425', p3: '140423' });

    const stamp = '2026-03-01T00:00:00.000Z';
    await db.insertInto('project').values({ id: 'p4', region_code: '140423100', name: '项目p4', stage: 'underway', total_investment: 1, created_at: stamp, updated_at: stamp }).execute();
    await db.updateTable('project').set({ region_code: '140425' }).where('id', '=', 'p1').execute();
    expect(await counties()).toEqual({ p1: '140425', p2: '140425', p3: '140423', p4: '140423' });
    // Nobody sets it to anything else: SQLite refuses the write, PostgreSQL's trigger writes the region's county over it.
    await db.updateTable('project').set({ county_code: '999999' }).where('id', '=', 'p3').execute().catch(() => undefined);
    expect((await counties()).p3).toBe('140423');
  });
});
