// The demo's supervision and alerts (docs/ARCHITECTURE.md, Supervision and alerts): seed 000's 存在问题 paragraph drawn from the data — the
// reserve against 2.7 times the year's 100 亿元, recomputed here from the projects themselves — the stalled-project
// audit as the seed names it, the ten 攻坚行动 of seed 002 as tasks, and the leader's red projects and overdue item.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/domain/access.ts';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { findProjectMonths, findProjectYears, listProjects } from '../../src/db/repositories/project.repository.ts';
import { findStatsEntry } from '../../src/db/repositories/stats-entry.repository.ts';
import { findUserByUsername } from '../../src/db/repositories/user.repository.ts';
import { listAlerts, type AlertList } from '../../src/services/alerts/alerts.ts';
import { leaderView } from '../../src/services/alerts/leader-view.ts';
import { reserveSummary, type ReserveSummary } from '../../src/services/alerts/reserve.ts';
import { actorOf } from '../../src/services/auth/sessions.ts';
import { createDemo, DEMO_AS_OF, DEMO_REGION } from '../../src/demo/create-demo.ts';
import { getItem, itemBoard } from '../../src/services/supervision/items.ts';
import { getSupervisionSettings } from '../../src/services/supervision/settings.ts';
import { openTestDatabase } from '../support/test-db.ts';

const YI = 100_000_000;
const ON = '2021-06-10';
let handle: DatabaseHandle;
let reserve: ReserveSummary;
let alerts: AlertList;

beforeAll(async () => {
  handle = await openTestDatabase();
  await createDemo(handle.db, new Date('2021-06-01T08:00:00Z'));
  reserve = await reserveSummary(handle.db, { region: DEMO_REGION, asOf: DEMO_AS_OF }, SYSTEM_ACTOR);
  alerts = await listAlerts(handle.db, { region: DEMO_REGION, asOf: DEMO_AS_OF, on: ON }, SYSTEM_ACTOR);
});

afterAll(async () => {
  await handle?.close();
});

describe('seed 000, 存在问题 1: the reserve', () => {
  it('needs 270 亿元 to carry the year\'s 100 亿元 task, as the seed counts it', () => {
    expect(reserve).toMatchObject({ task: 100 * YI, taskSource: 'setting', coverageRatio: 2.7, required: 270 * YI });
    expect(reserve.sentence).toContain('按照2.7倍测算，在库项目剩余投资需达到270亿元，才能支撑全年100亿元的年度任务');
  });

  it('holds what the library\'s projects still have to invest, computed again here from each project', async () => {
    const { rows } = await listProjects(handle.db, { regionCode: DEMO_REGION, year: 2021, toMonth: DEMO_AS_OF, sort: 'name', order: 'asc', limit: 1000, offset: 0 });
    let remaining = 0;
    let effective = 0;
    let entered = 0;
    let enteredTotal = 0;
    for (const { project: p } of rows) {
      if (p.stage === 'cancelled' || (p.statsEntry !== 'entered' && p.statsEntry !== 'submitted')) continue;
      const done = p.completedBefore + (await findProjectMonths(handle.db, p.id)).filter((m) => m.month <= DEMO_AS_OF).reduce((s, m) => s + m.completed, 0);
      const left = Math.max(0, p.totalInvestment - done);
      remaining += left;
      const year = (await findProjectYears(handle.db, p.id)).find((y) => y.year === 2021);
      if ((year?.phase === 'continuing' || year?.phase === 'newStart') && p.stage === 'underway') effective += left;
      const on = (await findStatsEntry(handle.db, p.id))?.statusOn;
      if (p.statsEntry === 'entered' && on && on >= '2021-01-01' && on <= '2021-05-31') {
        entered++;
        enteredTotal += p.totalInvestment;
      }
    }
    expect(reserve.remainingInvestment).toBe(remaining);
    expect(reserve.effectiveBalance).toBe(effective);
    expect(reserve.newlyEntered).toEqual({ count: entered, totalInvestment: enteredTotal });
    expect(reserve.gap).toBe(270 * YI - remaining);
    // The demo's library holds less than the 270 亿元 needed: the paragraph's "储备不足" is true of it too.
    expect(reserve.gap).toBeGreaterThan(0);
    expect(reserve.sentence).toContain(`尚有${(reserve.gap / YI).toFixed(2).replace(/0+$/, '').replace(/\.$/, '')}亿元的缺口`);
  });
});

