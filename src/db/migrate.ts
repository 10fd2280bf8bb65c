// Runs the migrations, listed here in order, on SQLite or PostgreSQL alike.

import { Migrator, PostgresAdapter, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as createPool from './migrations/2026-11-23T0900-create-pool.ts';
import * as indexMonthCompleted from './migrations/2026-11-23T1200-index-month-completed.ts';
import * as monthlyRound from './migrations/2026-11-23T1400-monthly-round.ts';
import * as statsEntry from './migrations/2026-11-23T1500-stats-entry.ts';
import * as indicators from './migrations/2026-11-23T1600-indicators.ts';
import * as unitAlias from './migrations/2026-12-06T0900-unit-alias.ts';
import * as projectLeader from './migrations/2026-12-06T1100-project-leader.ts';
import * as attraction from './migrations/2026-12-06T1400-attraction.ts';
import * as accountsAndSignIn from './migrations/2026-12-06T1200-accounts-and-sign-in.ts';
import * as roundCalendar from './migrations/2026-12-06T1300-round-calendar.ts';
import * as documents from './migrations/2026-12-06T1600-documents.ts';
import * as supervision from './migrations/2026-12-06T1500-supervision.ts';
import * as auditTrail from './migrations/2026-12-07T0900-audit-trail.ts';
import * as idempotencyKey from './migrations/2026-12-07T1000-idempotency-key.ts';
import * as countyCodeColumn from './migrations/2026-12-07T1200-county-code-column.ts';
import * as countyCodeBackfill from './migrations/2026-12-07T1210-county-code-backfill.ts';
import * as countyCodeNotNull from './migrations/2026-12-07T1220-county-code-not-null.ts';
import * as countyCodeIndexes from './migrations/2026-12-07T1230-county-code-indexes.ts';
import * as countyCodeKeys from './migrations/2026-12-07T1240-county-code-keys.ts';
import * as projectCountyCode from './migrations/2026-12-07T1300-project-county-code.ts';
import * as projectCountyCodeBackfill from './migrations/2026-12-07T1310-project-county-code-backfill.ts';
import * as regionLedIndexes from './migrations/2026-12-07T1700-region-led-indexes.ts';
import type { Database } from './schema.ts';

export const migrations: Record<string, MigrationModule> = {
  '2026-11-23T0900-create-pool': createPool,
  '2026-11-23T1200-index-month-completed': indexMonthCompleted,
  '2026-11-23T1400-monthly-round': monthlyRound,
  '2026-11-23T1500-stats-entry': statsEntry,
  '2026-11-23T1600-indicators': indicators,
  '2026-12-06T0900-unit-alias': unitAlias,
  '2026-12-06T1100-project-leader': projectLeader,
  '2026-12-06T1400-attraction': attraction,
  '2026-12-06T1200-accounts-and-sign-in': accountsAndSignIn,
  '2026-12-06T1300-round-calendar': roundCalendar,
  '2026-12-06T1600-documents': documents,
  '2026-12-06T1500-supervision': supervision,
  '2026-12-07T0900-audit-trail': auditTrail,
  '2026-12-07T1000-idempotency-key': idempotencyKey,
  '2026-12-07T1200-county-code-column': countyCodeColumn,
  '2026-12-07T1210-county-code-backfill': countyCodeBackfill,
  '2026-12-07T1220-county-code-not-null': countyCodeNotNull,
  '2026-12-07T1230-county-code-indexes': countyCodeIndexes,
  '2026-12-07T1240-county-code-keys': countyCodeKeys,
  '2026-12-07T1300-project-county-code': projectCountyCode,
  '2026-12-07T1310-project-county-code-backfill': projectCountyCodeBackfill,
  '2026-12-07T1700-region-led-indexes': regionLedIndexes,
};

/**
 * A migration as its module exports it. One that sets `outsideTransaction` runs outside any transaction: PostgreSQL
 * refuses `CREATE INDEX CONCURRENTLY` inside one, and it is what lets an index be built on a province's table without
 * stopping its writers for minutes. Such a migration must be safe to run again after failing half-way (a concurrent
 * build that fails leaves an invalid index behind: drop it first, then create with IF NOT EXISTS).
 */
export type MigrationModule = Migration & { readonly outsideTransaction?: boolean };

// Any fixed number: tiaodu's processes take it around the whole upgrade, so two servers started together do not both
// migrate, and what one reads as pending stays pending until it has run it.
const UPGRADE_LOCK_ID = 0x7469_616f;

/**
 * A migration in a transaction of its own. Kysely runs SQLite's migrations outside any transaction (its adapter takes
 * SQLite's DDL for non-transactional, which it is not), so one that failed half-way left its first tables behind and
 * every later start failed on them. On PostgreSQL Kysely already runs the pending migrations in one transaction.
 */
function atomic(m: Migration): Migration {
  const inTransaction = (step: Migration['up']) => (db: Kysely<any>) => (db.isTransaction ? step(db) : db.transaction().execute((trx) => step(trx)));
  return { up: inTransaction(m.up), ...(m.down ? { down: inTransaction(m.down) } : {}) };
}

/** Brings the database to the latest schema; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  await runMigrations(db, migrations);
}

/**
 * Runs `list` (name → migration, in name order) up to its last; `migrateToLatest` with the application's own list.
 * The migrations run in stretches: those in transactions together as before (on PostgreSQL, one transaction for the
 * stretch, each migration recorded with its change), and each one marked `outsideTransaction` alone between them.
 */
export async function runMigrations(db: Kysely<Database>, list: Record<string, MigrationModule>): Promise<void> {
  const names = Object.keys(list).sort();
  const stretchEnds = names.filter((name, i) => i === names.length - 1 || Boolean(list[name]!.outsideTransaction) !== Boolean(list[names[i + 1]!]!.outsideTransaction));
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.connection().execute(async (conn) => {
    // Another server's upgrade may take minutes: wait for it rather than fail.
    if (postgres) await withoutLockTimeout(true, conn, () => sql`select pg_advisory_lock(${sql.lit(UPGRADE_LOCK_ID)})`.execute(conn));
    try {
      // A stretch already run is skipped: Kysely refuses a list that lacks migrations the database has run, which an
      // earlier stretch's list does once a later stretch has run.
      const all: MigrationProvider = { getMigrations: async () => Object.fromEntries(names.map((name) => [name, plain(list[name]!)])) };
      const executed = new Set((await new Migrator({ db: conn, provider: all }).getMigrations()).filter((m) => m.executedAt).map((m) => m.name));
      for (const end of stretchEnds) {
        const upTo = names.slice(0, names.indexOf(end) + 1);
        if (upTo.every((name) => executed.has(name))) continue;
        const outside = Boolean(list[end]!.outsideTransaction);
        const provider: MigrationProvider = {
          getMigrations: async () => Object.fromEntries(upTo.map((name) => [name, outside ? plain(list[name]!) : atomic(list[name]!)])),
        };
        const { error, results } = await withoutLockTimeout(postgres && outside, conn, () => new Migrator({ db: conn, provider, disableTransactions: outside }).migrateToLatest());
        const failed = results?.find((r) => r.status === 'Error');
        if (error) {
          throw new Error(`数据库迁移失败${failed ? `（${failed.migrationName}）` : ''}：${error instanceof Error ? error.message : String(error)}`);
        }
      }
    } finally {
      if (postgres) await sql`select pg_advisory_unlock(${sql.lit(UPGRADE_LOCK_ID)})`.execute(conn);
    }
  });
}

/**
 * Outside a transaction a concurrent build waits for the longest open transaction, and holds nobody up meanwhile, so
 * the connection's lock timeout (meant for requests) would only make it fail. Restored before the connection goes back.
 */
async function withoutLockTimeout<T>(when: boolean, conn: Kysely<Database>, run: () => Promise<T>): Promise<T> {
  if (!when) return run();
  await sql`set lock_timeout = 0`.execute(conn);
  try {
    return await run();
  } finally {
    await sql`reset lock_timeout`.execute(conn);
  }
}

/** The migration's steps alone, without the module's other exports, as Kysely's provider expects. */
function plain(m: Migration): Migration {
  return { up: m.up, ...(m.down ? { down: m.down } : {}) };
}
