// A fresh, migrated database per test: SQLite, or a new PostgreSQL database when TIAODU_TEST_DB=postgres.

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/db/connect.ts';

export type TestDialect = 'sqlite' | 'postgres';

export function testDialect(): TestDialect {
  const d = process.env.TIAODU_TEST_DB ?? 'sqlite';
  if (d !== 'sqlite' && d !== 'postgres') throw new Error(`TIAODU_TEST_DB must be sqlite or postgres, not ${d}`);
  return d;
}

async function adminQuery(text: string): Promise<void> {
  const url = process.env.TIAODU_TEST_PG_URL;
  if (!url) throw new Error('TIAODU_TEST_DB=postgres needs TIAODU_TEST_PG_URL (npm test starts a cluster and sets it)');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * A database target for one test: an SQLite file under `dir` (or in memory without one), or a new PostgreSQL
 * database; `drop` removes it.
 */
export async function testDatabaseTarget(dir?: string): Promise<{ target: string; drop: () => Promise<void> }> {
  if (testDialect() === 'sqlite') {
    return { target: dir ? `${dir}/t-${randomBytes(4).toString('hex')}.sqlite` : ':memory:', drop: async () => {} };
  }
  return postgresDatabaseTarget();
}

/** A new, empty PostgreSQL database in the test cluster (TIAODU_TEST_PG_URL); `drop` removes it. */
export async function postgresDatabaseTarget(): Promise<{ target: string; drop: () => Promise<void> }> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(process.env.TIAODU_TEST_PG_URL!);
  url.pathname = `/${name}`;
  return { target: url.toString(), drop: () => adminQuery(`drop database if exists ${name} with (force)`) };
}

/** Opens an empty migrated database; `close` also drops it. */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const { target, drop } = await testDatabaseTarget();
  const handle = await openDatabase(target, { poolSize: 4 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await drop();
    },
  };
}
