// Months and days as strings: arithmetic, validity, time progress.
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, cstInstant, cstParts, dayOf, instantMs, isDay, isMonth, lastDayOfMonth, linearTimeProgress, monthRange, ytdLabel } from '../../src/domain/months.ts';

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

describe('China Standard Time', () => {
  it('turns a CST wall-clock time into a UTC instant', () => {
    expect(cstInstant('2021-06-05', 18)).toBe('2021-06-05T10:00:00.000Z');
    expect(cstInstant('2021-06-01')).toBe('2021-05-31T16:00:00.000Z');
    expect(cstInstant('2022-01-01', 7, 30)).toBe('2021-12-31T23:30:00.000Z');
  });
  it('reads an instant on a CST clock, the day changing at 16:00 UTC', () => {
    expect(cstParts('2021-05-31T15:59:00.000Z')).toEqual({ day: '2021-05-31', hour: 23, minute: 59 });
    expect(cstParts(new Date('2021-05-31T16:00:00.000Z'))).toEqual({ day: '2021-06-01', hour: 0, minute: 0 });
  });
  it('gives today as the county lives it: 07:00 on 1 June in 襄垣 is 31 May in UTC', () => {
    expect(dayOf(new Date('2021-05-31T23:00:00Z'))).toBe('2021-06-01');
    expect(dayOf(new Date('2021-05-31T15:59:59Z'))).toBe('2021-05-31');
  });
  it('adds days across months and leap days', () => {
    expect(addDays('2021-02-27', 3)).toBe('2021-03-02');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2021-01-01', -1)).toBe('2020-12-31');
  });
  it('compares instants from the clock and from storage', () => {
    expect(instantMs('2021-06-05T10:00:00.000Z')).toBe(instantMs(new Date(Date.UTC(2021, 5, 5, 10))));
    expect(() => instantMs('yesterday')).toThrow(RangeError);
  });
});
