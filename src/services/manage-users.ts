// Accounts, managed by the administrators of their region: add (with an initial password to change at first sign-in),
// list, change, disable and enable, reset a password. Usernames are one whatever their case.

import { z } from 'zod';
import { canManageAccounts, coversRegion, ROLES, type Actor } from '../domain/access.ts';
import { accountShapeProblem, selfChangeProblem } from '../domain/auth/account-rules.ts';
import { PASSWORD_MAX_LENGTH, passwordProblem } from '../domain/auth/password-rule.ts';
import { normaliseUsername, usernameProblem } from '../domain/auth/username.ts';
import type { AuditAction } from '../domain/audit/audit-actions.ts';
import { AppError, forbidden, invalidInput, notFound } from '../domain/errors.ts';
import { parseInput, plainText } from '../domain/validation.ts';
import { findRegion } from '../db/repositories/region.repository.ts';
import { countyRange } from '../db/repositories/scope.ts';
import { lastSignIns } from '../db/repositories/sign-in.repository.ts';
import { findUserById, findUserByUsername, insertUser, listUsers, setPassword, updateUser, type UserRow } from '../db/repositories/user.repository.ts';
import { inTransaction, newId, type Db } from '../db/transaction.ts';
import { generatePassword, hashPassword } from './auth/password.ts';
import { endSessions, presentUser } from './auth/sessions.ts';
import { recordSignIn } from './auth/sign-in-log.ts';
import { recordAudit } from './audit/record-audit.ts';
import { resolveLeader } from './leaders.ts';
import { resolveUnit } from './units.ts';

const LABELS = { username: '用户名', displayName: '姓名', password: '初始密码', role: '角色', regionCode: '地区', unit: '单位', leader: '领导' };

