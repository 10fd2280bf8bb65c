// Regions side by side: the rank of each region's growth within a peer group ("累计增速在全市排第3位、8县(市)排 (sources quoted in docs/sources.md)
// 第2位"), and which townships or units are ahead of or behind 时序进度 (the indicator template: "达到时序进度的只有…").

import { roundHalfUp } from '../format.ts';
import { isRegionCode, regionLevel } from '../region.ts';

/** A region's growth for ranking; null when it has none (no last year's value, no published rate). */
export interface GrowthEntry {
  region: string;
  growth: number | null;
}

export interface RankedGrowth {
  region: string;
  growth: number;
  /** Competition ranking: 1, 2, 2, 4. */
  rank: number;
}

export interface GrowthRanking {
  /** Highest growth first; ties (equal at the shown precision) share a rank. */
  ranked: RankedGrowth[];
  /** Regions with no growth, unranked, in the order given. */
  unranked: string[];
  /** Every region of the peer group, ranked or not: the 12 of "在全市12个单位排第3位". */
  peerCount: number;
}

export interface RankOptions {
  /**
   * Decimals of a percent at which two growths count as equal. Rankings are read from published rates
   * with one decimal, so 14.81% and 14.79% both show 14.8% and share a rank. Default 1.
   */
  decimals?: number;
}

/**
 * Ranks regions by growth, descending, within one peer group (the city's units, or the city's
 * counties). Ties share a rank and the next rank skips (1, 2, 2, 4); regions without a growth are
 * listed apart, unranked.
 * @example rankByGrowth([{ region: 'a', growth: 0.1 }, { region: 'b', growth: 0.12 }, { region: 'c', growth: null }])
 * // { ranked: [{ region: 'b', rank: 1, … }, { region: 'a', rank: 2, … }], unranked: ['c'], peerCount: 3 }
 */
export function rankByGrowth(entries: readonly GrowthEntry[], options: RankOptions = {}): GrowthRanking {
  const decimals = options.decimals ?? 1;
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.region)) throw new RangeError(`region listed twice in a ranking: ${e.region}`);
    seen.add(e.region);
  }
  const withGrowth = entries.filter((e): e is GrowthEntry & { growth: number } => e.growth !== null && Number.isFinite(e.growth));
  const key = (g: number) => roundHalfUp(g * 100, decimals);
  const ranked = competitionRank(withGrowth, (e) => key(e.growth)).map(({ item, rank }) => ({ region: item.region, growth: item.growth, rank }));
  const unranked = entries.filter((e) => e.growth === null || !Number.isFinite(e.growth)).map((e) => e.region);
  return { ranked, unranked, peerCount: entries.length };
}

/** The rank of a region in a ranking, or null when it is unranked or not in the group. */
export function rankOf(ranking: GrowthRanking, region: string): number | null {
  return ranking.ranked.find((r) => r.region === region)?.rank ?? null;
}

/** Sorts by key descending (then by region for a stable order) and gives equal keys the same rank. */
function competitionRank<T extends { region: string }>(items: readonly T[], key: (item: T) => number): Array<{ item: T; rank: number }> {
  const sorted = [...items].sort((a, b) => key(b) - key(a) || (a.region < b.region ? -1 : a.region > b.region ? 1 : 0));
  const out: Array<{ item: T; rank: number }> = [];
  sorted.forEach((item, i) => {
    const previous = out[i - 1];
    const rank = previous && key(previous.item) === key(item) ? previous.rank : i + 1;
    out.push({ item, rank });
  });
  return out;
}

/** A county-level region as the peer groups need it; the name, when known, decides 区 from 县/市. */
export interface CountyLevelRegion {
  code: string;
  name?: string;
}

/**
 * True for a 县, 旗 or 县级市 — the "x县(市)" of a ranking — and false for a 市辖区. The name's last
 * character decides when given; otherwise the code (GB/T 2260: 01–20 districts, 21–80 counties,
 * 81–99 county-level cities).
 */
export function isCountyOrCountyLevelCity(region: CountyLevelRegion): boolean {
  if (!isRegionCode(region.code) || regionLevel(region.code) !== 'county') return false;
  const name = region.name?.trim();
  if (name) return !name.endsWith('区');
  return Number(region.code.slice(4)) >= 21;
}

/**
 * The two peer groups of a city for rankings: all its county-level units ("全市12个单位") and its
 * counties and county-level cities ("8县(市)"), from the regions the deployment holds.
 */
export function cityPeerGroups(cityCode: string, regions: readonly CountyLevelRegion[]): { cityUnits: string[]; counties: string[] } {
  const prefix = cityCode.slice(0, 4);
  const units = regions.filter((r) => isRegionCode(r.code) && regionLevel(r.code) === 'county' && r.code.startsWith(prefix));
  return {
    cityUnits: units.map((r) => r.code),
    counties: units.filter(isCountyOrCountyLevelCity).map((r) => r.code),
  };
}

/** One township or unit's progress against its own target. */
export interface ProgressEntry {
  region: string;
  name: string;
  targetShare: number | null;
  progressGap: number | null;
}

/** 达到 (at or ahead of) / 接近 (within the margin below) / 落后 (further behind) 时序进度. */
export type ProgressStandingKind = 'ahead' | 'near' | 'behind';

export interface RankedProgress extends ProgressEntry {
  progressGap: number;
  rank: number;
  standing: ProgressStandingKind;
}

export interface ProgressStanding {
  /** Largest gap first; ties (equal at the shown precision) share a rank. */
  ranked: RankedProgress[];
  /** Units with no gap (no target, no value), unranked, in the order given. */
  unranked: ProgressEntry[];
}

export interface ProgressOptions {
  /** How far below 时序进度 still counts as 接近, as a fraction. Default 0.05 (5 points). */
  nearWithin?: number;
  /** Decimals of a point at which two gaps count as equal. Default 1. */
  decimals?: number;
}

// A share computed as value ÷ target can land a hair below n/12 through binary fractions.
const EPSILON = 1e-9;

/**
 * Ranks townships or units by their gap to 时序进度 and sorts them into ahead / near / behind.
 * A unit is ahead when its gap is zero or more; near when it is behind by no more than `nearWithin`.
 */
export function progressStanding(entries: readonly ProgressEntry[], options: ProgressOptions = {}): ProgressStanding {
  const nearWithin = options.nearWithin ?? 0.05;
  const decimals = options.decimals ?? 1;
  const withGap = entries.filter((e): e is ProgressEntry & { progressGap: number } => e.progressGap !== null && Number.isFinite(e.progressGap));
  const ranked = competitionRank(withGap, (e) => roundHalfUp(e.progressGap * 100, decimals)).map(({ item, rank }) => ({
    ...item,
    rank,
    standing: standingOf(item.progressGap, nearWithin),
  }));
  const unranked = entries.filter((e) => e.progressGap === null || !Number.isFinite(e.progressGap));
  return { ranked, unranked };
}

function standingOf(gap: number, nearWithin: number): ProgressStandingKind {
  if (gap >= -EPSILON) return 'ahead';
  if (gap >= -nearWithin - EPSILON) return 'near';
  return 'behind';
}
