// A county's working calendar for the 13710 timers: calendar days, or working days with its list of holidays and the
// weekend days worked in their place (调休).

import { addDays, daysBetween, weekday, type Day } from '../months.ts';

/** How a county counts a timer's days, and the days its calendar sets apart. */
export interface WorkCalendar {
  /** Count working days (Monday–Friday, less holidays, plus the weekend days worked) instead of calendar days. */
  workingDays: boolean;
  /** Days off on a weekday: 法定节假日. */
  holidays: ReadonlySet<Day>;
  /** Weekend days worked in place of a holiday: 调休上班. */
  workdays: ReadonlySet<Day>;
}

export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;
/** A day the county's calendar sets apart: a holiday on a weekday, or a weekend day worked. */
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];
export const CALENDAR_DAY_KIND_LABELS: Record<CalendarDayKind, string> = { holiday: '放假', workday: '调休上班' };

/** Calendar days and no special days: the default until a county chooses working days. */
export const CALENDAR_DAYS: WorkCalendar = { workingDays: false, holidays: new Set(), workdays: new Set() };

/** Whether a day is worked: a weekday that is not a holiday, or a weekend day the county works. */
export function isWorkingDay(day: Day, cal: WorkCalendar): boolean {
  if (cal.workdays.has(day)) return true;
  if (cal.holidays.has(day)) return false;
  return weekday(day) <= 5;
}

/** Whether a day counts toward a timer: every day on calendar days, working days only otherwise. */
function counts(day: Day, cal: WorkCalendar): boolean {
  return !cal.workingDays || isWorkingDay(day, cal);
}

/**
 * The day `n` timer days after `day`: calendar days, or the n-th working day after it.
 * @example addTimerDays('2021-06-04', 3, calendar) === '2021-06-07' // a Friday plus three calendar days
 * @example addTimerDays('2021-06-04', 3, working) === '2021-06-09'  // Monday, Tuesday, Wednesday
 */
export function addTimerDays(day: Day, n: number, cal: WorkCalendar): Day {
  if (!cal.workingDays) return addDays(day, n);
  let d = day;
  for (let counted = 0; counted < n; ) {
    d = addDays(d, 1);
    if (isWorkingDay(d, cal)) counted++;
  }
  return d;
}

/** "The same day" as a deadline: the day itself when it counts, else the next day that does (a Saturday's item is due on Monday). */
export function sameDayDue(day: Day, cal: WorkCalendar): Day {
  let d = day;
  while (!counts(d, cal)) d = addDays(d, 1);
  return d;
}

/**
 * Timer days a deadline has been missed by on `day`: the counted days after `due` up to and including `day`;
 * zero on or before the deadline. Calendar days are a difference; working days are walked, one by one.
 */
export function daysLate(due: Day, day: Day, cal: WorkCalendar): number {
  if (day <= due) return 0;
  if (!cal.workingDays) return daysBetween(due, day);
  let n = 0;
  for (let d = addDays(due, 1); d <= day; d = addDays(d, 1)) if (isWorkingDay(d, cal)) n++;
  return n;
}

/**
 * Timer days left before a deadline on `day`: the counted days after `day` up to and including `due`; zero when due
 * today or past.
 */
export function daysLeft(due: Day, day: Day, cal: WorkCalendar): number {
  return daysLate(day, due, cal);
}
