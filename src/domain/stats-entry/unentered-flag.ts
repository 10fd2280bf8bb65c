// 开工未入库: a started project of 500 万元 and more not yet in the statistics — yellow after 1 month, red after 2.

import { addMonths, lastDayOfMonth, monthOfDay, monthNumber, monthYear, type Day, type Month } from '../months.ts';
import { startedBy, type Stage, type StatsEntryStatus } from '../project/project.ts';
import type { Yuan } from '../money.ts';
import { isWithdrawn } from '../pool/pool-membership.ts';
import { statsEntryApplies } from './stats-entry.ts';

/** The colour of a flag: the red/yellow/green rule of the trade. */
export type FlagColour = 'green' | 'yellow' | 'red';
export const FLAG_COLOURS = ['red', 'yellow', 'green'] as const satisfies readonly FlagColour[];

/** Started and not 入库 for this many whole months: yellow; for {@link UNENTERED_RED_AFTER_MONTHS}: red. */
export const UNENTERED_YELLOW_AFTER_MONTHS = 1;
export const UNENTERED_RED_AFTER_MONTHS = 2;

/**
 * The day `n` whole months before `day`. A day past the end of the earlier month falls on its last day, and the last
 * day of a month looks back to the last day of the earlier one (31 May − 1 month = 30 April; 28 Feb 2021 − 1 = 31 Jan).
 */
export function monthsBefore(day: Day, n: number): Day {
  const month = addMonths(monthOfDay(day), -n);
  const last = lastDayOfMonth(month);
  if (day === lastDayOfMonth(monthOfDay(day))) return last;
  const same = `${month}-${day.slice(8)}`;
  return same <= last ? same : last;
}

/**
 * Whole months from a start day to a day: n when the start is on or before `day` − n months. Zero before the start.
 * @example wholeMonthsSince('2021-04-03', '2021-05-31') === 1; wholeMonthsSince('2021-04-23', '2021-05-22') === 0
 */
export function wholeMonthsSince(start: Day, day: Day): number {
  if (start >= day) return 0;
  let n = (monthYear(day) - monthYear(start)) * 12 + monthNumber(day) - monthNumber(start);
  while (n > 0 && start > monthsBefore(day, n)) n--;
  return n;
}

/** The colour of a project started `months` whole months ago and still not 入库. */
export function unenteredColour(months: number): FlagColour {
  if (months >= UNENTERED_RED_AFTER_MONTHS) return 'red';
  if (months >= UNENTERED_YELLOW_AFTER_MONTHS) return 'yellow';
  return 'green';
}

/**
 * The latest start days that make a flag yellow or red on a day, so a database can count the colours without
 * loading rows: a project started on or before `redIfStartedBy` is red.
 */
export function unenteredBounds(day: Day): { startedBy: Day; yellowIfStartedBy: Day; redIfStartedBy: Day } {
  return { startedBy: day, yellowIfStartedBy: monthsBefore(day, UNENTERED_YELLOW_AFTER_MONTHS), redIfStartedBy: monthsBefore(day, UNENTERED_RED_AFTER_MONTHS) };
}

/** What the flag needs to know of a project. */
export interface UnenteredFacts {
  totalInvestment: Yuan;
  startedOn: Day | null;
  statsEntry: StatsEntryStatus;
  stage: Stage;
}

/** Whether a project is started and not 入库 on a day: 500 万元 and more, started by then, not cancelled, not entered. */
export function isStartedNotEntered(p: UnenteredFacts, day: Day): boolean {
  return statsEntryApplies(p.totalInvestment) && startedBy(p.startedOn, day) && !isWithdrawn(p.stage) && p.statsEntry !== 'entered';
}

/** The flag of a project on a day, or null when it is not flagged. */
export function unenteredFlag(p: UnenteredFacts, day: Day): { months: number; colour: FlagColour } | null {
  if (!isStartedNotEntered(p, day)) return null;
  const months = wholeMonthsSince(p.startedOn!, day);
  return { months, colour: unenteredColour(months) };
}

/**
 * The day a flag is judged on: the end of the as-of month the user looks at, or today when that is earlier (the
 * current month), so a past month shows how things stood then.
 */
export function flagDay(asOf: Month | null, today: Day): Day {
  if (asOf === null) return today;
  const end = lastDayOfMonth(asOf);
  return end < today ? end : today;
}
