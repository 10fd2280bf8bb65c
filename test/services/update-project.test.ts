// Editing a project: changes are recorded field by field; refused edits name the field and change nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { isAppError } from '../../src/domain/errors.ts';
import { getProject, getProjectHistory } from '../../src/services/get-project.ts';
import { updateProject } from '../../src/services/update-project.ts';
import { addProject, seedCounty, WANGQIAO, type CountyFixture } from '../support/factories.ts';
import { openTestDatabase, testDialect } from '../support/test-db.ts';

let h: DatabaseHandle;
let f: CountyFixture;
let id: string;
beforeEach(async () => {
  h = await openTestDatabase();
  f = await seedCounty(h.db);
  id = await addProject(h.db, { name: '古韩镇集中供热改造工程', unitId: f.units.guhan, totalInvestment: 200_000_000, phase: 'newStart', annualPlan: 80_000_000 });
});
afterEach(async () => {
  await h.close();
});

async function refusal(patch: Record<string, unknown>) {
  try {
    await updateProject(h.db, { id, patch }, f.actors.dispatcher, new Date('2021-06-01T08:00:00Z'));
  } catch (e) {
    if (isAppError(e)) return e;
    throw e;
  }
  throw new Error('the edit was accepted');
}

describe(`updateProject (${testDialect()})`, () => {
  it('saves an edit and records who changed which field, before → after', async () => {
    await updateProject(h.db, { id, patch: { totalInvestment: 250_000_000, chain: '城乡基础设施', years: [{ year: 2021, phase: 'newStart', annualPlan: 90_000_000, resumedOn: null }] } }, f.actors.dispatcher, new Date('2021-06-01T08:00:00Z'));
    const detail = await getProject(h.db, id, f.actors.dispatcher);
    expect(detail.project.totalInvestment).toBe(250_000_000);
    expect(detail.project.version).toBe(2);
    expect(detail.years).toEqual([{ year: 2021, phase: 'newStart', annualPlan: 90_000_000, resumedOn: null }]);
    const history = await getProjectHistory(h.db, id, f.actors.dispatcher);
    const changes = history.filter((e) => e.field !== 'created').map((e) => [e.field, e.before, e.after, e.userName]);
    expect(changes).toEqual(expect.arrayContaining([
      ['totalInvestment', '200000000', '250000000', 't-dispatcher'],
      ['chain', null, '城乡基础设施', 't-dispatcher'],
      ['years.2021.annualPlan', '80000000', '90000000', 't-dispatcher'],
    ]));
    expect(changes).toHaveLength(3);
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['negative money', { totalInvestment: -5 }, 'totalInvestment', /总投资不能为负数/],
    ['a 项目代码 of another county', { projectCode: '2103-140425-04-01-523618' }, 'projectCode', /不属于本县/],
    ['a plan above the total', { years: [{ year: 2021, phase: 'newStart', annualPlan: 200_000_001, resumedOn: null }] }, 'years.2021.annualPlan', /不能超过总投资/],
    ['an unknown township', { townshipCode: '140425100' }, 'townshipCode', /不是本县的乡镇或园区/],
    ['a non-integer amount', { totalInvestment: 1.5 }, 'totalInvestment', /整数元/],
    ['an unknown field', { colour: 'red' }, '(输入)', /不认识的字段/],
    ['an area of 1e308 亩', { landAreaMu: 1e308 }, 'landAreaMu', /用地面积.*不能超过10000000亩/],
    ['an amount past 10^15 元', { totalInvestment: 1e16 }, 'totalInvestment', /总投资.*超出范围/],
    ['a start in 1900', { startedOn: '1900-03-01' }, 'startedOn', /日期应在1990年至2100年之间/],
    ['a completion in 1970', { completedOn: '1970-01-01' }, 'completedOn', /日期应在1990年至2100年之间/],
    ['a name reversed by a bidi override', { name: '王桥镇\u202E厂理处水污' }, 'name', /项目名称.*不能含有控制字符或文字方向控制符/],
    ['a control character in the chain', { chain: '新能源\u0007' }, 'chain', /不能含有控制字符/],
  ])('refuses %s, naming the field, and keeps the project as it was', async (_, patch, field, message) => {
    const before = await getProject(h.db, id, f.actors.dispatcher);
    const e = await refusal(patch);
    expect(e.code).toBe('invalid_input');
    expect(e.details.map((d) => d.field)).toContain(field);
    expect(e.message).toMatch(message);
    expect(await getProject(h.db, id, f.actors.dispatcher)).toEqual(before);
    expect((await getProjectHistory(h.db, id, f.actors.dispatcher)).map((x) => x.field)).toEqual(['created']);
  });

  it('refuses an edit made on a stale version', async () => {
    await updateProject(h.db, { id, patch: { notes: '第一次' }, expectedVersion: 1 }, f.actors.dispatcher);
    await expect(updateProject(h.db, { id, patch: { notes: '第二次' }, expectedVersion: 1 }, f.actors.dispatcher)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('lets a reporter edit its own unit’s project but not hand it to another unit', async () => {
    await updateProject(h.db, { id, patch: { notes: '已办理施工许可' } }, f.actors.reporter);
    await expect(updateProject(h.db, { id, patch: { unitId: f.units.wangqiao, townshipCode: WANGQIAO } }, f.actors.reporter)).rejects.toMatchObject({ code: 'forbidden' });
    expect((await getProject(h.db, id, f.actors.dispatcher)).project.unitId).toBe(f.units.guhan);
  });

  it('refuses another unit’s reporter, a leader and a viewer', async () => {
    for (const actor of [f.actors.otherReporter, f.actors.leader, f.actors.viewer, f.actors.otherCounty]) {
      await expect(updateProject(h.db, { id, patch: { notes: 'x' } }, actor)).rejects.toMatchObject({ code: 'forbidden' });
    }
  });

  it('leaves 入库 to its workflow: a status change through the general edit is refused and changes nothing', async () => {
    const e = await refusal({ statsEntry: 'submitted' });
    expect([e.code, e.details.map((d) => d.field)]).toEqual(['invalid_input', ['statsEntry']]);
    expect(e.message).toContain('入库状态请在项目的“入库”栏目中修改');
    const after = await getProject(h.db, id, f.actors.dispatcher);
    expect([after.project.statsEntry, after.project.version]).toEqual(['none', 1]);
    // Sending the status as it stands, as a form that saves every field may, is no change and goes through.
    await updateProject(h.db, { id, patch: { statsEntry: 'none', chain: '城乡基础设施' } }, f.actors.dispatcher, new Date('2021-06-01T08:00:00Z'));
    expect((await getProject(h.db, id, f.actors.dispatcher)).project.chain).toBe('城乡基础设施');
  });
});
