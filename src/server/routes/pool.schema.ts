// Schemas of the pool analysis as the API returns it (money in 元, rates as fractions).

import { z } from '@hono/zod-openapi';
import { CompletenessSchema } from './calendar.schema.ts';

const Group = z.object({
  count: z.number().int(),
  totalInvestment: z.number().int().openapi({ description: '总投资（元）' }),
  annualPlan: z.number().int().openapi({ description: '年度计划投资（元）' }),
  completedYtd: z.number().int().openapi({ description: '年初至当月累计完成投资（元）' }),
  planShare: z.number().nullable().openapi({ description: '完成投资占年度计划' }),
});

export const PoolFiguresSchema = z.object({
  all: Group,
  continuing: Group.extend({ resumed: z.number().int(), resumeRate: z.number().nullable() }),
  newStart: Group.extend({ started: z.number().int(), startRate: z.number().nullable() }),
});

const BreakdownRowSchema = PoolFiguresSchema.extend({ key: z.string().nullable(), label: z.string() }).openapi('PoolBreakdownRow');

export const PoolSummarySchema = PoolFiguresSchema.extend({
  region: z.string(),
  regionName: z.string(),
  asOf: z.string(),
  timeProgress: z.number(),
  unitId: z.string().nullable(),
  byTownship: z.array(BreakdownRowSchema).optional(),
  byChain: z.array(BreakdownRowSchema).optional(),
  byLeader: z.array(BreakdownRowSchema).optional().openapi({ description: '按包联领导：一个项目有几位包联领导就计入每一位，各行之和可大于项目库合计' }),
  byUnit: z.array(BreakdownRowSchema).optional(),
  byCounty: z.array(BreakdownRowSchema).optional(),
  batches: z.array(z.object({ heldOn: z.string(), title: z.string(), signed: z.number().int(), started: z.number().int(), operating: z.number().int() })),
  sentence: z.string().openapi({ description: '按种子文件 000 的句式起草的段落' }),
  completeness: z.array(CompletenessSchema).openapi({ description: '这些数字所含月份中仍在填报的月报及其完成度；为空则数字已定' }),
}).openapi('PoolSummary');
