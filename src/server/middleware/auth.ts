// Resolves the session (cookie or bearer token) to an actor; every /api route but sign-in needs one, and every route but
// the few that let a holder change a given password needs that change done first.

import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { forbidden, unauthenticated } from '../../domain/errors.ts';
import { actorOf, userForToken } from '../../services/auth/sessions.ts';
import type { AppEnv } from '../env.ts';
import { clientAddress } from './client.ts';

export const SESSION_COOKIE = 'tiaodu_session';

export function tokenOf(header: string | undefined, cookie: string | undefined): string | undefined {
  const bearer = header?.match(/^Bearer\s+(.+)$/i)?.[1];
  return bearer ?? cookie;
}

function resolveActor(allowPendingPassword: boolean) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const token = tokenOf(c.req.header('authorization'), getCookie(c, SESSION_COOKIE));
    if (!token) throw unauthenticated();
    const { db, now, sessionIdleMinutes } = c.get('deps');
    const user = await userForToken(db, token, now(), sessionIdleMinutes);
    if (!user || user.disabled) throw unauthenticated('登录已过期，请重新登录');
    if (user.mustChangePassword && !allowPendingPassword) throw forbidden('请先修改管理员给的初始密码，再使用系统');
    c.set('user', user);
    c.set('actor', { ...actorOf(user), address: clientAddress(c) });
    await next();
  });
}

export const requireActor = resolveActor(false);

/** For the routes a holder needs before changing a given password: who am I, change my password. */
export const requireSession = resolveActor(true);
