// The app's "current month" of a county, and how complete the figures drawn from a round still open are ("7月已审核 12/229").

import { firstMonthOfYear, monthNumber, monthYear, type Month } from '../months.ts';

export const CURRENT_MONTH_SOURCES = ['pinned', 'closedRound', 'figures', 'none'] as const;
/**
 * Where a county's current month comes from: pinned by its dispatcher; the month of its last closed round; for a county
 * that has not closed a round yet, the latest month of figures outside any open round (an imported ledger's); or nothing.
 */
export type CurrentMonthSource = (typeof CURRENT_MONTH_SOURCES)[number];

export const CURRENT_MONTH_SOURCE_LABELS: Record<CurrentMonthSource, string> = {
  pinned: '调度员指定',
  closedRound: '最近关闭的月报',
  figures: '已有数据的最近月份',
  none: '尚无数据',
};

/**
 * A county's current month: the month its figures are settled for, the default as-of month of every page.
 *
 * The month the dispatcher pinned wins; else the last closed round's month; else, while the county has closed no round,
 * the latest month with figures that no open round is still collecting. Never the month a single approved report
 * happens to belong to: a round still open is incomplete, and its month becomes current when it closes.
 * @example currentMonth({ pinned: null, lastClosedRound: '2021-05', settledFigures: '2021-05' }) // { month: '2021-05', source: 'closedRound' }
 */
export function currentMonth(input: { pinned: Month | null; lastClosedRound: Month | null; settledFigures: Month | null }): { month: Month | null; source: CurrentMonthSource } {
  if (input.pinned) return { month: input.pinned, source: 'pinned' };
  if (input.lastClosedRound) return { month: input.lastClosedRound, source: 'closedRound' };
  if (input.settledFigures) return { month: input.settledFigures, source: 'figures' };
  return { month: null, source: 'none' };
}

/** How far a round still open has come: its reports approved of those due (within the viewer's scope). */
export interface RoundCompleteness {
  roundId: string;
  regionCode: string;
  month: Month;
  approved: number;
  due: number;
}

/** The months whose rounds the year-to-date figures as of a month draw from: January of its year to the month itself. */
export function figureWindow(asOf: Month): { fromMonth: Month; toMonth: Month } {
  return { fromMonth: firstMonthOfYear(monthYear(asOf)), toMonth: asOf };
}

/**
 * The words every figure drawn from an open round carries.
 * @example completenessLabel({ month: '2021-07', approved: 12, due: 229 }) === '7月已审核 12/229'
 */
export function completenessLabel(c: Pick<RoundCompleteness, 'month' | 'approved' | 'due'>): string {
  return `${monthNumber(c.month)}月已审核 ${c.approved}/${c.due}`;
}
