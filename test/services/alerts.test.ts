// The alert centre on built data, on both databases: each rule at its thresholds (29, 30 and 31 points behind; 1 and
// 2 months after a start without 入库; …), found by the database's bounds and explained by the domain's rule; a county's
// own thresholds; scopes; and the reserve with 有效投资余额.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { upsertPlanCurves } from '../../src/db/repositories/indicator.repository.ts';
import { upsertStatsEntry } from '../../src/db/repositories/stats-entry.repository.ts';
import { listAlerts, type AlertList } from '../../src/services/alerts/alerts.ts';
import { setPlannedStart } from '../../src/services/alerts/project-alerts.ts';
import { reserveSummary } from '../../src/services/alerts/reserve.ts';
import { createItem } from '../../src/services/supervision/items.ts';
import { saveSupervisionSettings } from '../../src/services/supervision/settings.ts';
import { addProject, COUNTY, seedCounty, type CountyFixture } from '../support/factories.ts';
import { openTestDatabase } from '../support/test-db.ts';

let handle: DatabaseHandle;
let fx: CountyFixture;
const ids: Record<string, string> = {};
const WAN = 10_000;
const NOW = new Date('2021-06-10T02:00:00Z');
// Projects under way that are in the statistics, so only the rule under test lights them.
const ENTERED = { statsEntry: 'entered' as const };

beforeAll(async () => {
  handle = await openTestDatabase();
  const { db } = handle;
  fx = await seedCounty(db);
  const add = async (key: string, spec: Omit<Parameters<typeof addProject>[1], 'name' | 'unitId'> & { unitId?: string }) => {
    ids[key] = await addProject(db, { name: key, unitId: spec.unitId ?? fx.units.guhan, ...spec });
  };
  // 低于时序进度 as of June (时序进度 50%): plans of 1000 万元, 210 / 200 / 190 / 410 万元 done.
  for (const [key, ytd] of [['B29', 210], ['B30', 200], ['B31', 190], ['B09', 410]] as const) {
    await add(key, { totalInvestment: 3000 * WAN, phase: 'continuing', annualPlan: 1000 * WAN, startedOn: '2020-04-01', resumedOn: '2021-02-25', leaderId: fx.leaderId, months: { '2021-05': ytd * WAN }, fields: ENTERED });
  }
  // A category with its own curve (80% by June): 500 万元 of 1000 is 30 points behind it, though on pace with n/12.
  await add('C-curve', { totalInvestment: 3000 * WAN, phase: 'continuing', annualPlan: 1000 * WAN, startedOn: '2020-04-01', resumedOn: '2021-02-25', months: { '2021-05': 500 * WAN }, fields: { ...ENTERED, category: '基础设施' } });
  await upsertPlanCurves(db, [{ subjectKind: 'category', subject: '基础设施', region: COUNTY, year: 2021, shares: [0.1, 0.2, 0.3, 0.5, 0.6, 0.8, 0.85, 0.9, 0.92, 0.95, 0.98, 1], updatedAt: NOW.toISOString(), updatedBy: null }]);

  // 开工未入库 on 31 May: started 10 May, 30 April (1 month) and 31 March (2 months), 材料准备中; one already entered.
  for (const [key, startedOn] of [['N0', '2021-05-10'], ['N1', '2021-04-30'], ['N2', '2021-03-31']] as const) {
    await add(key, { totalInvestment: 800 * WAN, startedOn, fields: { statsEntry: 'preparing' } });
  }
  await add('N-entered', { totalInvestment: 800 * WAN, startedOn: '2021-01-10', fields: { statsEntry: 'entered' } });

  // The stalled-project audit and signed-not-started.
  await add('L-land', { totalInvestment: 5000 * WAN, stage: 'preparing', fields: { landSuppliedOn: '2021-03-15' } });
  await add('P-permit', { totalInvestment: 5000 * WAN, stage: 'preparing', fields: { permitOn: '2021-02-26' } });
  await add('S-stopped', { totalInvestment: 5000 * WAN, stage: 'suspended', startedOn: '2021-03-11', fields: { ...ENTERED, suspendedOn: '2021-05-25' } });
  await add('G-signed', { totalInvestment: 5000 * WAN, stage: 'signed', fields: { signedOn: '2020-10-04' } });
  await add('G-recent', { totalInvestment: 5000 * WAN, stage: 'signed', fields: { signedOn: '2021-03-22' } });

  // 连续无投资: resumed in March, last investment in March → two months by May; another with investment in April.
  await add('Q-quiet', { totalInvestment: 3000 * WAN, phase: 'continuing', annualPlan: 100 * WAN, startedOn: '2020-05-10', resumedOn: '2021-03-01', months: { '2021-03': 30 * WAN }, fields: ENTERED });
  await add('Q-busy', { totalInvestment: 3000 * WAN, phase: 'continuing', annualPlan: 100 * WAN, startedOn: '2020-05-10', resumedOn: '2021-03-01', months: { '2021-04': 30 * WAN }, fields: ENTERED });

  // 计划开工未开工: new projects planned for March and February, not started by May.
  await add('T-march', { totalInvestment: 2000 * WAN, stage: 'preparing', phase: 'newStart', annualPlan: 500 * WAN });
  await add('T-feb', { totalInvestment: 2000 * WAN, stage: 'preparing', phase: 'newStart', annualPlan: 500 * WAN, unitId: fx.units.wangqiao });
  await setPlannedStart(db, ids['T-march']!, { year: 2021, month: '2021-03' }, fx.actors.dispatcher);
  await setPlannedStart(db, ids['T-feb']!, { year: 2021, month: '2021-02' }, fx.actors.dispatcher);

  // 督办事项逾期: an item of B31 assigned on 1 June is due on the 8th.
  await createItem(db, { region: COUNTY, kind: 'problem', title: '施工用电未接通', source: 'meeting', projectId: ids.B31, unitId: fx.units.guhan, assignedOn: '2021-06-01' }, fx.actors.dispatcher, NOW);
});

