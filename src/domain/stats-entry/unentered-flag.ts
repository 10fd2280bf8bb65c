// 开工未入库: a started project of 500 万元 and more not yet in the statistics — yellow after 1 month, red after 2.

import { monthThresholdBounds, monthThresholdLevel, type MonthThresholds } from '../alerts/month-thresholds.ts';
import { lastDayOfMonth, wholeMonthsSince, type Day, type Month } from '../months.ts';
import { startedBy, type Stage, type StatsEntryStatus } from '../project/project.ts';
import type { Yuan } from '../money.ts';
import { isWithdrawn } from '../pool/pool-membership.ts';
import { statsEntryApplies } from './stats-entry.ts';

// Month arithmetic this flag made first; it lives in months.ts now, where every rule of whole months finds it.
export { monthsBefore, wholeMonthsSince } from '../months.ts';

/** The colour of a flag: the red/yellow/green rule of the trade. */
export type FlagColour = 'green' | 'yellow' | 'red';
export const FLAG_COLOURS = ['red', 'yellow', 'green'] as const satisfies readonly FlagColour[];

/** Started and not 入库 for this many whole months: yellow; for {@link UNENTERED_RED_AFTER_MONTHS}: red. */
export const UNENTERED_YELLOW_AFTER_MONTHS = 1;
export const UNENTERED_RED_AFTER_MONTHS = 2;
/** The two together, as the alert rules take them: a county may set its own (alerts settings, rule notEntered). */
export const UNENTERED_THRESHOLDS: MonthThresholds = { yellow: UNENTERED_YELLOW_AFTER_MONTHS, red: UNENTERED_RED_AFTER_MONTHS };

/** The colour of a project started `months` whole months ago and still not 入库. */
export function unenteredColour(months: number, t: MonthThresholds = UNENTERED_THRESHOLDS): FlagColour {
  return monthThresholdLevel(months, t) ?? 'green';
}

/**
 * The latest start days that make a flag yellow or red on a day, so a database can count the colours without
 * loading rows: a project started on or before `redIfStartedBy` is red.
 */
export function unenteredBounds(day: Day, t: MonthThresholds = UNENTERED_THRESHOLDS): { startedBy: Day; yellowIfStartedBy: Day; redIfStartedBy: Day } {
  const { yellowBy, redBy } = monthThresholdBounds(day, t);
  return { startedBy: day, yellowIfStartedBy: yellowBy, redIfStartedBy: redBy };
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
export function unenteredFlag(p: UnenteredFacts, day: Day, t: MonthThresholds = UNENTERED_THRESHOLDS): { months: number; colour: FlagColour } | null {
  if (!isStartedNotEntered(p, day)) return null;
  const months = wholeMonthsSince(p.startedOn!, day);
  return { months, colour: unenteredColour(months, t) };
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
