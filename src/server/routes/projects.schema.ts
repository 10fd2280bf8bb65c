// Schemas of projects as the API takes and returns them (money in 元, dates YYYY-MM-DD).

import { z } from '@hono/zod-openapi';
import { ProjectCreateSchema, ProjectPatchSchema } from '../../domain/project/project-input.ts';
import { PROJECT_SORT_KEYS } from '../../services/list-projects.ts';
import { APPROVAL_KINDS, BATCH_KINDS, CONSTRUCTION_TYPES, ENTERED_AS, FUND_KINDS, KEY_LEVELS, PHASES, STAGES, STATS_ENTRY_STATUSES } from '../../domain/project/project.ts';
import { versionInput } from '../../domain/validation.ts';
import { MonthParam, PageQuery, RegionCodeParam } from './common.schema.ts';

const day = z.string().nullable();

export const ProjectSchema = z
  .object({
    id: z.string(),
    regionCode: z.string(),
    name: z.string(),
    projectCode: z.string().nullable(),
    approvalKind: z.enum(APPROVAL_KINDS).nullable(),
    owner: z.string().nullable(),
    townshipCode: z.string().nullable(),
    industryCode: z.string().nullable(),
    chain: z.string().nullable(),
    constructionType: z.enum(CONSTRUCTION_TYPES).nullable(),
    category: z.string().nullable(),
    stage: z.enum(STAGES),
    signedOn: day,
    landSuppliedOn: day,
    permitOn: day,
    startedOn: day,
    suspendedOn: day,
    completedOn: day,
    operatingOn: day,
    totalInvestment: z.number().int().openapi({ description: '总投资（元）' }),
    completedBefore: z.number().int(),
    statsEntry: z.enum(STATS_ENTRY_STATUSES),
    leaderIds: z.array(z.string()).openapi({ description: '包联领导（可多位，按顺序）' }),
    unitId: z.string().nullable(),
    keyLevel: z.enum(KEY_LEVELS).nullable().openapi({ description: '层次：省重点、市重点、县重点' }),
    progressNote: z.string().nullable().openapi({ description: '形象进度（文字）' }),
    landAreaMu: z.number().nullable(),
    notes: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('Project');

export const ProjectListItemSchema = z
  .object({
    project: ProjectSchema,
    phase: z.enum(PHASES).nullable(),
    annualPlan: z.number().int().nullable(),
    completedYtd: z.number().int(),
  })
  .openapi('ProjectListItem');

export const ProjectListQuerySchema = z.object({
  region: RegionCodeParam,
  asOf: MonthParam,
  q: z.string().max(100).optional(),
  phase: z.enum(PHASES).optional(),
  stage: z.enum(STAGES).optional(),
  township: z.string().regex(/^\d{9}$/).optional(),
  chain: z.string().max(50).optional(),
  unit: z.string().max(64).optional(),
  leader: z.string().max(64).optional(),
  poolOnly: z.enum(['true', 'false']).optional().openapi({ description: '默认 true：只列当年项目库（续建、新建，未撤销），与项目库分析口径一致；false 列出全部项目（含储备、撤销）' }),
  sort: z.enum(PROJECT_SORT_KEYS).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  ...PageQuery,
});

export const ProjectDetailSchema = z
  .object({
    project: ProjectSchema,
    years: z.array(z.object({ year: z.number().int(), phase: z.enum(PHASES), annualPlan: z.number().int(), resumedOn: z.string().nullable() })),
    months: z.array(z.object({ month: z.string(), completed: z.number().int(), enteredAs: z.enum(ENTERED_AS) })),
    batches: z.array(z.object({ heldOn: z.string(), title: z.string(), kind: z.enum(BATCH_KINDS) })),
    funds: z.array(z.object({ id: z.string(), projectId: z.string(), kind: z.enum(FUND_KINDS), year: z.number().int(), amount: z.number().int(), status: z.string(), notes: z.string().nullable() })),
    canEdit: z.boolean(),
  })
  .openapi('ProjectDetail');

export const ProjectPatchBodySchema = ProjectPatchSchema.extend({
  version: versionInput().optional().meta({ description: '编辑时看到的版本号；已被他人修改时拒绝（409）' }),
});

// Domain schemas are made with plain zod (the domain knows nothing of OpenAPI), so they are used unnamed here.
export const ProjectCreateBodySchema = ProjectCreateSchema;

export const HistoryEntrySchema = z.object({
  id: z.string(),
  changedAt: z.string(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  field: z.string().openapi({ description: "字段名（如 totalInvestment、years.2021.annualPlan、months.2021-05.completed）；新增项目时为 'created'" }),
  before: z.string().nullable(),
  after: z.string().nullable(),
});

export const HistorySchema = z.object({ entries: z.array(HistoryEntrySchema) });