const UsernameSchema = z
  .string()
  .max(40, '用户名应为3-40位')
  .transform(normaliseUsername)
  .superRefine((u, ctx) => {
    const problem = usernameProblem(u);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
const PasswordSchema = z.string().max(PASSWORD_MAX_LENGTH, `密码不能超过${PASSWORD_MAX_LENGTH}位`);

export const AddUserSchema = z
  .object({
    username: UsernameSchema,
    displayName: plainText(40, { label: '姓名' }).min(1, '姓名不能为空'),
    /** The initial password; left out, one is made and returned once. Either way it must be changed at first sign-in. */
    password: PasswordSchema.optional(),
    role: z.enum(ROLES),
    regionCode: z.string().regex(/^\d{6}$/, '应为6位区划代码'),
    /** A reporter's unit, by name, alias or id. */
    unit: plainText(64, { label: '单位' }).min(1).nullish(),
    /** A leader account's leader, by name or id. */
    leader: plainText(64, { label: '领导' }).min(1).nullish(),
  })
  .strict();
export type AddUserInput = z.input<typeof AddUserSchema>;

/** An account as its administrators see it. */
export function presentAccount(u: UserRow, lastSignInAt: string | null) {
  return { ...presentUser(u), disabled: u.disabled, createdAt: u.createdAt, passwordChangedAt: u.passwordChangedAt, lastSignInAt };
}
export type PresentedAccount = ReturnType<typeof presentAccount>;

/** An account and, when tiaodu made its password, that password: shown this once, stored only hashed. */
export interface AccountWithPassword {
  account: PresentedAccount;
  generatedPassword: string | null;
}

/** An account's fields as the audit trail records them: never its password hash. */
function accountFields(u: UserRow) {
  return { username: u.username, displayName: u.displayName, role: u.role, regionCode: u.regionCode, unitId: u.unitId, leaderId: u.leaderId, disabled: u.disabled };
}

/** Records a change to an account in its region's trail, inside the change's transaction. */
export async function recordAccountChange(db: Db, actor: Actor, action: AuditAction, before: UserRow | null, after: UserRow, now: Date, password = false): Promise<void> {
  const fields = (u: UserRow | null) => (u ? { ...accountFields(u), ...(password ? { password: u.passwordHash } : {}) } : null);
  await recordAudit(db, actor, [{ action, regionCode: after.regionCode, subjectKind: 'account', subjectId: after.id, before: fields(before), after: fields(after), secrets: ['password'] }], now);
}

function requireAdmin(actor: Actor, regionCode: string): void {
  if (!canManageAccounts(actor, regionCode)) throw forbidden('只有本地区的管理员可以管理账号');
}

/** The account an administrator names (by id or username): refused unless it lies in the administrator's region. */
async function accountToManage(db: Db, ref: string, actor: Actor): Promise<UserRow> {
  if (actor.role !== 'admin') throw forbidden('只有本地区的管理员可以管理账号');
  const user = (await findUserById(db, ref)) ?? (await findUserByUsername(db, normaliseUsername(ref)));
  if (!user || !coversRegion(actor, user.regionCode)) throw notFound(`账号“${ref}”`);
  return user;
}

/** The unit and leader an account of `regionCode` names, checked against its role. */
async function placement(db: Db, regionCode: string, role: UserRow['role'], unit: string | null | undefined, leader: string | null | undefined) {
  const unitId = unit ? (await resolveUnit(db, regionCode, unit)).id : null;
  const leaderId = leader ? (await resolveLeader(db, regionCode, leader)).id : null;
  const problem = accountShapeProblem({ role, unitId });
  if (problem) throw invalidInput([problem]);
  return { unitId, leaderId };
}

function initialPassword(given: string | undefined, username: string): { password: string; generated: boolean } {
  if (given === undefined || given === '') return { password: generatePassword(), generated: true };
  const problem = passwordProblem(given, { username });
  if (problem) throw invalidInput([{ field: 'password', message: problem }]);
  return { password: given, generated: false };
}

export async function addUser(db: Db, input: unknown, actor: Actor, now: Date = new Date()): Promise<AccountWithPassword> {
  const data = parseInput(AddUserSchema, input, LABELS);
  requireAdmin(actor, data.regionCode);
  return inTransaction(db, async (trx) => {
    if (!(await findRegion(trx, data.regionCode))) throw invalidInput([{ field: 'regionCode', message: `地区 ${data.regionCode} 尚未建库（先运行 tiaodu init）` }]);
    if (await findUserByUsername(trx, data.username)) throw new AppError('conflict', `用户名 ${data.username} 已被使用`, [{ field: 'username', message: `用户名 ${data.username} 已被使用` }]);
    const { unitId, leaderId } = await placement(trx, data.regionCode, data.role, data.unit, data.leader);
    const { password, generated } = initialPassword(data.password, data.username);
    const user: UserRow = {
      id: newId(),
      username: data.username,
      displayName: data.displayName,
      passwordHash: hashPassword(password),
      role: data.role,
      regionCode: data.regionCode,
      unitId,
      leaderId,
      disabled: false,
      createdAt: now.toISOString(),
      mustChangePassword: true,
      passwordChangedAt: null,
    };
    await insertUser(trx, user);
    await recordAccountChange(trx, actor, 'account.create', null, user, now);
    return { account: presentAccount(user, null), generatedPassword: generated ? password : null };
  });
}

export async function listAccounts(db: Db, regionCode: string, actor: Actor): Promise<PresentedAccount[]> {
  requireAdmin(actor, regionCode);
  const [lo, hi] = countyRange(regionCode);
  const users = await listUsers(db, lo, hi);
  const last = await lastSignIns(db, users.map((u) => u.id));
  return users.map((u) => presentAccount(u, last.get(u.id) ?? null));
}

export async function getAccount(db: Db, ref: string, actor: Actor): Promise<PresentedAccount> {
  const user = await accountToManage(db, ref, actor);
  return presentAccount(user, (await lastSignIns(db, [user.id])).get(user.id) ?? null);
}

export const UpdateUserSchema = z
  .object({
    displayName: plainText(40, { label: '姓名' }).min(1, '姓名不能为空').optional(),
    role: z.enum(ROLES).optional(),
    unit: plainText(64, { label: '单位' }).min(1).nullable().optional(),
    leader: plainText(64, { label: '领导' }).min(1).nullable().optional(),
    disabled: z.boolean().optional(),
  })
  .strict();

/**
 * Changes an account: its name, role, unit or leader, or disables (its sessions end at once) or enables it (which
 * also lifts a lockout).
 */
export async function updateAccount(db: Db, ref: string, input: unknown, actor: Actor, now: Date = new Date()): Promise<PresentedAccount> {
  const data = parseInput(UpdateUserSchema, input, { ...LABELS, disabled: '停用' });
  return inTransaction(db, async (trx) => {
    const user = await accountToManage(trx, ref, actor);
    const self = selfChangeProblem(actor.userId, user.id, data);
    if (self) throw forbidden(self);
    const role = data.role ?? user.role;
    const touchesPlacement = data.role !== undefined || data.unit !== undefined || data.leader !== undefined;
    const place = touchesPlacement
      ? await placement(trx, user.regionCode, role, data.unit === undefined ? user.unitId : data.unit, data.leader === undefined ? user.leaderId : data.leader)
      : {};
    await updateUser(trx, user.id, { displayName: data.displayName, role: data.role, ...place, disabled: data.disabled });
    const toggled = data.disabled !== undefined && data.disabled !== user.disabled;
    const action = !toggled ? 'account.update' : data.disabled ? 'account.disable' : 'account.enable';
    await recordAccountChange(trx, actor, action, user, (await findUserById(trx, user.id))!, now);
    if (data.disabled === true && !user.disabled) await endSessions(trx, user.id);
    if (data.disabled === false && user.disabled) {
      await recordSignIn(trx, { username: normaliseUsername(user.username), userId: user.id, address: null, outcome: 'unlocked', detail: `enabled by ${actor.userId}` }, now);
    }
    return getAccount(trx, user.id, actor);
  });
}

export const ResetPasswordSchema = z.object({ password: PasswordSchema.optional() }).strict();

/**
 * Gives an account a new initial password (made when none is given): its sessions end, a lockout lifts, and the
 * holder must change it at the next sign-in.
 */
export async function resetPassword(db: Db, ref: string, input: unknown, actor: Actor, now: Date = new Date()): Promise<AccountWithPassword> {
  const data = parseInput(ResetPasswordSchema, input, LABELS);
  return inTransaction(db, async (trx) => {
    const user = await accountToManage(trx, ref, actor);
    const { password, generated } = initialPassword(data.password, user.username);
    await setPassword(trx, user.id, hashPassword(password), true, null);
    await recordAccountChange(trx, actor, 'account.password', user, (await findUserById(trx, user.id))!, now, true);
    await endSessions(trx, user.id);
    await recordSignIn(trx, { username: normaliseUsername(user.username), userId: user.id, address: null, outcome: 'unlocked', detail: `password reset by ${actor.userId}` }, now);
    return { account: await getAccount(trx, user.id, actor), generatedPassword: generated ? password : null };
  });
}
