// The indicator sentences of the indicator template drafted from the computed figures ("1-6月累计完成工业投资10.8亿元，同比下降58.3%， (sources quoted in docs/sources.md)
// 占年度目标任务…"), each number also given as a part that names the figure it shows, so a screen can link it to
// its source and a document never carries a number the data does not. A figure that is missing drops its clause.

import { formatPoints, formatRate, naturalUnit, roundHalfUp } from '../format.ts';
import { formatMoney, type MoneyUnit } from '../money.ts';
import { monthNumber, ytdLabel, type Month } from '../months.ts';
import { indicatorByCode, type IndicatorCode } from './catalogue.ts';
import { quarterName, type IndicatorMetrics } from './metrics.ts';
import type { ProgressStanding } from './ranking.ts';

/** Which figure a number of a sentence shows. */
export type SentenceFigure =
  | 'period'
  | 'enterpriseCount'
  | 'value'
  | 'yoy'
  | 'targetShare'
  | 'yoyAboveTargetGrowth'
  | 'progressGap'
  | 'quarterValue'
  | 'previousQuarterValue'
  | 'qoq'
  | 'cityPeerCount'
  | 'rankInCity'
  | 'countyPeerCount'
  | 'rankAmongCounties'
  | 'halfYearForecast'
  | 'halfYearForecastYoy'
  | 'yearForecast'
  | 'yearForecastYoy'
  | 'aheadCount'
  | 'bottomCount';

/** One number of a sentence: its text as printed, where it sits, and the exact figure behind it. */
export interface SentencePart {
  text: string;
  /** Offsets of `text` in the sentence. */
  start: number;
  end: number;
  figure: SentenceFigure;
  indicator: IndicatorCode;
  region: string;
  month: Month;
  /** The unrounded figure (a fraction for rates, an integer in the indicator's unit for values). */
  value: number;
}

export interface DraftedSentence {
  /** Empty when there is nothing to say (no value). */
  text: string;
  parts: SentencePart[];
}

/** A rank and, when known, the size of its peer group ("在全市12个单位排第3位"). */
export interface RankFigure {
  rank: number;
  peerCount?: number | null;
}

export interface IndicatorSentenceOptions {
  /** "全县", "全区"…; put before the subject when given. */
  scopeWord?: string;
  rankInCity?: RankFigure | null;
  rankAmongCounties?: RankFigure | null;
  /** The number of 规上工业企业 behind 规上工业总产值 ("全县123家规上工业企业累计完成产值…"). */
  enterpriseCount?: number | null;
  /** Which forecasts follow as a sentence of their own. Default 'halfYear', as in a half-year summary. */
  forecast?: 'halfYear' | 'year' | 'both' | 'none';
  /** The unit for amounts; by default 亿元 from 1 亿 up, else 万元. */
  moneyUnit?: MoneyUnit;
}

/** How a sentence names an indicator where its catalogue name reads badly ("新增规上企业数12家"). */
const SENTENCE_NAMES: Partial<Record<IndicatorCode, string>> = {
  'new-industrial-enterprises': '新增规上企业',
  'high-tech-enterprises': '高新技术企业',
};

/** Builds a text piece by piece, recording where each number lands. */
function draft(context: { indicator: IndicatorCode; region: string; month: Month }) {
  let text = '';
  const parts: SentencePart[] = [];
  return {
    say(words: string) {
      text += words;
    },
    figure(shown: string, figure: SentenceFigure, value: number, region = context.region) {
      parts.push({ text: shown, start: text.length, end: text.length + shown.length, figure, indicator: context.indicator, region, month: context.month, value });
      text += shown;
    },
    done(): DraftedSentence {
      return { text, parts };
    },
  };
}

type Draft = ReturnType<typeof draft>;

/**
 * Drafts the sentence of the indicator template for one indicator, region and month from its metrics, e.g.
 * "1-6月累计完成工业投资10.8亿元，同比下降58.3%，占年度目标任务45%，低于时序进度5个百分点，累计增速在全市12个单位排第3位、
 * 8县（市）排第2位。1-6月，预计…" — value, 同比, share of the annual target (or, for an indicator at comparable
 * prices with a growth target, "超任务数x个百分点"), the 时序进度 gap, 环比 of the quarter, ranks, and the
 * forecast. Growth is shown to one decimal, differences in 个百分点, half-up once, here.
 */
