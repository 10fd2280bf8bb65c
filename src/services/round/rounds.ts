// Opening and closing a month's round, by the dispatcher or by the calendar, and the list of rounds with their progress.

import { z } from 'zod';
import { canRunRound, coversRegion, scopePrefix, SYSTEM_ACTOR, type Actor } from '../../domain/access.ts';
import { AppError, forbidden, invalidInput } from '../../domain/errors.ts';
import { addMonths, cstParts, isMonth, monthYear, type Month } from '../../domain/months.ts';
import { defaultDeadline, openedDeadlineNote, reportingDays, type DeadlineBasis } from '../../domain/round/deadlines.ts';
import { cstLabel, parseRoundSettings, ROUND_SETTING_KEYS, roundSchedule, shouldOpenRound, type ReportStatus, type RoundSettings } from '../../domain/round/round.ts';
import { instantInput, monthInput, parseInput } from '../../domain/validation.ts';
import { findRegion, listCounties } from '../../db/repositories/region.repository.ts';
import { activeReopenings, type Reopening } from '../../db/repositories/round-calendar.repository.ts';
import {
  closeRoundRow,
  findRoundByMonth,
  insertNotification,
  insertReports,
  insertRound,
  listRounds as listRoundRows,
  previousReports,
  reportStatusCounts,
  roundPoolProjects,
  type Report,
  type Round,
} from '../../db/repositories/round.repository.ts';
import { countyRange } from '../../db/repositories/scope.ts';
import { inTransaction, newId, type Db } from '../../db/transaction.ts';
import { readCountySettings, writeCountySettings } from '../county-settings.ts';
import { loadRound, loadRoundToRun } from './round-access.ts';
import { recordAudit } from '../audit/record-audit.ts';

export interface RoundSummary extends Round {
  regionName: string;
  /**
   * Reports by status. `awaitingReview` are those in status submitted; the scoreboard's `submitted` is wider (every
   * report in the dispatcher's hands, approved included), so the two are named apart.
   */
  counts: { due: number; draft: number; awaitingReview: number; approved: number; returned: number };
  /** The units a closed round is reopened for, until each is locked again. */
  reopenings: (Omit<Reopening, 'relockedAt' | 'relockedBy'> & { unitName: string })[];
}

/** A round just opened, and how its deadline was set, in a sentence for the dispatcher. */
export interface OpenedRound extends RoundSummary {
  deadlineNote: string;
}

const OpenRoundSchema = z
  .object({
    regionCode: z.string().regex(/^\d{6}$/, '应为6位县级地区代码'),
    month: monthInput(),
    deadline: instantInput().optional(),
    graceUntil: instantInput().optional(),
  })
  .strict();
const OPEN_LABELS = { regionCode: '地区', month: '月份', deadline: '截止时间', graceUntil: '宽限截止时间' };

/** A county's round calendar: its own settings, else the deployment's, else the defaults. */
export async function loadRoundSettings(db: Db, countyCode: string): Promise<RoundSettings> {
  return parseRoundSettings(await readCountySettings(db, countyCode, Object.values(ROUND_SETTING_KEYS)));
}

/** A county's round calendar as anyone of the county reads it. */
export async function getRoundSettings(db: Db, region: string, actor: Actor): Promise<RoundSettings & { region: string }> {
  if (!coversRegion(actor, region)) throw forbidden('无权查看该县的月报日历');
  return { region, ...(await loadRoundSettings(db, region)) };
}

const SettingsRegionSchema = z.object({ region: z.string().regex(/^\d{6}$/, '应为6位县级地区代码') }).passthrough();

/**
 * Changes a county's round calendar (the day rounds open, the deadline, the grace period, the reminder lead); other
 * counties keep theirs. The whole new set is checked before anything is stored. Admins and dispatchers of that county.
 */
export async function updateRoundSettings(db: Db, input: Partial<RoundSettings> & { region: string }, actor: Actor, now: Date = new Date()): Promise<RoundSettings & { region: string }> {
  const { region } = parseInput(SettingsRegionSchema, input, { region: '地区' });
  const current = await loadRoundSettings(db, region);
  const record: Record<string, string> = {};
  for (const key of Object.keys(ROUND_SETTING_KEYS) as (keyof RoundSettings)[]) record[ROUND_SETTING_KEYS[key]] = String(input[key] ?? current[key]);
  const next = parseRoundSettings(record);
  await writeCountySettings(db, region, record, actor, now);
  return { region, ...next };
}

/** The month as people name it: 2021年5月. */
export function monthName(month: Month): string {
  return `${monthYear(month)}年${Number(month.slice(5, 7))}月`;
}

/**
 * Opens a county's round for a month: one report for every project of that year's pool, pre-filled from the
 * project's report of the month before, so a unit types only what changed. The deadline and grace period follow
 * the county's calendar unless given; for a month whose own deadline has already passed, the calendar counts from the
 * day of opening (see {@link defaultDeadline}), and `deadlineNote` says so.
 */
