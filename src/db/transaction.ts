// Runs work in a transaction, joining the caller's when there already is one, so a service composes inside another.

import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

export async function inTransaction<T>(db: Db, work: (trx: Transaction<Database> | Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  return db.transaction().execute((trx) => work(trx));
}

/** Ids are made in app code, never by a database default, so both databases behave alike. */
export function newId(): string {
  return randomUUID();
}
