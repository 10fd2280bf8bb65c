// 入库 as a workflow: refused changes change nothing, every change is in the history, the 开工未入库 list with its months
// and colours, scopes by unit, and the statistics office's cut-offs.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { SYSTEM_ACTOR } from '../../src/domain/access.ts';
import { isAppError, type AppError } from '../../src/domain/errors.ts';
import { wholeMonthsSince } from '../../src/domain/stats-entry/unentered-flag.ts';
import { findUserByUsername } from '../../src/db/repositories/user.repository.ts';
import { actorOf } from '../../src/services/auth/sessions.ts';
import { createDemo, DEMO_AS_OF, DEMO_REGION } from '../../src/demo/create-demo.ts';
import { getProject, getProjectHistory } from '../../src/services/get-project.ts';
import { changeStatsEntry, getCutOffs, getStatsEntry, listUnentered, setCutOffs } from '../../src/services/stats-entry.ts';
import { addProject, seedCounty, WANGQIAO, type CountyFixture } from '../support/factories.ts';
import { openTestDatabase, testDialect } from '../support/test-db.ts';

const NOW = new Date('2021-06-10T08:00:00Z');
const ALL_MATERIALS = ['approvalDocument', 'constructionContract', 'sitePhotos', 'businessLicence'].map((item) => ({ item, done: true }));

let h: DatabaseHandle;
let f: CountyFixture;
let id: string;
beforeEach(async () => {
  h = await openTestDatabase();
  f = await seedCounty(h.db);
  id = await addProject(h.db, { name: '古韩镇集中供热改造工程', unitId: f.units.guhan, totalInvestment: 50_000_000, phase: 'newStart', annualPlan: 20_000_000, startedOn: '2021-03-20' });
});
afterEach(async () => {
  await h.close();
});

async function refusal(change: Record<string, unknown>, actor = f.actors.reporter): Promise<AppError> {
  try {
    await changeStatsEntry(h.db, { id, change }, actor, NOW);
  } catch (e) {
    if (isAppError(e)) return e;
    throw e;
  }
  throw new Error('the change was accepted');
}

const changes = async () => (await getProjectHistory(h.db, id, f.actors.dispatcher)).filter((e) => e.field !== 'created').map((e) => [e.field, e.before, e.after, e.userName]);

