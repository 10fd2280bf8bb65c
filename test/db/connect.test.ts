// The database layer on both dialects: migrations, whole-元 round trips beyond 32 bits, sums parsed as numbers.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { DEFAULT_BUSY_TIMEOUT_MS, type DatabaseHandle } from '../../src/db/connect.ts';
import { migrateToLatest, migrations, runMigrations } from '../../src/db/migrate.ts';
import { openTestDatabase, testDialect } from '../support/test-db.ts';
import { addProject, seedCounty } from '../support/factories.ts';

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

let h: DatabaseHandle;
beforeEach(async () => {
  h = await openTestDatabase();
});
afterEach(async () => {
  await h.close();
});

describe(`database (${testDialect()})`, () => {
  it('opens the dialect the environment asks for', () => {
    expect(h.dialect).toBe(testDialect());
  });

  it('migrates idempotently', async () => {
    await migrateToLatest(h.db);
    const tables = await h.db.introspection.getTables();
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['project', 'project_year', 'project_month', 'project_history', 'region', 'unit']));
  });

  it('leaves nothing of a migration that fails half-way, so the next start runs it whole', async () => {
    const tableNames = async () => (await h.db.introspection.getTables()).map((t) => t.name);
    const halfWay = {
      up: async (db: Kysely<any>) => {
        await db.schema.createTable('upgrade_probe').addColumn('id', 'text', (c) => c.primaryKey()).execute();
        await db.schema.createIndex('upgrade_probe_missing_idx').on('upgrade_probe').column('no_such_column').execute();
      },
    };
    await expect(runMigrations(h.db, { ...migrations, '2099-01-01T0000-upgrade-probe': halfWay })).rejects.toThrow(/2099-01-01T0000-upgrade-probe/);
    expect(await tableNames()).not.toContain('upgrade_probe');
    // The release that fixes it: the same name, now whole.
    const fixed = { up: async (db: Kysely<any>) => db.schema.createTable('upgrade_probe').addColumn('id', 'text', (c) => c.primaryKey()).execute() };
    await runMigrations(h.db, { ...migrations, '2099-01-01T0000-upgrade-probe': fixed });
    expect(await tableNames()).toContain('upgrade_probe');
  });

  it('runs a migration marked outsideTransaction on its own, and on PostgreSQL builds its index while writers go on', async () => {
    const f = await seedCounty(h.db);
    const id = await addProject(h.db, { name: '在建项目', unitId: f.units.guhan, totalInvestment: 100 });
    const other = await addProject(h.db, { name: '另一项目', unitId: f.units.guhan, totalInvestment: 100 });
    const postgres = h.dialect === 'postgres';
    // PostgreSQL refuses CONCURRENTLY inside a transaction: this migration fails if it is not run on its own.
    const online = {
      outsideTransaction: true,
      up: async (db: Kysely<any>) => {
        await sql.raw(`create index ${postgres ? 'concurrently ' : ''}if not exists project_probe_idx on project (name)`).execute(db);
      },
    };
    const after = { up: async (db: Kysely<any>) => db.schema.createTable('after_probe').addColumn('id', 'text', (c) => c.primaryKey()).execute() };
    const list = { ...migrations, '2099-01-01T0000-online-probe': online, '2099-01-01T0100-after-probe': after };

    let endWriter!: () => void;
    const writerOpen = new Promise<void>((resolve) => (endWriter = resolve));
    let writerStarted!: () => void;
    const started = new Promise<void>((resolve) => (writerStarted = resolve));
    // A clerk's save left open: an index build has to wait for it, and a plain build would hold every later writer too.
    const openWriter = postgres
      ? h.db.transaction().execute(async (trx) => {
          await trx.updateTable('project').set({ name: '在建项目（改）' }).where('id', '=', id).execute();
          writerStarted();
          await writerOpen;
        })
      : (writerStarted(), Promise.resolve());
    await started;
    const migrating = runMigrations(h.db, list);
    try {
      if (postgres) {
        await waitFor(async () => {
          const r = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where query ilike 'create index concurrently%' and datname = current_database()`.execute(h.db);
          return r.rows[0]!.n > 0;
        });
        // Another clerk saves another project while the build waits. Behind a plain build it would queue until its
        // lock timeout (5 s) and fail.
        await h.db.updateTable('project').set({ total_investment: 200 }).where('id', '=', other).execute();
        // The build waits as long as the open save does: a migration has no lock timeout of its own.
        await new Promise((r) => setTimeout(r, DEFAULT_BUSY_TIMEOUT_MS + 500));
      }
    } finally {
      endWriter();
      await openWriter;
    }
    await migrating;
    const tables = (await h.db.introspection.getTables()).map((t) => t.name);
    expect(tables).toContain('after_probe');
    const index = postgres
      ? await sql<{ valid: boolean }>`select i.indisvalid as valid from pg_index i join pg_class c on c.oid = i.indexrelid where c.relname = 'project_probe_idx'`.execute(h.db)
      : await sql<{ valid: number }>`select 1 as valid from sqlite_master where type = 'index' and name = 'project_probe_idx'`.execute(h.db);
    expect(index.rows.map((r) => Boolean(r.valid))).toEqual([true]);
  });

  it('keeps money beyond 2^31 and 2^32 exactly, and returns sums as numbers', async () => {
    const f = await seedCounty(h.db);
    const big = 9_007_199_254_740; // about 90 万亿元: far past 32 bits, inside the safe range
    await addProject(h.db, { name: '大项目', unitId: f.units.guhan, totalInvestment: big, phase: 'newStart', annualPlan: 5_000_000_000 });
    await addProject(h.db, { name: '小项目', unitId: f.units.guhan, totalInvestment: 1, phase: 'newStart', annualPlan: 0 });
    const row = await h.db
      .selectFrom('project')
      .select([sql<number>`sum(total_investment)`.as('total'), sql<number>`count(*)`.as('n'), sql<number>`max(total_investment)`.as('max')])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ total: big + 1, n: 2, max: big });
  });

  it('refuses negative money at the schema too', async () => {
    const f = await seedCounty(h.db);
    const id = await addProject(h.db, { name: '项目', unitId: f.units.guhan, totalInvestment: 100 });
    await expect(h.db.updateTable('project').set({ total_investment: -1 }).where('id', '=', id).execute()).rejects.toThrow();
  });
});