export function indicatorSentence(m: IndicatorMetrics, options: IndicatorSentenceOptions = {}): DraftedSentence {
  const d = draft({ indicator: m.indicator, region: m.region, month: m.asOf });
  if (m.value === null) return d.done();
  const def = indicatorByCode(m.indicator);
  const scope = options.scopeWord ?? '';
  const show = (value: number) => shown(m.indicator, value, options.moneyUnit);
  const name = SENTENCE_NAMES[m.indicator] ?? def.name;

  // The subject and the value.
  if (def.accumulation === 'level') {
    d.say('截至');
    d.figure(`${monthNumber(m.asOf)}月`, 'period', monthNumber(m.asOf));
    d.say(`底，${scope}${name}`);
  } else {
    period(d, m.asOf);
    if (m.indicator === 'industrial-output') {
      d.say(`，${scope}`);
      if (options.enterpriseCount != null) {
        d.figure(String(options.enterpriseCount), 'enterpriseCount', options.enterpriseCount);
        d.say('家');
      }
      d.say('规上工业企业累计完成产值');
    } else if (def.unitKind === 'money') d.say(`${scope}累计完成${name}`);
    else d.say(`${scope}${name}`);
  }
  d.figure(show(m.value), 'value', m.value);

  // A rate computed from values is nominal; for an indicator published at comparable prices, say so.
  if (m.yoy !== null) growth(d, m.yoy, 'yoy', def.comparablePrices && m.yoySource === 'computed' ? '，同比名义' : '，同比', '，与上年同期持平');

  if (def.comparablePrices && m.yoyAboveTargetGrowth !== null) {
    points(d, m.yoyAboveTargetGrowth, 'yoyAboveTargetGrowth', '超任务数', '低于任务数', '与任务数持平');
  } else if (m.targetShare !== null) {
    d.say('，占年度目标任务');
    d.figure(formatRate(m.targetShare), 'targetShare', m.targetShare);
    if (m.progressGap !== null) points(d, m.progressGap, 'progressGap', '超时序进度', '低于时序进度', '与时序进度持平');
  }

  if (m.qoq) {
    const q = m.qoq;
    const previous = q.quarter === 1 ? '上年四季度' : quarterName((q.quarter - 1) as 1 | 2 | 3);
    if (def.accumulation === 'level') {
      // A stock (高新技术企业数, 产出强度) is already stated at the month's end; only its last quarter-end is added.
      d.say(`，较${previous}末`);
    } else {
      d.say(`，${quarterName(q.quarter)}完成`);
      d.figure(show(q.value), 'quarterValue', q.value);
      d.say(`，较${previous}`);
    }
    d.figure(show(q.previousValue), 'previousQuarterValue', q.previousValue);
    if (q.rate !== null) growth(d, q.rate, 'qoq', '环比', '持平');
  }

  ranks(d, options.rankInCity ?? null, options.rankAmongCounties ?? null);
  d.say('。');

  const which = options.forecast ?? 'halfYear';
  if ((which === 'halfYear' || which === 'both') && m.halfYearForecast) forecast(d, m.halfYearForecast, 'halfYearForecast', 'halfYearForecastYoy', name, scope, show, def.unitKind === 'money', def.comparablePrices);
  if ((which === 'year' || which === 'both') && m.yearForecast) forecast(d, m.yearForecast, 'yearForecast', 'yearForecastYoy', name, scope, show, def.unitKind === 'money', def.comparablePrices);
  return d.done();
}

/** "1-6月", as one part naming the period. */
function period(d: Draft, month: Month): void {
  d.figure(ytdLabel(month), 'period', monthNumber(month));
}

/** "同比增长14.8%" / "同比下降58.3%" / the words for no change when it shows as 0.0%. */
function growth(d: Draft, rate: number, figure: SentenceFigure, lead: string, flat: string): void {
  const shownPct = roundHalfUp(rate * 100, 1);
  if (shownPct === 0) {
    d.say(flat);
    return;
  }
  d.say(`${lead}${shownPct > 0 ? '增长' : '下降'}`);
  d.figure(formatRate(Math.abs(rate)), figure, rate);
}

/** "，超时序进度14.8个百分点" / "，低于时序进度1.6个百分点" / "，与时序进度持平". */
function points(d: Draft, gap: number, figure: SentenceFigure, above: string, below: string, flat: string): void {
  if (roundHalfUp(gap * 100, 1) === 0) {
    d.say(`，${flat}`);
    return;
  }
  d.say(`，${gap > 0 ? above : below}`);
  d.figure(formatPoints(gap), figure, gap);
}

/** "，累计增速在全市12个单位排第3位、8县（市）排第2位"; either half drops out when unknown. */
function ranks(d: Draft, city: RankFigure | null, counties: RankFigure | null): void {
  if (!city && !counties) return;
  d.say('，累计增速在');
  if (city) {
    d.say('全市');
    if (city.peerCount != null) {
      d.figure(String(city.peerCount), 'cityPeerCount', city.peerCount);
      d.say('个单位');
    }
    d.say('排第');
    d.figure(String(city.rank), 'rankInCity', city.rank);
    d.say('位');
  }
  if (counties) {
    if (city) d.say('、');
    if (counties.peerCount != null) d.figure(String(counties.peerCount), 'countyPeerCount', counties.peerCount);
    d.say('县（市）排第');
    d.figure(String(counties.rank), 'rankAmongCounties', counties.rank);
    d.say('位');
  }
}

