// Supervision (督办) over HTTP: the board, an item's life (交办 → 签收 → 办理 → 申请销号 → 销号 / 退回, 延期, 重新打开,
// 批示), evidence, the 督办函, and the ledgers in Excel. Access is checked in the services.

import { createRoute, z } from '@hono/zod-openapi';
import { invalidInput } from '../../domain/errors.ts';
import { EVIDENCE_MAX_BYTES } from '../../domain/round/evidence.ts';
import { ItemAssignSchema, ItemCreateSchema, ItemEditSchema, ItemExtendSchema, ItemNoteSchema, ItemPlanSchema } from '../../domain/supervision/item-input.ts';
import { LEDGER_MAX_BYTES } from '../../services/import-ledger.ts';
import {
  addItemEvidence,
  assignItem,
  closeItem,
  editItem,
  extendItem,
  getItemEvidence,
  instructItem,
  reopenItem,
  reportProgress,
  receiveItem,
  requestClose,
  returnItem,
  setItemPlan,
} from '../../services/supervision/item-actions.ts';
import { exportItemLedger, importItemSheet } from '../../services/supervision/item-ledger.ts';
import { createItem, getItem, itemBoard } from '../../services/supervision/items.ts';
import { getLetter } from '../../services/supervision/letters.ts';
import { createRouter } from '../env.ts';
import { requireActor } from '../middleware/auth.ts';
import { refuseLargeUpload, tooLarge } from '../middleware/upload-limit.ts';
import { ErrorSchema, errorResponses, json, RegionCodeParam } from './common.schema.ts';
import { BoardQuerySchema, BoardSchema, ItemDetailSchema, LetterSchema } from './supervision.schema.ts';

const tags = ['督办'];
const IdParam = z.object({ id: z.string().min(1).max(64) });
const OnQuery = z.object({ on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().openapi({ description: '按该日判断时限，默认今天' }) });
const conflict = { 409: json(ErrorSchema, '状态不允许或已被他人更新') };
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const detail = { 200: json(ItemDetailSchema, '事项及其经过'), ...conflict, ...errorResponses };

const board = createRoute({
  method: 'get', path: '/items', tags, summary: '督办台账：按单位、状态筛选，逾期在前；各状态、各单位的件数',
  middleware: [requireActor] as const, request: { query: BoardQuerySchema },
  responses: { 200: json(BoardSchema, '督办台账'), ...errorResponses },
});
const create = createRoute({
  method: 'post', path: '/items', tags, summary: '新增督办事项：调度员交办（须指定责任单位），领导或填报员提出待交办的问题',
  middleware: [requireActor] as const, request: body(ItemCreateSchema),
  responses: { 201: json(ItemDetailSchema, '新事项'), ...errorResponses },
});
const read = createRoute({
  method: 'get', path: '/items/{id}', tags, summary: '督办事项：时限、是否逾期、办理经过、佐证、督办函、可做的操作',
  middleware: [requireActor] as const, request: { params: IdParam, query: OnQuery },
  responses: { 200: json(ItemDetailSchema, '事项'), ...errorResponses },
});
const edit = createRoute({
  method: 'patch', path: '/items/{id}', tags, summary: '修改事项内容（调度员），记入经过',
  middleware: [requireActor] as const, request: { params: IdParam, ...body(ItemEditSchema) }, responses: detail,
});

