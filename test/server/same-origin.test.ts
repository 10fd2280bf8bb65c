// Cross-site requests refused: a change sent with the session cookie must name this server in Origin (or Referer);
// one with a bearer token needs not; reads are never checked. All through app.request(), no port.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { CROSS_SITE_MESSAGE } from '../../src/server/middleware/same-origin.ts';
import { addProject, PASSWORD, seedCounty, type CountyFixture } from '../support/factories.ts';
import { signInAs, testApp, type TestApp } from '../support/api.ts';
import { openTestDatabase, testDialect } from '../support/test-db.ts';

let h: DatabaseHandle;
let f: CountyFixture;
let app: TestApp;
let id: string;
let cookie: string;
let token: string;

// app.request() addresses the app as http://localhost.
const HERE = 'http://localhost';
const EVIL = 'https://evil.example';

async function cookieSignIn(username: string): Promise<string> {
  const res = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', origin: HERE }, body: JSON.stringify({ username, password: PASSWORD }) });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

function patchChain(chain: string, headers: Record<string, string>) {
  return app.request(`/api/projects/${id}`, { method: 'PATCH', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ chain }) });
}

async function chainNow(): Promise<string | null> {
  const res = await app.request(`/api/projects/${id}`, { headers: { authorization: `Bearer ${token}` } });
  return ((await res.json()) as { project: { chain: string | null } }).project.chain;
}

async function expectRefused(res: Response) {
  expect(res.status).toBe(403);
  expect(await res.json()).toEqual({ error: { code: 'forbidden', message: CROSS_SITE_MESSAGE, details: [] } });
}

beforeAll(async () => {
  h = await openTestDatabase();
  f = await seedCounty(h.db);
  id = await addProject(h.db, { name: '襄垣经开区标准化厂房建设项目', unitId: f.units.drc, totalInvestment: 250_000_000, phase: 'newStart', annualPlan: 100_000_000 });
  app = testApp(h.db);
  token = await signInAs(app, 't-dispatcher', PASSWORD);
  cookie = await cookieSignIn('t-dispatcher');
});
afterAll(async () => {
  await h.close();
});

describe(`cross-site requests (${testDialect()})`, () => {
  it('refuses a change with the session cookie and no Origin or Referer, a foreign one, or "null", and changes nothing', async () => {
    await expectRefused(await patchChain('伪造', { cookie }));
    await expectRefused(await patchChain('伪造', { cookie, origin: EVIL }));
    await expectRefused(await patchChain('伪造', { cookie, origin: 'null' }));
    await expectRefused(await patchChain('伪造', { cookie, referer: `${EVIL}/page.html` }));
    // The same host on another port is another origin.
    await expectRefused(await patchChain('伪造', { cookie, origin: 'http://localhost:8080' }));
    await expectRefused(await patchChain('伪造', { cookie, origin: 'http://localhost.evil.example' }));
    expect(await chainNow()).toBeNull();
  });

  it('accepts the change from this server’s own page, by Origin or by Referer', async () => {
    expect((await patchChain('新材料', { cookie, origin: HERE })).status).toBe(200);
    expect(await chainNow()).toBe('新材料');
    expect((await patchChain('新能源', { cookie, referer: `${HERE}/projects/${id}` })).status).toBe(200);
    expect(await chainNow()).toBe('新能源');
  });

  it('refuses a body-less POST from another site (signing the clerk out) and the session goes on', async () => {
    const mine = await cookieSignIn('t-viewer');
    await expectRefused(await app.request('/api/auth/logout', { method: 'POST', headers: { cookie: mine, origin: EVIL } }));
    expect((await app.request('/api/auth/me', { headers: { cookie: mine } })).status).toBe(200);
    expect((await app.request('/api/auth/logout', { method: 'POST', headers: { cookie: mine, origin: HERE } })).status).toBe(200);
    expect((await app.request('/api/auth/me', { headers: { cookie: mine } })).status).toBe(401);
  });

  it('refuses a sign-in posted from another site, so no page signs a clerk in as someone else', async () => {
    const res = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', origin: EVIL }, body: JSON.stringify({ username: 't-viewer', password: PASSWORD }) });
    await expectRefused(res);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('lets a bearer token through without Origin (a browser never adds one cross-site), and reads through always', async () => {
    expect((await patchChain('装备制造', { authorization: `Bearer ${token}` })).status).toBe(200);
    expect((await patchChain('煤焦化', { authorization: `Bearer ${token}`, origin: EVIL })).status).toBe(200);
    expect(await chainNow()).toBe('煤焦化');
    expect((await app.request(`/api/projects/${id}`, { headers: { cookie, origin: EVIL } })).status).toBe(200);
  });

  it('behind a trusted proxy compares with the host it forwards, and ignores that header otherwise', async () => {
    const proxied = testApp(h.db, { trustProxy: true });
    const headers = { cookie, origin: 'https://tiaodu.example.gov.cn', 'x-forwarded-host': 'tiaodu.example.gov.cn', 'x-forwarded-proto': 'https' };
    const ok = await proxied.request(`/api/projects/${id}`, { method: 'PATCH', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ chain: '现代物流' }) });
    expect(ok.status).toBe(200);
    await expectRefused(await patchChain('伪造', headers));
    expect(await chainNow()).toBe('现代物流');
  });
});
