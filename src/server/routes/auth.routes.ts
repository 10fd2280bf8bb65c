// Sign-in and sign-out, the current account, changing one's own password, and the demo's account list for its sign-in page.

import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { PASSWORD_MAX_LENGTH } from '../../domain/auth/password-rule.ts';
import { AppError } from '../../domain/errors.ts';
import { instantMs } from '../../domain/months.ts';
import { changeOwnPassword, ChangePasswordSchema } from '../../services/auth/change-password.ts';
import { publicDemoAccounts } from '../../demo/demo-accounts.ts';
import { presentUser, signOut } from '../../services/auth/sessions.ts';
import { signIn } from '../../services/auth/sign-in.ts';
import { requireSession, SESSION_COOKIE, tokenOf } from '../middleware/auth.ts';
import { clientAddress, overHttps } from '../middleware/client.ts';
import { createRouter, type AppEnv } from '../env.ts';
import { ErrorSchema, errorResponses, json } from './common.schema.ts';

const UserSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(['admin', 'dispatcher', 'reporter', 'leader', 'viewer']),
    regionCode: z.string(),
    unitId: z.string().nullable(),
    leaderId: z.string().nullable(),
    mustChangePassword: z.boolean().openapi({ description: '管理员给的初始密码尚未修改：改密码前其他接口一律拒绝' }),
  })
  .openapi('User');

const login = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['账号'],
  summary: '登录（用户名不区分大小写；失败过多按账号和地址暂时锁定）',
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.object({ username: z.string().min(1, '请输入用户名').max(64), password: z.string().min(1, '请输入密码').max(PASSWORD_MAX_LENGTH, `密码不能超过${PASSWORD_MAX_LENGTH}位`) }),
        },
      },
    },
  },
  responses: {
    200: json(z.object({ token: z.string(), expiresAt: z.string(), user: UserSchema }), '登录成功；同时设置会话 Cookie'),
    401: json(ErrorSchema, '用户名或密码不正确，或账号已停用'),
    422: json(ErrorSchema, '输入有误'),
    429: json(ErrorSchema, '失败次数过多，暂时锁定；message 说明何时可重试，details 的 retryAt 为时刻'),
  },
});

const logout = createRoute({ method: 'post', path: '/auth/logout', tags: ['账号'], summary: '退出登录', responses: { 200: json(z.object({ ok: z.boolean() }), '已退出') } });

const me = createRoute({
  method: 'get',
  path: '/auth/me',
  tags: ['账号'],
  summary: '当前账号',
  middleware: [requireSession] as const,
  responses: { 200: json(z.object({ user: UserSchema }), '当前账号'), 401: json(ErrorSchema, '未登录') },
});

const changePassword = createRoute({
  method: 'post',
  path: '/auth/password',
  tags: ['账号'],
  summary: '修改自己的密码（也是首次登录时必须的修改）；本账号的其他会话随之结束',
  middleware: [requireSession] as const,
  request: { body: { content: { 'application/json': { schema: ChangePasswordSchema } } } },
  responses: { 200: json(z.object({ user: UserSchema }), '已修改'), ...errorResponses },
});

const demoAccounts = createRoute({
  method: 'get',
  path: '/auth/demo-accounts',
  tags: ['账号'],
  summary: '演示账号（只在只有演示数据的数据库中存在）',
  responses: {
    200: json(
      z.object({
        demo: z.boolean(),
        accounts: z.array(z.object({ username: z.string(), password: z.string(), role: z.string(), displayName: z.string(), note: z.string() })),
      }),
      '数据库只有演示数据（襄垣县演示、无其他县、无演示以外的账号）时，列出仍用公开密码的演示账号',
    ),
    404: json(ErrorSchema, '其他数据库中没有这个接口'),
  },
});

function sessionCookie(c: Context<AppEnv>, token: string, expiresAt: string): void {
  const maxAge = Math.max(0, Math.floor((instantMs(expiresAt) - c.get('deps').now().getTime()) / 1000));
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', path: '/', maxAge, secure: overHttps(c) });
}

export const authRoutes = createRouter()
  .openapi(login, async (c) => {
    const { db, now } = c.get('deps');
    const result = await signIn(db, c.req.valid('json'), { address: clientAddress(c), now: now() });
    sessionCookie(c, result.token, result.expiresAt);
    return c.json(result, 200);
  })
  .openapi(logout, async (c) => {
    const token = tokenOf(c.req.header('authorization'), getCookie(c, SESSION_COOKIE));
    if (token) await signOut(c.get('deps').db, token);
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: overHttps(c) });
    return c.json({ ok: true }, 200);
  })
  .openapi(me, (c) => c.json({ user: presentUser(c.get('user')) }, 200))
  .openapi(changePassword, async (c) => {
    const { db, now } = c.get('deps');
    const token = tokenOf(c.req.header('authorization'), getCookie(c, SESSION_COOKIE)) ?? null;
    const user = await changeOwnPassword(db, c.get('user').id, c.req.valid('json'), token, now(), c.get('actor').address ?? null);
    return c.json({ user }, 200);
  })
  .openapi(demoAccounts, async (c) => {
    const listed = await publicDemoAccounts(c.get('deps').db);
    // Anywhere else the route is not there at all, answered exactly as any unknown path.
    if (!listed.demo) throw new AppError('not_found', `没有这个接口：GET ${c.req.path}`);
    return c.json(listed, 200);
  });
