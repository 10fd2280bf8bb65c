// The shape of a project as the API, the forms and the importers send it: a Zod schema that is also the type.

import { z } from 'zod';
import { areaMu, dayInput, idInput, optionalPlainText, plainText, yuanAmount } from '../validation.ts';
import { APPROVAL_KINDS, CONSTRUCTION_TYPES, KEY_LEVELS, PHASES, STAGES, STATS_ENTRY_STATUSES } from './project.ts';

// The shared bounds (src/domain/validation.ts): amounts within 10^15 元, dates in 1990–2100, text without control or
// direction-override characters (notes and progress may have line breaks).
const yuan = yuanAmount();
const day = dayInput();
const text = (max: number) => plainText(max);
const optionalText = (max: number) => optionalPlainText(max);
const optionalNotes = (max: number) => optionalPlainText(max, { multiline: true });

export const ProjectYearInputSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  phase: z.enum(PHASES),
  annualPlan: yuan,
  resumedOn: day.nullable().default(null),
});
export type ProjectYearInput = z.infer<typeof ProjectYearInputSchema>;

/** Every field a person may set; all optional, so the same schema serves creation (with name) and edits. */
export const ProjectPatchSchema = z
  .object({
    name: text(200).min(1, '项目名称不能为空'),
    projectCode: optionalText(40),
    approvalKind: z.enum(APPROVAL_KINDS).nullable(),
    owner: optionalText(200),
    townshipCode: z.string().regex(/^\d{9}$/, '应为9位乡镇或园区代码').nullable(),
    industryCode: optionalText(4),
    chain: optionalText(50),
    constructionType: z.enum(CONSTRUCTION_TYPES).nullable(),
    category: optionalText(50),
    stage: z.enum(STAGES),
    signedOn: day.nullable(),
    landSuppliedOn: day.nullable(),
    permitOn: day.nullable(),
    startedOn: day.nullable(),
    suspendedOn: day.nullable(),
    completedOn: day.nullable(),
    operatingOn: day.nullable(),
    totalInvestment: yuan,
    completedBefore: yuan,
    statsEntry: z.enum(STATS_ENTRY_STATUSES),
    leaderIds: z.array(idInput()).max(20).refine((ids) => new Set(ids).size === ids.length, '同一位包联领导列了两次'),
    unitId: idInput().nullable(),
    keyLevel: z.enum(KEY_LEVELS).nullable(),
    progressNote: optionalNotes(2000),
    landAreaMu: areaMu().nullable(),
    notes: optionalNotes(2000),
    years: z.array(ProjectYearInputSchema).max(30),
  })
  .partial()
  .strict();
export type ProjectPatch = z.infer<typeof ProjectPatchSchema>;

export const ProjectCreateSchema = ProjectPatchSchema.extend({
  name: text(200).min(1, '项目名称不能为空'),
  regionCode: z.string().regex(/^\d{6}$/, '应为6位县级区划代码'),
  totalInvestment: yuan,
});
export type ProjectCreate = z.infer<typeof ProjectCreateSchema>;
