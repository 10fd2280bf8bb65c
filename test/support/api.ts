// Calling the HTTP application in-process (no port): sign in, then JSON requests with the bearer token.

import { createApp, type AppOptions } from '../../src/server/app.ts';
import type { Db } from '../../src/db/transaction.ts';

export type TestApp = ReturnType<typeof createApp>;

export function testApp(db: Db, options: Omit<AppOptions, 'db'> = {}): TestApp {
  return createApp({ db, now: () => new Date('2021-06-10T08:00:00Z'), ...options });
}

export async function signInAs(app: TestApp, username: string, password: string): Promise<string> {
  const res = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`sign-in as ${username} failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

export async function call(app: TestApp, token: string | null, method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await app.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}
