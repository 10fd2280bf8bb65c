// 入库: a project's status, day, reason and materials checklist; the 开工未入库 list; the statistics office's cut-offs.
// Access is checked in the services.

import { createRoute, z } from '@hono/zod-openapi';
import { changeStatsEntry, getCutOffs, getStatsEntry, listUnentered, setCutOffs } from '../../services/stats-entry.ts';
import { requireActor } from '../middleware/auth.ts';
import { createRouter } from '../env.ts';
import { ErrorSchema, errorResponses, json } from './common.schema.ts';
import {
  AsOfQuerySchema,
  CutOffsBodySchema,
  CutOffsQuerySchema,
  CutOffsSchema,
  StatsEntryChangeBodySchema,
  StatsEntrySchema,
  UnenteredListSchema,
  UnenteredQuerySchema,
} from './stats-entry.schema.ts';
import { presentStatsEntry, presentUnentered } from '../presenters/stats-entry.presenter.ts';

const IdParam = z.object({ id: z.string().min(1).max(64) });

const read = createRoute({
  method: 'get',
  path: '/projects/{id}/stats-entry',
  tags: ['入库'],
  summary: '项目入库情况：状态及日期、不予入库原因、材料清单、开工未入库月数、统计局截止日',
  middleware: [requireActor] as const,
  request: { params: IdParam, query: AsOfQuerySchema },
  responses: { 200: json(StatsEntrySchema, '入库情况'), ...errorResponses },
});

const change = createRoute({
  method: 'patch',
  path: '/projects/{id}/stats-entry',
  tags: ['入库'],
  summary: '修改入库：状态（已报送须材料齐全，不予入库须填原因）、日期、备注、材料勾选；逐项记入项目历史',
  middleware: [requireActor] as const,
  request: { params: IdParam, query: AsOfQuerySchema, body: { content: { 'application/json': { schema: StatsEntryChangeBodySchema } } } },
  responses: { 200: json(StatsEntrySchema, '修改后的入库情况'), 409: json(ErrorSchema, '已被他人修改'), ...errorResponses },
});

const unentered = createRoute({
  method: 'get',
  path: '/stats-entry/unentered',
  tags: ['入库'],
  summary: '开工未入库清单：500万元及以上已开工未入库项目，开工月数与红黄绿灯，等待最久的在前',
  middleware: [requireActor] as const,
  request: { query: UnenteredQuerySchema },
  responses: { 200: json(UnenteredListSchema, '开工未入库清单'), ...errorResponses },
});

const cutOffs = createRoute({
  method: 'get',
  path: '/stats-entry/cut-offs',
  tags: ['入库'],
  summary: '统计局入库截止日：每月材料报送、审核截止日及下一次的日期',
  middleware: [requireActor] as const,
  request: { query: CutOffsQuerySchema },
  responses: { 200: json(CutOffsSchema, '截止日'), ...errorResponses },
});

const putCutOffs = createRoute({
  method: 'put',
  path: '/stats-entry/cut-offs',
  tags: ['入库'],
  summary: '设置本县入库截止日（管理员、调度员）',
  middleware: [requireActor] as const,
  request: { body: { content: { 'application/json': { schema: CutOffsBodySchema } } } },
  responses: { 200: json(CutOffsSchema, '设置后的截止日'), ...errorResponses },
});

export const statsEntryRoutes = createRouter()
  .openapi(read, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(presentStatsEntry(await getStatsEntry(db, { id: c.req.valid('param').id, asOf: c.req.valid('query').asOf }, c.get('actor'), now())), 200);
  })
  .openapi(change, async (c) => {
    const { db, now } = c.get('deps');
    const view = await changeStatsEntry(db, { id: c.req.valid('param').id, change: c.req.valid('json'), asOf: c.req.valid('query').asOf }, c.get('actor'), now());
    return c.json(presentStatsEntry(view), 200);
  })
  .openapi(unentered, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(presentUnentered(await listUnentered(db, c.req.valid('query'), c.get('actor'), now())), 200);
  })
  .openapi(cutOffs, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(await getCutOffs(db, c.req.valid('query'), c.get('actor'), now()), 200);
  })
  .openapi(putCutOffs, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(await setCutOffs(db, c.req.valid('json'), c.get('actor'), now()), 200);
  });
