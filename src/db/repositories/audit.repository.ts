// The audit trail's rows: appended, listed newest first, read in pages for an export, and pruned only past retention.
// Nothing here edits a row: the database refuses that anyway (migration 2026-12-07T0900-audit-trail).

import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Role } from '../../domain/access.ts';
import { pruneRefusal, type AuditAction, type AuditFields } from '../../domain/audit/audit-actions.ts';
import { cstInstant, type Day } from '../../domain/months.ts';
import { invalidInput } from '../../domain/errors.ts';
import type { AuditEventTable, Database } from '../schema.ts';

type Db = Kysely<Database>;

export interface AuditEvent {
  id: string;
  regionCode: string | null;
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: Role | null;
  address: string | null;
  action: AuditAction;
  subjectKind: string;
  subjectId: string;
  before: AuditFields | null;
  after: AuditFields | null;
}

/** Which rows a list or an export reads. `scope` is a county-code prefix ('' for every row, also those of no region). */
export interface AuditFilter {
  scope: string;
  region?: string | null;
  fromAt?: string | null;
  toAt?: string | null;
  action?: AuditAction | null;
  actorId?: string | null;
  subjectKind?: string | null;
  subjectId?: string | null;
}

const parse = (text: string | null): AuditFields | null => (text === null ? null : (JSON.parse(text) as AuditFields));

function toEvent(r: AuditEventTable): AuditEvent {
  return {
    id: r.id,
    regionCode: r.region_code,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    actorRole: r.actor_role,
    address: r.address,
    action: r.action,
    subjectKind: r.subject_kind,
    subjectId: r.subject_id,
    before: parse(r.before_json),
    after: parse(r.after_json),
  };
}

export async function insertAuditEvents(db: Db, events: readonly AuditEvent[]): Promise<void> {
  for (let i = 0; i < events.length; i += 200) {
    await db
      .insertInto('audit_event')
      .values(
        events.slice(i, i + 200).map((e) => ({
          id: e.id,
          region_code: e.regionCode,
          at: e.at,
          actor_id: e.actorId,
          actor_name: e.actorName,
          actor_role: e.actorRole,
          address: e.address,
          action: e.action,
          subject_kind: e.subjectKind,
          subject_id: e.subjectId,
          before_json: e.before === null ? null : JSON.stringify(e.before),
          after_json: e.after === null ? null : JSON.stringify(e.after),
        })),
      )
      .execute();
  }
}

function filtered<O>(qb: SelectQueryBuilder<Database, 'audit_event', O>, f: AuditFilter): SelectQueryBuilder<Database, 'audit_event', O> {
  return qb
    .$if(f.scope !== '', (q) => q.where('region_code', 'like', `${f.scope}%`))
    .$if(!!f.region, (q) => q.where('region_code', '=', f.region!))
    .$if(!!f.fromAt, (q) => q.where('at', '>=', f.fromAt!))
    .$if(!!f.toAt, (q) => q.where('at', '<', f.toAt!))
    .$if(!!f.action, (q) => q.where('action', '=', f.action!))
    .$if(!!f.actorId, (q) => q.where('actor_id', '=', f.actorId!))
    .$if(!!f.subjectKind, (q) => q.where('subject_kind', '=', f.subjectKind!))
    .$if(!!f.subjectId, (q) => q.where('subject_id', '=', f.subjectId!));
}

/** One page of the rows, newest first, and how many rows the filter matches in all. */
export async function listAuditEvents(db: Db, f: AuditFilter, page: { limit: number; offset: number }): Promise<{ total: number; events: AuditEvent[] }> {
  const [count, rows] = await Promise.all([
    filtered(db.selectFrom('audit_event'), f).select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
    filtered(db.selectFrom('audit_event').selectAll(), f).orderBy('at', 'desc').orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute(),
  ]);
  return { total: Number(count.n), events: rows.map(toEvent) };
}

/** Every row the filter matches, newest first, read a chunk at a time so an export of years holds little in memory. */
export async function* iterateAuditEvents(db: Db, f: AuditFilter, chunk = 500): AsyncGenerator<AuditEvent> {
  let after: { at: string; id: string } | null = null;
  for (;;) {
    const last: { at: string; id: string } | null = after;
    const rows = await filtered(db.selectFrom('audit_event').selectAll(), f)
      .$if(last !== null, (q) => q.where((eb) => eb.or([eb('at', '<', last!.at), eb.and([eb('at', '=', last!.at), eb('id', '<', last!.id)])])))
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(chunk)
      .execute();
    for (const r of rows) yield toEvent(r);
    if (rows.length < chunk) return;
    after = { at: rows.at(-1)!.at, id: rows.at(-1)!.id };
  }
}

/**
 * Removes the rows from before a day (China Standard Time), refused for a day inside the retention.
 * @returns how many rows were removed
 */
export async function pruneOlderThan(db: Db, before: Day, now: Date): Promise<number> {
  const refusal = pruneRefusal(before, now);
  if (refusal) throw invalidInput([{ field: 'before', message: refusal }]);
  const r = await db.deleteFrom('audit_event').where('at', '<', cstInstant(before)).executeTakeFirst();
  return Number(r.numDeletedRows);
}
