// Schemas of the monthly round as the API takes and returns it (money in 元, instants ISO 8601 in UTC, months YYYY-MM).

import { z } from '@hono/zod-openapi';
import { ENTERED_AS, STAGES } from '../../domain/project/project.ts';
import { REPORT_FLAG_CODES } from '../../domain/round/report-flags.ts';
import { DEADLINE_BASES } from '../../domain/round/deadlines.ts';
import { CORRECTION_STATUSES, PROBLEM_STATUSES, REPORT_STATUSES, ROUND_STATUSES } from '../../domain/round/round.ts';
import { STAGE_EVENTS } from '../../domain/round/stage-events.ts';
import { ITEM_STATUSES } from '../../domain/supervision/item.ts';
import { CorrectionDecisionSchema, CorrectionInputSchema, ReportInputSchema, ReturnInputSchema } from '../../domain/round/report-input.ts';
import { instantInput } from '../../domain/validation.ts';
import { MonthParam, RegionCodeParam } from './common.schema.ts';

const yuan = z.number().int();
const instant = z.string().openapi({ example: '2021-06-05T10:00:00.000Z' });

export const RoundSchema = z
  .object({
    id: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    month: z.string(),
    status: z.enum(ROUND_STATUSES),
    deadline: instant,
    graceUntil: instant,
    openedAt: instant,
    openedBy: z.string().nullable(),
    closedAt: instant.nullable(),
    closedBy: z.string().nullable(),
    counts: z.object({
      due: z.number().int(),
      draft: z.number().int().openapi({ description: '未提交（草稿）' }),
      awaitingReview: z.number().int().openapi({ description: '已提交、待审核' }),
      approved: z.number().int(),
      returned: z.number().int(),
    }),
    deadlineBasis: z.enum(DEADLINE_BASES).openapi({ description: '截止时间如何确定：calendar 按日历；opening 日历截止已过，按开启之日起算；given 开启时指定；extended 已延长' }),
    reopenings: z.array(
      z.object({
        id: z.string(),
        roundId: z.string(),
        unitId: z.string(),
        unitName: z.string(),
        reason: z.string(),
        deadline: instant,
        graceUntil: instant,
        reopenedAt: instant,
        reopenedBy: z.string().nullable(),
      }),
    ).openapi({ description: '已关闭的月报为某单位重新开放（补报中）' }),
  })
  .openapi('Round');

export const OpenedRoundSchema = RoundSchema.extend({
  deadlineNote: z.string().openapi({ description: '截止时间如何确定，一句话说明', example: '2021年6月的日历截止时间（2021年7月5日18:00）在开启时已过，截止时间按开启之日起算4天：…' }),
}).openapi('OpenedRound');

export const OpenRoundBodySchema = z
  .object({
    regionCode: RegionCodeParam,
    month: MonthParam,
    deadline: instantInput().optional().meta({ description: '截止时间（带时区），缺省按本县日历：次月5日18:00；该时间开启时已过则按开启之日起算', example: '2021-06-05T18:00:00+08:00' }),
    graceUntil: instantInput().optional().meta({ description: '宽限截止时间，缺省按设置：截止后2天' }),
  })
  .openapi('OpenRound');

