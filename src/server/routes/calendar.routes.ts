// A round on today's calendar over HTTP: the county's current month (read, pinned), a deadline extended, a closed round
// reopened for one unit and locked again, and a reporter's own work. The rules are in the services.

import { createRoute, z } from '@hono/zod-openapi';
import { getCurrentMonth, pinCurrentMonth } from '../../services/current-month.ts';
import { extendDeadline, relockUnit, reopenForUnit } from '../../services/round/deadlines.ts';
import { getReporterWork } from '../../services/round/reporter-work.ts';
import { createRouter } from '../env.ts';
import { requireActor } from '../middleware/auth.ts';
import { CurrentMonthSchema, ExtendBodySchema, PinCurrentMonthBodySchema, ReopenBodySchema, ReporterWorkSchema } from './calendar.schema.ts';
import { ErrorSchema, errorResponses, json } from './common.schema.ts';
import { RoundSchema } from './rounds.schema.ts';

const tags = ['月报'];
const conflict = { 409: json(ErrorSchema, '当前状态不允许：已关闭、仍在填报、尚有待审核等') };
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const RoundUnitParams = z.object({ id: z.string().min(1).max(64), unitId: z.string().min(1).max(64) });

const readCurrent = createRoute({
  method: 'get', path: '/current-month', tags, summary: '本县的当前月份（各页面默认的截至月份）及仍在填报的月报完成度',
  middleware: [requireActor] as const, request: { query: z.object({ region: z.string().regex(/^\d{6}$/).openapi({ example: '140423' }) }) },
  responses: { 200: json(CurrentMonthSchema, '当前月份'), ...errorResponses },
});
const pinCurrent = createRoute({
  method: 'put', path: '/current-month', tags, summary: '指定本县的当前月份，或恢复按最近关闭的月报（本县调度员）',
  middleware: [requireActor] as const, request: body(PinCurrentMonthBodySchema),
  responses: { 200: json(CurrentMonthSchema, '当前月份'), ...errorResponses },
});
const myWork = createRoute({
  method: 'get', path: '/my-work', tags, summary: '填报员的本单位工作台：应报、逾期、退回、提醒、本单位项目及其月报状态',
  middleware: [requireActor] as const,
  responses: { 200: json(ReporterWorkSchema, '本单位工作'), ...errorResponses },
});
const extend = createRoute({
  method: 'post', path: '/rounds/{id}/deadline', tags, summary: '延长截止时间（调度员；只能延后）',
  middleware: [requireActor] as const, request: { params: z.object({ id: z.string().min(1).max(64) }), ...body(ExtendBodySchema) },
  responses: { 200: json(RoundSchema, '已延长'), ...conflict, ...errorResponses },
});
const reopen = createRoute({
  method: 'post', path: '/rounds/{id}/units/{unitId}/reopen', tags, summary: '为一个单位重新开放已关闭的月报：该单位未通过的月报可补报，其他单位仍锁定',
  middleware: [requireActor] as const, request: { params: RoundUnitParams, ...body(ReopenBodySchema) },
  responses: { 200: json(RoundSchema, '已重新开放'), ...conflict, ...errorResponses },
});
const relock = createRoute({
  method: 'post', path: '/rounds/{id}/units/{unitId}/relock', tags, summary: '重新锁定为该单位开放的月报（没有待审核的月报时）',
  middleware: [requireActor] as const, request: { params: RoundUnitParams },
  responses: { 200: json(RoundSchema, '已锁定'), ...conflict, ...errorResponses },
});

export const calendarRoutes = createRouter()
  .openapi(readCurrent, async (c) => c.json(await getCurrentMonth(c.get('deps').db, c.req.valid('query').region, c.get('actor')), 200))
  .openapi(pinCurrent, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(await pinCurrentMonth(db, c.req.valid('json'), c.get('actor'), now()), 200);
  })
  .openapi(myWork, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(await getReporterWork(db, c.get('actor'), now()), 200);
  })
  .openapi(extend, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(await extendDeadline(db, c.req.valid('param').id, c.req.valid('json'), c.get('actor'), now()), 200);
  })
  .openapi(reopen, async (c) => {
    const { db, now } = c.get('deps');
    const { id, unitId } = c.req.valid('param');
    return c.json(await reopenForUnit(db, id, unitId, c.req.valid('json'), c.get('actor'), now()), 200);
  })
  .openapi(relock, async (c) => {
    const { db, now } = c.get('deps');
    const { id, unitId } = c.req.valid('param');
    return c.json(await relockUnit(db, id, unitId, c.get('actor'), now()), 200);
  });
