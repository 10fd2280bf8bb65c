// Each alert rule at its thresholds, computed exactly (29, 30 and 31 points behind; 1 and 2 months after a start
// without 入库; …), the bounds the database filters by agreeing with the rule, and the reasons quoting the figures.
import { describe, expect, it } from 'vitest';
import {
  behindBounds,
  behindGroups,
  behindTimeProgressAlert,
  compareShare,
  DEFAULT_ALERT_THRESHOLDS as T,
  itemOverdueAlert,
  monthRuleBounds,
  noInvestmentAlert,
  notEnteredAlert,
  parseAlertThresholds,
  projectCurve,
  quietSince,
  reportedMonthsAfter,
  signedNotStartedAlert,
  stalledLandSuppliedAlert,
  stalledPermitIssuedAlert,
  startLateAlert,
  stoppedAfterStartAlert,
  timeProgressRatio,
} from '../../../src/domain/alerts/alert-rules.ts';
import { timerState } from '../../../src/domain/supervision/timers.ts';
import { CALENDAR_DAYS } from '../../../src/domain/supervision/work-calendar.ts';

const PLAN = 10_000_000; // 1000 万元

describe('低于时序进度', () => {
  // After June, time progress is exactly one half: 29, 30 and 31 points behind are shares of 21%, 20% and 19%.
  it.each([
    [2_100_000, 'yellow', '1-6月完成投资210万元，占年度计划1000万元的21%，低于时序进度（50%）29个百分点'],
    [2_000_000, 'yellow', '1-6月完成投资200万元，占年度计划1000万元的20%，低于时序进度（50%）30个百分点'],
    [1_900_000, 'red', '1-6月完成投资190万元，占年度计划1000万元的19%，低于时序进度（50%）31个百分点'],
    [4_000_000, 'yellow', '1-6月完成投资400万元，占年度计划1000万元的40%，低于时序进度（50%）10个百分点'],
  ])('ytd %i of a plan of 1000 万元 as of June: %s', (ytd, level, reason) => {
    expect(behindTimeProgressAlert({ asOf: '2021-06', ytd, annualPlan: PLAN, curve: null }, T.behindTimeProgress)).toEqual({ level, reason });
  });

  it('is green 9 points behind, and never in January or without a plan', () => {
    expect(behindTimeProgressAlert({ asOf: '2021-06', ytd: 4_100_000, annualPlan: PLAN, curve: null }, T.behindTimeProgress)).toBeNull();
    expect(behindTimeProgressAlert({ asOf: '2021-01', ytd: 0, annualPlan: PLAN, curve: null }, T.behindTimeProgress)).toBeNull();
    expect(behindTimeProgressAlert({ asOf: '2021-06', ytd: 0, annualPlan: 0, curve: null }, T.behindTimeProgress)).toBeNull();
  });

  it('is exact where n/12 is not a decimal: 30 points behind after May is yellow, a yuan less is red', () => {
    // 5/12 − 30% = 7/60: 140 万元 of 1200 万元 is exactly 30 points behind.
    const plan = 12_000_000;
    expect(behindTimeProgressAlert({ asOf: '2021-05', ytd: 1_400_000, annualPlan: plan, curve: null }, T.behindTimeProgress)?.level).toBe('yellow');
    expect(behindTimeProgressAlert({ asOf: '2021-05', ytd: 1_399_999, annualPlan: plan, curve: null }, T.behindTimeProgress)?.level).toBe('red');
    expect(timeProgressRatio('2021-05', null)).toEqual({ num: 5, den: 12 });
    expect(compareShare(1_400_000, plan, behindBounds({ num: 5, den: 12 }, T.behindTimeProgress).redBelow)).toBe(0);
  });

  it('judges a project against its category\'s plan curve, and names it', () => {
    const curve = { name: '续建', shares: [0.04, 0.12, 0.22, 0.34, 0.47, 0.6, 0.68, 0.76, 0.84, 0.91, 0.96, 1] };
    // 60% by June: 30% done is 30 points behind, yellow against the curve though only 20 behind n/12.
    expect(behindTimeProgressAlert({ asOf: '2021-06', ytd: 3_000_000, annualPlan: PLAN, curve }, T.behindTimeProgress)).toEqual({
      level: 'yellow',
      reason: '1-6月完成投资300万元，占年度计划1000万元的30%，低于续建计划进度（60%）30个百分点',
    });
  });

  it('picks the category\'s curve, then the phase\'s, and builds the same groups for the database', () => {
    const curves = [
      { county: '140423', subject: '续建', shares: [0.04, 0.12, 0.22, 0.34, 0.47, 0.6, 0.68, 0.76, 0.84, 0.91, 0.96, 1] },
      { county: '140423', subject: '基础设施', shares: [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1] },
    ];
    expect(projectCurve(curves, '140423', '基础设施', 'continuing')?.name).toBe('基础设施');
    expect(projectCurve(curves, '140423', '产业项目', 'continuing')?.name).toBe('续建');
    expect(projectCurve(curves, '140423', null, 'newStart')).toBeNull();
    expect(projectCurve(curves, '140425', '基础设施', 'continuing')).toBeNull();
    const groups = behindGroups(curves, '2021-06', T.behindTimeProgress);
    expect(groups.map((g) => ({ counties: g.counties, exceptCounties: g.exceptCounties, category: g.category, phase: g.phase, exceptCategories: g.exceptCategories, exceptPhases: g.exceptPhases }))).toEqual([
      { counties: null, exceptCounties: ['140423'], category: undefined, phase: undefined, exceptCategories: undefined, exceptPhases: undefined },
      { counties: ['140423'], exceptCounties: undefined, category: '基础设施', phase: undefined, exceptCategories: undefined, exceptPhases: undefined },
      { counties: ['140423'], exceptCounties: undefined, category: undefined, phase: 'continuing', exceptCategories: ['基础设施'], exceptPhases: undefined },
      { counties: ['140423'], exceptCounties: undefined, category: undefined, phase: undefined, exceptCategories: ['基础设施'], exceptPhases: ['continuing'] },
    ]);
    // The continuing curve's bound after June: 60% − 10 points = 50%.
    expect(groups[2]!.atMost).toEqual({ num: 1, den: 2 });
  });
});

