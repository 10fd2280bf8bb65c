// Opens the database named by --db or DATABASE_URL: an SQLite file (the embedded default) or PostgreSQL.

import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { toYuan } from '../domain/money.ts';
import { migrateToLatest } from './migrate.ts';
import type { Database } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** What was opened, with any password masked: for messages. */
  label: string;
  /**
   * Refreshes the planner's statistics where the database does not keep them itself (SQLite). Call it after
   * bulk loads; `serve` also runs it hourly. Without statistics SQLite scans a province to answer for a county.
   */
  optimize(): Promise<void>;
  close(): Promise<void>;
}

export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//.test(target);
}

// PostgreSQL returns int8 (COUNT, bigint columns) and numeric (SUM of bigint) as strings:
// they become numbers here, once, refusing anything beyond the safe integer range.
const PG_INT8 = 20;
const PG_NUMERIC = 1700;
function pgTypes() {
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

/**
 * Opens (and, for SQLite, creates) a database and brings its schema up to date.
 * @param target an SQLite file path, ':memory:', or a postgres:// URL
 */
export async function openDatabase(target: string, options: { migrate?: boolean; poolSize?: number } = {}): Promise<DatabaseHandle> {
  let handle: DatabaseHandle;
  if (isPostgresUrl(target)) {
    // JIT compilation costs more than it saves on these aggregates (0.3–0.5 s of a province-wide query).
    const pool = new pg.Pool({ connectionString: target, max: options.poolSize ?? 10, types: pgTypes(), options: '-c jit=off' });
    // An idle connection closed by the server (a restart, a dropped database) must not crash the process;
    // the pool replaces it on the next query.
    pool.on('error', (e) => console.error(`PostgreSQL connection lost: ${e.message}`));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    handle = {
      db,
      dialect: 'postgres',
      label: target.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@'),
      optimize: async () => {},
      close: () => db.destroy(),
    };
  } else {
    if (target !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
    const sqlite = new SQLite(target);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    handle = {
      db,
      dialect: 'sqlite',
      label: target,
      // 0x10002: analyse every table whose statistics are missing or stale, with a bounded effort.
      optimize: async () => void sqlite.pragma('optimize=0x10002'),
      close: () => db.destroy(),
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
  return handle;
}

/** The database target from a --db option or DATABASE_URL, else the embedded default. */
export function resolveDatabaseTarget(option: string | undefined, fallback = 'data/tiaodu.sqlite'): string {
  return option ?? process.env.DATABASE_URL ?? fallback;
}
