// The pool analysis of a region and month.

import { createRoute, z } from '@hono/zod-openapi';
import { poolSummary } from '../../services/pool-summary.ts';
import { requireActor } from '../middleware/auth.ts';
import { createRouter } from '../env.ts';
import { presentPoolSummary } from '../presenters/pool.presenter.ts';
import { errorResponses, json, MonthParam, RegionCodeParam } from './common.schema.ts';
import { PoolSummarySchema } from './pool.schema.ts';

const getPool = createRoute({
  method: 'get',
  path: '/pool',
  tags: ['项目库'],
  summary: '项目库分析：续建/新建、开工率/复工率、累计完成投资，按乡镇、产业链、包联领导、责任单位分组',
  middleware: [requireActor] as const,
  request: {
    query: z.object({
      region: RegionCodeParam,
      asOf: MonthParam,
      breakdowns: z.enum(['true', 'false']).optional().openapi({ description: '是否返回分组明细' }),
    }),
  },
  responses: { 200: json(PoolSummarySchema, '项目库分析'), ...errorResponses },
});

export const poolRoutes = createRouter().openapi(getPool, async (c) => {
  const q = c.req.valid('query');
  const summary = await poolSummary(c.get('deps').db, { region: q.region, asOf: q.asOf, breakdowns: q.breakdowns === 'true' }, c.get('actor'));
  return c.json(presentPoolSummary(summary), 200);
});
