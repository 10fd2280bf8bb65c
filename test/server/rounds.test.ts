// The monthly round over the API: what a reporter may and may not do to a report (another unit's, after submission,
// after the lock), every round route walked against another unit's report, evidence upload, scoreboard, export.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { createApp } from '../../src/server/app.ts';
import { addProject, COUNTY, PASSWORD, seedCounty, WANGQIAO, type CountyFixture } from '../support/factories.ts';
import { call, signInAs } from '../support/api.ts';
import { openTestDatabase, testDialect } from '../support/test-db.ts';

let h: DatabaseHandle;
let f: CountyFixture;
let clock: Date;
let app: ReturnType<typeof createApp>;
let tokens: Record<'dispatcher' | 'reporter' | 'otherReporter' | 'leader', string>;
let roundId: string;
let own: string;
let foreign: string;
const FOREIGN_NAME = '王桥镇污水处理厂提标改造工程';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

beforeEach(async () => {
  h = await openTestDatabase();
  f = await seedCounty(h.db);
  const ownProject = await addProject(h.db, { name: '古韩镇集中供热改造工程', unitId: f.units.guhan, totalInvestment: 100_000_000, phase: 'newStart', annualPlan: 40_000_000, startedOn: '2021-03-01', months: { '2021-04': 2_000_000 } });
  await addProject(h.db, { name: FOREIGN_NAME, unitId: f.units.wangqiao, townshipCode: WANGQIAO, totalInvestment: 300_000_000, phase: 'newStart', annualPlan: 20_000_000 });
  clock = new Date('2021-06-01T02:00:00Z');
  // The clock jumps days ahead between requests: sessions must not lapse for idleness meanwhile.
  app = createApp({ db: h.db, now: () => clock, sessionIdleMinutes: 7 * 24 * 60 });
  tokens = {
    dispatcher: await signInAs(app, 't-dispatcher', PASSWORD),
    reporter: await signInAs(app, 't-reporter', PASSWORD),
    otherReporter: await signInAs(app, 't-reporter-wq', PASSWORD),
    leader: await signInAs(app, 't-leader', PASSWORD),
  };
  const opened = await call(app, tokens.dispatcher, 'POST', '/api/rounds', { regionCode: COUNTY, month: '2021-05' });
  expect(opened.status).toBe(201);
  roundId = opened.json.id;
  const reports = (await call(app, tokens.dispatcher, 'GET', `/api/rounds/${roundId}/reports`)).json.reports as { id: string; projectId: string }[];
  own = reports.find((r) => r.projectId === ownProject)!.id;
  foreign = reports.find((r) => r.projectId !== ownProject)!.id;
  clock = new Date('2021-06-03T02:00:00Z');
});
afterEach(async () => {
  await h.close();
});

