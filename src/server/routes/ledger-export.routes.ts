// Downloading the ledger as an .xlsx a county prints, with the ledger view's filters, and the empty template.

import { PassThrough, Readable } from 'node:stream';
import { createRoute, z } from '@hono/zod-openapi';
import { monthOfDay, dayOf } from '../../domain/months.ts';
import { ledgerTemplateFor, prepareLedgerExport, type PreparedLedger } from '../../services/export-ledger.ts';
import { requireActor } from '../middleware/auth.ts';
import { createRouter } from '../env.ts';
import { errorResponses, MonthParam } from './common.schema.ts';
import { ProjectListQuerySchema } from './projects.schema.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const xlsxResponse = (description: string) => ({
  description,
  content: { [XLSX]: { schema: z.string().openapi({ type: 'string', format: 'binary' }) } },
});

const exportRoute = createRoute({
  method: 'get',
  path: '/ledger/export',
  tags: ['项目库'],
  summary: '导出项目台账 .xlsx：标题、单位行、两行表头、合计、按续建/新建分段小计（万元），A3 横向打印；筛选同台账',
  middleware: [requireActor] as const,
  request: {
    query: ProjectListQuerySchema.pick({ region: true, asOf: true, q: true, phase: true, stage: true, township: true, chain: true, unit: true, leader: true }).extend({
      reserve: z.enum(['true', 'false']).optional().openapi({ description: '为 true 时在续建、新建之后加上储备项目一段' }),
    }),
  },
  responses: { 200: xlsxResponse('台账工作簿'), ...errorResponses },
});

const templateRoute = createRoute({
  method: 'get',
  path: '/ledger/template',
  tags: ['项目库'],
  summary: '空白台账模板 .xlsx：标准表头，标题中是本人所在的县，另附“填表说明”工作表',
  middleware: [requireActor] as const,
  request: {
    query: z.object({ asOf: MonthParam.optional().openapi({ description: '表头用的截至月份，默认本月' }) }),
  },
  responses: { 200: xlsxResponse('台账模板'), ...errorResponses },
});

/** An attachment header that keeps a Chinese file name (RFC 6266 filename*), with an ASCII fallback for old clients. */
function attachment(filename: string, fallback: string): string {
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

const headers = (filename: string, fallback: string) => ({
  'content-type': XLSX,
  'content-disposition': attachment(filename, fallback),
  'cache-control': 'no-store',
});

function xlsx(buffer: Buffer, filename: string, fallback: string): Response {
  return new Response(new Uint8Array(buffer), { status: 200, headers: headers(filename, fallback) });
}

/**
 * The ledger streamed into the response as it is written, so a large ledger never sits whole in the server's memory.
 * Refusals happened while preparing it; a failure while writing (the client gone) aborts the download instead of
 * sending a cut-off file.
 */
function xlsxStream(ledger: PreparedLedger, fallback: string): Response {
  const body = new PassThrough();
  ledger.writeTo(body).catch((e: unknown) => body.destroy(e instanceof Error ? e : new Error(String(e))));
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, { status: 200, headers: headers(ledger.filename, fallback) });
}

export const ledgerExportRoutes = createRouter()
  .openapi(exportRoute, async (c) => {
    const { reserve, ...q } = c.req.valid('query');
    const ledger = await prepareLedgerExport(c.get('deps').db, { ...q, includeReserve: reserve === 'true' }, c.get('actor'));
    return xlsxStream(ledger, `ledger-${q.region}-${q.asOf}.xlsx`);
  })
  .openapi(templateRoute, async (c) => {
    const asOf = c.req.valid('query').asOf ?? monthOfDay(dayOf(c.get('deps').now()));
    // The title names the county of the signed-in person's region.
    const file = await ledgerTemplateFor(c.get('deps').db, { asOf }, c.get('actor'));
    return xlsx(file.buffer, file.filename, `ledger-template-${asOf.slice(0, 4)}.xlsx`);
  });
