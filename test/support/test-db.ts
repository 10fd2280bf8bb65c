// A fresh, migrated database per test: SQLite, or a new PostgreSQL database when TIAODU_TEST_DB=postgres.

import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/db/connect.ts';
import { prepareShard, shardCoordinator, shardServer } from '../../src/db/sharded-layout.ts';

export type TestDialect = 'sqlite' | 'postgres';

export function testDialect(): TestDialect {
  const d = process.env.TIAODU_TEST_DB ?? 'sqlite';
  if (d !== 'sqlite' && d !== 'postgres') throw new Error(`TIAODU_TEST_DB must be sqlite or postgres, not ${d}`);
  return d;
}

/** The test cluster's admin URL: TIAODU_TEST_PG_URL, which `npm test` sets. */
function adminUrl(): string {
  const url = process.env.TIAODU_TEST_PG_URL;
  if (!url) throw new Error('TIAODU_TEST_DB=postgres needs TIAODU_TEST_PG_URL (npm test starts a cluster and sets it)');
  return url;
}

/**
 * The PostgreSQL layout under test: `plain`, or `sharded` (TIAODU_TEST_LAYOUT=sharded) — the year and month rows
 * partitioned by county over the clusters in TIAODU_TEST_SHARD_URLS through postgres_fdw (src/db/sharded-layout.ts).
 */
export function testLayout(): 'plain' | 'sharded' {
  const layout = process.env.TIAODU_TEST_LAYOUT ?? 'plain';
  if (layout !== 'plain' && layout !== 'sharded') throw new Error(`TIAODU_TEST_LAYOUT must be plain or sharded, not ${layout}`);
  if (layout === 'sharded' && (testDialect() !== 'postgres' || shardUrls().length === 0)) {
    throw new Error('TIAODU_TEST_LAYOUT=sharded needs TIAODU_TEST_DB=postgres and the shard clusters in TIAODU_TEST_SHARD_URLS');
  }
  return layout;
}

/** The shard clusters' admin URLs, separated by spaces. */
function shardUrls(): string[] {
  return (process.env.TIAODU_TEST_SHARD_URLS ?? '').split(/[\s,]+/).filter(Boolean);
}

/** The shard clusters of the layout under test: none on the plain layout. */
function layoutShards(): string[] {
  return testLayout() === 'sharded' ? shardUrls() : [];
}

/** Database `name` in the cluster whose admin URL is `cluster`. */
function databaseUrl(name: string, cluster = adminUrl()): string {
  const url = new URL(cluster);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>, cluster = adminUrl()): Promise<T> {
  const client = new pg.Client({ connectionString: cluster });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function adminQuery(text: string, cluster = adminUrl()): Promise<void> {
  await withAdmin((client) => client.query(text), cluster);
}

// Any fixed number: the test processes take it while one of them builds the migrated template.
const TEMPLATE_LOCK_ID = 0x7464_7470;
let template: Promise<string> | undefined;

/** Creates database `name` in `cluster` by `build`ing it under another name first, then marks it a template. */
async function buildTemplate(cluster: string, name: string, build: (url: string) => Promise<void>): Promise<void> {
  const building = `${name}_building`;
  await adminQuery(`drop database if exists ${building} with (force)`, cluster);
  await adminQuery(`drop database if exists ${name} with (force)`, cluster);
  await adminQuery(`create database ${building}`, cluster);
  await build(databaseUrl(building, cluster));
  await adminQuery(`alter database ${building} rename to ${name}`, cluster);
  await adminQuery(`alter database ${name} is_template true`, cluster);
}

/** Opens the database at `url` (migrating it), hands it to `then`, and closes it: for setting one up. */
export async function withMigratedDatabase(url: string, then?: (db: DatabaseHandle['db']) => Promise<void>): Promise<void> {
  const handle = await openDatabase(url, { poolSize: 1 });
  try {
    await then?.(handle.db);
  } finally {
    await handle.close();
  }
}

/**
 * The name of a PostgreSQL database migrated to the current schema (and, on the sharded layout, its copies on each
 * shard), for new test databases to be copied from: copying takes a tenth of a second where migrating takes half a
 * second. Its name carries a hash of the migrations' source, so an edited migration gets a new template in a cluster
 * kept between runs.
 */
function migratedTemplate(): Promise<string> {
  template ??= (async () => {
    const dir = path.join(import.meta.dirname, '../../src/db');
    const shards = layoutShards();
    // This file and the layout are hashed too: a template built by an earlier harness is not taken for the current one's.
    const sources = ['migrate.ts', 'sharded-layout.ts', ...fs.readdirSync(path.join(dir, 'migrations')).sort().map((f) => `migrations/${f}`)].map((f) => path.join(dir, f));
    sources.push(import.meta.filename);
    const hash = createHash('sha256');
    for (const file of sources) hash.update(path.basename(file)).update(fs.readFileSync(file));
    const name = `tpl_${hash.digest('hex').slice(0, 16)}${shards.length > 0 ? `_${shards.length}shards` : ''}`;
    await withAdmin(async (client) => {
      await client.query('select pg_advisory_lock($1)', [TEMPLATE_LOCK_ID]);
      const found = await client.query('select 1 from pg_database where datname = $1', [name]);
      if (found.rowCount === 0) {
        for (const shard of shards) await buildTemplate(shard, name, (url) => withMigratedDatabase(url, prepareShard));
        const layOut = shards.length === 0 ? undefined : (db: DatabaseHandle['db']) => shardCoordinator(db, shards.map((s) => ({ url: databaseUrl(name, s) })));
        await buildTemplate(adminUrl(), name, (url) => withMigratedDatabase(url, layOut));
      }
      await client.query('select pg_advisory_unlock($1)', [TEMPLATE_LOCK_ID]);
    });
    return name;
  })();
  return template;
}

/**
 * A database target for one test: an SQLite file under `dir` (or in memory without one), or a new PostgreSQL
 * database migrated to the current schema (`empty` for one that is not); `drop` removes it.
 */
export async function testDatabaseTarget(dir?: string, options: { empty?: boolean } = {}): Promise<{ target: string; drop: () => Promise<void> }> {
  if (testDialect() === 'sqlite') {
    return { target: dir ? `${dir}/t-${randomBytes(4).toString('hex')}.sqlite` : ':memory:', drop: async () => {} };
  }
  return postgresDatabaseTarget({ migrated: !options.empty });
}

/**
 * A new PostgreSQL database in the test cluster (TIAODU_TEST_PG_URL), empty or `migrated`; `drop` removes it. A
 * migrated one on the sharded layout comes with its shards' databases, under the same name in each shard cluster.
 */
export async function postgresDatabaseTarget(options: { migrated?: boolean } = {}): Promise<{ target: string; drop: () => Promise<void> }> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  if (!options.migrated) {
    await adminQuery(`create database ${name}`);
    return { target: databaseUrl(name), drop: () => adminQuery(`drop database if exists ${name} with (force)`) };
  }
  const from = await migratedTemplate();
  const shards = layoutShards();
  await Promise.all([adminUrl(), ...shards].map((cluster) => adminQuery(`create database ${name} template ${from}`, cluster)));
  if (shards.length > 0) {
    await withAdmin(async (client) => {
      for (const i of shards.keys()) await client.query(`alter server ${shardServer(i)} options (set dbname '${name}')`);
    }, databaseUrl(name));
  }
  return { target: databaseUrl(name), drop: async () => void (await Promise.all([adminUrl(), ...shards].map((cluster) => adminQuery(`drop database if exists ${name} with (force)`, cluster)))) };
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
