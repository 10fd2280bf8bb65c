// Reads the targets out of a government work report's text ("地区生产总值增长8%，固定资产投资增长8.5%…", the 2021 work report) and (sources quoted in docs/sources.md)
// proposes them for the user to confirm: nobody retypes the year's targets, and nothing is set without a look.

import { fromUnit } from '../money.ts';
import { indicatorByCode, indicatorSpellings, toHalfWidth, type IndicatorCode, type IndicatorUnitKind } from './catalogue.ts';
import type { TargetKind, TargetQualifier } from './values.ts';

/** A target found in the text, for the user to confirm or correct. */
export interface TargetProposal {
  indicator: IndicatorCode;
  kind: TargetKind;
  /** A fraction for a growth target (0.085); an integer in the indicator's unit for an absolute one. */
  value: number;
  qualifier: TargetQualifier | null;
  /** The upper bound of a range (增长7%—8%), in the same terms as `value`; null otherwise. */
  upper: number | null;
  /** Where it was read: offsets into the text given, and the words themselves. */
  span: { start: number; end: number; text: string };
}

export interface ReadTargetsOptions {
  /**
   * The year the targets are for. A sentence that points at another year ("到2025年…") is left
   * out, so a five-year plan's figures are not taken for this year's.
   */
  year?: number;
}

interface Mention {
  start: number;
  end: number;
  indicators: IndicatorCode[];
}

// "城镇居民、农村居民人均可支配收入" and "城乡居民人均可支配收入" name two indicators at once.
const INCOME_PAIRS: readonly RegExp[] = [
  /城镇(?:常住)?居民\s*[、和与及]\s*(?:农村(?:常住)?居民|农民)\s*人均\s*可支配\s*收入/g,
  /城乡(?:常住)?居民\s*人均\s*可支配\s*收入/g,
];

const NUM = String.raw`(\d+(?:\.\d+)?)`;
const QUALIFIER = String.raw`(左右|以上|以内|以下)?`;
/** 8%, 8% 以上, 7%—8%, 7—8%, 7～8%. */
const RATE = String.raw`${NUM}\s*%?\s*(?:(?:-|—|–|~|至|到)\s*${NUM}\s*)?%\s*${QUALIFIER}`;
const LIST_SEPARATOR = String.raw`\s*(?:和|、|,|及|与)\s*`;
const LEAD = String.raw`^\s*(?:(?:要|将|力争|预计|确保|争取|实现|保持)\s*)?(?:(?:分别|均|都)\s*)?`;
const GROWTH = new RegExp(
  String.raw`${LEAD}(?:同比\s*)?(增长|增速|增幅|下降)\s*(达到|为|在|保持在|不低于|超过|高于)?\s*(?:分别\s*(?:为|达到)?\s*)?((?:${RATE})(?:${LIST_SEPARATOR}(?:${RATE}))*)`,
);
const RATE_ONE = new RegExp(RATE, 'g');
const ABSOLUTE = new RegExp(
  String.raw`${LEAD}(达到|突破|完成|实现|超过|增加到|增至|达)?\s*约?\s*${NUM}\s*(万元/亩|元/亩|亿元|万元|元|家|个|户)\s*${QUALIFIER}`,
);
const TARGET_YEAR = /到\s*(\d{4})\s*年/g;
/** Words before a count that make it an increase ("新增高新技术企业3家", "培育认定高新技术企业1家"). */
const INCREMENT = /(?:新增|新认定|认定|培育|引进)\s*$/;

/**
 * Proposes the targets a work report sets: for each indicator the catalogue knows (by name or alias),
 * the growth rate (增长/增速/同比增长 8%, 8%左右, 8%以上, 7%—8%) or the absolute value (250亿元,
 * 43500元) that follows it. Past figures ("由2015年的…增加到…"), averages over several years (年均增长)
 * and sentences about another year are left out. "城镇居民、农村居民人均可支配收入分别增长8%和8%以上"
 * proposes one target for each.
 * @example readTargets('地区生产总值增长8%，固定资产投资增长8.5%')
 * // [{ indicator: 'gdp', kind: 'growth', value: 0.08, … }, { indicator: 'fixed-asset-investment', value: 0.085, … }]
 */
export function readTargets(text: string, options: ReadTargetsOptions = {}): TargetProposal[] {
  // Half-width folding keeps every character in place, so offsets found here are offsets into `text`.
  const norm = toHalfWidth(text);
  const proposals: TargetProposal[] = [];
  for (const sentence of sentences(norm)) {
    const mentions = findMentions(norm, sentence.start, sentence.end);
    mentions.forEach((mention, i) => {
      const tailEnd = mentions[i + 1]?.start ?? sentence.end;
      const before = norm.slice(sentence.start, mention.start);
      if (pointsAtAnotherYear(before, options.year)) return;
      proposals.push(...readAfter(text, norm, mention, tailEnd, INCREMENT.test(before)));
    });
  }
  return proposals;
}

function* sentences(norm: string): Generator<{ start: number; end: number }> {
  let start = 0;
  for (const m of norm.matchAll(/[。;!?\n]/g)) {
    if (m.index > start) yield { start, end: m.index };
    start = m.index + 1;
  }
  if (start < norm.length) yield { start, end: norm.length };
}

