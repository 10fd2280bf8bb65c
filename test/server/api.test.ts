// The API through app.request(): sign-in, the pool, the ledger, edits with field errors, history, the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { addProject, PASSWORD, seedCounty, type CountyFixture } from '../support/factories.ts';
import { call, signInAs, testApp, type TestApp } from '../support/api.ts';
import { openTestDatabase, testDialect } from '../support/test-db.ts';

let h: DatabaseHandle;
let f: CountyFixture;
let app: TestApp;
let id: string;
let token: string;

beforeAll(async () => {
  h = await openTestDatabase();
  f = await seedCounty(h.db);
  id = await addProject(h.db, { name: '襄垣经开区标准化厂房建设项目', unitId: f.units.drc, totalInvestment: 250_000_000, phase: 'newStart', annualPlan: 100_000_000, startedOn: '2021-03-22', months: { '2021-03': 4_000_000, '2021-04': 6_000_000 } });
  for (let i = 1; i <= 25; i++) await addProject(h.db, { name: `测试项目${String(i).padStart(2, '0')}`, unitId: f.units.guhan, totalInvestment: i * 1_000_000, phase: 'continuing', annualPlan: i * 100_000, resumedOn: '2021-02-15' });
  await addProject(h.db, { name: '储备项目', unitId: f.units.guhan, totalInvestment: 1_000_000, phase: 'reserve', annualPlan: 0, stage: 'planned' });
  await addProject(h.db, { name: '撤销项目', unitId: f.units.guhan, totalInvestment: 1_000_000, phase: 'newStart', annualPlan: 10, stage: 'cancelled' });
  app = testApp(h.db);
  token = await signInAs(app, 't-dispatcher', PASSWORD);
});
afterAll(async () => {
  await h.close();
});

