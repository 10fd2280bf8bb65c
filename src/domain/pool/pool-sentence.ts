// The paragraph of the pool report drafted from the pool figures: every number in it comes from the analysis, and each
// is written as a figure naming its source, so the screen's text and the document's live numbers are the same words.
// Sources quoted in docs/sources.md.

import { countFigure, moneyFigure, rateFigure } from '../document/figures.ts';
import { paragraphWriter, runsText, type DocFigure, type ParagraphWriter } from '../document/document-model.ts';
import { monthNumber, ytdLabel, type Month } from '../months.ts';
import type { GroupFigures, PoolFigures } from './pool-analysis.ts';

/** A 三个一批 event as counted for the sentence. */
export interface BatchCount {
  heldOn: string;
  title: string;
  signed: number;
  started: number;
  operating: number;
}

/** "1月1日" from 'YYYY-MM-DD'. */
function monthDay(day: string): string {
  return `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
}

/** Where the pool's figures of a region and month come from: the pool service's field, e.g. "all.completedYtd". */
export function poolSource(region: string, asOf: Month, path: string): string {
  return `pool:${region}:${asOf}:${path}`;
}

const GROUP_WORDS = { all: '全部项目', continuing: '续建（复工）项目', newStart: '新建项目' } as const;

/**
 * Writes "截至5月底，全县拟实施项目共229项，总投资402.8亿元，…" into a paragraph, each number a figure of the pool
 * service (its source names region, month and field).
 * @param scopeWord 全县 for a county, 全区 for a zone, 全市 for a city
 */
export function writePoolParagraph(w: ParagraphWriter, f: PoolFigures, region: string, asOf: Month, scopeWord = '全县'): void {
  const ytd = ytdLabel(asOf);
  const fig = (group: keyof typeof GROUP_WORDS, field: keyof GroupFigures | 'resumeRate' | 'startRate' | 'started' | 'resumed', what: string, make: (s: string, l: string) => DocFigure) =>
    w.figure(make(poolSource(region, asOf, `${group}.${field}`), `项目库${GROUP_WORDS[group]}${what}`));
  const moneyOf = (group: keyof typeof GROUP_WORDS, field: 'totalInvestment' | 'annualPlan' | 'completedYtd', what: string) =>
    fig(group, field, what, (s, l) => moneyFigure(s, l, f[group][field], '亿元'));
  const countOf = (group: keyof typeof GROUP_WORDS, n: number, field: 'count' | 'started' | 'resumed' = 'count', what = '数') =>
    fig(group, field, what, (s, l) => countFigure(s, l, n));
  const rateOf = (group: 'continuing' | 'newStart', value: number | null, field: 'resumeRate' | 'startRate', what: string) => {
    if (value === null) w.say('—');
    else fig(group, field, what, (s, l) => rateFigure(s, l, value));
  };

  w.say(`截至${monthNumber(asOf)}月底，${scopeWord}拟实施项目共`);
  countOf('all', f.all.count);
  w.say('项，总投资');
  moneyOf('all', 'totalInvestment', '总投资');
  w.say('，年度计划');
  moneyOf('all', 'annualPlan', '年度计划投资');
  w.say(`，${ytd}份完成投资`);
  moneyOf('all', 'completedYtd', `${ytd}完成投资`);
  w.say('。续建（复工）项目');
  countOf('continuing', f.continuing.count);
  w.say('个，总投资');
  moneyOf('continuing', 'totalInvestment', '总投资');
  w.say('，年度计划');
  moneyOf('continuing', 'annualPlan', '年度计划投资');
  w.say('，复工率');
  rateOf('continuing', f.continuing.resumeRate, 'resumeRate', '复工率');
  w.say(`，${ytd}份完成投资`);
  moneyOf('continuing', 'completedYtd', `${ytd}完成投资`);
  w.say('。新建项目');
  countOf('newStart', f.newStart.count);
  w.say('个，总投资');
  moneyOf('newStart', 'totalInvestment', '总投资');
  w.say('，年度计划');
  moneyOf('newStart', 'annualPlan', '年度计划投资');
  w.say('，目前已开工');
  countOf('newStart', f.newStart.started, 'started', '已开工数');
  w.say('项，开工率');
  rateOf('newStart', f.newStart.startRate, 'startRate', '开工率');
  w.say(`，${ytd}份完成投资`);
  moneyOf('newStart', 'completedYtd', `${ytd}完成投资`);
  w.say('。');
}

/**
 * Drafts "截至5月底，全县拟实施项目共229项…" from the figures.
 * @param scopeWord 全县 for a county, 全区 for a zone, 全市 for a city
 */
export function poolSentence(f: PoolFigures, asOf: Month, scopeWord = '全县'): string {
  const w = paragraphWriter();
  writePoolParagraph(w, f, '', asOf, scopeWord);
  const { runs, figures } = w.done();
  return runsText(runs, new Map(figures.map((x) => [x.source, x])));
}

/** Writes "1月1日举行了第一批项目集中开工活动，共签约7个，开工3个，投产4个。" for each batch, in date order. */
export function writeBatchParagraph(w: ParagraphWriter, batches: readonly (BatchCount & { id?: string })[], region: string): void {
  for (const b of [...batches].sort((x, y) => x.heldOn.localeCompare(y.heldOn))) {
    const src = (what: string) => `batch:${region}:${b.id ?? b.heldOn}:${what}`;
    w.say(`${monthDay(b.heldOn)}举行了${b.title}，共签约`);
    w.figure(countFigure(src('signed'), `${b.title}签约项目数`, b.signed));
    w.say('个，开工');
    w.figure(countFigure(src('started'), `${b.title}开工项目数`, b.started));
    w.say('个，投产');
    w.figure(countFigure(src('operating'), `${b.title}投产项目数`, b.operating));
    w.say('个。');
  }
}

/** "1月1日举行了第一批项目集中开工活动，共签约7个，开工3个，投产4个。" for each batch, in date order. */
export function batchSentence(batches: readonly BatchCount[]): string {
  const w = paragraphWriter();
  writeBatchParagraph(w, batches, '');
  const { runs, figures } = w.done();
  return runsText(runs, new Map(figures.map((x) => [x.source, x])));
}