/** "1-6月，预计全县累计完成工业投资将达到55亿元，同比增长10%。"; amounts that are not money are not "完成". */
function forecast(
  d: Draft,
  f: { month: Month; value: number; yoy: number | null },
  figure: SentenceFigure,
  yoyFigure: SentenceFigure,
  name: string,
  scope: string,
  show: (value: number) => string,
  money: boolean,
  comparablePrices: boolean,
): void {
  period(d, f.month);
  d.say(`，预计${scope}${money ? '累计完成' : ''}${name}将达到`);
  d.figure(show(f.value), figure, f.value);
  // A forecast is compared with last year's value as published, at current prices: for an indicator whose official
  // growth is at comparable prices (GDP, 规上工业增加值) that is a nominal growth, and the sentence says so.
  if (f.yoy !== null) growth(d, f.yoy, yoyFigure, comparablePrices ? '，同比名义' : '，同比', '，与上年同期持平');
  d.say('。');
}

/**
 * A value as the sentence prints it, with its unit: money in 亿元/万元, 元 per person in 元, 产出强度 in
 * 万元/亩, counts in 家.
 */
export function shown(indicator: IndicatorCode, value: number, moneyUnit?: MoneyUnit): string {
  const def = indicatorByCode(indicator);
  switch (def.unitKind) {
    case 'money': {
      const unit = moneyUnit ?? naturalUnit(value);
      return `${formatMoney(value, unit)}${unit}`;
    }
    case 'moneyPerPerson':
      return `${formatMoney(value, '元')}元`;
    case 'moneyPerMu':
      return `${formatMoney(value, '万元', 2)}万元/亩`;
    case 'count':
      return `${value}${def.unit}`;
  }
}

export interface ProgressSentenceOptions {
  /** What the units are called: 乡镇 by default. */
  noun?: string;
  /** How many of the last (among those behind) to name with their share. Default 3. */
  bottom?: number;
}

/**
 * The sentence of the indicator template on townships or units against 时序进度: "从完成工业投资进度情况看，达到时序进度的只有古韩镇、
 * 王桥镇、侯堡镇等3个乡镇，襄垣经开区和夏店镇接近时序进度，进度排在后3位的是虒亭镇20%、西营镇12.3%和善福镇5%。"
 * The shares are parts of the sentence, each with its unit's region.
 */
export function progressStandingSentence(
  standing: ProgressStanding,
  context: { indicator: IndicatorCode; month: Month; region: string },
  options: ProgressSentenceOptions = {},
): DraftedSentence {
  const d = draft(context);
  const ranked = standing.ranked;
  if (ranked.length === 0) return d.done();
  const noun = options.noun ?? '乡镇';
  const ahead = ranked.filter((u) => u.standing === 'ahead');
  const near = ranked.filter((u) => u.standing === 'near');
  d.say(`从完成${indicatorByCode(context.indicator).name}进度情况看，`);
  if (ahead.length === ranked.length) d.say(`各${noun}均达到时序进度`);
  else if (ahead.length === 0) d.say(`各${noun}均未达到时序进度`);
  else {
    d.say(`达到时序进度的只有${joinNames(ahead.map((u) => u.name), '、')}`);
    if (ahead.length > 1) {
      d.say('等');
      d.figure(String(ahead.length), 'aheadCount', ahead.length);
      d.say(`个${noun}`);
    }
  }
  if (near.length > 0) d.say(`，${joinNames(near.map((u) => u.name), '和')}接近时序进度`);
  // The last few of those neither ahead nor near, so no unit is named twice.
  const behind = ranked.filter((u) => u.standing === 'behind');
  const last = behind.slice(Math.max(0, behind.length - (options.bottom ?? 3)));
  if (last.length > 0) {
    d.say('，进度排在后');
    d.figure(String(last.length), 'bottomCount', last.length);
    d.say('位的是');
    last.forEach((u, i) => {
      if (i > 0) d.say(i === last.length - 1 ? '和' : '、');
      d.say(u.name);
      if (u.targetShare !== null) d.figure(formatRate(u.targetShare), 'targetShare', u.targetShare, u.region);
    });
  }
  d.say('。');
  return d.done();
}

/** "A、B、C" — or "A、B和C" when `last` is 和. */
function joinNames(names: string[], last: '、' | '和'): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join('、')}${last}${names[names.length - 1]}`;
}
