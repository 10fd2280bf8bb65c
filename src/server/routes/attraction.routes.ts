// Attraction (招商引资): leads and their life, the funnel, targets, overdue timers, 三个一批 batches, news candidates,
// and the leads ledger in and out of Excel. Access is checked in the services.

import { createRoute, z } from '@hono/zod-openapi';
import { invalidInput } from '../../domain/errors.ts';
import { yearQuery } from '../../domain/validation.ts';
import { attachToBatch, createBatch, detachFromBatch, listBatches } from '../../services/attraction/batches.ts';
import { convertLead } from '../../services/attraction/convert-lead.ts';
import { attractionFunnel, confirmAttractionTargets, getAttractionTargets, proposeAttractionTargets } from '../../services/attraction/funnel.ts';
import { listOverdueLeads } from '../../services/attraction/lead-sla.ts';
import { createLead, cstToday, getLead, listLeadViews, moveLead, recordFollowUp, updateLead, viewsOf } from '../../services/attraction/leads.ts';
import { exportLeads, importLeads } from '../../services/attraction/leads-file.ts';
import { acceptCandidate, listCandidates, rejectCandidate, submitNews } from '../../services/attraction/news.ts';
import { LEDGER_MAX_BYTES } from '../../services/import-ledger.ts';
import { requireActor } from '../middleware/auth.ts';
import { refuseLargeUpload, tooLarge } from '../middleware/upload-limit.ts';
import { createRouter } from '../env.ts';
import { presentFunnel, presentLeadView } from '../presenters/attraction.presenter.ts';
import { ErrorSchema, errorResponses, json, RegionCodeParam } from './common.schema.ts';
import {
  AcceptBodySchema, BatchAttachBodySchema, BatchCreateBodySchema, BatchDetachBodySchema, BatchListQuerySchema, BatchListSchema, BatchSchema, CandidateListSchema,
  CandidateQuerySchema, CandidateSchema, FunnelQuerySchema, FunnelSchema, LeadConvertBodySchema, LeadCreateBodySchema, LeadDetailSchema, LeadFollowUpBodySchema,
  LeadListQuerySchema, LeadListSchema, LeadMoveBodySchema, LeadSchema, LeadUpdateBodySchema, NewsBodySchema, OverdueSchema, TargetProposalsSchema, TargetsBodySchema,
  TargetsReadBodySchema, TargetsSchema,
} from './attraction.schema.ts';

const IdParam = z.object({ id: z.string().min(1).max(64) });
const tags = ['招商引资'];
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } } } });

