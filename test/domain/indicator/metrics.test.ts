// Each indicator metric pinned to hand-worked examples, the published 时序进度 checks and the zone’s half-year report’s zone figures. Sources quoted in docs/sources.md.
import { describe, expect, it } from 'vitest';
import { formatPoints, formatRate } from '../../../src/domain/format.ts';
import type { IndicatorCode } from '../../../src/domain/indicator/catalogue.ts';
import {
  absoluteTarget,
  indicatorMetrics,
  indicatorMetricsJson,
  progressGap,
  timeProgress,
  yoyGrowth,
} from '../../../src/domain/indicator/metrics.ts';
import { planCurveProblem, type IndicatorTarget, type IndicatorValue } from '../../../src/domain/indicator/values.ts';

const YI = 100_000_000;
const COUNTY = '140423';
const ZONE = '140423402';

function v(indicator: IndicatorCode, month: string, value: number, officialYoy?: number, region = COUNTY): IndicatorValue {
  return { indicator, region, month, value, officialYoy };
}

function absolute(indicator: IndicatorCode, year: number, value: number): IndicatorTarget {
  return { indicator, region: COUNTY, year, kind: 'absolute', value };
}

/** Last year's cumulative curve of an indicator, 2—12月, in 亿元. */
function lastYearCurve(indicator: IndicatorCode, year: number, yi: Record<number, number>): IndicatorValue[] {
  return Object.entries(yi).map(([m, x]) => v(indicator, `${year}-${String(m).padStart(2, '0')}`, x * YI));
}

describe('时序进度 and the gap (the published checks)', () => {
  it.each([
    ['2021-05', 0.565, 0.1483, '14.8个百分点', 1],
    ['2021-08', 0.74, 0.0733, '7.33个百分点', 2],
    ['2021-04', 0.317, -0.0163, '1.6个百分点', 1],
  ] as const)('1—%s: %s of the target', (month, share, gap, points, decimals) => {
    expect(progressGap(share, month)).toBeCloseTo(gap, 4);
    expect(formatPoints(progressGap(share, month), decimals)).toBe(points);
  });

  it('gives the same gaps through the metrics of a value and an absolute target', () => {
    const metrics = (month: string, share: number) =>
      indicatorMetrics({
        indicator: 'industrial-investment',
        region: COUNTY,
        asOf: month,
        values: [v('industrial-investment', month, Math.round(share * 100 * YI))],
        target: absolute('industrial-investment', 2021, 100 * YI),
      });
    const may = metrics('2021-05', 0.565);
    expect(may.targetShare).toBe(0.565);
    expect(may.timeProgress).toBeCloseTo(5 / 12, 12);
    expect(may.progressGap).toBeCloseTo(0.565 - 5 / 12, 12);
    expect(metrics('2021-08', 0.74).progressGap).toBeCloseTo(0.0733, 4);
    expect(metrics('2021-04', 0.317).progressGap).toBeCloseTo(-0.0163, 4);
  });

  it('reads the share from a plan curve when there is one', () => {
    const curve = [0, 0.1, 0.2, 0.3, 0.45, 0.6, 0.68, 0.76, 0.84, 0.9, 0.95, 1];
    expect(timeProgress('2021-06', curve)).toBe(0.6);
    expect(timeProgress('2021-06')).toBe(0.5);
    expect(progressGap(0.565, '2021-06', curve)).toBeCloseTo(-0.035, 12);
    const m = indicatorMetrics({
      indicator: 'fixed-asset-investment',
      region: COUNTY,
      asOf: '2021-06',
      values: [v('fixed-asset-investment', '2021-06', 56.5 * YI)],
      target: absolute('fixed-asset-investment', 2021, 100 * YI),
      planCurve: curve,
    });
    expect(m.timeProgressSource).toBe('planCurve');
    expect(m.progressGap).toBeCloseTo(-0.035, 12);
  });

  it('refuses an unsound plan curve', () => {
    expect(planCurveProblem([0.1, 0.2])).toBe('计划进度须有12个月的累计比例');
    expect(planCurveProblem([0, 0.1, 0.2, 0.3, 0.25, 0.6, 0.68, 0.76, 0.84, 0.9, 0.95, 1])).toBe('5月的累计比例小于上月');
    expect(planCurveProblem([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99])).toBe('12月的累计比例须为100%');
    expect(() => timeProgress('2021-06', [0.5])).toThrow(RangeError);
  });
});

