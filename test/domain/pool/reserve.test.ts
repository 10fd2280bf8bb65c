// Reserve sufficiency: seed 000's arithmetic (2.7 × a 100 亿元 task is 270 亿元; 115 亿元 held leaves 155 亿元 missing),
// the task shared among categories in proportion to their plans, and the drafted paragraph.
import { describe, expect, it } from 'vitest';
import { DEFAULT_COVERAGE_RATIO, reserveFigures, reserveSentence, type ReserveGroup } from '../../../src/domain/pool/reserve.ts';

const YI = 100_000_000;
const group = (category: string | null, over: Partial<ReserveGroup>): ReserveGroup => ({
  category,
  count: 0,
  remainingInvestment: 0,
  effectiveCount: 0,
  effectiveBalance: 0,
  annualPlan: 0,
  completedYtd: 0,
  ...over,
});

describe('reserve figures', () => {
  it('compares what the library holds with the coverage ratio times the year\'s task', () => {
    expect(DEFAULT_COVERAGE_RATIO).toBe(2.7);
    const f = reserveFigures({
      task: 100 * YI,
      coverageRatio: 2.7,
      groups: [group('产业项目', { count: 120, remainingInvestment: 115 * YI, effectiveCount: 100, effectiveBalance: 80 * YI, annualPlan: 104 * YI, completedYtd: 3439 * (YI / 100) })],
      newlyEntered: { count: 36, totalInvestment: 74 * YI },
    });
    expect(f).toMatchObject({ required: 270 * YI, gap: 155 * YI, remainingTask: 100 * YI - 3439 * (YI / 100), taskSource: 'setting', effectiveBalance: 80 * YI });
    expect(reserveSentence(f)).toBe(
      '目前全县在库项目剩余投资115亿元，按照2.7倍测算，在库项目剩余投资需达到270亿元，才能支撑全年100亿元的年度任务，今年新入库项目36个，总投资74亿元，尚有155亿元的缺口。' +
        '在库项目剩余投资虽然有115亿元，但今年能够上报投资的有效投资余额只有80亿元。',
    );
  });

  it('takes the pool\'s plan as the task without a setting, shares it by plan, and shows no negative gap', () => {
    const f = reserveFigures({
      task: null,
      coverageRatio: 2,
      groups: [
        group('产业项目', { remainingInvestment: 50, annualPlan: 20 }),
        group('民生项目', { remainingInvestment: 1, annualPlan: 10 }),
        group(null, { remainingInvestment: 0, annualPlan: 3 }),
      ],
      newlyEntered: { count: 0, totalInvestment: 0 },
    });
    expect(f.task).toBe(33);
    expect(f.taskSource).toBe('poolPlan');
    expect(f.byCategory.map((c) => [c.category, c.task, c.required, c.gap])).toEqual([
      ['产业项目', 20, 40, 0],
      ['民生项目', 10, 20, 19],
      [null, 3, 6, 6],
    ]);
    expect(f.byCategory.reduce((s, c) => s + c.task, 0)).toBe(f.task);
    expect(f.gap).toBe(15);
  });

  it('says so when the library can carry the task', () => {
    const f = reserveFigures({ task: 10 * YI, coverageRatio: 2.7, groups: [group('产业项目', { remainingInvestment: 30 * YI, effectiveBalance: 30 * YI, annualPlan: 10 * YI })], newlyEntered: { count: 1, totalInvestment: YI } });
    expect(reserveSentence(f)).toContain('已能支撑全年任务，超出3亿元。有效投资余额30亿元。');
  });
});