export const RoundListQuerySchema = z.object({
  region: RegionCodeParam.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

const StageEventSchema = z.object({ event: z.enum(STAGE_EVENTS), on: z.string() });

export const ReportSchema = z
  .object({
    id: z.string(),
    roundId: z.string(),
    projectId: z.string(),
    unitId: z.string().nullable(),
    status: z.enum(REPORT_STATUSES),
    completedMonth: yuan.nullable().openapi({ description: '当月完成投资（元）' }),
    enteredAs: z.enum(ENTERED_AS),
    enteredYtd: yuan.nullable(),
    progress: z.string().nullable(),
    stageEvents: z.array(StageEventSchema),
    prefilled: z.boolean().openapi({ description: '按上月预填，尚未改动' }),
    firstSubmittedAt: instant.nullable(),
    submittedAt: instant.nullable(),
    submittedBy: z.string().nullable(),
    reviewedAt: instant.nullable(),
    reviewedBy: z.string().nullable(),
    returnReason: z.string().nullable(),
    returnedCount: z.number().int(),
    updatedAt: instant,
    updatedBy: z.string().nullable(),
    version: z.number().int(),
    month: z.string(),
    regionCode: z.string(),
    roundStatus: z.enum(ROUND_STATUSES),
    deadline: instant,
    graceUntil: instant,
    projectName: z.string(),
    projectCode: z.string().nullable(),
    projectUnitId: z.string().nullable(),
    unitName: z.string().nullable(),
    townshipCode: z.string().nullable(),
    stage: z.enum(STAGES),
    startedOn: z.string().nullable(),
    totalInvestment: yuan,
    completedBefore: yuan,
    phase: z.string().nullable(),
    annualPlan: yuan.nullable(),
    attachmentCount: z.number().int(),
    figures: z.object({ month: yuan, ytd: yuan, sinceStart: yuan }).nullable().openapi({ description: '当月、1-M月累计、开工累计完成投资（元）' }),
    flags: z.array(z.object({ code: z.enum(REPORT_FLAG_CODES), severity: z.enum(['warning', 'error']), message: z.string() })),
  })
  .openapi('Report');

export const ReportPageSchema = ReportSchema.extend({
  attachments: z.array(z.object({ id: z.string(), reportId: z.string(), fileName: z.string(), mimeType: z.string(), size: z.number().int(), uploadedAt: instant })),
  problems: z.array(z.object({
    id: z.string().openapi({ description: '督办事项编号' }),
    description: z.string(),
    status: z.enum(PROBLEM_STATUSES),
    itemStatus: z.enum(ITEM_STATUSES).openapi({ description: '督办事项状态：待交办、已交办……已销号' }),
    unitId: z.string().nullable(),
    raisedAt: instant,
  })),
  canFill: z.boolean(),
  canReview: z.boolean(),
}).openapi('ReportPage');

export const ReportListQuerySchema = z.object({
  unit: z.string().max(64).optional(),
  status: z.enum(REPORT_STATUSES).optional(),
});

// Domain schemas are made with plain zod (the domain knows nothing of OpenAPI), so they are used unnamed here;
// their messages name their fields in Chinese.
export const ReportBodySchema = ReportInputSchema;
export const ReturnBodySchema = ReturnInputSchema;
export const CorrectionBodySchema = CorrectionInputSchema;
export const CorrectionDecisionBodySchema = CorrectionDecisionSchema;

const score = {
  unitId: z.string(),
  due: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  missing: z.number().int(),
  timelinessRate: z.number().nullable().openapi({ description: '按时率（小数）' }),
};

export const UnitScoreSchema = z.object({
  ...score,
  submitted: z.number().int(),
  approved: z.number().int(),
  returned: z.number().int(),
  pending: z.number().int(),
  returnCount: z.number().int(),
});

export const ScoreboardSchema = z
  .object({
    roundId: z.string(),
    month: z.string(),
    deadline: instant,
    rows: z.array(UnitScoreSchema.extend({ unitName: z.string() })),
    total: UnitScoreSchema,
  })
  .openapi('Scoreboard');

export const TimelinessSchema = z
  .object({ rows: z.array(z.object({ ...score, rounds: z.number().int(), unitName: z.string() })) })
  .openapi('Timeliness');

export const CorrectionSchema = z
  .object({
    id: z.string(),
    reportId: z.string(),
    projectId: z.string(),
    projectName: z.string(),
    month: z.string(),
    regionCode: z.string(),
    unitId: z.string().nullable(),
    oldValue: yuan,
    newValue: yuan,
    reason: z.string(),
    status: z.enum(CORRECTION_STATUSES),
    requestedAt: instant,
    requestedBy: z.string().nullable(),
    requestedByName: z.string().nullable(),
    decidedAt: instant.nullable(),
    decidedBy: z.string().nullable(),
    decisionNote: z.string().nullable(),
  })
  .openapi('Correction');

export const NoticeSchema = z.object({ id: z.string(), regionCode: z.string(), unitId: z.string().nullable(), createdAt: instant, text: z.string(), link: z.string().nullable() }).openapi('Notice');
