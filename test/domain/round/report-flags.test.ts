// The checks before approval, each worked by hand: above plan, above total, off the project's pattern, silent, backwards, negative.
import { describe, expect, it } from 'vitest';
import { reportFlags, type ReportFlagInput } from '../../../src/domain/round/report-flags.ts';

const W = 10_000; // 1 万元

/** A healthy May: 300 万元 a month, well inside plan and total. */
const base: ReportFlagInput = {
  month: '2021-05',
  completedMonth: 300 * W,
  ytd: 1200 * W,
  sinceStart: 4000 * W,
  annualPlan: 2000 * W,
  totalInvestment: 10_000 * W,
  history: [
    { month: '2020-11', completed: 200 * W },
    { month: '2020-12', completed: 100 * W },
    { month: '2021-02', completed: 300 * W }, // 1-2月, January not reported on its own
    { month: '2021-03', completed: 300 * W },
    { month: '2021-04', completed: 300 * W },
  ],
  stage: 'underway',
  started: true,
  startedOn: '2020-04-01',
  stageEvents: [],
};

const codes = (input: ReportFlagInput) => reportFlags(input).map((f) => f.code);

describe('reportFlags', () => {
  it('raises nothing for a report in line with its project', () => {
    expect(reportFlags(base)).toEqual([]);
  });

  it('flags a year-to-date above the annual plan, and a plan of 0 with investment', () => {
    expect(reportFlags({ ...base, annualPlan: 1000 * W })).toEqual([
      { code: 'aboveAnnualPlan', severity: 'warning', message: '1-5月累计完成投资1200万元，超过年度计划投资1000万元' },
    ]);
    expect(codes({ ...base, annualPlan: 1200 * W })).toEqual([]);
    expect(codes({ ...base, annualPlan: 0 })).toEqual(['aboveAnnualPlan']);
    expect(codes({ ...base, annualPlan: null })).toEqual([]);
  });

  it('flags since-start above the total investment as an error', () => {
    expect(reportFlags({ ...base, totalInvestment: 3500 * W })).toEqual([
      { code: 'aboveTotal', severity: 'error', message: '开工累计完成投资4000万元，超过项目总投资3500万元；请核对完成投资，或先调整总投资' },
    ]);
  });

  it('flags a negative month', () => {
    expect(reportFlags({ ...base, completedMonth: -50 * W, ytd: 850 * W, sinceStart: 3650 * W })).toEqual([
      { code: 'negativeMonth', severity: 'error', message: '本月完成投资为-50万元（负数）；如为冲减以前月份的数据，请说明原因' },
    ]);
  });

  describe('outlier above the pattern', () => {
    // Six months with investment: 200, 100, 300, 300, 300, 300 万元 → sorted 100 200 300 300 300 300, median 300 万元.
    const history = [...base.history, { month: '2020-10', completed: 5000 * W }, { month: '2021-01', completed: 300 * W }];
    // The last six nonzero months are 2020-11 … 2021-04: the 5 000 万元 of October is out of the window.

    it('flags more than three times the median when it is also 500 万元 above it', () => {
      expect(reportFlags({ ...base, history, completedMonth: 950 * W })).toEqual([
        { code: 'outlier', severity: 'warning', message: '本月完成投资950万元，远高于该项目近6个有投资月份的中位数300万元（超过3倍）' },
      ]);
    });

    it('does not flag exactly three times the median', () => {
      expect(codes({ ...base, history, completedMonth: 900 * W })).toEqual([]);
    });

    it('does not flag a small project, however many times its usual month', () => {
      const small = [{ month: '2021-02', completed: 10 * W }, { month: '2021-03', completed: 20 * W }, { month: '2021-04', completed: 20 * W }];
      // 400 万元 is 20 times the median of 20 万元, but only 380 万元 above it.
      expect(codes({ ...base, history: small, completedMonth: 400 * W })).toEqual([]);
      expect(codes({ ...base, history: small, completedMonth: 520 * W })).toEqual(['outlier']);
    });

    it('needs three months with investment to know a pattern', () => {
      const short = [{ month: '2021-03', completed: 10 * W }, { month: '2021-04', completed: 10 * W }];
      expect(codes({ ...base, history: short, completedMonth: 5000 * W })).toEqual([]);
    });

    it('ignores history at or after the report month', () => {
      const withLater = [...history, { month: '2021-05', completed: 950 * W }, { month: '2021-06', completed: 950 * W }];
      expect(codes({ ...base, history: withLater, completedMonth: 950 * W })).toEqual(['outlier']);
    });
  });

  describe('a month of nothing after steady months', () => {
    it('flags nothing reported after three months each with investment', () => {
      expect(reportFlags({ ...base, completedMonth: 0 })).toEqual([
        {
          code: 'outlier',
          severity: 'warning',
          message: '本月未报完成投资，而此前连续3个月（2021年2月、3月、4月）均有投资；如已停工，请报停工',
        },
      ]);
      expect(codes({ ...base, completedMonth: null })).toEqual(['outlier']);
    });

    it('skips a January that was not reported on its own', () => {
      // March: the months before are February, (no January), December, November.
      const flags = reportFlags({ ...base, month: '2021-03', completedMonth: 0, ytd: 300 * W, history: base.history.slice(0, 3) });
      expect(flags.map((f) => f.message)).toEqual(['本月未报完成投资，而此前连续3个月（2020年11月、12月、2021年2月）均有投资；如已停工，请报停工']);
    });

    it('does not flag a project the report suspends or completes', () => {
      expect(codes({ ...base, completedMonth: 0, stageEvents: [{ event: 'suspended', on: '2021-05-06' }] })).toEqual([]);
      expect(codes({ ...base, completedMonth: 0, stageEvents: [{ event: 'completed', on: '2021-05-28' }] })).toEqual([]);
    });

    it('does not flag when one of the three months was empty', () => {
      const gap = base.history.map((h) => (h.month === '2021-03' ? { ...h, completed: 0 } : h));
      expect(codes({ ...base, history: gap, completedMonth: 0 })).toEqual([]);
    });
  });

  describe('silent for three months', () => {
    // Work stopped after February: March and April empty, and May too.
    const quiet: ReportFlagInput = {
      ...base,
      completedMonth: 0,
      ytd: 300 * W,
      history: [{ month: '2021-02', completed: 300 * W }, { month: '2021-03', completed: 0 }],
    };

    it('flags a started project with this month and the two before empty or absent', () => {
      expect(reportFlags(quiet)).toEqual([
        { code: 'silentThreeMonths', severity: 'warning', message: '项目已开工，但连续3个月（2021年3月、4月、5月）未报完成投资' },
      ]);
      expect(codes({ ...quiet, completedMonth: null })).toEqual(['silentThreeMonths']);
    });

    it('does not flag a project with investment this month or in either month before', () => {
      expect(codes({ ...quiet, completedMonth: 1 })).toEqual([]);
      expect(codes({ ...quiet, history: [...quiet.history, { month: '2021-04', completed: 1 }] })).toEqual([]);
    });

    it('does not flag a project not started, or started inside the window', () => {
      expect(codes({ ...quiet, started: false })).toEqual([]);
      expect(codes({ ...quiet, startedOn: '2021-04-10' })).toEqual([]);
      expect(codes({ ...quiet, startedOn: '2021-03-31' })).toEqual(['silentThreeMonths']);
      expect(codes({ ...quiet, stageEvents: [{ event: 'resumed', on: '2021-05-25' }] })).toEqual([]);
    });

    it('does not flag a project that is finished or suspended', () => {
      expect(codes({ ...quiet, stage: 'completed' })).toEqual([]);
      expect(codes({ ...quiet, stage: 'suspended' })).toEqual([]);
      expect(codes({ ...quiet, stageEvents: [{ event: 'operating', on: '2021-05-10' }] })).toEqual([]);
    });

    it('counts reporting months across the year, skipping an unreported January', () => {
      const march = reportFlags({ ...quiet, month: '2021-03', history: [{ month: '2020-11', completed: 300 * W }] });
      expect(march.map((f) => f.message)).toEqual(['项目已开工，但连续3个月（2020年12月、2021年2月、3月）未报完成投资']);
    });
  });

  describe('stage going backwards', () => {
    it('flags 开工 reported on a completed project', () => {
      expect(reportFlags({ ...base, stage: 'completed', stageEvents: [{ event: 'started', on: '2021-05-10' }] })).toEqual([
        { code: 'stageBackwards', severity: 'error', message: '阶段倒退：项目阶段为“竣工”，本月又报开工（2021-05-10）' },
      ]);
    });

    it('follows the events in date order', () => {
      // 停工 on the 5th then 竣工 on the 20th is a normal path; 竣工 on the 5th then 停工 on the 20th is not.
      expect(codes({ ...base, stageEvents: [{ event: 'completed', on: '2021-05-20' }, { event: 'suspended', on: '2021-05-05' }] })).toEqual([]);
      expect(reportFlags({ ...base, stageEvents: [{ event: 'suspended', on: '2021-05-20' }, { event: 'completed', on: '2021-05-05' }] })).toEqual([
        { code: 'stageBackwards', severity: 'error', message: '阶段倒退：项目阶段为“竣工”，本月又报停工（2021-05-20）' },
      ]);
    });

    it('lets a planned project skip ahead', () => {
      expect(codes({ ...base, stage: 'planned', stageEvents: [{ event: 'completed', on: '2021-05-20' }] })).toEqual([]);
    });
  });

  it('lists several flags in a fixed order', () => {
    const input: ReportFlagInput = {
      ...base,
      completedMonth: -10 * W,
      annualPlan: 100 * W,
      totalInvestment: 1000 * W,
      stage: 'operating',
      stageEvents: [{ event: 'started', on: '2021-05-02' }],
    };
    expect(codes(input)).toEqual(['negativeMonth', 'aboveAnnualPlan', 'aboveTotal', 'stageBackwards']);
  });
});