export async function openRound(db: Db, input: unknown, actor: Actor, now: Date = new Date()): Promise<OpenedRound> {
  const q = parseInput(OpenRoundSchema, input, OPEN_LABELS);
  if (!canRunRound(actor, q.regionCode)) throw forbidden('只有调度员可以开启月报');
  const region = await findRegion(db, q.regionCode);
  if (!region || region.level !== 'county') throw invalidInput([{ field: 'regionCode', message: `地区：${q.regionCode} 不是本系统中的县（区）` }]);
  const currentMonth = cstParts(now.toISOString()).day.slice(0, 7);
  if (q.month > currentMonth) throw invalidInput([{ field: 'month', message: `月份：${monthName(q.month)}尚未开始，不能开启月报` }]);

  const settings = await loadRoundSettings(db, q.regionCode);
  const schedule = roundSchedule(q.month, settings);
  const calendar = defaultDeadline(q.month, now, settings);
  const deadline = q.deadline ? new Date(q.deadline).toISOString() : calendar.deadline;
  const graceUntil = q.graceUntil ? new Date(q.graceUntil).toISOString() : q.deadline ? shiftBy(deadline, schedule.graceUntil, schedule.deadline) : calendar.graceUntil;
  if (graceUntil < deadline) throw invalidInput([{ field: 'graceUntil', message: '宽限截止时间：不能早于截止时间' }]);
  const deadlineBasis: DeadlineBasis = q.deadline || q.graceUntil ? 'given' : calendar.basis;

  return inTransaction(db, async (trx) => {
    if (await findRoundByMonth(trx, q.regionCode, q.month)) throw new AppError('conflict', `${region.name}${monthName(q.month)}的月报已经开启`);
    const projects = await roundPoolProjects(trx, q.regionCode, monthYear(q.month));
    if (projects.length === 0) throw invalidInput([{ field: 'month', message: `${region.name}${monthYear(q.month)}年的项目库中没有项目，无需开启月报` }]);
    const round: Round = {
      id: newId(),
      regionCode: q.regionCode,
      month: q.month,
      status: 'open',
      deadline,
      graceUntil,
      openedAt: now.toISOString(),
      openedBy: actor.userId === SYSTEM_ACTOR.userId ? null : actor.userId,
      closedAt: null,
      closedBy: null,
      deadlineBasis,
    };
    await insertRound(trx, round);
    await recordAudit(trx, actor, [{ action: 'round.open', regionCode: round.regionCode, subjectKind: 'round', subjectId: round.id, before: null, after: { month: round.month, deadline, graceUntil, deadlineBasis } }], now);
    // Pre-filled from the month just before only: older figures would mislead more than help.
    const previous = await previousReports(trx, q.regionCode, q.month);
    const lastMonth = previous && addMonths(previous.month, 1) === q.month ? previous.byProject : new Map<string, Report>();
    const reports: Report[] = projects.map((p) => {
      const fill = lastMonth.get(p.projectId);
      return {
        id: newId(),
        roundId: round.id,
        projectId: p.projectId,
        unitId: p.unitId,
        status: 'draft',
        completedMonth: fill?.completedMonth ?? null,
        enteredAs: 'month',
        enteredYtd: null,
        progress: fill?.progress ?? null,
        stageEvents: [],
        prefilled: fill !== undefined && (fill.completedMonth !== null || fill.progress !== null),
        firstSubmittedAt: null,
        submittedAt: null,
        submittedBy: null,
        reviewedAt: null,
        reviewedBy: null,
        returnReason: null,
        returnedCount: 0,
        updatedAt: now.toISOString(),
        updatedBy: null,
        version: 1,
      };
    });
    await insertReports(trx, reports);
    await insertNotification(trx, {
      id: newId(),
      regionCode: q.regionCode,
      unitId: null,
      createdAt: now.toISOString(),
      text: `${monthName(q.month)}月报已开启，共${reports.length}个项目，请于${cstLabel(deadline, true)}前提交。`,
      link: `/rounds/${round.id}`,
    });
    const deadlineNote = openedDeadlineNote({ month: q.month, deadline, graceUntil, basis: deadlineBasis, calendarDeadline: calendar.calendarDeadline }, reportingDays(settings));
    return { ...summarise(round, region.name, new Map([[round.id, { draft: reports.length }]]), []), deadlineNote };
  });
}

// A deadline moved by hand keeps the configured length of the grace period.
function shiftBy(deadline: string, scheduledGrace: string, scheduledDeadline: string): string {
  return new Date(Date.parse(deadline) + (Date.parse(scheduledGrace) - Date.parse(scheduledDeadline))).toISOString();
}

function summarise(
  round: Round,
  regionName: string,
  counts: Map<string, Partial<Record<ReportStatus, number>>>,
  reopenings: readonly (Reopening & { unitName: string })[],
): RoundSummary {
  const c = counts.get(round.id) ?? {};
  const by = { draft: c.draft ?? 0, awaitingReview: c.submitted ?? 0, approved: c.approved ?? 0, returned: c.returned ?? 0 };
  return {
    ...round,
    regionName,
    counts: { ...by, due: by.draft + by.awaitingReview + by.approved + by.returned },
    reopenings: reopenings.filter((r) => r.roundId === round.id).map(({ relockedAt: _a, relockedBy: _b, ...r }) => r),
  };
}

