// What the server knows of the client: its address (for sign-in limits) and whether it came over HTTPS (for the
// cookie's Secure flag). Forwarded headers count only when the server was told it sits behind a proxy.

import type { Context } from 'hono';
import type { AppEnv } from '../env.ts';

interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string } };
}

export function clientAddress(c: Context<AppEnv>): string | null {
  if (c.get('deps').trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  return (c.env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress ?? null;
}

export function overHttps(c: Context<AppEnv>): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return c.get('deps').trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}
