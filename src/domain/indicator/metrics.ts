// The metrics of one indicator for one region as of one month (the indicator template's every x): 同比, share of the annual (sources quoted in docs/sources.md)
// target, 时序进度 and the gap, 环比 of quarters, what each remaining month must add, and the H1/annual forecast.
// Every figure that cannot be computed is null with a reason, never 0 and never a division by zero.

import { formatRate, jsonRate, roundHalfUp } from '../format.ts';
import { addMonths, isMonth, makeMonth, monthNumber, monthYear, ytdLabel, type Month } from '../months.ts';
import { indicatorByCode, type IndicatorCode } from './catalogue.ts';
import { planCurveProblem, type IndicatorTarget, type IndicatorValue, type PlanCurve, type TargetKind } from './values.ts';

export type MetricFigure =
  | 'value'
  | 'computedYoy'
  | 'yoy'
  | 'target'
  | 'targetShare'
  | 'progressGap'
  | 'qoq'
  | 'need'
  | 'halfYearForecast'
  | 'yearForecast';

export type MissingReasonCode =
  | 'no-value'
  | 'no-last-year-value'
  | 'last-year-zero'
  | 'last-year-negative'
  | 'no-target'
  | 'no-last-year-annual'
  | 'target-not-positive'
  | 'level-indicator'
  | 'not-quarter-end'
  | 'no-quarter-values'
  | 'previous-quarter-not-positive'
  | 'year-ended'
  | 'period-passed'
  | 'no-last-year-curve';

/** Why a figure is null: a stable code for scripts and a sentence for people. */
export interface MissingReason {
  code: MissingReasonCode;
  message: string;
}

/** 环比 of quarters: the quarter's own value (from the cumulatives) against the previous quarter's. */
export interface QuarterOnQuarter {
  quarter: 1 | 2 | 3 | 4;
  value: number;
  previousValue: number;
  /** value ÷ previousValue − 1; null when the previous quarter is not positive. */
  rate: number | null;
}

/** What is left to meet the annual target, and what each remaining period must add. */
export interface TargetNeed {
  /** target − value; zero or negative when met. */
  remaining: number;
  met: boolean;
  period: 'month' | 'quarter';
  periodsLeft: number;
  /**
   * remaining ÷ periodsLeft, rounded up to a whole unit since it is a minimum; 0 when met; null for a
   * level indicator (a stock is not added month by month) or when the year is over.
   */
  perPeriod: number | null;
}

/** A forecast of the cumulative value at a later month from last year's seasonal shares. */
export interface Forecast {
  month: Month;
  value: number;
  /** Forecast ÷ last year's value at the same month − 1. */
  yoy: number | null;
  /** The method, stated for the reader. */
  method: string;
}

export interface IndicatorMetrics {
  indicator: IndicatorCode;
  /** The catalogue's Chinese name. */
  name: string;
  unit: string;
  region: string;
  asOf: Month;
  value: number | null;
  lastYearValue: number | null;
  officialYoy: number | null;
  computedYoy: number | null;
  /** The official rate when published, else the computed one. */
  yoy: number | null;
  yoySource: 'official' | 'computed' | null;
  /** True when both rates exist and show differently at one decimal of a percent. */
  yoyDiffers: boolean;
  /** The absolute annual target, in the indicator's unit. */
  target: number | null;
  targetKind: TargetKind | null;
  /** The target growth rate, when the target was set as one. */
  targetGrowth: number | null;
  /** yoy − targetGrowth: "超任务数 x 个百分点" (negative: below). */
  yoyAboveTargetGrowth: number | null;
  targetShare: number | null;
  timeProgress: number;
  timeProgressSource: 'linear' | 'planCurve';
  /** targetShare − timeProgress as a fraction: 0.148 is 14.8 points ahead, −0.016 is 1.6 behind. */
  progressGap: number | null;
  qoq: QuarterOnQuarter | null;
  need: TargetNeed | null;
  halfYearForecast: Forecast | null;
  yearForecast: Forecast | null;
  /** Why each null figure is null. */
  reasons: Partial<Record<MetricFigure, MissingReason>>;
}

export interface MetricsInput {
  indicator: IndicatorCode;
  region: string;
  asOf: Month;
  /**
   * Values of this indicator and region for the as-of year and the year before (other rows are
   * ignored). The forecast needs last year's monthly curve, the growth target last year's December.
   */
  values: readonly IndicatorValue[];
  target?: IndicatorTarget | null;
  planCurve?: PlanCurve | null;
}

