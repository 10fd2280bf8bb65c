// The shape of a 入库 change as the API, the form and the command line send it: a Zod schema that is also the type.

import { z } from 'zod';
import { isMonth } from '../months.ts';
import { dayInput, optionalPlainText, versionInput } from '../validation.ts';
import { STATS_ENTRY_STATUSES } from '../project/project.ts';
import { LAST_CUT_OFF_DAY } from './cut-offs.ts';
import { STATS_ENTRY_MATERIALS, STATS_ENTRY_TEXT_MAX } from './stats-entry.ts';
import { FLAG_COLOURS } from './unentered-flag.ts';

const day = dayInput();
const text = optionalPlainText(STATS_ENTRY_TEXT_MAX, { multiline: true });

export const MaterialInputSchema = z
  .object({
    item: z.enum(STATS_ENTRY_MATERIALS),
    done: z.boolean(),
    /** Omitted: the note stays as it was. */
    note: text.optional(),
  })
  .strict();

/**
 * A change to a project's 入库: a new status (with its day, and a reason for 不予入库), a note, checklist items —
 * any of them; what is left out stays as it was.
 */
export const StatsEntryChangeSchema = z
  .object({
    status: z.enum(STATS_ENTRY_STATUSES),
    /** The day of the status; a new status without one takes today. */
    on: day.nullable(),
    reason: text,
    notes: text,
    materials: z
      .array(MaterialInputSchema)
      .max(STATS_ENTRY_MATERIALS.length)
      .refine((items) => new Set(items.map((m) => m.item)).size === items.length, '同一项材料出现了两次'),
    /** The project version the editor saw, checked when the status changes. */
    version: versionInput(),
  })
  .partial()
  .strict();
export type StatsEntryChange = z.infer<typeof StatsEntryChangeSchema>;

/** Field labels for refusals of a change. */
export const STATS_ENTRY_FIELD_LABELS: Record<string, string> = {
  status: '入库状态',
  on: '日期',
  reason: '不予入库原因',
  notes: '入库备注',
  materials: '入库材料',
  version: '版本号',
};

export const UnenteredListInputSchema = z.object({
  region: z.string().regex(/^\d{6}(\d{3})?$/, '应为6位或9位区划代码'),
  /** Judge the flags at the end of this month (or today, when earlier); today without it. */
  asOf: z.string().refine(isMonth, '应为 YYYY-MM').optional(),
  /** One responsible unit's projects (a reporter always sees its own unit's only). */
  unit: z.string().max(64).optional(),
  colour: z.enum(FLAG_COLOURS).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(500).default(50),
});
export type UnenteredListInput = z.input<typeof UnenteredListInputSchema>;

export const CutOffInputSchema = z
  .object({
    region: z.string().regex(/^\d{6}$/, '应为6位县级区划代码'),
    materialsDay: z.number().int('应为整数').min(1, '应在1日至28日之间').max(LAST_CUT_OFF_DAY, `应在1日至${LAST_CUT_OFF_DAY}日之间`),
    verificationDay: z.number().int('应为整数').min(1, '应在1日至28日之间').max(LAST_CUT_OFF_DAY, `应在1日至${LAST_CUT_OFF_DAY}日之间`),
  })
  .strict();
export type CutOffInput = z.infer<typeof CutOffInputSchema>;
