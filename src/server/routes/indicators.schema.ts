// Schemas of the indicator API (经济指标): queries, bodies and what comes back. Money in whole 元 (or the indicator's
// unit: 家, 元/人, 元/亩), rates as fractions rounded to four decimals, months 'YYYY-MM', null for what cannot be computed.

import { z } from '@hono/zod-openapi';
import { INDICATOR_CODES } from '../../domain/indicator/catalogue.ts';
import {
  AssignmentsInputSchema,
  ConfirmTargetsInputSchema,
  DrawFromPoolInputSchema,
  PlanCurvesInputSchema,
  RanksInputSchema,
  ReadTargetsInputSchema,
  SaveTargetsInputSchema,
  SaveValuesInputSchema,
} from '../../domain/indicator/indicator-input.ts';
import { yearQuery } from '../../domain/validation.ts';
import { MonthParam, RegionCodeParam } from './common.schema.ts';

const IndicatorCode = z.enum(INDICATOR_CODES).openapi({ example: 'industrial-value-added', description: '指标代码' });
const Rate = z.number().nullable();
const YearQuery = yearQuery().meta({ example: 2021 });

// ---------------------------------------------------------------------------------------------------------------
// Queries

export const ReportQuerySchema = z.object({ region: RegionCodeParam, asOf: MonthParam });
export const StandingQuerySchema = ReportQuerySchema.extend({ indicator: IndicatorCode.optional().openapi({ description: '不填则列出所有有乡镇数据的累计指标' }) });
export const ValuesQuerySchema = z.object({
  region: RegionCodeParam,
  year: YearQuery,
  indicator: IndicatorCode.optional(),
  within: z.enum(['true', 'false']).optional().openapi({ description: 'true：同时列出下一级地区（县的乡镇园区、市的县）' }),
});
export const ValueKeyQuerySchema = z.object({ indicator: IndicatorCode, region: RegionCodeParam, month: MonthParam });
export const YearQuerySchema = z.object({ region: RegionCodeParam, year: YearQuery });
export const TargetKeyQuerySchema = z.object({ indicator: IndicatorCode, region: RegionCodeParam, year: YearQuery });
export const ImportQuerySchema = z.object({
  region: RegionCodeParam.openapi({ description: '文件所属地区：各行须为该地区或其下级地区' }),
  skipInvalid: z.enum(['true', 'false']).optional().openapi({ description: 'true：跳过被拒绝的行，导入其余有效行' }),
  commit: z.enum(['true', 'false']).openapi({ description: 'false：只预览；true：导入' }),
});
export const ImportBodySchema = z.object({
  file: z.any().openapi({ type: 'string', format: 'binary', description: '指标数据表（.xlsx，不超过 20 MB）：指标、地区代码、月份、累计值、单位、官方增速(%)' }),
});

// ---------------------------------------------------------------------------------------------------------------
// Bodies: the domain's input schemas themselves, so the bounds the service checks are the ones the API documents.

export const SaveValuesBodySchema = SaveValuesInputSchema;
export const SaveTargetsBodySchema = SaveTargetsInputSchema;
export const ReadTargetsBodySchema = ReadTargetsInputSchema;
export const ConfirmTargetsBodySchema = ConfirmTargetsInputSchema;
export const AssignmentsBodySchema = AssignmentsInputSchema;
export const PlanCurvesBodySchema = PlanCurvesInputSchema;
export const RanksBodySchema = RanksInputSchema;
export const DrawFromPoolBodySchema = DrawFromPoolInputSchema;

// ---------------------------------------------------------------------------------------------------------------
// Responses

const Reason = z.object({ code: z.string(), message: z.string() });
const ForecastSchema = z.object({ month: z.string(), value: z.number().int(), yoy: Rate, method: z.string() });
const RankSchema = z.object({ rank: z.number().int(), peerCount: z.number().int().nullable(), source: z.enum(['computed', 'entered']) });

