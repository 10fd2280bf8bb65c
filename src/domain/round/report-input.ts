// What a reporter sends for one project's monthly report, and what a dispatcher sends to review or correct it.

import { z } from 'zod';
import { isDay } from '../months.ts';
import { STAGE_EVENTS } from './stage-events.ts';

const yuan = z.number().int('必须是整数元').min(0, '不能为负数').refine(Number.isSafeInteger, '金额超出范围');
const day = z.string().refine(isDay, '不是有效日期（YYYY-MM-DD）');

export const ReportInputSchema = z
  .object({
    /** 当月完成投资, in 元; the year-to-date and since-start figures follow from it. */
    completedMonth: yuan.nullable(),
    /** Whether the unit typed the month's figure or, knowing only that, the year-to-date one. */
    enteredAs: z.enum(['month', 'ytd']),
    /** 1—M月累计完成投资, when `enteredAs` is 'ytd'. */
    ytd: yuan.nullable(),
    progress: z.string().trim().max(2000, '形象进度不能超过2000个字').nullable(),
    stageEvents: z.array(z.object({ event: z.enum(STAGE_EVENTS), on: day })).max(10),
    problems: z.array(z.string().trim().min(1, '问题描述不能为空').max(500, '问题描述不能超过500个字')).max(20, '一次最多报20个问题'),
    /** The version the reporter saw; a newer stored one refuses the save instead of overwriting it. */
    version: z.number().int().positive(),
  })
  .partial()
  .strict();
export type ReportInput = z.infer<typeof ReportInputSchema>;

export const REPORT_INPUT_LABELS: Record<string, string> = {
  completedMonth: '当月完成投资',
  enteredAs: '填报方式',
  ytd: '年初至今累计完成投资',
  progress: '形象进度',
  stageEvents: '阶段变化',
  problems: '存在问题',
  version: '版本',
};

export const ReturnInputSchema = z.object({ reason: z.string().trim().min(1, '退回须说明原因').max(500, '退回原因不能超过500个字') }).strict();

export const CorrectionInputSchema = z
  .object({
    completedMonth: yuan,
    reason: z.string().trim().min(2, '更正须说明原因').max(500, '更正原因不能超过500个字'),
  })
  .strict();

export const CORRECTION_INPUT_LABELS: Record<string, string> = { completedMonth: '更正后的当月完成投资', reason: '更正原因' };
