// 三个一批 follow-up: per category count, investment and expected output; 开工率 of the signed, 投产率 of the started,
// 达效率 of those in production.
import { describe, expect, it } from 'vitest';
import { batchFollowUp, type BatchItem } from '../../../src/domain/attraction/batch-follow-up.ts';

const item = (kind: BatchItem['kind'], total: number, extra: Partial<BatchItem> = {}): BatchItem => ({ kind, totalInvestment: total, expectedOutput: null, actualOutput: null, startedOn: null, operatingOn: null, ...extra });

describe('batchFollowUp', () => {
  const items = [
    item('signed', 500, { startedOn: '2021-03-01' }),
    item('signed', 300, { startedOn: '2021-08-01' }),
    item('signed', 200),
    item('started', 800, { startedOn: '2021-01-01', operatingOn: '2021-06-01', expectedOutput: 1000, actualOutput: 600 }),
    item('started', 400, { startedOn: '2021-01-01' }),
    item('operating', 900, { operatingOn: '2021-01-01', expectedOutput: 2000, actualOutput: 1400 }),
  ];

  it('counts each category with its investment and expected output', () => {
    const f = batchFollowUp(items, '2021-06-30');
    expect(f.categories).toEqual({
      signed: { count: 3, totalInvestment: 1000, expectedOutput: 0 },
      started: { count: 2, totalInvestment: 1200, expectedOutput: 1000 },
      operating: { count: 1, totalInvestment: 900, expectedOutput: 2000 },
    });
  });

  it('follows the batch up on a day', () => {
    const june = batchFollowUp(items, '2021-06-30');
    expect(june.startRate).toEqual({ value: 1 / 3, numerator: 1, denominator: 3 });
    expect(june.operatingRate).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
    expect(june.attainmentRate).toEqual({ value: 2000 / 3000, numerator: 2000, denominator: 3000 });
    expect(batchFollowUp(items, '2021-12-31').startRate.value).toBe(2 / 3);
  });
});
