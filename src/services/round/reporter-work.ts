// A reporter's landing: its own unit's work in the rounds it has to fill — what is due, late or returned, its projects'
// reports and its reminders — and nothing of the county's totals.

import type { Actor } from '../../domain/access.ts';
import { forbidden } from '../../domain/errors.ts';
import { addMonths, dayOf, instantMs, monthOfDay, monthYear } from '../../domain/months.ts';
import { isLate, roundSchedule, type ReportStatus, type RoundStatus } from '../../domain/round/round.ts';
import { listUnits } from '../../db/repositories/region.repository.ts';
import { activeReopenings, unitPoolProjects } from '../../db/repositories/round-calendar.repository.ts';
import { findReportViews, findUnitRegion, listRounds, type Round } from '../../db/repositories/round.repository.ts';
import type { Db } from '../../db/transaction.ts';
import { getCurrentMonth } from '../current-month.ts';
import { listNotices } from './notices.ts';
import { loadRoundSettings } from './rounds.ts';

export interface UnitRoundWork {
  roundId: string;
  month: string;
  status: RoundStatus;
  /** A closed round reopened for the unit. */
  reopened: boolean;
  /** The deadline the unit works to (the reopening's, for a reopened round). */
  deadline: string;
  graceUntil: string;
  counts: { due: number; draft: number; submitted: number; approved: number; returned: number; late: number };
}

export interface ReporterWork {
  unitId: string;
  unitName: string;
  regionCode: string;
  /** The rounds the unit has to fill now, the latest month first. */
  rounds: UnitRoundWork[];
  /** When no round is to be filled: when the next one opens by the county's calendar. */
  nextOpensAt: string | null;
  /** The unit's projects with their report in the latest of those rounds (or, with none, the current year's pool). */
  projects: {
    projectId: string;
    projectName: string;
    reportId: string | null;
    month: string | null;
    status: ReportStatus | null;
    late: boolean;
    returnReason: string | null;
    completedMonth: number | null;
  }[];
  notices: { id: string; createdAt: string; text: string; link: string | null }[];
}

/** The county's round of a month opens on the calendar's day of the next month: the first such opening still ahead. */
function nextOpening(rounds: readonly Round[], now: Date, settings: Parameters<typeof roundSchedule>[1]): string {
  const thisMonth = monthOfDay(dayOf(now));
  for (const month of [addMonths(thisMonth, -1), thisMonth]) {
    const opensAt = roundSchedule(month, settings).opensAt;
    if (instantMs(opensAt) > instantMs(now) && !rounds.some((r) => r.month === month)) return opensAt;
  }
  return roundSchedule(addMonths(thisMonth, 1), settings).opensAt;
}

/**
 * A reporter's own work. Refused to anyone but a reporter with a unit: the others' landing is the county's dashboard,
 * and a reporter never gets the county's totals here or anywhere.
 */
export async function getReporterWork(db: Db, actor: Actor, now: Date = new Date()): Promise<ReporterWork> {
  if (actor.role !== 'reporter' || !actor.unitId) throw forbidden('本单位工作台只属于填报员');
  const unitId = actor.unitId;
  const county = (await findUnitRegion(db, unitId)) ?? actor.regionCode.slice(0, 6);
  const unitName = (await listUnits(db, county)).find((u) => u.id === unitId)?.name ?? '本单位';
  const all = await listRounds(db, county, county);
  const reopened = new Map((await activeReopenings(db, all.filter((r) => r.status === 'closed').map((r) => r.id))).filter((r) => r.unitId === unitId).map((r) => [r.roundId, r]));
  const current = all.filter((r) => r.status === 'open' || reopened.has(r.id));

  const rounds: UnitRoundWork[] = [];
  const viewsByRound = new Map<string, Awaited<ReturnType<typeof findReportViews>>>();
  for (const round of current) {
    const views = await findReportViews(db, { roundId: round.id, unitId });
    if (views.length === 0) continue;
    viewsByRound.set(round.id, views);
    const by = (s: ReportStatus) => views.filter((v) => v.status === s).length;
    const reopening = reopened.get(round.id);
    rounds.push({
      roundId: round.id,
      month: round.month,
      status: round.status,
      reopened: reopening !== undefined,
      deadline: reopening?.deadline ?? round.deadline,
      graceUntil: reopening?.graceUntil ?? round.graceUntil,
      counts: {
        due: views.length,
        draft: by('draft'),
        submitted: by('submitted'),
        approved: by('approved'),
        returned: by('returned'),
        late: views.filter((v) => isLate(v.firstSubmittedAt, round.deadline, now)).length,
      },
    });
  }

  const latest = rounds[0];
  let projects: ReporterWork['projects'];
  if (latest) {
    projects = viewsByRound.get(latest.roundId)!.map((v) => ({
      projectId: v.projectId,
      projectName: v.projectName,
      reportId: v.id,
      month: v.month,
      status: v.status,
      late: isLate(v.firstSubmittedAt, current.find((r) => r.id === latest.roundId)!.deadline, now),
      returnReason: v.status === 'returned' ? v.returnReason : null,
      completedMonth: v.completedMonth,
    }));
  } else {
    const month = (await getCurrentMonth(db, county, actor)).month ?? monthOfDay(dayOf(now));
    projects = (await unitPoolProjects(db, county, unitId, monthYear(month))).map((p) => ({
      projectId: p.id, projectName: p.name, reportId: null, month: null, status: null, late: false, returnReason: null, completedMonth: null,
    }));
  }
  const notices = (await listNotices(db, actor, 10)).map(({ id, createdAt, text, link }) => ({ id, createdAt, text, link }));
  return {
    unitId,
    unitName,
    regionCode: county,
    rounds,
    nextOpensAt: rounds.length === 0 ? nextOpening(all, now, await loadRoundSettings(db, county)) : null,
    projects,
    notices,
  };
}
