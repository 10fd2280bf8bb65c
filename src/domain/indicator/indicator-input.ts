// The shapes of indicator input as the API, the forms and the command line send them: Zod schemas that are also the types.
// The field rules of a value or a target themselves live in values.ts; these check the shape first.

import { z } from 'zod';
import { figureInput, idInput, monthInput, plainText, rateInput, wholeNumber, yearInput, yearQuery } from '../validation.ts';
import { INDICATOR_CODES } from './catalogue.ts';

export const RegionCodeSchema = z.string().regex(/^\d{6}(\d{3})?$/, '应为6位或9位区划代码');
export const MonthSchema = monthInput();
export const YearSchema = yearQuery();
export const IndicatorCodeSchema = z.enum(INDICATOR_CODES, '不认识的指标代码');

/** A region and a month: what every report of the metrics is asked for. */
export const IndicatorReportInputSchema = z.object({ region: RegionCodeSchema, asOf: MonthSchema });
export type IndicatorReportInput = z.input<typeof IndicatorReportInputSchema>;

/** Regions side by side: one indicator, or every indicator the sub-regions have. */
export const StandingInputSchema = IndicatorReportInputSchema.extend({ indicator: IndicatorCodeSchema.optional() });
export type StandingInput = z.input<typeof StandingInputSchema>;

/** The values of a region (and, with `within`, of the regions directly under it) in a year. */
export const ValueListInputSchema = z.object({
  region: RegionCodeSchema,
  year: YearSchema,
  indicator: IndicatorCodeSchema.optional(),
  within: z.boolean().default(false),
});
export type ValueListInput = z.input<typeof ValueListInputSchema>;

/** One value as typed: the cumulative figure in the indicator's unit (元 for money) and the official growth as a fraction. */
export const IndicatorValueInputSchema = z
  .object({
    indicator: IndicatorCodeSchema,
    region: RegionCodeSchema,
    month: MonthSchema,
    value: figureInput(),
    officialYoy: rateInput().nullable().optional(),
  })
  .strict();
export type IndicatorValueInput = z.infer<typeof IndicatorValueInputSchema>;

export const SaveValuesInputSchema = z.object({ values: z.array(IndicatorValueInputSchema).min(1, '至少一条').max(5000, '一次最多5000条') }).strict();
export type SaveValuesInput = z.input<typeof SaveValuesInputSchema>;

export const ValueKeySchema = z.object({ indicator: IndicatorCodeSchema, region: RegionCodeSchema, month: MonthSchema });
export type ValueKey = z.infer<typeof ValueKeySchema>;

export const TARGET_KINDS = ['growth', 'absolute'] as const;
export const TARGET_QUALIFIERS = ['about', 'atLeast', 'atMost', 'range'] as const;

/** One annual target: a growth rate as a fraction (0.085), or an absolute value in the indicator's unit. */
export const IndicatorTargetInputSchema = z
  .object({
    indicator: IndicatorCodeSchema,
    region: RegionCodeSchema,
    year: yearInput(),
    kind: z.enum(TARGET_KINDS, '应为 growth（增长率）或 absolute（绝对数）'),
    value: figureInput(),
    qualifier: z.enum(TARGET_QUALIFIERS).nullable().optional(),
    upper: figureInput().nullable().optional(),
    /** The words of a work report the target was read from. */
    sourceText: plainText(500, { multiline: true }).nullable().optional(),
  })
  .strict();
export type IndicatorTargetInput = z.infer<typeof IndicatorTargetInputSchema>;

export const SaveTargetsInputSchema = z.object({ targets: z.array(IndicatorTargetInputSchema).min(1, '至少一条').max(1000, '一次最多1000条') }).strict();
export type SaveTargetsInput = z.input<typeof SaveTargetsInputSchema>;

export const TargetKeySchema = z.object({ indicator: IndicatorCodeSchema, region: RegionCodeSchema, year: YearSchema });
export type TargetKey = z.infer<typeof TargetKeySchema>;

export const TargetListInputSchema = z.object({ region: RegionCodeSchema, year: YearSchema });
export type TargetListInput = z.input<typeof TargetListInputSchema>;

