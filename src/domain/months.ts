// Months ('YYYY-MM') and days ('YYYY-MM-DD'): the only module that touches Date.

/** A month as 'YYYY-MM'. */
export type Month = string;
/** A day as 'YYYY-MM-DD'. */
export type Day = string;

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DAY_RE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function isMonth(value: string): boolean {
  return MONTH_RE.test(value);
}

export function isDay(value: string): boolean {
  if (!DAY_RE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function monthYear(month: Month): number {
  return Number(month.slice(0, 4));
}

/** 1–12. */
export function monthNumber(month: Month): number {
  return Number(month.slice(5, 7));
}

export function makeMonth(year: number, monthNo: number): Month {
  return `${String(year).padStart(4, '0')}-${String(monthNo).padStart(2, '0')}`;
}

export function firstMonthOfYear(year: number): Month {
  return makeMonth(year, 1);
}

export function addMonths(month: Month, n: number): Month {
  const index = monthYear(month) * 12 + monthNumber(month) - 1 + n;
  return makeMonth(Math.floor(index / 12), (index % 12) + 1);
}

/** Months from `from` to `to`, both included. */
export function monthRange(from: Month, to: Month): Month[] {
  const out: Month[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** The last day of a month, 'YYYY-MM-DD'. */
export function lastDayOfMonth(month: Month): Day {
  const d = new Date(Date.UTC(monthYear(month), monthNumber(month), 0));
  return d.toISOString().slice(0, 10);
}

export function monthOfDay(day: Day): Month {
  return day.slice(0, 7);
}

/**
 * Today as the county lives it (China Standard Time), 'YYYY-MM-DD', from an injected clock: at 07:00 on the 1st in
 * 襄垣 it is the 1st, though UTC still reads the last day of the month before.
 */
export function dayOf(now: Date): Day {
  return cstParts(now).day;
}

/** Time progress (时序进度) after a month: n/12 with the linear default. */
export function linearTimeProgress(month: Month): number {
  return monthNumber(month) / 12;
}

/** The period label used in documents: "1-5月" (just "1月" for January). */
export function ytdLabel(month: Month): string {
  const n = monthNumber(month);
  return n === 1 ? '1月' : `1-${n}月`;
}

/** The county's clock: China Standard Time, UTC+8 all year (no daylight saving). */
export const CST_OFFSET_HOURS = 8;

/** A day `n` days after (or before, when negative) another. */
export function addDays(day: Day, n: number): Day {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * The instant of a wall-clock time in China Standard Time, as an ISO string in UTC.
 * @example cstInstant('2021-06-05', 18) === '2021-06-05T10:00:00.000Z'
 */
export function cstInstant(day: Day, hour = 0, minute = 0): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, hour - CST_OFFSET_HOURS, minute)).toISOString();
}

/** An instant read on a clock in China Standard Time: its day, hour and minute there. */
export function cstParts(instant: string | Date): { day: Day; hour: number; minute: number } {
  const shifted = new Date(instantMs(instant) + CST_OFFSET_HOURS * 3_600_000);
  return { day: shifted.toISOString().slice(0, 10), hour: shifted.getUTCHours(), minute: shifted.getUTCMinutes() };
}

/**
 * Milliseconds since the epoch of an instant given as a Date or an ISO string, so instants from the
 * clock and from storage compare as numbers; refuses what is not a time.
 */
export function instantMs(instant: string | Date): number {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`not a point in time: ${String(instant)}`);
  return ms;
}

/** The day of the week of a day: 1 for Monday to 7 for Sunday. */
export function weekday(day: Day): number {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** Whole days from one day to another: positive when `to` is later. */
export function daysBetween(from: Day, to: Day): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Months from one month to another: positive when `to` is later ('2021-03' to '2021-05' is 2). */
export function monthsBetween(from: Month, to: Month): number {
  return (monthYear(to) - monthYear(from)) * 12 + monthNumber(to) - monthNumber(from);
}

/** A day as people write it: "6月10日", or "2021年6月10日" with the year. */
export function dayLabel(day: Day, withYear = false): string {
  return `${withYear ? `${day.slice(0, 4)}年` : ''}${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
}

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

