// Problems a unit raises in its monthly report (存在问题) are supervision items: each line waits on the board for the
// dispatcher to assign it (待交办). Saving the form again replaces the lines not yet assigned; an item already
// assigned stays on the board whatever the form says next, since it is followed there now.

import type { ItemStatus } from '../../domain/supervision/item.ts';
import { deleteUnassignedItems, findReportItems, insertEvents, insertItems } from '../../db/repositories/supervision.repository.ts';
import type { Db } from '../../db/transaction.ts';
import { newItem, openingEvents } from './items.ts';

/** A problem as the report's page lists it: open until its item is closed out, with the item's own status. */
export interface ReportProblem {
  id: string;
  description: string;
  status: 'open' | 'closed';
  itemStatus: ItemStatus;
  unitId: string | null;
  raisedAt: string;
}

export async function reportProblems(db: Db, reportId: string): Promise<ReportProblem[]> {
  return (await findReportItems(db, reportId)).map((i) => ({
    id: i.id,
    description: i.description ?? i.title,
    status: i.status === 'closed' ? 'closed' : 'open',
    itemStatus: i.status,
    unitId: i.unitId,
    raisedAt: i.raisedAt,
  }));
}

/**
 * Makes the report's problems the lines given: a line already raised keeps its item, a new line becomes an item
 * 待交办 of the report's unit and project, and an unassigned item whose line is gone is taken back.
 */
export async function syncReportProblems(
  db: Db,
  report: { id: string; regionCode: string; projectId: string; unitId: string | null },
  lines: readonly string[],
  at: string,
  by: string | null,
): Promise<void> {
  const existing = await findReportItems(db, report.id);
  const text = (d: string | null, t: string) => (d ?? t).trim();
  const wanted = [...new Set(lines.map((l) => l.trim()).filter(Boolean))];
  const kept = new Set(existing.map((i) => text(i.description, i.title)));
  await deleteUnassignedItems(db, existing.filter((i) => i.status === 'raised' && !wanted.includes(text(i.description, i.title))).map((i) => i.id));
  // Lines raised together are a millisecond apart, so the board lists them in the order the form gave them.
  const stamp = (i: number) => new Date(Date.parse(at) + i).toISOString();
  const added = wanted
    .filter((line) => !kept.has(line))
    .map((line, i) =>
      newItem(
        {
          regionCode: report.regionCode,
          kind: 'problem',
          title: line.length > 200 ? `${line.slice(0, 199)}…` : line,
          description: line,
          source: 'report',
          sourceReportId: report.id,
          level: 'ordinary',
          projectId: report.projectId,
          unitId: report.unitId,
        },
        stamp(i),
        by,
      ),
    );
  await insertItems(db, added);
  await insertEvents(db, added.flatMap((i) => openingEvents(i, i.description)));
}