describe('同比', () => {
  it('computes value ÷ last year − 1', () => {
    expect(yoyGrowth(115, 100)).toEqual({ rate: expect.closeTo(0.15, 12) });
  });

  it('has no growth without last year, and says why, never dividing by zero', () => {
    expect(yoyGrowth(115, null)).toEqual({ rate: null, reason: { code: 'no-last-year-value', message: '缺少上年同期数，无法计算同比' } });
    expect(yoyGrowth(115, 0)).toMatchObject({ rate: null, reason: { code: 'last-year-zero' } });
    expect(yoyGrowth(115, -3)).toMatchObject({ rate: null, reason: { code: 'last-year-negative' } });

    const m = indicatorMetrics({ indicator: 'retail-sales', region: COUNTY, asOf: '2021-05', values: [v('retail-sales', '2021-05', 20 * YI)] });
    expect(m.value).toBe(20 * YI);
    expect(m.computedYoy).toBeNull();
    expect(m.yoy).toBeNull();
    expect(m.yoySource).toBeNull();
    expect(m.reasons.yoy?.code).toBe('no-last-year-value');
  });

  it('lets the official rate win and shows where the two differ (the zone’s half-year report, zone, 1—6月 2023)', () => {
    const values = [
      v('industrial-value-added', '2023-06', 44.4 * YI, 0.148, ZONE),
      v('industrial-value-added', '2022-06', 38.7 * YI, undefined, ZONE),
      v('industrial-investment', '2023-06', 10.8 * YI, -0.583, ZONE),
      v('industrial-investment', '2022-06', 25.9 * YI, undefined, ZONE),
    ];
    const iva = indicatorMetrics({ indicator: 'industrial-value-added', region: ZONE, asOf: '2023-06', values });
    expect(iva.value).toBe(4_440_000_000);
    expect(iva.yoy).toBe(0.148);
    expect(iva.yoySource).toBe('official');
    // 44.4 ÷ 38.7 − 1 = 14.7% nominal; the official 14.8% is at comparable prices.
    expect(formatRate(iva.computedYoy)).toBe('14.7%');
    expect(iva.yoyDiffers).toBe(true);

    const inv = indicatorMetrics({ indicator: 'industrial-investment', region: ZONE, asOf: '2023-06', values });
    expect(inv.value).toBe(1_080_000_000);
    expect(inv.yoy).toBe(-0.583);
    expect(formatRate(inv.computedYoy)).toBe('-58.3%'); // 10.8 ÷ 25.9 − 1
    expect(inv.yoyDiffers).toBe(false);
  });

  it('uses the computed rate when none is published', () => {
    const m = indicatorMetrics({
      indicator: 'public-budget-revenue',
      region: COUNTY,
      asOf: '2021-05',
      values: [v('public-budget-revenue', '2021-05', 8.4 * YI), v('public-budget-revenue', '2020-05', 8 * YI)],
    });
    expect(m.yoy).toBeCloseTo(0.05, 12);
    expect(m.yoySource).toBe('computed');
    expect(m.yoyDiffers).toBe(false);
  });

  it('ignores values of other regions and indicators, and refuses two values for one month', () => {
    const base = { indicator: 'retail-sales' as const, region: COUNTY, asOf: '2021-05' };
    const m = indicatorMetrics({ ...base, values: [v('retail-sales', '2021-05', 5, undefined, ZONE), v('gdp', '2021-05', 7)] });
    expect(m.value).toBeNull();
    expect(m.reasons.value?.code).toBe('no-value');
    expect(() => indicatorMetrics({ ...base, values: [v('retail-sales', '2021-05', 5), v('retail-sales', '2021-05', 6)] })).toThrow(RangeError);
  });
});

