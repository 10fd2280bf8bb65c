// Schemas of 入库 as the API takes and returns it: a project's status, day, reason, checklist, flag and cut-offs; the
// 开工未入库 list (money in 元, days YYYY-MM-DD).

import { z } from '@hono/zod-openapi';
import { STAGES, STATS_ENTRY_STATUSES } from '../../domain/project/project.ts';
import { CutOffInputSchema, StatsEntryChangeSchema } from '../../domain/stats-entry/stats-entry-input.ts';
import { STATS_ENTRY_MATERIALS } from '../../domain/stats-entry/stats-entry.ts';
import { FLAG_COLOURS } from '../../domain/stats-entry/unentered-flag.ts';
import { MonthParam, PageQuery, RegionCodeParam } from './common.schema.ts';

const Material = z.enum(STATS_ENTRY_MATERIALS).openapi({
  description: 'approvalDocument 立项/核准/备案文件 · constructionContract 施工合同 · sitePhotos 现场照片（注明日期） · businessLicence 营业执照',
});
const Colour = z.enum(FLAG_COLOURS).openapi({ description: '开工未入库满1个月黄灯，满2个月红灯' });

export const CutOffsSchema = z
  .object({
    day: z.string().openapi({ description: '按此日判断：截至月份的月末，或今天（较早者）' }),
    materialsDay: z.number().int().openapi({ description: '每月材料报送截止日' }),
    verificationDay: z.number().int().openapi({ description: '每月审核截止日' }),
    materialsBy: z.string().openapi({ description: '下一个材料报送截止日期' }),
    verificationBy: z.string().openapi({ description: '下一个审核截止日期' }),
  })
  .openapi('StatsEntryCutOffs');

const Flag = z.object({ months: z.number().int().openapi({ description: '开工至今整月数' }), colour: Colour }).openapi('StatsEntryFlag');

export const StatsEntrySchema = z
  .object({
    projectId: z.string(),
    applies: z.boolean().openapi({ description: '总投资500万元及以上，纳入入库' }),
    threshold: z.number().int().openapi({ description: '入库起点（元）' }),
    status: z.enum(STATS_ENTRY_STATUSES),
    statusOn: z.string().nullable().openapi({ description: '当前状态的日期（报送日、入库日…）' }),
    reason: z.string().nullable().openapi({ description: '不予入库原因' }),
    notes: z.string().nullable(),
    updatedAt: z.string().nullable(),
    updatedByName: z.string().nullable(),
    materials: z.array(z.object({
      item: Material,
      done: z.boolean(),
      markedOn: z.string().nullable().openapi({ description: '最近一次勾选或取消的日期' }),
      markedByName: z.string().nullable(),
      note: z.string().nullable(),
    })),
    missing: z.array(Material),
    day: z.string(),
    flag: Flag.nullable().openapi({ description: '开工未入库；未开工、已入库或不足500万元时为 null' }),
    cutOffs: CutOffsSchema.omit({ day: true }),
    canEdit: z.boolean(),
    version: z.number().int().openapi({ description: '项目版本号，修改时可带回' }),
  })
  .openapi('StatsEntry');

// The domain schema is plain zod (the domain knows nothing of OpenAPI), so it is used unnamed here.
export const StatsEntryChangeBodySchema = StatsEntryChangeSchema;

export const AsOfQuerySchema = z.object({
  asOf: MonthParam.optional().openapi({ description: '按该月月末判断开工未入库和截止日；不填为今天' }),
});

export const UnenteredQuerySchema = z.object({
  region: RegionCodeParam,
  asOf: MonthParam.optional().openapi({ description: '按该月月末（当月为今天）计算开工月数；不填为今天' }),
  unit: z.string().max(64).optional().openapi({ description: '责任单位；填报员始终只看本单位' }),
  colour: Colour.optional(),
  ...PageQuery,
});

export const UnenteredListSchema = z
  .object({
    day: z.string(),
    counts: z.object({ total: z.number().int(), red: z.number().int(), yellow: z.number().int(), green: z.number().int() }),
    matching: z.number().int().openapi({ description: '符合颜色筛选的项目数（分页用）' }),
    page: z.number().int(),
    pageSize: z.number().int(),
    cutOffs: CutOffsSchema.omit({ day: true }),
    rows: z.array(z.object({
      id: z.string(),
      name: z.string(),
      owner: z.string().nullable(),
      townshipCode: z.string().nullable(),
      unitId: z.string().nullable(),
      leaderIds: z.array(z.string()),
      stage: z.enum(STAGES),
      totalInvestment: z.number().int().openapi({ description: '总投资（元）' }),
      startedOn: z.string(),
      statsEntry: z.enum(STATS_ENTRY_STATUSES),
      statusOn: z.string().nullable(),
      materialsDone: z.number().int().openapi({ description: '已备齐的材料项数（共4项）' }),
      months: z.number().int(),
      colour: Colour,
    })),
  })
  .openapi('StatsEntryUnenteredList');

export const CutOffsQuerySchema = z.object({ region: RegionCodeParam, asOf: MonthParam.optional() });

export const CutOffsBodySchema = CutOffInputSchema;
