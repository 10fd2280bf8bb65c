// An item's whole life through the API, on both databases: a reporter's problem raised in a monthly report waits on
// the board, the dispatcher assigns it, the unit signs, reports progress with a photo, asks to close it out, is sent
// back, asks again, the dispatcher closes it, and reopens it when it recurs — every step in its history, and each
// person refused what is not theirs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { openRound } from '../../src/services/round/rounds.ts';
import { sendDueEscalations } from '../../src/services/supervision/escalation.ts';
import { addProject, COUNTY, PASSWORD, seedCounty, type CountyFixture } from '../support/factories.ts';
import { call, signInAs } from '../support/api.ts';
import { openTestDatabase } from '../support/test-db.ts';

let handle: DatabaseHandle;
let fx: CountyFixture;
let clock = new Date('2021-06-07T01:00:00Z'); // a Monday, 09:00 in 襄垣
let app: ReturnType<typeof createApp>;
const tokens: Record<string, string> = {};
let projectId = '';
let reportId = '';

// A real 1×1 PNG: the server judges evidence by its first bytes.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

beforeAll(async () => {
  handle = await openTestDatabase();
  fx = await seedCounty(handle.db);
  projectId = await addProject(handle.db, { name: '古韩镇污水管网改造', unitId: fx.units.guhan, totalInvestment: 30_000_000, phase: 'newStart', annualPlan: 10_000_000, startedOn: '2021-03-01', leaderId: fx.leaderId });
  await openRound(handle.db, { regionCode: COUNTY, month: '2021-05' }, fx.actors.dispatcher, new Date('2021-06-01T00:00:00Z'));
  app = createApp({ db: handle.db, now: () => clock });
  for (const who of ['dispatcher', 'reporter', 'otherReporter', 'leader', 'viewer'] as const) tokens[who] = await signInAs(app, fx.users[who].username, PASSWORD);
});

afterAll(async () => {
  await handle?.close();
});

const as = (who: string, method: string, path: string, body?: unknown) => call(app, tokens[who]!, method, path, body);

/** Moves the clock; a session ends after two idle hours, so everyone signs in again when the clock jumps. */
async function setClock(iso: string): Promise<void> {
  clock = new Date(iso);
  for (const who of Object.keys(tokens)) tokens[who] = await signInAs(app, fx.users[who as keyof CountyFixture['users']].username, PASSWORD);
}

