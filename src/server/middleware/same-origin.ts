// Cross-site request forgery: a page on another site can make a signed-in clerk's browser send a form or a body-less
// POST to /api with their cookie (a report approved, a round closed). Browsers name the page a request came from in
// Origin (or Referer), which that page cannot forge; a request that changes something must name this server.

import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Context } from 'hono';
import { forbidden } from '../../domain/errors.ts';
import type { AppEnv } from '../env.ts';
import { SESSION_COOKIE } from './auth.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const CROSS_SITE_MESSAGE = '已拒绝跨站请求：请求的来源与本站地址不符。请在本系统的页面中操作；脚本调用请使用令牌（Authorization: Bearer）。';

export interface RequestOrigin {
  method: string;
  /** The Origin header, or undefined when absent. */
  origin: string | undefined;
  referer: string | undefined;
  /** host[:port] this server was reached at, as the browser addressed it. */
  host: string;
  /** The request carries `Authorization: Bearer …`: a browser never adds that to a request another site makes. */
  bearer: boolean;
  /** The request carries the session cookie: what a forged request would ride on. */
  sessionCookie: boolean;
}

/** host[:port] of an absolute URL, the default port left out; null when it is not one ("null", garbage). */
function hostOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.host.toLowerCase() : null;
  } catch {
    return null;
  }
}

/**
 * Why a request is refused as cross-site, or null when it may go on. Reading never needs the check; a token needs none;
 * a stated Origin (else Referer) must be this host, whether or not a cookie came with it (so no other site signs a
 * clerk in as someone else either); with neither stated, only a request without the session cookie passes — a script
 * or the command line, not a browser, which states one on every POST.
 * @example crossSiteRefusal({ method: 'POST', origin: 'https://evil.example', referer: undefined, host: 'tiaodu.gov.cn', bearer: false, sessionCookie: true }) // the message
 */
export function crossSiteRefusal(r: RequestOrigin): string | null {
  if (SAFE_METHODS.has(r.method.toUpperCase()) || r.bearer) return null;
  const stated = r.origin ?? r.referer;
  if (stated === undefined) return r.sessionCookie ? CROSS_SITE_MESSAGE : null;
  return hostOf(stated) === r.host.toLowerCase() ? null : CROSS_SITE_MESSAGE;
}

/** The host the browser addressed: behind a trusted proxy the one it forwards, else the request's own. */
function addressedHost(c: Context<AppEnv>): string {
  const forwarded = c.get('deps').trustProxy ? c.req.header('x-forwarded-host')?.split(',')[0]?.trim() : undefined;
  return forwarded ?? new URL(c.req.url).host;
}

export const sameOrigin = createMiddleware<AppEnv>(async (c, next) => {
  const refusal = crossSiteRefusal({
    method: c.req.method,
    origin: c.req.header('origin'),
    referer: c.req.header('referer'),
    host: addressedHost(c),
    bearer: /^Bearer\s+\S/i.test(c.req.header('authorization') ?? ''),
    sessionCookie: getCookie(c, SESSION_COOKIE) !== undefined,
  });
  if (refusal) throw forbidden(refusal);
  await next();
});
