// Reading the audit trail: administrators, each for the counties of their region, list it page by page and export it.

import { z } from 'zod';
import { canReadAudit, ROLE_LABELS, scopePrefix, type Actor } from '../../domain/access.ts';
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, AUDIT_SUBJECT_LABELS, auditDayBounds, auditFieldsText, NO_ACTOR_LABELS, noActor, type AuditAction } from '../../domain/audit/audit-actions.ts';
import { forbidden, invalidInput } from '../../domain/errors.ts';
import { cstParts, isDay, type Day } from '../../domain/months.ts';
import { parseInput } from '../../domain/validation.ts';
import { iterateAuditEvents, listAuditEvents, pruneOlderThan, type AuditEvent, type AuditFilter } from '../../db/repositories/audit.repository.ts';
import { inTransaction, type Db } from '../../db/transaction.ts';
import { writeCsv } from '../../io/csv-writer.ts';
import { writeTablesWorkbook } from '../../io/tables-workbook.ts';
import { recordAudit } from './record-audit.ts';

const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD');

export const AuditQuerySchema = z
  .object({
    region: z.string().regex(/^\d{6}$/, '应为6位区划代码').optional(),
    from: DaySchema.optional(),
    to: DaySchema.optional(),
    action: z.enum(AUDIT_ACTIONS as [AuditAction, ...AuditAction[]]).optional(),
    actor: z.string().min(1).max(64).optional(),
    subjectKind: z.string().min(1).max(40).optional(),
    subjectId: z.string().min(1).max(200).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict();
export type AuditQuery = z.input<typeof AuditQuerySchema>;
const LABELS = { region: '地区', from: '起始日', to: '截止日', action: '操作', actor: '操作人', page: '页码', pageSize: '每页条数' };

/** A row of the trail as the API shows it, with the words of its action and the account's role. */
export function presentAuditEvent(e: AuditEvent) {
  return { ...e, actionLabel: AUDIT_ACTION_LABELS[e.action], roleLabel: e.actorRole ? ROLE_LABELS[e.actorRole] : null };
}
export type PresentedAuditEvent = ReturnType<typeof presentAuditEvent>;

function filterFor(q: z.output<typeof AuditQuerySchema>, actor: Actor): AuditFilter {
  if (!canReadAudit(actor, q.region ?? null)) throw forbidden('只有本地区的管理员可以查看审计日志');
  const { fromAt, toAt } = auditDayBounds((q.from ?? null) as Day | null, (q.to ?? null) as Day | null);
  return {
    scope: scopePrefix(actor.regionCode),
    region: q.region ?? null,
    fromAt,
    toAt,
    action: q.action ?? null,
    actorId: q.actor ?? null,
    subjectKind: q.subjectKind ?? null,
    subjectId: q.subjectId ?? null,
  };
}

/** One page of the trail, newest first, within the administrator's region. */
export async function listAudit(db: Db, input: unknown, actor: Actor): Promise<{ total: number; page: number; pageSize: number; events: PresentedAuditEvent[] }> {
  const q = parseInput(AuditQuerySchema, input, LABELS);
  const filter = filterFor(q, actor);
  const { total, events } = await listAuditEvents(db, filter, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return { total, page: q.page, pageSize: q.pageSize, events: events.map(presentAuditEvent) };
}

/** '2026-12-07 09:56' in China Standard Time. */
function cstTime(at: string): string {
  const p = cstParts(at);
  return `${p.day} ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}


export const AUDIT_EXPORT_COLUMNS = ['时间', '地区', '操作人', '角色', '地址', '操作', '对象', '对象编号', '修改前', '修改后'];

/** A row of the trail as text in {@link AUDIT_EXPORT_COLUMNS}: the workbook's, the CSV's and the command line's. */
export function auditRowText(e: AuditEvent): string[] {
  return [
    cstTime(e.at),
    e.regionCode ?? '',
    e.actorName ?? NO_ACTOR_LABELS[noActor(e.action)],
    e.actorRole ? ROLE_LABELS[e.actorRole] : '',
    e.address ?? '',
    AUDIT_ACTION_LABELS[e.action],
    AUDIT_SUBJECT_LABELS[e.subjectKind] ?? e.subjectKind,
    e.subjectId,
    auditFieldsText(e.before),
    auditFieldsText(e.after),
  ];
}

async function* auditExportRows(db: Db, input: unknown, actor: Actor): AsyncGenerator<string[]> {
  const q = parseInput(AuditQuerySchema, input, LABELS);
  for await (const e of iterateAuditEvents(db, filterFor(q, actor))) yield auditRowText(e);
}

/** The trail as a workbook (审计日志.xlsx) or a CSV table for an administrator's region and the filters given. */
export async function exportAudit(db: Db, input: unknown, actor: Actor, format: 'xlsx' | 'csv' = 'xlsx'): Promise<{ fileName: string; content: Buffer; rows: number }> {
  const rows: string[][] = [];
  for await (const r of auditExportRows(db, input, actor)) rows.push(r);
  const content =
    format === 'csv' ? writeCsv(AUDIT_EXPORT_COLUMNS, rows) : await writeTablesWorkbook([{ sheet: '审计日志', title: '审计日志（时间为北京时间）', columns: AUDIT_EXPORT_COLUMNS, rows }]);
  return { fileName: `审计日志.${format}`, content, rows: rows.length };
}

/**
 * Removes the rows from before a day, past the retention only, and records that it did. The deployment's own
 * administrator (the command line) may; a region's administrators may not, since the trail watches them too.
 */
export async function pruneAuditTrail(db: Db, before: string, actor: Actor, now: Date): Promise<{ before: string; removed: number }> {
  if (!canReadAudit(actor) || scopePrefix(actor.regionCode) !== '') throw forbidden('只有系统管理员可以清理审计日志');
  if (!isDay(before)) throw invalidInput([{ field: 'before', message: '应为日期 YYYY-MM-DD' }]);
  return inTransaction(db, async (trx) => {
    const removed = await pruneOlderThan(trx, before, now);
    await recordAudit(trx, actor, [{ action: 'audit.prune', regionCode: null, subjectKind: 'auditTrail', subjectId: before, before: null, after: { before, removed } }], now);
    return { before, removed };
  });
}