export const IndicatorItemSchema = z
  .object({
    indicator: z.string().openapi({ description: '指标名称（目录中的写法）', example: '规上工业增加值' }),
    unit: z.string().openapi({ example: '元' }),
    value: z.number().int().nullable(),
    yoy: Rate.openapi({ description: '同比：官方公布的优先，否则按数值计算' }),
    yoySource: z.enum(['official', 'computed']).nullable(),
    target: z.number().int().nullable().openapi({ description: '年度目标（绝对数）' }),
    targetShare: Rate.openapi({ description: '占年度目标任务' }),
    timeProgress: z.number().openapi({ description: '时序进度' }),
    progressGap: Rate.openapi({ description: '占年度目标 − 时序进度（0.148 即超 14.8 个百分点）' }),
    rankInCity: z.number().int().nullable(),
    rankAmongCounties: z.number().int().nullable(),
    code: IndicatorCode,
    source: z.enum(['entered', 'imported', 'pool']).nullable(),
    lastYearValue: z.number().int().nullable(),
    officialYoy: Rate,
    computedYoy: Rate,
    yoyDiffers: z.boolean(),
    targetKind: z.enum(['growth', 'absolute']).nullable(),
    targetGrowth: Rate,
    yoyAboveTargetGrowth: Rate.openapi({ description: '同比 − 目标增速（超任务数）' }),
    timeProgressSource: z.enum(['linear', 'planCurve']),
    qoq: z.object({ quarter: z.number().int(), value: z.number().int(), previousValue: z.number().int(), rate: Rate }).nullable(),
    need: z
      .object({ remaining: z.number().int(), met: z.boolean(), period: z.enum(['month', 'quarter']), periodsLeft: z.number().int(), perPeriod: z.number().int().nullable() })
      .nullable(),
    halfYearForecast: ForecastSchema.nullable(),
    yearForecast: ForecastSchema.nullable(),
    ranks: z.object({ inCity: RankSchema.nullable(), amongCounties: RankSchema.nullable() }),
    reasons: z.record(z.string(), Reason).openapi({ description: '各项为空的原因' }),
  })
  .openapi('IndicatorMetrics');

export const IndicatorReportSchema = z
  .object({ region: z.string(), regionName: z.string(), asOf: z.string(), indicators: z.array(IndicatorItemSchema) })
  .openapi('IndicatorReport');

export const CatalogueSchema = z
  .object({
    indicators: z.array(
      z.object({
        code: IndicatorCode,
        name: z.string(),
        aliases: z.array(z.string()),
        unitKind: z.enum(['money', 'count', 'moneyPerPerson', 'moneyPerMu']),
        unit: z.string(),
        periodicity: z.enum(['monthly', 'quarterly']),
        accumulation: z.enum(['cumulative', 'level']),
        comparablePrices: z.boolean(),
        drawableFromPool: z.boolean(),
      }),
    ),
  })
  .openapi('IndicatorCatalogue');

const PartSchema = z
  .object({
    text: z.string(),
    start: z.number().int(),
    end: z.number().int(),
    figure: z.string(),
    indicator: IndicatorCode,
    region: z.string(),
    month: z.string(),
    value: z.number(),
  })
  .openapi('SentencePart');

const ProgressEntrySchema = z.object({ region: z.string(), name: z.string(), targetShare: Rate, progressGap: Rate });

export const StandingSchema = z
  .object({
    region: z.string(),
    regionName: z.string(),
    asOf: z.string(),
    noun: z.string(),
    standings: z.array(
      z.object({
        indicator: IndicatorCode,
        name: z.string(),
        ranked: z.array(ProgressEntrySchema.extend({ rank: z.number().int(), standing: z.enum(['ahead', 'near', 'behind']) })),
        unranked: z.array(ProgressEntrySchema),
        sentence: z.object({ text: z.string(), parts: z.array(PartSchema) }),
      }),
    ),
  })
  .openapi('IndicatorStanding');

export const SentencesSchema = z
  .object({
    region: z.string(),
    regionName: z.string(),
    asOf: z.string(),
    sentences: z.array(z.object({ kind: z.enum(['indicator', 'standing']), indicator: IndicatorCode, name: z.string(), text: z.string(), parts: z.array(PartSchema) })),
    text: z.string(),
  })
  .openapi('IndicatorSentences');

export const ValueListSchema = z
  .object({
    region: z.string(),
    year: z.number().int(),
    values: z.array(
      z.object({
        indicator: IndicatorCode,
        name: z.string(),
        unit: z.string(),
        region: z.string(),
        regionName: z.string(),
        month: z.string(),
        value: z.number().int(),
        officialYoy: Rate,
        source: z.enum(['entered', 'imported', 'pool']),
        updatedAt: z.string(),
      }),
    ),
  })
  .openapi('IndicatorValues');

