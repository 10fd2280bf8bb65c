// The route × role matrix: every operation of the OpenAPI document, called by each role of the demo county, by a
// dispatcher of a second county and by nobody, against real objects of the demo county, answers as the table says.
//
// What a cell means. Every call names real objects of 襄垣县 in its path (a 古韩镇 project, report, item and unit, so
// the 古韩镇 reporter is inside its own unit) and carries the query a listing needs (region 140423, May 2021). A write
// carries the smallest body its own OpenAPI schema accepts (see `sample`), so that the request reaches the service and
// its scope check: the route's schema is checked before the service, so an empty body would stop every caller alike.
// Ids in a body name no real object, imports only preview, and the round is closed before the walk, so an allowed
// write is mostly refused after the scope check (404, 409, 422); the rest write a test value (a lead, an item, a
// setting, an indicator figure) that no later cell depends on. No side effect is asserted here.
// - 'allow': past authentication and scope: any answer below 500 other than 401 and 403 (a 404 may come from the
//   body naming no real object, after the scope check).
// - 'deny' (every caller a rule does not name): 401, 403 or 404.
// - 'input': the service judges the request before the role, so the caller meets a business refusal (422) rather
//   than a 403; kept visible in the table as a finding. A 401/403/404 also satisfies it.
// - 'open': any answer below 500 (signing in and out, the demo accounts).
// No cell may answer 500. The second county's dispatcher is refused (403/404) every route with a path parameter, and
// no 2xx answer it gets names any of the objects above. A route without a rule in the table fails the suite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { insertUser } from '../../src/db/repositories/user.repository.ts';
import { newId } from '../../src/db/transaction.ts';
import { createDemo, DEMO_REGION } from '../../src/demo/create-demo.ts';
import { hashPassword } from '../../src/services/auth/password.ts';
import { initCounty } from '../../src/services/init-county.ts';
import { createApp } from '../../src/server/app.ts';
import { call, signInAs } from '../support/api.ts';
import { sample, type OpenApi } from '../support/openapi.ts';
import { openTestDatabase, testDialect } from '../support/test-db.ts';

const CALLERS = ['admin', 'dispatcher', 'reporter', 'leader', 'viewer', 'otherCounty', 'anonymous'] as const;
type Caller = (typeof CALLERS)[number];
type Cell = 'allow' | 'deny' | 'input' | 'open';
/** A rule names the callers that pass; every caller it does not name is refused. */
type Rule = Partial<Record<Caller, Cell>>;

const rule = (cell: Cell, ...callers: Caller[]): Rule => Object.fromEntries(callers.map((c) => [c, cell]));
const SIGNED_IN = rule('allow', 'admin', 'dispatcher', 'reporter', 'leader', 'viewer', 'otherCounty');
const OPEN = rule('open', ...CALLERS);
const COUNTY = rule('allow', 'admin', 'dispatcher', 'reporter', 'leader', 'viewer');
const COUNTY_NOT_REPORTER = rule('allow', 'admin', 'dispatcher', 'leader', 'viewer');
const KEEPERS = rule('allow', 'admin', 'dispatcher');
const KEEPERS_AND_UNIT = rule('allow', 'admin', 'dispatcher', 'reporter');
const ADMIN = rule('allow', 'admin');
const NOBODY: Rule = {};

/** Rules by path prefix, the first that matches: one for reads (GET), one for writes. */
const PREFIX_RULES: [prefix: string, read: Rule, write: Rule][] = [
  ['/auth/', SIGNED_IN, SIGNED_IN],
  ['/counties', SIGNED_IN, NOBODY],
  ['/projects', COUNTY, KEEPERS_AND_UNIT],
  ['/pool', COUNTY, NOBODY],
  ['/ledger/', COUNTY, KEEPERS],
  ['/rounds', COUNTY, KEEPERS],
  ['/reports/{id}', COUNTY, KEEPERS_AND_UNIT],
  ['/corrections', COUNTY, KEEPERS],
  ['/attachments/{id}', COUNTY, NOBODY],
  ['/timeliness', COUNTY, NOBODY],
  ['/round-settings', COUNTY, KEEPERS],
  ['/notices', SIGNED_IN, NOBODY],
  ['/units/{id}', NOBODY, KEEPERS],
  ['/stats-entry/', COUNTY, KEEPERS],
  ['/indicators', COUNTY, KEEPERS],
  ['/attraction/', COUNTY, KEEPERS],
  ['/leads', COUNTY, KEEPERS],
  ['/batches', COUNTY, KEEPERS],
  ['/news', COUNTY, KEEPERS],
  ['/admin/accounts', ADMIN, ADMIN],
  ['/audit', ADMIN, NOBODY],
  ['/admin/', KEEPERS, KEEPERS],
  ['/current-month', COUNTY, KEEPERS],
  ['/my-work', rule('allow', 'reporter'), NOBODY],
  ['/my-projects', rule('allow', 'admin', 'dispatcher', 'reporter', 'leader'), NOBODY],
  ['/documents/', COUNTY_NOT_REPORTER, KEEPERS],
  ['/items', COUNTY, KEEPERS],
  ['/item-attachments/{id}', COUNTY, NOBODY],
  ['/letters/{id}', COUNTY, NOBODY],
  ['/item-ledger', COUNTY, KEEPERS],
  ['/alerts', COUNTY, NOBODY],
  ['/reserve', COUNTY, NOBODY],
  ['/supervision-settings', COUNTY, KEEPERS],
];

