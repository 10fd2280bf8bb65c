// Schemas of attraction as the API takes and returns it: leads, their moves and follow-ups, the funnel, targets,
// 三个一批 batches and news candidates (money in 元, rates as fractions, days YYYY-MM-DD).

import { z } from '@hono/zod-openapi';
import { ATTRACTION_TARGET_KEYS } from '../../domain/attraction/funnel.ts';
import { LeadConvertSchema, LeadCreateSchema, LeadFollowUpSchema, LeadMoveSchema, LeadUpdateSchema } from '../../domain/attraction/lead-input.ts';
import { FOLLOW_UP_KINDS, INVESTOR_ORIGINS, LEAD_SOURCES, LEAD_STAGES, LEAD_STATUSES, SIGN_KINDS } from '../../domain/attraction/lead.ts';
import { BATCH_CATEGORIES } from '../../domain/attraction/batch-follow-up.ts';
import { BatchAttachSchema, BatchCreateSchema, BatchDetachSchema } from '../../services/attraction/batches.ts';
import { AttractionTargetsConfirmSchema, AttractionTargetsReadSchema } from '../../services/attraction/funnel.ts';
import { NewsAcceptSchema, NewsReadSchema } from '../../services/attraction/news.ts';
import { RegionCodeParam } from './common.schema.ts';

const Day = z.string().openapi({ example: '2023-06-30' });
const CountAmount = z.object({ count: z.number().int(), amount: z.number().int().openapi({ description: '元' }) });
const Rates = z.object({
  performance: z.number().nullable().openapi({ description: '履约率' }),
  landing: z.number().nullable().openapi({ description: '开工落地率' }),
  production: z.number().nullable().openapi({ description: '投产率' }),
  fundsInPlace: z.number().nullable().openapi({ description: '资金到位率' }),
  attainment: z.number().nullable().openapi({ description: '达效率' }),
});
const RateDetail = z.object({ label: z.string(), numerator: z.number(), denominator: z.number() });
const Figures = z.object({
  stages: z.array(z.object({ stage: z.string().openapi({ example: '洽谈' }), code: z.string(), reached: CountAmount, current: CountAmount })),
  terminated: CountAmount,
  leads: z.number().int(),
  rates: Rates,
  rateDetails: z.object({ performance: RateDetail, landing: RateDetail, production: RateDetail, fundsInPlace: RateDetail, attainment: RateDetail }),
});
const Group = Figures.extend({ key: z.string().nullable(), label: z.string() });
const TargetStanding = z.object({ label: z.string(), target: z.number().nullable(), threshold: z.number().nullable(), qualifier: z.string().nullable(), actual: z.number().nullable(), met: z.boolean().nullable() });

export const FunnelSchema = Figures.extend({
  region: z.string(),
  regionName: z.string(),
  year: z.number().int(),
  from: Day,
  to: Day,
  basis: z.object({ reached: z.string(), current: z.string(), rates: z.record(z.string(), z.string()) }),
  targets: z.record(z.string(), TargetStanding),
  byOrigin: z.array(Group),
  byUnit: z.array(Group),
  byChain: z.array(Group),
  byTeam: z.array(Group),
  byTownship: z.array(Group),
}).openapi('AttractionFunnel');

export const FunnelQuerySchema = z.object({
  region: RegionCodeParam,
  year: z.coerce.number().int().min(2000).max(2100),
  on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().openapi({ description: '按该日统计（默认今天）' }),
});

const Timer = z.object({ kind: z.enum(FOLLOW_UP_KINDS), dueOn: Day, doneOn: Day.nullable(), overdue: z.boolean(), daysOverdue: z.number().int() });
const StageDays = z.record(z.string(), z.string());

export const LeadSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  name: z.string(),
  investor: z.string().nullable(),
  investorOrigin: z.enum(INVESTOR_ORIGINS).nullable(),
  investorPlace: z.string().nullable(),
  chain: z.string().nullable(),
  townshipCode: z.string().nullable(),
  unitId: z.string().nullable(),
  team: z.string().nullable(),
  source: z.enum(LEAD_SOURCES),
  sourceDetail: z.string().nullable(),
  referrer: z.string().nullable(),
  intendedAmount: z.number().int(),
  contractedAmount: z.number().int().nullable(),
  fundsInPlace: z.number().int(),
  expectedOutput: z.number().int().nullable(),
  actualOutput: z.number().int().nullable(),
  stage: z.enum(LEAD_STATUSES).openapi({ description: '记录的阶段' }),
  signKind: z.enum(SIGN_KINDS).nullable(),
  terminatedReason: z.string().nullable(),
  receivedOn: Day,
  projectId: z.string().nullable(),
  notes: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
  status: z.enum(LEAD_STATUSES).openapi({ description: '今天所处阶段（已转项目的随项目开工、投产）' }),
  leaders: z.array(z.object({ id: z.string(), name: z.string() })),
  days: StageDays.openapi({ description: '到达各阶段的日期' }),
  terminatedOn: Day.nullable(),
  amount: z.number().int().openapi({ description: '按所处阶段计的金额：签约前意向额，签约后合同额' }),
  timers: z.array(Timer),
  overdue: z.boolean(),
}).openapi('Lead');

