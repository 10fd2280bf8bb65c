// The statistics office's monthly cut-offs for 入库: materials by about the 10th, verification by about the 25th.

import { addMonths, monthOfDay, type Day, type Month } from '../months.ts';

/** The day of the month by which the materials must reach the statistics office, unless a place sets its own. */
export const DEFAULT_MATERIALS_DAY = 10;
/** The day of the month by which the office verifies what it received. */
export const DEFAULT_VERIFICATION_DAY = 25;
/** A cut-off every month has: the 29th, 30th and 31st are missing from some. */
export const LAST_CUT_OFF_DAY = 28;

/** The setting keys; a county may override the deployment's default with its own code appended (`statsEntry.materialsDay.140423`). */
export const CUT_OFF_SETTING_KEYS = { materialsDay: 'statsEntry.materialsDay', verificationDay: 'statsEntry.verificationDay' } as const;

export interface CutOffDays {
  materialsDay: number;
  verificationDay: number;
}

export const DEFAULT_CUT_OFF_DAYS: CutOffDays = { materialsDay: DEFAULT_MATERIALS_DAY, verificationDay: DEFAULT_VERIFICATION_DAY };

/** A day of the month 1–28 as a setting stores it, or null when the text is not one. */
export function parseCutOffDay(value: string | null | undefined): number | null {
  if (value === null || value === undefined || !/^\s*\d{1,2}\s*$/.test(value)) return null;
  const n = Number(value);
  return n >= 1 && n <= LAST_CUT_OFF_DAY ? n : null;
}

/** The problems of a pair of cut-off days, each naming its field; empty when they may be saved. */
export function cutOffProblems(days: CutOffDays): { field: string; message: string }[] {
  const issues: { field: string; message: string }[] = [];
  for (const [field, label] of [['materialsDay', '材料报送截止日'], ['verificationDay', '审核截止日']] as const) {
    const v = days[field];
    if (!Number.isInteger(v) || v < 1 || v > LAST_CUT_OFF_DAY) issues.push({ field, message: `${label}应为每月1日至${LAST_CUT_OFF_DAY}日之间的整数` });
  }
  if (issues.length === 0 && days.materialsDay >= days.verificationDay) {
    issues.push({ field: 'verificationDay', message: '审核截止日应晚于材料报送截止日' });
  }
  return issues;
}

function dayInMonth(month: Month, n: number): Day {
  return `${month}-${String(n).padStart(2, '0')}`;
}

/** The first day on or after `today` that is the n-th of its month (n from 1 to 28, which every month has). */
export function nextDayOfMonth(today: Day, n: number): Day {
  const month = monthOfDay(today);
  const candidate = dayInMonth(month, n);
  return candidate >= today ? candidate : dayInMonth(addMonths(month, 1), n);
}

export interface NextCutOffs extends CutOffDays {
  /** The next day by which materials must be in, today included. */
  materialsBy: Day;
  /** The next verification cut-off, today included. */
  verificationBy: Day;
}

/**
 * The cut-offs that apply next, seen on a day: a cut-off falling on that very day still applies.
 * @example nextCutOffs('2021-06-11', DEFAULT_CUT_OFF_DAYS) → { materialsBy: '2021-07-10', verificationBy: '2021-06-25', … }
 */
export function nextCutOffs(today: Day, days: CutOffDays = DEFAULT_CUT_OFF_DAYS): NextCutOffs {
  return {
    ...days,
    materialsBy: nextDayOfMonth(today, days.materialsDay),
    verificationBy: nextDayOfMonth(today, days.verificationDay),
  };
}
