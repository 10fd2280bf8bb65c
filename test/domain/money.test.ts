// Money in whole 元: parsing, unit conversion and display rounding.
import { describe, expect, it } from 'vitest';
import { formatMoney, fromUnit, sumYuan, toYuan } from '../../src/domain/money.ts';

describe('fromUnit', () => {
  it.each([
    [188.9, '亿元', 18_890_000_000],
    [44.38, '亿元', 4_438_000_000],
    [0.1, '亿元', 10_000_000],
    [1.005, '万元', 10_050],
    [34.39, '亿元', 3_439_000_000],
    [12345.678, '万元', 123_456_780],
    [0.00005, '元', 0],
    [0.5, '元', 1],
    [-2.5, '元', -3],
  ] as const)('%s %s is %s 元', (amount, unit, yuan) => {
    expect(fromUnit(amount, unit)).toBe(yuan);
  });

  it('gives the same 元 for a ledger in 万元 and in 亿元', () => {
    expect(fromUnit(213900, '万元')).toBe(fromUnit(21.39, '亿元'));
  });
});

describe('formatMoney', () => {
  it.each([
    [18_890_000_000, '亿元', undefined, '188.9'],
    [3_439_000_000, '亿元', undefined, '34.39'],
    [5_900_000_000, '亿元', undefined, '59'],
    [123_456_789, '万元', undefined, '12346'],
    [123_456_789, '万元', 2, '12345.68'],
    [125_000, '万元', 0, '13'],
    [-125_000, '万元', 0, '-13'],
    [4_000, '万元', 0, '0'],
  ] as const)('%s 元 in %s (%s decimals) is %s', (yuan, unit, decimals, text) => {
    expect(formatMoney(yuan, unit, decimals)).toBe(text);
  });
});

describe('toYuan', () => {
  it('parses PostgreSQL bigint strings', () => {
    expect(toYuan('40280000000')).toBe(40_280_000_000);
  });
  it('refuses fractions and unsafe integers', () => {
    expect(() => toYuan(1.5)).toThrow(RangeError);
    expect(() => toYuan('9007199254740993')).toThrow(RangeError);
    expect(() => toYuan('abc')).toThrow(RangeError);
  });
  it('sums guard the safe range', () => {
    expect(sumYuan([1, 2, 3])).toBe(6);
    expect(() => sumYuan([Number.MAX_SAFE_INTEGER, 2])).toThrow(RangeError);
  });
});
