// Accounts and sign-in sessions.

import type { Kysely } from 'kysely';
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
  };
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  const r = await db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
  return r && toUser(r);
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const r = await db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toUser(r);
}

export async function insertUser(db: Db, u: UserRow): Promise<void> {
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
    })
    .execute();
}

export async function insertSession(db: Db, tokenHash: string, userId: string, createdAt: string, expiresAt: string): Promise<void> {
  await db.insertInto('session').values({ token_hash: tokenHash, user_id: userId, created_at: createdAt, expires_at: expiresAt }).execute();
}

export async function findSessionUser(db: Db, tokenHash: string, now: string): Promise<UserRow | undefined> {
  const r = await db
    .selectFrom('session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .selectAll('u')
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', now)
    .executeTakeFirst();
  return r && toUser(r);
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('session').where('token_hash', '=', tokenHash).execute();
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
