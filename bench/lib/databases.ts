// The databases a benchmark runs on: SQLite files in a temporary folder, PostgreSQL databases in a given or throwaway cluster.

import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { pgSessionOptions } from '../../src/db/connect.ts';
import { prepareShard, shardCoordinator, SHARDED_TABLES } from '../../src/db/sharded-layout.ts';
// The same set-up the database tests use: open (migrating), work, close.
import { withMigratedDatabase } from '../../test/support/test-db.ts';

const run = promisify(execFile);
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export type BenchDialect = 'sqlite' | 'postgres';
/** What the report calls a database: a dialect, or PostgreSQL with its year and month rows on shards. */
export type BenchDatabase = BenchDialect | 'postgres-sharded';

/** Where the benchmark makes its databases: one fresh, empty one per size. */
export interface DatabaseServer {
  name: BenchDatabase;
  dialect: BenchDialect;
  /** For the report: which server or folder, without credentials. */
  label: string;
  /** A fresh, empty database; `drop(true)` when the run is being abandoned and must not wait. */
  create(name: string): Promise<{ target: string; drop: (hurry?: boolean) => Promise<void> }>;
  close(): Promise<void>;
  /** What the layout needs after a bulk load (its shards' statistics), timed with the load. */
  afterLoad?(target: string): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export function sqliteServer(): DatabaseServer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiaodu-bench-'));
  return {
    name: 'sqlite',
    dialect: 'sqlite',
    label: 'SQLite file in a temporary folder',
    async create(name) {
      const target = path.join(dir, `${name}.sqlite`);
      const drop = async () => {
        for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${target}${suffix}`, { force: true });
      };
      await drop();
      return { target, drop };
    },
    async close() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * Drops a database once its clients have gone. A closed pg.Pool lets its sockets go a moment after `end()`
 * resolves, and forcing them closed then raises an 'error' on a pool with no listener left: wait for them
 * (briefly: an interrupted run forces them closed at once).
 */
async function dropDatabase(adminUrl: string, name: string, waitMs: number): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const deadline = Date.now() + waitMs; Date.now() < deadline; ) {
      const { rows } = await client.query<{ n: string }>('select count(*) as n from pg_stat_activity where datname = $1', [name]);
      if (Number(rows[0]?.n ?? 0) === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await client.query(`drop database if exists ${name} with (force)`);
  } finally {
    await client.end();
  }
}

function maskUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

/**
 * PostgreSQL: the cluster at TIAODU_BENCH_PG_URL when set (an admin URL; the benchmark creates and drops its own
 * databases there), else a throwaway cluster started with scripts/pg-test-cluster.sh and stopped by `close`
 * (and by the stop handed to `onStarting`, which the caller runs if interrupted). The application reaches a throwaway
 * cluster through its Unix socket, as a server on the same machine should be reached (README, "Running on
 * PostgreSQL"): the rush answered 420 requests a second over TCP on the loopback, 433–446 through the socket.
 * A shard is given by host and port to postgres_fdw, so `viaSocket` is off for shards.
 */
export async function postgresServer(
  log: (line: string) => void,
  onStarting: (stop: () => Promise<void>) => void = () => {},
  given: string | undefined = process.env.TIAODU_BENCH_PG_URL,
  viaSocket = true,
): Promise<DatabaseServer> {
  let adminUrl = given;
  let socketDir: string | null = null;
  let stop: (() => Promise<void>) | undefined;
  let label: string;
  if (adminUrl) {
    label = `PostgreSQL at ${maskUrl(adminUrl)}`;
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiaodu-bench-pg-'));
    const port = await freePort();
    const script = path.join(REPO_ROOT, 'scripts/pg-test-cluster.sh');
    log(`starting a throwaway PostgreSQL cluster on port ${port}`);
    let stopped = false;
    stop = async () => {
      if (stopped) return;
      stopped = true;
      await run('bash', [script, 'stop', dir], { cwd: REPO_ROOT }).catch((e: Error) => log(`stopping the PostgreSQL cluster failed: ${e.message}`));
    };
    // An interrupt during initdb or start must still stop the cluster.
    onStarting(stop);
    try {
      const { stdout } = await run('bash', [script, 'start', dir, String(port)], { cwd: REPO_ROOT, maxBuffer: 16 << 20 });
      adminUrl = stdout.trim().split('\n').pop()!;
    } catch (e) {
      await stop();
      throw e;
    }
    label = `PostgreSQL, throwaway cluster (fsync off)${viaSocket ? ', through its Unix socket' : ''}`;
    if (viaSocket) socketDir = dir;
  }
  const version = await (async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      return String((await client.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]?.v ?? '?');
    } finally {
      await client.end();
    }
  })().catch(async (e: unknown) => {
    await stop?.();
    throw e;
  });
  const admin = adminUrl;
  return {
    name: 'postgres',
    dialect: 'postgres',
    label: `${label}, version ${version}`,
    async create(name) {
      const db = `tiaodu_bench_${name}_${randomBytes(3).toString('hex')}`;
      await adminQuery(admin, `create database ${db}`);
      const url = new URL(admin);
      url.pathname = `/${db}`;
      if (socketDir) {
        url.searchParams.set('host', socketDir);
        url.searchParams.set('port', url.port);
      }
      return { target: url.toString(), drop: (hurry = false) => dropDatabase(admin, db, hurry ? 0 : 5_000) };
    },
    async close() {
      await stop?.();
    },
  };
}

/**
 * PostgreSQL on the sharded layout (src/db/sharded-layout.ts): a coordinator as `postgresServer` gives it, and two
 * shards, each the cluster at TIAODU_BENCH_SHARD_URLS (admin URLs, separated by spaces) or a throwaway one. Each
 * database it creates is migrated and laid out: the year and month rows go to the shards.
 */
export async function shardedPostgresServer(log: (line: string) => void, onStarting: (stop: () => Promise<void>) => void = () => {}): Promise<DatabaseServer> {
  const given = (process.env.TIAODU_BENCH_SHARD_URLS ?? '').split(/[\s,]+/).filter(Boolean);
  const servers = [await postgresServer(log, onStarting)];
  try {
    for (let i = 0; i < 2; i++) servers.push(await postgresServer(log, onStarting, given[i], false));
  } catch (e) {
    for (const s of servers) await s.close();
    throw e;
  }
  const [coordinator, ...shards] = servers as [DatabaseServer, ...DatabaseServer[]];
  const shardTargets = new Map<string, string[]>();
  return {
    name: 'postgres-sharded',
    dialect: 'postgres',
    label: `${coordinator.label}, its year and month rows on ${shards.length} shards through postgres_fdw (${shards.map((s) => s.label).join('; ')})`,
    async create(name) {
      const own = [await coordinator.create(name), ...(await Promise.all(shards.map((s) => s.create(name))))];
      const drop = async (hurry?: boolean) => {
        for (const d of own) await d.drop(hurry);
      };
      const [coord, ...onShards] = own as [(typeof own)[number], ...typeof own];
      try {
        for (const s of onShards) await withMigratedDatabase(s.target, prepareShard);
        await withMigratedDatabase(coord.target, (db) => shardCoordinator(db, onShards.map((s) => ({ url: s.target }))));
      } catch (e) {
        await drop(true);
        throw e;
      }
      shardTargets.set(coord.target, onShards.map((s) => s.target));
      return { target: coord.target, drop };
    },
    async afterLoad(target) {
      // Each shard's statistics, then the coordinator's of the partitioned tables (sampled through the shards).
      for (const shard of shardTargets.get(target) ?? []) await adminQuery(shard, 'vacuum (analyze)');
      await adminQuery(target, `analyze ${SHARDED_TABLES.join(', ')}`);
    },
    async close() {
      for (const s of servers) await s.close();
    },
  };
}

/** A second, plain connection to the same database, for the hand-written queries: no Kysely, no type parsers. */
export interface RawDatabase {
  /** Runs SQL with `:name` parameters and returns plain rows. */
  all(sql: string, params: Record<string, unknown>): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export async function openRaw(dialect: BenchDialect, target: string): Promise<RawDatabase> {
  if (dialect === 'sqlite') {
    const db = new SQLite(target, { readonly: true });
    const statements = new Map<string, SQLite.Statement>();
    return {
      async all(text, params) {
        let st = statements.get(text);
        if (!st) statements.set(text, (st = db.prepare(text)));
        return st.all(params) as Record<string, unknown>[];
      },
      async close() {
        db.close();
      },
    };
  }
  // The same session settings as the app's pool (src/db/connect.ts), so the ratio compares query paths, not JIT.
  const client = new pg.Client({ connectionString: target, options: pgSessionOptions() });
  await client.connect();
  const compiled = new Map<string, { text: string; names: string[] }>();
  return {
    async all(text, params) {
      let c = compiled.get(text);
      if (!c) {
        const names: string[] = [];
        const pgText = text.replace(/(?<!:):([a-zA-Z_]\w*)/g, (_, name: string) => {
          if (!names.includes(name)) names.push(name);
          return `$${names.indexOf(name) + 1}`;
        });
        compiled.set(text, (c = { text: pgText, names }));
      }
      const { text: pgText, names } = c;
      return (await client.query(pgText, names.map((n) => params[n]))).rows as Record<string, unknown>[];
    },
    async close() {
      await client.end();
    },
  };
}
