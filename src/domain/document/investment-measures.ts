// One figure per concept: the three year-to-date investment figures a county meets, what each counts, and the
// sentence that reconciles them wherever two appear together.

import { money } from '../format.ts';
import type { Yuan } from '../money.ts';
import type { ParagraphWriter } from './document-model.ts';
import { countFigure, moneyFigure } from './figures.ts';

export type InvestmentMeasure = 'pool' | 'entered' | 'statistics';

/** The name of each measure and what it counts; every page and document labels the figure with these words. */
export const INVESTMENT_MEASURES: Record<InvestmentMeasure, { name: string; counts: string; nameEn: string; countsEn: string }> = {
  pool: {
    name: '项目库完成投资',
    counts: '发改部门跟踪的项目库项目（续建、新建）报送的完成投资',
    nameEn: 'Pool completion',
    countsEn: 'investment completed by the projects of the pool the development office tracks (continuing and new)',
  },
  entered: {
    name: '已入库项目完成投资',
    counts: '项目库中已纳入固定资产投资统计（入库）项目的完成投资',
    nameEn: 'Completion of entered projects',
    countsEn: 'investment completed by the pool projects entered in the fixed-asset statistics',
  },
  statistics: {
    name: '固定资产投资（统计数）',
    counts: '统计部门的全口径固定资产投资，含项目库以外的投资（房地产开发、农户投资等）',
    nameEn: 'Fixed-asset investment (statistics)',
    countsEn: 'the statistics office’s whole fixed-asset investment, including investment outside the pool (real estate, households …)',
  },
};

export interface InvestmentFigures {
  region: string;
  asOf: string;
  /** "1-6月". */
  period: string;
  /** 全县 / 全区. */
  scopeWord: string;
  pool: { count: number; completed: Yuan };
  entered: { count: number; completed: Yuan };
  /** The stored 固定资产投资 for the region and month, when there is one. */
  statistics: Yuan | null;
}

const src = (f: InvestmentFigures, name: string) => `investment:${f.region}:${f.asOf}:${name}`;

/**
 * "1-6月，全县项目库229个项目完成投资34.39亿元（项目库口径），其中已入库的180个项目完成投资32.73亿元（入库口径），未入库
 * 项目1.66亿元；统计部门公布的全县固定资产投资47.99亿元（统计口径，含项目库以外的投资），比已入库项目完成投资多15.26亿元，…" The parts add up: the pool's
 * completion is the entered projects' plus the others', and the statistics' figure is the entered projects' plus (or
 * minus) what lies outside the pool.
 */
export function reconciliationSentence(w: ParagraphWriter, f: InvestmentFigures): void {
  const notEntered = f.pool.completed - f.entered.completed;
  w.say(`${f.period}，${f.scopeWord}项目库`);
  w.figure(countFigure(src(f, 'pool.count'), '项目库项目数', f.pool.count));
  w.say('个项目完成投资');
  w.figure(moneyFigure(src(f, 'pool.completed'), `${INVESTMENT_MEASURES.pool.name}（${f.period}）`, f.pool.completed, '亿元'));
  w.say('（项目库口径），其中已入库的');
  w.figure(countFigure(src(f, 'entered.count'), '已入库项目数', f.entered.count));
  w.say('个项目完成投资');
  w.figure(moneyFigure(src(f, 'entered.completed'), `${INVESTMENT_MEASURES.entered.name}（${f.period}）`, f.entered.completed, '亿元'));
  w.say('（入库口径），未入库项目');
  w.figure(moneyFigure(src(f, 'notEntered.completed'), `未入库项目完成投资（${f.period}，项目库口径减入库口径）`, notEntered, '亿元'));

  if (f.statistics === null) {
    w.say('。');
    return;
  }
  const outside = f.statistics - f.entered.completed;
  w.say(`；统计部门公布的${f.scopeWord}固定资产投资`);
  w.figure(moneyFigure(src(f, 'statistics'), `${INVESTMENT_MEASURES.statistics.name}（${f.period}）`, f.statistics, '亿元'));
  w.say('（统计口径，含项目库以外的投资），');
  if (money(Math.abs(outside), '亿元') === '0亿元') {
    w.say('与已入库项目完成投资相当。');
    return;
  }
  w.say(outside > 0 ? '比已入库项目完成投资多' : '比已入库项目完成投资少');
  w.figure(moneyFigure(src(f, 'outside'), `统计数与入库口径之差（${f.period}）`, Math.abs(outside), '亿元'));
  w.say(outside > 0 ? '，主要为房地产开发、农户投资等项目库以外的投资。' : '，主要因统计按财务支出计算、项目报送按形象进度计算。');
}