describe(`API (${testDialect()})`, () => {
  it('signs in with a cookie and refuses a wrong password in Chinese', async () => {
    const res = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 't-viewer', password: PASSWORD }) });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/tiaodu_session=.+HttpOnly/i);
    const me = await app.request('/api/auth/me', { headers: { cookie: cookie.split(';')[0]! } });
    expect(((await me.json()) as any).user).toMatchObject({ username: 't-viewer', role: 'viewer' });
    const bad = await call(app, null, 'POST', '/api/auth/login', { username: 't-viewer', password: 'wrong' });
    expect(bad).toMatchObject({ status: 401, json: { error: { code: 'unauthenticated', message: '用户名或密码不正确' } } });
  });

  it('signs out: the token stops working', async () => {
    const t = await signInAs(app, 't-leader', PASSWORD);
    expect((await call(app, t, 'POST', '/api/auth/logout')).status).toBe(200);
    expect((await call(app, t, 'GET', '/api/auth/me')).status).toBe(401);
  });

  it('serves the pool analysis with money in 元 and rates as fractions', async () => {
    const res = await call(app, token, 'GET', '/api/pool?region=140423&asOf=2021-05&breakdowns=true');
    expect(res.status).toBe(200);
    expect(res.json.continuing).toMatchObject({ count: 25, totalInvestment: 325_000_000, resumed: 25, resumeRate: 1 });
    expect(res.json.newStart).toMatchObject({ count: 1, started: 1, startRate: 1, completedYtd: 10_000_000 });
    expect(res.json.all.planShare).toBe(0.0755); // 10 000 000 ÷ 132 500 000, four decimals
    expect(res.json.byTownship.length).toBeGreaterThan(0);
  });

  it('pages, sorts and searches the ledger', async () => {
    const page2 = await call(app, token, 'GET', '/api/projects?region=140423&asOf=2021-05&sort=name&order=asc&page=2&pageSize=10');
    expect(page2.json.total).toBe(26); // the pool of the year, as the pool analysis counts it
    const pool = await call(app, token, 'GET', '/api/pool?region=140423&asOf=2021-05');
    expect(pool.json.all.count).toBe(26);
    const everything = await call(app, token, 'GET', '/api/projects?region=140423&asOf=2021-05&poolOnly=false');
    expect(everything.json.total).toBe(28);
    const reserve = await call(app, token, 'GET', '/api/projects?region=140423&asOf=2021-05&phase=reserve');
    expect(reserve.json.rows.map((r: any) => r.project.name)).toEqual(['储备项目']);
    expect(page2.json.rows.map((r: any) => r.project.name)).toEqual(Array.from({ length: 10 }, (_, i) => `测试项目${String(i + 11).padStart(2, '0')}`));
    const found = await call(app, token, 'GET', `/api/projects?region=140423&asOf=2021-05&q=${encodeURIComponent('标准化厂房')}`);
    expect(found.json.rows).toHaveLength(1);
    expect(found.json.rows[0]).toMatchObject({ phase: 'newStart', annualPlan: 100_000_000, completedYtd: 10_000_000 });
    const literal = await call(app, token, 'GET', `/api/projects?region=140423&asOf=2021-05&q=${encodeURIComponent('%')}`);
    expect(literal.json.total).toBe(0);
  });

  it('refuses a bad edit with 422 naming the field, and keeps the project', async () => {
    const res = await call(app, token, 'PATCH', `/api/projects/${id}`, { totalInvestment: -100 });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe('invalid_input');
    expect(res.json.error.details).toEqual([{ field: 'totalInvestment', message: '总投资不能为负数' }]);
    expect((await call(app, token, 'GET', `/api/projects/${id}`)).json.project.totalInvestment).toBe(250_000_000);
  });

  it('refuses a malformed request body and query with the one error shape', async () => {
    const wrongType = await call(app, token, 'PATCH', `/api/projects/${id}`, { totalInvestment: '很多' });
    expect(wrongType.status).toBe(422);
    expect(wrongType.json.error.details[0].field).toBe('totalInvestment');
    const badMonth = await call(app, token, 'GET', '/api/pool?region=140423&asOf=2021-13');
    expect(badMonth.status).toBe(422);
    expect(badMonth.json.error.details[0].field).toBe('asOf');
    const notJson = await app.request(`/api/projects/${id}`, { method: 'PATCH', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{' });
    expect(notJson.status).toBeGreaterThanOrEqual(400);
    expect(notJson.status).toBeLessThan(500);
  });

  it('saves an edit, answers 409 to a stale version, and shows the history', async () => {
    const ok = await call(app, token, 'PATCH', `/api/projects/${id}`, { totalInvestment: 260_000_000, version: 1 });
    expect(ok.status).toBe(200);
    expect(ok.json.project).toMatchObject({ totalInvestment: 260_000_000, version: 2 });
    const stale = await call(app, token, 'PATCH', `/api/projects/${id}`, { totalInvestment: 270_000_000, version: 1 });
    expect(stale.status).toBe(409);
    const history = await call(app, token, 'GET', `/api/projects/${id}/history`);
    expect(history.json.entries.filter((e: any) => e.field !== 'created')).toHaveLength(1);
    expect(history.json.entries.find((e: any) => e.field === 'totalInvestment')).toMatchObject({ field: 'totalInvestment', before: '250000000', after: '260000000', userName: 't-dispatcher' });
  });

  it('lists the county’s townships, units and leaders, and its current month (no round closed yet: the latest month with figures)', async () => {
    const res = await call(app, token, 'GET', '/api/counties/140423/context');
    expect(res.json.townships.map((t: any) => t.name)).toEqual(expect.arrayContaining(['古韩镇', '虒亭镇', '襄垣经济技术开发区']));
    expect(res.json.leaders).toEqual([{ id: f.leaderId, name: '王志强', title: '副县长', retiredOn: null }]);
    expect(res.json.currentMonth).toMatchObject({ month: '2021-04', source: 'figures', openRounds: [] });
  });

  it('publishes an OpenAPI document of every route', async () => {
    const doc = (await call(app, null, 'GET', '/api/openapi.json')).json;
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/pool', '/projects', '/projects/{id}', '/projects/{id}/history', '/auth/login']));
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const res = await call(app, token, 'GET', '/api/nothing-here');
    expect(res).toMatchObject({ status: 404, json: { error: { code: 'not_found' } } });
  });
});
