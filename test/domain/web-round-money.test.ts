// The report form's amounts: 万元 as typed read exactly into whole 元, shown back as typed, and the figures an entry leads to.
import { describe, expect, it } from 'vitest';
import { figureBase as baseFromMonths } from '../../src/domain/round/monthly-figure.ts';
import { baseFromFigures, parseWan, previewFigures, yuanToWanText } from '../../src/web/lib/round-money.ts';

describe('parseWan', () => {
  it.each([
    ['', null],
    ['  ', null],
    ['0', 0],
    ['123', 1_230_000],
    ['123.4567', 1_234_567],
    ['0.1', 1_000],
    ['0.0001', 1],
    ['.5', 5_000],
    ['12.', 120_000],
    ['1,234.5', 12_345_000],
    [' 80 ', 800_000],
    ['1.23450', 12_345],
    ['-0', 0],
    ['+7', 70_000],
    // 0.1 + 0.2 style binary errors never appear: every digit is read as a digit.
    ['4503.5999', 45_035_999],
    ['900719925474.0991', 9_007_199_254_740_991],
  ])('reads %j as %j 元', (text, yuan) => {
    expect(parseWan(text)).toEqual({ ok: true, yuan });
  });

  it.each([
    ['abc', 'format'],
    ['.', 'format'],
    ['1.2.3', 'format'],
    ['1e5', 'format'],
    ['12.34567', 'decimals'],
    ['-3', 'negative'],
    ['900719925474.0992', 'range'],
  ])('refuses %j (%s)', (text, reason) => {
    expect(parseWan(text)).toEqual({ ok: false, reason });
  });
});

describe('yuanToWanText', () => {
  it.each([
    [null, ''],
    [0, '0'],
    [1_234_567, '123.4567'],
    [1_230_000, '123'],
    [1, '0.0001'],
    [9_007_199_254_740_991, '900719925474.0991'],
  ])('shows %j 元 as %j', (yuan, text) => {
    expect(yuanToWanText(yuan)).toBe(text);
  });

  it('round-trips every amount it shows', () => {
    for (const yuan of [0, 1, 99, 10_000, 12_345, 1_234_567, 3_439_000_000]) expect(parseWan(yuanToWanText(yuan))).toEqual({ ok: true, yuan });
  });
});

describe('the figures an entry leads to', () => {
  const saved = { month: 300_000, ytd: 1_000_000, sinceStart: 1_500_000 };
  const base = baseFromFigures(saved)!;

  it('reads the earlier months and the years before from the saved figures', () => {
    expect(base).toEqual({ earlier: 700_000, before: 500_000 });
    expect(baseFromFigures(null)).toBeNull();
  });

  it('builds the same base from the project’s months, leaving the report’s own month out', () => {
    const months = [
      { month: '2020-11', completed: 200_000 },
      { month: '2021-02', completed: 300_000 },
      { month: '2021-05', completed: 400_000 },
      { month: '2021-06', completed: 999_999 },
      { month: '2021-07', completed: 1 },
    ];
    expect(baseFromMonths('2021-06', 300_000, months)).toEqual(base);
    expect(baseFromMonths('2021-01', 0, [])).toEqual({ earlier: 0, before: 0 });
  });

  it('moves the year-to-date and since-start figures with a new month amount', () => {
    expect(previewFigures(base, 'month', 500_000)).toEqual({ month: 500_000, ytd: 1_200_000, sinceStart: 1_700_000 });
    expect(previewFigures(base, 'month', saved.month)).toEqual(saved);
  });

  it('derives the month from a year-to-date entry', () => {
    expect(previewFigures(base, 'ytd', 1_100_000)).toEqual({ month: 400_000, ytd: 1_100_000, sinceStart: 1_600_000 });
    expect(previewFigures(base, 'ytd', 600_000)?.month).toBe(-100_000);
  });

  it('has nothing to say without a base or while the field is blank', () => {
    expect(previewFigures(null, 'month', 1)).toBeNull();
    expect(previewFigures(base, 'month', null)).toBeNull();
  });
});
