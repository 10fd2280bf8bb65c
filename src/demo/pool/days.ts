// Days of the demo's milestones, drawn without touching Date (months.ts owns that) and never on a batch day.

import { lastDayOfMonth, monthOfDay, monthRange, type Day, type Month } from '../../domain/months.ts';
import { SeededRandom } from '../../domain/seeded-random.ts';
import { DEMO_BATCHES } from '../county.ts';

export const BATCH_DAYS: ReadonlySet<Day> = new Set(DEMO_BATCHES.map((b) => b.heldOn));

export function dayNo(day: Day): number {
  return Number(day.slice(8, 10));
}

export function makeDay(month: Month, n: number): Day {
  return `${month}-${String(n).padStart(2, '0')}`;
}

export function firstDay(month: Month): Day {
  return makeDay(month, 1);
}

/**
 * A day between two days, both included, never a batch day (a batch counts only its own projects);
 * months are drawn uniformly, then a day within the month's part of the range.
 */
export function dayBetween(rng: SeededRandom, from: Day, to: Day): Day {
  if (from > to) throw new RangeError(`empty range ${from}..${to}`);
  for (let attempt = 0; attempt < 20; attempt++) {
    const month = rng.pick(monthRange(monthOfDay(from), monthOfDay(to)));
    const lo = month === monthOfDay(from) ? dayNo(from) : 1;
    const hi = month === monthOfDay(to) ? dayNo(to) : dayNo(lastDayOfMonth(month));
    const day = makeDay(month, rng.int(lo, hi));
    if (!BATCH_DAYS.has(day)) return day;
  }
  return from;
}