describe('开工未入库, one rule of the set', () => {
  const project = (startedOn: string) => ({ totalInvestment: 50_000_000, startedOn, statsEntry: 'preparing' as const, stage: 'underway' as const });

  it.each([
    ['2021-05-10', null],
    ['2021-04-30', 'yellow'],
    ['2021-03-31', 'red'],
  ])('started %s, judged on 31 May', (startedOn, level) => {
    expect(notEnteredAlert(project(startedOn), '2021-05-31', T.notEntered)?.level ?? null).toBe(level);
  });

  it('says since when and in which state', () => {
    expect(notEnteredAlert(project('2021-03-31'), '2021-05-31', T.notEntered)?.reason).toBe('2021年3月31日开工，已满2个月未入库（材料准备中）');
  });

  it('takes a county\'s own thresholds', () => {
    expect(notEnteredAlert(project('2021-04-30'), '2021-05-31', { yellow: 1, red: 1 })?.level).toBe('red');
  });
});

describe('the stalled-project audit and signed-not-started', () => {
  it('lights land supplied and not started from one month, red from six', () => {
    expect(stalledLandSuppliedAlert({ landSuppliedOn: '2021-05-01', startedOn: null }, '2021-05-31', T.stalledLandSupplied)).toBeNull();
    expect(stalledLandSuppliedAlert({ landSuppliedOn: '2021-03-15', startedOn: null }, '2021-05-31', T.stalledLandSupplied)).toEqual({
      level: 'yellow',
      reason: '2021年3月15日供地，已满2个月未开工',
    });
    expect(stalledLandSuppliedAlert({ landSuppliedOn: '2020-11-30', startedOn: null }, '2021-05-31', T.stalledLandSupplied)?.level).toBe('red');
    expect(stalledLandSuppliedAlert({ landSuppliedOn: '2020-11-30', startedOn: '2021-05-31' }, '2021-05-31', T.stalledLandSupplied)).toBeNull();
  });

  it('lights a permit without a start from the day it is issued, red when it lapses after three months', () => {
    expect(stalledPermitIssuedAlert({ permitOn: '2021-05-20', startedOn: null }, '2021-05-31', T.stalledPermitIssued)).toEqual({ level: 'yellow', reason: '2021年5月20日取得施工许可，尚未开工' });
    expect(stalledPermitIssuedAlert({ permitOn: '2021-04-30', startedOn: null }, '2021-05-31', T.stalledPermitIssued)?.level).toBe('yellow');
    expect(stalledPermitIssuedAlert({ permitOn: '2021-02-28', startedOn: null }, '2021-05-31', T.stalledPermitIssued)?.level).toBe('red');
  });

  it('lights a project stopped after its start from the day, red after a month', () => {
    const p = { stage: 'suspended', startedOn: '2021-03-11', suspendedOn: '2021-05-25' };
    expect(stoppedAfterStartAlert(p, '2021-05-31', T.stoppedAfterStart)).toEqual({ level: 'yellow', reason: '2021年3月11日开工，2021年5月25日停工，停工不满1个月' });
    expect(stoppedAfterStartAlert(p, '2021-06-30', T.stoppedAfterStart)?.level).toBe('red');
    expect(stoppedAfterStartAlert({ ...p, stage: 'underway' }, '2021-06-30', T.stoppedAfterStart)).toBeNull();
  });

  it('lights a signed project not started after three months, red after six', () => {
    expect(signedNotStartedAlert({ signedOn: '2021-03-22', startedOn: null }, '2021-05-31', T.signedNotStarted)).toBeNull();
    expect(signedNotStartedAlert({ signedOn: '2020-10-04', startedOn: null }, '2021-05-31', T.signedNotStarted)).toEqual({ level: 'red', reason: '2020年10月4日签约，已满7个月未开工' });
  });

  it('gives the database the latest days that light each rule', () => {
    expect(monthRuleBounds('stalledPermitIssued', '2021-05-31', T)).toEqual({ yellowBy: '2021-05-31', redBy: '2021-02-28' });
    expect(monthRuleBounds('stalledLandSupplied', '2021-05-31', T)).toEqual({ yellowBy: '2021-04-30', redBy: '2020-11-30' });
    expect(monthRuleBounds('stoppedAfterStart', '2021-05-31', T)).toEqual({ yellowBy: '2021-05-31', redBy: '2021-04-30' });
  });
});

