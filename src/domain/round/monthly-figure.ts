// A report's investment figure: the month's amount is what is stored; year-to-date and since-start follow from it.

import { invalidInput } from '../errors.ts';
import { money } from '../format.ts';
import { sumYuan, type Yuan } from '../money.ts';
import { addMonths, monthNumber, ytdLabel, type Month } from '../months.ts';

/**
 * The month's completed investment from a year-to-date figure typed by a unit that only knows the
 * cumulative (1-M月累计): the year-to-date minus the months of the year already on record.
 * Refuses a year-to-date below those months (the month would be negative), naming field `ytd`.
 * Pass the report's month to name the periods in the message ("1-5月累计…小于1-4月之和…").
 * @example monthFromYtd(12_000_000, 9_000_000) === 3_000_000
 */
export function monthFromYtd(ytd: Yuan, earlierMonthsOfYear: Yuan, month?: Month): Yuan {
  const result = ytd - earlierMonthsOfYear;
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

/**
 * The figures a report shows for its month.
 * - `completedMonth`: the month's amount (typed, or from {@link monthFromYtd});
 * - `earlierThisYear`: the project's months of the same year before this one;
 * - `before`: everything completed before this year — the project's `completedBefore` (work done before
 *   it was tracked month by month) plus its months of earlier years.
 * `month` is the report's month; it is carried so callers pass the report as one object.
 * @example reportFigures({ month: '2021-05', completedMonth: 3, earlierThisYear: 9, before: 100 }) // { month: 3, ytd: 12, sinceStart: 112 }
 */
export function reportFigures(input: { month: Month; completedMonth: Yuan; earlierThisYear: Yuan; before: Yuan }): ReportFigures {
  const ytd = sumYuan([input.earlierThisYear, input.completedMonth]);
  return { month: input.completedMonth, ytd, sinceStart: sumYuan([input.before, ytd]) };
}
