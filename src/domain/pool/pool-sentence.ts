// The paragraph of the pool report drafted from the pool figures: every number in it comes from the analysis. Sources quoted in docs/sources.md.

import { formatRate, money } from '../format.ts';
import { monthNumber, ytdLabel, type Month } from '../months.ts';
import type { PoolFigures } from './pool-analysis.ts';

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

/**
 * Drafts "截至5月底，全县拟实施项目共229项…" from the figures.
 * @param scopeWord 全县 for a county, 全区 for a zone, 全市 for a city
 */
export function poolSentence(f: PoolFigures, asOf: Month, scopeWord = '全县'): string {
  const ytd = ytdLabel(asOf);
  const parts = [
    `截至${monthNumber(asOf)}月底，${scopeWord}拟实施项目共${f.all.count}项，总投资${money(f.all.totalInvestment)}，` +
      `年度计划${money(f.all.annualPlan)}，${ytd}份完成投资${money(f.all.completedYtd)}。`,
    `续建（复工）项目${f.continuing.count}个，总投资${money(f.continuing.totalInvestment)}，` +
      `年度计划${money(f.continuing.annualPlan)}，复工率${formatRate(f.continuing.resumeRate)}，` +
      `${ytd}份完成投资${money(f.continuing.completedYtd)}。`,
    `新建项目${f.newStart.count}个，总投资${money(f.newStart.totalInvestment)}，年度计划${money(f.newStart.annualPlan)}，` +
      `目前已开工${f.newStart.started}项，开工率${formatRate(f.newStart.startRate)}，` +
      `${ytd}份完成投资${money(f.newStart.completedYtd)}。`,
  ];
  return parts.join('');
}

/** "1月1日举行了第一批项目集中开工活动，共签约7个，开工3个，投产4个。" for each batch, in date order. */
export function batchSentence(batches: readonly BatchCount[]): string {
  return [...batches]
    .sort((a, b) => a.heldOn.localeCompare(b.heldOn))
    .map((b) => `${monthDay(b.heldOn)}举行了${b.title}，共签约${b.signed}个，开工${b.started}个，投产${b.operating}个。`)
    .join('');
}
