// Resolves the session (cookie or bearer token) to an actor; every /api route but sign-in needs one.

import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { unauthenticated } from '../../domain/errors.ts';
import { actorOf, userForToken } from '../../services/auth/sessions.ts';
import type { AppEnv } from '../env.ts';

export const SESSION_COOKIE = 'tiaodu_session';

export function tokenOf(header: string | undefined, cookie: string | undefined): string | undefined {
  const bearer = header?.match(/^Bearer\s+(.+)$/i)?.[1];
  return bearer ?? cookie;
}

export const requireActor = createMiddleware<AppEnv>(async (c, next) => {
  const token = tokenOf(c.req.header('authorization'), getCookie(c, SESSION_COOKIE));
  if (!token) throw unauthenticated();
  const { db, now } = c.get('deps');
  const user = await userForToken(db, token, now());
  if (!user || user.disabled) throw unauthenticated('登录已过期，请重新登录');
  c.set('user', user);
  c.set('actor', actorOf(user));
  await next();
});
