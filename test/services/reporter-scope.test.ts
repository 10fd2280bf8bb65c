// What a reporter may not change directly: 已入库 (by any route), and the stage, its days and the earlier years' completed
// investment (only through the monthly round's report, which the dispatcher reviews). The dispatcher may.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import type { Actor } from '../../src/domain/access.ts';
import { createProject } from '../../src/services/create-project.ts';
import { getProject, getProjectHistory } from '../../src/services/get-project.ts';
import { changeStatsEntry } from '../../src/services/stats-entry.ts';
import { updateProject } from '../../src/services/update-project.ts';
import { addProject, COUNTY, GUHAN, seedCounty, type CountyFixture } from '../support/factories.ts';
import { refused } from '../support/refused.ts';
import { openTestDatabase, testDialect } from '../support/test-db.ts';

const NOW = new Date('2021-06-10T08:00:00Z');

let h: DatabaseHandle;
let f: CountyFixture;
let id: string;
beforeEach(async () => {
  h = await openTestDatabase();
  f = await seedCounty(h.db);
  id = await addProject(h.db, { name: '古韩镇集中供热改造工程', unitId: f.units.guhan, stage: 'preparing', totalInvestment: 50_000_000, phase: 'newStart', annualPlan: 20_000_000 });
});
afterEach(async () => {
  await h.close();
});

/** The project and its history, to show a refusal changed nothing. */
const stored = async () => [await getProject(h.db, id, f.actors.dispatcher), await getProjectHistory(h.db, id, f.actors.dispatcher)];
const edit = (patch: Record<string, unknown>, actor: Actor) => updateProject(h.db, { id, patch }, actor, NOW);

describe(`a reporter's edits the round reviews (${testDialect()})`, () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['the stage and start date', { stage: 'underway', startedOn: '2021-05-20' }, ['stage', 'startedOn']],
    ['the earlier years’ completed investment', { completedBefore: 3_000_000 }, ['completedBefore']],
    ['a completion day', { stage: 'completed', startedOn: '2021-03-01', completedOn: '2021-06-01' }, ['stage', 'startedOn', 'completedOn']],
    ['the year’s 复工 day', { years: [{ year: 2021, phase: 'continuing', annualPlan: 20_000_000, resumedOn: '2021-03-15' }] }, ['years.2021.resumedOn']],
  ])('refuses a reporter changing %s directly, naming each field, and changes nothing', async (_, patch, fields) => {
    const before = await stored();
    const e = await refused(edit(patch, f.actors.reporter));
    expect(e.code).toBe('forbidden');
    expect(e.details.map((d) => d.field)).toEqual(fields);
    expect(e.message).toContain('随月报经调度员审核后更新，填报员不能直接修改');
    expect(await stored()).toEqual(before);
  });

  it('lets the dispatcher change the stage, the start date and the earlier years’ completed investment', async () => {
    await edit({ stage: 'underway', startedOn: '2021-05-20', completedBefore: 3_000_000 }, f.actors.dispatcher);
    expect((await getProject(h.db, id, f.actors.dispatcher)).project).toMatchObject({ stage: 'underway', startedOn: '2021-05-20', completedBefore: 3_000_000, version: 2 });
  });

  it('still lets a reporter edit its other fields, and send the stage as it stands', async () => {
    await edit({ stage: 'preparing', startedOn: null, completedBefore: 0, notes: '已办理施工许可', permitOn: '2021-05-30' }, f.actors.reporter);
    expect((await getProject(h.db, id, f.actors.dispatcher)).project).toMatchObject({ stage: 'preparing', notes: '已办理施工许可', permitOn: '2021-05-30', version: 2 });
  });
});

describe(`已入库 is the dispatcher's to record (${testDialect()})`, () => {
  const ALL_MATERIALS = ['approvalDocument', 'constructionContract', 'sitePhotos', 'businessLicence'].map((item) => ({ item, done: true }));
  const enter = (actor: Actor) => changeStatsEntry(h.db, { id, change: { status: 'entered', on: '2021-06-05', materials: ALL_MATERIALS } }, actor, NOW);

  it('refuses a reporter setting 已入库 in the 入库 panel, and changes nothing', async () => {
    const before = await stored();
    const e = await refused(enter(f.actors.reporter));
    expect([e.code, e.message]).toEqual(['forbidden', '“已入库”由调度员根据统计部门的入库结果登记，填报员不能设为或撤销“已入库”']);
    expect(await stored()).toEqual(before);
    // The reporter's own part of the workflow stays open: preparing and submitting the file.
    await changeStatsEntry(h.db, { id, change: { status: 'submitted', on: '2021-06-05', materials: ALL_MATERIALS } }, f.actors.reporter, NOW);
    expect((await getProject(h.db, id, f.actors.dispatcher)).project.statsEntry).toBe('submitted');
  });

  it('lets the dispatcher set it, and refuses the reporter taking it back', async () => {
    await enter(f.actors.dispatcher);
    expect((await getProject(h.db, id, f.actors.dispatcher)).project.statsEntry).toBe('entered');
    const before = await stored();
    const e = await refused(changeStatsEntry(h.db, { id, change: { status: 'submitted' } }, f.actors.reporter, NOW));
    expect(e.code).toBe('forbidden');
    expect(await stored()).toEqual(before);
  });

  it('refuses it through the project edit and on a new project for a reporter, not for the dispatcher', async () => {
    expect((await refused(edit({ statsEntry: 'entered' }, f.actors.reporter))).details.map((d) => d.field)).toEqual(['statsEntry']);
    const project = { regionCode: COUNTY, name: '古韩镇农贸市场改造工程', unitId: f.units.guhan, townshipCode: GUHAN, totalInvestment: 8_000_000, statsEntry: 'entered' };
    expect((await refused(createProject(h.db, project, f.actors.reporter, NOW))).code).toBe('forbidden');
    expect((await createProject(h.db, project, f.actors.dispatcher, NOW)).statsEntry).toBe('entered');
    expect((await createProject(h.db, { ...project, statsEntry: 'preparing' }, f.actors.reporter, NOW)).statsEntry).toBe('preparing');
  });
});
