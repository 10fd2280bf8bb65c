// How indicator figures read on screen: a value always with its unit (亿元/万元, 家, 元/人, 万元/亩), growth signed to one
// decimal, gaps in 个百分点 (超/低于), ranks as 居全市第3位 / 8县(市)第2位, and the words of each sentence figure.
// Every rounding is the domain's, so a panel shows the same text as the sentence drafted from the same figure.
import { formatPoints, formatRate, naturalUnit } from '../../domain/format.ts';
import { indicatorByCode, isIndicatorCode, type IndicatorCode } from '../../domain/indicator/catalogue.ts';
import { shown } from '../../domain/indicator/indicator-sentence.ts';
import { formatMoney, type MoneyUnit } from '../../domain/money.ts';
import type { I18n, Lang } from '../i18n.tsx';
import type { IndicatorItem } from './indicator-api.ts';

export const DASH = '—';

/** A true minus sign, as printed figures use it ("−58.3%"). */
const MINUS = '\u2212';

const EN_MONEY: Record<MoneyUnit, string> = { 元: 'yuan', 万元: '×10k yuan', 亿元: '×100M yuan' };

/**
 * A value of an indicator with its unit, as the sentences print it: money in 亿元 from 1 亿 up else 万元 ("29.81亿元"),
 * 元 per person ("21883元"), 产出强度 in 万元/亩 ("41万元/亩"), counts in 家 ("5家"). `unit` forces a money unit.
 */
export function valueText(code: IndicatorCode, value: number, lang: Lang, unit?: MoneyUnit): string {
  if (lang === 'zh') return shown(code, value, unit);
  const def = indicatorByCode(code);
  switch (def.unitKind) {
    case 'money': {
      const u = unit ?? naturalUnit(value);
      return `${formatMoney(value, u)} ${EN_MONEY[u]}`;
    }
    case 'moneyPerPerson':
      return `${formatMoney(value, '元')} yuan per person`;
    case 'moneyPerMu':
      return `${formatMoney(value, '万元', 2)} ×10k yuan per mu`;
    case 'count':
      return `${value} ${def.unit === '家' ? 'enterprises' : ''}`.trim();
  }
}

/** The unit a chart of an indicator uses, with the factor from stored values: 亿元 or 万元 for money, else the stored unit. */
export function chartUnit(code: IndicatorCode, largest: number, lang: Lang): { label: string; factor: number; decimals: number } {
  const def = indicatorByCode(code);
  switch (def.unitKind) {
    case 'money':
      return largest >= 100_000_000 ? { label: lang === 'zh' ? '亿元' : EN_MONEY.亿元, factor: 1e8, decimals: 2 } : { label: lang === 'zh' ? '万元' : EN_MONEY.万元, factor: 1e4, decimals: 0 };
    case 'moneyPerPerson':
      return { label: lang === 'zh' ? '元' : 'yuan', factor: 1, decimals: 0 };
    case 'moneyPerMu':
      return { label: lang === 'zh' ? '万元/亩' : '×10k yuan/mu', factor: 1e4, decimals: 2 };
    case 'count':
      return { label: lang === 'zh' ? def.unit : '', factor: 1, decimals: 0 };
  }
}

/** A growth rate signed, one decimal: "+14.8%", "−58.3%", "0%". */
export function signedRate(rate: number): string {
  const text = formatRate(Math.abs(rate));
  if (text === '0%') return text;
  return `${rate > 0 ? '+' : MINUS}${text}`;
}

/** The gap to 时序进度 in words: "超时序进度2个百分点" / "低于时序进度4.1个百分点" / "与时序进度持平". */
export function gapText(i18n: I18n, gap: number): string {
  const points = formatPoints(gap);
  if (points.startsWith('0个')) return i18n.t('ind.onPace');
  const shownPoints = i18n.lang === 'zh' ? points : points.replace('个百分点', ' points');
  return gap > 0 ? i18n.t('ind.ahead', { points: shownPoints }) : i18n.t('ind.behind', { points: shownPoints });
}

/** yoy − the target growth in words: "超任务数1.9个百分点" / "低于任务数0.5个百分点". */
export function aboveTargetText(i18n: I18n, diff: number): string {
  const points = formatPoints(diff);
  if (points.startsWith('0个')) return i18n.t('ind.onTargetGrowth');
  const shownPoints = i18n.lang === 'zh' ? points : points.replace('个百分点', ' points');
  return diff > 0 ? i18n.t('ind.aboveTarget', { points: shownPoints }) : i18n.t('ind.belowTarget', { points: shownPoints });
}

export interface RankView {
  rank: number;
  peerCount: number | null;
  source: 'computed' | 'entered';
}

/** "居全市第3位" — the peer count goes to the tooltip, as a summary writes it. */
export function cityRankText(i18n: I18n, r: RankView): string {
  return i18n.t('ind.rankInCity', { rank: r.rank });
}

/** "8县(市)第2位", or "县(市)第2位" when the entered rank did not say how many. */
export function countyRankText(i18n: I18n, r: RankView): string {
  return r.peerCount === null ? i18n.t('ind.rankAmongCountiesBare', { rank: r.rank }) : i18n.t('ind.rankAmongCounties', { n: r.peerCount, rank: r.rank });
}

/** The period of a figure: "1-6月" for a cumulative indicator, "6月末" for a level (a stock at the end of the month). */
export function periodText(i18n: I18n, code: IndicatorCode, month: string): string {
  if (indicatorByCode(code).accumulation === 'level') return i18n.t('ind.monthEnd', { month: i18n.lang === 'zh' ? String(Number(month.slice(5, 7))) : i18n.month(month).split(' ')[0]! });
  return i18n.period(month);
}

