// A report's figures: the month from a year-to-date entry, and year-to-date and since-start from the month.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/domain/errors.ts';
import { figureBase, figuresAsOf, figuresOfEntry, monthFromYtd } from '../../../src/domain/round/monthly-figure.ts';

describe('monthFromYtd', () => {
  it('subtracts the months already on record', () => {
    // 1-5月 1 200 万元, 1-4月 900 万元 → May 300 万元.
    expect(monthFromYtd(12_000_000, 9_000_000, '2021-05')).toBe(3_000_000);
    expect(monthFromYtd(9_000_000, 9_000_000)).toBe(0);
  });

  it('refuses a year-to-date below the earlier months, naming the periods', () => {
    let error: unknown;
    try {
      monthFromYtd(9_000_000, 12_345_600, '2021-05');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    const e = error as AppError;
    expect(e.code).toBe('invalid_input');
    expect(e.details).toEqual([{ field: 'ytd', message: '1-5月累计完成投资900万元，小于此前各月（1-4月）之和1234.56万元，请核对' }]);
  });

  it('words the refusal without a month, and for February', () => {
    expect(() => monthFromYtd(100, 200)).toThrow('本年累计完成投资0.01万元，小于此前各月之和0.02万元，请核对');
    expect(() => monthFromYtd(0, 50_000, '2021-02')).toThrow('1-2月累计完成投资0万元，小于此前各月（1月）之和5万元，请核对');
  });
});

describe('the figures of a month typed as such', () => {
  it('adds the month to the year and to everything before it', () => {
    // completedBefore + earlier years = 15 000 万元; 1-4月 900 万元; May 300 万元.
    expect(figuresOfEntry({ earlier: 9_000_000, before: 150_000_000 }, 'month', 3_000_000)).toEqual({
      month: 3_000_000,
      ytd: 12_000_000,
      sinceStart: 162_000_000,
    });
  });

  it('lets a negative month (a write-down) reduce the sums', () => {
    expect(figuresOfEntry({ earlier: 9_000_000, before: 0 }, 'month', -500_000)).toEqual({
      month: -500_000,
      ytd: 8_500_000,
      sinceStart: 8_500_000,
    });
  });
});

describe('the base a month builds on', () => {
  // completedBefore 100 万元; 2020: 50 and 30 万元; 2021: 20 (Feb), 40 (Apr), 60 (May), 70 (Jun).
  const months = [
    { month: '2020-11', completed: 500_000 },
    { month: '2020-12', completed: 300_000 },
    { month: '2021-02', completed: 200_000 },
    { month: '2021-04', completed: 400_000 },
    { month: '2021-05', completed: 600_000 },
    { month: '2021-06', completed: 700_000 },
  ];

  it.each([
    ['2021-05', { earlier: 600_000, before: 1_800_000 }],
    ['2021-04', { earlier: 200_000, before: 1_800_000 }],
    ['2021-01', { earlier: 0, before: 1_800_000 }],
    ['2021-12', { earlier: 1_900_000, before: 1_800_000 }],
    ['2020-12', { earlier: 500_000, before: 1_000_000 }],
    ['2019-06', { earlier: 0, before: 1_000_000 }],
  ])('%s: %j (its own month and later ones left out)', (month, base) => {
    expect(figureBase(month, 1_000_000, months)).toEqual(base);
  });

  it.each([
    ['2021-05', { month: 600_000, ytd: 1_200_000, sinceStart: 3_000_000 }],
    ['2021-03', { month: 0, ytd: 200_000, sinceStart: 2_000_000 }],
    ['2021-06', { month: 700_000, ytd: 1_900_000, sinceStart: 3_700_000 }],
    ['2020-12', { month: 300_000, ytd: 800_000, sinceStart: 1_800_000 }],
  ])('as of %s the project stands at %j', (asOf, figures) => {
    expect(figuresAsOf(asOf, 1_000_000, months)).toEqual(figures);
  });

  it.each([
    ['month', 300_000, { month: 300_000, ytd: 900_000, sinceStart: 2_700_000 }],
    ['ytd', 900_000, { month: 300_000, ytd: 900_000, sinceStart: 2_700_000 }],
    ['ytd', 500_000, { month: -100_000, ytd: 500_000, sinceStart: 2_300_000 }],
    ['month', 0, { month: 0, ytd: 600_000, sinceStart: 2_400_000 }],
  ] as const)('an entry of %s %i in May leads to %j', (enteredAs, entered, figures) => {
    expect(figuresOfEntry(figureBase('2021-05', 1_000_000, months), enteredAs, entered)).toEqual(figures);
  });
});
