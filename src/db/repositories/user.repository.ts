// Accounts and sign-in sessions.

import { sql, type Kysely } from 'kysely';
import type { Role } from '../../domain/access.ts';
import type { Database } from '../schema.ts';

type Db = Kysely<Database>;

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  regionCode: string;
  unitId: string | null;
  leaderId: string | null;
  disabled: boolean;
  createdAt: string;
  /** An administrator gave this password: it must be changed before anything else. */
  mustChangePassword: boolean;
  /** When the account's holder last set the password themself; null while it is the one they were given. */
  passwordChangedAt: string | null;
}

function toUser(r: Database['app_user']): UserRow {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    passwordHash: r.password_hash,
    role: r.role,
    regionCode: r.region_code,
    unitId: r.unit_id,
    leaderId: r.leader_id,
    disabled: r.disabled === 1,
    createdAt: r.created_at,
    mustChangePassword: r.must_change_password === 1,
    passwordChangedAt: r.password_changed_at,
  };
}

/** The account of a username in any case (the unique index on lower(username) serves this lookup). */
export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  const r = await db.selectFrom('app_user').selectAll().where(sql<string>`lower(username)`, '=', username.toLowerCase()).executeTakeFirst();
  return r && toUser(r);
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const r = await db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toUser(r);
}

export async function insertUser(db: Db, u: Omit<UserRow, 'mustChangePassword' | 'passwordChangedAt'> & Partial<Pick<UserRow, 'mustChangePassword' | 'passwordChangedAt'>>): Promise<void> {
  await db
    .insertInto('app_user')
    .values({
      id: u.id,
      username: u.username,
      display_name: u.displayName,
      password_hash: u.passwordHash,
      role: u.role,
      region_code: u.regionCode,
      unit_id: u.unitId,
      leader_id: u.leaderId,
      disabled: u.disabled ? 1 : 0,
      created_at: u.createdAt,
      must_change_password: u.mustChangePassword ? 1 : 0,
      password_changed_at: u.passwordChangedAt ?? null,
    })
    .execute();
}

/** What an administrator changes of an account. */
export interface UserChange {
  displayName?: string;
  role?: Role;
  unitId?: string | null;
  leaderId?: string | null;
  disabled?: boolean;
}

export async function updateUser(db: Db, id: string, change: UserChange): Promise<void> {
  const set: Partial<Database['app_user']> = {};
  if (change.displayName !== undefined) set.display_name = change.displayName;
  if (change.role !== undefined) set.role = change.role;
  if (change.unitId !== undefined) set.unit_id = change.unitId;
  if (change.leaderId !== undefined) set.leader_id = change.leaderId;
  if (change.disabled !== undefined) set.disabled = change.disabled ? 1 : 0;
  if (Object.keys(set).length === 0) return;
  await db.updateTable('app_user').set(set).where('id', '=', id).execute();
}

/** Sets a password: `mustChange` when an administrator gave it, otherwise the holder chose it at `changedAt`. */
export async function setPassword(db: Db, id: string, passwordHash: string, mustChange: boolean, changedAt: string | null): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ password_hash: passwordHash, must_change_password: mustChange ? 1 : 0, ...(changedAt ? { password_changed_at: changedAt } : {}) })
    .where('id', '=', id)
    .execute();
}

export async function insertSession(db: Db, tokenHash: string, userId: string, createdAt: string, expiresAt: string): Promise<void> {
  await db.insertInto('session').values({ token_hash: tokenHash, user_id: userId, created_at: createdAt, expires_at: expiresAt, last_seen_at: createdAt }).execute();
}

export interface SessionRow {
  tokenHash: string;
  expiresAt: string;
  lastSeenAt: string;
  user: UserRow;
}

export async function findSession(db: Db, tokenHash: string): Promise<SessionRow | undefined> {
  const r = await db
    .selectFrom('session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .selectAll('u')
    .select(['s.token_hash', 's.expires_at', 's.last_seen_at'])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!r) return undefined;
  const { token_hash, expires_at, last_seen_at, ...user } = r;
  return { tokenHash: token_hash, expiresAt: expires_at, lastSeenAt: last_seen_at, user: toUser(user) };
}

export async function touchSession(db: Db, tokenHash: string, at: string): Promise<void> {
  await db.updateTable('session').set({ last_seen_at: at }).where('token_hash', '=', tokenHash).execute();
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('session').where('token_hash', '=', tokenHash).execute();
}

/** Ends an account's sessions (all of them, or all but the one it is working in). */
export async function deleteSessionsOfUser(db: Db, userId: string, exceptTokenHash: string | null = null): Promise<void> {
  let q = db.deleteFrom('session').where('user_id', '=', userId);
  if (exceptTokenHash) q = q.where('token_hash', '<>', exceptTokenHash);
  await q.execute();
}

export async function listUsers(db: Db, regionPrefixLo: string, regionPrefixHi: string): Promise<UserRow[]> {
  const rows = await db
    .selectFrom('app_user')
    .selectAll()
    .where('region_code', '>=', regionPrefixLo)
    .where('region_code', '<=', regionPrefixHi)
    .orderBy('role')
    .orderBy('username')
    .execute();
  return rows.map(toUser);
}

/** The usernames of every account the database holds that are not among `names`, at most `limit` of them. */
export async function usernamesOtherThan(db: Db, names: readonly string[], limit: number): Promise<string[]> {
  let q = db.selectFrom('app_user').select('username');
  if (names.length > 0) q = q.where('username', 'not in', names);
  return (await q.limit(limit).execute()).map((r) => r.username);
}