const REASONS: Record<MissingReasonCode, string> = {
  'no-value': '本期没有数值',
  'no-last-year-value': '缺少上年同期数，无法计算同比',
  'last-year-zero': '上年同期数为0，同比无意义',
  'last-year-negative': '上年同期数为负，同比无意义',
  'no-target': '未设定年度目标',
  'no-last-year-annual': '缺少上年全年数，无法把增长目标换算为绝对数',
  'target-not-positive': '年度目标不是正数',
  'level-indicator': '时点指标不按时序进度累计',
  'not-quarter-end': '不是季末月份',
  'no-quarter-values': '缺少计算季度数所需的累计数',
  'previous-quarter-not-positive': '上一季度数不是正数，环比无意义',
  'year-ended': '全年已结束',
  'period-passed': '该时期已有实际数',
  'no-last-year-curve': '缺少上年逐月累计数，无法按上年进度推算',
};

function reason(code: MissingReasonCode): MissingReason {
  return { code, message: REASONS[code] };
}

/**
 * 时序进度 after a month: month ÷ 12, or the plan curve's share for that month.
 * @example timeProgress('2021-05') // 0.41666…
 * @throws RangeError on a malformed month or an unsound curve.
 */
export function timeProgress(month: Month, curve?: PlanCurve | null): number {
  if (!isMonth(month)) throw new RangeError(`not a month: ${month}`);
  if (!curve) return monthNumber(month) / 12;
  const problem = planCurveProblem(curve);
  if (problem) throw new RangeError(`unsound plan curve: ${problem}`);
  return curve[monthNumber(month) - 1] as number;
}

/**
 * The gap to 时序进度 as a fraction: share of the annual target − time progress.
 * @example progressGap(0.565, '2021-05') // 0.1483 — "超时序进度14.8个百分点"
 * @example progressGap(0.317, '2021-04') // −0.0163 — "低于时序进度1.6个百分点"
 */
export function progressGap(targetShare: number, month: Month, curve?: PlanCurve | null): number {
  return targetShare - timeProgress(month, curve);
}

/**
 * Growth against the same period last year: value ÷ lastYear − 1, or the reason it cannot be had.
 * @example yoyGrowth(4_440_000_000, 3_867_595_819) // { rate: 0.148… }
 */
export function yoyGrowth(value: number, lastYear: number | null | undefined): { rate: number } | { rate: null; reason: MissingReason } {
  if (lastYear === null || lastYear === undefined) return { rate: null, reason: reason('no-last-year-value') };
  if (lastYear === 0) return { rate: null, reason: reason('last-year-zero') };
  if (lastYear < 0) return { rate: null, reason: reason('last-year-negative') };
  return { rate: value / lastYear - 1 };
}

/**
 * Turns a target into an absolute annual value: an absolute target as it is, a growth target as last
 * year's annual value × (1 + rate), rounded half-up to a whole unit (values are integers).
 * @example absoluteTarget({ kind: 'growth', value: 0.08, … }, 22_480_000_000) // 24_278_400_000
 */
export function absoluteTarget(target: Pick<IndicatorTarget, 'kind' | 'value'>, lastYearAnnual: number | null): number | null {
  if (target.kind === 'absolute') return target.value;
  if (lastYearAnnual === null) return null;
  return roundHalfUp(lastYearAnnual * (1 + target.value), 0);
}

