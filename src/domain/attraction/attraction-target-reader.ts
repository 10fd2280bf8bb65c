// Reads the attraction targets out of a work report's text (seed 002: "力争年内引进亿元以上项目10个，总投资额达到50亿元以上，
// 招商引资签约项目开工落地率达到40%以上"), beside the indicator targets the indicator reader finds in the same text.

import { fromUnit, type MoneyUnit } from '../money.ts';
import { toHalfWidth } from '../indicator/catalogue.ts';
import type { AttractionTarget } from './funnel.ts';

export interface AttractionTargetProposal extends AttractionTarget {
  span: { start: number; end: number; text: string };
}

/** A sentence sets a target only when it speaks of the future: "力争年内…", "要…", "确保…"; a year's results do not. */
const AIM = /力争|确保|争取|目标|要|计划|年内/;
const ABOUT_ATTRACTION = /招商|引进|签约|落地|招引/;
const NUM = String.raw`(\d+(?:\.\d+)?)`;
/** "亿元以上项目10个" says 1 亿元 without the 1; "5亿元以上4个" after "其中" names its own size. */
const LARGE = new RegExp(String.raw`(?:${NUM}\s*)?(亿元|万元)\s*(?:及)?以上(?:的)?\s*(?:重大|产业)?\s*(?:项目)?\s*(\d+)\s*个`, 'g');
const SIGNED = /签约(?:项目)?\s*(\d+)\s*个/g;
const INVESTMENT = new RegExp(String.raw`总投资(?:额)?\s*(?:达到|达|超过|突破)?\s*${NUM}\s*(亿元|万元)\s*(以上|左右)?`, 'g');
const LANDING = new RegExp(String.raw`(?:开工落地率|落地率|当年开工率|开工率)\s*(?:达到|达|不低于|超过)?\s*${NUM}\s*%\s*(以上|左右)?`, 'g');
const TARGET_YEAR = /到\s*(\d{4})\s*年/;

function* sentences(text: string): Generator<{ start: number; end: number }> {
  let start = 0;
  for (const m of text.matchAll(/[。;!?\n]/g)) {
    if (m.index > start) yield { start, end: m.index };
    start = m.index + 1;
  }
  if (start < text.length) yield { start, end: text.length };
}

const qualifier = (word: string | undefined): AttractionTarget['qualifier'] => (word === '以上' ? 'atLeast' : word === '左右' ? 'about' : null);

/**
 * Proposes the attraction targets a text sets for the year: the number of signed projects, the number of projects
 * of a size (亿元以上项目10个; "其中5亿元以上4个" too) with the total investment the same sentence gives them, and
 * the landing rate of signed projects. Past results ("全年累计签约项目53个") and sentences about another year are
 * left out. When a sentence names several sizes, the first is the threshold of its count and its total.
 * @example readAttractionTargets('力争年内引进亿元以上项目10个，总投资额达到50亿元以上，招商引资签约项目开工落地率达到40%以上')
 * // largeProjects 10 (threshold 1 亿元), largeInvestment 50 亿元, landingRate 0.4
 */
export function readAttractionTargets(text: string, options: { year?: number } = {}): AttractionTargetProposal[] {
  // Half-width folding keeps every character in place, so offsets found here are offsets into `text`.
  const norm = toHalfWidth(text);
  const out: AttractionTargetProposal[] = [];
  for (const s of sentences(norm)) {
    const sentence = norm.slice(s.start, s.end);
    if (!AIM.test(sentence) || !ABOUT_ATTRACTION.test(sentence)) continue;
    const year = TARGET_YEAR.exec(sentence)?.[1];
    if (year !== undefined && options.year !== undefined && Number(year) !== options.year) continue;
    const span = (m: RegExpMatchArray) => {
      const start = s.start + m.index!;
      const end = start + m[0].replace(/\s+$/, '').length;
      return { start, end, text: text.slice(start, end) };
    };
    let threshold: number | null = null;
    for (const m of sentence.matchAll(LARGE)) {
      const size = fromUnit(m[1] === undefined ? 1 : Number(m[1]), m[2] as MoneyUnit);
      // "其中5亿元以上4个、30亿元以上1个": the first size is the one a total refers to.
      threshold ??= size;
      out.push({ key: 'largeProjects', value: Number(m[3]), threshold: size, qualifier: null, span: span(m) });
    }
    const signed = [...sentence.matchAll(SIGNED)][0];
    if (signed) out.push({ key: 'signedProjects', value: Number(signed[1]), threshold: null, qualifier: null, span: span(signed) });
    const inv = [...sentence.matchAll(INVESTMENT)][0];
    if (inv) out.push({ key: 'largeInvestment', value: fromUnit(Number(inv[1]), inv[2] as MoneyUnit), threshold, qualifier: qualifier(inv[3]), span: span(inv) });
    const landing = [...sentence.matchAll(LANDING)][0];
    if (landing) out.push({ key: 'landingRate', value: Number(`${landing[1]}e-2`), threshold: null, qualifier: qualifier(landing[2]), span: span(landing) });
  }
  // One target of each kind a year: the first one the text gives (a second size, "30亿元以上1个", is left to the user).
  return out.filter((p, i) => out.findIndex((q) => q.key === p.key) === i);
}