describe('the annual target', () => {
  it('turns a growth target into an absolute one from last year (the 2021 work report: GDP 224.8 亿元 in 2020, +8%)', () => {
    expect(absoluteTarget({ kind: 'growth', value: 0.08 }, 224.8 * YI)).toBe(24_278_400_000);
    expect(absoluteTarget({ kind: 'growth', value: 0.08 }, null)).toBeNull();
    expect(absoluteTarget({ kind: 'absolute', value: 250 * YI }, null)).toBe(250 * YI);

    const m = indicatorMetrics({
      indicator: 'gdp',
      region: COUNTY,
      asOf: '2021-06',
      values: [v('gdp', '2020-12', 224.8 * YI), v('gdp', '2020-06', 105 * YI), v('gdp', '2021-06', 118 * YI, 0.121)],
      target: { indicator: 'gdp', region: COUNTY, year: 2021, kind: 'growth', value: 0.08 },
    });
    expect(m.target).toBe(24_278_400_000);
    expect(m.targetKind).toBe('growth');
    expect(m.targetShare).toBeCloseTo(118 / 242.784, 12);
    expect(m.timeProgress).toBe(0.5);
    expect(m.progressGap).toBeCloseTo(118 / 242.784 - 0.5, 12);
    // "超任务数4.1个百分点": the official growth against the target growth.
    expect(formatPoints(m.yoyAboveTargetGrowth as number)).toBe('4.1个百分点');
  });

  it('has no target share when last year\'s annual value is unknown, and says why', () => {
    const m = indicatorMetrics({
      indicator: 'gdp',
      region: COUNTY,
      asOf: '2021-06',
      values: [v('gdp', '2021-06', 118 * YI)],
      target: { indicator: 'gdp', region: COUNTY, year: 2021, kind: 'growth', value: 0.08 },
    });
    expect(m.target).toBeNull();
    expect(m.targetShare).toBeNull();
    expect(m.progressGap).toBeNull();
    expect(m.need).toBeNull();
    expect(m.reasons.target?.code).toBe('no-last-year-annual');
    expect(m.reasons.progressGap?.code).toBe('no-last-year-annual');
  });

  it('has no target share without a target, and refuses a target of another year', () => {
    const values = [v('retail-sales', '2021-05', 20 * YI)];
    const m = indicatorMetrics({ indicator: 'retail-sales', region: COUNTY, asOf: '2021-05', values });
    expect(m.targetShare).toBeNull();
    expect(m.reasons.targetShare?.code).toBe('no-target');
    expect(() => indicatorMetrics({ indicator: 'retail-sales', region: COUNTY, asOf: '2021-05', values, target: absolute('retail-sales', 2020, 1) })).toThrow(RangeError);
  });
});

describe('what each remaining month must add', () => {
  const target = absolute('fixed-asset-investment', 2021, 100 * YI);
  const at = (month: string, yi: number) =>
    indicatorMetrics({ indicator: 'fixed-asset-investment', region: COUNTY, asOf: month, values: [v('fixed-asset-investment', month, yi * YI)], target });

  it('divides what is left by the months left, rounding up to a whole 元', () => {
    expect(at('2021-05', 40).need).toEqual({ remaining: 60 * YI, met: false, period: 'month', periodsLeft: 7, perPeriod: 857_142_858 });
    expect(at('2021-06', 40).need?.perPeriod).toBe(10 * YI);
  });

  it('is 0, and met, when the target is reached', () => {
    expect(at('2021-10', 101).need).toEqual({ remaining: -1 * YI, met: true, period: 'month', periodsLeft: 2, perPeriod: 0 });
  });

  it('has no per-month figure once the year is over and the target missed', () => {
    const m = at('2021-12', 95);
    expect(m.need).toMatchObject({ remaining: 5 * YI, met: false, periodsLeft: 0, perPeriod: null });
    expect(m.reasons.need?.code).toBe('year-ended');
  });

  it('counts quarters for a quarterly indicator', () => {
    const m = indicatorMetrics({
      indicator: 'urban-disposable-income',
      region: COUNTY,
      asOf: '2021-06',
      values: [v('urban-disposable-income', '2021-06', 21_000)],
      target: absolute('urban-disposable-income', 2021, 43_500),
    });
    expect(m.unit).toBe('元/人');
    expect(m.need).toEqual({ remaining: 22_500, met: false, period: 'quarter', periodsLeft: 2, perPeriod: 11_250 });
  });

  it('has no target need without a target', () => {
    const m = indicatorMetrics({ indicator: 'fixed-asset-investment', region: COUNTY, asOf: '2021-05', values: [v('fixed-asset-investment', '2021-05', 1)] });
    expect(m.need).toBeNull();
    expect(m.reasons.need?.code).toBe('no-target');
  });
});

