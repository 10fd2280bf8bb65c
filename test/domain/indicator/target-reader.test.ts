// The target reader: proposes the year's targets from a work report's own text (the 2021 work report), and leaves past and five-year figures alone. Sources quoted in docs/sources.md.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTargets } from '../../../src/domain/indicator/target-reader.ts';

const report = readFileSync(new URL('./fixtures/xiangyuan-2021-work-report.txt', import.meta.url), 'utf8');

const brief = (text: string, year?: number) =>
  readTargets(text, year === undefined ? {} : { year }).map((p) => [p.indicator, p.kind, p.value, p.qualifier, p.upper]);

describe('readTargets on the 2021 work report (襄垣县 2021 work report)', () => {
  it('proposes the 2021 targets: GDP, 固投, 社零, 一般公共预算收入, and urban and rural income', () => {
    expect(brief(report, 2021)).toEqual([
      ['gdp', 'growth', 0.08, null, null],
      ['fixed-asset-investment', 'growth', 0.085, null, null],
      ['retail-sales', 'growth', 0.1, null, null],
      ['public-budget-revenue', 'growth', 0.05, null, null],
      ['urban-disposable-income', 'growth', 0.08, null, null],
      ['rural-disposable-income', 'growth', 0.08, 'atLeast', null],
    ]);
  });

  it('points each proposal at the words it was read from', () => {
    const [gdp, fai, , , urban, rural] = readTargets(report, { year: 2021 });
    expect(gdp?.span.text).toBe('地区生产总值增长8%');
    expect(fai?.span.text).toBe('固定资产投资增长8.5%');
    expect(report.slice(gdp?.span.start, gdp?.span.end)).toBe('地区生产总值增长8%');
    expect(urban?.span.text).toBe('城镇居民、农村居民人均可支配收入分别增长8%和8%以上');
    expect(rural?.span).toEqual(urban?.span);
  });

  it('takes neither the past five years\' figures nor the five-year plan\'s average for this year\'s', () => {
    const past = report.split('\n').find((line) => line.includes('过去五年')) as string;
    expect(brief(past)).toEqual([]);
    const plan = report.split('\n').find((line) => line.includes('到 2025 年')) as string;
    expect(brief(plan)).toEqual([]);
  });
});

describe('readTargets on the ways targets are written', () => {
  it.each([
    ['GDP增长8%左右', [['gdp', 'growth', 0.08, 'about', null]]],
    ['社零额同比增长10%以上。', [['retail-sales', 'growth', 0.1, 'atLeast', null]]],
    ['规模以上工业增加值增速达到9.5%', [['industrial-value-added', 'growth', 0.095, null, null]]],
    ['固投增长7%—8%', [['fixed-asset-investment', 'growth', 0.07, 'range', 0.08]]],
    ['固定资产投资增长7～8%', [['fixed-asset-investment', 'growth', 0.07, 'range', 0.08]]],
    ['一般公共预算收入增长不低于5%', [['public-budget-revenue', 'growth', 0.05, 'atLeast', null]]],
    ['一般公共预算收入增长５．５％', [['public-budget-revenue', 'growth', 0.055, null, null]]],
    ['地区生产总值达到250亿元', [['gdp', 'absolute', 25_000_000_000, null, null]]],
    ['地区生产总值突破 242.8 亿元左右，增长8%', [['gdp', 'absolute', 24_280_000_000, 'about', null], ['gdp', 'growth', 0.08, null, null]]],
    ['工业投资完成50000万元', [['industrial-investment', 'absolute', 500_000_000, null, null]]],
    ['城乡居民人均可支配收入均增长7%', [['urban-disposable-income', 'growth', 0.07, null, null], ['rural-disposable-income', 'growth', 0.07, null, null]]],
    ['城镇居民人均可支配收入达到43500元', [['urban-disposable-income', 'absolute', 43_500, null, null]]],
    ['产出强度达到45万元/亩', [['output-intensity', 'absolute', 450_000, null, null]]],
    ['新增规上企业20家', [['new-industrial-enterprises', 'absolute', 20, null, null]]],
    ['新增高新技术企业 3 家', []],
    ['培育认定高新技术企业 1 家', []],
    ['高新技术企业达到10家', [['high-tech-enterprises', 'absolute', 10, null, null]]],
    ['地区生产总值年均增长 8%以上', []],
    ['地区生产总值由2015年的138.7亿元增加到2020年的224.8亿元', []],
    ['战略性新兴产业增加值占 GDP 比重 12%', []],
    ['城乡居民人均可支配收入分别增长8%、7%和6%', []],
  ] as const)('%s', (text, expected) => {
    expect(brief(text)).toEqual(expected);
  });

  it('leaves out a sentence about another year when the year is given', () => {
    expect(brief('到2025年，地区生产总值增长50%', 2021)).toEqual([]);
    expect(brief('到2025年，地区生产总值增长50%')).toEqual([['gdp', 'growth', 0.5, null, null]]);
  });
});