/** The metrics of one indicator, region and month. See {@link IndicatorMetrics} for each figure. */
export function indicatorMetrics(input: MetricsInput): IndicatorMetrics {
  const { asOf, region } = input;
  if (!isMonth(asOf)) throw new RangeError(`not a month: ${asOf}`);
  const def = indicatorByCode(input.indicator);
  const year = monthYear(asOf);
  const m = monthNumber(asOf);
  const series = seriesOf(input);
  const at = (month: Month): number | null => series.get(month)?.value ?? null;
  const lastYearAt = (monthNo: number): number | null => at(makeMonth(year - 1, monthNo));
  const reasons: Partial<Record<MetricFigure, MissingReason>> = {};
  const cumulative = def.accumulation === 'cumulative';

  const current = series.get(asOf) ?? null;
  const value = current?.value ?? null;
  const lastYearValue = lastYearAt(m);
  const officialYoy = current?.officialYoy ?? null;

  let computedYoy: number | null = null;
  if (value === null) {
    reasons.value = reason('no-value');
    reasons.computedYoy = reason('no-value');
  } else {
    const g = yoyGrowth(value, lastYearValue);
    computedYoy = g.rate;
    if (g.rate === null) reasons.computedYoy = g.reason;
  }
  const yoy = officialYoy ?? computedYoy;
  const yoySource = officialYoy !== null ? 'official' : computedYoy !== null ? 'computed' : null;
  if (yoy === null && reasons.computedYoy) reasons.yoy = reasons.computedYoy;
  const yoyDiffers = officialYoy !== null && computedYoy !== null && roundHalfUp(officialYoy * 100, 1) !== roundHalfUp(computedYoy * 100, 1);

  // The target, made absolute.
  const t = input.target ?? null;
  if (t && (t.indicator !== def.code || t.year !== year)) {
    throw new RangeError(`target of ${t.indicator} ${t.year} given for ${def.code} ${year}`);
  }
  let target: number | null = null;
  if (!t) reasons.target = reason('no-target');
  else {
    target = absoluteTarget(t, lastYearAt(12));
    if (target === null) reasons.target = reason('no-last-year-annual');
  }
  const targetGrowth = t?.kind === 'growth' ? t.value : null;
  const yoyAboveTargetGrowth = yoy !== null && targetGrowth !== null ? yoy - targetGrowth : null;

  let targetShare: number | null = null;
  if (value === null) reasons.targetShare = reason('no-value');
  else if (target === null) reasons.targetShare = reasons.target;
  else if (target <= 0) reasons.targetShare = reason('target-not-positive');
  else targetShare = value / target;

  const progress = timeProgress(asOf, input.planCurve);
  let gap: number | null = null;
  if (!cumulative) reasons.progressGap = reason('level-indicator');
  else if (targetShare === null) reasons.progressGap = reasons.targetShare;
  else gap = targetShare - progress;

  const qoq = quarterOnQuarter(def.accumulation, asOf, at);
  if ('reason' in qoq) reasons.qoq = qoq.reason;
  else if (qoq.rate === null) reasons.qoq = reason('previous-quarter-not-positive');

  let need: TargetNeed | null = null;
  if (value === null) reasons.need = reason('no-value');
  else if (target === null) reasons.need = reasons.target;
  else {
    const quarterly = def.periodicity === 'quarterly';
    const periodsLeft = quarterly ? 4 - Math.floor(m / 3) : 12 - m;
    const remaining = target - value;
    const met = remaining <= 0;
    let perPeriod: number | null = null;
    if (!cumulative) reasons.need = reason('level-indicator');
    else if (met) perPeriod = 0;
    else if (periodsLeft === 0) reasons.need = reason('year-ended');
    else perPeriod = Math.ceil(remaining / periodsLeft);
    need = { remaining, met, period: quarterly ? 'quarter' : 'month', periodsLeft, perPeriod };
  }

  const half = forecastAt(6, 'halfYearForecast');
  const full = forecastAt(12, 'yearForecast');

  function forecastAt(targetMonth: number, figure: 'halfYearForecast' | 'yearForecast'): Forecast | null {
    if (!cumulative) reasons[figure] = reason('level-indicator');
    else if (value === null) reasons[figure] = reason('no-value');
    else if (m >= targetMonth) reasons[figure] = reason('period-passed');
    else {
      const f = seasonalForecast(value, asOf, targetMonth, lastYearAt);
      if ('reason' in f) reasons[figure] = f.reason;
      else return f;
    }
    return null;
  }

  return {
    indicator: def.code,
    name: def.name,
    unit: def.unit,
    region,
    asOf,
    value,
    lastYearValue,
    officialYoy,
    computedYoy,
    yoy,
    yoySource,
    yoyDiffers,
    target,
    targetKind: t?.kind ?? null,
    targetGrowth,
    yoyAboveTargetGrowth,
    targetShare,
    timeProgress: progress,
    timeProgressSource: input.planCurve ? 'planCurve' : 'linear',
    progressGap: gap,
    qoq: 'reason' in qoq ? null : qoq,
    need,
    halfYearForecast: half,
    yearForecast: full,
    reasons,
  };
}

/** The region's series keyed by month; two values for one month are a data error. */
function seriesOf(input: MetricsInput): Map<Month, IndicatorValue> {
  const series = new Map<Month, IndicatorValue>();
  for (const v of input.values) {
    if (v.indicator !== input.indicator || v.region !== input.region) continue;
    if (series.has(v.month)) throw new RangeError(`two values of ${v.indicator} for ${v.region} ${v.month}`);
    series.set(v.month, v);
  }
  return series;
}

