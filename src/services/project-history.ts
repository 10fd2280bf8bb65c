// The history of a project: which fields a change touched, before → after, one entry per field, each field named from
// the domain's vocabulary (domain/project/history-field.ts) so the project page can say it in words.

import { historyFieldName, YEAR_FIELDS, type HistoryField } from '../domain/project/history-field.ts';
import { EDITABLE_FIELDS, type Project, type ProjectYear } from '../domain/project/project.ts';
import { newId } from '../db/transaction.ts';
import type { HistoryEntry } from '../db/repositories/project.repository.ts';

// A list (the leaders' ids) is recorded comma-separated, an empty one as nothing.
function show(v: unknown): string | null {
  if (Array.isArray(v)) return v.length === 0 ? null : v.join(',');
  return v === null || v === undefined ? null : String(v);
}

/** One history entry: what changed, from what to what (stored as text), by whom (null for the system) and when. */
export function historyEntry(projectId: string, field: HistoryField, before: unknown, after: unknown, userId: string | null, changedAt: string): HistoryEntry {
  return { id: newId(), projectId, changedAt, userId, field: historyFieldName(field), before: show(before), after: show(after) };
}

/** The entry that opens every project's history: its creation, under its name. */
export function createdEntry(project: Pick<Project, 'id' | 'name'>, userId: string | null, changedAt: string): HistoryEntry {
  return historyEntry(project.id, { kind: 'created' }, null, project.name, userId, changedAt);
}

/** One history entry for every field and year-figure that differs between two states of a project. */
export function diffProject(
  before: Project & { years: readonly ProjectYear[] },
  after: Project & { years: readonly ProjectYear[] },
  userId: string | null,
  changedAt: string,
): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  const add = (field: HistoryField, b: unknown, a: unknown) => {
    if (show(b) !== show(a)) entries.push(historyEntry(after.id, field, b, a, userId, changedAt));
  };
  for (const field of EDITABLE_FIELDS) add({ kind: 'field', field }, before[field], after[field]);
  const years = new Set([...before.years, ...after.years].map((y) => y.year));
  for (const year of [...years].sort()) {
    const b = before.years.find((y) => y.year === year);
    const a = after.years.find((y) => y.year === year);
    for (const field of YEAR_FIELDS) add({ kind: 'year', year, field }, b?.[field], a?.[field]);
  }
  return entries;
}
