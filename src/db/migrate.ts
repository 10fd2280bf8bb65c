// Runs the migrations, listed here in order, on SQLite or PostgreSQL alike.

import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
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
import type { Database } from './schema.ts';

export const migrations: Record<string, Migration> = {
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
};

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

/** Runs `list` (name → migration, in order) up to its last; `migrateToLatest` with the application's own list. */
export async function runMigrations(db: Kysely<Database>, list: Record<string, Migration>): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => Object.fromEntries(Object.entries(list).map(([name, m]) => [name, atomic(m)])) };
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    throw new Error(`数据库迁移失败${failed ? `（${failed.migrationName}）` : ''}：${error instanceof Error ? error.message : String(error)}`);
  }
}
