// Rates and money as documents write them.
import { describe, expect, it } from 'vitest';
import { formatPoints, formatRate, jsonRate, money, roundHalfUp } from '../../src/domain/format.ts';

describe('formatRate', () => {
  it.each([
    [136 / 143, '95.1%'],
    [1, '100%'],
    [0.148, '14.8%'],
    [0.00049, '0%'],
    [0.0005, '0.1%'],
    [-0.583, '-58.3%'],
    [null, '—'],
  ] as const)('%s → %s', (f, text) => {
    expect(formatRate(f)).toBe(text);
  });
});

describe('rounding', () => {
  it('rounds half up once, on the decimal value', () => {
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(2.5, 0)).toBe(3);
    expect(roundHalfUp(-2.5, 0)).toBe(-3);
  });
  it('prints JSON rates with four decimals', () => {
    expect(jsonRate(136 / 143)).toBe(0.951);
    expect(jsonRate(null)).toBeNull();
  });
  it('writes points and money with units', () => {
    expect(formatPoints(0.565 - 5 / 12)).toBe('14.8个百分点');
    expect(money(40_280_000_000)).toBe('402.8亿元');
    expect(money(1_234_567, '万元')).toBe('123万元');
  });
});