const QUARTER_NAMES = ['一', '二', '三', '四'] as const;

/** 一季度 … 四季度. */
export function quarterName(quarter: 1 | 2 | 3 | 4): string {
  return `${QUARTER_NAMES[quarter - 1]}季度`;
}

/**
 * A quarter's own value from cumulatives: Q2 = 1—6月 − 1—3月; the quarter before Q1 is last year's
 * Q4 = last year's 1—12月 − 1—9月. A level indicator compares the two quarter-end levels.
 */
function quarterOnQuarter(
  accumulation: 'cumulative' | 'level',
  asOf: Month,
  at: (month: Month) => number | null,
): QuarterOnQuarter | { reason: MissingReason } {
  const m = monthNumber(asOf);
  if (m % 3 !== 0) return { reason: reason('not-quarter-end') };
  const value = at(asOf);
  if (value === null) return { reason: reason('no-value') };
  const quarter = (m / 3) as 1 | 2 | 3 | 4;
  // Cumulatives run from January, so a month before this January is last year's figure.
  const cumBack = (months: number): number | null => at(addMonths(asOf, -months));
  let own: number | null;
  let previous: number | null;
  if (accumulation === 'level') {
    own = value;
    previous = cumBack(3);
  } else if (m === 3) {
    own = value;
    previous = diff(cumBack(3), cumBack(6)); // last year's 1—12月 − 1—9月
  } else {
    own = diff(value, cumBack(3));
    previous = m === 6 ? cumBack(3) : diff(cumBack(3), cumBack(6));
  }
  if (own === null || previous === null) return { reason: reason('no-quarter-values') };
  return { quarter, value: own, previousValue: previous, rate: previous > 0 ? own / previous - 1 : null };
}

function diff(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a - b;
}

/**
 * The cumulative value at `targetMonth` forecast from last year's seasonal shares: this year's 1—M月
 * value ÷ last year's 1—M月 share of its 1—T月 value.
 */
function seasonalForecast(
  value: number,
  asOf: Month,
  targetMonth: number,
  lastYearAt: (monthNo: number) => number | null,
): Forecast | { reason: MissingReason } {
  const m = monthNumber(asOf);
  const lyNow = lastYearAt(m);
  const lyThen = lastYearAt(targetMonth);
  if (lyNow === null || lyThen === null || lyNow <= 0 || lyThen <= 0) return { reason: reason('no-last-year-curve') };
  const share = lyNow / lyThen;
  const forecast = roundHalfUp(value / share, 0);
  const then = ytdLabel(makeMonth(monthYear(asOf), targetMonth));
  const now = ytdLabel(asOf);
  return {
    month: makeMonth(monthYear(asOf), targetMonth),
    value: forecast,
    yoy: forecast / lyThen - 1,
    method: `按上年进度推算：今年${now}累计数 ÷ 上年${now}累计数占上年${then}的比重（${formatRate(share)}）`,
  };
}

/**
 * One element of `tiaodu indicators --json` (spec/ACCEPTANCE.md): the name as the catalogue spells it,
 * the value in its unit, rates as fractions rounded to four decimals, null for what cannot be computed.
 */
export interface IndicatorMetricsJson {
  indicator: string;
  unit: string;
  value: number | null;
  yoy: number | null;
  yoySource: 'official' | 'computed' | null;
  target: number | null;
  targetShare: number | null;
  timeProgress: number;
  progressGap: number | null;
  rankInCity: number | null;
  rankAmongCounties: number | null;
}

/**
 * The JSON element for a region's metrics and its ranks (from ranking.ts; null when unranked).
 * Rates are rounded here for the JSON only; documents and screens format the unrounded figures.
 */
export function indicatorMetricsJson(
  m: IndicatorMetrics,
  ranks: { rankInCity?: number | null; rankAmongCounties?: number | null } = {},
): IndicatorMetricsJson {
  return {
    indicator: m.name,
    unit: m.unit,
    value: m.value,
    yoy: jsonRate(m.yoy),
    yoySource: m.yoySource,
    target: m.target,
    targetShare: jsonRate(m.targetShare),
    timeProgress: jsonRate(m.timeProgress) as number,
    progressGap: jsonRate(m.progressGap),
    rankInCity: ranks.rankInCity ?? null,
    rankAmongCounties: ranks.rankAmongCounties ?? null,
  };
}
