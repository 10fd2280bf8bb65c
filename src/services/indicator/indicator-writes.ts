// Every write of an indicator's value or target (typed, imported, drawn from the pool, confirmed from a report, removed)
// goes through here, so each leaves its row in the audit trail with the figure before and after, in one transaction.

import type { Actor } from '../../domain/access.ts';
import type { AuditAction, AuditFields } from '../../domain/audit/audit-actions.ts';
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

function valueFields(v: { value: number; officialYoy: number | null }): AuditFields {
  return { value: v.value, officialYoy: v.officialYoy === null ? null : fromPpm(toPpm(v.officialYoy)) };
}
function targetFields(t: { kind: string; value: number; upper?: number | null; qualifier?: string | null }): AuditFields {
  return { kind: t.kind, value: t.value, upper: t.upper ?? null, qualifier: t.qualifier ?? null };
}

/** The stored values of some keys, as the trail records them, by subject id. */
async function storedValues(db: Db, keys: readonly ValueKey[]): Promise<Map<string, AuditFields>> {
  if (keys.length === 0) return new Map();
  const months = keys.map((k) => k.month).sort();
  const rows = await findValues(db, { regions: [...new Set(keys.map((k) => k.region))], fromMonth: months[0]!, toMonth: months.at(-1)!, indicators: [...new Set(keys.map((k) => k.indicator))] });
  return new Map(rows.map((r) => [valueId(r), valueFields(r)]));
}

async function storedTargets(db: Db, keys: readonly TargetKey[]): Promise<Map<string, AuditFields>> {
  const out = new Map<string, AuditFields>();
  for (const year of new Set(keys.map((k) => k.year))) {
    const inYear = keys.filter((k) => k.year === year);
    for (const t of await findTargets(db, { regions: [...new Set(inYear.map((k) => k.region))], year, indicators: [...new Set(inYear.map((k) => k.indicator))] })) out.set(targetId(t), targetFields(t));
  }
  return out;
}

/** What differs between values and targets as the trail records them; the writing and the recording are the same. */
interface Kind<K, W extends K> {
  subjectKind: string;
  set: AuditAction;
  remove: AuditAction;
  id(k: K): string;
  fields(row: W): AuditFields;
  stored(db: Db, keys: readonly K[]): Promise<Map<string, AuditFields>>;
  upsert(db: Db, writes: readonly W[]): Promise<void>;
  delete(db: Db, key: K): Promise<boolean>;
}

const VALUES: Kind<ValueKey, ValueWrite> = {
  subjectKind: 'indicatorValue',
  set: 'indicator.value.set',
  remove: 'indicator.value.delete',
  id: valueId,
  fields: valueFields,
  stored: storedValues,
  upsert: upsertValues,
  delete: deleteValue,
};

const TARGETS: Kind<TargetKey, TargetWrite> = {
  subjectKind: 'indicatorTarget',
  set: 'indicator.target.set',
  remove: 'indicator.target.delete',
  id: targetId,
  fields: targetFields,
  stored: storedTargets,
  upsert: upsertTargets,
  delete: deleteTarget,
};

async function write<K extends { region: string }, W extends K>(kind: Kind<K, W>, db: Db, writes: readonly W[], actor: Actor, now: Date): Promise<void> {
  await inTransaction(db, async (trx) => {
    const before = await kind.stored(trx, writes);
    await kind.upsert(trx, writes);
    const entries = writes.map((w) => ({ action: kind.set, regionCode: countyOf(w.region), subjectKind: kind.subjectKind, subjectId: kind.id(w), before: before.get(kind.id(w)) ?? null, after: kind.fields(w) }));
    await recordAudit(trx, actor, entries, now);
  });
}

async function remove<K extends { region: string }, W extends K>(kind: Kind<K, W>, db: Db, key: K, actor: Actor, now: Date): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const before = (await kind.stored(trx, [key])).get(kind.id(key));
    if (!(await kind.delete(trx, key))) return false;
    await recordAudit(trx, actor, [{ action: kind.remove, regionCode: countyOf(key.region), subjectKind: kind.subjectKind, subjectId: kind.id(key), before: before ?? null, after: null }], now);
    return true;
  });
}

/** Inserts or replaces values, recording each that changed. */
export const writeIndicatorValues = (db: Db, writes: readonly ValueWrite[], actor: Actor, now: Date) => write(VALUES, db, writes, actor, now);
/** Inserts or replaces targets, recording each that changed. */
export const writeIndicatorTargets = (db: Db, writes: readonly TargetWrite[], actor: Actor, now: Date) => write(TARGETS, db, writes, actor, now);
/** Removes a value, recording what it was. @returns whether there was one */
export const removeIndicatorValue = (db: Db, key: ValueKey, actor: Actor, now: Date) => remove(VALUES, db, key, actor, now);
/** Removes a target, recording what it was. @returns whether there was one */
export const removeIndicatorTarget = (db: Db, key: TargetKey, actor: Actor, now: Date) => remove(TARGETS, db, key, actor, now);
