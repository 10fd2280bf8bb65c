// 文稿: the work summary drafted from the data, its editions, the county's template, and the files — .docx, PDF through
// LibreOffice, the first page as an image — of the summary and the dispatch pack. Access is checked in the services.

import { createRoute, z } from '@hono/zod-openapi';
import { dayOf } from '../../domain/months.ts';
import { contentDocx, docxPdf, docxPreview } from '../../services/documents/document-files.ts';
import { draftPack, packXlsx } from '../../services/documents/dispatch-pack.ts';
import { draftSummary, getDocumentTemplate, putDocumentTemplateFor } from '../../services/documents/draft-summary.ts';
import { editionDocument, listSummaryEditions, saveEdition } from '../../services/documents/editions.ts';
import { requireActor } from '../middleware/auth.ts';
import { createRouter } from '../env.ts';
import { errorResponses, json } from './common.schema.ts';
import {
  DraftedDocumentSchema,
  EditionListQuerySchema,
  EditionSaveBodySchema,
  EditionSummarySchema,
  EditionViewSchema,
  PackFileQuerySchema,
  SummaryFileQuerySchema,
  SummaryQuerySchema,
  TemplateBodySchema,
  TemplateSchema,
} from './documents.schema.ts';

const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  png: 'image/png',
} as const;

const binary = (description: string, types: (keyof typeof MIME)[]) => ({
  description,
  content: Object.fromEntries(types.map((t) => [MIME[t], { schema: z.string().openapi({ type: 'string', format: 'binary' }) }])),
});

const draft = createRoute({
  method: 'get',
  path: '/documents/summary',
  tags: ['文稿'],
  summary: '工作总结草稿：按数据起草的各段（数字均带来源）、图表与文头文尾',
  middleware: [requireActor] as const,
  request: { query: SummaryQuerySchema },
  responses: { 200: json(DraftedDocumentSchema, '草稿'), ...errorResponses },
});

const summaryFile = createRoute({
  method: 'get',
  path: '/documents/summary/file',
  tags: ['文稿'],
  summary: '工作总结文件：GB/T 9704 格式 .docx，PDF（经 LibreOffice），或第一页预览 PNG；可按已保存版本生成',
  middleware: [requireActor] as const,
  request: { query: SummaryFileQuerySchema },
  responses: { 200: binary('文件', ['docx', 'pdf', 'png']), ...errorResponses },
});

const editions = createRoute({
  method: 'get',
  path: '/documents/editions',
  tags: ['文稿'],
  summary: '工作总结的已保存版本，新的在前',
  middleware: [requireActor] as const,
  request: { query: EditionListQuerySchema },
  responses: { 200: json(z.object({ editions: z.array(EditionSummarySchema) }), '版本列表'), ...errorResponses },
});

const edition = createRoute({
  method: 'get',
  path: '/documents/editions/{id}',
  tags: ['文稿'],
  summary: '打开一个版本：实时数字取最新数据，冻结数字保持不变，并列出变动的数字',
  middleware: [requireActor] as const,
  request: { params: z.object({ id: z.string().min(1).max(64) }) },
  responses: { 200: json(EditionViewSchema, '版本'), ...errorResponses },
});

const save = createRoute({
  method: 'post',
  path: '/documents/editions',
  tags: ['文稿'],
  summary: '保存为新版本：修改后的段落、冻结的数字及说明（管理员、调度员）',
  middleware: [requireActor] as const,
  request: { body: { content: { 'application/json': { schema: EditionSaveBodySchema } } } },
  responses: { 200: json(EditionViewSchema, '保存的版本'), ...errorResponses },
});

const template = createRoute({
  method: 'get',
  path: '/documents/template',
  tags: ['文稿'],
  summary: '本县文稿模板：单位名称、发文字号格式、主送机关、署名（未设置时为默认）',
  middleware: [requireActor] as const,
  request: { query: z.object({ region: z.string().regex(/^\d{6}(\d{3})?$/) }) },
  responses: { 200: json(TemplateSchema, '模板'), ...errorResponses },
});

const putTemplate = createRoute({
  method: 'put',
  path: '/documents/template',
  tags: ['文稿'],
  summary: '设置本县文稿模板（管理员、调度员）',
  middleware: [requireActor] as const,
  request: { body: { content: { 'application/json': { schema: TemplateBodySchema } } } },
  responses: { 200: json(TemplateSchema, '模板'), ...errorResponses },
});

const packFile = createRoute({
  method: 'get',
  path: '/documents/pack/file',
  tags: ['文稿'],
  summary: '调度会材料：主要数据、红灯项目、逾期事项、迟报单位，.docx、.xlsx 或 PDF',
  middleware: [requireActor] as const,
  request: { query: PackFileQuerySchema },
  responses: { 200: binary('文件', ['docx', 'xlsx', 'pdf']), ...errorResponses },
});

function file(body: Buffer, type: keyof typeof MIME, filename: string): Response {
  const fallback = `document.${type}`;
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: {
      'content-type': MIME[type],
      'content-disposition': `${type === 'png' ? 'inline' : 'attachment'}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      'cache-control': 'no-store',
    },
  });
}

async function asFormat(docx: Buffer, format: 'docx' | 'pdf' | 'png', name: string): Promise<Response> {
  switch (format) {
    case 'docx':
      return file(docx, 'docx', `${name}.docx`);
    case 'pdf':
      return file((await docxPdf(docx)).pdf, 'pdf', `${name}.pdf`);
    case 'png':
      return file(await docxPreview(docx), 'png', `${name}.png`);
  }
}

export const documentRoutes = createRouter()
  .openapi(draft, async (c) => {
    const { db, now } = c.get('deps');
    const q = c.req.valid('query');
    return c.json(await draftSummary(db, { region: q.region, asOf: q.asOf, serial: q.serial ? Number(q.serial) : null }, c.get('actor'), now()), 200);
  })
  .openapi(summaryFile, async (c) => {
    const { db, now } = c.get('deps');
    const q = c.req.valid('query');
    const actor = c.get('actor');
    const doc = q.edition ? (await editionDocument(db, { id: q.edition }, actor, now())).document : await draftSummary(db, { region: q.region, asOf: q.asOf, serial: q.serial ? Number(q.serial) : null }, actor, now());
    return asFormat(await contentDocx(doc.content), q.format, doc.content.head.title);
  })
  .openapi(editions, async (c) => {
    const q = c.req.valid('query');
    return c.json({ editions: await listSummaryEditions(c.get('deps').db, q, c.get('actor')) }, 200);
  })
  .openapi(edition, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(await editionDocument(db, { id: c.req.valid('param').id }, c.get('actor'), now()), 200);
  })
  .openapi(save, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(await saveEdition(db, c.req.valid('json'), c.get('actor'), now()), 200);
  })
  .openapi(template, async (c) => c.json(await getDocumentTemplate(c.get('deps').db, c.req.valid('query'), c.get('actor')), 200))
  .openapi(putTemplate, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(await putDocumentTemplateFor(db, c.req.valid('json'), c.get('actor'), now()), 200);
  })
  .openapi(packFile, async (c) => {
    const { db, now } = c.get('deps');
    const q = c.req.valid('query');
    const pack = await draftPack(db, { region: q.region, asOf: q.asOf, on: q.on ?? dayOf(now()), period: q.period }, c.get('actor'), now());
    if (q.format === 'xlsx') return file(await packXlsx(pack), 'xlsx', `${pack.content.head.title}.xlsx`);
    return asFormat(await contentDocx(pack.content), q.format, pack.content.head.title);
  });