/** A reporter hears of its own unit's reopening only; the others see every unit's. */
function ownReopenings<T extends { unitId: string }>(reopenings: readonly T[], actor: Actor): T[] {
  return actor.role === 'reporter' ? reopenings.filter((r) => r.unitId === actor.unitId) : [...reopenings];
}

/** The rounds of the actor's region (or a narrower one), newest first, with their reports counted by status. */
export async function listRounds(db: Db, actor: Actor, q: { regionCode?: string; year?: number } = {}): Promise<RoundSummary[]> {
  const regionCode = q.regionCode ?? actor.regionCode;
  if (!scopePrefix(regionCode).startsWith(scopePrefix(actor.regionCode))) throw forbidden('无权查看该地区的月报');
  const [lo, hi] = countyRange(regionCode);
  const rounds = await listRoundRows(db, lo, hi, q.year);
  const counts = await reportStatusCounts(db, rounds.map((r) => r.id));
  const reopened = ownReopenings(await activeReopenings(db, rounds.filter((r) => r.status === 'closed').map((r) => r.id)), actor);
  const names = new Map<string, string>();
  for (const r of rounds) if (!names.has(r.regionCode)) names.set(r.regionCode, (await findRegion(db, r.regionCode))?.name ?? r.regionCode);
  return rounds.map((r) => summarise(r, names.get(r.regionCode) ?? r.regionCode, counts, reopened));
}

export async function getRound(db: Db, id: string, actor: Actor): Promise<RoundSummary> {
  const round = await loadRound(db, id, actor);
  const region = await findRegion(db, round.regionCode);
  return summarise(round, region?.name ?? round.regionCode, await reportStatusCounts(db, [round.id]), ownReopenings(await activeReopenings(db, [round.id]), actor));
}

/**
 * Closes a round: the approved figures are locked, and later changes go through corrections. Refused while
 * submitted reports still wait for review, so nothing a unit sent in is silently left out.
 */
export async function closeRound(db: Db, id: string, actor: Actor, now: Date = new Date()): Promise<RoundSummary> {
  return inTransaction(db, async (trx) => {
    const round = await loadRoundToRun(trx, id, actor);
    if (round.status === 'closed') throw new AppError('conflict', `${monthName(round.month)}月报已经关闭`);
    const counts = (await reportStatusCounts(trx, [round.id])).get(round.id) ?? {};
    const waiting = counts.submitted ?? 0;
    if (waiting > 0) throw new AppError('conflict', `尚有${waiting}份月报已提交、待审核，请审核后再关闭`);
    if (!(await closeRoundRow(trx, round.id, now.toISOString(), actor.userId === SYSTEM_ACTOR.userId ? null : actor.userId))) {
      throw new AppError('conflict', `${monthName(round.month)}月报已经关闭`);
    }
    await recordAudit(trx, actor, [{ action: 'round.close', regionCode: round.regionCode, subjectKind: 'round', subjectId: round.id, before: { month: round.month, status: round.status }, after: { month: round.month, status: 'closed' } }], now);
    const region = await findRegion(trx, round.regionCode);
    return summarise({ ...round, status: 'closed', closedAt: now.toISOString(), closedBy: actor.userId }, region?.name ?? round.regionCode, new Map([[round.id, counts]]), []);
  });
}

/**
 * Opens, for every county the deployment holds, the round of the month just ended once the day its calendar sets has
 * come. Run by the server's timer; safe to run any number of times.
 * @returns the rounds opened
 */
export async function openDueRounds(db: Db, now: Date): Promise<RoundSummary[]> {
  const month = addMonths(cstParts(now.toISOString()).day.slice(0, 7), -1);
  const opened: RoundSummary[] = [];
  for (const county of await listCounties(db)) {
    // Each county opens by its own calendar.
    if (!shouldOpenRound(month, now, await loadRoundSettings(db, county.code))) continue;
    if (await findRoundByMonth(db, county.code, month)) continue;
    if ((await roundPoolProjects(db, county.code, monthYear(month))).length === 0) continue;
    try {
      opened.push(await openRound(db, { regionCode: county.code, month }, SYSTEM_ACTOR, now));
    } catch (e) {
      // Another process opened it between the check and the insert: nothing to do.
      if (!(e instanceof AppError && e.code === 'conflict')) throw e;
    }
  }
  return opened;
}

/** The round of a county and month, as the command line names it. */
export async function getRoundByMonth(db: Db, regionCode: string, month: string, actor: Actor): Promise<RoundSummary> {
  if (!isMonth(month)) throw invalidInput([{ field: 'month', message: `月份应为 YYYY-MM，不是“${month}”` }]);
  const round = await findRoundByMonth(db, regionCode, month);
  if (!round) throw new AppError('not_found', `${regionCode} ${monthName(month)}的月报尚未开启`);
  return getRound(db, round.id, actor);
}