afterAll(async () => {
  await handle?.close();
});

const lit = (list: AlertList, rule: string) =>
  Object.fromEntries(list.alerts.filter((a) => a.rule === rule).map((a) => [a.projectName, a.level]));

describe('each rule at its thresholds', () => {
  it('lights 29 and 30 points behind yellow and 31 red, not 9; and judges a category against its curve', async () => {
    const list = await listAlerts(handle.db, { region: COUNTY, asOf: '2021-06', on: '2021-06-10', rule: 'behindTimeProgress' }, fx.actors.dispatcher);
    expect(lit(list, 'behindTimeProgress')).toMatchObject({ B29: 'yellow', B30: 'yellow', B31: 'red', 'C-curve': 'yellow' });
    expect(lit(list, 'behindTimeProgress').B09).toBeUndefined();
    expect(list.alerts.find((a) => a.projectName === 'B31')?.reason).toBe('1-6月完成投资190万元，占年度计划1000万元的19%，低于时序进度（50%）31个百分点');
    expect(list.alerts.find((a) => a.projectName === 'C-curve')?.reason).toBe('1-6月完成投资500万元，占年度计划1000万元的50%，低于基础设施计划进度（80%）30个百分点');
  });

  it('lights a start without 入库 yellow after one month and red after two, as the 入库 flag does', async () => {
    const list = await listAlerts(handle.db, { region: COUNTY, asOf: '2021-05', on: '2021-06-10', rule: 'notEntered' }, fx.actors.dispatcher);
    expect(lit(list, 'notEntered')).toEqual({ N1: 'yellow', N2: 'red' });
  });

  it('lights the stalled projects and the signed ones not started', async () => {
    const list = await listAlerts(handle.db, { region: COUNTY, asOf: '2021-05', on: '2021-06-10' }, fx.actors.dispatcher);
    expect(lit(list, 'stalledLandSupplied')).toEqual({ 'L-land': 'yellow' });
    expect(lit(list, 'stalledPermitIssued')).toEqual({ 'P-permit': 'red' });
    expect(lit(list, 'stoppedAfterStart')).toEqual({ 'S-stopped': 'yellow' });
    expect(lit(list, 'signedNotStarted')).toEqual({ 'G-signed': 'red' });
    expect(lit(list, 'noInvestment')).toEqual({ 'Q-quiet': 'yellow' });
    expect(lit(list, 'startLate')).toEqual({ 'T-march': 'yellow', 'T-feb': 'red' });
    expect(list.alerts.find((a) => a.rule === 'startLate' && a.projectName === 'T-feb')?.unit).toBe('王桥镇人民政府');
  });

  it('judges last month again as it stood: in April the permit was two months old and 开工未入库 held only N2, yellow', async () => {
    const list = await listAlerts(handle.db, { region: COUNTY, asOf: '2021-04', on: '2021-06-10' }, fx.actors.dispatcher);
    expect(lit(list, 'stalledPermitIssued')).toEqual({ 'P-permit': 'yellow' });
    expect(lit(list, 'notEntered')).toEqual({ N2: 'yellow' });
    expect(list.day).toBe('2021-04-30');
  });

  it('lights a project with an overdue item red on the timer day, and not before', async () => {
    const late = await listAlerts(handle.db, { region: COUNTY, asOf: '2021-05', on: '2021-06-10', rule: 'itemOverdue' }, fx.actors.dispatcher);
    expect(late.alerts.map((a) => [a.projectName, a.level, a.reason])).toEqual([['B31', 'red', '督办事项“施工用电未接通”应于2021年6月8日前办结，已逾期2天']]);
    // On 3 June its feedback (due on the 4th) is a day away.
    const near = await listAlerts(handle.db, { region: COUNTY, asOf: '2021-05', on: '2021-06-03', rule: 'itemOverdue' }, fx.actors.dispatcher);
    expect(near.alerts.map((a) => [a.projectName, a.level])).toEqual([['B31', 'yellow']]);
  });

  it('counts each rule by level, red first, with the leader and the unit of each project', async () => {
    const list = await listAlerts(handle.db, { region: COUNTY, asOf: '2021-06', on: '2021-06-10' }, fx.actors.dispatcher);
    const red = list.alerts.findIndex((a) => a.level === 'yellow');
    expect(list.alerts.slice(0, red).every((a) => a.level === 'red')).toBe(true);
    expect(list.total.red + list.total.yellow).toBe(list.alerts.length);
    for (const rule of Object.keys(list.counts)) {
      expect(list.counts[rule as keyof AlertList['counts']].red).toBe(list.alerts.filter((a) => a.rule === rule && a.level === 'red').length);
    }
    expect(list.alerts.find((a) => a.projectName === 'B29')).toMatchObject({ leader: '王志强', unit: '古韩镇人民政府' });
  });
});

