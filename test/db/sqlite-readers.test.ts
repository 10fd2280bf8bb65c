// The server's reads of an SQLite file on worker threads: the same answers as the one connection gives, a transaction
// still reading its own writes, writes not waiting for a long read, and a reader's failure reported, not hung.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/connect.ts';
import SQLite from 'better-sqlite3';
import { Kysely as KyselyDb } from 'kysely';
import { ReadingSqliteDialect, startReaderPool } from '../../src/db/sqlite-readers.ts';
import { addProject, seedCounty } from '../support/factories.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiaodu-readers-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
const newFile = () => path.join(dir, `readers-${n++}.sqlite`);

const countProjects = async (db: Kysely<any>) => Number((await db.selectFrom('project').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('SQLite reads on worker threads (serve)', () => {
  let h: DatabaseHandle;
  beforeEach(async () => {
    h = await openDatabase(newFile(), { readers: true });
  });
  afterEach(async () => {
    await h.close();
  });

  it('starts the readers the tuning names and answers a read as the writer would', async () => {
    expect(h.tuning!.readers).toBeGreaterThanOrEqual(2);
    const f = await seedCounty(h.db);
    const id = await addProject(h.db, { name: '集中供热管网改造', unitId: f.units.guhan, totalInvestment: 123_456_789 });
    // The write committed on the server's connection; the read that follows runs on a reader and sees it.
    const row = await h.db.selectFrom('project').select(['name', 'total_investment']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ name: '集中供热管网改造', total_investment: 123_456_789 });
    // The same statement inside a transaction runs on the writer: both give the same rows.
    const onWriter = await h.db.transaction().execute((trx) => trx.selectFrom('project').select(['name', 'total_investment']).where('id', '=', id).executeTakeFirstOrThrow());
    expect(onWriter).toEqual(row);
  });

  it('keeps a transaction’s reads on its own connection, and shows others only what was committed', async () => {
    const f = await seedCounty(h.db);
    await addProject(h.db, { name: '已提交的项目', unitId: f.units.guhan, totalInvestment: 1 });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inside = -1;
    const transaction = h.db.transaction().execute(async (trx) => {
      await addProject(trx, { name: '未提交的项目', unitId: f.units.guhan, totalInvestment: 2 });
      inside = await countProjects(trx);
      await held;
    });
    // Wait until the transaction has written and read.
    while (inside < 0) await new Promise((r) => setTimeout(r, 5));
    expect(inside).toBe(2);
    // A reader does not wait for the open transaction (the one connection would have), and does not see its row.
    expect(await countProjects(h.db)).toBe(1);
    release();
    await transaction;
    expect(await countProjects(h.db)).toBe(2);
  });

  it('lets a write finish while a long read is still running', async () => {
    const f = await seedCounty(h.db);
    const order: string[] = [];
    // About a second of work for a reader: counting a recursive series of five million.
    const longRead = (h.db as Kysely<any>)
      .withRecursive('series(x)', (db) => db.selectNoFrom(sql<number>`1`.as('x')).unionAll((db) => db.selectFrom('series').select(sql<number>`x + 1`.as('x')).where('x', '<', 5_000_000)))
      .selectFrom('series')
      .select((e) => e.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => {
        order.push('read');
        return Number(r.n);
      });
    await addProject(h.db, { name: '读取期间写入', unitId: f.units.guhan, totalInvestment: 3 });
    order.push('write');
    expect(await longRead).toBe(5_000_000);
    expect(order).toEqual(['write', 'read']);
  });

  it('gives BLOBs back as Buffers and an SQL error with its message', async () => {
    await sql`create table blob_probe (id integer primary key, content blob)`.execute(h.db);
    await sql`insert into blob_probe (id, content) values (1, ${Buffer.from('附件内容', 'utf8')})`.execute(h.db);
    const row = await (h.db as Kysely<any>).selectFrom('blob_probe').select('content').executeTakeFirstOrThrow();
    expect(Buffer.isBuffer(row.content)).toBe(true);
    expect(row.content.toString('utf8')).toBe('附件内容');
    await expect((h.db as Kysely<any>).selectFrom('no_such_table').selectAll().execute()).rejects.toThrow(/no such table: no_such_table/);
  });
});

describe('where a read runs', () => {
  it('keeps a statement that ran fast on the server’s connection, and sends one that ran slow, or is new, to a reader', async () => {
    const file = newFile();
    await (await openDatabase(file)).close();
    const dialect = new ReadingSqliteDialect({ database: new SQLite(file) });
    const pool = startReaderPool({ file, readers: 2, busyTimeoutMs: 1000, cacheKiB: 8192, mmapBytes: 0 });
    dialect.attach(pool);
    const db = new KyselyDb<any>({ dialect });
    try {
      const quick = () => db.selectFrom('project').select('id').where('id', '=', 'none').execute();
      await quick();
      expect(pool.reads).toBe(1);
      await quick();
      await quick();
      expect(pool.reads).toBe(1);
      const slow = () =>
        db
          .withRecursive('series(x)', (d) => d.selectNoFrom(sql<number>`1`.as('x')).unionAll((d) => d.selectFrom('series').select(sql<number>`x + 1`.as('x')).where('x', '<', 300_000)))
          .selectFrom('series')
          .select((e) => e.fn.countAll().as('n'))
          .execute();
      await slow();
      await slow();
      expect(pool.reads).toBe(3);
    } finally {
      await db.destroy();
    }
  });
});

describe('the reader pool itself', () => {
  it('starts readers as reads find them busy, up to its limit, refuses a write, and refuses reads once closed', async () => {
    const file = newFile();
    await (await openDatabase(file)).close();
    const pool = startReaderPool({ file, readers: 3, busyTimeoutMs: 1000, cacheKiB: 8192, mmapBytes: 0 });
    try {
      expect(pool.started).toBe(2);
      const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => pool.read('select ? as i, count(*) as n from project', [i])));
      expect(answers.map((a) => a.rows[0])).toEqual(Array.from({ length: 6 }, (_, i) => ({ i, n: 0 })));
      expect(pool.reads).toBe(6);
      expect(pool.started).toBe(3);
      await expect(pool.read("insert into project (id) values ('x')", [])).rejects.toThrow(/readonly|does not return data/i);
    } finally {
      await pool.close();
    }
    await expect(pool.read('select 1', [])).rejects.toThrow(/closed/);
  });

  it('fails the reads of a file that is not there instead of waiting for them', async () => {
    const pool = startReaderPool({ file: path.join(dir, 'missing.sqlite'), readers: 1, busyTimeoutMs: 1000, cacheKiB: 8192, mmapBytes: 0 });
    try {
      await expect(pool.read('select 1', [])).rejects.toThrow();
    } finally {
      await pool.close();
    }
  });
});
