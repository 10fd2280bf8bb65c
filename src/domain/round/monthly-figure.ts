// A month's completed investment: the month's amount is what is stored; year-to-date and since-start follow from it,
// for the round's forms and review, the ledger import and the project page alike.

import { invalidInput } from '../errors.ts';
import { money } from '../format.ts';
import { sumYuan, type Yuan } from '../money.ts';
import { addMonths, firstMonthOfYear, monthNumber, monthYear, ytdLabel, type Month } from '../months.ts';
import type { EnteredAs } from '../project/project.ts';

/**
 * The month's completed investment from a year-to-date figure typed by a unit that only knows the
 * cumulative (1-M月累计): the year-to-date minus the months of the year already on record.
 * Refuses a year-to-date below those months (the month would be negative), naming field `ytd`.
 * Pass the report's month to name the periods in the message ("1-5月累计…小于1-4月之和…").
 * @example monthFromYtd(12_000_000, 9_000_000) === 3_000_000
 */
export function monthFromYtd(ytd: Yuan, earlierMonthsOfYear: Yuan, month?: Month): Yuan {
  const result = figuresOfEntry({ earlier: earlierMonthsOfYear, before: 0 }, 'ytd', ytd).month;
  if (result < 0) {
    const ytdName = month ? `${ytdLabel(month)}累计` : '本年累计';
    const earlierName = month && monthNumber(month) > 1 ? `此前各月（${ytdLabel(addMonths(month, -1))}）之和` : '此前各月之和';
    throw invalidInput([
      {
        field: 'ytd',
        message: `${ytdName}完成投资${money(ytd, '万元', 2)}，小于${earlierName}${money(earlierMonthsOfYear, '万元', 2)}，请核对`,
      },
    ]);
  }
  return result;
}

/** The three completed-investment figures of a report (完成投资 当月 / 1-M月累计 / 开工累计). */
export interface ReportFigures {
  month: Yuan;
  ytd: Yuan;
  sinceStart: Yuan;
}

/** A month of a project's completed investment on record. */
export interface MonthCompleted {
  month: Month;
  completed: Yuan;
}

/**
 * What a month's figures are built on, neither of which changes with the month's own entry: `earlier`, the project's
 * months of the same year before it (1-(M-1)月), and `before`, everything completed before that year — the project's
 * `completedBefore` (work done before it was tracked month by month) plus its months of earlier years.
 */
export interface FigureBase {
  earlier: Yuan;
  before: Yuan;
}

/**
 * The base of a month's figures from the project's months on record. The month itself is left out (an approved figure
 * is what a report replaces), and so is every later month.
 * @example figureBase('2021-06', 100, [{ month: '2020-12', completed: 5 }, { month: '2021-03', completed: 7 }]) // { earlier: 7, before: 105 }
 */
export function figureBase(month: Month, completedBefore: Yuan, months: readonly MonthCompleted[]): FigureBase {
  const yearStart = firstMonthOfYear(monthYear(month));
  return {
    earlier: sumYuan(months.filter((m) => m.month >= yearStart && m.month < month).map((m) => m.completed)),
    before: sumYuan([completedBefore, ...months.filter((m) => m.month < yearStart).map((m) => m.completed)]),
  };
}

/**
 * The figures a month's entry leads to: the month's amount typed as such, or the year-to-date (`enteredAs` 'ytd') from
 * which the month follows. Nothing is refused here, so a form can show a month that would come out negative; saving
 * refuses it through {@link monthFromYtd}.
 * @example figuresOfEntry({ earlier: 9, before: 100 }, 'month', 3) // { month: 3, ytd: 12, sinceStart: 112 }
 * @example figuresOfEntry({ earlier: 9, before: 100 }, 'ytd', 12) // { month: 3, ytd: 12, sinceStart: 112 }
 */
export function figuresOfEntry(base: FigureBase, enteredAs: EnteredAs, entered: Yuan): ReportFigures {
  const ytd = enteredAs === 'ytd' ? entered : sumYuan([base.earlier, entered]);
  return { month: ytd - base.earlier, ytd, sinceStart: sumYuan([base.before, ytd]) };
}

/**
 * A project's figures as of the end of a month: that month's amount (0 when none is on record), the year to date and
 * since the start, from its months on record and `completedBefore`.
 */
export function figuresAsOf(asOf: Month, completedBefore: Yuan, months: readonly MonthCompleted[]): ReportFigures {
  const own = months.find((m) => m.month === asOf)?.completed ?? 0;
  return figuresOfEntry(figureBase(asOf, completedBefore, months), 'month', own);
}
