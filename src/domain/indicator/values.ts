// The figures people enter for an indicator — monthly values with their official growth, annual targets, plan
// curves — and the checks they must pass before anything is computed from them.

import type { FieldIssue } from '../errors.ts';
import { monthNumber, type Month } from '../months.ts';
import { FIRST_YEAR, figureRefusal, LAST_YEAR, monthRefusal, rateRefusal } from '../validation.ts';
import { indicatorByCode, isIndicatorCode, type IndicatorCode } from './catalogue.ts';

/**
 * A value of an indicator for a region and a month: the cumulative figure 1—M月 for a cumulative
 * indicator, the level at the end of the month for a level one; an integer in the indicator's unit
 * (元, 家, 元/人, 元/亩). `officialYoy` is the growth rate the statistics office published, a fraction.
 */
export interface IndicatorValue {
  indicator: IndicatorCode;
  region: string;
  month: Month;
  value: number;
  officialYoy?: number | null;
}

/** 增长 8%: a growth rate over last year's annual value; 250 亿元: an absolute value. */
export type TargetKind = 'growth' | 'absolute';
/** 左右 / 以上 (不低于) / 以内 (以下) / a range such as 7%—8% (the value is then its lower bound). */
export type TargetQualifier = 'about' | 'atLeast' | 'atMost' | 'range';

/** An annual target of an indicator for a region. */
export interface IndicatorTarget {
  indicator: IndicatorCode;
  region: string;
  year: number;
  kind: TargetKind;
  /** A fraction for a growth target (0.085); an integer in the indicator's unit for an absolute one. */
  value: number;
  qualifier?: TargetQualifier | null;
  /** The upper bound of a range target, in the same terms as `value`. */
  upper?: number | null;
}

/**
 * Planned cumulative shares of the annual target, January to December: 12 non-decreasing fractions
 * ending at 1 (e.g. 续建 projects 60% of the year's plan by June). Without one, 时序进度 is month ÷ 12.
 */
export type PlanCurve = readonly number[];

/**
 * Checks a plan curve: 12 fractions in [0, 1], never decreasing, the last one 1.
 * @returns a message for the user, or null when the curve is sound.
 */
export function planCurveProblem(curve: PlanCurve): string | null {
  if (curve.length !== 12) return '计划进度须有12个月的累计比例';
  let previous = 0;
  for (const [i, share] of curve.entries()) {
    if (!Number.isFinite(share) || share < 0 || share > 1) return `${i + 1}月的累计比例须在0到100%之间`;
    if (share < previous) return `${i + 1}月的累计比例小于上月`;
    previous = share;
  }
  if (Math.abs(previous - 1) > 1e-9) return '12月的累计比例须为100%';
  return null;
}

/**
 * What is wrong with a value, field by field, in words for the person who typed it: a known indicator,
 * a month, a whole non-negative number in the indicator's unit, a quarter-end month for a quarterly
 * indicator, an official growth above −100%.
 */
export function indicatorValueIssues(v: { indicator: string; month: string; value: number; officialYoy?: number | null }): FieldIssue[] {
  if (!isIndicatorCode(v.indicator)) return [{ field: 'indicator', message: `不认识的指标：${v.indicator}` }];
  const def = indicatorByCode(v.indicator);
  const issues: FieldIssue[] = [];
  const monthProblem = monthRefusal(v.month);
  if (monthProblem) issues.push({ field: 'month', message: monthProblem });
  else if (def.periodicity === 'quarterly' && monthNumber(v.month) % 3 !== 0) {
    issues.push({ field: 'month', message: `${def.name}按季度发布，月份应为3、6、9、12月` });
  }
  if (!Number.isSafeInteger(v.value)) issues.push({ field: 'value', message: `${def.name}应为整数（单位：${def.unit}）` });
  else if (v.value < 0) issues.push({ field: 'value', message: `${def.name}不能为负数` });
  else if (figureRefusal(v.value)) issues.push({ field: 'value', message: `${def.name}${figureRefusal(v.value)}（单位：${def.unit}）` });
  if (v.officialYoy !== null && v.officialYoy !== undefined) {
    if (!(Number.isFinite(v.officialYoy) && v.officialYoy > -1)) issues.push({ field: 'officialYoy', message: '同比增速应大于-100%' });
    else if (rateRefusal(v.officialYoy)) issues.push({ field: 'officialYoy', message: `同比增速${rateRefusal(v.officialYoy)}` });
  }
  return issues;
}

/**
 * What is wrong with a target: a growth rate above −100%, or an absolute value that is a whole
 * positive number in the indicator's unit; a range's upper bound not below its value.
 */
export function indicatorTargetIssues(t: { indicator: string; year: number; kind: string; value: number; upper?: number | null }): FieldIssue[] {
  if (!isIndicatorCode(t.indicator)) return [{ field: 'indicator', message: `不认识的指标：${t.indicator}` }];
  const def = indicatorByCode(t.indicator);
  const issues: FieldIssue[] = [];
  if (!Number.isInteger(t.year) || t.year < FIRST_YEAR || t.year > LAST_YEAR) issues.push({ field: 'year', message: `年份应在${FIRST_YEAR}年至${LAST_YEAR}年之间` });
  if (t.kind === 'growth') {
    if (!(Number.isFinite(t.value) && t.value > -1)) issues.push({ field: 'value', message: '增长目标应大于-100%' });
    else if (rateRefusal(t.value)) issues.push({ field: 'value', message: `增长目标${rateRefusal(t.value)}` });
  } else if (t.kind === 'absolute') {
    if (!Number.isSafeInteger(t.value) || t.value <= 0) issues.push({ field: 'value', message: `${def.name}目标应为正整数（单位：${def.unit}）` });
    else if (figureRefusal(t.value)) issues.push({ field: 'value', message: `${def.name}目标${figureRefusal(t.value)}（单位：${def.unit}）` });
  } else issues.push({ field: 'kind', message: '目标应为增长率或绝对数' });
  if (t.upper !== null && t.upper !== undefined && !(Number.isFinite(t.upper) && t.upper >= t.value)) {
    issues.push({ field: 'upper', message: '区间上限不应小于下限' });
  }
  return issues;
}
