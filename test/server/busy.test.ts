// A write that meets another writer holding the database (an import in another process, a backup) is answered
// "busy, retry" with 503 and Retry-After, never a 500, and nothing of it is written.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/connect.ts';
import { busyError } from '../../src/domain/errors.ts';
import { call, signInAs, testApp } from '../support/api.ts';
import { addProject, PASSWORD, seedCounty, type CountyFixture } from '../support/factories.ts';
import { testDatabaseTarget, testDialect } from '../support/test-db.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiaodu-busy-'));
let target: { target: string; drop: () => Promise<void> };
let handle: DatabaseHandle;
let county: CountyFixture;
let projectId: string;

beforeAll(async () => {
  target = await testDatabaseTarget(dir);
  handle = await openDatabase(target.target, { busyTimeoutMs: 300 });
  county = await seedCounty(handle.db);
  projectId = await addProject(handle.db, { name: '被占用时修改的项目', unitId: county.units.guhan, phase: 'newStart', totalInvestment: 10_000_000, annualPlan: 1_000_000 });
});

afterAll(async () => {
  await handle?.close();
  await target?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Holds the database as another process's long write would, until `release` is called. */
async function holdDatabase(): Promise<() => Promise<void>> {
  if (testDialect() === 'sqlite') {
    const other = new SQLite(target.target);
    other.exec('begin immediate');
    return async () => {
      other.exec('rollback');
      other.close();
    };
  }
  const other = new pg.Client({ connectionString: target.target });
  await other.connect();
  await other.query('begin');
  await other.query('lock table project in exclusive mode');
  return async () => {
    await other.query('rollback');
    await other.end();
  };
}

describe(`a busy database (${testDialect()})`, () => {
  it('answers a write with 503 and Retry-After while another writer holds it, and takes the same write afterwards', async () => {
    const app = testApp(handle.db);
    const token = await signInAs(app, county.users.dispatcher.username, PASSWORD);
    const before = await call(app, token, 'GET', `/api/projects/${projectId}`);
    const release = await holdDatabase();
    let res: Response;
    try {
      res = await app.request(`/api/projects/${projectId}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ version: before.json.project.version, notes: '占用期间的修改' }),
      });
    } finally {
      await release();
    }
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('busy');
    expect(body.error.message).toMatch(/数据库正忙.*重试/);

    const unchanged = await call(app, token, 'GET', `/api/projects/${projectId}`);
    expect(unchanged.json.project.notes).toBe(before.json.project.notes);
    const retried = await call(app, token, 'PATCH', `/api/projects/${projectId}`, { version: before.json.project.version, notes: '占用期间的修改' });
    expect(retried.status).toBe(200);
    expect(retried.json.project.notes).toBe('占用期间的修改');
  });
});

describe('which driver errors are "busy"', () => {
  it.each([
    ['SQLITE_BUSY', true],
    ['SQLITE_LOCKED', true],
    ['55P03', true],
    ['40P01', true],
    ['SQLITE_CONSTRAINT_UNIQUE', false],
    ['23505', false],
  ])('%s → %s', (code, busy) => {
    expect(busyError(Object.assign(new Error('driver'), { code }))?.code === 'busy').toBe(busy);
  });
  it('is not fooled by an error without a code', () => {
    expect(busyError(new Error('SQLITE_BUSY'))).toBeNull();
    expect(busyError(null)).toBeNull();
  });
});
