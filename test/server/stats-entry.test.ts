// 入库 through the API: refusals with 422 naming the field and nothing changed, history written, the 开工未入库 list with
// months and colours, 403 for another unit's reporter, the cut-offs, and the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { addProject, PASSWORD, seedCounty, WANGQIAO, type CountyFixture } from '../support/factories.ts';
import { call, signInAs, testApp, type TestApp } from '../support/api.ts';
import { openTestDatabase, testDialect } from '../support/test-db.ts';

let h: DatabaseHandle;
let f: CountyFixture;
let app: TestApp;
let id: string;
let foreignId: string;
let reporter: string;
let dispatcher: string;

beforeAll(async () => {
  h = await openTestDatabase();
  f = await seedCounty(h.db);
  id = await addProject(h.db, { name: '古韩镇集中供热改造工程', unitId: f.units.guhan, totalInvestment: 50_000_000, phase: 'newStart', annualPlan: 20_000_000, startedOn: '2021-03-20' });
  foreignId = await addProject(h.db, { name: '王桥镇污水处理厂提标改造工程', unitId: f.units.wangqiao, townshipCode: WANGQIAO, totalInvestment: 126_000_000, phase: 'newStart', annualPlan: 60_000_000, startedOn: '2021-04-23' });
  await addProject(h.db, { name: '古韩镇农贸市场改造工程', unitId: f.units.guhan, totalInvestment: 8_000_000, phase: 'newStart', annualPlan: 8_000_000, startedOn: '2021-05-16' });
  app = testApp(h.db); // the clock stands at 2021-06-10
  reporter = await signInAs(app, 't-reporter', PASSWORD);
  dispatcher = await signInAs(app, 't-dispatcher', PASSWORD);
});
afterAll(async () => {
  await h.close();
});

const path = (projectId: string) => `/api/projects/${projectId}/stats-entry`;

