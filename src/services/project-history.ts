// The history of a project: which fields an edit changed, before → after, recorded as one entry per field.

import { EDITABLE_FIELDS, type Project, type ProjectYear } from '../domain/project/project.ts';
import { newId } from '../db/transaction.ts';
import type { HistoryEntry } from '../db/repositories/project.repository.ts';

// A list (the leaders' ids) is recorded comma-separated, an empty one as nothing.
function show(v: unknown): string | null {
  if (Array.isArray(v)) return v.length === 0 ? null : v.join(',');
  return v === null || v === undefined ? null : String(v);
}

/** One history entry for every field and year-figure that differs between two states of a project. */
export function diffProject(
  before: Project & { years: readonly ProjectYear[] },
  after: Project & { years: readonly ProjectYear[] },
  userId: string | null,
  changedAt: string,
): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  const add = (field: string, b: unknown, a: unknown) => {
    if (show(b) !== show(a)) entries.push({ id: newId(), projectId: after.id, changedAt, userId, field, before: show(b), after: show(a) });
  };
  for (const field of EDITABLE_FIELDS) add(field, before[field], after[field]);
  const years = new Set([...before.years, ...after.years].map((y) => y.year));
  for (const year of [...years].sort()) {
    const b = before.years.find((y) => y.year === year);
    const a = after.years.find((y) => y.year === year);
    add(`years.${year}.phase`, b?.phase, a?.phase);
    add(`years.${year}.annualPlan`, b?.annualPlan, a?.annualPlan);
    add(`years.${year}.resumedOn`, b?.resumedOn, a?.resumedOn);
  }
  return entries;
}