const r = {
  funnel: createRoute({ method: 'get', path: '/attraction/funnel', tags, summary: '招商漏斗：线索、洽谈、签约、开工、投产的到达数与现处数及金额，履约率、开工落地率、投产率、资金到位率、达效率，目标对照，按来源地、单位、产业链、小分队、乡镇分组', middleware: [requireActor] as const, request: { query: FunnelQuerySchema }, responses: { 200: json(FunnelSchema, '招商漏斗'), ...errorResponses } }),
  leads: createRoute({ method: 'get', path: '/leads', tags, summary: '招商线索台账', middleware: [requireActor] as const, request: { query: LeadListQuerySchema }, responses: { 200: json(LeadListSchema, '线索'), ...errorResponses } }),
  create: createRoute({ method: 'post', path: '/leads', tags, summary: '登记线索', middleware: [requireActor] as const, request: body(LeadCreateBodySchema), responses: { 201: json(LeadSchema, '已登记'), ...errorResponses } }),
  read: createRoute({ method: 'get', path: '/leads/{id}', tags, summary: '线索详情：阶段、依据、跟进、历史、时限、转入的项目', middleware: [requireActor] as const, request: { params: IdParam }, responses: { 200: json(LeadDetailSchema, '线索详情'), ...errorResponses } }),
  edit: createRoute({ method: 'patch', path: '/leads/{id}', tags, summary: '修改线索（逐字段记入历史）', middleware: [requireActor] as const, request: { params: IdParam, ...body(LeadUpdateBodySchema) }, responses: { 200: json(LeadSchema, '修改后的线索'), 409: json(ErrorSchema, '已被他人修改'), ...errorResponses } }),
  move: createRoute({ method: 'post', path: '/leads/{id}/moves', tags, summary: '推进阶段或终止：注明日期和依据，只能向前', middleware: [requireActor] as const, request: { params: IdParam, ...body(LeadMoveBodySchema) }, responses: { 200: json(LeadSchema, '推进后的线索'), ...errorResponses } }),
  followUp: createRoute({ method: 'post', path: '/leads/{id}/follow-ups', tags, summary: '记录跟进：响应、研判、答复推荐人、进展报告', middleware: [requireActor] as const, request: { params: IdParam, ...body(LeadFollowUpBodySchema) }, responses: { 200: json(LeadSchema, '跟进后的线索'), ...errorResponses } }),
  convert: createRoute({ method: 'post', path: '/leads/{id}/convert', tags, summary: '已签约线索转为项目库项目（不需重新录入）', middleware: [requireActor] as const, request: { params: IdParam, ...body(LeadConvertBodySchema) }, responses: { 201: json(z.object({ lead: LeadSchema, projectId: z.string() }), '已转为项目'), 409: json(ErrorSchema, '已转过'), ...errorResponses } }),
  overdue: createRoute({ method: 'get', path: '/leads/overdue', tags, summary: '超时未跟进的线索（1日响应、3日研判、7日答复推荐人、每2周报告进展）', middleware: [requireActor] as const, request: { query: LeadListQuerySchema }, responses: { 200: json(OverdueSchema, '逾期线索'), ...errorResponses } }),
  exportLeads: createRoute({ method: 'get', path: '/leads/export', tags, summary: '导出线索台账（.xlsx，万元）', middleware: [requireActor] as const, request: { query: z.object({ region: RegionCodeParam }) }, responses: { 200: { description: '线索台账', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) } } }, ...errorResponses } }),
  importLeads: createRoute({ method: 'post', path: '/leads/import', tags, summary: '导入线索台账（.xlsx）：预览或导入，逐行报告', middleware: [refuseLargeUpload(LEDGER_MAX_BYTES, '文件过大，不能超过 20 MB'), requireActor] as const, request: { query: z.object({ region: RegionCodeParam, skipInvalid: z.enum(['true', 'false']).optional(), commit: z.enum(['true', 'false']) }), body: { content: { 'multipart/form-data': { schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }) } }, required: true } }, responses: { 200: json(z.object({ committed: z.boolean(), imported: z.number().int(), rejected: z.array(z.object({ row: z.number().int(), reason: z.string() })), sheet: z.string(), rows: z.array(z.object({ row: z.number().int(), action: z.enum(['new', 'rejected']), name: z.string(), reason: z.string().optional() })) }), '导入报告'), 413: json(ErrorSchema, '文件过大'), ...errorResponses } }),
  targets: createRoute({ method: 'get', path: '/attraction/targets', tags, summary: '招商目标', middleware: [requireActor] as const, request: { query: z.object({ region: RegionCodeParam, year: yearQuery() }) }, responses: { 200: json(TargetsSchema, '招商目标'), ...errorResponses } }),
  readTargets: createRoute({ method: 'post', path: '/attraction/targets/read', tags, summary: '从工作报告文字中识别招商目标（亿元以上项目个数、总投资、开工落地率）', middleware: [requireActor] as const, request: body(TargetsReadBodySchema), responses: { 200: json(TargetProposalsSchema, '识别出的目标'), ...errorResponses } }),
  putTargets: createRoute({ method: 'put', path: '/attraction/targets', tags, summary: '确认招商目标', middleware: [requireActor] as const, request: body(TargetsBodySchema), responses: { 200: json(TargetsSchema, '确认后的目标'), ...errorResponses } }),
  batches: createRoute({ method: 'get', path: '/batches', tags, summary: '“三个一批”活动及跟踪：项目数、总投资、预计年产值，开工率、投产率、达效率', middleware: [requireActor] as const, request: { query: BatchListQuerySchema }, responses: { 200: json(BatchListSchema, '活动'), ...errorResponses } }),
  createBatch: createRoute({ method: 'post', path: '/batches', tags, summary: '新建“三个一批”活动', middleware: [requireActor] as const, request: body(BatchCreateBodySchema), responses: { 201: json(BatchSchema, '已新建'), ...errorResponses } }),
  attach: createRoute({ method: 'post', path: '/batches/{id}/items', tags, summary: '把项目或线索列入活动（签约/开工/投产一批）', middleware: [requireActor] as const, request: { params: IdParam, ...body(BatchAttachBodySchema) }, responses: { 200: json(BatchSchema, '活动'), ...errorResponses } }),
  detach: createRoute({ method: 'post', path: '/batches/{id}/items/remove', tags, summary: '从活动中移出项目或线索', middleware: [requireActor] as const, request: { params: IdParam, ...body(BatchDetachBodySchema) }, responses: { 200: json(BatchSchema, '活动'), ...errorResponses } }),
  news: createRoute({ method: 'post', path: '/news', tags, summary: '读取新闻，提出候选线索', middleware: [requireActor] as const, request: body(NewsBodySchema), responses: { 200: json(CandidateListSchema, '候选线索'), ...errorResponses } }),
  candidates: createRoute({ method: 'get', path: '/news/candidates', tags, summary: '新闻候选线索', middleware: [requireActor] as const, request: { query: CandidateQuerySchema }, responses: { 200: json(CandidateListSchema, '候选线索'), ...errorResponses } }),
  accept: createRoute({ method: 'post', path: '/news/candidates/{id}/accept', tags, summary: '采纳（可先修改）：登记为线索，来源为该新闻', middleware: [requireActor] as const, request: { params: IdParam, ...body(AcceptBodySchema) }, responses: { 200: json(z.object({ candidate: CandidateSchema, lead: LeadSchema }), '已采纳'), 409: json(ErrorSchema, '已处理'), ...errorResponses } }),
  reject: createRoute({ method: 'post', path: '/news/candidates/{id}/reject', tags, summary: '舍弃候选线索', middleware: [requireActor] as const, request: { params: IdParam }, responses: { 200: json(CandidateSchema, '已舍弃'), ...errorResponses } }),
};