describe(`入库 API (${testDialect()})`, () => {
  it('shows a project’s 入库 with its checklist, flag and the next cut-offs', async () => {
    const res = await call(app, reporter, 'GET', `${path(id)}?asOf=2021-05`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      status: 'none', applies: true, canEdit: true, day: '2021-05-31', flag: { months: 2, colour: 'red' },
      cutOffs: { materialsBy: '2021-06-10', verificationBy: '2021-06-25' },
      missing: ['approvalDocument', 'constructionContract', 'sitePhotos', 'businessLicence'],
    });
    expect(res.json.materials).toHaveLength(4);
  });

  it('refuses 已报送 without the materials with 422 naming what is missing, and changes nothing', async () => {
    const res = await call(app, reporter, 'PATCH', path(id), { status: 'submitted', on: '2021-06-08', materials: [{ item: 'approvalDocument', done: true }] });
    expect(res.status).toBe(422);
    expect(res.json.error).toMatchObject({ code: 'invalid_input', details: [{ field: 'status', message: '报送入库前须备齐材料，尚缺：施工合同、现场照片（注明日期）、营业执照' }] });
    const after = await call(app, reporter, 'GET', path(id));
    expect(after.json).toMatchObject({ status: 'none', version: 1, missing: ['approvalDocument', 'constructionContract', 'sitePhotos', 'businessLicence'] });
    const history = await call(app, reporter, 'GET', `/api/projects/${id}/history`);
    expect(history.json.entries.map((e: any) => e.field)).toEqual(['created']);
  });

  it('refuses 不予入库 without a reason', async () => {
    const res = await call(app, dispatcher, 'PATCH', path(id), { status: 'refused', on: '2021-06-01' });
    expect(res.status).toBe(422);
    expect(res.json.error.details).toEqual([{ field: 'reason', message: '不予入库须填写原因' }]);
    expect((await call(app, dispatcher, 'GET', path(id))).json.status).toBe('none');
  });

  it('submits once the checklist is complete, and writes every change to the project’s history', async () => {
    const materials = ['approvalDocument', 'constructionContract', 'sitePhotos', 'businessLicence'].map((item) => ({ item, done: true }));
    const res = await call(app, reporter, 'PATCH', `${path(id)}?asOf=2021-05`, { status: 'submitted', on: '2021-06-08', materials, version: 1 });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: 'submitted', statusOn: '2021-06-08', missing: [], version: 2, flag: { months: 2, colour: 'red' }, updatedByName: 't-reporter' });
    expect(res.json.materials[0]).toMatchObject({ done: true, markedOn: '2021-06-10', markedByName: 't-reporter' });
    const project = await call(app, dispatcher, 'GET', `/api/projects/${id}`);
    expect(project.json.project).toMatchObject({ statsEntry: 'submitted', version: 2 });
    const history = (await call(app, dispatcher, 'GET', `/api/projects/${id}/history`)).json.entries.map((e: any) => [e.field, e.before, e.after, e.userName]);
    expect(history).toEqual(expect.arrayContaining([
      ['statsEntry', 'none', 'submitted', 't-reporter'],
      ['statsEntry.on', null, '2021-06-08', 't-reporter'],
      ['statsEntry.materials.approvalDocument', 'false', 'true', 't-reporter'],
    ]));
    // A stale version is refused.
    expect((await call(app, reporter, 'PATCH', path(id), { status: 'preparing', version: 1 })).status).toBe(409);
  });

  it('answers 403 to a reporter of another unit, and lets a leader read but not change', async () => {
    for (const [method, body] of [['GET', undefined], ['PATCH', { notes: '越权' }]] as const) {
      const res = await call(app, reporter, method, path(foreignId), body);
      expect(res.status, method).toBe(403);
      expect(JSON.stringify(res.json)).not.toContain('王桥镇污水处理厂');
    }
    const leader = await signInAs(app, 't-leader', PASSWORD);
    expect((await call(app, leader, 'GET', path(foreignId))).json.canEdit).toBe(false);
    expect((await call(app, leader, 'PATCH', path(foreignId), { notes: '领导批示' })).status).toBe(403);
    const unchanged = await call(app, dispatcher, 'GET', path(foreignId));
    expect(unchanged.json.notes).toBeNull();
  });

  it('lists 开工未入库 with months and colours, the reporter’s own unit only', async () => {
    const all = await call(app, dispatcher, 'GET', '/api/stats-entry/unentered?region=140423&asOf=2021-05');
    expect(all.status).toBe(200);
    expect(all.json.counts).toEqual({ total: 3, red: 1, yellow: 1, green: 1 });
    expect(all.json.rows.map((r: any) => [r.name, r.months, r.colour, r.statsEntry, r.materialsDone])).toEqual([
      ['古韩镇集中供热改造工程', 2, 'red', 'submitted', 4],
      ['王桥镇污水处理厂提标改造工程', 1, 'yellow', 'none', 0],
      ['古韩镇农贸市场改造工程', 0, 'green', 'none', 0],
    ]);
    const own = await call(app, reporter, 'GET', '/api/stats-entry/unentered?region=140423&asOf=2021-05');
    expect(own.json.rows.map((r: any) => r.name)).toEqual(['古韩镇集中供热改造工程', '古韩镇农贸市场改造工程']);
    const yellow = await call(app, dispatcher, 'GET', '/api/stats-entry/unentered?region=140423&asOf=2021-05&colour=yellow&page=1&pageSize=10');
    expect(yellow.json).toMatchObject({ matching: 1, page: 1, pageSize: 10 });
    const bad = await call(app, dispatcher, 'GET', '/api/stats-entry/unentered?region=140423&asOf=2021-13');
    expect(bad.status).toBe(422);
    const pingshun = await signInAs(app, 't-pingshun', PASSWORD);
    expect((await call(app, pingshun, 'GET', '/api/stats-entry/unentered?region=140423')).status).toBe(403);
  });

  it('reads and sets the cut-offs, the dispatcher only', async () => {
    expect((await call(app, reporter, 'GET', '/api/stats-entry/cut-offs?region=140423')).json).toEqual({
      day: '2021-06-10', materialsDay: 10, verificationDay: 25, materialsBy: '2021-06-10', verificationBy: '2021-06-25',
    });
    expect((await call(app, reporter, 'PUT', '/api/stats-entry/cut-offs', { region: '140423', materialsDay: 8, verificationDay: 20 })).status).toBe(403);
    const bad = await call(app, dispatcher, 'PUT', '/api/stats-entry/cut-offs', { region: '140423', materialsDay: 22, verificationDay: 20 });
    expect(bad.status).toBe(422);
    const set = await call(app, dispatcher, 'PUT', '/api/stats-entry/cut-offs', { region: '140423', materialsDay: 8, verificationDay: 20 });
    expect(set.json).toMatchObject({ materialsBy: '2021-07-08', verificationBy: '2021-06-20' });
    await call(app, dispatcher, 'PUT', '/api/stats-entry/cut-offs', { region: '140423', materialsDay: 10, verificationDay: 25 });
  });

  it('documents its routes in the OpenAPI document', async () => {
    const doc = (await call(app, null, 'GET', '/api/openapi.json')).json;
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/projects/{id}/stats-entry', '/stats-entry/unentered', '/stats-entry/cut-offs']));
    expect(doc.paths['/projects/{id}/stats-entry'].patch.tags).toEqual(['入库']);
  });
});
