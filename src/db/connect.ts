// Opens the database named by --db or DATABASE_URL: an SQLite file (the embedded default) or PostgreSQL.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { Kysely, PostgresDialect, SqliteDialect, type PostgresPool, type SqliteDatabase } from 'kysely';
import type PgDriver from 'pg';
import { toYuan } from '../domain/money.ts';
import { detectFigureLayout, figureLayout } from './figure-layout.ts';
import { migrateToLatest } from './migrate.ts';
import type { Database } from './schema.ts';
import { startCheckpointer } from './sqlite-checkpointer.ts';
import { ReadingSqliteDialect, startReaderPool } from './sqlite-readers.ts';
import { overrideCount, sqliteTuning, type SqliteTuning } from './sqlite-tuning.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** What was opened, with any password masked: for messages. */
  label: string;
  /**
   * Refreshes the planner's statistics of the tables that changed much since they were last taken. Call it after
   * bulk loads; `serve` also runs it hourly. Without statistics SQLite scans a province to answer for a county, and
   * PostgreSQL, before its autovacuum comes round, may plan a county's pool as a comparison of every pair of rows.
   */
  optimize(): Promise<void>;
  /**
   * What a long-running server needs and a one-off command does not: statistics refreshed hourly and, on an SQLite
   * file, the write-ahead log checkpointed from a worker thread. Stopped by close().
   */
  maintain(onError: (message: string) => void): void;
  /** The SQLite memory settings in force (null on PostgreSQL): for `serve`'s start-up line and the bench. */
  tuning: SqliteTuning | null;
  close(): Promise<void>;
}

const OPTIMIZE_EVERY_MS = 3_600_000;

export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//.test(target);
}

// PostgreSQL returns int8 (COUNT, bigint columns) and numeric (SUM of bigint) as strings:
// they become numbers here, once, refusing anything beyond the safe integer range.
const PG_INT8 = 20;
const PG_NUMERIC = 1700;
function pgTypes(pg: typeof PgDriver) {
  return {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === PG_INT8) return (v: string) => toYuan(v);
      if (oid === PG_NUMERIC) {
        return (v: string) => {
          const n = Number(v);
          if (!Number.isFinite(n) || (Number.isInteger(n) && !Number.isSafeInteger(n))) throw new RangeError(`numeric out of range: ${v}`);
          return n;
        };
      }
      return pg.types.getTypeParser(oid, format as 'text');
    },
  };
}

export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/**
 * PostgreSQL connections one process holds at most. A request holds one for each statement (or for its transaction), so
 * 10 serve about as many requests at once as the database's cores can work on; more only queue inside PostgreSQL.
 */
const DEFAULT_PG_POOL_SIZE = 10;
export function pgPoolSize(env: { TIAODU_PG_POOL_SIZE?: string }): number {
  return overrideCount('TIAODU_PG_POOL_SIZE', env.TIAODU_PG_POOL_SIZE, { min: 1, max: 1000 }) ?? DEFAULT_PG_POOL_SIZE;
}

/**
 * Opens (and, for SQLite, creates) a database and brings its schema up to date.
 * @param target an SQLite file path, ':memory:', or a postgres:// URL
 */
export interface OpenOptions {
  migrate?: boolean;
  /** PostgreSQL's pool: connections the process may hold at once (10 by default). */
  poolSize?: number;
  busyTimeoutMs?: number;
  /**
   * A server's reads of an SQLite file off its request thread, on `tuning.readers` worker connections
   * (src/db/sqlite-readers.ts). Not for one-off commands: starting the readers costs more than they save there.
   */
  readers?: boolean;
  /** A command that streams through its data once (an export): SQLite gets a small cache and no memory map. */
  singlePass?: boolean;
}

/**
 * The settings of every PostgreSQL session tiaodu opens, as the connection's `options`. JIT compilation costs more than
 * it saves on these aggregates (0.3–0.5 s of a province-wide query). A sum over a table partitioned by county (the
 * sharded layout) is computed partition by partition, so each shard sums its own rows; the setting changes nothing for
 * a table that is not partitioned.
 */