describe('环比 of quarters, from cumulatives', () => {
  const values = [
    ...lastYearCurve('industrial-output', 2020, { 9: 90, 12: 125 }),
    v('industrial-output', '2021-03', 30 * YI),
    v('industrial-output', '2021-06', 66 * YI),
    v('industrial-output', '2021-09', 100 * YI),
  ];
  const at = (month: string) => indicatorMetrics({ indicator: 'industrial-output', region: COUNTY, asOf: month, values });

  it('compares Q2 (1—6月 − 1—3月) with Q1', () => {
    const q = at('2021-06').qoq;
    expect(q).toEqual({ quarter: 2, value: 36 * YI, previousValue: 30 * YI, rate: expect.closeTo(0.2, 12) });
  });
  it('compares Q3 with Q2', () => {
    expect(at('2021-09').qoq).toEqual({ quarter: 3, value: 34 * YI, previousValue: 36 * YI, rate: expect.closeTo(34 / 36 - 1, 12) });
  });
  it('compares Q1 with last year\'s Q4 (1—12月 − 1—9月)', () => {
    expect(at('2021-03').qoq).toEqual({ quarter: 1, value: 30 * YI, previousValue: 35 * YI, rate: expect.closeTo(30 / 35 - 1, 12) });
  });
  it('has none outside a quarter\'s last month, or without the cumulatives', () => {
    const may = indicatorMetrics({ indicator: 'industrial-output', region: COUNTY, asOf: '2021-05', values: [v('industrial-output', '2021-05', 1)] });
    expect(may.qoq).toBeNull();
    expect(may.reasons.qoq?.code).toBe('not-quarter-end');
    const alone = indicatorMetrics({ indicator: 'industrial-output', region: COUNTY, asOf: '2021-06', values: [v('industrial-output', '2021-06', 1)] });
    expect(alone.reasons.qoq?.code).toBe('no-quarter-values');
  });
});

