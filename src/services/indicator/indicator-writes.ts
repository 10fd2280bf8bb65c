// Every write of an indicator's value or target (typed, imported, drawn from the pool, confirmed from a report, removed)
// goes through here, so each leaves its row in the audit trail with the figure before and after, in one transaction.

import type { Actor } from '../../domain/access.ts';
import type { AuditFields } from '../../domain/audit/audit-actions.ts';
import type { IndicatorCode } from '../../domain/indicator/catalogue.ts';
import { deleteTarget, deleteValue, findTargets, findValues, fromPpm, toPpm, upsertTargets, upsertValues, type TargetWrite, type ValueWrite } from '../../db/repositories/indicator.repository.ts';
import { inTransaction, type Db } from '../../db/transaction.ts';
import { recordAudit } from '../audit/record-audit.ts';

type ValueKey = { indicator: IndicatorCode; region: string; month: string };
type TargetKey = { indicator: IndicatorCode; region: string; year: number };

const valueId = (k: ValueKey) => `${k.indicator}:${k.region}:${k.month}`;
const targetId = (k: TargetKey) => `${k.indicator}:${k.region}:${k.year}`;
/** A township's figures belong to its county's trail. */
const countyOf = (region: string) => region.slice(0, 6);

function valueFields(v: { value: number; officialYoy: number | null } | undefined): AuditFields | null {
  return v ? { value: v.value, officialYoy: v.officialYoy === null ? null : fromPpm(toPpm(v.officialYoy)) } : null;
}
function targetFields(t: { kind: string; value: number; upper?: number | null; qualifier?: string | null } | undefined): AuditFields | null {
  return t ? { kind: t.kind, value: t.value, upper: t.upper ?? null, qualifier: t.qualifier ?? null } : null;
}

async function storedValues(db: Db, keys: readonly ValueKey[]) {
  if (keys.length === 0) return new Map<string, { value: number; officialYoy: number | null }>();
  const months = keys.map((k) => k.month).sort();
  const rows = await findValues(db, { regions: [...new Set(keys.map((k) => k.region))], fromMonth: months[0]!, toMonth: months.at(-1)!, indicators: [...new Set(keys.map((k) => k.indicator))] });
  return new Map(rows.map((r) => [valueId(r), r]));
}

async function storedTargets(db: Db, keys: readonly TargetKey[]) {
  const out = new Map<string, TargetWrite | Awaited<ReturnType<typeof findTargets>>[number]>();
  for (const year of new Set(keys.map((k) => k.year))) {
    const inYear = keys.filter((k) => k.year === year);
    for (const t of await findTargets(db, { regions: [...new Set(inYear.map((k) => k.region))], year, indicators: [...new Set(inYear.map((k) => k.indicator))] })) out.set(targetId(t), t);
  }
  return out;
}

/** Inserts or replaces values, recording each that changed. */
export async function writeIndicatorValues(db: Db, writes: readonly ValueWrite[], actor: Actor, now: Date): Promise<void> {
  await inTransaction(db, async (trx) => {
    const before = await storedValues(trx, writes);
    await upsertValues(trx, writes);
    const entries = writes.map((w) => ({ action: 'indicator.value.set' as const, regionCode: countyOf(w.region), subjectKind: 'indicatorValue', subjectId: valueId(w), before: valueFields(before.get(valueId(w))), after: valueFields(w) }));
    await recordAudit(trx, actor, entries, now);
  });
}

/** Inserts or replaces targets, recording each that changed. */
export async function writeIndicatorTargets(db: Db, writes: readonly TargetWrite[], actor: Actor, now: Date): Promise<void> {
  await inTransaction(db, async (trx) => {
    const before = await storedTargets(trx, writes);
    await upsertTargets(trx, writes);
    const entries = writes.map((w) => ({ action: 'indicator.target.set' as const, regionCode: countyOf(w.region), subjectKind: 'indicatorTarget', subjectId: targetId(w), before: targetFields(before.get(targetId(w))), after: targetFields(w) }));
    await recordAudit(trx, actor, entries, now);
  });
}

/** Removes a value, recording what it was. @returns whether there was one */
export async function removeIndicatorValue(db: Db, key: ValueKey, actor: Actor, now: Date): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const before = (await storedValues(trx, [key])).get(valueId(key));
    if (!(await deleteValue(trx, key))) return false;
    await recordAudit(trx, actor, [{ action: 'indicator.value.delete', regionCode: countyOf(key.region), subjectKind: 'indicatorValue', subjectId: valueId(key), before: valueFields(before), after: null }], now);
    return true;
  });
}

/** Removes a target, recording what it was. @returns whether there was one */
export async function removeIndicatorTarget(db: Db, key: TargetKey, actor: Actor, now: Date): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const before = (await storedTargets(trx, [key])).get(targetId(key));
    if (!(await deleteTarget(trx, key))) return false;
    await recordAudit(trx, actor, [{ action: 'indicator.target.delete', regionCode: countyOf(key.region), subjectKind: 'indicatorTarget', subjectId: targetId(key), before: targetFields(before), after: null }], now);
    return true;
  });
}
