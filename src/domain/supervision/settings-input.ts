// A county's settings of supervision and alerts as the settings page and the API send them: timer days, the calendar
// of one year, escalation days, alert thresholds, the reserve's coverage ratio and the year's task.

import { z } from 'zod';
import { isDay } from '../months.ts';
import { CALENDAR_DAY_KINDS } from './work-calendar.ts';

const months = z.object({ yellow: z.number().int(), red: z.number().int() }).strict();

export const SupervisionSettingsSchema = z
  .object({
    region: z.string().regex(/^\d{6}$/, '应为6位县级区划代码'),
    year: z.number().int().min(2000).max(2100),
    /** Count timers in working days (true) or calendar days (false). */
    workingDays: z.boolean().optional(),
    /** The year's holidays and worked weekend days, replacing those stored for the year. */
    days: z
      .array(z.object({ day: z.string().refine(isDay, '不是有效日期'), kind: z.enum(CALENDAR_DAY_KINDS), note: z.string().trim().max(50).nullable().default(null) }).strict())
      .max(200)
      .optional(),
    escalation: z.object({ reminderAfterDays: z.number().int(), letterAfterDays: z.number().int(), meetingAfterDays: z.number().int() }).strict().optional(),
    thresholds: z
      .object({
        behindTimeProgress: z.object({ yellow: z.number().int(), red: z.number().int() }).strict(),
        startLate: months,
        notEntered: months,
        stalledLandSupplied: months,
        stalledPermitIssued: months,
        stoppedAfterStart: months,
        noInvestment: months,
        signedNotStarted: months,
        itemOverdue: z.object({ nearDays: z.number().int() }).strict(),
      })
      .partial()
      .strict()
      .optional(),
    coverageRatio: z.number().optional(),
    /** The year's investment task in 元; null returns to the pool's annual plan. */
    task: z.number().int().positive().refine(Number.isSafeInteger, '金额超出范围').nullable().optional(),
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
