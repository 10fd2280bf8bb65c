// The audit trail over HTTP: a page of it and its export, for administrators (access is checked in the service).

import { createRoute, z } from '@hono/zod-openapi';
import { AUDIT_ACTIONS, type AuditAction } from '../../domain/audit/audit-actions.ts';
import { ROLES } from '../../domain/access.ts';
import { exportAudit, listAudit } from '../../services/audit/audit-trail.ts';
import { createRouter } from '../env.ts';
import { requireActor } from '../middleware/auth.ts';
import { errorResponses, json, PageQuery } from './common.schema.ts';

const tags = ['审计日志'];
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).openapi({ example: '2026-12-07' });
const Filters = z.object({
  region: z.string().regex(/^\d{6}$/).optional().openapi({ description: '县（区）代码；不填为本地区全部' }),
  from: Day.optional(),
  to: Day.optional(),
  action: z.enum(AUDIT_ACTIONS as [AuditAction, ...AuditAction[]]).optional(),
  actor: z.string().min(1).max(64).optional().openapi({ description: '操作人账号 id' }),
  subjectKind: z.string().min(1).max(40).optional(),
  subjectId: z.string().min(1).max(200).optional(),
});
const Fields = z.record(z.string(), z.unknown()).nullable();
const AuditEventSchema = z.object({
  id: z.string(),
  regionCode: z.string().nullable(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable().openapi({ description: '空为系统（日历、命令行）' }),
  actorRole: z.enum(ROLES).nullable(),
  roleLabel: z.string().nullable(),
  address: z.string().nullable(),
  action: z.enum(AUDIT_ACTIONS as [AuditAction, ...AuditAction[]]),
  actionLabel: z.string(),
  subjectKind: z.string(),
  subjectId: z.string(),
  before: Fields,
  after: Fields,
});

const list = createRoute({
  method: 'get', path: '/audit', tags, summary: '审计日志：谁在何时从何处改了什么（修改前、修改后），新的在前（管理员）',
  middleware: [requireActor] as const,
  request: { query: Filters.extend(PageQuery) },
  responses: { 200: json(z.object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), events: z.array(AuditEventSchema) }), '审计日志'), ...errorResponses },
});
const exportRoute = createRoute({
  method: 'get', path: '/audit/export', tags, summary: '导出审计日志（.xlsx，北京时间，管理员）',
  middleware: [requireActor] as const, request: { query: Filters },
  responses: { 200: { description: '审计日志', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) } } }, ...errorResponses },
});

export const auditRoutes = createRouter()
  .openapi(list, async (c) => c.json(await listAudit(c.get('deps').db, c.req.valid('query'), c.get('actor')), 200) as never)
  .openapi(exportRoute, async (c) => {
    const file = await exportAudit(c.get('deps').db, c.req.valid('query'), c.get('actor'));
    return c.body(new Uint8Array(file.content), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="audit.xlsx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    }) as never;
  });