function findMentions(norm: string, from: number, to: number): Mention[] {
  const mentions: Mention[] = [];
  const sentence = norm.slice(from, to);
  for (const re of INCOME_PAIRS) {
    for (const m of sentence.matchAll(re)) {
      const start = from + m.index;
      const end = start + m[0].length;
      if (!mentions.some((x) => start < x.end && x.start < end)) {
        mentions.push({ start, end, indicators: ['urban-disposable-income', 'rural-disposable-income'] });
      }
    }
  }
  const spellings = indicatorSpellings();
  for (let pos = from; pos < to; ) {
    const taken = mentions.find((x) => x.start <= pos && pos < x.end);
    if (taken) {
      pos = taken.end;
      continue;
    }
    const hit = spellings.find((s) => norm.startsWith(s.spelling, pos) && pos + s.spelling.length <= to);
    if (hit) {
      mentions.push({ start: pos, end: pos + hit.spelling.length, indicators: [hit.indicator] });
      pos += hit.spelling.length;
    } else pos += 1;
  }
  return mentions.sort((a, b) => a.start - b.start);
}

function pointsAtAnotherYear(before: string, year: number | undefined): boolean {
  if (year === undefined) return false;
  return [...before.matchAll(TARGET_YEAR)].some((m) => Number(m[1]) !== year);
}

/** Reads up to two targets (a growth and an absolute value, in either order) right after a mention. */
function readAfter(text: string, norm: string, mention: Mention, tailEnd: number, afterIncrement: boolean): TargetProposal[] {
  const out: TargetProposal[] = [];
  let pos = mention.end;
  const kinds = new Set<TargetKind>();
  while (kinds.size < 2) {
    const tail = norm.slice(pos, tailEnd);
    const growth = kinds.has('growth') ? null : GROWTH.exec(tail);
    const absolute = growth || kinds.has('absolute') ? null : ABSOLUTE.exec(tail);
    const m = growth ?? absolute;
    if (!m) break;
    const end = pos + m[0].replace(/\s+$/, '').length;
    const span = { start: mention.start, end, text: text.slice(mention.start, end) };
    const found = growth ? growthTargets(growth, mention.indicators) : absoluteTargets(absolute as RegExpExecArray, mention.indicators, afterIncrement);
    if (found.length === 0) break;
    out.push(...found.map((f) => ({ ...f, span })));
    kinds.add(growth ? 'growth' : 'absolute');
    // A second figure may follow after a comma: "达到250亿元，增长8%".
    const rest = /^\s*[,、]\s*/.exec(norm.slice(end, tailEnd));
    if (!rest) break;
    pos = end + rest[0].length;
  }
  return out;
}

type Found = Omit<TargetProposal, 'span'>;

function growthTargets(m: RegExpExecArray, indicators: IndicatorCode[]): Found[] {
  const sign = m[1] === '下降' ? -1 : 1;
  const verbQualifier: TargetQualifier | null = m[2] === '不低于' || m[2] === '超过' || m[2] === '高于' ? 'atLeast' : null;
  const rates = [...(m[3] as string).matchAll(RATE_ONE)].map((r) => {
    const low = percent(r[1] as string) * sign;
    const high = r[2] === undefined ? null : percent(r[2]) * sign;
    const qualifier: TargetQualifier | null = high !== null ? 'range' : qualifierOf(r[3]) ?? verbQualifier;
    return { value: high !== null ? Math.min(low, high) : low, upper: high !== null ? Math.max(low, high) : null, qualifier };
  });
  // One rate for all the mention's indicators, or one each ("分别增长8%和8%以上").
  if (rates.length !== 1 && rates.length !== indicators.length) return [];
  return indicators.map((indicator, i) => ({ indicator, kind: 'growth', ...(rates[rates.length === 1 ? 0 : i] as (typeof rates)[number]) }));
}

function absoluteTargets(m: RegExpExecArray, indicators: IndicatorCode[], afterIncrement: boolean): Found[] {
  const amount = Number(m[2]);
  const unit = m[3] as string;
  const qualifier = qualifierOf(m[4]);
  const out: Found[] = [];
  for (const indicator of indicators) {
    const def = indicatorByCode(indicator);
    // "新增高新技术企业3家" is an increase, not the level the indicator counts: leave it to the user.
    if (afterIncrement && def.accumulation === 'level') continue;
    const value = valueIn(def.unitKind, amount, unit);
    if (value !== null) out.push({ indicator, kind: 'absolute', value, qualifier, upper: null });
  }
  return out;
}

/** The amount in the indicator's stored unit, or null when the written unit does not fit it. */
function valueIn(kind: IndicatorUnitKind, amount: number, unit: string): number | null {
  switch (kind) {
    case 'money':
      return unit === '亿元' || unit === '万元' || unit === '元' ? fromUnit(amount, unit) : null;
    case 'moneyPerPerson':
      return unit === '万元' || unit === '元' ? fromUnit(amount, unit) : null;
    case 'moneyPerMu':
      return unit === '万元/亩' ? fromUnit(amount, '万元') : unit === '元/亩' ? fromUnit(amount, '元') : null;
    case 'count':
      return (unit === '家' || unit === '个' || unit === '户') && Number.isInteger(amount) ? amount : null;
  }
}

function qualifierOf(word: string | undefined): TargetQualifier | null {
  switch (word) {
    case '左右':
      return 'about';
    case '以上':
      return 'atLeast';
    case '以内':
    case '以下':
      return 'atMost';
    default:
      return null;
  }
}

/** "8.5" (a percent, as written) → 0.085, shifted on the decimal string so no binary error creeps in. */
function percent(written: string): number {
  return Number(`${written}e-2`);
}
