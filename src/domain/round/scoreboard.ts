// Who is late: each unit's counts in a round, and its timeliness over a year, defined once so every screen agrees.

import { instantMs } from '../months.ts';
import type { ReportStatus } from './round.ts';

/** What the scoreboard needs to know of one report. */
export interface ReportForScore {
  unitId: string;
  status: ReportStatus;
  /** When the report was first submitted; it keeps this time when returned and resubmitted. */
  firstSubmittedAt: string | null;
  /** How many times the dispatcher has sent it back. */
  returnedCount?: number;
}

/**
 * One unit's row of a round's scoreboard. Every count is a number of reports, except `returnCount`.
 * Two partitions hold, so the columns always add up:
 * - by state:  submitted + returned + pending + missing = due;
 * - by time:   onTime + late + pending + missing = due.
 */
export interface UnitScore {
  unitId: string;
  /** Reports the unit must file this round (one per project of its pool). */
  due: number;
  /** Reports in the dispatcher's hands: submitted or approved, including those returned once and resubmitted. */
  submitted: number;
  /** Approved reports (a part of `submitted`). */
  approved: number;
  /** Reports currently back with the unit after a return: status returned, or saved back to draft after one. */
  returned: number;
  /** Reports first submitted after the deadline, whatever their state now. */
  late: number;
  /** Reports first submitted at or before the deadline, whatever their state now. */
  onTime: number;
  /** Reports never submitted, once the deadline has passed. */
  missing: number;
  /** Reports never submitted while the deadline has not passed yet. */
  pending: number;
  /** How many times the unit's reports were returned in all (a report returned twice counts twice). */
  returnCount: number;
  /** onTime ÷ due once the deadline has passed; null before it, or with nothing due. */
  timelinessRate: number | null;
}

/** The unit id of the total row. */
export const TOTAL_UNIT_ID = '*';

/**
 * The scoreboard of one round: one row per unit, in the order units first appear in `reports`.
 * The deadline has passed when `now` is after it (a report submitted at the deadline is on time).
 * Add the total row with {@link scoreboardTotal}.
 */
export function roundScoreboard(reports: readonly ReportForScore[], deadline: string, now: Date): UnitScore[] {
  const passed = instantMs(now) > instantMs(deadline);
  const due = instantMs(deadline);
  const rows = new Map<string, UnitScore>();
  for (const r of reports) {
    let row = rows.get(r.unitId);
    if (!row) {
      row = emptyScore(r.unitId);
      rows.set(r.unitId, row);
    }
    row.due += 1;
    row.returnCount += r.returnedCount ?? 0;
    if (r.firstSubmittedAt === null) {
      if (passed) row.missing += 1;
      else row.pending += 1;
      continue;
    }
    if (instantMs(r.firstSubmittedAt) > due) row.late += 1;
    else row.onTime += 1;
    if (r.status === 'submitted' || r.status === 'approved') row.submitted += 1;
    else row.returned += 1;
    if (r.status === 'approved') row.approved += 1;
  }
  const out = [...rows.values()];
  for (const row of out) row.timelinessRate = rate(row, passed);
  return out;
}

/** The total row of a scoreboard: every count summed, the rate recomputed from the sums (never averaged). */
export function scoreboardTotal(scores: readonly UnitScore[], deadline: string, now: Date): UnitScore {
  const total = emptyScore(TOTAL_UNIT_ID);
  for (const s of scores) {
    for (const key of COUNT_KEYS) total[key] += s[key];
  }
  total.timelinessRate = rate(total, instantMs(now) > instantMs(deadline));
  return total;
}

/** A unit's timeliness over a year. */
export interface UnitTimeliness {
  unitId: string;
  /** Rounds whose deadline has passed that had reports of this unit. */
  rounds: number;
  /** Reports due in those rounds. */
  due: number;
  onTime: number;
  late: number;
  missing: number;
  /** onTime ÷ due; null when nothing was due yet. */
  timelinessRate: number | null;
}

/**
 * Each unit's timeliness over the rounds of a year: on-time reports ÷ reports due, counting only
 * rounds whose deadline has passed (a round still running would count its pending reports as failures).
 * Units seen only in running rounds are listed with nothing due and a null rate.
 */
export function yearTimeliness(
  rounds: readonly { deadline: string; reports: readonly ReportForScore[] }[],
  now: Date,
): UnitTimeliness[] {
  const rows = new Map<string, UnitTimeliness>();
  for (const round of rounds) {
    const passed = instantMs(now) > instantMs(round.deadline);
    for (const s of roundScoreboard(round.reports, round.deadline, now)) {
      let row = rows.get(s.unitId);
      if (!row) {
        row = { unitId: s.unitId, rounds: 0, due: 0, onTime: 0, late: 0, missing: 0, timelinessRate: null };
        rows.set(s.unitId, row);
      }
      if (!passed) continue;
      row.rounds += 1;
      row.due += s.due;
      row.onTime += s.onTime;
      row.late += s.late;
      row.missing += s.missing;
    }
  }
  const out = [...rows.values()];
  for (const row of out) row.timelinessRate = row.due === 0 ? null : row.onTime / row.due;
  return out;
}

const COUNT_KEYS = ['due', 'submitted', 'approved', 'returned', 'late', 'onTime', 'missing', 'pending', 'returnCount'] as const;

function emptyScore(unitId: string): UnitScore {
  return { unitId, due: 0, submitted: 0, approved: 0, returned: 0, late: 0, onTime: 0, missing: 0, pending: 0, returnCount: 0, timelinessRate: null };
}

function rate(row: UnitScore, passed: boolean): number | null {
  return passed && row.due > 0 ? row.onTime / row.due : null;
}
