// Schemas of the documents' API: a drafted document (head, blocks with runs, figures), editions and the template.

import { z } from '@hono/zod-openapi';
import { EditionSaveSchema } from '../../services/documents/editions.ts';
import { TemplateInputSchema } from '../../services/documents/draft-summary.ts';
import { MonthParam, RegionCodeParam } from './common.schema.ts';

const RunSchema = z.union([z.object({ text: z.string() }), z.object({ figure: z.string() })]);

const FigureSchema = z.object({
  source: z.string().openapi({ example: 'pool:140423:2021-06:all.completedYtd' }),
  label: z.string().openapi({ example: '项目库全部项目1-6月完成投资' }),
  value: z.number().openapi({ description: '原值：金额为元，比率为小数' }),
  text: z.string().openapi({ example: '34.39亿元' }),
  frozen: z.object({ note: z.string(), on: z.string() }).nullable(),
});

const BlockSchema = z.object({
  id: z.string(),
  kind: z.enum(['heading1', 'heading2', 'body', 'chart', 'table']),
  runs: z.array(RunSchema),
  editable: z.boolean(),
  chart: z.object({ title: z.string(), option: z.record(z.string(), z.unknown()), width: z.number(), height: z.number() }).optional(),
  table: z
    .object({ title: z.string(), columns: z.array(z.string()), rows: z.array(z.array(z.union([z.string(), z.number()]))), numeric: z.array(z.boolean()).optional() })
    .optional(),
});

export const HeadSchema = z.object({
  title: z.string(),
  docNumber: z.string(),
  recipient: z.string(),
  opening: z.string(),
  signature: z.string(),
  date: z.string(),
});

export const DraftedDocumentSchema = z
  .object({
    kind: z.enum(['summary', 'pack']),
    region: z.string(),
    regionName: z.string(),
    asOf: z.string(),
    content: z.object({ head: HeadSchema, blocks: z.array(BlockSchema), figures: z.array(FigureSchema) }),
  })
  .openapi('DraftedDocument');

export const EditionSummarySchema = z.object({
  id: z.string(),
  region: z.string(),
  asOf: z.string(),
  number: z.number().int(),
  title: z.string(),
  note: z.string().nullable(),
  basedOn: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});

export const MovedFigureSchema = z.object({
  source: z.string(),
  label: z.string(),
  before: z.object({ text: z.string(), value: z.number() }),
  after: z.object({ text: z.string(), value: z.number() }).nullable(),
  frozen: z.boolean(),
});

export const EditionViewSchema = z.object({ edition: EditionSummarySchema, document: DraftedDocumentSchema, moved: z.array(MovedFigureSchema) }).openapi('EditionView');

// Bodies: the services' own schemas (plain zod, used unnamed), so the API documents the bounds it enforces.
export const EditionSaveBodySchema = EditionSaveSchema;

export const TemplateSchema = z
  .object({
    region: z.string(),
    unitName: z.string().openapi({ example: '襄垣县发展和改革局' }),
    numberPattern: z.string().openapi({ example: '襄发改字〔{year}〕{n}号' }),
    recipient: z.string().openapi({ example: '县委办、县政府办' }),
    signature: z.string(),
    saved: z.boolean(),
  })
  .openapi('DocumentTemplate');

export const TemplateBodySchema = TemplateInputSchema;

export const SummaryQuerySchema = z.object({
  region: RegionCodeParam,
  asOf: MonthParam,
  serial: z.string().regex(/^\d{1,4}$/).optional().openapi({ description: '发文字号中的序号' }),
});

export const SummaryFileQuerySchema = SummaryQuerySchema.extend({
  format: z.enum(['docx', 'pdf', 'png']).default('docx').openapi({ description: 'docx；pdf（需要服务器安装 LibreOffice）；png 为第一页预览' }),
  edition: z.string().max(64).optional().openapi({ description: '按已保存的版本生成' }),
});

export const PackFileQuerySchema = z.object({
  region: RegionCodeParam,
  asOf: MonthParam,
  on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().openapi({ description: '会议日期，默认今天' }),
  period: z.enum(['week', 'month']).default('month'),
  format: z.enum(['docx', 'xlsx', 'pdf']).default('docx'),
});

export const EditionListQuerySchema = z.object({ region: RegionCodeParam, asOf: MonthParam.optional() });