async function upload(token: string, reportId: string, name: string, bytes: Uint8Array<ArrayBuffer>) {
  const form = new FormData();
  form.append('file', new File([bytes], name));
  const res = await app.request(`/api/reports/${reportId}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: res.status, json: (await res.json()) as any };
}

/** A body each report route accepts, so a refusal can only come from the scope check. */
function validBody(op: { method: string; path: string }): unknown {
  if (op.method === 'GET' || op.path.endsWith('/approve')) return undefined;
  if (op.path.endsWith('/return')) return { reason: '越权退回' };
  if (op.path.endsWith('/corrections')) return { completedMonth: 1, reason: '越权更正' };
  return { completedMonth: 1, progress: '越权填报' };
}

describe(`the monthly round over the API (${testDialect()})`, () => {
  it('lets a reporter fill and submit its own report, and refuses another unit’s, edits after submission and after the lock', async () => {
    const r = tokens.reporter;
    for (const [method, path, body] of [
      ['GET', `/api/reports/${foreign}`, undefined],
      ['PUT', `/api/reports/${foreign}`, { completedMonth: 1_000_000 }],
      ['POST', `/api/reports/${foreign}/submit`, { completedMonth: 1_000_000 }],
    ] as const) {
      const res = await call(app, r, method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(JSON.stringify(res.json)).not.toContain(FOREIGN_NAME);
    }
    expect((await upload(r, foreign, 'site.png', PNG)).status).toBe(403);

    // Bad amounts are refused at the edge in the clerk's words, on their field.
    for (const [value, message] of [[1.5, '当月完成投资必须是整数元'], ['300万', '当月完成投资应为数字（整数元）'], [-1, '当月完成投资不能为负数']] as const) {
      const bad = await call(app, r, 'PUT', `/api/reports/${own}`, { completedMonth: value });
      expect([bad.status, bad.json.error.details]).toEqual([422, [{ field: 'completedMonth', message }]]);
    }
    const saved = await call(app, r, 'PUT', `/api/reports/${own}`, { completedMonth: 3_000_000, progress: '管网铺设过半' });
    expect(saved.status).toBe(200);
    expect(saved.json.figures).toEqual({ month: 3_000_000, ytd: 5_000_000, sinceStart: 5_000_000 });
    expect((await upload(r, own, '现场照片.png', PNG)).status).toBe(201);
    const submitted = await call(app, r, 'POST', `/api/reports/${own}/submit`);
    expect([submitted.status, submitted.json.status]).toEqual([200, 'submitted']);

    const afterSubmit = await call(app, r, 'PUT', `/api/reports/${own}`, { completedMonth: 9 });
    expect([afterSubmit.status, afterSubmit.json.error.message]).toEqual([409, '已提交，等待审核，不能修改']);
    expect((await upload(r, own, 'more.png', PNG)).status).toBe(409);
    expect((await call(app, r, 'POST', `/api/reports/${own}/approve`)).status).toBe(403);

    const approved = await call(app, tokens.dispatcher, 'POST', `/api/reports/${own}/approve`);
    expect(approved.json.status).toBe('approved');
    expect((await call(app, tokens.dispatcher, 'POST', `/api/rounds/${roundId}/close`)).json.status).toBe('closed');

    const afterLock = await call(app, tokens.otherReporter, 'POST', `/api/reports/${foreign}/submit`, { completedMonth: 1_000_000 });
    expect([afterLock.status, afterLock.json.error.message]).toEqual([409, '本月月报已关闭，不能再修改']);
    expect((await call(app, r, 'PUT', `/api/reports/${own}`, { completedMonth: 1 })).status).toBe(409);
    const figure = (await call(app, tokens.dispatcher, 'GET', `/api/reports/${own}`)).json.figures;
    expect(figure.month).toBe(3_000_000);

    // After the lock a figure changes only through a correction, decided by the dispatcher.
    const asked = await call(app, r, 'POST', `/api/reports/${own}/corrections`, { completedMonth: 3_200_000, reason: '漏报设备款' });
    expect([asked.status, asked.json.oldValue, asked.json.newValue]).toEqual([201, 3_000_000, 3_200_000]);
    expect((await call(app, r, 'POST', `/api/corrections/${asked.json.id}/decision`, { approve: true })).status).toBe(403);
    expect((await call(app, tokens.otherReporter, 'GET', '/api/corrections')).json.corrections).toEqual([]);
    const decided = await call(app, tokens.dispatcher, 'POST', `/api/corrections/${asked.json.id}/decision`, { approve: true });
    expect(decided.json.status).toBe('approved');
    expect((await call(app, r, 'GET', `/api/reports/${own}`)).json.figures.month).toBe(3_200_000);
  });

  it('answers 403 or 404 on every round route that names another unit’s report, and leaks nothing of it', async () => {
    const doc = (await call(app, null, 'GET', '/api/openapi.json')).json as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => ({ method: m.toUpperCase(), path })));
    const reportRoutes = routes.filter((op) => op.path.startsWith('/reports/{id}'));
    expect(reportRoutes.length).toBeGreaterThanOrEqual(7);
    for (const op of reportRoutes) {
      const path = `/api${op.path.replace('{id}', foreign)}`;
      const res = op.path.endsWith('/attachments') ? await upload(tokens.reporter, foreign, 'a.png', PNG) : await call(app, tokens.reporter, op.method, path, validBody(op));
      expect([403, 404], `${op.method} ${op.path} answered ${res.status}`).toContain(res.status);
      expect(JSON.stringify(res.json)).not.toContain(FOREIGN_NAME);
    }
    const theirs = (await call(app, tokens.dispatcher, 'GET', `/api/reports/${foreign}`)).json;
    expect([theirs.status, theirs.completedMonth, theirs.progress, theirs.version]).toEqual(['draft', null, null, 1]);
    // The reporter's lists hold its own unit's reports only.
    const list = await call(app, tokens.reporter, 'GET', `/api/rounds/${roundId}/reports`);
    expect(list.json.reports.map((x: { id: string }) => x.id)).toEqual([own]);
    // Running the round is the dispatcher's: a reporter cannot close it, approve a unit, or set its robot.
    expect((await call(app, tokens.reporter, 'POST', `/api/rounds/${roundId}/close`)).status).toBe(403);
    expect((await call(app, tokens.reporter, 'POST', `/api/rounds/${roundId}/units/${f.units.guhan}/approve`)).status).toBe(403);
    expect((await call(app, tokens.reporter, 'PUT', `/api/units/${f.units.guhan}/webhook`, { kind: 'wecom', url: 'http://127.0.0.1:1/x' })).status).toBe(403);
    expect((await call(app, tokens.reporter, 'POST', '/api/rounds', { regionCode: COUNTY, month: '2021-04' })).status).toBe(403);
    // Nor move its deadline, reopen it for a unit or lock it again.
    expect((await call(app, tokens.reporter, 'POST', `/api/rounds/${roundId}/deadline`, { deadline: '2021-06-09T18:00:00+08:00' })).status).toBe(403);
    expect((await call(app, tokens.reporter, 'POST', `/api/rounds/${roundId}/units/${f.units.guhan}/reopen`, { reason: '越权补报' })).status).toBe(403);
    expect((await call(app, tokens.reporter, 'POST', `/api/rounds/${roundId}/units/${f.units.guhan}/relock`)).status).toBe(403);
    // A reporter's landing is its own work; the dispatcher's is the county's dashboard.
    expect((await call(app, tokens.reporter, 'GET', '/api/my-work')).json.unitName).toBe('古韩镇人民政府');
    expect((await call(app, tokens.dispatcher, 'GET', '/api/my-work')).status).toBe(403);
  });

  it('takes photos and PDFs as evidence, refuses other files with the reason, and serves them back', async () => {
    const bad = await upload(tokens.reporter, own, 'notes.txt', new TextEncoder().encode('not a photo'));
    expect([bad.status, bad.json.error.details[0].message]).toEqual([422, 'notes.txt：只能上传照片（JPG、PNG、WEBP、HEIC）或PDF文件']);
    const good = await upload(tokens.reporter, own, '现场照片.png', PNG);
    expect(good.json).toMatchObject({ fileName: '现场照片.png', mimeType: 'image/png', size: PNG.length });
    const res = await app.request(`/api/attachments/${good.json.id}`, { headers: { authorization: `Bearer ${tokens.dispatcher}` } });
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PNG);
    const denied = await app.request(`/api/attachments/${good.json.id}`, { headers: { authorization: `Bearer ${tokens.otherReporter}` } });
    expect(denied.status).toBe(403);
    expect((await call(app, tokens.reporter, 'GET', `/api/reports/${own}`)).json.attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['现场照片.png']);
  });

  it('counts on-time, late, missing and returned reports per unit on the scoreboard, for leaders too', async () => {
    // 古韩镇: one report, submitted on time then returned. 王桥镇: nothing until after the deadline, then late.
    await call(app, tokens.reporter, 'POST', `/api/reports/${own}/submit`, { completedMonth: 1_000_000 });
    await call(app, tokens.dispatcher, 'POST', `/api/reports/${own}/return`, { reason: '请附现场照片' });
    const before = (await call(app, tokens.leader, 'GET', `/api/rounds/${roundId}/scoreboard`)).json;
    expect(before.total).toMatchObject({ due: 2, onTime: 1, pending: 1, missing: 0, returned: 1 });
    clock = new Date('2021-06-06T02:00:00Z');
    const mid = (await call(app, tokens.leader, 'GET', `/api/rounds/${roundId}/scoreboard`)).json;
    expect(mid.rows.find((r: { unitName: string }) => r.unitName === '王桥镇人民政府')).toMatchObject({ due: 1, missing: 1, late: 0, timelinessRate: 0 });
    await call(app, tokens.otherReporter, 'POST', `/api/reports/${foreign}/submit`, { completedMonth: 500_000 });
    const after = (await call(app, tokens.leader, 'GET', `/api/rounds/${roundId}/scoreboard`)).json;
    const byUnit = Object.fromEntries(after.rows.map((r: { unitName: string }) => [r.unitName, r]));
    expect(byUnit['古韩镇人民政府']).toMatchObject({ due: 1, onTime: 1, late: 0, returned: 1, submitted: 0, timelinessRate: 1 });
    expect(byUnit['王桥镇人民政府']).toMatchObject({ due: 1, onTime: 0, late: 1, missing: 0, submitted: 1, timelinessRate: 0 });
    expect(after.total).toMatchObject({ due: 2, onTime: 1, late: 1, timelinessRate: 0.5 });
    // A reporter sees its own unit's line only.
    const mine = (await call(app, tokens.reporter, 'GET', `/api/rounds/${roundId}/scoreboard`)).json;
    expect(mine.rows.map((r: { unitName: string }) => r.unitName)).toEqual(['古韩镇人民政府']);
  });

  it('exports the round’s figures to Excel in 万元', async () => {
    await call(app, tokens.reporter, 'POST', `/api/reports/${own}/submit`, { completedMonth: 3_000_000, progress: '=HYPERLINK("x")' });
    const res = await app.request(`/api/rounds/${roundId}/export`, { headers: { authorization: `Bearer ${tokens.dispatcher}` } });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('襄垣县2021年5月重点项目月报');
    expect(sheet.getRow(3).getCell(7).value).toBe('1-5月累计完成投资');
    const rows = [4, 5].map((n) => sheet.getRow(n).values as unknown[]);
    const heating = rows.find((v) => v[3] === '古韩镇集中供热改造工程')!;
    expect([heating[5], heating[6], heating[7], heating[8], heating[9]]).toEqual(['已提交', 300, 500, 4000, '\'=HYPERLINK("x")']);
  });

  it('keeps the round calendar in the county’s settings: changed by its dispatcher, checked whole, used by its next round, refused to another county', async () => {
    expect((await call(app, tokens.reporter, 'PUT', '/api/round-settings', { region: COUNTY, deadlineDay: 8 })).status).toBe(403);
    const bad = await call(app, tokens.dispatcher, 'PUT', '/api/round-settings', { region: COUNTY, deadlineHour: 25 });
    expect([bad.status, bad.json.error.details[0].field]).toEqual([422, 'deadlineHour']);
    const changed = await call(app, tokens.dispatcher, 'PUT', '/api/round-settings', { region: COUNTY, deadlineDay: 8, graceDays: 1 });
    expect(changed.json).toMatchObject({ region: COUNTY, openDay: 1, deadlineDay: 8, deadlineHour: 18, graceDays: 1 });
    expect((await call(app, tokens.leader, 'GET', `/api/round-settings?region=${COUNTY}`)).json).toMatchObject({ deadlineDay: 8, graceDays: 1 });

    // 平顺县's dispatcher changes 平顺县's calendar, and is refused 襄垣县's; neither touches the other.
    const pingshun = await signInAs(app, 't-pingshun', PASSWORD);
    const cross = await call(app, pingshun, 'PUT', '/api/round-settings', { region: COUNTY, deadlineDay: 20 });
    expect([cross.status, cross.json.error.code]).toEqual([403, 'forbidden']);
    expect((await call(app, pingshun, 'PUT', '/api/round-settings', { region: '140425', deadlineDay: 10 })).json).toMatchObject({ region: '140425', deadlineDay: 10 });
    expect((await call(app, pingshun, 'PUT', '/api/current-month', { region: COUNTY, month: '2021-03' })).status).toBe(403);
    expect((await call(app, tokens.dispatcher, 'GET', `/api/round-settings?region=${COUNTY}`)).json.deadlineDay).toBe(8);

    clock = new Date('2021-05-02T00:00:00Z');
    const april = await call(app, tokens.dispatcher, 'POST', '/api/rounds', { regionCode: COUNTY, month: '2021-04' });
    expect([april.json.deadline, april.json.graceUntil, april.json.deadlineBasis]).toEqual(['2021-05-08T10:00:00.000Z', '2021-05-09T10:00:00.000Z', 'calendar']);
  });
});
