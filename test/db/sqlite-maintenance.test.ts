// SQLite as a server database: memory sized from the file and the machine, the log checkpointed from a worker while
// the server's connection keeps writing; and, on either database, the server's upkeep starting and stopping cleanly.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, pgPoolSize } from '../../src/db/connect.ts';
import { startCheckpointer } from '../../src/db/sqlite-checkpointer.ts';
import { sqliteTuning } from '../../src/db/sqlite-tuning.ts';
import { addProject, seedCounty } from '../support/factories.ts';
import { openTestDatabase, testDialect } from '../support/test-db.ts';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiaodu-sqlite-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('sqliteTuning', () => {
  it('holds a province file whole in the cache when the machine can spare it, and maps it twice over', () => {
    const t = sqliteTuning({ fileBytes: 400 * MiB, totalMemoryBytes: 16 * GiB, cores: 2, env: {} });
    expect(t.cacheKiB).toBe(500 * 1024);
    expect(t.mmapBytes).toBe(800 * MiB);
  });

  it('takes at most an eighth of a small machine for the cache and a quarter for the mapping', () => {
    const t = sqliteTuning({ fileBytes: 400 * MiB, totalMemoryBytes: 2 * GiB, cores: 2, env: {} });
    expect(t.cacheKiB).toBe(256 * 1024);
    expect(t.mmapBytes).toBe(512 * MiB);
  });

  it('gives a new, empty file a floor well above SQLite’s 2 MiB default', () => {
    const t = sqliteTuning({ fileBytes: 0, totalMemoryBytes: 8 * GiB, cores: 2, env: {} });
    expect(t.cacheKiB).toBe(32 * 1024);
    expect(t.mmapBytes).toBe(32 * MiB);
  });

  it('gives a single pass over a province file the floor and no mapping, unless the operator says otherwise', () => {
    expect(sqliteTuning({ fileBytes: 400 * MiB, totalMemoryBytes: 16 * GiB, cores: 2, env: {}, singlePass: true })).toMatchObject({ cacheKiB: 32 * 1024, mmapBytes: 0 });
    const t = sqliteTuning({ fileBytes: 400 * MiB, totalMemoryBytes: 16 * GiB, cores: 2, env: { TIAODU_SQLITE_CACHE_MB: '64', TIAODU_SQLITE_MMAP_MB: '128' }, singlePass: true });
    expect(t).toMatchObject({ cacheKiB: 64 * 1024, mmapBytes: 128 * MiB });
  });

  it('lets the operator override both, 0 turning mapping off', () => {
    const t = sqliteTuning({ fileBytes: 400 * MiB, totalMemoryBytes: 16 * GiB, cores: 2, env: { TIAODU_SQLITE_CACHE_MB: '64', TIAODU_SQLITE_MMAP_MB: '0' } });
    expect(t).toMatchObject({ cacheKiB: 64 * 1024, mmapBytes: 0 });
  });

  it('gives a server four readers per core, eight at least and sixteen at most, unless the operator says how many', () => {
    const readers = (cores: number, env = {}) => sqliteTuning({ fileBytes: 0, totalMemoryBytes: 8 * GiB, cores, env }).readers;
    expect([1, 2, 3, 16].map((c) => readers(c))).toEqual([8, 8, 12, 16]);
    expect(readers(16, { TIAODU_SQLITE_READERS: '0' })).toBe(0);
    expect(readers(2, { TIAODU_SQLITE_READERS: '3' })).toBe(3);
    expect(() => readers(2, { TIAODU_SQLITE_READERS: 'many' })).toThrow(/TIAODU_SQLITE_READERS.*many/);
  });

  it('refuses an override that is not a whole number of MiB, naming the variable', () => {
    expect(() => sqliteTuning({ fileBytes: 0, totalMemoryBytes: GiB, cores: 2, env: { TIAODU_SQLITE_CACHE_MB: '1.5G' } })).toThrow(/TIAODU_SQLITE_CACHE_MB.*1\.5G/);
    expect(() => sqliteTuning({ fileBytes: 0, totalMemoryBytes: GiB, cores: 2, env: { TIAODU_SQLITE_MMAP_MB: '-1' } })).toThrow(/TIAODU_SQLITE_MMAP_MB/);
  });
});