export function pgSessionOptions(lockTimeoutMs?: number): string {
  const settings = ['jit=off', 'enable_partitionwise_aggregate=on', ...(lockTimeoutMs === undefined ? [] : [`lock_timeout=${lockTimeoutMs}`])];
  return settings.map((s) => `-c ${s}`).join(' ');
}

export async function openDatabase(target: string, options: OpenOptions = {}): Promise<DatabaseHandle> {
  // How long a write waits for another writer (an import, a backup) before it is answered "busy, retry".
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  let handle: DatabaseHandle;
  let stopMaintenance = async () => {};
  let afterMigration = () => {};
  if (isPostgresUrl(target)) {
    // Loaded only for PostgreSQL: a command on an SQLite file starts without the driver.
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: target, max: options.poolSize ?? pgPoolSize(process.env), types: pgTypes(pg), options: pgSessionOptions(busyTimeoutMs) });
    // An idle connection closed by the server (a restart, a dropped database) must not crash the process;
    // the pool replaces it on the next query.
    pool.on('error', (e) => console.error(`PostgreSQL connection lost: ${e.message}`));
    // Not where the figures are on shards: after five runs PostgreSQL may keep a generic plan, which cannot prune the
    // partitions to one shard and was seen asking a shard for its sums once per project (a province by county took
    // 105 s instead of 0.7 s). Planned each time, each query gets the plan for its own county.
    const prepared = preparingStatements(pool, () => figureLayout(db) === 'local');
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: prepared.pool }) });
    afterMigration = prepared.start;
    handle = {
      db,
      dialect: 'postgres',
      label: target.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@'),
      // Autovacuum refreshes statistics within a minute or so; right after a bulk load (an import, a demo) that minute
      // matters, since a plan made without them can compare every year row with every project of a county.
      optimize: async () => {
        const stale = await pool.query<{ relname: string }>(
          `select relname from pg_stat_user_tables
            where n_live_tup + n_mod_since_analyze > 1000
              and (coalesce(last_analyze, last_autoanalyze) is null or n_mod_since_analyze > 0.2 * greatest(n_live_tup, 1))`,
        );
        for (const { relname } of stale.rows) await pool.query(`analyze ${pg.escapeIdentifier(relname)}`);
      },
      maintain: (onError) => {
        stopMaintenance = optimizeHourly(handle, onError);
      },
      tuning: null,
      close: async () => {
        await stopMaintenance();
        await db.destroy();
      },
    };
  } else {
    if (target !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
    const sqlite = new SQLite(target);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`busy_timeout = ${busyTimeoutMs}`);
    sqlite.pragma('synchronous = NORMAL');
    const tuning = sqliteTuning({ fileBytes: fileSize(target), totalMemoryBytes: os.totalmem(), cores: os.availableParallelism(), env: process.env, singlePass: options.singlePass });
    sqlite.pragma(`cache_size = ${-tuning.cacheKiB}`);
    sqlite.pragma(`mmap_size = ${tuning.mmapBytes}`);
    sqlite.pragma(`wal_autocheckpoint = ${tuning.walAutocheckpointPages}`);
    const readers = options.readers === true && target !== ':memory:' && tuning.readers > 0;
    const config = { database: reusingStatements(sqlite) };
    const dialect = readers ? new ReadingSqliteDialect(config) : new SqliteDialect(config);
    const db = new Kysely<Database>({ dialect });
    // Readers open the file once the writer has brought its schema up to date.
    if (dialect instanceof ReadingSqliteDialect) {
      afterMigration = () =>
        dialect.attach(
          startReaderPool({
            file: path.resolve(target),
            readers: tuning.readers,
            busyTimeoutMs,
            // The mapped window is shared by every connection; the page caches are not, so the readers split one.
            cacheKiB: Math.max(8 * 1024, Math.floor(tuning.cacheKiB / tuning.readers)),
            mmapBytes: tuning.mmapBytes,
          }),
        );
    }
    handle = {
      db,
      dialect: 'sqlite',
      label: target,
      // 0x10002: analyse every table whose statistics are missing or stale, with a bounded effort.
      optimize: async () => void sqlite.pragma('optimize=0x10002'),
      maintain: (onError) => {
        const stopOptimizing = optimizeHourly(handle, onError);
        // An in-memory database has no log to checkpoint, and no file a second connection could open.
        const checkpointer = target === ':memory:' ? null : startCheckpointer(path.resolve(target), (m) => onError(`WAL 检查点失败：${m}`));
        stopMaintenance = async () => {
          await stopOptimizing();
          await checkpointer?.stop();
        };
      },
      tuning: readers ? tuning : { ...tuning, readers: 0 },
      close: async () => {
        await stopMaintenance();
        await db.destroy();
      },
    };
  }
  if (options.migrate !== false) {
    try {
      await migrateToLatest(handle.db);
      await handle.optimize();
    } catch (e) {
      await handle.close();
      throw e;
    }
  }
  afterMigration();
  // A coordinator whose figures are on shards sums them in the shape that layout needs (figure-layout.ts).
  if (handle.dialect === 'postgres') await detectFigureLayout(handle.db);
  return handle;
}

