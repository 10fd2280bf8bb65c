// Figures as documents print them (GB/T 15835 and common practice): money in 亿元/万元, rates to one decimal, differences
// in 个百分点, counts with their measure word — each with its source and what it counts.

import { formatPoints, formatRate, money, naturalUnit } from '../format.ts';
import type { SentencePart } from '../indicator/indicator-sentence.ts';
import type { MoneyUnit, Yuan } from '../money.ts';
import type { DocFigure } from './document-model.ts';

/** A money figure in 亿元 (or the unit given; by default 亿元 from 1 亿 up, else 万元). */
export function moneyFigure(source: string, label: string, yuan: Yuan, unit: MoneyUnit = naturalUnit(yuan)): DocFigure {
  return { source, label, value: yuan, text: money(yuan, unit) };
}

/** A rate as a percentage to one decimal: 0.951 → 95.1%. */
export function rateFigure(source: string, label: string, fraction: number): DocFigure {
  return { source, label, value: fraction, text: formatRate(fraction) };
}

/** A difference of rates, without its sign (the sentence says 超 or 低于): 0.148 → 14.8个百分点. */
export function pointsFigure(source: string, label: string, fraction: number): DocFigure {
  return { source, label, value: fraction, text: formatPoints(fraction) };
}

/** A count as printed, its measure word outside the figure ("229项" is {229} + 项). */
export function countFigure(source: string, label: string, n: number): DocFigure {
  return { source, label, value: n, text: String(n) };
}

/** The source key of a part of an indicator sentence: the indicator service's figure for that region and month. */
export function indicatorPartSource(part: Pick<SentencePart, 'indicator' | 'region' | 'month' | 'figure'>): string {
  return `indicator:${part.region}:${part.month}:${part.indicator}.${part.figure}`;
}

/** A part of a drafted indicator sentence as a document figure. */
export function indicatorPartFigure(part: SentencePart, label: string): DocFigure {
  return { source: indicatorPartSource(part), label, value: part.value, text: part.text };
}