/** Single operations whose rule differs from their prefix's. */
const EXCEPTIONS: Record<string, Rule> = {
  // Signing in answers anyone (a wrong password is 401, a flood 429); signing out without a session is no error;
  // the demo accounts exist only in a database that holds nothing but the demo (404 here).
  'POST /auth/login': OPEN,
  'POST /auth/logout': OPEN,
  'GET /auth/demo-accounts': OPEN,
  'GET /counties/{code}/context': COUNTY,
  // The template and the indicator catalogue hold no county's data; the notices and corrections lists are the
  // caller's own (the second county's answer is checked below to hold nothing of this county).
  'GET /ledger/template': SIGNED_IN,
  'GET /indicators/catalogue': SIGNED_IN,
  'GET /corrections': SIGNED_IN,
  // Approving and returning a report is the dispatcher's review, not the unit's.
  'POST /reports/{id}/approve': KEEPERS,
  'POST /reports/{id}/return': KEEPERS,
  // Reading a target sheet writes nothing: anyone of the county may preview one.
  'POST /attraction/targets/read': COUNTY,
  // A unit records its own leads, and sees only its own (the lead here is not 古韩镇's).
  'POST /leads': KEEPERS_AND_UNIT,
  'GET /leads/{id}': COUNTY_NOT_REPORTER,
  'POST /leads/{id}/convert': KEEPERS,
  // A unit and a leader raise problems; the unit works its own items (receive, plan, progress, evidence, ask to close).
  'POST /items': rule('allow', 'admin', 'dispatcher', 'reporter', 'leader'),
  'POST /items/{id}/receive': KEEPERS_AND_UNIT,
  'POST /items/{id}/plan': KEEPERS_AND_UNIT,
  'POST /items/{id}/progress': KEEPERS_AND_UNIT,
  'POST /items/{id}/attachments': KEEPERS_AND_UNIT,
  'POST /items/{id}/request-close': KEEPERS_AND_UNIT,
};

/** The expected cell of an operation for a caller; undefined when the table has no rule for the route. */
function expected(method: string, path: string, caller: Caller): Cell | undefined {
  const prefix = PREFIX_RULES.find(([p]) => path.startsWith(p));
  const own = EXCEPTIONS[`${method} ${path}`] ?? (prefix && (method === 'GET' ? prefix[1] : prefix[2]));
  return own ? (own[caller] ?? 'deny') : undefined;
}

function satisfies(cell: Cell, status: number): boolean {
  if (cell === 'open') return status < 500;
  const refused = status === 401 || status === 403 || status === 404;
  if (cell === 'deny') return refused;
  if (cell === 'input') return refused || status === 400 || status === 422;
  // A body names no real object (see sample), so an allowed write may meet a 404 after the scope check.
  return status !== 401 && status !== 403 && status < 500;
}

let h: DatabaseHandle;
let app: ReturnType<typeof createApp>;
const tokens: Partial<Record<Caller, string>> = {};
/** The real object each path parameter names. */
const ids: Record<string, string> = {};
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const QUERY = `?region=${DEMO_REGION}&asOf=2021-05&year=2021&month=2021-05&indicator=gdp&commit=false`;