/** Sentence figures that are fractions (shown as %), and those that are differences of fractions (个百分点). */
const RATE_FIGURES = new Set(['yoy', 'targetShare', 'qoq', 'halfYearForecastYoy', 'yearForecastYoy']);
const POINT_FIGURES = new Set(['progressGap', 'yoyAboveTargetGrowth']);
const MONEY_FIGURES = new Set(['value', 'quarterValue', 'previousQuarterValue', 'halfYearForecast', 'yearForecast']);

/** A sentence part's figure as a reader checks it: the value in its unit, a rate, or points. */
export function partValueText(i18n: I18n, part: { figure: string; indicator: string; value: number }): string {
  if (RATE_FIGURES.has(part.figure)) return signedRate(part.value);
  if (POINT_FIGURES.has(part.figure)) return `${part.value < 0 ? MINUS : '+'}${i18n.lang === 'zh' ? formatPoints(part.value) : formatPoints(part.value).replace('个百分点', ' points')}`;
  if (MONEY_FIGURES.has(part.figure) && isIndicatorCode(part.indicator)) return valueText(part.indicator, part.value, i18n.lang);
  if (part.figure === 'period') return i18n.lang === 'zh' ? `1-${part.value}月` : `Jan–month ${part.value}`;
  return String(part.value);
}

/**
 * Which panel figure a sentence figure comes from, so hovering "14.6%" in a sentence lights the 同比 line of its
 * panel: the forecast's own 同比 belongs to the forecast line, a quarter's numbers to the 环比 line.
 */
export function panelFigureOf(figure: string): string {
  switch (figure) {
    case 'period':
    case 'value':
    case 'enterpriseCount':
      return 'value';
    case 'yoy':
      return 'yoy';
    case 'targetShare':
    case 'progressGap':
      return 'targetShare';
    case 'yoyAboveTargetGrowth':
      return 'targetGrowth';
    case 'quarterValue':
    case 'previousQuarterValue':
    case 'qoq':
      return 'qoq';
    case 'cityPeerCount':
    case 'rankInCity':
      return 'rankInCity';
    case 'countyPeerCount':
    case 'rankAmongCounties':
      return 'rankAmongCounties';
    case 'halfYearForecast':
    case 'halfYearForecastYoy':
      return 'halfYearForecast';
    case 'yearForecast':
    case 'yearForecastYoy':
      return 'yearForecast';
    default:
      return figure;
  }
}

/** The DOM id of an indicator's panel, so a sentence's number can scroll to it. */
export function panelId(code: string): string {
  return `indicator-panel-${code}`;
}

/** The rates of an item as exact as its integers allow. */
export interface ExactFigures {
  yoy: number | null;
  computedYoy: number | null;
  targetShare: number | null;
  timeProgress: number;
  progressGap: number | null;
  yoyAboveTargetGrowth: number | null;
  qoqRate: number | null;
  halfYearForecastYoy: number | null;
  yearForecastYoy: number | null;
}

/**
 * The item's rates recomputed from the integers the API gives beside them (value, target, last year's value, the
 * quarters, the forecast and last year's curve), so each is rounded once, at display, as the drafted sentences round
 * them: the API rounds its rates to four decimals, and rounding 0.004496 there and again to one decimal of a percent
 * would print 0.5 where the sentence prints 0.4. A rate the integers do not give stays as the API gave it.
 */
export function exactFigures(item: IndicatorItem, context: { asOf: string; shares?: readonly number[] | null; lastYear?: readonly { month: string; value: number }[] } = { asOf: '' }): ExactFigures {
  const m = Number(context.asOf.slice(5, 7));
  const exactShare = item.targetShare !== null && item.value !== null && item.target !== null && item.target > 0 ? item.value / item.target : item.targetShare;
  const curveShare = context.shares?.[m - 1];
  const timeProgress = item.timeProgressSource === 'planCurve' ? (curveShare ?? item.timeProgress) : m >= 1 && m <= 12 ? m / 12 : item.timeProgress;
  const progressGap = item.progressGap !== null && exactShare !== null ? exactShare - timeProgress : item.progressGap;
  const computedYoy = item.computedYoy !== null && item.value !== null && item.lastYearValue !== null && item.lastYearValue > 0 ? item.value / item.lastYearValue - 1 : item.computedYoy;
  const yoy = item.yoySource === 'computed' ? computedYoy : item.yoy;
  const yoyAboveTargetGrowth = item.yoyAboveTargetGrowth !== null && yoy !== null && item.targetGrowth !== null ? yoy - item.targetGrowth : item.yoyAboveTargetGrowth;
  const qoqRate = item.qoq && item.qoq.rate !== null && item.qoq.previousValue > 0 ? item.qoq.value / item.qoq.previousValue - 1 : (item.qoq?.rate ?? null);
  const forecastYoy = (f: IndicatorItem['yearForecast']): number | null => {
    if (!f) return null;
    const before = `${Number(f.month.slice(0, 4)) - 1}${f.month.slice(4)}`;
    const last = context.lastYear?.find((p) => p.month === before)?.value;
    return f.yoy !== null && last !== undefined && last > 0 ? f.value / last - 1 : f.yoy;
  };
  return {
    yoy,
    computedYoy,
    targetShare: exactShare,
    timeProgress,
    progressGap,
    yoyAboveTargetGrowth,
    qoqRate,
    halfYearForecastYoy: forecastYoy(item.halfYearForecast),
    yearForecastYoy: forecastYoy(item.yearForecast),
  };
}