describe('an item from a monthly report to its close-out', () => {
  let itemId = '';

  it('raises the report\'s problem as an item waiting to be assigned, the same day', async () => {
    const rounds = await as('reporter', 'GET', `/api/rounds?region=${COUNTY}`);
    const round = rounds.json.rounds[0];
    const reports = await as('reporter', 'GET', `/api/rounds/${round.id}/reports`);
    reportId = reports.json.reports.find((r: { projectId: string }) => r.projectId === projectId).id;
    const saved = await as('reporter', 'PUT', `/api/reports/${reportId}`, { completedMonth: 1_000_000, problems: ['管网穿越铁路需铁路部门审批', '材料涨价'] });
    expect(saved.status).toBe(200);
    expect(saved.json.problems.map((p: { description: string; itemStatus: string }) => [p.description, p.itemStatus])).toEqual([
      ['管网穿越铁路需铁路部门审批', 'raised'],
      ['材料涨价', 'raised'],
    ]);
    const board = await as('dispatcher', 'GET', `/api/items?region=${COUNTY}&on=2021-06-07`);
    expect(board.json.counts.raised).toBe(2);
    const item = board.json.items.find((i: { title: string }) => i.title === '管网穿越铁路需铁路部门审批');
    expect(item).toMatchObject({ kind: 'problem', source: 'report', status: 'raised', unitName: '古韩镇人民政府', projectName: '古韩镇污水管网改造', assignDue: '2021-06-07', solveDue: null });
    itemId = item.id;
  });

  it('takes back a line the unit removes before it is assigned', async () => {
    const saved = await as('reporter', 'PUT', `/api/reports/${reportId}`, { problems: ['管网穿越铁路需铁路部门审批'] });
    expect(saved.json.problems).toHaveLength(1);
    const board = await as('dispatcher', 'GET', `/api/items?region=${COUNTY}`);
    expect(board.json.items.map((i: { title: string }) => i.title)).toEqual(['管网穿越铁路需铁路部门审批']);
  });

  it('lets only the dispatcher assign it; the project\'s leader follows it and the 13710 clock starts', async () => {
    expect((await as('reporter', 'POST', `/api/items/${itemId}/assign`, { unitId: fx.units.guhan })).json.error).toMatchObject({ code: 'forbidden', message: '交办由调度员办理' });
    const assigned = await as('dispatcher', 'POST', `/api/items/${itemId}/assign`, { unitId: fx.units.guhan, level: 'ordinary', note: '请协调铁路部门' });
    expect(assigned.status).toBe(200);
    expect(assigned.json.item).toMatchObject({ status: 'assigned', assignedOn: '2021-06-07', leaderName: '王志强', feedbackDue: '2021-06-10', solveDue: '2021-06-14' });
    expect((await as('dispatcher', 'POST', `/api/items/${itemId}/assign`, { unitId: fx.units.guhan })).json.error).toMatchObject({ code: 'conflict', message: '该事项已交办' });
  });

  it('keeps an assigned problem on the board whatever the form says next', async () => {
    await as('reporter', 'PUT', `/api/reports/${reportId}`, { problems: [] });
    const board = await as('dispatcher', 'GET', `/api/items?region=${COUNTY}`);
    expect(board.json.items.map((i: { id: string }) => i.id)).toEqual([itemId]);
  });

  it('shows the unit its own item and not another unit\'s', async () => {
    expect((await as('otherReporter', 'GET', `/api/items/${itemId}`)).json.error.code).toBe('forbidden');
    expect((await as('otherReporter', 'GET', `/api/items?region=${COUNTY}`)).json.items).toEqual([]);
    const mine = await as('reporter', 'GET', `/api/items/${itemId}`);
    expect(mine.json).toMatchObject({ role: 'unit', actions: ['receive', 'progress', 'requestClose'] });
  });

  it('lets the unit sign, and report progress with a photo from its phone', async () => {
    await setClock('2021-06-08T02:00:00Z');
    expect((await as('reporter', 'POST', `/api/items/${itemId}/receive`, {})).json.item.status).toBe('received');
    const form = new FormData();
    form.append('file', new File([PNG], '现场.png', { type: 'image/png' }));
    const uploaded = await app.request(`/api/items/${itemId}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${tokens.reporter}` }, body: form });
    expect(uploaded.status).toBe(201);
    const photo = (await uploaded.json()) as { id: string };
    const progressed = await as('reporter', 'POST', `/api/items/${itemId}/progress`, { note: '已向太原铁路局报送穿越方案', attachmentIds: [photo.id] });
    expect(progressed.json.item).toMatchObject({ status: 'inProgress', feedbackOn: '2021-06-08' });
    expect(progressed.json.attachments[0]).toMatchObject({ fileName: '现场.png', eventId: progressed.json.history.at(-1).id });
    expect((await as('reporter', 'POST', `/api/items/${itemId}/progress`, { note: '' })).json.error.message).toBe('请填写进展情况');
    expect((await as('viewer', 'POST', `/api/items/${itemId}/progress`, { note: '看看' })).json.error.code).toBe('forbidden');
    expect((await as('reporter', 'POST', `/api/items/${itemId}/extend`, { newDue: '2021-06-30', reason: '等审批' })).json.error.message).toBe('延期由调度员办理');
  });

  it('lets the leader instruct on his project\'s item', async () => {
    const instructed = await as('leader', 'POST', `/api/items/${itemId}/instruct`, { note: '请发改局牵头对接铁路部门，本周内拿出方案' });
    expect(instructed.status).toBe(200);
    expect(instructed.json.role).toBe('leader');
  });

  it('sends a close-out back with a reason, and takes the second', async () => {
    await setClock('2021-06-10T02:00:00Z');
    expect((await as('dispatcher', 'POST', `/api/items/${itemId}/close`, {})).json.error.message).toBe('责任单位尚未申请销号');
    await as('reporter', 'POST', `/api/items/${itemId}/request-close`, { note: '铁路部门已同意' });
    const back = await as('dispatcher', 'POST', `/api/items/${itemId}/return`, { note: '请附铁路部门批复文件' });
    expect(back.json.item).toMatchObject({ status: 'returned', closeRequestedOn: null });
    await as('reporter', 'POST', `/api/items/${itemId}/request-close`, { note: '已附批复文件' });
    const closed = await as('dispatcher', 'POST', `/api/items/${itemId}/close`, { note: '同意销号' });
    expect(closed.json.item).toMatchObject({ status: 'closed', closedOn: '2021-06-10', overdue: null });
  });

  it('reopens it when the problem recurs, with new deadlines', async () => {
    await setClock('2021-07-01T02:00:00Z');
    const reopened = await as('dispatcher', 'POST', `/api/items/${itemId}/reopen`, { note: '铁路部门要求补充安全评估' });
    expect(reopened.json.item).toMatchObject({ status: 'assigned', assignedOn: '2021-07-01', reopenedCount: 1, feedbackOn: null, solveDue: '2021-07-08' });
  });

  it('keeps the whole life in its history, in order, with who did what', async () => {
    const detail = await as('dispatcher', 'GET', `/api/items/${itemId}`);
    expect(detail.json.history.map((e: { kind: string; fromStatus: string | null; toStatus: string; userName: string | null }) => [e.kind, e.fromStatus, e.toStatus, e.userName])).toEqual([
      ['raised', null, 'raised', 't-reporter'],
      ['assign', 'raised', 'assigned', 't-dispatcher'],
      ['receive', 'assigned', 'received', 't-reporter'],
      ['progress', 'received', 'inProgress', 't-reporter'],
      ['instruct', 'inProgress', 'inProgress', 't-leader'],
      ['requestClose', 'inProgress', 'closeRequested', 't-reporter'],
      ['return', 'closeRequested', 'returned', 't-dispatcher'],
      ['requestClose', 'returned', 'closeRequested', 't-reporter'],
      ['close', 'closeRequested', 'closed', 't-dispatcher'],
      ['reopen', 'closed', 'assigned', 't-dispatcher'],
    ]);
    expect(detail.json.history.find((e: { kind: string }) => e.kind === 'return').note).toBe('请附铁路部门批复文件');
  });
});

