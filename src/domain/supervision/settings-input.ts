// A county's settings of supervision and alerts as the settings page and the API send them: timer days, the calendar
// of one year, escalation days, alert thresholds, the reserve's coverage ratio and the year's task.

import { z } from 'zod';
import { BEHIND_POINTS_RANGE, NEAR_DAYS_RANGE } from '../alerts/alert-rules.ts';
import { THRESHOLD_MONTH_RANGE } from '../alerts/month-thresholds.ts';
import { COVERAGE_RATIO_RANGE } from '../pool/reserve.ts';
import { dayInput, numberBetween, optionalPlainText, wholeNumber, yearInput, yuanAmount } from '../validation.ts';
import { ESCALATION_DAY_RANGE } from './timers.ts';
import { CALENDAR_DAY_KINDS } from './work-calendar.ts';

const months = z.object({ yellow: wholeNumber(...THRESHOLD_MONTH_RANGE, '月数'), red: wholeNumber(...THRESHOLD_MONTH_RANGE, '月数') }).strict();
const points = wholeNumber(...BEHIND_POINTS_RANGE, '百分点');
const daysLate = wholeNumber(...ESCALATION_DAY_RANGE, '逾期天数');

export const SupervisionSettingsSchema = z
  .object({
    region: z.string().regex(/^\d{6}$/, '应为6位县级区划代码'),
    year: yearInput(),
    /** Count timers in working days (true) or calendar days (false). */
    workingDays: z.boolean().optional(),
    /** The year's holidays and worked weekend days, replacing those stored for the year. */
    days: z
      .array(z.object({ day: dayInput(), kind: z.enum(CALENDAR_DAY_KINDS), note: optionalPlainText(50).default(null) }).strict())
      .max(200)
      .optional(),
    escalation: z.object({ reminderAfterDays: daysLate, letterAfterDays: daysLate, meetingAfterDays: daysLate }).strict().optional(),
    thresholds: z
      .object({
        behindTimeProgress: z.object({ yellow: points, red: points }).strict(),
        startLate: months,
        notEntered: months,
        stalledLandSupplied: months,
        stalledPermitIssued: months,
        stoppedAfterStart: months,
        noInvestment: months,
        signedNotStarted: months,
        itemOverdue: z.object({ nearDays: wholeNumber(...NEAR_DAYS_RANGE, '临期天数') }).strict(),
      })
      .partial()
      .strict()
      .optional(),
    coverageRatio: numberBetween(...COVERAGE_RATIO_RANGE, '覆盖倍数').optional(),
    /** The year's investment task in 元; null returns to the pool's annual plan. */
    task: yuanAmount('年度任务').min(1, '年度任务应为正数').nullable().optional(),
  })
  .strict();
export type SupervisionSettingsInput = z.input<typeof SupervisionSettingsSchema>;

/** The keys of the settings table, per county (and per year for the task). */
export const SUPERVISION_SETTING_KEYS = {
  workingDays: (county: string) => `supervision.workingDays.${county}`,
  escalation: (county: string) => `supervision.escalation.${county}`,
  thresholds: (county: string) => `alerts.thresholds.${county}`,
  coverageRatio: (county: string) => `reserve.coverageRatio.${county}`,
  task: (county: string, year: number) => `reserve.task.${county}.${year}`,
} as const;
