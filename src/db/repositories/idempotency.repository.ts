// Idempotency keys: claimed by the first request that carries one, answered once it is done, pruned after a day.

import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database>;

export interface IdempotencyKeyRow {
  userId: string;
  key: string;
  fingerprint: string;
  createdAt: string;
  status: number | null;
  contentType: string | null;
  body: string | null;
}

/** Claims a key for a request; false when the user already used it (the caller then reads it). */
export async function claimIdempotencyKey(db: Db, k: { userId: string; key: string; fingerprint: string; createdAt: string }): Promise<boolean> {
  const r = await db
    .insertInto('idempotency_key')
    .values({ user_id: k.userId, key: k.key, fingerprint: k.fingerprint, created_at: k.createdAt })
    .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function findIdempotencyKey(db: Db, userId: string, key: string): Promise<IdempotencyKeyRow | undefined> {
  const r = await db.selectFrom('idempotency_key').selectAll().where('user_id', '=', userId).where('key', '=', key).executeTakeFirst();
  return r && { userId: r.user_id, key: r.key, fingerprint: r.fingerprint, createdAt: r.created_at, status: r.status, contentType: r.content_type, body: r.body };
}

/** Takes over a claim whose request never answered (its server stopped mid-way); false when another took it first. */
export async function reclaimIdempotencyKey(db: Db, userId: string, key: string, claimedBefore: string, createdAt: string): Promise<boolean> {
  const r = await db
    .updateTable('idempotency_key')
    .set({ created_at: createdAt })
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .where('status', 'is', null)
    .where('created_at', '<', claimedBefore)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function storeIdempotentAnswer(db: Db, userId: string, key: string, a: { status: number; contentType: string; body: string }): Promise<void> {
  await db
    .updateTable('idempotency_key')
    .set({ status: a.status, content_type: a.contentType, body: a.body })
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .execute();
}

/** Gives a key back unanswered (the request failed on the server's side): sending it again runs the request again. */
export async function releaseIdempotencyKey(db: Db, userId: string, key: string): Promise<void> {
  await db.deleteFrom('idempotency_key').where('user_id', '=', userId).where('key', '=', key).where('status', 'is', null).execute();
}

/** Deletes keys claimed before an instant; returns how many. */
export async function pruneIdempotencyKeys(db: Db, claimedBefore: string): Promise<number> {
  const r = await db.deleteFrom('idempotency_key').where('created_at', '<', claimedBefore).executeTakeFirst();
  return Number(r.numDeletedRows);
}
