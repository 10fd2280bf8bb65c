// The fields a project's history names: one typed vocabulary that every writer builds its entries from and the project
// page reads back, so a change recorded anywhere shows in words.

import { isMonth, type Month } from '../months.ts';
import { STATS_ENTRY_MATERIALS, type StatsEntryMaterial } from '../stats-entry/stats-entry.ts';
import { EDITABLE_FIELDS, type EditableField } from './project.ts';

/** The figures a project holds per year, recorded as 'years.2021.annualPlan'. */
export const YEAR_FIELDS = ['phase', 'annualPlan', 'resumedOn'] as const;
export type YearField = (typeof YEAR_FIELDS)[number];

/** The 入库 record's own fields beside the status, recorded as 'statsEntry.on'. */
export const STATS_ENTRY_RECORD_FIELDS = ['on', 'reason', 'notes'] as const;
export type StatsEntryRecordField = (typeof STATS_ENTRY_RECORD_FIELDS)[number];

/** What one history entry changed. */
export type HistoryField =
  /** The project was created; the entry's `after` is its name. */
  | { kind: 'created' }
  /** One of the fields people edit (name, stage, totalInvestment …). */
  | { kind: 'field'; field: EditableField }
  /** A figure of one year. */
  | { kind: 'year'; year: number; field: YearField }
  /** A month's completed investment (an approved report, an approved correction, an imported ledger). */
  | { kind: 'month'; month: Month }
  /** Why an approved month's figure was corrected. */
  | { kind: 'monthReason'; month: Month }
  /** The 入库 record's day, refusal reason or notes. */
  | { kind: 'statsEntry'; field: StatsEntryRecordField }
  /** An item of the 入库 materials checklist: ticked or not, or its note. */
  | { kind: 'material'; item: StatsEntryMaterial; note: boolean };

export type HistoryFieldKind = HistoryField['kind'];
/** Every kind, for tests that each one reads in words. */
export const HISTORY_FIELD_KINDS = ['created', 'field', 'year', 'month', 'monthReason', 'statsEntry', 'material'] as const satisfies readonly HistoryFieldKind[];

/**
 * The stored name of a history field.
 * @example historyFieldName({ kind: 'year', year: 2021, field: 'annualPlan' }) === 'years.2021.annualPlan'
 * @example historyFieldName({ kind: 'month', month: '2021-05' }) === 'months.2021-05.completed'
 */
export function historyFieldName(f: HistoryField): string {
  switch (f.kind) {
    case 'created':
      return 'created';
    case 'field':
      return f.field;
    case 'year':
      return `years.${f.year}.${f.field}`;
    case 'month':
      return `months.${f.month}.completed`;
    case 'monthReason':
      return `months.${f.month}.completed.reason`;
    case 'statsEntry':
      return `statsEntry.${f.field}`;
    case 'material':
      return `statsEntry.materials.${f.item}${f.note ? '.note' : ''}`;
    default: {
      const never: never = f;
      return never;
    }
  }
}

function isOneOf<T extends string>(list: readonly T[], value: string | undefined): value is T {
  return value !== undefined && (list as readonly string[]).includes(value);
}

/**
 * Reads a stored history field name back, or null for a name no writer uses. Three older spellings are still read:
 * 'years.2021' (the annual plan), 'months.2021-05' (a month written by the ledger import before it used this
 * vocabulary) and 'leaderId' (the one 包联领导 a project had before it could have several).
 */
export function parseHistoryField(name: string): HistoryField | null {
  if (name === 'created') return { kind: 'created' };
  if (name === 'leaderId') return { kind: 'field', field: 'leaderIds' };
  if (isOneOf(EDITABLE_FIELDS, name)) return { kind: 'field', field: name };
  const year = /^years\.(\d{4})(?:\.(\w+))?$/.exec(name);
  if (year) {
    const field = year[2] ?? 'annualPlan';
    return isOneOf(YEAR_FIELDS, field) ? { kind: 'year', year: Number(year[1]), field } : null;
  }
  const month = /^months\.(\d{4}-\d{2})(\.completed(\.reason)?)?$/.exec(name);
  if (month) {
    if (!isMonth(month[1]!)) return null;
    return month[3] ? { kind: 'monthReason', month: month[1]! } : { kind: 'month', month: month[1]! };
  }
  const record = /^statsEntry\.(\w+)$/.exec(name);
  if (record) return isOneOf(STATS_ENTRY_RECORD_FIELDS, record[1]) ? { kind: 'statsEntry', field: record[1] } : null;
  const material = /^statsEntry\.materials\.(\w+)(\.note)?$/.exec(name);
  if (material) return isOneOf(STATS_ENTRY_MATERIALS, material[1]) ? { kind: 'material', item: material[1], note: !!material[2] } : null;
  return null;
}
