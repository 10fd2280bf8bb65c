// Rules of whole months since a day (started and not 入库, land supplied and not started, …): the level a count of
// months earns, and the latest event days that earn each level on a day, so SQL filters by days and loads no rows.

import { monthsBefore, type Day } from '../months.ts';

/** Yellow from `yellow` whole months, red from `red` (yellow ≤ red). */
export interface MonthThresholds {
  yellow: number;
  red: number;
}

export type AlertLevel = 'red' | 'yellow';
export const ALERT_LEVELS = ['red', 'yellow'] as const satisfies readonly AlertLevel[];

/** The level of `months` whole months, or null below the yellow threshold. */
export function monthThresholdLevel(months: number, t: MonthThresholds): AlertLevel | null {
  if (months >= t.red) return 'red';
  if (months >= t.yellow) return 'yellow';
  return null;
}

/**
 * The latest event days lit on `day`: an event on or before `yellowBy` is at least yellow, on or before `redBy` red.
 * @example monthThresholdBounds('2021-05-31', { yellow: 1, red: 2 }) // { yellowBy: '2021-04-30', redBy: '2021-03-31' }
 */
export function monthThresholdBounds(day: Day, t: MonthThresholds): { yellowBy: Day; redBy: Day } {
  return { yellowBy: monthsBefore(day, t.yellow), redBy: monthsBefore(day, t.red) };
}

/** The months a threshold may be set to. */
export const THRESHOLD_MONTH_RANGE = [0, 36] as const;

/** Why a pair of thresholds is refused, or null: whole months from 0 to 36, yellow not after red. */
export function monthThresholdsRefusal(t: MonthThresholds): string | null {
  const [min, max] = THRESHOLD_MONTH_RANGE;
  for (const v of [t.yellow, t.red]) if (!Number.isInteger(v) || v < min || v > max) return `月数应为${min}到${max}之间的整数`;
  return t.yellow <= t.red ? null : '黄灯月数不应大于红灯月数';
}
