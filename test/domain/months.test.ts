// Months and days as strings: arithmetic, validity, time progress.
import { describe, expect, it } from 'vitest';
import { addMonths, isDay, isMonth, lastDayOfMonth, linearTimeProgress, monthRange, ytdLabel } from '../../src/domain/months.ts';

describe('months', () => {
  it('adds across years', () => {
    expect(addMonths('2021-11', 3)).toBe('2022-02');
    expect(addMonths('2021-01', -1)).toBe('2020-12');
  });
  it('lists a range', () => {
    expect(monthRange('2021-02', '2021-05')).toEqual(['2021-02', '2021-03', '2021-04', '2021-05']);
  });
  it('knows month ends, leap years included', () => {
    expect(lastDayOfMonth('2021-05')).toBe('2021-05-31');
    expect(lastDayOfMonth('2024-02')).toBe('2024-02-29');
    expect(lastDayOfMonth('2021-02')).toBe('2021-02-28');
  });
  it('validates', () => {
    expect(isMonth('2021-13')).toBe(false);
    expect(isMonth('2021-5')).toBe(false);
    expect(isDay('2021-02-29')).toBe(false);
    expect(isDay('2024-02-29')).toBe(true);
  });
  it('gives linear time progress and the period label', () => {
    expect(linearTimeProgress('2021-05')).toBeCloseTo(5 / 12, 12);
    expect(ytdLabel('2021-05')).toBe('1-5月');
    expect(ytdLabel('2021-01')).toBe('1月');
  });
});
