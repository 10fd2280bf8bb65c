// The one place a sign-in attempt is recorded (the audit trail of every change will take this over).

import type { SignInOutcome } from '../../domain/auth/sign-in-limits.ts';
import { insertSignInEvent } from '../../db/repositories/sign-in.repository.ts';
import { newId, type Db } from '../../db/transaction.ts';

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
}