describe('an SQLite file opened as the server opens it', () => {
  it('runs with the tuned cache and mapping', async () => {
    const h = await openDatabase(path.join(dir, 'tuned.sqlite'));
    try {
      const pragma = async (name: string) => Object.values((await sql.raw(`pragma ${name}`).execute(h.db)).rows[0] as object)[0];
      expect(await pragma('cache_size')).toBe(-h.tuning!.cacheKiB);
      expect(await pragma('mmap_size')).toBe(h.tuning!.mmapBytes);
      expect(await pragma('wal_autocheckpoint')).toBe(h.tuning!.walAutocheckpointPages);
      expect(h.tuning!.cacheKiB).toBeGreaterThanOrEqual(32 * 1024);
    } finally {
      await h.close();
    }
  });

  it('has its log copied back by the worker while the server’s connection keeps writing', async () => {
    const file = path.join(dir, 'checkpointed.sqlite');
    const h = await openDatabase(file);
    const checkpointer = startCheckpointer(file);
    try {
      const f = await seedCounty(h.db);
      for (let i = 0; i < 200; i++) await addProject(h.db, { name: `项目${i}`, unitId: f.units.guhan, totalInvestment: 1_000_000 + i });
      const walBefore = fs.statSync(`${file}-wal`).size;
      expect(walBefore).toBeGreaterThan(0);
      // Writes go on while the worker copies: neither waits for the other.
      const [result] = await Promise.all([checkpointer.checkpoint(), addProject(h.db, { name: '检查点期间写入', unitId: f.units.guhan, totalInvestment: 7 })]);
      expect(result.ok).toBe(true);
      expect(result.log).toBeGreaterThan(0);
      expect(result.checkpointed).toBeGreaterThan(0);
      // A second pass finds every committed page already in the database file.
      const again = await checkpointer.checkpoint();
      expect(again.checkpointed).toBe(again.log);
      const n = await h.db.selectFrom('project').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(201);
    } finally {
      await checkpointer.stop();
      await h.close();
    }
  });

  it('reports a checkpoint on a file that is gone as failed, not as a crash', async () => {
    const failures: string[] = [];
    const checkpointer = startCheckpointer(path.join(dir, 'missing.sqlite'), (m) => failures.push(m));
    const result = await checkpointer.checkpoint();
    expect(result.ok).toBe(false);
    expect(failures.length).toBeGreaterThan(0);
    await checkpointer.stop();
  });
});

describe(`the server's upkeep (${testDialect()})`, () => {
  it('starts and stops with the database, reporting nothing on a healthy one', async () => {
    const h = await openTestDatabase();
    const failures: string[] = [];
    h.maintain((m) => failures.push(m));
    await h.optimize();
    await h.close();
    expect(failures).toEqual([]);
    expect(h.tuning === null).toBe(testDialect() === 'postgres');
  });
});

describe('PostgreSQL’s pool size', () => {
  it('is 10 unless the operator sets TIAODU_PG_POOL_SIZE, and a wrong value is refused by name', () => {
    expect(pgPoolSize({})).toBe(10);
    expect(pgPoolSize({ TIAODU_PG_POOL_SIZE: '32' })).toBe(32);
    expect(() => pgPoolSize({ TIAODU_PG_POOL_SIZE: 'lots' })).toThrow(/TIAODU_PG_POOL_SIZE.*lots/);
    // A pool of no connections could serve nothing: refused by name rather than read as the default.
    expect(() => pgPoolSize({ TIAODU_PG_POOL_SIZE: '0' })).toThrow(/TIAODU_PG_POOL_SIZE 应为 1 到 1000 之间的整数，现为「0」/);
  });
});