describe('scopes and settings', () => {
  it('narrows to a leader\'s projects, and to a reporter\'s own unit', async () => {
    const mine = await listAlerts(handle.db, { region: COUNTY, asOf: '2021-06', on: '2021-06-10', leader: fx.leaderId }, fx.actors.dispatcher);
    expect([...new Set(mine.alerts.map((a) => a.projectName))].sort()).toEqual(['B29', 'B30', 'B31']);
    const reporter = await listAlerts(handle.db, { region: COUNTY, asOf: '2021-05', on: '2021-06-10' }, fx.actors.otherReporter);
    expect([...new Set(reporter.alerts.map((a) => a.projectName))]).toEqual(['T-feb']);
    await expect(listAlerts(handle.db, { region: COUNTY, asOf: '2021-05' }, fx.actors.otherCounty)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('takes the county\'s own thresholds', async () => {
    await saveSupervisionSettings(handle.db, { region: COUNTY, year: 2021, thresholds: { notEntered: { yellow: 1, red: 1 } } }, fx.actors.dispatcher);
    const list = await listAlerts(handle.db, { region: COUNTY, asOf: '2021-05', on: '2021-06-10', rule: 'notEntered' }, fx.actors.dispatcher);
    expect(lit(list, 'notEntered')).toEqual({ N1: 'red', N2: 'red' });
    await expect(saveSupervisionSettings(handle.db, { region: COUNTY, year: 2021, thresholds: { notEntered: { yellow: 3, red: 1 } } }, fx.actors.dispatcher)).rejects.toMatchObject({
      code: 'invalid_input',
      message: '开工未入库：黄灯月数不应大于红灯月数',
    });
    await expect(saveSupervisionSettings(handle.db, { region: COUNTY, year: 2021, coverageRatio: 3 }, fx.actors.viewer)).rejects.toMatchObject({ code: 'forbidden' });
    await saveSupervisionSettings(handle.db, { region: COUNTY, year: 2021, thresholds: { notEntered: { yellow: 1, red: 2 } } }, fx.actors.dispatcher);
  });
});

describe('the reserve', () => {
  it('holds the library\'s remaining investment against the task, with what can be reported this year', async () => {
    const { db } = handle;
    // The library is reset to: N-entered (800 万元, nothing done), B29 entered with 210 万元 done of 3000, B30 submitted,
    // S-stopped entered but suspended (not effective); every other project is outside it.
    await db.updateTable('project').set({ stats_entry: 'none' }).where('region_code', '=', COUNTY).where('stats_entry', '=', 'entered').where('name', '!=', 'N-entered').execute();
    for (const [key, status] of [['B29', 'entered'], ['B30', 'submitted'], ['S-stopped', 'entered']] as const) {
      await db.updateTable('project').set({ stats_entry: status }).where('id', '=', ids[key]!).execute();
      await upsertStatsEntry(db, { projectId: ids[key]!, statusOn: '2021-04-20', reason: null, notes: null, updatedAt: NOW.toISOString(), updatedBy: null });
    }
    await saveSupervisionSettings(db, { region: COUNTY, year: 2021, task: 1000 * WAN, coverageRatio: 2.5 }, fx.actors.dispatcher);
    const r = await reserveSummary(db, { region: COUNTY, asOf: '2021-05' }, fx.actors.dispatcher);
    // Remaining: N-entered 800 + B29 (3000 − 210) 2790 + B30 (3000 − 200) 2800 + S-stopped 5000 = 11390 万元.
    expect(r.remainingInvestment).toBe(11_390 * WAN);
    // Effective: in the year's pool and under way: B29 and B30 (N-entered has no year row; S-stopped is suspended).
    expect(r.effectiveBalance).toBe(5_590 * WAN);
    expect(r).toMatchObject({ task: 1000 * WAN, taskSource: 'setting', coverageRatio: 2.5, required: 2500 * WAN, gap: 0 });
    // Entered this year by the end of May: B29 and S-stopped (status day 20 April); N-entered has no status day.
    expect(r.newlyEntered).toEqual({ count: 2, totalInvestment: 8000 * WAN });
    // The pool has done more than the task already: nothing of it remains.
    expect(r.completedYtd).toBeGreaterThan(1000 * WAN);
    expect(r.remainingTask).toBe(0);
    expect(r.byCategory.reduce((s, c) => s + c.remainingInvestment, 0)).toBe(r.remainingInvestment);
  });
});
