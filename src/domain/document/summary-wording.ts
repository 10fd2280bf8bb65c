// The words of a summary that are not figures: what each number of an indicator sentence is called, the parts of a
// summary and their headings, and the default template of a county.

import type { SentenceFigure } from '../indicator/indicator-sentence.ts';
import { monthNumber, type Month } from '../months.ts';
import { summaryPeriodName } from './gbt9704.ts';

/** What each number of seed 004's sentence is, for the figures list ("固定资产投资·同比"). */
export const SENTENCE_FIGURE_LABELS: Record<SentenceFigure, string> = {
  period: '截至月份',
  enterpriseCount: '规上工业企业数',
  value: '累计值',
  yoy: '同比',
  targetShare: '占年度目标',
  yoyAboveTargetGrowth: '增速与目标增速之差',
  progressGap: '与时序进度之差',
  quarterValue: '本季度值',
  previousQuarterValue: '上季度值',
  qoq: '环比',
  cityPeerCount: '全市单位数',
  rankInCity: '全市排名',
  countyPeerCount: '县（市）数',
  rankAmongCounties: '县（市）排名',
  halfYearForecast: '上半年预计',
  halfYearForecastYoy: '上半年预计同比',
  yearForecast: '全年预计',
  yearForecastYoy: '全年预计同比',
  aheadCount: '达到时序进度的单位数',
  bottomCount: '列出的后几位',
};

/** The three parts of a work summary, in order; each section builder says which part it belongs to. */
export type SummaryPart = 'work' | 'problems' | 'plan';

/** "一、上半年工作总结" / "二、存在问题" / "三、下半年工作打算". */
export function partHeading(part: SummaryPart, asOf: Month): string {
  switch (part) {
    case 'work':
      return `${summaryPeriodName(asOf)}工作总结`;
    case 'problems':
      return '存在问题';
    case 'plan':
      return monthNumber(asOf) === 6 ? '下半年工作打算' : monthNumber(asOf) === 12 ? '明年工作打算' : '下一步工作打算';
  }
}

/** A county's template before it sets its own: the unit, a 发文字号 pattern, the recipient and the signature. */
export function defaultTemplate(countyName: string, shortName: string): { unitName: string; numberPattern: string; recipient: string; signature: string } {
  const unitName = `${countyName}发展和改革局`;
  return { unitName, numberPattern: `${shortName.slice(0, 1)}发改字〔{year}〕{n}号`, recipient: '县委办、县政府办', signature: unitName };
}

/** The opening line after the recipient, as seed 000 has it. */
export function openingLine(unitName: string, asOf: Month): string {
  const period = summaryPeriodName(asOf);
  const next = monthNumber(asOf) === 12 ? '明年' : monthNumber(asOf) === 6 ? '下半年' : '下一步';
  return `按照通知要求，现将${unitName}${period}工作总结和${next}工作计划报告如下：`;
}
