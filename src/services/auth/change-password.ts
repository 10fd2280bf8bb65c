// Changing one's own password: the current one first, then the rule; the account's other sessions end.

import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, passwordProblem } from '../../domain/auth/password-rule.ts';
import { invalidInput } from '../../domain/errors.ts';
import { parseInput } from '../../domain/validation.ts';
import { findUserById, setPassword } from '../../db/repositories/user.repository.ts';
import { inTransaction, type Db } from '../../db/transaction.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { recordAccountChange } from '../manage-users.ts';
import { actorOf, endSessions, presentUser, type PresentedUser } from './sessions.ts';

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, '请输入当前密码').max(PASSWORD_MAX_LENGTH),
    newPassword: z.string().min(1, '请输入新密码').max(PASSWORD_MAX_LENGTH, `密码不能超过${PASSWORD_MAX_LENGTH}位`),
  })
  .strict();
export type ChangePasswordInput = z.input<typeof ChangePasswordSchema>;

/**
 * Sets the signed-in holder's own password (also the forced change of an initial one). `keepToken` is the session the
 * change came from: it stays open, every other one of the account ends. `address` is where the request came from, for
 * the audit trail.
 */
export async function changeOwnPassword(db: Db, userId: string, input: unknown, keepToken: string | null, now: Date, address: string | null = null): Promise<PresentedUser> {
  const data = parseInput(ChangePasswordSchema, input, { currentPassword: '当前密码', newPassword: '新密码' });
  const user = await findUserById(db, userId);
  if (!user) throw invalidInput([{ field: 'currentPassword', message: '账号不存在' }]);
  if (!(await verifyPassword(data.currentPassword, user.passwordHash))) throw invalidInput([{ field: 'currentPassword', message: '当前密码不正确' }]);
  const problem = passwordProblem(data.newPassword, { username: user.username });
  if (problem) throw invalidInput([{ field: 'newPassword', message: problem }]);
  if (data.newPassword === data.currentPassword) throw invalidInput([{ field: 'newPassword', message: '新密码不能与当前密码相同' }]);
  return inTransaction(db, async (trx) => {
    await setPassword(trx, user.id, hashPassword(data.newPassword), false, now.toISOString());
    await recordAccountChange(trx, { ...actorOf(user), address }, 'account.password', user, (await findUserById(trx, user.id))!, now, true);
    await endSessions(trx, user.id, keepToken);
    return presentUser({ ...user, mustChangePassword: false, passwordChangedAt: now.toISOString() });
  });
}
