// An item as the board, its page, the ledgers and the alerts see it: its fields and names with its 13710 deadlines
// and where it stands against them on a day.

import { dayOf, type Day } from '../../domain/months.ts';
import { escalationKey, timerState, type TimerState } from '../../domain/supervision/timers.ts';
import type { WorkCalendar } from '../../domain/supervision/work-calendar.ts';
import { listItems, takenEscalations, type ItemListRow, type ItemQuery } from '../../db/repositories/supervision.repository.ts';
import type { Db } from '../../db/transaction.ts';
import { loadWorkCalendar } from './settings.ts';

export interface ItemView extends ItemListRow, TimerState {
  /** On the dispatch meeting's list: the deadline it is missing now was escalated that far. */
  onMeetingList: boolean;
}

/** The item on `day`: its deadlines, the one missed or the next ahead, and whether the meeting must take it up. */
export function viewItem(row: ItemListRow, day: Day, cal: WorkCalendar, taken: ReadonlySet<string>): ItemView {
  const state = timerState(row, day, cal);
  const o = state.overdue;
  return { ...row, ...state, onMeetingList: o !== null && taken.has(escalationKey('meeting', o.kind, o.due)) };
}

/**
 * The items a query finds, each judged on `day` by its county's calendar (a city's board spans counties, each with
 * its own calendar).
 */
export async function loadItemViews(db: Db, q: ItemQuery, day: Day): Promise<ItemView[]> {
  const rows = await listItems(db, q);
  const calendars = new Map<string, WorkCalendar>();
  for (const county of new Set(rows.map((r) => r.regionCode))) calendars.set(county, await loadWorkCalendar(db, county));
  const taken = await takenEscalations(db, rows.filter((r) => r.status !== 'closed').map((r) => r.id), 'app');
  return rows.map((r) => viewItem(r, day, calendars.get(r.regionCode)!, taken.get(r.id) ?? new Set()));
}

/** The day timers are judged on: the one asked for, else today in China Standard Time. */
export function timerDay(on: string | undefined, now: Date): Day {
  return on ?? dayOf(now);
}

/** The board's order: overdue first (the longest late first), then the nearest deadline, closed items last. */
export function boardOrder(a: ItemView, b: ItemView): number {
  const rank = (v: ItemView) => (v.overdue ? 0 : v.status === 'closed' ? 2 : 1);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (a.overdue && b.overdue) return b.overdue.daysLate - a.overdue.daysLate || a.overdue.due.localeCompare(b.overdue.due);
  if (a.status === 'closed') return (b.closedOn ?? '').localeCompare(a.closedOn ?? '');
  return (a.next?.due ?? '9999').localeCompare(b.next?.due ?? '9999') || a.raisedAt.localeCompare(b.raisedAt);
}
