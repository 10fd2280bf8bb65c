// POST /ledger/import: a ledger upload previewed or imported; refused rows come back as data (200, committed false).

import { createRoute } from '@hono/zod-openapi';
import { invalidInput } from '../../domain/errors.ts';
import { importLedger, LEDGER_MAX_BYTES } from '../../services/import-ledger.ts';
import { createRouter } from '../env.ts';
import { refuseLargeUpload, tooLarge } from '../middleware/upload-limit.ts';
import { requireActor } from '../middleware/auth.ts';
import { ErrorSchema, errorResponses, json } from './common.schema.ts';
import { LedgerImportBodySchema, LedgerImportQuerySchema, LedgerImportReportSchema } from './ledger-import.schema.ts';

const TOO_LARGE = '文件过大，不能超过 20 MB';

const importRoute = createRoute({
  method: 'post',
  path: '/ledger/import',
  tags: ['台账'],
  summary: '导入项目台账（.xlsx、.xls 或 .csv）：预览或导入，逐行报告；将新建的包联领导和责任单位列在 created 中',
  middleware: [refuseLargeUpload(LEDGER_MAX_BYTES, TOO_LARGE), requireActor] as const,
  request: { query: LedgerImportQuerySchema, body: { content: { 'multipart/form-data': { schema: LedgerImportBodySchema } }, required: true } },
  responses: {
    200: json(LedgerImportReportSchema, '导入报告；有行被拒绝且未 skipInvalid 时 committed 为 false，什么也没写入'),
    413: json(ErrorSchema, '文件过大'),
    ...errorResponses,
  },
});

export const ledgerImportRoutes = createRouter()
  .openapi(importRoute, async (c) => {
    const { db, now } = c.get('deps');
    const q = c.req.valid('query');
    // A body that is not multipart leaves the form unvalidated and empty: the same refusal as a missing file.
    const file = (c.req.valid('form') as { file?: unknown } | undefined)?.file;
    if (!(file instanceof Blob)) throw invalidInput([{ field: 'file', message: '请选择要导入的台账文件' }]);
    if (file.size > LEDGER_MAX_BYTES) throw tooLarge(TOO_LARGE);
    const report = await importLedger(
      db,
      { file: Buffer.from(await file.arrayBuffer()), regionCode: q.region, year: q.year, asOf: q.asOf, skipInvalid: q.skipInvalid === 'true', commit: q.commit === 'true' },
      c.get('actor'),
      now(),
    );
    return c.json(report, 200);
  });
