// Sign-in and sign-out, the current account, and the demo's account list for its sign-in page.

import { createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { DEMO_ACCOUNTS } from '../../demo/create-demo.ts';
import { presentUser, signIn, signOut } from '../../services/auth/sessions.ts';
import { requireActor, SESSION_COOKIE, tokenOf } from '../middleware/auth.ts';
import { createRouter } from '../env.ts';
import { ErrorSchema, json } from './common.schema.ts';

const UserSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(['admin', 'dispatcher', 'reporter', 'leader', 'viewer']),
    regionCode: z.string(),
    unitId: z.string().nullable(),
    leaderId: z.string().nullable(),
  })
  .openapi('User');

const login = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['账号'],
  summary: '登录',
  request: { body: { content: { 'application/json': { schema: z.object({ username: z.string().min(1, '请输入用户名'), password: z.string().min(1, '请输入密码') }) } } } },
  responses: {
    200: json(z.object({ token: z.string(), user: UserSchema }), '登录成功；同时设置会话 Cookie'),
    401: json(ErrorSchema, '用户名或密码不正确'),
  },
});

const logout = createRoute({ method: 'post', path: '/auth/logout', tags: ['账号'], summary: '退出登录', responses: { 200: json(z.object({ ok: z.boolean() }), '已退出') } });

const me = createRoute({
  method: 'get',
  path: '/auth/me',
  tags: ['账号'],
  summary: '当前账号',
  middleware: [requireActor] as const,
  responses: { 200: json(z.object({ user: UserSchema }), '当前账号'), 401: json(ErrorSchema, '未登录') },
});

const demoAccounts = createRoute({
  method: 'get',
  path: '/auth/demo-accounts',
  tags: ['账号'],
  summary: '演示账号（仅演示数据库）',
  responses: {
    200: json(
      z.object({
        demo: z.boolean(),
        accounts: z.array(z.object({ username: z.string(), password: z.string(), role: z.string(), displayName: z.string(), note: z.string() })),
      }),
      '演示数据库列出各角色的演示账号；正式数据库为空列表',
    ),
  },
});

export const authRoutes = createRouter()
  .openapi(login, async (c) => {
    const { db, now } = c.get('deps');
    const result = await signIn(db, c.req.valid('json'), now());
    setCookie(c, SESSION_COOKIE, result.token, { httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 7 * 86_400 });
    return c.json(result, 200);
  })
  .openapi(logout, async (c) => {
    const token = tokenOf(c.req.header('authorization'), getCookie(c, SESSION_COOKIE));
    if (token) await signOut(c.get('deps').db, token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true }, 200);
  })
  .openapi(me, (c) => c.json({ user: presentUser(c.get('user')) }, 200))
  .openapi(demoAccounts, (c) => {
    const demo = c.get('deps').demoRegion !== null;
    const accounts = demo ? DEMO_ACCOUNTS.map(({ username, password, role, displayName, note }) => ({ username, password, role, displayName, note })) : [];
    return c.json({ demo, accounts }, 200);
  });
