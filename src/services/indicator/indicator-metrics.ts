// The metrics of a region as of a month for every indicator with a value (the indicator template's every x), its ranks in the city (sources quoted in docs/sources.md)
// — computed from the data when the deployment holds the city's units, else as entered — the townships or counties
// under it side by side against 时序进度, and the sentences drafted from all of it.

import type { Actor } from '../../domain/access.ts';
import { INDICATOR_CODES, indicatorByCode, type IndicatorCode } from '../../domain/indicator/catalogue.ts';
import {
  INDICATOR_FIELD_LABELS,
  IndicatorReportInputSchema,
  StandingInputSchema,
  type IndicatorReportInput,
  type StandingInput,
} from '../../domain/indicator/indicator-input.ts';
import { indicatorSentence, progressStandingSentence, type DraftedSentence, type SentencePart } from '../../domain/indicator/indicator-sentence.ts';
import { indicatorMetrics, type IndicatorMetrics } from '../../domain/indicator/metrics.ts';
import { cityPeerGroups, progressStanding, rankByGrowth, rankOf, type CountyLevelRegion, type ProgressEntry, type RankedProgress } from '../../domain/indicator/ranking.ts';
import { addMonths, makeMonth, monthNumber, monthYear, type Month } from '../../domain/months.ts';
import { parentCode, regionLevel, type RegionLevel } from '../../domain/region.ts';
import { parseInput } from '../../domain/validation.ts';
import {
  findEnteredRanks,
  findPlanCurves,
  findTargets,
  findValues,
  type IndicatorValueSource,
  type StoredIndicatorTarget,
  type StoredIndicatorValue,
  type StoredPlanCurve,
} from '../../db/repositories/indicator.repository.ts';
import { childRegions } from '../../db/repositories/region.repository.ts';
import type { Db } from '../../db/transaction.ts';
import { childDivisions } from '../../io/divisions.ts';
import { assertCanReadIndicators, displayName, loadRegion, scopeWordOf, subRegions } from './indicator-access.ts';

/** A rank and the size of its peer group, and whether it was computed from the data or entered by hand. */
export interface RankResult {
  rank: number;
  /** The units of the group ("在全市12个单位"); null when an entered rank did not say. */
  peerCount: number | null;
  source: 'computed' | 'entered';
}

export interface IndicatorRanks {
  /** Among all the city's county-level units. */
  inCity: RankResult | null;
  /** Among the city's counties and county-level cities ("8县(市)"); null for a 市辖区. */
  amongCounties: RankResult | null;
}

export interface IndicatorReportItem {
  metrics: IndicatorMetrics;
  /** Where the as-of value came from. */
  source: IndicatorValueSource | null;
  ranks: IndicatorRanks;
}

export interface IndicatorReport {
  region: string;
  regionName: string;
  level: RegionLevel;
  asOf: Month;
  /** One per indicator with a value for the region and month, in the catalogue's order. */
  items: IndicatorReportItem[];
}

/** The stored figures the metrics of some regions as of a month are computed from. */
interface Inputs {
  values: StoredIndicatorValue[];
  targets: StoredIndicatorTarget[];
  curves: StoredPlanCurve[];
}

async function loadInputs(db: Db, regions: readonly string[], asOf: Month, indicators?: readonly IndicatorCode[]): Promise<Inputs> {
  const year = monthYear(asOf);
  // A township without a curve of its own follows its county's.
  const curveRegions = [...new Set([...regions, ...regions.map((r) => r.slice(0, 6))])];
  const [values, targets, curves] = await Promise.all([
    findValues(db, { regions, fromMonth: makeMonth(year - 1, 1), toMonth: asOf, indicators }),
    findTargets(db, { regions, year, indicators }),
    findPlanCurves(db, { regions: curveRegions, year, subjectKind: 'indicator' }),
  ]);
  return { values, targets, curves };
}

function metricsOf(inputs: Inputs, region: string, indicator: IndicatorCode, asOf: Month): IndicatorMetrics {
  const curve =
    inputs.curves.find((c) => c.subject === indicator && c.region === region) ??
    inputs.curves.find((c) => c.subject === indicator && c.region === region.slice(0, 6));
  return indicatorMetrics({
    indicator,
    region,
    asOf,
    values: inputs.values.filter((v) => v.indicator === indicator && v.region === region),
    target: inputs.targets.find((t) => t.indicator === indicator && t.region === region) ?? null,
    planCurve: curve?.shares ?? null,
  });
}

function hasValueAt(inputs: Inputs | StoredIndicatorValue[], region: string, indicator: IndicatorCode, month: Month): boolean {
  const values = Array.isArray(inputs) ? inputs : inputs.values;
  return values.some((v) => v.indicator === indicator && v.region === region && v.month === month);
}

