// Schemas of the ledger import: the upload, its options, and the row-by-row report (money in 元).

import { z } from '@hono/zod-openapi';
import { MonthParam, RegionCodeParam } from './common.schema.ts';

export const LedgerImportQuerySchema = z.object({
  region: RegionCodeParam,
  year: z.coerce.number().int().min(2000).max(2100).optional().openapi({ example: 2022, description: '表头或标题中没有年份时必填' }),
  asOf: MonthParam.optional().openapi({ description: '“1-M月完成投资”的截至月份；表头中没有时必填' }),
  skipInvalid: z.enum(['true', 'false']).optional().openapi({ description: 'true：跳过被拒绝的行，导入其余有效行' }),
  commit: z.enum(['true', 'false']).openapi({ description: 'false：只预览；true：导入' }),
});

export const LedgerImportBodySchema = z.object({
  file: z.any().openapi({ type: 'string', format: 'binary', description: '台账文件（.xlsx，不超过 20 MB）' }),
});

export const LedgerImportReportSchema = z
  .object({
    committed: z.boolean().openapi({ description: '是否已写入；预览或有行被拒绝（未 skipInvalid）时为 false' }),
    imported: z.number().int(),
    new: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.array(z.object({ row: z.number().int(), reason: z.string() })),
    sheet: z.string(),
    unit: z.enum(['元', '万元', '亿元']),
    year: z.number().int(),
    asOf: z.string().nullable(),
    rows: z.array(z.object({ row: z.number().int(), action: z.enum(['new', 'updated', 'unchanged', 'rejected']), name: z.string(), reason: z.string().optional() })),
  })
  .openapi('LedgerImportReport');