describe('items typed by the dispatcher', () => {
  it('refuses an assignment without a unit, and a deadline before the assignment', async () => {
    const r = await as('dispatcher', 'POST', '/api/items', { region: COUNTY, kind: 'task', title: '完成污水厂主体', source: 'workReport', dueOn: '2021-06-01' });
    expect(r.status).toBe(422);
    expect(r.json.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['dueOn', 'unitId']);
  });

  it('extends a deadline with a reason, and edits the particulars with a record of what changed', async () => {
    const created = await as('dispatcher', 'POST', '/api/items', { region: COUNTY, kind: 'task', title: '完成污水厂主体', source: 'workReport', unitId: fx.units.wangqiao, taskList: '项目建设攻坚', dueOn: '2021-09-30' });
    expect(created.status).toBe(201);
    const id = created.json.item.id;
    expect(created.json.item).toMatchObject({ status: 'assigned', solveDue: '2021-09-30', taskList: '项目建设攻坚' });
    expect((await as('dispatcher', 'POST', `/api/items/${id}/extend`, { newDue: '2021-09-30', reason: '雨季' })).json.error.message).toBe('延期后的期限应晚于原期限（2021-09-30）');
    const extended = await as('dispatcher', 'POST', `/api/items/${id}/extend`, { newDue: '2021-10-31', reason: '雨季停工一个月' });
    expect(extended.json.item.solveDue).toBe('2021-10-31');
    const edited = await as('dispatcher', 'PATCH', `/api/items/${id}`, { level: 'major', unitId: fx.units.guhan });
    expect(edited.json.history.at(-1).note).toBe('责任单位：王桥镇人民政府 → 古韩镇人民政府；级别：一般 → 重大');
  });

  it('lets a leader raise a problem for the dispatcher to assign, and not a viewer', async () => {
    const raised = await as('leader', 'POST', '/api/items', { region: COUNTY, kind: 'problem', title: '园区道路积水', source: 'leader', assign: true });
    expect(raised.json.item).toMatchObject({ status: 'raised', leaderName: '王志强' });
    expect((await as('viewer', 'POST', '/api/items', { region: COUNTY, kind: 'problem', title: '看看', source: 'other' })).status).toBe(403);
  });
});