/** The county-level units of a city: from the national division data, else the regions the deployment holds. */
async function cityUnits(db: Db, cityCode: string): Promise<CountyLevelRegion[]> {
  const divisions = childDivisions(cityCode).filter((d) => d.level === 'county');
  if (divisions.length > 0) return divisions.map((d) => ({ code: d.code, name: d.name }));
  return (await childRegions(db, cityCode)).filter((r) => r.level === 'county').map((r) => ({ code: r.code, name: r.name }));
}

/**
 * A county-level region's ranks by growth for each indicator. A peer group is ranked from the data when every unit of
 * it has a value for the indicator and month (so "全市12个单位" really are twelve); otherwise, and for a region the
 * data does not rank, the rank entered by hand stands, or none.
 */
async function ranksFor(db: Db, region: string, asOf: Month, indicators: readonly IndicatorCode[]): Promise<Map<IndicatorCode, IndicatorRanks>> {
  const out = new Map<IndicatorCode, IndicatorRanks>(indicators.map((c) => [c, { inCity: null, amongCounties: null }]));
  if (indicators.length === 0) return out;
  if (regionLevel(region) === 'county') {
    const city = parentCode(region) as string;
    const groups = cityPeerGroups(city, await cityUnits(db, city));
    const lastYear = addMonths(asOf, -12);
    const values = (await findValues(db, { regions: groups.cityUnits, fromMonth: lastYear, toMonth: asOf, indicators })).filter(
      (v) => v.month === asOf || v.month === lastYear,
    );
    for (const indicator of indicators) {
      const rankIn = (group: readonly string[]): RankResult | null => {
        if (!group.includes(region) || group.length === 0 || !group.every((r) => hasValueAt(values, r, indicator, asOf))) return null;
        const growth = (r: string) =>
          indicatorMetrics({ indicator, region: r, asOf, values: values.filter((v) => v.indicator === indicator && v.region === r) }).yoy;
        const ranking = rankByGrowth(group.map((r) => ({ region: r, growth: growth(r) })));
        const rank = rankOf(ranking, region);
        return rank === null ? null : { rank, peerCount: ranking.peerCount, source: 'computed' };
      };
      out.set(indicator, { inCity: rankIn(groups.cityUnits), amongCounties: rankIn(groups.counties) });
    }
  }
  const entered = await findEnteredRanks(db, { regions: [region], fromMonth: asOf, toMonth: asOf });
  for (const e of entered) {
    const ranks = out.get(e.indicator);
    if (!ranks) continue;
    if (!ranks.inCity && e.rankInCity !== null) ranks.inCity = { rank: e.rankInCity, peerCount: e.cityPeerCount, source: 'entered' };
    if (!ranks.amongCounties && e.rankAmongCounties !== null) {
      ranks.amongCounties = { rank: e.rankAmongCounties, peerCount: e.countyPeerCount, source: 'entered' };
    }
  }
  return out;
}

/**
 * The metrics of a region as of a month, one item per indicator with a value: cumulative value, 同比 (official, else
 * computed, and why it is missing), share of the annual target, 时序进度 and the gap, 环比 of quarters, what each
 * remaining month must add, the half-year and annual forecasts, and the ranks. Everyone in scope reads it.
 * @example indicatorReport(db, { region: '140423402', asOf: '2023-06' }, actor)
 *   // items[…].metrics: 规上工业增加值 4 440 000 000 元, yoy 0.148 official; 工业投资 1 080 000 000 元, yoy −0.583
 */
export async function indicatorReport(db: Db, input: IndicatorReportInput, actor: Actor): Promise<IndicatorReport> {
  const q = parseInput(IndicatorReportInputSchema, input, INDICATOR_FIELD_LABELS);
  assertCanReadIndicators(actor, q.region);
  const region = await loadRegion(db, q.region);
  const inputs = await loadInputs(db, [region.code], q.asOf);
  const codes = INDICATOR_CODES.filter((c) => hasValueAt(inputs, region.code, c, q.asOf));
  const ranks = await ranksFor(db, region.code, q.asOf, codes);
  return {
    region: region.code,
    regionName: displayName(region),
    level: region.level,
    asOf: q.asOf,
    items: codes.map((code) => ({
      metrics: metricsOf(inputs, region.code, code, q.asOf),
      source: inputs.values.find((v) => v.indicator === code && v.region === region.code && v.month === q.asOf)?.source ?? null,
      ranks: ranks.get(code) ?? { inCity: null, amongCounties: null },
    })),
  };
}

