// The pool figures: totals are sums of parts, rates are null without a denominator, breakdowns group and sort. Sources quoted in docs/sources.md.
import { describe, expect, it } from 'vitest';
import { breakdown, poolFigures, type PhaseFigures } from '../../../src/domain/pool/pool-analysis.ts';
import { batchSentence, poolSentence } from '../../../src/domain/pool/pool-sentence.ts';

const continuing: PhaseFigures = { phase: 'continuing', count: 86, totalInvestment: 18_890_000_000, annualPlan: 4_438_000_000, completedYtd: 1_849_000_000, started: 80, resumed: 86 };
const newStart: PhaseFigures = { phase: 'newStart', count: 143, totalInvestment: 21_390_000_000, annualPlan: 5_900_000_000, completedYtd: 1_590_000_000, started: 136, resumed: 0 };

describe('poolFigures', () => {
  it('adds the phases into the total (the pool report, whose own total line does not add up)', () => {
    const f = poolFigures([continuing, newStart]);
    expect(f.all).toEqual({ count: 229, totalInvestment: 40_280_000_000, annualPlan: 10_338_000_000, completedYtd: 3_439_000_000, planShare: 3_439_000_000 / 10_338_000_000 });
    expect(f.continuing.resumeRate).toBe(1);
    expect(f.newStart.startRate).toBeCloseTo(0.951, 3);
  });

  it('has no rate, rather than 0, for an empty phase', () => {
    const f = poolFigures([continuing]);
    expect(f.newStart.count).toBe(0);
    expect(f.newStart.startRate).toBeNull();
    expect(f.newStart.planShare).toBeNull();
  });

  it('breaks down by key, largest first, unassigned labelled', () => {
    const rows = breakdown(
      [
        { ...newStart, key: 'a', totalInvestment: 10, count: 1 },
        { ...continuing, key: 'a', totalInvestment: 5, count: 2 },
        { ...newStart, key: null, totalInvestment: 30, count: 3 },
      ],
      (k) => `名${k}`,
    );
    expect(rows.map((r) => [r.label, r.all.count, r.all.totalInvestment])).toEqual([['未填写', 3, 30], ['名a', 3, 15]]);
  });
});

describe('sentences', () => {
  it('drafts the paragraph of the pool report from the figures', () => {
    const text = poolSentence(poolFigures([continuing, newStart]), '2021-05');
    expect(text).toBe(
      '截至5月底，全县拟实施项目共229项，总投资402.8亿元，年度计划103.38亿元，1-5月份完成投资34.39亿元。' +
        '续建（复工）项目86个，总投资188.9亿元，年度计划44.38亿元，复工率100%，1-5月份完成投资18.49亿元。' +
        '新建项目143个，总投资213.9亿元，年度计划59亿元，目前已开工136项，开工率95.1%，1-5月份完成投资15.9亿元。',
    );
  });
  it('lists the batch events in date order', () => {
    expect(batchSentence([
      { heldOn: '2021-03-22', title: '第二批项目集中开工仪式', signed: 3, started: 3, operating: 1 },
      { heldOn: '2021-01-01', title: '第一批项目集中开工现场会', signed: 7, started: 3, operating: 4 },
    ])).toBe('1月1日举行了第一批项目集中开工现场会，共签约7个，开工3个，投产4个。3月22日举行了第二批项目集中开工仪式，共签约3个，开工3个，投产1个。');
  });
});
