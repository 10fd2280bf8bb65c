// Signing in: the limits per account and per address first, then the password (as slowly for an unknown username as
// for a known one), then the account's state; every attempt recorded.

import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from '../../domain/auth/password-rule.ts';
import { attemptsSince, lockedUntil, lockoutMessage, SIGN_IN_LIMITS } from '../../domain/auth/sign-in-limits.ts';
import { normaliseUsername } from '../../domain/auth/username.ts';
import { AppError, unauthenticated } from '../../domain/errors.ts';
import { parseInput } from '../../domain/validation.ts';
import { attemptsOfUsername, failuresFromAddress } from '../../db/repositories/sign-in.repository.ts';
import { findUserByUsername } from '../../db/repositories/user.repository.ts';
import type { Db } from '../../db/transaction.ts';
import { verifyAgainstNothing, verifyPassword } from './password.ts';
import { openSession, presentUser, type PresentedUser } from './sessions.ts';
import { recordSignIn } from './sign-in-log.ts';

export const SignInSchema = z.object({
  username: z.string().min(1, '请输入用户名').max(64, '用户名过长'),
  password: z.string().min(1, '请输入密码').max(PASSWORD_MAX_LENGTH, `密码不能超过${PASSWORD_MAX_LENGTH}位`),
});

export const WRONG_CREDENTIALS = '用户名或密码不正确';

/** Who is trying, from where and when. `address` is null when the transport does not tell it (in-process calls). */
export interface SignInContext {
  address: string | null;
  now: Date;
}

export interface SignedIn {
  token: string;
  expiresAt: string;
  user: PresentedUser;
}

/** Refuses while the account or the address is locked, saying until when. */
async function refuseIfLocked(db: Db, username: string, ctx: SignInContext): Promise<void> {
  const since = attemptsSince(ctx.now);
  const account = lockedUntil(await attemptsOfUsername(db, username, since), SIGN_IN_LIMITS.account, ctx.now, true);
  const address = ctx.address ? lockedUntil(await failuresFromAddress(db, ctx.address, since), SIGN_IN_LIMITS.address, ctx.now, false) : null;
  const until = [account, address].filter((x): x is string => x !== null).sort().at(-1);
  if (!until) return;
  await recordSignIn(db, { username, userId: null, address: ctx.address, outcome: 'locked' }, ctx.now);
  throw new AppError('too_many_requests', lockoutMessage(until === account ? 'account' : 'address', until, ctx.now), [{ field: 'retryAt', message: until }]);
}

export async function signIn(db: Db, input: unknown, ctx: SignInContext): Promise<SignedIn> {
  const data = parseInput(SignInSchema, input, { username: '用户名', password: '密码' });
  const username = normaliseUsername(data.username);
  await refuseIfLocked(db, username, ctx);
  const user = await findUserByUsername(db, username);
  const right = user ? await verifyPassword(data.password, user.passwordHash) : await verifyAgainstNothing(data.password);
  if (!user || !right) {
    await recordSignIn(db, { username, userId: user?.id ?? null, address: ctx.address, outcome: user ? 'wrong_password' : 'unknown_user' }, ctx.now);
    throw unauthenticated(WRONG_CREDENTIALS);
  }
  // Only someone who knows the password learns that the account is disabled.
  if (user.disabled) {
    await recordSignIn(db, { username, userId: user.id, address: ctx.address, outcome: 'disabled' }, ctx.now);
    throw unauthenticated('该账号已停用，请联系管理员');
  }
  const session = await openSession(db, user.id, ctx.now);
  await recordSignIn(db, { username, userId: user.id, address: ctx.address, outcome: 'ok' }, ctx.now);
  return { token: session.token, expiresAt: session.expiresAt, user: presentUser(user) };
}