const EventSchema = z.object({
  id: z.string(), kind: z.string(), stage: z.enum(LEAD_STATUSES).nullable(), signKind: z.enum(SIGN_KINDS).nullable(), on: Day, evidence: z.string().nullable(),
  note: z.string().nullable(), recordedAt: z.string(), recordedByName: z.string().nullable(),
});
const HistorySchema = z.object({ id: z.string(), changedAt: z.string(), field: z.string(), before: z.string().nullable(), after: z.string().nullable(), userName: z.string().nullable() });

export const LeadDetailSchema = z.object({
  lead: LeadSchema,
  events: z.array(EventSchema),
  history: z.array(HistorySchema),
  project: z.object({ id: z.string(), name: z.string(), startedOn: Day.nullable(), operatingOn: Day.nullable() }).nullable(),
  canEdit: z.boolean(),
  day: Day,
}).openapi('LeadDetail');

export const LeadListSchema = z.object({ day: Day, leads: z.array(LeadSchema) }).openapi('LeadList');
export const LeadListQuerySchema = z.object({ region: RegionCodeParam, on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() });

export const LeadCreateBodySchema = LeadCreateSchema;
export const LeadUpdateBodySchema = LeadUpdateSchema;
export const LeadMoveBodySchema = LeadMoveSchema;
export const LeadFollowUpBodySchema = LeadFollowUpSchema;
export const LeadConvertBodySchema = LeadConvertSchema;

export const OverdueSchema = z.object({
  day: Day,
  overdue: z.array(z.object({ leadId: z.string(), leadName: z.string(), kind: z.enum(FOLLOW_UP_KINDS), dueOn: Day, daysOverdue: z.number().int(), reason: z.string(), unitId: z.string().nullable() })),
}).openapi('OverdueLeads');

// Bodies: the services' own schemas (plain zod, used unnamed), so the API documents the bounds it enforces.
export const TargetsReadBodySchema = AttractionTargetsReadSchema;
export const TargetProposalsSchema = z.object({
  region: z.string(),
  year: z.number().int(),
  proposals: z.array(z.object({ key: z.enum(ATTRACTION_TARGET_KEYS), value: z.number(), threshold: z.number().nullable(), qualifier: z.enum(['atLeast', 'about']).nullable(), span: z.object({ start: z.number(), end: z.number(), text: z.string() }) })),
}).openapi('AttractionTargetProposals');
export const TargetsBodySchema = AttractionTargetsConfirmSchema;
export const TargetsSchema = z.object({
  targets: z.array(z.object({ key: z.enum(ATTRACTION_TARGET_KEYS), value: z.number(), threshold: z.number().nullable(), qualifier: z.string().nullable(), source: z.string(), sourceText: z.string().nullable() })),
}).openapi('AttractionTargets');

const BatchItem = z.object({
  kind: z.enum(BATCH_CATEGORIES), projectId: z.string().nullable(), leadId: z.string().nullable(), name: z.string(), totalInvestment: z.number().int(),
  expectedOutput: z.number().int().nullable(), startedOn: Day.nullable(), operatingOn: Day.nullable(),
});
const Ratio = z.object({ value: z.number().nullable(), numerator: z.number(), denominator: z.number() });
const Category = z.object({ count: z.number().int(), totalInvestment: z.number().int(), expectedOutput: z.number().int() });
export const BatchSchema = z.object({
  id: z.string(), regionCode: z.string(), heldOn: Day, title: z.string(), edition: z.number().int().nullable(), venue: z.string().nullable(),
  items: z.array(BatchItem),
  followUp: z.object({ categories: z.object({ signed: Category, started: Category, operating: Category }), startRate: Ratio, operatingRate: Ratio, attainmentRate: Ratio }),
}).openapi('Batch');
export const BatchListSchema = z.object({ day: Day, batches: z.array(BatchSchema) }).openapi('BatchList');
export const BatchListQuerySchema = z.object({ region: RegionCodeParam, year: z.coerce.number().int().min(2000).max(2100).optional(), on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() });
export const BatchCreateBodySchema = BatchCreateSchema;
export const BatchAttachBodySchema = BatchAttachSchema;
export const BatchDetachBodySchema = BatchDetachSchema;

export const CandidateSchema = z.object({
  id: z.string(), regionCode: z.string(), articleTitle: z.string(), articleDate: z.string().nullable(), placeCode: z.string().nullable(), placeName: z.string().nullable(),
  project: z.string(), event: z.string(), amount: z.number().int().nullable(), amountText: z.string().nullable(), enterprise: z.string().nullable(), sentence: z.string(),
  status: z.enum(['pending', 'accepted', 'rejected']), leadId: z.string().nullable(), createdAt: z.string(), decidedAt: z.string().nullable(),
}).openapi('NewsCandidate');
export const CandidateListSchema = z.object({ candidates: z.array(CandidateSchema) }).openapi('NewsCandidates');
export const CandidateQuerySchema = z.object({ region: RegionCodeParam, status: z.enum(['pending', 'accepted', 'rejected']).optional() });
export const NewsBodySchema = NewsReadSchema;
export const AcceptBodySchema = NewsAcceptSchema;
export const StageEnum = z.enum(LEAD_STAGES);
