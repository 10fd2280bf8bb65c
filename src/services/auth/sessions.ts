// Sign-in, sessions and the actor behind a request token.

import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../../domain/access.ts';
import { unauthenticated } from '../../domain/errors.ts';
import type { Db } from '../../db/transaction.ts';
import { deleteSession, findSessionUser, findUserByUsername, insertSession, type UserRow } from '../../db/repositories/user.repository.ts';
import { verifyPassword } from './password.ts';

const SESSION_DAYS = 7;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function actorOf(u: UserRow): Actor {
  return { userId: u.id, role: u.role, regionCode: u.regionCode, unitId: u.unitId, leaderId: u.leaderId };
}

/** The account as the API shows it: never its password hash. */
export function presentUser(u: UserRow) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    regionCode: u.regionCode,
    unitId: u.unitId,
    leaderId: u.leaderId,
  };
}
export type PresentedUser = ReturnType<typeof presentUser>;

/** Checks a username and password and opens a session; the token is returned once and stored only hashed. */
export async function signIn(db: Db, input: { username: string; password: string }, now: Date): Promise<{ token: string; user: PresentedUser }> {
  const user = await findUserByUsername(db, input.username.trim());
  if (!user || user.disabled || !(await verifyPassword(input.password, user.passwordHash))) {
    throw unauthenticated('用户名或密码不正确');
  }
  const token = randomBytes(32).toString('base64url');
  const expires = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await insertSession(db, hashToken(token), user.id, now.toISOString(), expires.toISOString());
  return { token, user: presentUser(user) };
}

/** The account behind a session token, or undefined when the token is unknown or expired. */
export async function userForToken(db: Db, token: string, now: Date): Promise<UserRow | undefined> {
  return findSessionUser(db, hashToken(token), now.toISOString());
}

export async function signOut(db: Db, token: string): Promise<void> {
  await deleteSession(db, hashToken(token));
}
