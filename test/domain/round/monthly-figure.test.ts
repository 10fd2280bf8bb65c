// A report's figures: the month from a year-to-date entry, and year-to-date and since-start from the month.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/domain/errors.ts';
import { monthFromYtd, reportFigures } from '../../../src/domain/round/monthly-figure.ts';

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

describe('reportFigures', () => {
  it('adds the month to the year and to everything before it', () => {
    // completedBefore + earlier years = 15 000 万元; 1-4月 900 万元; May 300 万元.
    expect(reportFigures({ month: '2021-05', completedMonth: 3_000_000, earlierThisYear: 9_000_000, before: 150_000_000 })).toEqual({
      month: 3_000_000,
      ytd: 12_000_000,
      sinceStart: 162_000_000,
    });
  });

  it('lets a negative month (a write-down) reduce the sums', () => {
    expect(reportFigures({ month: '2021-05', completedMonth: -500_000, earlierThisYear: 9_000_000, before: 0 })).toEqual({
      month: -500_000,
      ytd: 8_500_000,
      sinceStart: 8_500_000,
    });
  });
});
