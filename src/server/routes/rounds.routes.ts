// The monthly round over HTTP: rounds, reports, review, corrections, the scoreboard, evidence and notices.
// Every rule is in the services; these routes only read the request and shape the answer.

import { createRoute, z } from '@hono/zod-openapi';
import { invalidInput } from '../../domain/errors.ts';
import { EVIDENCE_MAX_BYTES } from '../../domain/round/evidence.ts';
import { CORRECTION_STATUSES, ROUND_SETTING_RANGES } from '../../domain/round/round.ts';
import { wholeNumber } from '../../domain/validation.ts';
import { decideCorrection, listCorrections, requestCorrection } from '../../services/round/corrections.ts';
import { addEvidence, getEvidence } from '../../services/round/evidence.ts';
import { configureUnitWebhook, listNotices, WebhookBodySchema } from '../../services/round/notices.ts';
import { getReport, listRoundReports, saveReport, submitReport } from '../../services/round/reports.ts';
import { approveReport, approveUnit, returnReport } from '../../services/round/review.ts';
import { closeRound, getRound, getRoundSettings, listRounds, openRound, updateRoundSettings } from '../../services/round/rounds.ts';
import { exportRound } from '../../services/round/export-round.ts';
import { getRoundScoreboard, getYearTimeliness } from '../../services/round/scoreboard.ts';
import { createRouter } from '../env.ts';
import { refuseLargeUpload, tooLarge } from '../middleware/upload-limit.ts';
import { presentCorrection, presentOpenedRound, presentReport, presentReportPage, presentRound } from '../presenters/round.presenter.ts';
import { requireActor } from '../middleware/auth.ts';
import { ErrorSchema, errorResponses, json, RegionCodeParam } from './common.schema.ts';
import {
  CorrectionBodySchema,
  CorrectionDecisionBodySchema,
  CorrectionSchema,
  NoticeSchema,
  OpenedRoundSchema,
  OpenRoundBodySchema,
  ReportBodySchema,
  ReportListQuerySchema,
  ReportPageSchema,
  ReportSchema,
  ReturnBodySchema,
  RoundListQuerySchema,
  RoundSchema,
  ScoreboardSchema,
  TimelinessSchema,
} from './rounds.schema.ts';

const IdParam = z.object({ id: z.string().min(1).max(64) });
const tags = ['月报'];
const conflict = { 409: json(ErrorSchema, '当前状态不允许：已提交、已关闭、已被他人修改等') };
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });

const list = createRoute({
  method: 'get', path: '/rounds', tags, summary: '月报轮次列表（新的在前），含各状态份数',
  middleware: [requireActor] as const, request: { query: RoundListQuerySchema },
  responses: { 200: json(z.object({ rounds: z.array(RoundSchema) }), '月报轮次'), ...errorResponses },
});
const open = createRoute({
  method: 'post', path: '/rounds', tags, summary: '开启某县某月的月报（调度员）',
  middleware: [requireActor] as const, request: body(OpenRoundBodySchema),
  responses: { 201: json(OpenedRoundSchema, '已开启，并说明截止时间如何确定'), ...conflict, ...errorResponses },
});
const read = createRoute({
  method: 'get', path: '/rounds/{id}', tags, summary: '一轮月报',
  middleware: [requireActor] as const, request: { params: IdParam },
  responses: { 200: json(RoundSchema, '月报轮次'), ...errorResponses },
});
const close = createRoute({
  method: 'post', path: '/rounds/{id}/close', tags, summary: '关闭月报：已通过的数据锁定，此后只能更正',
  middleware: [requireActor] as const, request: { params: IdParam },
  responses: { 200: json(RoundSchema, '已关闭'), ...conflict, ...errorResponses },
});
const reports = createRoute({
  method: 'get', path: '/rounds/{id}/reports', tags, summary: '本轮月报（填报员只看本单位），含审核提示',
  middleware: [requireActor] as const, request: { params: IdParam, query: ReportListQuerySchema },
  responses: { 200: json(z.object({ reports: z.array(ReportSchema) }), '月报'), ...errorResponses },
});
const approveAll = createRoute({
  method: 'post', path: '/rounds/{id}/units/{unitId}/approve', tags, summary: '整单位审核通过（该单位全部已提交的月报）',
  middleware: [requireActor] as const, request: { params: IdParam.extend({ unitId: z.string().min(1).max(64) }) },
  responses: { 200: json(z.object({ approved: z.number().int() }), '通过的份数'), ...conflict, ...errorResponses },
});
const scoreboard = createRoute({
  method: 'get', path: '/rounds/{id}/scoreboard', tags, summary: '各单位填报情况：应报、已报、通过、退回、逾期、未报',
  middleware: [requireActor] as const, request: { params: IdParam },
  responses: { 200: json(ScoreboardSchema, '填报情况'), ...errorResponses },
});
const exportRoute = createRoute({
  method: 'get', path: '/rounds/{id}/export', tags, summary: '导出本轮月报数据（.xlsx）',
  middleware: [requireActor] as const, request: { params: IdParam },
  responses: { 200: { description: 'Excel 文件', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) } } }, ...errorResponses },
});
const timeliness = createRoute({
  method: 'get', path: '/timeliness', tags, summary: '全年各单位按时率',
  middleware: [requireActor] as const, request: { query: z.object({ region: z.string().regex(/^\d{6}$/), year: z.coerce.number().int().min(2000).max(2100) }) },
  responses: { 200: json(TimelinessSchema, '按时率'), ...errorResponses },
});
const readReport = createRoute({
  method: 'get', path: '/reports/{id}', tags, summary: '一份月报：数据、三项完成投资、审核提示、附件、问题',
  middleware: [requireActor] as const, request: { params: IdParam },
  responses: { 200: json(ReportPageSchema, '月报'), ...errorResponses },
});
const save = createRoute({
  method: 'put', path: '/reports/{id}', tags, summary: '保存月报（草稿或退回后修改）',
  middleware: [requireActor] as const, request: { params: IdParam, ...body(ReportBodySchema) },
  responses: { 200: json(ReportPageSchema, '已保存'), ...conflict, ...errorResponses },
});
const submit = createRoute({
  method: 'post', path: '/reports/{id}/submit', tags, summary: '提交月报（可同时带上表单数据）',
  middleware: [requireActor] as const, request: { params: IdParam, body: { content: { 'application/json': { schema: ReportBodySchema } }, required: false } },
  responses: { 200: json(ReportPageSchema, '已提交'), ...conflict, ...errorResponses },
});
const approve = createRoute({
  method: 'post', path: '/reports/{id}/approve', tags, summary: '审核通过：数据进入项目库',
  middleware: [requireActor] as const, request: { params: IdParam },
  responses: { 200: json(ReportPageSchema, '已通过'), ...conflict, ...errorResponses },
});
const sendBack = createRoute({
  method: 'post', path: '/reports/{id}/return', tags, summary: '退回月报，说明原因',
  middleware: [requireActor] as const, request: { params: IdParam, ...body(ReturnBodySchema) },
  responses: { 200: json(ReportPageSchema, '已退回'), ...conflict, ...errorResponses },
});
const askCorrection = createRoute({
  method: 'post', path: '/reports/{id}/corrections', tags, summary: '申请更正已通过的当月完成投资（说明原因，待调度员审核）',
  middleware: [requireActor] as const, request: { params: IdParam, ...body(CorrectionBodySchema) },
  responses: { 201: json(CorrectionSchema, '更正申请'), ...conflict, ...errorResponses },
});
const corrections = createRoute({
  method: 'get', path: '/corrections', tags, summary: '更正申请（status=pending 为待审核）',
  middleware: [requireActor] as const, request: { query: z.object({ status: z.enum(CORRECTION_STATUSES).optional(), report: z.string().max(64).optional() }) },
  responses: { 200: json(z.object({ corrections: z.array(CorrectionSchema) }), '更正申请'), ...errorResponses },
});
const decide = createRoute({
  method: 'post', path: '/corrections/{id}/decision', tags, summary: '审核更正：通过后数据与历史随之更新',
  middleware: [requireActor] as const, request: { params: IdParam, ...body(CorrectionDecisionBodySchema) },
  responses: { 200: json(CorrectionSchema, '审核结果'), ...conflict, ...errorResponses },
});

