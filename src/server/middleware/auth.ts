// Resolves the session (cookie or bearer token) to an actor; every /api route but sign-in needs one, and every route but
// the few that let a holder change a given password needs that change done first. A write that carries an
// Idempotency-Key is answered once per signed-in user and key: a re-send gets the first answer.

import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { forbidden, unauthenticated } from '../../domain/errors.ts';
import { IDEMPOTENCY_HEADER, REPLAYED_HEADER } from '../../domain/idempotency.ts';
import { actorOf, userForToken } from '../../services/auth/sessions.ts';
import { answerOnce } from '../../services/idempotency.ts';
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
    const key = c.req.header(IDEMPOTENCY_HEADER);
    if (key === undefined || READING.has(c.req.method)) return next();
    const url = new URL(c.req.url);
    const write = { userId: user.id, key, method: c.req.method, path: url.pathname + url.search, body: new Uint8Array(await c.req.arrayBuffer()) };
    const result = await answerOnce(db, write, now, async () => {
      await next();
      const res = c.res;
      return { status: res.status, contentType: res.headers.get('content-type'), text: () => res.clone().text() };
    });
    if ('replayed' in result) {
      const { status, contentType, body } = result.replayed;
      return new Response(body, { status, headers: { 'content-type': contentType, [REPLAYED_HEADER]: 'true' } });
    }
  });
}

const READING = new Set(['GET', 'HEAD', 'OPTIONS']);

export const requireActor = resolveActor(false);

/** For the routes a holder needs before changing a given password: who am I, change my password. */
export const requireSession = resolveActor(true);
