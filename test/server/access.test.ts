// A reporter cannot read or change another unit's project through any API route: the test walks the OpenAPI document.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { addProject, PASSWORD, seedCounty, WANGQIAO, type CountyFixture } from '../support/factories.ts';
import { call, signInAs, testApp, type TestApp } from '../support/api.ts';
import { openTestDatabase, testDialect } from '../support/test-db.ts';

let h: DatabaseHandle;
let f: CountyFixture;
let app: TestApp;
let ownId: string;
let foreignId: string;
const FOREIGN_NAME = '王桥镇污水处理厂提标改造工程';

beforeAll(async () => {
  h = await openTestDatabase();
  f = await seedCounty(h.db);
  ownId = await addProject(h.db, { name: '古韩镇集中供热改造工程', unitId: f.units.guhan, totalInvestment: 100_000_000, phase: 'newStart', annualPlan: 10_000_000, months: { '2021-03': 1_000_000 } });
  foreignId = await addProject(h.db, { name: FOREIGN_NAME, unitId: f.units.wangqiao, townshipCode: WANGQIAO, totalInvestment: 300_000_000, phase: 'newStart', annualPlan: 20_000_000, months: { '2021-03': 7_000_000 } });
  app = testApp(h.db);
});
afterAll(async () => {
  await h.close();
});

type Operation = { method: string; path: string };

/**
 * {id} routes whose id is not a project's: the monthly round's (round, report, attachment, correction, unit ids) are
 * walked by test/server/rounds.test.ts, a document edition's by test/server/documents.test.ts.
 */
const ROUND_ID_ROUTES = ['/rounds/{id}', '/reports/{id}', '/attachments/{id}', '/corrections/{id}', '/units/{id}', '/documents/editions/{id}'];
/** {id} routes of attraction (lead, batch, news candidate ids): test/server/attraction.test.ts walks them. */
const ATTRACTION_ID_ROUTES = ['/leads/{id}', '/batches/{id}', '/news/candidates/{id}'];
/** The administration area (accounts, units, leaders): test/server/admin.test.ts walks it, by id and by list. */
const ADMIN_ROUTES = '/admin/';

/** Routes a reporter is refused outright (the county's documents, the audit trail): 403, and nothing of any project in the answer. */
const COUNTY_ONLY = ['/documents/', '/audit'];
/** {id} routes of supervision (item, evidence, 督办函 ids): test/server/supervision.test.ts walks them. */
const ITEM_ID_ROUTES = ['/items/{id}', '/item-attachments/{id}', '/letters/{id}'];

async function operations(): Promise<Operation[]> {
  const doc = (await call(app, null, 'GET', '/api/openapi.json')).json as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })));
}

// A body every writing route accepts, so a refusal can only come from the scope check.
const bodyFor = (op: Operation, notes = '越权修改') => (op.method === 'GET' ? undefined : op.path.endsWith('/start-plan') ? { year: 2021, month: null } : { notes });
const queryFor = '?region=140423&asOf=2021-05&year=2021&breakdowns=true&pageSize=500';

/** A response as text to search: JSON as it came, a workbook (the ledger export) as the values of all its cells. */
async function responseText(path: string, token: string): Promise<{ status: number; text: string }> {
  const res = await app.request(path, { headers: { authorization: `Bearer ${token}` } });
  if (!res.headers.get('content-type')?.includes('spreadsheetml')) return { status: res.status, text: await res.text() };
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await res.arrayBuffer());
  const values: unknown[] = [];
  book.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => values.push(cell.value))));
  return { status: res.status, text: JSON.stringify(values) };
}

describe(`reporter scope over every route (${testDialect()})`, () => {
  it('refuses every route that names another unit’s project', async () => {
    const token = await signInAs(app, 't-reporter', PASSWORD);
    const all = (await operations()).filter((op) => op.path.includes('{id}'));
    // Routes whose {id} is not a project's are walked against another unit's report, attachment and unit in the
    // round's own test; a new kind of {id} route must be added there or here, never slip past both.
    const elsewhere = all.filter((op) => !op.path.startsWith('/projects/{id}'));
    expect(elsewhere.filter((op) => ![...ROUND_ID_ROUTES, ...ATTRACTION_ID_ROUTES, ...ITEM_ID_ROUTES].some((prefix) => op.path.startsWith(prefix)) && !op.path.startsWith(ADMIN_ROUTES)), 'routes whose {id} no test walks').toEqual([]);
    const byId = all.filter((op) => op.path.startsWith('/projects/{id}'));
    expect(byId.length).toBeGreaterThanOrEqual(3);
    for (const op of byId) {
      const res = await call(app, token, op.method, `/api${op.path.replace('{id}', foreignId)}${op.method === 'GET' ? queryFor : ''}`, bodyFor(op));
      expect([403, 404], `${op.method} ${op.path} answered ${res.status}`).toContain(res.status);
      expect(JSON.stringify(res.json)).not.toContain(FOREIGN_NAME);
      // The same route on its own project works: the refusal is about scope, not a broken route.
      const mine = await call(app, token, op.method, `/api${op.path.replace('{id}', ownId)}${op.method === 'GET' ? queryFor : ''}`, bodyFor(op, '本单位修改'));
      expect(mine.status, `${op.method} ${op.path} on its own project`).toBeLessThan(300);
    }
    const after = await call(app, await signInAs(app, 't-dispatcher', PASSWORD), 'GET', `/api/projects/${foreignId}`);
    expect(after.json.project.notes).toBeNull();
    expect(after.json.project.version).toBe(1);
  });

  it('shows no trace of another unit’s project on any listing route', async () => {
    const token = await signInAs(app, 't-reporter', PASSWORD);
    const lists = (await operations()).filter((op) => op.method === 'GET' && !op.path.includes('{') && !op.path.startsWith('/auth') && !op.path.startsWith(ADMIN_ROUTES));
    expect(lists.map((op) => op.path)).toEqual(expect.arrayContaining(['/projects', '/pool']));
    for (const op of lists) {
      const { status, text } = await responseText(`/api${op.path}${queryFor}`, token);
      expect(status, `${op.path}`).toBe(COUNTY_ONLY.some((prefix) => op.path.startsWith(prefix)) ? 403 : 200);
      expect(text, op.path).not.toContain(foreignId);
      expect(text, op.path).not.toContain(FOREIGN_NAME);
    }
    const pool = await call(app, token, 'GET', `/api/pool${queryFor}`);
    expect(pool.json.all).toMatchObject({ count: 1, completedYtd: 1_000_000 });
  });

  it('refuses creating a project for another unit, and every route without a session', async () => {
    const token = await signInAs(app, 't-reporter', PASSWORD);
    const res = await call(app, token, 'POST', '/api/projects', { regionCode: '140423', name: '越权新增', totalInvestment: 1, unitId: f.units.wangqiao });
    expect(res.status).toBe(403);
    for (const op of await operations()) {
      if (op.path.startsWith('/auth/login') || op.path.startsWith('/auth/demo-accounts') || op.path.startsWith('/auth/logout')) continue;
      const anon = await call(app, null, op.method, `/api${op.path.replace('{id}', ownId)}${queryFor}`, bodyFor(op));
      expect(anon.status, `${op.method} ${op.path}`).toBe(401);
      expect(anon.json.error.code).toBe('unauthenticated');
    }
  });
});
