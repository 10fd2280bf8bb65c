// Schemas of a county's current month, the completeness of figures drawn from rounds still open, and a reporter's own work.

import { z } from '@hono/zod-openapi';
import { CURRENT_MONTH_SOURCES } from '../../domain/round/current-month.ts';
import { REPORT_STATUSES, ROUND_STATUSES } from '../../domain/round/round.ts';
import { ExtendSchema, ReopenSchema } from '../../services/round/deadlines.ts';
import { MonthParam, RegionCodeParam } from './common.schema.ts';

const instant = z.string().openapi({ example: '2021-07-05T10:00:00.000Z' });

export const CompletenessSchema = z
  .object({
    roundId: z.string(),
    regionCode: z.string(),
    month: z.string(),
    approved: z.number().int().openapi({ description: '已审核通过的月报份数' }),
    due: z.number().int().openapi({ description: '应报份数' }),
    label: z.string().openapi({ example: '7月已审核 12/229' }),
  })
  .openapi('RoundCompleteness');

export const CurrentMonthSchema = z
  .object({
    region: z.string(),
    month: z.string().nullable().openapi({ description: '当前月份：调度员指定的月份，否则最近关闭的月报的月份；尚未关闭过月报时为开启中月报以外有数据的最近月份' }),
    source: z.enum(CURRENT_MONTH_SOURCES),
    pinned: z.string().nullable(),
    lastClosedMonth: z.string().nullable(),
    openRounds: z.array(CompletenessSchema).openapi({ description: '仍在填报（或为某单位重新开放）的月报及其完成度' }),
  })
  .openapi('CurrentMonth');

export const PinCurrentMonthBodySchema = z
  .object({ region: RegionCodeParam, month: MonthParam.nullable().openapi({ description: '指定的当前月份；null 为恢复按最近关闭的月报' }) })
  .openapi('PinCurrentMonth');

export const ExtendBodySchema = z
  .object({
    deadline: ExtendSchema.shape.deadline.meta({ description: '新的截止时间（带时区），须晚于现在的截止时间', example: '2021-07-08T18:00:00+08:00' }),
    graceUntil: ExtendSchema.shape.graceUntil.meta({ description: '新的宽限截止时间，缺省保持原宽限天数' }),
  })
  .openapi('ExtendDeadline');

export const ReopenBodySchema = z
  .object({
    reason: ReopenSchema.shape.reason.meta({ example: '该镇因系统故障未能按时填报' }),
    deadline: ReopenSchema.shape.deadline.meta({ description: '补报截止时间（带时区），缺省按本县日历自今日起算' }),
    graceUntil: ReopenSchema.shape.graceUntil,
  })
  .openapi('ReopenForUnit');

const UnitCountsSchema = z.object({
  due: z.number().int(),
  draft: z.number().int().openapi({ description: '待填报（草稿）' }),
  submitted: z.number().int().openapi({ description: '已提交、待审核' }),
  approved: z.number().int(),
  returned: z.number().int(),
  late: z.number().int().openapi({ description: '逾期提交或逾期未报' }),
});

export const ReporterWorkSchema = z
  .object({
    unitId: z.string(),
    unitName: z.string(),
    regionCode: z.string(),
    rounds: z.array(
      z.object({
        roundId: z.string(),
        month: z.string(),
        status: z.enum(ROUND_STATUSES),
        reopened: z.boolean().openapi({ description: '已关闭的月报为本单位重新开放' }),
        deadline: instant,
        graceUntil: instant,
        counts: UnitCountsSchema,
      }),
    ),
    nextOpensAt: instant.nullable().openapi({ description: '没有需要填报的月报时，下一期月报开启的时间' }),
    projects: z.array(
      z.object({
        projectId: z.string(),
        projectName: z.string(),
        reportId: z.string().nullable(),
        month: z.string().nullable(),
        status: z.enum(REPORT_STATUSES).nullable(),
        late: z.boolean(),
        returnReason: z.string().nullable(),
        completedMonth: z.number().int().nullable(),
      }),
    ),
    notices: z.array(z.object({ id: z.string(), createdAt: instant, text: z.string(), link: z.string().nullable() })),
  })
  .openapi('ReporterWork');