/** Statistics taken when the database was young say nothing about the data it grows into. */
function optimizeHourly(handle: DatabaseHandle, onError: (message: string) => void): () => Promise<void> {
  const timer = setInterval(() => void handle.optimize().catch((e: Error) => onError(`统计信息更新失败：${e.message}`)), OPTIMIZE_EVERY_MS);
  timer.unref();
  return async () => clearInterval(timer);
}

function fileSize(target: string): number {
  try {
    return target === ':memory:' ? 0 : fs.statSync(target).size;
  } catch {
    return 0;
  }
}

// Kysely prepares every query afresh; SQLite's parse and plan were the largest single cost of a report submitted in
// the deadline rush. Statements are reused by their text instead (Kysely's SQL for one query shape is always the same
// text, values are bound). One connection runs one statement at a time, so sharing a statement is safe.
const STATEMENT_CACHE_SIZE = 256;
function reusingStatements(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      const cached = cache.get(text);
      if (cached) {
        // Most recently used last, so the oldest is the first to go.
        cache.delete(text);
        cache.set(text, cached);
        return cached;
      }
      const statement = sqlite.prepare(text);
      cache.set(text, statement);
      if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      return statement;
    },
  };
}

// PostgreSQL plans each unnamed statement afresh: for the report form's six-table join, planning took longer than
// running it, and the deadline rush's submit is a dozen such statements. Statements are named by their text instead,
// so each connection parses and plans one once (PostgreSQL re-plans a named statement when a table it reads changes).
// Only after migrations: a statement prepared against the old schema is of no use afterwards.
const PREPARED_PER_CONNECTION = 500;
const LONGEST_PREPARED_TEXT = 20_000;
type PgQuery = (...args: unknown[]) => Promise<unknown>;
function preparingStatements(pool: PgDriver.Pool, wanted: () => boolean): { pool: PostgresPool; start: () => void } {
  let on = false;
  const patched = new WeakSet<object>();
  return {
    start: () => void (on = true),
    pool: {
      end: () => pool.end(),
      async connect() {
        const client = await pool.connect();
        if (patched.has(client)) return client;
        patched.add(client);
        const query = client.query.bind(client) as PgQuery;
        const names = new Map<string, string>();
        // A statement whose result changed shape under it (a column added by a later release's migration): unnamed from then on.
        const unnamed = new Set<string>();
        // Kysely's calls are (text, values); anything else (the pool's own, with a callback; a cursor) goes through as it is.
        (client as unknown as { query: PgQuery }).query = async (...args) => {
          const [text, values] = args;
          if (!on || args.length !== 2 || typeof text !== 'string' || !Array.isArray(values) || unnamed.has(text) || !wanted()) return query(...args);
          let name = names.get(text);
          if (name === undefined) {
            if (names.size >= PREPARED_PER_CONNECTION || text.length > LONGEST_PREPARED_TEXT) return query(text, values);
            name = `t${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
            names.set(text, name);
          }
          try {
            return await query({ name, text, values });
          } catch (e) {
            if ((e as { code?: string }).code !== '0A000') throw e;
            unnamed.add(text);
            return query(text, values);
          }
        };
        return client;
      },
    },
  };
}

/** The database target from a --db option or DATABASE_URL (an empty one is unset), else the embedded default. */
export function resolveDatabaseTarget(option: string | undefined, fallback = 'data/tiaodu.sqlite'): string {
  return option ?? (process.env.DATABASE_URL || fallback);
}
