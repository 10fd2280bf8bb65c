// Indicator figures as the API and `tiaodu indicators --json` give them: rates rounded to four decimals (0.148), money in
// whole 元, null for what cannot be computed. The command line's element is the first fields of the API's, from one function.

import { jsonRate } from '../../domain/format.ts';
import { indicatorMetricsJson, type Forecast, type IndicatorMetricsJson } from '../../domain/indicator/metrics.ts';
import type { SentenceFigure, SentencePart } from '../../domain/indicator/indicator-sentence.ts';
import type { ProgressEntry, RankedProgress } from '../../domain/indicator/ranking.ts';
import type { IndicatorReport, IndicatorReportItem, IndicatorStanding, SentenceReport, StandingReport } from '../../services/indicator/indicator-metrics.ts';

/** The element of spec/ACCEPTANCE.md for one indicator: what `tiaodu indicators --json` prints. */
export function presentIndicatorJson(item: IndicatorReportItem): IndicatorMetricsJson {
  return indicatorMetricsJson(item.metrics, { rankInCity: item.ranks.inCity?.rank ?? null, rankAmongCounties: item.ranks.amongCounties?.rank ?? null });
}

function forecast(f: Forecast | null) {
  return f && { ...f, yoy: jsonRate(f.yoy) };
}

/** One indicator of the API's report: the command line's element, then every other metric and why any is missing. */
export function presentIndicatorItem(item: IndicatorReportItem) {
  const m = item.metrics;
  return {
    ...presentIndicatorJson(item),
    code: m.indicator,
    source: item.source,
    lastYearValue: m.lastYearValue,
    officialYoy: jsonRate(m.officialYoy),
    computedYoy: jsonRate(m.computedYoy),
    yoyDiffers: m.yoyDiffers,
    targetKind: m.targetKind,
    targetGrowth: jsonRate(m.targetGrowth),
    yoyAboveTargetGrowth: jsonRate(m.yoyAboveTargetGrowth),
    timeProgressSource: m.timeProgressSource,
    qoq: m.qoq && { ...m.qoq, rate: jsonRate(m.qoq.rate) },
    need: m.need,
    halfYearForecast: forecast(m.halfYearForecast),
    yearForecast: forecast(m.yearForecast),
    ranks: item.ranks,
    reasons: m.reasons,
  };
}

export function presentIndicatorReport(r: IndicatorReport) {
  return { region: r.region, regionName: r.regionName, asOf: r.asOf, indicators: r.items.map(presentIndicatorItem) };
}

const RATE_FIGURES: ReadonlySet<SentenceFigure> = new Set([
  'yoy',
  'targetShare',
  'yoyAboveTargetGrowth',
  'progressGap',
  'qoq',
  'halfYearForecastYoy',
  'yearForecastYoy',
]);

/** A sentence's number with its figure rounded as the report rounds it, so the two compare equal. */
export function presentSentencePart(p: SentencePart): SentencePart {
  return RATE_FIGURES.has(p.figure) ? { ...p, value: jsonRate(p.value) as number } : p;
}

function progress<T extends ProgressEntry>(e: T): T {
  return { ...e, targetShare: jsonRate(e.targetShare), progressGap: jsonRate(e.progressGap) };
}

function presentStanding(s: IndicatorStanding) {
  return {
    indicator: s.indicator,
    name: s.name,
    ranked: s.ranked.map((e) => progress<RankedProgress>(e)),
    unranked: s.unranked.map((e) => progress(e)),
    sentence: { text: s.sentence.text, parts: s.sentence.parts.map(presentSentencePart) },
  };
}

export function presentStandingReport(r: StandingReport) {
  return { ...r, standings: r.standings.map(presentStanding) };
}

export function presentSentenceReport(r: SentenceReport) {
  return { ...r, sentences: r.sentences.map((s) => ({ ...s, parts: s.parts.map(presentSentencePart) })) };
}