describe('forecast from last year\'s seasonal shares', () => {
  const lastYear = lastYearCurve('industrial-investment', 2020, { 2: 10, 3: 18, 4: 28, 5: 38, 6: 50, 7: 58, 8: 66, 9: 75, 10: 84, 11: 92, 12: 100 });

  it('divides this year\'s 1—M月 by last year\'s share at M', () => {
    const m = indicatorMetrics({
      indicator: 'industrial-investment',
      region: COUNTY,
      asOf: '2021-05',
      values: [...lastYear, v('industrial-investment', '2021-05', 41.8 * YI)],
    });
    // 41.8 ÷ 38% = 110 for the year; 41.8 × 50 ÷ 38 = 55 for 1—6月: both +10%.
    expect(m.yearForecast).toEqual({
      month: '2021-12',
      value: 110 * YI,
      yoy: expect.closeTo(0.1, 12),
      method: '按上年进度推算：今年1-5月累计数 ÷ 上年1-5月累计数占上年1-12月的比重（38%）',
    });
    expect(m.halfYearForecast).toEqual({
      month: '2021-06',
      value: 55 * YI,
      yoy: expect.closeTo(0.1, 12),
      method: '按上年进度推算：今年1-5月累计数 ÷ 上年1-5月累计数占上年1-6月的比重（76%）',
    });
  });

  it('has no forecast without last year\'s curve, and says why', () => {
    const m = indicatorMetrics({ indicator: 'industrial-investment', region: COUNTY, asOf: '2021-05', values: [v('industrial-investment', '2021-05', 41.8 * YI)] });
    expect(m.yearForecast).toBeNull();
    expect(m.halfYearForecast).toBeNull();
    expect(m.reasons.yearForecast?.code).toBe('no-last-year-curve');
  });

  it('has no half-year forecast once June is reported', () => {
    const m = indicatorMetrics({ indicator: 'industrial-investment', region: COUNTY, asOf: '2021-06', values: [...lastYear, v('industrial-investment', '2021-06', 55 * YI)] });
    expect(m.halfYearForecast).toBeNull();
    expect(m.reasons.halfYearForecast?.code).toBe('period-passed');
    expect(m.yearForecast?.value).toBe(110 * YI);
  });
});

describe('level indicators (stocks and ratios)', () => {
  it('compare with their target but not with 时序进度 (the zone’s half-year report: 高新技术企业 7 家, 产出强度 41 万元/亩)', () => {
    const firms = indicatorMetrics({
      indicator: 'high-tech-enterprises',
      region: ZONE,
      asOf: '2023-06',
      values: [v('high-tech-enterprises', '2023-06', 7, undefined, ZONE), v('high-tech-enterprises', '2022-12', 6, undefined, ZONE)],
      target: { indicator: 'high-tech-enterprises', region: ZONE, year: 2023, kind: 'absolute', value: 8 },
    });
    expect(firms.unit).toBe('家');
    expect(firms.targetShare).toBe(7 / 8);
    expect(firms.progressGap).toBeNull();
    expect(firms.reasons.progressGap?.code).toBe('level-indicator');
    expect(firms.need).toEqual({ remaining: 1, met: false, period: 'month', periodsLeft: 6, perPeriod: null });
    expect(firms.yearForecast).toBeNull();

    const intensity = indicatorMetrics({ indicator: 'output-intensity', region: ZONE, asOf: '2023-06', values: [v('output-intensity', '2023-06', 410_000, undefined, ZONE)] });
    expect(intensity.unit).toBe('元/亩');
    expect(intensity.value).toBe(410_000);
  });
});

describe('JSON for `tiaodu indicators --json`', () => {
  it('prints the element of ACCEPTANCE.md for the zone’s half-year report\'s 规上工业增加值', () => {
    const m = indicatorMetrics({
      indicator: 'industrial-value-added',
      region: ZONE,
      asOf: '2023-06',
      values: [v('industrial-value-added', '2023-06', 44.4 * YI, 0.148, ZONE)],
    });
    expect(indicatorMetricsJson(m)).toEqual({
      indicator: '规上工业增加值',
      unit: '元',
      value: 4440000000,
      yoy: 0.148,
      yoySource: 'official',
      target: null,
      targetShare: null,
      timeProgress: 0.5,
      progressGap: null,
      rankInCity: null,
      rankAmongCounties: null,
    });
  });

  it('rounds rates to four decimals and carries the ranks', () => {
    const m = indicatorMetrics({
      indicator: 'industrial-investment',
      region: COUNTY,
      asOf: '2021-05',
      values: [v('industrial-investment', '2021-05', 56.5 * YI)],
      target: absolute('industrial-investment', 2021, 100 * YI),
    });
    expect(indicatorMetricsJson(m, { rankInCity: 3, rankAmongCounties: 2 })).toMatchObject({
      target: 10_000_000_000,
      targetShare: 0.565,
      timeProgress: 0.4167,
      progressGap: 0.1483,
      rankInCity: 3,
      rankAmongCounties: 2,
    });
  });
});
