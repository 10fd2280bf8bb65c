// Accounts: an admin adds them (each scoped to a region and, for a reporter, a unit) and lists them.

import { z } from 'zod';
import { coversRegion, ROLES, type Actor } from '../domain/access.ts';
import { AppError, forbidden, invalidInput } from '../domain/errors.ts';
import { parseInput } from '../domain/validation.ts';
import { findRegion, listLeaders, listUnits } from '../db/repositories/region.repository.ts';
import { countyRange } from '../db/repositories/scope.ts';
import { findUserByUsername, insertUser, listUsers, type UserRow } from '../db/repositories/user.repository.ts';
import { inTransaction, newId, type Db } from '../db/transaction.ts';
import { hashPassword } from './auth/password.ts';
import { presentUser, type PresentedUser } from './auth/sessions.ts';

export const AddUserSchema = z.object({
  username: z.string().trim().regex(/^[A-Za-z0-9_.-]{3,40}$/, '用户名为3-40位字母、数字或 _ . -'),
  displayName: z.string().trim().min(1, '姓名不能为空').max(40),
  password: z.string().min(8, '密码至少8位').max(200),
  role: z.enum(ROLES),
  regionCode: z.string().regex(/^\d{6}$/, '应为6位区划代码'),
  /** A reporter's unit, by name or id. */
  unit: z.string().trim().optional(),
  /** A leader account's leader, by name or id. */
  leader: z.string().trim().optional(),
});
export type AddUserInput = z.input<typeof AddUserSchema>;

const LABELS = { username: '用户名', displayName: '姓名', password: '密码', role: '角色', regionCode: '地区', unit: '单位', leader: '领导' };

export async function addUser(db: Db, input: AddUserInput, actor: Actor, now: Date = new Date()): Promise<PresentedUser> {
  const data = parseInput(AddUserSchema, input, LABELS);
  if (actor.role !== 'admin' || !coversRegion(actor, data.regionCode)) throw forbidden('只有本地区的管理员可以添加账号');
  return inTransaction(db, async (trx) => {
    if (!(await findRegion(trx, data.regionCode))) throw invalidInput([{ field: 'regionCode', message: `地区 ${data.regionCode} 尚未建库（先运行 tiaodu init）` }]);
    if (await findUserByUsername(trx, data.username)) throw new AppError('conflict', `用户名 ${data.username} 已被使用`);
    let unitId: string | null = null;
    if (data.unit) {
      const unit = (await listUnits(trx, data.regionCode)).find((u) => u.id === data.unit || u.name === data.unit);
      if (!unit) throw invalidInput([{ field: 'unit', message: `单位“${data.unit}”不存在` }]);
      unitId = unit.id;
    }
    if (data.role === 'reporter' && !unitId) throw invalidInput([{ field: 'unit', message: '填报员必须属于一个单位' }]);
    let leaderId: string | null = null;
    if (data.leader) {
      const leader = (await listLeaders(trx, data.regionCode)).find((l) => l.id === data.leader || l.name === data.leader);
      if (!leader) throw invalidInput([{ field: 'leader', message: `领导“${data.leader}”不存在` }]);
      leaderId = leader.id;
    }
    const user: UserRow = {
      id: newId(),
      username: data.username,
      displayName: data.displayName,
      passwordHash: hashPassword(data.password),
      role: data.role,
      regionCode: data.regionCode,
      unitId,
      leaderId,
      disabled: false,
      createdAt: now.toISOString(),
    };
    await insertUser(trx, user);
    return presentUser(user);
  });
}

export async function listAccounts(db: Db, regionCode: string, actor: Actor): Promise<PresentedUser[]> {
  if (actor.role !== 'admin' || !coversRegion(actor, regionCode)) throw forbidden('只有管理员可以查看账号');
  const [lo, hi] = countyRange(regionCode);
  return (await listUsers(db, lo, hi)).map(presentUser);
}
