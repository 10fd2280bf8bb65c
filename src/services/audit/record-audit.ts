// Writes the audit trail: called inside the transaction of the change it records, so the two commit or fail together.

import { SYSTEM_ACTOR, type Actor } from '../../domain/access.ts';
import { auditChange, type AuditAction, type AuditFields } from '../../domain/audit/audit-actions.ts';
import { insertAuditEvents } from '../../db/repositories/audit.repository.ts';
import { findUserById } from '../../db/repositories/user.repository.ts';
import { newId, type Db } from '../../db/transaction.ts';

/** One change to record: what, about which subject of which region, and the subject's fields before and after. */
export interface AuditEntry {
  action: AuditAction;
  regionCode: string | null;
  subjectKind: string;
  subjectId: string;
  before: AuditFields | null;
  after: AuditFields | null;
  /** Where the change came from when the actor does not say (a failed sign-in has no actor). */
  address?: string | null;
  /** Fields never stored, only marked as changed (password hashes, signing secrets). */
  secrets?: readonly string[];
}

/**
 * Appends the entries that change something (an update that changes nothing leaves no row), each with who did it, from
 * where and when. `actor` null or the system is written as no account: the calendar or the command line (系统).
 * @example await recordAudit(trx, actor, [{ action: 'indicator.target.set', regionCode: '140423', subjectKind: 'indicatorTarget', subjectId: 'gdp:140423:2021', before: { value: 0.08 }, after: { value: 0.085 } }], now)
 */
export async function recordAudit(db: Db, actor: Actor | null, entries: readonly AuditEntry[], now: Date): Promise<void> {
  const changes = entries.flatMap((e) => {
    const change = auditChange(e.before, e.after, e.secrets);
    return change ? [{ e, change }] : [];
  });
  if (changes.length === 0) return;
  const who = actor && actor.userId !== SYSTEM_ACTOR.userId ? actor : null;
  const name = who ? (who.name ?? (await findUserById(db, who.userId))?.displayName ?? null) : null;
  await insertAuditEvents(
    db,
    changes.map(({ e, change }) => ({
      id: newId(),
      regionCode: e.regionCode,
      at: now.toISOString(),
      actorId: who?.userId ?? null,
      actorName: name,
      actorRole: who?.role ?? null,
      address: (e.address ?? who?.address)?.slice(0, 64) ?? null,
      action: e.action,
      subjectKind: e.subjectKind,
      subjectId: e.subjectId,
      before: change.before,
      after: change.after,
    })),
  );
}