describe('计划开工未开工', () => {
  it('is yellow the month it was planned for, red three months late', () => {
    expect(startLateAlert({ plannedMonth: '2021-05', startedOn: null }, '2021-05', T.startLate)).toEqual({ level: 'yellow', reason: '计划2021年5月开工，截至5月底仍未开工' });
    expect(startLateAlert({ plannedMonth: '2021-03', startedOn: null }, '2021-05', T.startLate)?.reason).toBe('计划2021年3月开工，截至5月底仍未开工，已推迟2个月');
    expect(startLateAlert({ plannedMonth: '2021-02', startedOn: null }, '2021-05', T.startLate)?.level).toBe('red');
    expect(startLateAlert({ plannedMonth: '2021-06', startedOn: null }, '2021-05', T.startLate)).toBeNull();
    expect(startLateAlert({ plannedMonth: '2021-03', startedOn: '2021-05-31' }, '2021-05', T.startLate)).toBeNull();
  });
});

describe('连续无投资', () => {
  it('does not count January, reported with February', () => {
    expect(reportedMonthsAfter('2020-12', '2021-03')).toBe(2);
    expect(quietSince('2021-05', 2)).toBe('2021-03');
    expect(quietSince('2021-03', 2)).toBe('2021-01');
    expect(quietSince('2021-02', 2)).toBe('2020-11');
  });

  it('lights two months without investment yellow, three red, counted from the last month with some', () => {
    const f = { asOf: '2021-05', startedOn: '2020-05-10', resumedOn: '2021-03-01' };
    expect(noInvestmentAlert({ ...f, lastInvestedMonth: '2021-04' }, T.noInvestment)).toBeNull();
    expect(noInvestmentAlert({ ...f, lastInvestedMonth: '2021-03' }, T.noInvestment)).toEqual({ level: 'yellow', reason: '最近一次完成投资在2021年3月，截至5月已连续2个月没有完成投资' });
    expect(noInvestmentAlert({ ...f, lastInvestedMonth: '2020-12', resumedOn: '2021-02-20' }, T.noInvestment)?.level).toBe('red');
  });

  it('counts from the start or the year\'s resumption when nothing was invested since', () => {
    expect(noInvestmentAlert({ asOf: '2021-05', startedOn: '2021-03-10', resumedOn: null, lastInvestedMonth: null }, T.noInvestment)).toEqual({
      level: 'red',
      reason: '2021年3月开工以来未完成投资，截至5月已连续3个月没有完成投资',
    });
    expect(noInvestmentAlert({ asOf: '2021-05', startedOn: '2019-03-10', resumedOn: '2021-04-02', lastInvestedMonth: '2020-11' }, T.noInvestment)?.reason).toBe(
      '2021年4月复工以来未完成投资，截至5月已连续2个月没有完成投资',
    );
  });
});

describe('督办事项逾期', () => {
  const state = (day: string) =>
    timerState({ status: 'inProgress', level: 'ordinary', raisedOn: '2021-06-04', assignedOn: '2021-06-04', feedbackOn: '2021-06-05', dueOn: null, planDue: null, extendedDue: null }, day, CALENDAR_DAYS);

  it('is red for an overdue item, yellow within three days of a deadline', () => {
    expect(itemOverdueAlert([{ title: '便道', state: state('2021-06-07') }], T.itemOverdue)).toBeNull();
    expect(itemOverdueAlert([{ title: '便道', state: state('2021-06-08') }], T.itemOverdue)).toEqual({ level: 'yellow', reason: '督办事项“便道”应于2021年6月11日前办结，还有3天' });
    expect(itemOverdueAlert([{ title: '便道', state: state('2021-06-13') }, { title: '用地', state: state('2021-06-12') }], T.itemOverdue)).toEqual({
      level: 'red',
      reason: '督办事项“便道”应于2021年6月11日前办结，已逾期2天（等2项督办事项逾期）',
    });
  });
});

describe('a county\'s thresholds', () => {
  it('keep the defaults for what is not set, and all of them when the setting is damaged', () => {
    expect(parseAlertThresholds(JSON.stringify({ notEntered: { yellow: 2, red: 3 } })).notEntered).toEqual({ yellow: 2, red: 3 });
    expect(parseAlertThresholds(JSON.stringify({ notEntered: { yellow: 5, red: 3 } }))).toEqual(T);
    expect(parseAlertThresholds('{not json')).toEqual(T);
  });
});
