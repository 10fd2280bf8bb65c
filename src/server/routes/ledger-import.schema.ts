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
  file: z.any().openapi({ type: 'string', format: 'binary', description: '台账文件（.xlsx、.xls 或 .csv，不超过 20 MB）' }),
});

export const LedgerImportReportSchema = z
  .object({
    committed: z.boolean().openapi({ description: '是否已写入；预览或有行被拒绝（未 skipInvalid）时为 false' }),
    imported: z.number().int(),
    new: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.array(z.object({ row: z.number().int(), reason: z.string() })),
    created: z
      .object({
        leaders: z.array(z.object({ name: z.string(), title: z.string().nullable() })),
        units: z.array(z.string()),
      })
      .openapi({ description: '台账中出现、本县还没有的包联领导和责任单位：预览时为将新建的，导入后为已新建的' }),
    format: z.enum(['xlsx', 'xls', 'csv']),
    sheet: z.string(),
    unit: z.enum(['元', '万元', '亿元']),
    year: z.number().int(),
    asOf: z.string().nullable(),
    rows: z.array(z.object({ row: z.number().int(), action: z.enum(['new', 'updated', 'unchanged', 'rejected']), name: z.string(), reason: z.string().optional(), notes: z.array(z.string()).optional().openapi({ description: '未照写读取之处，如按“是否开工”推定的开工时间' }) })),
  })
  .openapi('LedgerImportReport');
