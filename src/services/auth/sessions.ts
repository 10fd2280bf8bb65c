// Sessions: opened at sign-in, ended by sign-out, by idleness or by age, and the actor behind a request's token.

import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../../domain/access.ts';
import { SESSION_POLICY, sessionStatus } from '../../domain/auth/session-policy.ts';
import type { Db } from '../../db/transaction.ts';
import { deleteSession, deleteSessionsOfUser, findSession, insertSession, touchSession, type UserRow } from '../../db/repositories/user.repository.ts';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function actorOf(u: UserRow): Actor {
  return { userId: u.id, role: u.role, regionCode: u.regionCode, unitId: u.unitId, leaderId: u.leaderId, name: u.displayName };
}

/** The account as the API shows its holder: never its password hash. */
export function presentUser(u: UserRow) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    regionCode: u.regionCode,
    unitId: u.unitId,
    leaderId: u.leaderId,
    mustChangePassword: u.mustChangePassword,
  };
}
export type PresentedUser = ReturnType<typeof presentUser>;

export interface OpenedSession {
  token: string;
  expiresAt: string;
}

/** Opens a session for an account; the token is returned once and stored only hashed. */
export async function openSession(db: Db, userId: string, now: Date): Promise<OpenedSession> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_POLICY.absoluteDays * 86_400_000).toISOString();
  await insertSession(db, hashToken(token), userId, now.toISOString(), expiresAt);
  return { token, expiresAt };
}

/**
 * The account behind a session token, or undefined when the token is unknown, too old or idle too long (the
 * session is then deleted). Use is written down at most once a minute.
 */
export async function userForToken(db: Db, token: string, now: Date, idleMinutes: number = SESSION_POLICY.defaultIdleMinutes): Promise<UserRow | undefined> {
  const session = await findSession(db, hashToken(token));
  if (!session) return undefined;
  const { live, touch } = sessionStatus(session, now, idleMinutes);
  if (!live) {
    await deleteSession(db, session.tokenHash);
    return undefined;
  }
  if (touch) await touchSession(db, session.tokenHash, now.toISOString());
  return session.user;
}

export async function signOut(db: Db, token: string): Promise<void> {
  await deleteSession(db, hashToken(token));
}

/** Ends every session of an account but (optionally) the one a request came with. */
export async function endSessions(db: Db, userId: string, keepToken: string | null = null): Promise<void> {
  await deleteSessionsOfUser(db, userId, keepToken ? hashToken(keepToken) : null);
}
