// The one place a sign-in attempt is recorded: in sign_in_event, which the lockouts count from, and in the audit trail.
// Both, because they serve two ends: sign_in_event is the limits' working table (read on every attempt, by username and
// address), the audit trail is the record administrators read and export beside every other change, kept six months
// and uneditable. Reading sign-ins into the trail from sign_in_event instead would leave them outside its protections.

import type { SignInOutcome } from '../../domain/auth/sign-in-limits.ts';
import { insertSignInEvent } from '../../db/repositories/sign-in.repository.ts';
import { findUserById } from '../../db/repositories/user.repository.ts';
import { newId, type Db } from '../../db/transaction.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { actorOf } from './sessions.ts';

export interface SignInRecord {
  /** The username as typed, normalised; an unknown one is recorded too. */
  username: string;
  userId: string | null;
  address: string | null;
  outcome: SignInOutcome;
  /** Who unlocked, and how (for `unlocked`). */
  detail?: string | null;
}

export async function recordSignIn(db: Db, record: SignInRecord, now: Date): Promise<void> {
  await insertSignInEvent(db, {
    id: newId(),
    at: now.toISOString(),
    username: record.username.slice(0, 64),
    userId: record.userId,
    address: record.address?.slice(0, 64) ?? null,
    outcome: record.outcome,
    detail: record.detail ?? null,
  });
  // An unlocking is an administrator's change to the account, recorded there.
  if (record.outcome === 'unlocked') return;
  const user = record.userId ? await findUserById(db, record.userId) : undefined;
  const ok = record.outcome === 'ok';
  await recordAudit(
    db,
    ok && user ? actorOf(user) : null,
    [{ action: ok ? 'sign_in.ok' : 'sign_in.fail', regionCode: user?.regionCode ?? null, subjectKind: 'account', subjectId: user?.id ?? record.username.slice(0, 64), before: null, after: { username: record.username.slice(0, 64), outcome: record.outcome }, address: record.address }],
    now,
  );
}
