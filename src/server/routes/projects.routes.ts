// The ledger and the project page: list, read, create, edit, history. Access is checked in the services.

import { createRoute, z } from '@hono/zod-openapi';
import { createProject } from '../../services/create-project.ts';
import { getProject, getProjectHistory } from '../../services/get-project.ts';
import { listProjects } from '../../services/list-projects.ts';
import { CompletenessSchema } from './calendar.schema.ts';
import { updateProject } from '../../services/update-project.ts';
import { requireActor } from '../middleware/auth.ts';
import { createRouter } from '../env.ts';
import { presentHistoryEntry, presentProjectDetail, presentProjectRow } from '../presenters/project.presenter.ts';
import { ErrorSchema, errorResponses, json } from './common.schema.ts';
import {
  HistorySchema,
  ProjectCreateBodySchema,
  ProjectDetailSchema,
  ProjectListItemSchema,
  ProjectListQuerySchema,
  ProjectPatchBodySchema,
} from './projects.schema.ts';

const IdParam = z.object({ id: z.string().min(1).max(64) });

const list = createRoute({
  method: 'get',
  path: '/projects',
  tags: ['项目库'],
  summary: '项目台账：筛选、搜索、排序、分页',
  middleware: [requireActor] as const,
  request: { query: ProjectListQuerySchema },
  responses: {
    200: json(z.object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), rows: z.array(ProjectListItemSchema), completeness: z.array(CompletenessSchema) }), '一页项目'),
    ...errorResponses,
  },
});

const read = createRoute({
  method: 'get',
  path: '/projects/{id}',
  tags: ['项目库'],
  summary: '项目详情',
  middleware: [requireActor] as const,
  request: { params: IdParam },
  responses: { 200: json(ProjectDetailSchema, '项目详情'), ...errorResponses },
});

const create = createRoute({
  method: 'post',
  path: '/projects',
  tags: ['项目库'],
  summary: '新增项目',
  middleware: [requireActor] as const,
  request: { body: { content: { 'application/json': { schema: ProjectCreateBodySchema } } } },
  responses: { 201: json(ProjectDetailSchema, '已新增'), ...errorResponses },
});

const edit = createRoute({
  method: 'patch',
  path: '/projects/{id}',
  tags: ['项目库'],
  summary: '修改项目（逐字段记入历史）',
  middleware: [requireActor] as const,
  request: { params: IdParam, body: { content: { 'application/json': { schema: ProjectPatchBodySchema } } } },
  responses: { 200: json(ProjectDetailSchema, '修改后的项目'), 409: json(ErrorSchema, '已被他人修改'), ...errorResponses },
});

const history = createRoute({
  method: 'get',
  path: '/projects/{id}/history',
  tags: ['项目库'],
  summary: '项目修改历史：谁、何时、哪个字段、改前 → 改后',
  middleware: [requireActor] as const,
  request: { params: IdParam },
  responses: { 200: json(HistorySchema, '修改历史，新的在前'), ...errorResponses },
});

export const projectRoutes = createRouter()
  .openapi(list, async (c) => {
    const q = c.req.valid('query');
    const result = await listProjects(
      c.get('deps').db,
      { ...q, poolOnly: q.poolOnly === undefined ? undefined : q.poolOnly === 'true' },
      c.get('actor'),
    );
    return c.json({ ...result, rows: result.rows.map(presentProjectRow) }, 200);
  })
  .openapi(read, async (c) => c.json(presentProjectDetail(await getProject(c.get('deps').db, c.req.valid('param').id, c.get('actor'))), 200))
  .openapi(create, async (c) => {
    const { db, now } = c.get('deps');
    const project = await createProject(db, c.req.valid('json'), c.get('actor'), now());
    return c.json(presentProjectDetail(await getProject(db, project.id, c.get('actor'))), 201);
  })
  .openapi(edit, async (c) => {
    const { db, now } = c.get('deps');
    const { version, ...patch } = c.req.valid('json');
    const { id } = c.req.valid('param');
    await updateProject(db, { id, patch, expectedVersion: version }, c.get('actor'), now());
    return c.json(presentProjectDetail(await getProject(db, id, c.get('actor'))), 200);
  })
  .openapi(history, async (c) => {
    const entries = await getProjectHistory(c.get('deps').db, c.req.valid('param').id, c.get('actor'));
    return c.json({ entries: entries.map(presentHistoryEntry) }, 200);
  });