describe('every {id} route of supervision, for another unit', () => {
  it('refuses another unit\'s reporter on each, telling nothing of the item; the unit itself reads them', async () => {
    const board = await as('dispatcher', 'GET', `/api/items?region=${COUNTY}`);
    const item = board.json.items.find((i: { title: string }) => i.title === '管网穿越铁路需铁路部门审批');
    // A letter for it: the reopened item's feedback deadline long missed.
    await sendDueEscalations(handle.db, new Date('2021-07-20T01:00:00Z'));
    await setClock('2021-07-20T02:00:00Z');
    const detail = (await as('reporter', 'GET', `/api/items/${item.id}`)).json;
    expect(detail.letters).toHaveLength(1);
    const ids: Record<string, string> = { '/items/{id}': item.id, '/item-attachments/{id}': detail.attachments[0].id, '/letters/{id}': detail.letters[0].id };
    const doc = (await call(app, null, 'GET', '/api/openapi.json')).json as { paths: Record<string, Record<string, unknown>> };
    const ops = Object.entries(doc.paths)
      .filter(([path]) => Object.keys(ids).some((p) => path.startsWith(p)))
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })));
    expect(ops.length).toBeGreaterThanOrEqual(14);
    for (const op of ops) {
      const id = ids[Object.keys(ids).find((p) => op.path.startsWith(p))!]!;
      const url = `/api${op.path.replace('{id}', id)}`;
      const res = op.path.endsWith('/attachments')
        ? await app.request(url, { method: 'POST', headers: { authorization: `Bearer ${tokens.otherReporter}` }, body: (() => { const f = new FormData(); f.append('file', new File([PNG], 'x.png', { type: 'image/png' })); return f; })() })
        : null;
      // A body each route takes, so the refusal can only be the scope's.
      const body = op.method === 'GET' ? undefined : op.method === 'PATCH' ? { title: '越权' } : op.path.endsWith('/extend') ? { newDue: '2021-12-31', reason: '越权' }
        : op.path.endsWith('/plan') ? { planDue: '2021-12-31', note: '越权' } : op.path.endsWith('/assign') ? { unitId: fx.units.wangqiao } : { note: '越权' };
      const status = res ? res.status : (await as('otherReporter', op.method, url, body)).status;
      expect([403, 404], `${op.method} ${op.path} answered ${status}`).toContain(status);
      if (op.method === 'GET') {
        const text = await (await app.request(url, { headers: { authorization: `Bearer ${tokens.otherReporter}` } })).text();
        expect(text).not.toContain('管网穿越铁路');
        expect((await app.request(url, { headers: { authorization: `Bearer ${tokens.reporter}` } })).status, `${op.path} for its own unit`).toBe(200);
      }
    }
  });
});