async function upload(token: string, path: string): Promise<any> {
  const form = new FormData();
  form.append('file', new File([PNG], '现场照片.png'));
  const res = await app.request(path, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  expect(res.status, path).toBeLessThan(300);
  return res.json();
}

beforeAll(async () => {
  h = await openTestDatabase();
  await createDemo(h.db, new Date('2021-06-01T08:00:00Z'));
  await initCounty(h.db, { regionCode: '140425', adminPassword: 'Unused-admin-1' });
  await insertUser(h.db, {
    id: newId(), username: 'ps-dispatcher', displayName: '平顺县调度员', passwordHash: hashPassword('Pingshun-2021'), role: 'dispatcher', regionCode: '140425',
    unitId: null, leaderId: null, disabled: false, createdAt: '2021-01-01T00:00:00.000Z', mustChangePassword: false, passwordChangedAt: null,
  });
  // Sessions must not lapse while the clock stands at the start of June.
  app = createApp({ db: h.db, now: () => new Date('2021-06-01T02:00:00Z'), sessionIdleMinutes: 7 * 24 * 60 });
  for (const role of ['admin', 'dispatcher', 'reporter', 'leader', 'viewer'] as const) tokens[role] = await signInAs(app, role, 'demo1234');
  tokens.otherCounty = await signInAs(app, 'ps-dispatcher', 'Pingshun-2021');
  const as = (who: Caller, method: string, path: string, body?: unknown) => call(app, tokens[who]!, method, `/api${path}`, body);

  const me = (await as('reporter', 'GET', '/auth/me')).json.user;
  const unitId = me.unitId as string;
  const project = (await as('reporter', 'GET', `/projects${QUERY}&pageSize=1`)).json.rows[0].project.id as string;
  const opened = await as('dispatcher', 'POST', '/rounds', { regionCode: DEMO_REGION, month: '2021-05' });
  expect(opened.status).toBe(201);
  const reports = (await as('dispatcher', 'GET', `/rounds/${opened.json.id}/reports`)).json.reports as { id: string; projectId: string; unitId: string | null }[];
  const report = reports.find((r) => r.unitId === unitId)!.id;
  const attachment = (await upload(tokens.reporter!, `/api/reports/${report}/attachments`)).id as string;
  // A correction exists only for a closed round's approved report.
  expect((await as('reporter', 'POST', `/reports/${report}/submit`, { completedMonth: 1_000_000 })).status).toBeLessThan(300);
  expect((await as('dispatcher', 'POST', `/reports/${report}/approve`)).status).toBeLessThan(300);
  expect((await as('dispatcher', 'POST', `/rounds/${opened.json.id}/close`)).status).toBeLessThan(300);
  const correction = await as('reporter', 'POST', `/reports/${report}/corrections`, { completedMonth: 1_200_000, reason: '漏报设备款' });
  expect(correction.status).toBe(201);

  const items = (await as('dispatcher', 'GET', `/items${QUERY}`)).json.items as { id: string; unitId: string | null }[];
  const withLetters = await Promise.all(items.filter((i) => i.unitId === unitId).map(async (i) => (await as('dispatcher', 'GET', `/items/${i.id}`)).json));
  const item = withLetters.find((d) => d.letters.length > 0) ?? withLetters[0];
  const itemAttachment = (await upload(tokens.dispatcher!, `/api/items/${item.item.id}/attachments`)).attachment?.id ?? (await as('dispatcher', 'GET', `/items/${item.item.id}`)).json.attachments[0].id;
  const summary = (await as('dispatcher', 'GET', `/documents/summary?region=${DEMO_REGION}&asOf=2021-05`)).json;
  const edition = await as('dispatcher', 'POST', '/documents/editions', { region: DEMO_REGION, asOf: '2021-05', head: summary.content.head, blocks: [] });
  expect(edition.status).toBe(200);
  const news = await as('dispatcher', 'POST', '/news', { region: DEMO_REGION, text: '某县动态\n2021-05-20\n古韩镇年产5万吨精细化工中间体项目正式开工。' });
  const alias = '古韩镇政府';
  expect((await as('admin', 'POST', `/admin/units/${unitId}/aliases`, { alias })).status).toBeLessThan(300);

  Object.assign(ids, {
    code: DEMO_REGION,
    unitId,
    alias,
    '/projects/{id}': project,
    '/rounds/{id}': opened.json.id,
    '/reports/{id}': report,
    '/attachments/{id}': attachment,
    '/corrections/{id}': correction.json.id,
    '/units/{id}': unitId,
    '/leads/{id}': (await as('dispatcher', 'GET', `/leads${QUERY}`)).json.leads[0].id,
    '/batches/{id}': (await as('dispatcher', 'GET', `/batches${QUERY}`)).json.batches[0].id,
    '/news/candidates/{id}': news.json.candidates[0].id,
    '/admin/accounts/{id}': me.id,
    '/admin/units/{id}': unitId,
    '/admin/leaders/{id}': (await as('admin', 'GET', `/admin/leaders${QUERY}`)).json.leaders[0].id,
    '/documents/editions/{id}': edition.json.edition.id,
    '/items/{id}': item.item.id,
    '/item-attachments/{id}': itemAttachment,
    '/letters/{id}': item.letters[0]?.id,
  });
}, 120_000);
afterAll(async () => {
  await h?.close();
});

/** The path with each parameter replaced by the real object it names. */
function concrete(path: string): string {
  const kind = Object.keys(ids).filter((k) => k.startsWith('/') && path.startsWith(k)).sort((a, b) => b.length - a.length)[0];
  return path
    .replace('{id}', kind ? ids[kind]! : 'missing-kind')
    .replace('{code}', ids.code!)
    .replace('{unitId}', ids.unitId!)
    .replace('{alias}', encodeURIComponent(ids.alias!));
}

/** The request body an operation is called with: the sample of its JSON schema, or a file for an upload. */
function bodyOf(doc: OpenApi, method: string, path: string): { body?: BodyInit; headers: Record<string, string> } {
  const content = doc.paths[path]?.[method.toLowerCase()]?.requestBody?.content;
  if (!content) return { headers: {} };
  if (content['multipart/form-data']) {
    const form = new FormData();
    form.append('file', new File([PNG], '现场照片.png'));
    // An import only previews (commit=false): the file, not a workbook, is refused after the scope check.
    for (const [k, v] of Object.entries({ region: DEMO_REGION, regionCode: DEMO_REGION, commit: 'false', year: '2021' })) form.append(k, v);
    return { body: form, headers: {} };
  }
  return { body: JSON.stringify(sample(doc, content['application/json']?.schema ?? { type: 'object' })), headers: { 'content-type': 'application/json' } };
}

/** Operations that end a session (signing out, an administrator resetting or changing an account) go last. */
const LAST = ['PATCH /admin/accounts/{id}', 'POST /admin/accounts/{id}/password', 'POST /auth/logout'];

describe(`route × role matrix (${testDialect()})`, () => {
  it('answers every operation for every caller as the table says', async () => {
    const doc = (await call(app, null, 'GET', '/api/openapi.json')).json as OpenApi;
    const last = (op: { method: string; path: string }) => LAST.indexOf(`${op.method} ${op.path}`);
    const ops = Object.entries(doc.paths)
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => ({ method: m.toUpperCase(), path })))
      .sort((a, b) => last(a) - last(b));
    expect(ops.length).toBeGreaterThan(100);
    expect(ops.filter((op) => CALLERS.some((c) => expected(op.method, op.path, c) === undefined)).map((op) => `${op.method} ${op.path}`), 'route without a rule').toEqual([]);
    for (const [k, v] of Object.entries(ids)) expect(v, `no real object for ${k}`).toBeTruthy();

    const wrong: string[] = [];
    for (const op of ops) {
      const path = `/api${concrete(op.path)}${QUERY}`;
      for (const caller of CALLERS) {
        const cell = expected(op.method, op.path, caller)!;
        const { body, headers } = bodyOf(doc, op.method, op.path);
        const res = await app.request(path, { method: op.method, headers: { ...headers, ...(caller === 'anonymous' ? {} : { authorization: `Bearer ${tokens[caller]}` }) }, body });
        if (!satisfies(cell, res.status)) wrong.push(`${op.method} ${op.path} as ${caller}: ${res.status}, expected ${cell}`);
        // A second county's dispatcher learns nothing of this county's objects.
        if (caller === 'otherCounty' && res.status < 300) {
          const text = await res.text();
          const leaked = Object.entries(ids).filter(([k, v]) => (k.startsWith('/') || k === 'unitId') && text.includes(v));
          if (leaked.length > 0) wrong.push(`${op.method} ${op.path} as otherCounty: the answer names ${leaked.map(([k]) => k).join(', ')}`);
        }
        if (caller === 'otherCounty' && op.path.includes('{') && ![403, 404].includes(res.status)) wrong.push(`${op.method} ${op.path} as otherCounty: ${res.status}, expected 403/404 on the first county's object`);
      }
    }
    expect(wrong).toEqual([]);
  }, 300_000);
});