function step<P extends string, T extends z.ZodType>(path: P, summary: string, schema: T) {
  return createRoute({ method: 'post', path: `/items/{id}/${path}` as `/items/{id}/${P}`, tags, summary, middleware: [requireActor] as const, request: { params: IdParam, ...body(schema) }, responses: detail });
}
const assign = step('assign', '交办：指定责任单位、包联领导、级别，可定办结时限', ItemAssignSchema);
const receive = step('receive', '签收', ItemNoteSchema);
const progress = step('progress', '反馈进展（附佐证）；第一次反馈即“3日内反馈”', ItemNoteSchema);
const plan = step('plan', '重大事项报送解决计划：计划解决日期即新的办结时限', ItemPlanSchema);
const askClose = step('request-close', '申请销号：写明办理结果（附佐证）', ItemNoteSchema);
const close = step('close', '销号（调度员）', ItemNoteSchema);
const sendBack = step('return', '退回：不同意销号，写明理由', ItemNoteSchema);
const extend = step('extend', '延期：新的期限和理由（调度员）', ItemExtendSchema);
const reopen = step('reopen', '重新打开：问题复发，重新交办', ItemNoteSchema);
const instruct = step('instruct', '批示（包联领导、调度员）', ItemNoteSchema);

const TOO_LARGE = '文件超过10MB，请压缩后再上传';
const upload = createRoute({
  method: 'post', path: '/items/{id}/attachments', tags, summary: '上传佐证照片或文件（JPG、PNG、WEBP、HEIC、PDF，10MB以内），随后随反馈或销号申请提交',
  middleware: [refuseLargeUpload(EVIDENCE_MAX_BYTES, TOO_LARGE, 64 * 1024), requireActor] as const,
  request: { params: IdParam, body: { content: { 'multipart/form-data': { schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }) } }, required: true } },
  responses: { 201: json(z.object({ id: z.string(), fileName: z.string(), mimeType: z.string(), size: z.number().int() }), '已上传'), 413: json(ErrorSchema, '文件过大'), ...conflict, ...errorResponses },
});
const download = createRoute({
  method: 'get', path: '/item-attachments/{id}', tags, summary: '查看佐证',
  middleware: [requireActor] as const, request: { params: IdParam },
  responses: { 200: { description: '文件内容', content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } }, ...errorResponses },
});
const letter = createRoute({
  method: 'get', path: '/letters/{id}', tags, summary: '督办函：文号、主送、正文、落款',
  middleware: [requireActor] as const, request: { params: IdParam },
  responses: { 200: json(LetterSchema, '督办函'), ...errorResponses },
});
const ledger = createRoute({
  method: 'get', path: '/item-ledger', tags, summary: '导出督办台账 .xlsx（督办事项台账、问题台账、整改台账、任务台账）',
  middleware: [requireActor] as const, request: { query: BoardQuerySchema },
  responses: { 200: { description: '台账文件', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) } } }, ...errorResponses },
});
const ImportReportSchema = z
  .object({ committed: z.boolean(), sheet: z.string(), imported: z.number().int(), rejected: z.array(z.object({ row: z.number().int(), reason: z.string() })) })
  .openapi('ItemImportReport');
const importSheet = createRoute({
  method: 'post', path: '/item-ledger/import', tags, summary: '导入任务清单 .xlsx：逐行报告导入或拒绝的原因；有拒绝行时不导入，除非 skipInvalid',
  middleware: [refuseLargeUpload(LEDGER_MAX_BYTES, '文件超过20MB'), requireActor] as const,
  request: {
    body: {
      content: {
        'multipart/form-data': {
          schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }), region: RegionCodeParam, skipInvalid: z.string().max(5).optional(), dryRun: z.string().max(5).optional() }),
        },
      },
      required: true,
    },
  },
  responses: { 200: json(ImportReportSchema, '导入报告'), 413: json(ErrorSchema, '文件过大'), ...errorResponses },
});

const bool = (v: unknown) => v === 'true' || v === '1' || v === 'on';

