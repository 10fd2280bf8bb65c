// The database layer on both dialects: migrations, whole-元 round trips beyond 32 bits, sums parsed as numbers.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { migrateToLatest, migrations, runMigrations } from '../../src/db/migrate.ts';
import { openTestDatabase, testDialect } from '../support/test-db.ts';
import { addProject, seedCounty } from '../support/factories.ts';

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