/** A work report's text, to propose the year's targets from. */
export const ReadTargetsInputSchema = z
  .object({
    region: RegionCodeSchema,
    year: yearInput(),
    text: plainText(200_000, { multiline: true }).min(1, '请粘贴政府工作报告的文字'),
  })
  .strict();
export type ReadTargetsInput = z.infer<typeof ReadTargetsInputSchema>;

/** The targets the user confirmed after reading them from a report: the region and year are the report's. */
export const ConfirmTargetsInputSchema = z
  .object({
    region: RegionCodeSchema,
    year: yearInput(),
    targets: z
      .array(IndicatorTargetInputSchema.omit({ region: true, year: true }))
      .min(1, '至少确认一项目标')
      .max(100),
  })
  .strict();
export type ConfirmTargetsInput = z.infer<typeof ConfirmTargetsInputSchema>;

/** 指标分解: one indicator of a county in a year, to its units and leaders, as amounts or shares of the county's target. */
export const AssignmentsInputSchema = z
  .object({
    indicator: IndicatorCodeSchema,
    region: z.string().regex(/^\d{6}$/, '应为县级区划代码（6位）'),
    year: yearInput(),
    assignments: z
      .array(
        z
          .object({
            assigneeKind: z.enum(['unit', 'leader'], '应为 unit（单位）或 leader（领导）'),
            assigneeId: idInput(),
            amount: figureInput().nullable().optional(),
            share: rateInput().nullable().optional(),
            note: plainText(200, { multiline: true }).nullable().optional(),
          })
          .strict(),
      )
      .max(500),
  })
  .strict();
export type AssignmentsInput = z.infer<typeof AssignmentsInputSchema>;

export const PLAN_CURVE_SUBJECT_KINDS = ['indicator', 'category'] as const;

/** Plan curves of a region and year; `shares: null` removes a curve. */
export const PlanCurvesInputSchema = z
  .object({
    region: RegionCodeSchema,
    year: yearInput(),
    curves: z
      .array(
        z
          .object({
            subjectKind: z.enum(PLAN_CURVE_SUBJECT_KINDS),
            subject: plainText(50).min(1),
            shares: z.array(rateInput()).max(12).nullable(),
          })
          .strict(),
      )
      .min(1)
      .max(100),
  })
  .strict();
export type PlanCurvesInput = z.infer<typeof PlanCurvesInputSchema>;

/** A province has at most a few hundred counties; a rank or a count of peers beyond 10 000 is a typing error. */
const MAX_PEERS = 10_000;

/** Ranks published by the city, entered by hand; both ranks null removes the entry. */
export const RanksInputSchema = z
  .object({
    ranks: z
      .array(
        z
          .object({
            indicator: IndicatorCodeSchema,
            region: RegionCodeSchema,
            month: MonthSchema,
            rankInCity: wholeNumber(1, MAX_PEERS).nullable(),
            cityPeerCount: wholeNumber(1, MAX_PEERS).nullable().optional(),
            rankAmongCounties: wholeNumber(1, MAX_PEERS).nullable(),
            countyPeerCount: wholeNumber(1, MAX_PEERS).nullable().optional(),
          })
          .strict(),
      )
      .min(1)
      .max(1000),
  })
  .strict();
export type RanksInput = z.infer<typeof RanksInputSchema>;

/** 固定资产投资 and 工业投资 (and 技改投资) added up from the pool; saved only when asked. */
export const DrawFromPoolInputSchema = z
  .object({
    region: RegionCodeSchema,
    asOf: MonthSchema,
    indicators: z.array(IndicatorCodeSchema).min(1).max(10).optional(),
    save: z.boolean().default(false),
    /** Replace a value that was entered or imported; without it such a value is left alone and the draw refused. */
    overwrite: z.boolean().default(false),
  })
  .strict();
export type DrawFromPoolInput = z.input<typeof DrawFromPoolInputSchema>;

/** Field labels for refusals. */
export const INDICATOR_FIELD_LABELS: Record<string, string> = {
  indicator: '指标',
  region: '地区',
  month: '月份',
  asOf: '截至月份',
  year: '年份',
  value: '数值',
  officialYoy: '官方增速',
  kind: '目标类型',
  qualifier: '限定词',
  upper: '区间上限',
  text: '文字',
  values: '指标数据',
  targets: '目标',
  assignments: '分解',
  curves: '计划进度',
  ranks: '排名',
};
