// What a reporter sends for one project's monthly report, and what a dispatcher sends to review or correct it.

import { z } from 'zod';
import { dayInput, plainText, versionInput, yuanAmount } from '../validation.ts';
import { STAGE_EVENTS } from './stage-events.ts';
import { ENTERED_AS } from '../project/project.ts';

// Every message names its field, so it reads the same from the API's edge and from the service.
const yuan = (label: string) => yuanAmount(label).min(0, `${label}不能为负数`);
const day = dayInput('阶段变化的日期');

export const ReportInputSchema = z
  .object({
    /** 当月完成投资, in 元; the year-to-date and since-start figures follow from it. */
    completedMonth: yuan('当月完成投资').nullable(),
    /** Whether the unit typed the month's figure or, knowing only that, the year-to-date one. */
    enteredAs: z.enum(ENTERED_AS, { error: "填报方式应为 'month'（当月）或 'ytd'（累计）" }),
    /** 1—M月累计完成投资, when `enteredAs` is 'ytd'. */
    ytd: yuan('年初至今累计完成投资').nullable(),
    progress: plainText(2000, { multiline: true, label: '形象进度' }).nullable(),
    stageEvents: z.array(z.object({ event: z.enum(STAGE_EVENTS, { error: '阶段变化应为开工、复工、停工、竣工或投产' }), on: day })).max(10, '阶段变化一次最多10项'),
    problems: z.array(plainText(500, { multiline: true, label: '问题描述' }).min(1, '问题描述不能为空')).max(20, '一次最多报20个问题'),
    /** The version the reporter saw; a newer stored one refuses the save instead of overwriting it. */
    version: versionInput(),
  })
  .partial()
  .strict();
export type ReportInput = z.infer<typeof ReportInputSchema>;

export const ReturnInputSchema = z.object({ reason: plainText(500, { multiline: true, label: '退回原因' }).min(1, '退回须说明原因') }).strict();

export const CorrectionInputSchema = z
  .object({
    completedMonth: yuan('更正后的当月完成投资'),
    reason: plainText(500, { multiline: true, label: '更正原因' }).min(2, '更正须说明原因'),
  })
  .strict();

export const CorrectionDecisionSchema = z
  .object({ approve: z.boolean({ error: '请选择通过或驳回' }), note: plainText(500, { multiline: true, label: '审核意见' }).nullable().optional() })
  .strict();
