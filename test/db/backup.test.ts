// A backup taken while the server takes writes is whole and consistent; restored, every figure equals the source's.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/domain/access.ts';
import { backupDatabase, backupKindOf, restoreDatabase } from '../../src/db/backup.ts';
import { openDatabase, type DatabaseHandle } from '../../src/db/connect.ts';
import type { Db } from '../../src/db/transaction.ts';
import { poolSummary } from '../../src/services/pool-summary.ts';
import { call, signInAs, testApp } from '../support/api.ts';
import { tiaodu } from '../support/cli.ts';
import { addProject, COUNTY, PASSWORD, seedCounty, type CountyFixture } from '../support/factories.ts';
import { testDatabaseTarget, testDialect, testLayout } from '../support/test-db.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiaodu-backup-'));
const drops: (() => Promise<void>)[] = [];
let source: DatabaseHandle;
let sourceTarget = '';
let county: CountyFixture;

async function target(): Promise<string> {
  const t = await testDatabaseTarget(dir);
  drops.push(t.drop);
  return t.target;
}

async function rowCounts(db: Db): Promise<Record<string, number>> {
  const tables = (await db.introspection.getTables()).map((t) => t.name).filter((n) => !n.startsWith('kysely_')).sort();
  const counts: Record<string, number> = {};
  for (const name of tables) {
    const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(name)}`.execute(db);
    counts[name] = Number(r.rows[0]!.n);
  }
  return counts;
}

async function figures(db: Db) {
  return poolSummary(db, { region: COUNTY, asOf: '2021-06', breakdowns: true }, SYSTEM_ACTOR);
}

beforeAll(async () => {
  sourceTarget = await target();
  source = await openDatabase(sourceTarget);
  county = await seedCounty(source.db);
  for (let i = 0; i < 20; i++) {
    await addProject(source.db, { name: `既有项目${i}`, unitId: county.units.guhan, phase: i % 2 ? 'newStart' : 'continuing', totalInvestment: 10_000_000 + i, annualPlan: 2_000_000, startedOn: '2021-03-01', months: { '2021-03': 100_000 * i } });
  }
});

afterAll(async () => {
  await source?.close();
  for (const drop of drops) await drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const sharded = testDialect() === 'postgres' && testLayout() === 'sharded';

describe(`backup and restore (${sharded ? 'postgres, sharded' : testDialect()})`, () => {
  const title = sharded
    ? 'refuses to back up a coordinator whose figures live on shards, and says what to do instead'
    : 'copies a database consistently while the API writes, and the restored copy has every figure of the source';
  it(title, async () => {
    if (sharded) {
      await refusesShardedBackup();
      return;
    }
    const app = testApp(source.db);
    const token = await signInAs(app, county.users.dispatcher.username, PASSWORD);
    let written = 0;
    let writing = true;
    let failure: unknown = null;
    const writer = (async () => {
      while (writing || written < 10) {
        const r = await call(app, token, 'POST', '/api/projects', {
          regionCode: COUNTY, name: `备份期间新增${written}`, unitId: county.units.wangqiao, stage: 'underway', totalInvestment: 5_000_000 + written,
          startedOn: '2021-04-01', years: [{ year: 2021, phase: 'newStart', annualPlan: 1_000_000, resumedOn: null }],
        });
        if (r.status !== 201) throw new Error(`write refused: ${r.status} ${JSON.stringify(r.json)}`);
        written++;
        // Requests arrive over the network one after another; SQLite answers without yielding, so yield as a socket would.
        await new Promise((r) => setImmediate(r));
      }
    })().catch((e) => {
      failure = e;
    });

    // Taken by the command in another process while the writes go on: whatever it holds, it holds whole transactions.
    while (written < 3 && failure === null) await new Promise((r) => setTimeout(r, 5));
    expect(failure).toBeNull();
    const duringFile = path.join(dir, 'during.bak');
    const cli = await tiaodu('backup', '--db', sourceTarget, '--out', duringFile, '--json');
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    const during = JSON.parse(cli.stdout) as { out: string; kind: string };
    expect(during.out).toBe(duringFile);
    const writtenWhileBackingUp = written;
    writing = false;
    await writer;
    expect(failure).toBeNull();
    expect(backupKindOf(during.out)).toBe(testDialect());
    expect(writtenWhileBackingUp).toBeGreaterThan(3);

    const midway = await openDatabase(await restoreInto(during.out), { migrate: false });
    try {
      const projects = await midway.db.selectFrom('project').select(['id', 'name']).where('name', 'like', '备份期间新增%').execute();
      expect(projects.length).toBeGreaterThanOrEqual(3);
      expect(projects.length).toBeLessThanOrEqual(written);
      // Each project created arrives with its year row and its 'created' history entry, or not at all.
      const years = await midway.db.selectFrom('project_year').select('project_id').where('project_id', 'in', projects.map((p) => p.id)).execute();
      const created = await midway.db.selectFrom('project_history').select('project_id').where('field', '=', 'created').where('project_id', 'in', projects.map((p) => p.id)).execute();
      expect(years.length).toBe(projects.length);
      expect(created.length).toBe(projects.length);
    } finally {
      await midway.close();
    }

    // Taken after the writes: the restored copy equals the source, table by table and figure by figure.
    const after = await backupDatabase(sourceTarget, path.join(dir, 'after.bak'));
    const restored = await openDatabase(await restoreInto(after.out), { migrate: false });
    try {
      expect(await rowCounts(restored.db)).toEqual(await rowCounts(source.db));
      const [a, b] = [await figures(source.db), await figures(restored.db)];
      expect(b).toEqual(a);
      expect(b.all.count).toBe(20 + written);
    } finally {
      await restored.close();
    }
  });

  it('never writes over an existing backup, and refuses a file that is not a backup', async () => {
    const out = path.join(dir, 'kept.bak');
    fs.writeFileSync(out, 'an older backup');
    await expect(backupDatabase(sourceTarget, out)).rejects.toThrow(/已存在/);
    expect(fs.readFileSync(out, 'utf8')).toBe('an older backup');
    await expect(restoreDatabase(out, await target(), { replace: true })).rejects.toThrow(/不是 tiaodu 的备份文件/);
  });
});

async function refusesShardedBackup(): Promise<void> {
  const out = path.join(dir, 'sharded.bak');
  const cli = await tiaodu('backup', '--db', sourceTarget, '--out', out);
  expect(cli.code).toBe(1);
  expect(cli.stderr).toContain('project_month、project_year 存放在其他服务器的分片上');
  expect(cli.stderr).toContain('分别用 pg_dump 备份协调库和每个分片库');
  expect(fs.existsSync(out)).toBe(false);
}

async function restoreInto(file: string): Promise<string> {
  const t = await target();
  await restoreDatabase(file, t, { replace: false });
  return t;
}