/** One indicator's sub-regions against 时序进度, and the sentence of the indicator template about them. */
export interface IndicatorStanding {
  indicator: IndicatorCode;
  name: string;
  /** Largest gap first; ties share a rank; each 'ahead', 'near' (within 5 points below) or 'behind'. */
  ranked: RankedProgress[];
  /** Sub-regions with a value or a target but no gap. */
  unranked: ProgressEntry[];
  sentence: DraftedSentence;
}

export interface StandingReport {
  region: string;
  regionName: string;
  asOf: Month;
  /** What the sub-regions are called: 乡镇 under a county, 县（市、区） under a city. */
  noun: string;
  standings: IndicatorStanding[];
}

/**
 * The townships and zones of a county (or the counties of a city) side by side for an indicator: each one's share of
 * its own target against 时序进度, ranked, ahead / near / behind, with the sentence "达到时序进度的只有…". Without an
 * indicator, every cumulative indicator for which some sub-region has a gap.
 */
export async function indicatorStanding(db: Db, input: StandingInput, actor: Actor): Promise<StandingReport> {
  const q = parseInput(StandingInputSchema, input, INDICATOR_FIELD_LABELS);
  assertCanReadIndicators(actor, q.region);
  const region = await loadRegion(db, q.region);
  const children = await subRegions(db, region.code);
  const noun = region.level === 'city' || region.level === 'province' ? '县（市、区）' : '乡镇';
  const report: StandingReport = { region: region.code, regionName: displayName(region), asOf: q.asOf, noun, standings: [] };
  if (children.length === 0) return report;
  const inputs = await loadInputs(db, children.map((c) => c.code), q.asOf, q.indicator ? [q.indicator] : undefined);
  const codes = q.indicator ? [q.indicator] : INDICATOR_CODES.filter((c) => indicatorByCode(c).accumulation === 'cumulative');
  for (const code of codes) {
    const entries: ProgressEntry[] = children
      .filter((c) => hasValueAt(inputs, c.code, code, q.asOf) || inputs.targets.some((t) => t.indicator === code && t.region === c.code))
      .map((c) => {
        const m = metricsOf(inputs, c.code, code, q.asOf);
        return { region: c.code, name: displayName(c), targetShare: m.targetShare, progressGap: m.progressGap };
      });
    const standing = progressStanding(entries);
    if (!q.indicator && standing.ranked.length === 0) continue;
    report.standings.push({
      indicator: code,
      name: indicatorByCode(code).name,
      ranked: standing.ranked,
      unranked: standing.unranked,
      sentence: progressStandingSentence(standing, { indicator: code, month: q.asOf, region: region.code }, { noun }),
    });
  }
  return report;
}

/** A drafted sentence with what it is about. */
export interface SentenceView {
  kind: 'indicator' | 'standing';
  indicator: IndicatorCode;
  name: string;
  text: string;
  parts: SentencePart[];
}

export interface SentenceReport {
  region: string;
  regionName: string;
  asOf: Month;
  sentences: SentenceView[];
  /** The sentences one after another, a paragraph each. */
  text: string;
}

/**
 * The sentences of the indicator template for a region and month, drafted from the same figures as {@link indicatorReport} and
 * {@link indicatorStanding}: one per indicator with a value (value, 同比, share of the target or 超任务数, 时序进度
 * gap, 环比, ranks, and a forecast — of the half year before June, of the year after), then the sub-regions against
 * 时序进度. Every number is a part naming the figure it shows.
 */
export async function indicatorSentences(db: Db, input: IndicatorReportInput, actor: Actor): Promise<SentenceReport> {
  const report = await indicatorReport(db, input, actor);
  const standing = await indicatorStanding(db, { region: report.region, asOf: report.asOf }, actor);
  const region = await loadRegion(db, report.region);
  const scopeWord = scopeWordOf(region);
  const forecast = monthNumber(report.asOf) < 6 ? 'halfYear' : 'year';
  const sentences: SentenceView[] = [];
  for (const item of report.items) {
    const rank = (r: RankResult | null) => (r ? { rank: r.rank, peerCount: r.peerCount } : null);
    const s = indicatorSentence(item.metrics, { scopeWord, rankInCity: rank(item.ranks.inCity), rankAmongCounties: rank(item.ranks.amongCounties), forecast });
    if (s.text) sentences.push({ kind: 'indicator', indicator: item.metrics.indicator, name: item.metrics.name, ...s });
  }
  for (const st of standing.standings) {
    if (st.sentence.text) sentences.push({ kind: 'standing', indicator: st.indicator, name: st.name, ...st.sentence });
  }
  return { region: report.region, regionName: report.regionName, asOf: report.asOf, sentences, text: sentences.map((s) => s.text).join('\n') };
}