describe(`入库 workflow (${testDialect()})`, () => {
  it('refuses 已报送 without every material, naming what is missing, and changes nothing', async () => {
    await changeStatsEntry(h.db, { id, change: { materials: [{ item: 'approvalDocument', done: true }] } }, f.actors.reporter, NOW);
    const before = await getProject(h.db, id, f.actors.dispatcher);
    const historyBefore = await changes();
    const e = await refusal({ status: 'submitted', on: '2021-06-08', materials: [{ item: 'businessLicence', done: true }] });
    expect(e.code).toBe('invalid_input');
    expect(e.details).toEqual([{ field: 'status', message: '报送入库前须备齐材料，尚缺：施工合同、现场照片（注明日期）' }]);
    expect(await getProject(h.db, id, f.actors.dispatcher)).toEqual(before);
    expect(await changes()).toEqual(historyBefore);
    const view = await getStatsEntry(h.db, { id }, f.actors.reporter, NOW);
    expect(view.status).toBe('none');
    expect(view.materials.filter((m) => m.done).map((m) => m.item)).toEqual(['approvalDocument']);
  });

  it('submits with the materials, writing the status through the project and every change to its history', async () => {
    const view = await changeStatsEntry(h.db, { id, change: { status: 'submitted', on: '2021-06-08', notes: '已报县统计局', materials: ALL_MATERIALS } }, f.actors.reporter, NOW);
    expect(view).toMatchObject({ status: 'submitted', statusOn: '2021-06-08', notes: '已报县统计局', missing: [], updatedByName: 't-reporter', version: 2 });
    expect(view.materials.every((m) => m.done && m.markedOn === '2021-06-10' && m.markedByName === 't-reporter')).toBe(true);
    expect((await getProject(h.db, id, f.actors.dispatcher)).project).toMatchObject({ statsEntry: 'submitted', version: 2 });
    expect(await changes()).toEqual(expect.arrayContaining([
      ['statsEntry', 'none', 'submitted', 't-reporter'],
      ['statsEntry.on', null, '2021-06-08', 't-reporter'],
      ['statsEntry.notes', null, '已报县统计局', 't-reporter'],
      ['statsEntry.materials.constructionContract', 'false', 'true', 't-reporter'],
      ['statsEntry.materials.sitePhotos', 'false', 'true', 't-reporter'],
    ]));
    expect(await changes()).toHaveLength(7);

    // A note alone keeps the mark of who ticked the item.
    const noted = await changeStatsEntry(h.db, { id, change: { materials: [{ item: 'sitePhotos', done: true, note: '照片拍摄于2021-06-05' }] } }, f.actors.dispatcher, new Date('2021-06-12T08:00:00Z'));
    expect(noted.materials.find((m) => m.item === 'sitePhotos')).toMatchObject({ note: '照片拍摄于2021-06-05', markedOn: '2021-06-10', markedByName: 't-reporter' });
    expect((await changes())[0]).toEqual(['statsEntry.materials.sitePhotos.note', null, '照片拍摄于2021-06-05', 't-dispatcher']);
  });

  it('gives a new status today’s date when none is given', async () => {
    await changeStatsEntry(h.db, { id, change: { status: 'preparing' } }, f.actors.reporter, NOW);
    expect((await getStatsEntry(h.db, { id }, f.actors.reporter, NOW)).statusOn).toBe('2021-06-10');
  });

  it('refuses 不予入库 without a reason, keeps the reason while refused and drops it when the file moves on', async () => {
    await changeStatsEntry(h.db, { id, change: { status: 'submitted', on: '2021-05-08', materials: ALL_MATERIALS } }, f.actors.dispatcher, NOW);
    const before = await getProject(h.db, id, f.actors.dispatcher);
    const e = await refusal({ status: 'refused', on: '2021-05-25' }, f.actors.dispatcher);
    expect(e.details).toEqual([{ field: 'reason', message: '不予入库须填写原因' }]);
    expect(await getProject(h.db, id, f.actors.dispatcher)).toEqual(before);

    const refused = await changeStatsEntry(h.db, { id, change: { status: 'refused', on: '2021-05-25', reason: '施工合同签订主体与备案主体不一致' } }, f.actors.dispatcher, NOW);
    expect(refused).toMatchObject({ status: 'refused', statusOn: '2021-05-25', reason: '施工合同签订主体与备案主体不一致' });
    const again = await changeStatsEntry(h.db, { id, change: { status: 'preparing', on: '2021-06-01' } }, f.actors.dispatcher, NOW);
    expect(again).toMatchObject({ status: 'preparing', reason: null });
    expect(await changes()).toEqual(expect.arrayContaining([
      ['statsEntry', 'submitted', 'refused', 't-dispatcher'],
      ['statsEntry.reason', null, '施工合同签订主体与备案主体不一致', 't-dispatcher'],
      ['statsEntry.reason', '施工合同签订主体与备案主体不一致', null, 't-dispatcher'],
    ]));
  });

  it('refuses a status day in the future, a reason outside 不予入库, and a project under 500 万元', async () => {
    expect((await refusal({ status: 'preparing', on: '2021-06-11' })).details.map((d) => d.field)).toEqual(['on']);
    expect((await refusal({ status: 'preparing', reason: '无' })).details.map((d) => d.field)).toEqual(['reason']);
    const small = await addProject(h.db, { name: '古韩镇小型维修工程', unitId: f.units.guhan, totalInvestment: 4_000_000, phase: 'newStart', annualPlan: 1_000_000 });
    await expect(changeStatsEntry(h.db, { id: small, change: { status: 'preparing' } }, f.actors.dispatcher, NOW)).rejects.toThrow(/不足500万元/);
    expect((await getStatsEntry(h.db, { id: small }, f.actors.dispatcher, NOW)).applies).toBe(false);
  });

  it('lets the unit’s reporter and the dispatcher change it, and refuses another unit, a leader and a viewer', async () => {
    for (const actor of [f.actors.otherReporter, f.actors.otherCounty]) {
      await expect(getStatsEntry(h.db, { id }, actor, NOW)).rejects.toMatchObject({ code: 'forbidden' });
    }
    for (const actor of [f.actors.otherReporter, f.actors.leader, f.actors.viewer, f.actors.otherCounty]) {
      await expect(changeStatsEntry(h.db, { id, change: { notes: '越权' } }, actor, NOW)).rejects.toMatchObject({ code: 'forbidden' });
    }
    expect((await getStatsEntry(h.db, { id }, f.actors.leader, NOW)).canEdit).toBe(false);
    expect((await getStatsEntry(h.db, { id }, f.actors.reporter, NOW)).canEdit).toBe(true);
    expect(await changes()).toEqual([]);
  });

  it('refuses a change made on a stale version', async () => {
    await changeStatsEntry(h.db, { id, change: { status: 'preparing', version: 1 } }, f.actors.dispatcher, NOW);
    await expect(changeStatsEntry(h.db, { id, change: { status: 'none', version: 1 } }, f.actors.dispatcher, NOW)).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe(`开工未入库 (${testDialect()})`, () => {
  beforeEach(async () => {
    // The project of the outer beforeEach started 2021-03-20: red at the end of May.
    await addProject(h.db, { name: '王桥镇污水处理厂提标改造工程', unitId: f.units.wangqiao, townshipCode: WANGQIAO, totalInvestment: 126_000_000, phase: 'newStart', annualPlan: 60_000_000, startedOn: '2021-04-23' });
    await addProject(h.db, { name: '古韩镇农贸市场改造工程', unitId: f.units.guhan, totalInvestment: 8_000_000, phase: 'newStart', annualPlan: 8_000_000, startedOn: '2021-05-16' });
    const entered = await addProject(h.db, { name: '古韩镇已入库项目', unitId: f.units.guhan, totalInvestment: 30_000_000, phase: 'newStart', annualPlan: 10_000_000, startedOn: '2021-02-10' });
    await changeStatsEntry(h.db, { id: entered, change: { status: 'entered', on: '2021-03-25' } }, f.actors.dispatcher, NOW);
    await addProject(h.db, { name: '古韩镇小型维修工程', unitId: f.units.guhan, totalInvestment: 4_990_000, phase: 'newStart', annualPlan: 1_000_000, startedOn: '2021-02-01' });
    await addProject(h.db, { name: '古韩镇未开工项目', unitId: f.units.guhan, totalInvestment: 90_000_000, phase: 'newStart', annualPlan: 1_000_000, startedOn: null, stage: 'preparing' });
    await addProject(h.db, { name: '古韩镇撤销项目', unitId: f.units.guhan, totalInvestment: 90_000_000, phase: 'newStart', annualPlan: 1_000_000, startedOn: '2021-01-05', stage: 'cancelled' });
  });

  it('lists the started projects of 500 万元 and more not entered, with months since the start and their colour', async () => {
    const list = await listUnentered(h.db, { region: '140423', asOf: '2021-05' }, f.actors.dispatcher, NOW);
    expect(list.day).toBe('2021-05-31');
    expect(list.counts).toEqual({ total: 3, red: 1, yellow: 1, green: 1 });
    expect(list.rows.map((r) => [r.name, r.startedOn, r.months, r.colour, r.statsEntry])).toEqual([
      ['古韩镇集中供热改造工程', '2021-03-20', 2, 'red', 'none'],
      ['王桥镇污水处理厂提标改造工程', '2021-04-23', 1, 'yellow', 'none'],
      ['古韩镇农贸市场改造工程', '2021-05-16', 0, 'green', 'none'],
    ]);
    expect(list.cutOffs).toMatchObject({ materialsBy: '2021-06-10', verificationBy: '2021-06-25' });

    // A month earlier the May project had not started and the March one was yellow; today (10 June) the April one has 1 month.
    const april = await listUnentered(h.db, { region: '140423', asOf: '2021-04' }, f.actors.dispatcher, NOW);
    expect(april.rows.map((r) => [r.months, r.colour])).toEqual([[1, 'yellow'], [0, 'green']]);
    const today = await listUnentered(h.db, { region: '140423' }, f.actors.dispatcher, NOW);
    expect(today.day).toBe('2021-06-10');
    expect(today.counts).toEqual({ total: 3, red: 1, yellow: 1, green: 1 });

    const red = await listUnentered(h.db, { region: '140423', asOf: '2021-05', colour: 'red' }, f.actors.dispatcher, NOW);
    expect(red.rows.map((r) => r.name)).toEqual(['古韩镇集中供热改造工程']);
    expect(red.matching).toBe(1);
    expect(red.counts.total).toBe(3);
    const town = await listUnentered(h.db, { region: WANGQIAO, asOf: '2021-05' }, f.actors.viewer, NOW);
    expect(town.rows.map((r) => r.name)).toEqual(['王桥镇污水处理厂提标改造工程']);
  });

  it('shows a reporter its own unit’s projects only, and refuses another county', async () => {
    const own = await listUnentered(h.db, { region: '140423', asOf: '2021-05', unit: f.units.wangqiao }, f.actors.reporter, NOW);
    expect(own.rows.map((r) => r.name)).toEqual(['古韩镇集中供热改造工程', '古韩镇农贸市场改造工程']);
    expect(own.counts.total).toBe(2);
    await expect(listUnentered(h.db, { region: '140423', asOf: '2021-05' }, f.actors.otherCounty, NOW)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('drops a project from the list once it is entered', async () => {
    await changeStatsEntry(h.db, { id, change: { status: 'entered', on: '2021-05-25' } }, f.actors.dispatcher, NOW);
    const list = await listUnentered(h.db, { region: '140423', asOf: '2021-05' }, f.actors.dispatcher, NOW);
    expect(list.rows.map((r) => r.name)).not.toContain('古韩镇集中供热改造工程');
    expect((await getStatsEntry(h.db, { id, asOf: '2021-05' }, f.actors.dispatcher, NOW)).flag).toBeNull();
  });
});

describe(`cut-offs (${testDialect()})`, () => {
  it('are the 10th and the 25th unless the county sets its own, which the dispatcher may and a reporter may not', async () => {
    expect(await getCutOffs(h.db, { region: '140423' }, f.actors.reporter, NOW)).toEqual({
      day: '2021-06-10', materialsDay: 10, verificationDay: 25, materialsBy: '2021-06-10', verificationBy: '2021-06-25',
    });
    await expect(setCutOffs(h.db, { region: '140423', materialsDay: 8, verificationDay: 20 }, f.actors.reporter, NOW)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(setCutOffs(h.db, { region: '140423', materialsDay: 20, verificationDay: 8 }, f.actors.dispatcher, NOW)).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(setCutOffs(h.db, { region: '140423', materialsDay: 30, verificationDay: 31 }, f.actors.dispatcher, NOW)).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await setCutOffs(h.db, { region: '140423', materialsDay: 8, verificationDay: 20 }, f.actors.dispatcher, NOW)).toMatchObject({
      materialsBy: '2021-07-08', verificationBy: '2021-06-20',
    });
    // Another county keeps the defaults.
    expect(await getCutOffs(h.db, { region: '140425' }, f.actors.otherCounty, NOW)).toMatchObject({ materialsDay: 10, verificationDay: 25 });
    expect((await getStatsEntry(h.db, { id }, f.actors.reporter, NOW)).cutOffs).toMatchObject({ materialsDay: 8, verificationDay: 20 });
  });
});

describe(`the demo county’s 入库 (${testDialect()})`, () => {
  it('has a spread of statuses with their files, and a 开工未入库 list that is not empty', async () => {
    const demo = await openTestDatabase();
    try {
      await createDemo(demo.db, new Date('2021-06-01T08:00:00Z'));
      const list = await listUnentered(demo.db, { region: DEMO_REGION, asOf: DEMO_AS_OF, pageSize: 500 }, SYSTEM_ACTOR, NOW);
      expect(list.counts.total).toBeGreaterThan(10);
      expect(list.counts.yellow).toBeGreaterThan(0);
      expect(new Set(list.rows.map((r) => r.statsEntry))).toEqual(new Set(['submitted', 'preparing', 'refused']));
      for (const r of list.rows) expect(r.months, r.name).toBe(wholeMonthsSince(r.startedOn, '2021-05-31'));

      const refused = list.rows.find((r) => r.statsEntry === 'refused')!;
      const file = await getStatsEntry(demo.db, { id: refused.id, asOf: DEMO_AS_OF }, SYSTEM_ACTOR, NOW);
      expect(file).toMatchObject({ reason: '施工合同签订主体与备案主体不一致', missing: [] });
      expect(file.statusOn! >= refused.startedOn && file.statusOn! <= '2021-05-31').toBe(true);
      const preparing = list.rows.find((r) => r.statsEntry === 'preparing')!;
      expect((await getStatsEntry(demo.db, { id: preparing.id }, SYSTEM_ACTOR, NOW)).missing).toContain('constructionContract');
      // A reporter sees its own unit's part of the list, marked by its own account.
      const reporter = actorOf((await findUserByUsername(demo.db, 'reporter'))!);
      const own = await listUnentered(demo.db, { region: DEMO_REGION, asOf: DEMO_AS_OF, pageSize: 500 }, reporter, NOW);
      expect(own.rows.every((r) => r.unitId === reporter.unitId)).toBe(true);
    } finally {
      await demo.close();
    }
  });
});