const TOO_LARGE = '文件超过10MB，请压缩后再上传';
const upload = createRoute({
  method: 'post', path: '/reports/{id}/attachments', tags, summary: '上传佐证照片或文件（JPG、PNG、WEBP、HEIC、PDF，10MB以内）',
  middleware: [refuseLargeUpload(EVIDENCE_MAX_BYTES, TOO_LARGE, 64 * 1024), requireActor] as const,
  request: { params: IdParam, body: { content: { 'multipart/form-data': { schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }) } }, required: true } },
  responses: { 201: json(z.object({ id: z.string(), fileName: z.string(), mimeType: z.string(), size: z.number().int() }), '已上传'), 413: json(ErrorSchema, '文件过大'), ...conflict, ...errorResponses },
});
const download = createRoute({
  method: 'get', path: '/attachments/{id}', tags, summary: '查看附件',
  middleware: [requireActor] as const, request: { params: IdParam },
  responses: { 200: { description: '文件内容', content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } }, ...errorResponses },
});
const notices = createRoute({
  method: 'get', path: '/notices', tags, summary: '站内提醒（新的在前）',
  middleware: [requireActor] as const,
  responses: { 200: json(z.object({ notices: z.array(NoticeSchema) }), '提醒'), ...errorResponses },
});
const webhook = createRoute({
  method: 'put', path: '/units/{id}/webhook', tags, summary: '设置单位的钉钉或企业微信群机器人（提醒用）；null 为取消',
  middleware: [requireActor] as const,
  request: { params: IdParam, ...body(WebhookBodySchema) },
  responses: { 204: { description: '已保存' }, ...errorResponses },
});

const SettingsSchema = z
  .object({
    region: RegionCodeParam.openapi({ description: '县级区划代码：月报日历按县设置' }),
    openDay: wholeNumber(...ROUND_SETTING_RANGES.openDay).meta({ description: '次月几日0时自动开启（1–28）', example: 1 }),
    deadlineDay: wholeNumber(...ROUND_SETTING_RANGES.deadlineDay).meta({ description: '次月几日截止（1–28）', example: 5 }),
    deadlineHour: wholeNumber(...ROUND_SETTING_RANGES.deadlineHour).meta({ description: '截止日几点（0–23，北京时间）', example: 18 }),
    graceDays: wholeNumber(...ROUND_SETTING_RANGES.graceDays).meta({ description: '宽限天数', example: 2 }),
    reminderLeadHours: wholeNumber(...ROUND_SETTING_RANGES.reminderLeadHours).meta({ description: '截止前几小时提醒', example: 24 }),
  })
  .openapi('RoundSettings');
const readSettings = createRoute({
  method: 'get', path: '/round-settings', tags, summary: '本县的月报日历：自动开启日、截止时间、宽限期、提前提醒',
  middleware: [requireActor] as const, request: { query: z.object({ region: z.string().regex(/^\d{6}$/).openapi({ example: '140423' }) }) },
  responses: { 200: json(SettingsSchema, '月报日历'), ...errorResponses },
});
const writeSettings = createRoute({
  method: 'put', path: '/round-settings', tags, summary: '修改本县的月报日历（本县管理员、调度员；不影响其他县）',
  middleware: [requireActor] as const, request: body(SettingsSchema.partial().required({ region: true })),
  responses: { 200: json(SettingsSchema, '修改后的月报日历'), ...errorResponses },
});

