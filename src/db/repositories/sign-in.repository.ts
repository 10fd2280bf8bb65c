// Sign-in attempts: recorded one per attempt, read back to count failures and to show an account's last sign-in.

import type { Kysely } from 'kysely';
import { FAILED_OUTCOMES, type SignInAttempt, type SignInOutcome } from '../../domain/auth/sign-in-limits.ts';
import type { Database } from '../schema.ts';

type Db = Kysely<Database>;

export interface SignInEventRow {
  id: string;
  at: string;
  username: string;
  userId: string | null;
  address: string | null;
  outcome: SignInOutcome;
  detail: string | null;
}

export async function insertSignInEvent(db: Db, e: SignInEventRow): Promise<void> {
  await db
    .insertInto('sign_in_event')
    .values({ id: e.id, at: e.at, username: e.username, user_id: e.userId, address: e.address, outcome: e.outcome, detail: e.detail })
    .execute();
}

/** A username's attempts since an instant, in time order. */
export async function attemptsOfUsername(db: Db, username: string, since: string): Promise<SignInAttempt[]> {
  const rows = await db
    .selectFrom('sign_in_event')
    .select(['at', 'outcome'])
    .where('username', '=', username)
    .where('at', '>=', since)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ at: r.at, outcome: r.outcome as SignInOutcome }));
}

/** An address's failed attempts since an instant, in time order. */
export async function failuresFromAddress(db: Db, address: string, since: string): Promise<SignInAttempt[]> {
  const rows = await db
    .selectFrom('sign_in_event')
    .select(['at', 'outcome'])
    .where('address', '=', address)
    .where('at', '>=', since)
    .where('outcome', 'in', FAILED_OUTCOMES)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ at: r.at, outcome: r.outcome as SignInOutcome }));
}

/** Each account's last successful sign-in. */
export async function lastSignIns(db: Db, userIds: readonly string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('sign_in_event')
    .select(['user_id', (eb) => eb.fn.max('at').as('at')])
    .where('user_id', 'in', userIds)
    .where('outcome', '=', 'ok')
    .groupBy('user_id')
    .execute();
  return new Map(rows.map((r) => [r.user_id!, r.at]));
}