describe('seed 000, 项目大起底: the stalled projects', () => {
  const names = (rule: string) => alerts.alerts.filter((a) => a.rule === rule).map((a) => a.projectName).sort();

  it('finds land supplied and not started, a permit not used, and work stopped after its start', () => {
    expect(names('stalledLandSupplied')).toEqual(['山西襄垣润达新材料化工有限公司年产3万吨可降解塑料项目', '襄垣县城区公共租赁住房建设项目']);
    expect(names('stalledPermitIssued')).toEqual(['襄垣县城区公共租赁住房建设项目']);
    expect(names('stoppedAfterStart')).toEqual(['山西襄垣恒泰焦化有限公司化产回收系统升级改造项目', '山西襄垣恒泰焦化有限公司焦炉烟气脱硫脱硝超低排放改造项目']);
    expect(names('signedNotStarted')).toEqual(['山西襄垣润达新材料化工有限公司年产3万吨可降解塑料项目']);
  });

  it('explains each alert with the figures that lit it', () => {
    const land = alerts.alerts.find((a) => a.rule === 'stalledLandSupplied' && a.projectName.startsWith('山西襄垣润达'));
    expect(land).toMatchObject({ level: 'yellow', reason: '2021年3月15日供地，已满2个月未开工', unit: '襄垣经济技术开发区管委会', leader: '张海峰' });
  });
});

describe('the demo\'s items and calendar', () => {
  it('keeps 2021\'s holidays and worked weekend days, and counts working days', async () => {
    const settings = await getSupervisionSettings(handle.db, { region: DEMO_REGION, year: 2021 }, SYSTEM_ACTOR);
    expect(settings.workingDays).toBe(true);
    expect(settings.days.filter((d) => d.kind === 'holiday')).toHaveLength(18);
    expect(settings.days.filter((d) => d.kind === 'workday').map((d) => d.day)).toEqual(['2021-02-07', '2021-02-20', '2021-04-25', '2021-05-08', '2021-09-18', '2021-09-26', '2021-10-09']);
  });

  it('holds the 攻坚行动 of seed 002 as tasks and the projects\' problems, on the board as of 10 June', async () => {
    const board = await itemBoard(handle.db, { region: DEMO_REGION, on: ON }, SYSTEM_ACTOR);
    expect(board.items.filter((i) => i.taskList === '十大攻坚行动')).toHaveLength(8);
    expect(board.counts).toMatchObject({ open: 15, closed: 2, overdue: 4, raised: 2, closeRequested: 1 });
    expect(board.items[0]).toMatchObject({ title: '施工用电线路未接入，影响设备安装', overdue: { kind: 'solve', due: '2021-06-02', daysLate: 6 } });
    const detail = await getItem(handle.db, board.items[0]!.id, SYSTEM_ACTOR, new Date('2021-06-10T02:00:00Z'), ON);
    // Late first for its feedback (due 27 May), then for its solution (due 2 June): a reminder and a 督办函 for each.
    expect(detail.letters.map((l) => [l.number, l.deadlineKind, l.dueOn, l.issuedOn])).toEqual([
      ['襄垣督办〔2021〕1号', 'feedback', '2021-05-27', '2021-06-01'],
      ['襄垣督办〔2021〕3号', 'solve', '2021-06-02', '2021-06-07'],
    ]);
    expect(detail.history.map((e) => [e.kind, e.on])).toEqual([
      ['raised', '2021-05-24'],
      ['assign', '2021-05-24'],
      ['reminded', '2021-05-28'],
      ['letter', '2021-06-01'],
      ['reminded', '2021-06-03'],
      ['instruct', '2021-06-04'],
      ['letter', '2021-06-07'],
    ]);
  });

  it('shows the leader 李宏伟 his red projects and his overdue items', async () => {
    const leader = actorOf((await findUserByUsername(handle.db, 'leader'))!);
    const view = await leaderView(handle.db, { asOf: DEMO_AS_OF, on: ON }, leader);
    expect(view.leader?.name).toBe('李宏伟');
    const red = view.projects.filter((p) => p.light === 'red').map((p) => p.name);
    expect(red).toEqual(expect.arrayContaining(['山西襄垣中晟新型建材有限公司煤矸石制备新型墙体材料项目', '山西襄垣恒泰焦化有限公司化产回收系统升级改造项目']));
    expect(view.projects.slice(0, red.length).every((p) => p.light === 'red')).toBe(true);
    expect(view.items.filter((i) => i.overdue).map((i) => i.title)).toEqual(['施工用电线路未接入，影响设备安装', '焦化限产后项目停工，复工时间不明', '项目用地规划性质需调整，影响供地']);
    expect(view.counts.overdueItems).toBe(3);
  });
});