export const roundRoutes = createRouter()
  .openapi(list, async (c) => {
    const q = c.req.valid('query');
    return c.json({ rounds: (await listRounds(c.get('deps').db, c.get('actor'), { regionCode: q.region, year: q.year })).map(presentRound) }, 200);
  })
  .openapi(open, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(presentOpenedRound(await openRound(db, c.req.valid('json'), c.get('actor'), now())), 201);
  })
  .openapi(read, async (c) => c.json(presentRound(await getRound(c.get('deps').db, c.req.valid('param').id, c.get('actor'))), 200))
  .openapi(close, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(presentRound(await closeRound(db, c.req.valid('param').id, c.get('actor'), now())), 200);
  })
  .openapi(reports, async (c) => {
    const q = c.req.valid('query');
    return c.json({ reports: (await listRoundReports(c.get('deps').db, c.req.valid('param').id, c.get('actor'), { unitId: q.unit, status: q.status })).map(presentReport) }, 200);
  })
  .openapi(approveAll, async (c) => {
    const { db, now } = c.get('deps');
    const { id, unitId } = c.req.valid('param');
    return c.json(await approveUnit(db, id, unitId, c.get('actor'), now()), 200);
  })
  .openapi(scoreboard, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(await getRoundScoreboard(db, c.req.valid('param').id, c.get('actor'), now()), 200);
  })
  .openapi(exportRoute, async (c) => {
    const { fileName, content } = await exportRound(c.get('deps').db, c.req.valid('param').id, c.get('actor'));
    return c.body(new Uint8Array(content), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    });
  })
  .openapi(timeliness, async (c) => {
    const { db, now } = c.get('deps');
    const q = c.req.valid('query');
    return c.json({ rows: await getYearTimeliness(db, q.region, q.year, c.get('actor'), now()) }, 200);
  })
  .openapi(readReport, async (c) => c.json(presentReportPage(await getReport(c.get('deps').db, c.req.valid('param').id, c.get('actor'))), 200))
  .openapi(save, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(presentReportPage(await saveReport(db, c.req.valid('param').id, c.req.valid('json'), c.get('actor'), now())), 200);
  })
  .openapi(submit, async (c) => {
    const { db, now } = c.get('deps');
    // The body is optional: a form already saved is submitted as it stands.
    const input = c.req.header('content-type')?.includes('application/json') ? c.req.valid('json') : {};
    return c.json(presentReportPage(await submitReport(db, c.req.valid('param').id, input, c.get('actor'), now())), 200);
  })
  .openapi(approve, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(presentReportPage(await approveReport(db, c.req.valid('param').id, c.get('actor'), now())), 200);
  })
  .openapi(sendBack, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(presentReportPage(await returnReport(db, c.req.valid('param').id, c.req.valid('json'), c.get('actor'), now())), 200);
  })
  .openapi(askCorrection, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(presentCorrection(await requestCorrection(db, c.req.valid('param').id, c.req.valid('json'), c.get('actor'), now())), 201);
  })
  .openapi(corrections, async (c) => {
    const q = c.req.valid('query');
    return c.json({ corrections: (await listCorrections(c.get('deps').db, c.get('actor'), { status: q.status, reportId: q.report })).map(presentCorrection) }, 200);
  })
  .openapi(decide, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(presentCorrection(await decideCorrection(db, c.req.valid('param').id, c.req.valid('json'), c.get('actor'), now())), 200);
  })
  .openapi(upload, async (c) => {
    const { db, now } = c.get('deps');
    const file = (c.req.valid('form') as { file?: unknown } | undefined)?.file;
    if (!(file instanceof File)) throw invalidInput([{ field: 'file', message: '请选择要上传的照片或文件' }]);
    if (file.size > EVIDENCE_MAX_BYTES) throw tooLarge(TOO_LARGE);
    const meta = await addEvidence(db, c.req.valid('param').id, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, c.get('actor'), now());
    return c.json({ id: meta.id, fileName: meta.fileName, mimeType: meta.mimeType, size: meta.size }, 201);
  })
  .openapi(download, async (c) => {
    const file = await getEvidence(c.get('deps').db, c.req.valid('param').id, c.get('actor'));
    return c.body(new Uint8Array(file.content), 200, {
      'content-type': file.mimeType,
      'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'cache-control': 'private, max-age=3600',
    });
  })
  .openapi(readSettings, async (c) => {
    const { region } = c.req.valid('query');
    return c.json(await getRoundSettings(c.get('deps').db, region, c.get('actor')), 200);
  })
  .openapi(writeSettings, async (c) => c.json(await updateRoundSettings(c.get('deps').db, c.req.valid('json'), c.get('actor')), 200))
  .openapi(notices, async (c) => c.json({ notices: await listNotices(c.get('deps').db, c.get('actor')) }, 200))
  .openapi(webhook, async (c) => {
    await configureUnitWebhook(c.get('deps').db, c.req.valid('param').id, c.req.valid('json'), c.get('actor'));
    return c.body(null, 204);
  });