/** A lead as the API returns it, with where it stands today. */
async function leadOut(db: Parameters<typeof viewsOf>[0], lead: Parameters<typeof viewsOf>[1][number], now: Date) {
  const [view] = await viewsOf(db, [lead], cstToday(now));
  return presentLeadView(view!);
}

export const attractionRoutes = createRouter()
  .openapi(r.funnel, async (c) => {
    const { db, now } = c.get('deps');
    const q = c.req.valid('query');
    return c.json(presentFunnel(await attractionFunnel(db, { region: q.region, year: q.year, on: q.on }, c.get('actor'), now())), 200);
  })
  .openapi(r.overdue, async (c) => {
    const { db, now } = c.get('deps');
    const q = c.req.valid('query');
    return c.json({ day: q.on ?? cstToday(now()), overdue: await listOverdueLeads(db, q, c.get('actor'), now()) }, 200);
  })
  .openapi(r.exportLeads, async (c) => {
    const { db, now } = c.get('deps');
    const file = await exportLeads(db, { region: c.req.valid('query').region }, c.get('actor'), now());
    return c.body(new Uint8Array(file.buffer), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="leads.xlsx"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    }) as never;
  })
  .openapi(r.importLeads, async (c) => {
    const { db, now } = c.get('deps');
    const q = c.req.valid('query');
    const file = (c.req.valid('form') as { file?: unknown } | undefined)?.file;
    if (!(file instanceof Blob)) throw invalidInput([{ field: 'file', message: '请选择要导入的线索台账文件' }]);
    if (file.size > LEDGER_MAX_BYTES) throw tooLarge('文件过大，不能超过 20 MB');
    const report = await importLeads(db, { file: Buffer.from(await file.arrayBuffer()), regionCode: q.region, skipInvalid: q.skipInvalid === 'true', commit: q.commit === 'true', fileName: file instanceof File ? file.name : undefined }, c.get('actor'), now());
    return c.json(report, 200);
  })
  .openapi(r.leads, async (c) => {
    const { db, now } = c.get('deps');
    const q = c.req.valid('query');
    const views = await listLeadViews(db, q, c.get('actor'), now());
    return c.json({ day: q.on ?? cstToday(now()), leads: views.map(presentLeadView) }, 200);
  })
  .openapi(r.create, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(await leadOut(db, await createLead(db, c.req.valid('json'), c.get('actor'), now()), now()), 201);
  })
  .openapi(r.read, async (c) => {
    const { db, now } = c.get('deps');
    const d = await getLead(db, c.req.valid('param').id, c.get('actor'), now());
    return c.json({ lead: presentLeadView(d), events: d.events, history: d.history, project: d.project, canEdit: d.canEdit, day: d.day }, 200);
  })
  .openapi(r.edit, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(await leadOut(db, await updateLead(db, c.req.valid('param').id, c.req.valid('json'), c.get('actor'), now()), now()), 200);
  })
  .openapi(r.move, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(await leadOut(db, await moveLead(db, c.req.valid('param').id, c.req.valid('json'), c.get('actor'), now()), now()), 200);
  })
  .openapi(r.followUp, async (c) => {
    const { db, now } = c.get('deps');
    const id = c.req.valid('param').id;
    await recordFollowUp(db, id, c.req.valid('json'), c.get('actor'), now());
    return c.json(presentLeadView(await getLead(db, id, c.get('actor'), now())), 200);
  })
  .openapi(r.convert, async (c) => {
    const { db, now } = c.get('deps');
    const { lead, project } = await convertLead(db, c.req.valid('param').id, c.req.valid('json'), c.get('actor'), now());
    return c.json({ lead: await leadOut(db, lead, now()), projectId: project.id }, 201);
  })
  .openapi(r.targets, async (c) => {
    return c.json({ targets: await getAttractionTargets(c.get('deps').db, c.req.valid('query'), c.get('actor')) }, 200);
  })
  .openapi(r.readTargets, async (c) => c.json(proposeAttractionTargets(c.req.valid('json'), c.get('actor')), 200))
  .openapi(r.putTargets, async (c) => {
    const { db, now } = c.get('deps');
    return c.json({ targets: await confirmAttractionTargets(db, c.req.valid('json'), c.get('actor'), now()) }, 200);
  })
  .openapi(r.batches, async (c) => {
    const { db, now } = c.get('deps');
    const q = c.req.valid('query');
    return c.json(await listBatches(db, { region: q.region, year: q.year ?? null, on: q.on }, c.get('actor'), now()), 200);
  })
  .openapi(r.createBatch, async (c) => {
    const { db, now } = c.get('deps');
    const b = await createBatch(db, c.req.valid('json'), c.get('actor'));
    return c.json(await attachToBatch(db, b.id, { kind: 'signed' }, c.get('actor'), now()), 201);
  })
  .openapi(r.attach, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(await attachToBatch(db, c.req.valid('param').id, c.req.valid('json'), c.get('actor'), now()), 200);
  })
  .openapi(r.detach, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(await detachFromBatch(db, c.req.valid('param').id, c.req.valid('json'), c.get('actor'), now()), 200);
  })
  .openapi(r.news, async (c) => {
    const { db, now } = c.get('deps');
    return c.json({ candidates: await submitNews(db, c.req.valid('json'), c.get('actor'), now()) }, 200);
  })
  .openapi(r.candidates, async (c) => c.json({ candidates: await listCandidates(c.get('deps').db, c.req.valid('query'), c.get('actor')) }, 200))
  .openapi(r.accept, async (c) => {
    const { db, now } = c.get('deps');
    const { candidate, lead } = await acceptCandidate(db, c.req.valid('param').id, c.req.valid('json'), c.get('actor'), now());
    return c.json({ candidate, lead: await leadOut(db, lead, now()) }, 200);
  })
  .openapi(r.reject, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(await rejectCandidate(db, c.req.valid('param').id, c.get('actor'), now()), 200);
  });