const TargetViewSchema = z.object({
  indicator: IndicatorCode,
  name: z.string(),
  unit: z.string(),
  region: z.string(),
  regionName: z.string(),
  year: z.number().int(),
  kind: z.enum(['growth', 'absolute']),
  value: z.number(),
  upper: z.number().nullable(),
  qualifier: z.enum(['about', 'atLeast', 'atMost', 'range']).nullable(),
  absolute: z.number().int().nullable().openapi({ description: '目标对应的全年绝对数（增长目标按上年全年数换算）' }),
  source: z.enum(['entered', 'report', 'imported']),
  sourceText: z.string().nullable(),
  updatedAt: z.string(),
});

export const TargetListSchema = z
  .object({
    region: z.string(),
    regionName: z.string(),
    year: z.number().int(),
    targets: z.array(TargetViewSchema),
    subRegions: z.array(TargetViewSchema),
    assignments: z.array(
      z.object({
        indicator: IndicatorCode,
        name: z.string(),
        assigneeKind: z.enum(['unit', 'leader']),
        assigneeId: z.string(),
        assigneeName: z.string(),
        amount: z.number().int().nullable(),
        share: z.number().nullable(),
        absolute: z.number().int().nullable(),
        note: z.string().nullable(),
      }),
    ),
  })
  .openapi('IndicatorTargets');

export const ProposalsSchema = z
  .object({
    region: z.string(),
    year: z.number().int(),
    proposals: z.array(
      z.object({
        indicator: IndicatorCode,
        name: z.string(),
        unit: z.string(),
        kind: z.enum(['growth', 'absolute']),
        value: z.number(),
        qualifier: z.enum(['about', 'atLeast', 'atMost', 'range']).nullable(),
        upper: z.number().nullable(),
        span: z.object({ start: z.number().int(), end: z.number().int(), text: z.string() }),
        existing: TargetViewSchema.nullable(),
      }),
    ),
  })
  .openapi('TargetProposals');

export const PlanCurveListSchema = z
  .object({
    region: z.string(),
    year: z.number().int(),
    curves: z.array(z.object({ subjectKind: z.enum(['indicator', 'category']), subject: z.string(), label: z.string(), region: z.string(), year: z.number().int(), shares: z.array(z.number()) })),
  })
  .openapi('PlanCurves');

export const EnteredRanksSchema = z
  .object({
    region: z.string(),
    asOf: z.string(),
    ranks: z.array(
      z.object({
        indicator: IndicatorCode,
        name: z.string(),
        region: z.string(),
        month: z.string(),
        rankInCity: z.number().int().nullable(),
        cityPeerCount: z.number().int().nullable(),
        rankAmongCounties: z.number().int().nullable(),
        countyPeerCount: z.number().int().nullable(),
        updatedAt: z.string(),
      }),
    ),
  })
  .openapi('EnteredRanks');

export const SavedSchema = z.object({ saved: z.number().int() });
export const SavedCurvesSchema = z.object({ saved: z.number().int(), removed: z.number().int() });
export const DeletedSchema = z.object({ deleted: z.literal(true) });

export const ImportReportSchema = z
  .object({
    committed: z.boolean(),
    imported: z.number().int(),
    new: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.array(z.object({ row: z.number().int(), reason: z.string() })),
    sheet: z.string(),
    rows: z.array(
      z.object({
        row: z.number().int(),
        action: z.enum(['new', 'updated', 'unchanged', 'rejected']),
        indicator: IndicatorCode.nullable(),
        region: z.string().nullable(),
        month: z.string().nullable(),
        reason: z.string().optional(),
      }),
    ),
  })
  .openapi('IndicatorImportReport');

export const PoolDrawSchema = z
  .object({
    region: z.string(),
    asOf: z.string(),
    draws: z.array(
      z.object({
        indicator: IndicatorCode,
        name: z.string(),
        value: z.number().int().openapi({ description: '入库项目年初至当月累计完成投资（元）' }),
        projects: z.number().int(),
        stored: z.object({ value: z.number().int(), source: z.enum(['entered', 'imported', 'pool']) }).nullable(),
        saved: z.boolean(),
      }),
    ),
  })
  .openapi('PoolDraw');
