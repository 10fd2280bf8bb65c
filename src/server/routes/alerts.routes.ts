// Alerts (预警) over HTTP: the alert centre, a project's own alerts and planned start month, the reserve, the leader's
// 我的项目, and the county's settings of supervision and alerts. Access is checked in the services.

import { createRoute, z } from '@hono/zod-openapi';
import { SupervisionSettingsSchema } from '../../domain/supervision/settings-input.ts';
import { listAlerts } from '../../services/alerts/alerts.ts';
import { leaderView } from '../../services/alerts/leader-view.ts';
import { projectAlerts, setPlannedStart, StartPlanInputSchema } from '../../services/alerts/project-alerts.ts';
import { reserveSummary } from '../../services/alerts/reserve.ts';
import { getSupervisionSettings, saveSupervisionSettings } from '../../services/supervision/settings.ts';
import { createRouter } from '../env.ts';
import { requireActor } from '../middleware/auth.ts';
import { errorResponses, json, MonthParam, RegionCodeParam } from './common.schema.ts';
import { AlertListSchema, AlertQuerySchema, LeaderViewSchema, ProjectAlertsSchema, ReserveSchema, SettingsSchema } from './supervision.schema.ts';

const tags = ['预警'];
const DayParam = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).openapi({ example: '2021-06-10' });
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });

const alerts = createRoute({
  method: 'get', path: '/alerts', tags, summary: '预警清单：截至某月亮灯的项目，每个项目每条规则一条，红灯在前，附理由；督办时限按 on 日判断',
  middleware: [requireActor] as const, request: { query: AlertQuerySchema },
  responses: { 200: json(AlertListSchema, '预警清单'), ...errorResponses },
});
const projectOwn = createRoute({
  method: 'get', path: '/projects/{id}/alerts', tags, summary: '项目的预警、督办事项和计划开工月份',
  middleware: [requireActor] as const,
  request: { params: z.object({ id: z.string().min(1).max(64) }), query: z.object({ asOf: MonthParam, on: DayParam.optional() }) },
  responses: { 200: json(ProjectAlertsSchema, '项目预警'), ...errorResponses },
});
const startPlan = createRoute({
  method: 'put', path: '/projects/{id}/start-plan', tags, summary: '设置新建项目的计划开工月份（开工计划落实到月）；null 为取消',
  middleware: [requireActor] as const, request: { params: z.object({ id: z.string().min(1).max(64) }), ...body(StartPlanInputSchema) },
  responses: { 200: json(z.object({ year: z.number().int(), month: z.string().nullable() }), '已保存'), ...errorResponses },
});
const reserve = createRoute({
  method: 'get', path: '/reserve', tags, summary: '项目储备：在库项目剩余投资、年度任务及剩余、覆盖倍数、缺口、有效投资余额，分项目类别',
  middleware: [requireActor] as const, request: { query: z.object({ region: RegionCodeParam, asOf: MonthParam }) },
  responses: { 200: json(ReserveSchema, '项目储备'), ...errorResponses },
});
const mine = createRoute({
  method: 'get', path: '/my-projects', tags, summary: '我的项目：包联领导的项目及红黄绿灯、未销号和逾期的督办事项（调度员可指定领导）',
  middleware: [requireActor] as const,
  request: { query: z.object({ asOf: MonthParam, on: DayParam.optional(), leader: z.string().max(64).optional(), region: z.string().regex(/^\d{6}$/).optional() }) },
  responses: { 200: json(LeaderViewSchema, '我的项目'), ...errorResponses },
});
const readSettings = createRoute({
  method: 'get', path: '/supervision-settings', tags, summary: '督办和预警设置：工作日或自然日、节假日、督办升级天数、预警阈值、储备覆盖倍数和年度任务',
  middleware: [requireActor] as const, request: { query: z.object({ region: z.string().regex(/^\d{6}$/), year: z.coerce.number().int().min(2000).max(2100) }) },
  responses: { 200: json(SettingsSchema, '设置'), ...errorResponses },
});
const writeSettings = createRoute({
  method: 'put', path: '/supervision-settings', tags, summary: '修改督办和预警设置（管理员、调度员）；未给出的项不变',
  middleware: [requireActor] as const, request: body(SupervisionSettingsSchema),
  responses: { 200: json(SettingsSchema, '修改后的设置'), ...errorResponses },
});

export const alertRoutes = createRouter()
  .openapi(alerts, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(await listAlerts(db, c.req.valid('query'), c.get('actor'), now()), 200);
  })
  .openapi(projectOwn, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(await projectAlerts(db, { id: c.req.valid('param').id, ...c.req.valid('query') }, c.get('actor'), now()), 200);
  })
  .openapi(startPlan, async (c) => c.json(await setPlannedStart(c.get('deps').db, c.req.valid('param').id, c.req.valid('json'), c.get('actor')), 200))
  .openapi(reserve, async (c) => c.json(await reserveSummary(c.get('deps').db, c.req.valid('query'), c.get('actor')), 200))
  .openapi(mine, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(await leaderView(db, c.req.valid('query'), c.get('actor'), now()), 200);
  })
  .openapi(readSettings, async (c) => c.json(await getSupervisionSettings(c.get('deps').db, c.req.valid('query'), c.get('actor')), 200))
  .openapi(writeSettings, async (c) => c.json(await saveSupervisionSettings(c.get('deps').db, c.req.valid('json'), c.get('actor')), 200));
