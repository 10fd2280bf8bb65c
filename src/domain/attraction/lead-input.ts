// The shapes of a lead as the API, the forms, the importer and the news desk send it: Zod schemas that are also the types.

import { z } from 'zod';
import { dayInput, idInput, optionalPlainText, plainText, versionInput, yuanAmount } from '../validation.ts';
import { FOLLOW_UP_KINDS, INVESTOR_ORIGINS, LEAD_SOURCES, LEAD_STATUSES, SIGN_KINDS } from './lead.ts';

// The shared bounds (src/domain/validation.ts): amounts within 10^15 元, dates in 1990–2100, no control characters.
const yuan = yuanAmount().min(0, '不能为负数');
const day = dayInput();
const text = (max: number) => plainText(max);
const optionalText = (max: number) => optionalPlainText(max);

/** Every field of a lead a person may set; all optional, so one schema serves creation and edits. */
export const LeadPatchSchema = z
  .object({
    name: text(200).min(1, '项目名称不能为空'),
    investor: optionalText(200),
    investorOrigin: z.enum(INVESTOR_ORIGINS).nullable(),
    investorPlace: optionalText(50),
    chain: optionalText(50),
    townshipCode: z.string().regex(/^\d{9}$/, '应为9位乡镇或园区代码').nullable(),
    unitId: idInput().nullable(),
    team: optionalText(50),
    source: z.enum(LEAD_SOURCES),
    sourceDetail: optionalText(500),
    referrer: optionalText(100),
    intendedAmount: yuan,
    contractedAmount: yuan.nullable(),
    fundsInPlace: yuan,
    expectedOutput: yuan.nullable(),
    actualOutput: yuan.nullable(),
    receivedOn: day,
    leaderIds: z.array(idInput()).max(10),
    notes: optionalText(2000),
  })
  .partial()
  .strict();
export type LeadPatch = z.infer<typeof LeadPatchSchema>;

export const LeadCreateSchema = LeadPatchSchema.extend({
  regionCode: z.string().regex(/^\d{6}$/, '应为6位县级区划代码'),
  name: text(200).min(1, '项目名称不能为空'),
  source: z.enum(LEAD_SOURCES),
  receivedOn: day,
});
export type LeadCreate = z.infer<typeof LeadCreateSchema>;

export const LeadUpdateSchema = LeadPatchSchema.extend({ version: versionInput().optional() });

/** A move to a stage (or 终止), dated, with its evidence; a signing names its kind and may give the contracted amount. */
export const LeadMoveSchema = z
  .object({
    to: z.enum(LEAD_STATUSES),
    on: day,
    evidence: text(1000).nullable().default(null),
    signKind: z.enum(SIGN_KINDS).nullable().optional(),
    reason: text(500).nullable().optional(),
    contractedAmount: yuan.nullable().optional(),
    note: optionalText(1000).optional(),
  })
  .strict();
export type LeadMove = z.infer<typeof LeadMoveSchema>;

/** A follow-up the response timers wait for: answered, assessed, referrer answered, progress reported. */
export const LeadFollowUpSchema = z
  .object({
    kind: z.enum(FOLLOW_UP_KINDS),
    on: day,
    note: text(1000).min(1, '请写明跟进内容'),
  })
  .strict();
export type LeadFollowUp = z.infer<typeof LeadFollowUpSchema>;

/** What the conversion to a pool project asks that a lead does not already hold. */
export const LeadConvertSchema = z
  .object({
    /** The year the project enters the pool's plan, with its planned investment; omitted, the project waits as 储备-free. */
    year: z.number().int().min(2000).max(2100).optional(),
    annualPlan: yuan.optional(),
    industryCode: optionalText(4).optional(),
    constructionType: z.enum(['new', 'expansion', 'renovation', 'technicalUpgrade', 'relocation']).nullable().optional(),
    category: optionalText(50).optional(),
  })
  .strict();
export type LeadConvert = z.infer<typeof LeadConvertSchema>;

export const LEAD_FIELD_LABELS: Record<string, string> = {
  name: '项目名称',
  investor: '投资方',
  investorOrigin: '投资方来源',
  investorPlace: '投资方所在地',
  chain: '产业链',
  townshipCode: '所在乡镇（园区）',
  unitId: '责任单位',
  team: '招商小分队',
  source: '线索来源',
  sourceDetail: '来源说明',
  referrer: '推荐人',
  intendedAmount: '意向投资额',
  contractedAmount: '合同投资额',
  fundsInPlace: '到位资金',
  expectedOutput: '预计年产值',
  actualOutput: '实际年产值',
  receivedOn: '获得线索日期',
  leaderIds: '包联领导',
  notes: '备注',
  regionCode: '县',
  to: '阶段',
  on: '日期',
  evidence: '依据',
  signKind: '签约类型',
  reason: '终止原因',
  kind: '跟进类型',
  note: '内容',
  version: '版本',
  created: '登记',
  stage: '阶段',
  projectId: '转为项目',
};
