// Counties of the deployment and each county's townships, units, leaders and chains.

import { createRoute, z } from '@hono/zod-openapi';
import { countyContext, visibleCounties } from '../../services/county-context.ts';
import { requireActor } from '../middleware/auth.ts';
import { createRouter } from '../env.ts';
import { CurrentMonthSchema } from './calendar.schema.ts';
import { errorResponses, json } from './common.schema.ts';

const CountyContextSchema = z
  .object({
    region: z.object({ code: z.string(), name: z.string() }),
    townships: z.array(z.object({ code: z.string(), name: z.string(), isZone: z.boolean() })),
    units: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), townshipCode: z.string().nullable() })),
    leaders: z.array(z.object({ id: z.string(), name: z.string(), title: z.string().nullable(), retiredOn: z.string().nullable().openapi({ description: '离任日期：不再用于新项目' }) })),
    chains: z.array(z.string()),
    currentMonth: CurrentMonthSchema,
  })
  .openapi('CountyContext');

const listCountiesRoute = createRoute({
  method: 'get',
  path: '/counties',
  tags: ['地区'],
  summary: '当前账号可见的县',
  middleware: [requireActor] as const,
  responses: { 200: json(z.object({ counties: z.array(z.object({ code: z.string(), name: z.string() })) }), '县列表'), ...errorResponses },
});

const contextRoute = createRoute({
  method: 'get',
  path: '/counties/{code}/context',
  tags: ['地区'],
  summary: '县的乡镇园区、责任单位、包联领导、产业链、当前月份',
  middleware: [requireActor] as const,
  request: { params: z.object({ code: z.string().regex(/^\d{6}$/).openapi({ example: '140423' }) }) },
  responses: { 200: json(CountyContextSchema, '县的基础信息'), ...errorResponses },
});

export const regionRoutes = createRouter()
  .openapi(listCountiesRoute, async (c) => c.json({ counties: await visibleCounties(c.get('deps').db, c.get('actor')) }, 200))
  .openapi(contextRoute, async (c) => c.json(await countyContext(c.get('deps').db, c.req.valid('param').code, c.get('actor')), 200));