export const supervisionRoutes = createRouter()
  .openapi(board, async (c) => {
    const { db, now } = c.get('deps');
    const q = c.req.valid('query');
    return c.json(await itemBoard(db, { ...q, meeting: q.meeting === undefined ? undefined : q.meeting === 'true' }, c.get('actor'), now()), 200);
  })
  .openapi(create, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(await createItem(db, c.req.valid('json'), c.get('actor'), now()), 201);
  })
  .openapi(read, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(await getItem(db, c.req.valid('param').id, c.get('actor'), now(), c.req.valid('query').on), 200);
  })
  .openapi(edit, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(await editItem(db, c.req.valid('param').id, c.req.valid('json'), c.get('actor'), now()), 200);
  })
  .openapi(assign, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(await assignItem(db, c.req.valid('param').id, c.req.valid('json'), c.get('actor'), now()), 200);
  })
  .openapi(receive, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(await receiveItem(db, c.req.valid('param').id, c.req.valid('json'), c.get('actor'), now()), 200);
  })
  .openapi(progress, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(await reportProgress(db, c.req.valid('param').id, c.req.valid('json'), c.get('actor'), now()), 200);
  })
  .openapi(plan, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(await setItemPlan(db, c.req.valid('param').id, c.req.valid('json'), c.get('actor'), now()), 200);
  })
  .openapi(askClose, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(await requestClose(db, c.req.valid('param').id, c.req.valid('json'), c.get('actor'), now()), 200);
  })
  .openapi(close, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(await closeItem(db, c.req.valid('param').id, c.req.valid('json'), c.get('actor'), now()), 200);
  })
  .openapi(sendBack, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(await returnItem(db, c.req.valid('param').id, c.req.valid('json'), c.get('actor'), now()), 200);
  })
  .openapi(extend, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(await extendItem(db, c.req.valid('param').id, c.req.valid('json'), c.get('actor'), now()), 200);
  })
  .openapi(reopen, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(await reopenItem(db, c.req.valid('param').id, c.req.valid('json'), c.get('actor'), now()), 200);
  })
  .openapi(instruct, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(await instructItem(db, c.req.valid('param').id, c.req.valid('json'), c.get('actor'), now()), 200);
  })
  .openapi(upload, async (c) => {
    const { db, now } = c.get('deps');
    const file = (c.req.valid('form') as { file?: unknown } | undefined)?.file;
    if (!(file instanceof File)) throw invalidInput([{ field: 'file', message: '请选择要上传的照片或文件' }]);
    if (file.size > EVIDENCE_MAX_BYTES) throw tooLarge(TOO_LARGE);
    const meta = await addItemEvidence(db, c.req.valid('param').id, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, c.get('actor'), now());
    return c.json({ id: meta.id, fileName: meta.fileName, mimeType: meta.mimeType, size: meta.size }, 201);
  })
  .openapi(download, async (c) => {
    const file = await getItemEvidence(c.get('deps').db, c.req.valid('param').id, c.get('actor'));
    return c.body(new Uint8Array(file.content), 200, {
      'content-type': file.mimeType,
      'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'cache-control': 'private, max-age=3600',
    });
  })
  .openapi(letter, async (c) => c.json(await getLetter(c.get('deps').db, c.req.valid('param').id, c.get('actor')), 200))
  .openapi(ledger, async (c) => {
    const { db, now } = c.get('deps');
    const q = c.req.valid('query');
    const file = await exportItemLedger(db, { ...q, meeting: q.meeting === undefined ? undefined : q.meeting === 'true' }, c.get('actor'), now());
    return c.body(new Uint8Array(file.buffer), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    });
  })
  .openapi(importSheet, async (c) => {
    const { db, now } = c.get('deps');
    const form = c.req.valid('form') as { file?: unknown; region?: string; skipInvalid?: string; dryRun?: string };
    if (!(form.file instanceof File)) throw invalidInput([{ field: 'file', message: '请选择任务清单文件' }]);
    if (form.file.size > LEDGER_MAX_BYTES) throw tooLarge('文件超过20MB');
    const report = await importItemSheet(
      db,
      { region: String(form.region ?? ''), file: Buffer.from(await form.file.arrayBuffer()), skipInvalid: bool(form.skipInvalid), dryRun: bool(form.dryRun) },
      c.get('actor'),
      now(),
    );
    return c.json(report, 200);
  });
