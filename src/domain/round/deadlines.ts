// A round on today's calendar: the deadline of a month opened late, extending a deadline, and reopening a closed round for one unit.

import { addDays, dayOf, instantMs, monthNumber, monthYear, cstInstant, type Month } from '../months.ts';
import { cstLabel, roundSchedule, type RoundSettings, type RoundStatus } from './round.ts';

export const DEADLINE_BASES = ['calendar', 'opening', 'given', 'extended'] as const;
/**
 * How a round's deadline was set: by the month's calendar; counted from the day it was opened, because the month's own
 * deadline had passed by then; given by the dispatcher at opening; or extended by the dispatcher afterwards.
 */
export type DeadlineBasis = (typeof DEADLINE_BASES)[number];

export const DEADLINE_BASIS_LABELS: Record<DeadlineBasis, string> = {
  calendar: '截止时间按月报日历',
  opening: '开启时本月的日历截止时间已过，截止时间按开启之日起算',
  given: '截止时间由调度员指定',
  extended: '截止时间已由调度员延长',
};

/** A deadline and the end of its grace period, ISO instants in UTC. */
export interface DeadlinePair {
  deadline: string;
  graceUntil: string;
}

/** The days the calendar gives units between a round's opening and its deadline (the 1st to the 5th: 4 days). */
export function reportingDays(settings: RoundSettings): number {
  return settings.deadlineDay - settings.openDay;
}

/**
 * The calendar counted from a day instead of from the 1st: the deadline falls as many days after `now` (in CST) as the
 * calendar gives between opening and deadline, at the deadline hour, and never at or before `now` (a calendar with no
 * days between, opened after the hour, is due the next day); the grace period follows it as usual.
 * @example deadlineFromDay(new Date('2026-12-07T02:00:00Z'), DEFAULT_ROUND_SETTINGS)
 * // { deadline: '2026-12-11T10:00:00.000Z', graceUntil: '2026-12-13T10:00:00.000Z' } — the 7th + 4 days, 18:00 CST
 */
export function deadlineFromDay(now: Date, settings: RoundSettings): DeadlinePair {
  let day = addDays(dayOf(now), reportingDays(settings));
  while (instantMs(cstInstant(day, settings.deadlineHour)) <= instantMs(now)) day = addDays(day, 1);
  return { deadline: cstInstant(day, settings.deadlineHour), graceUntil: cstInstant(addDays(day, settings.graceDays), settings.deadlineHour) };
}

export interface DefaultDeadline extends DeadlinePair {
  basis: 'calendar' | 'opening';
  /** The month's own deadline by the calendar, passed or not. */
  calendarDeadline: string;
}

/**
 * The deadline a round takes when the dispatcher gives none: the month's own (the 5th of the next month, 18:00 CST, by
 * default) while it is still ahead; once it has passed — a round opened for a past month — the calendar counted from the
 * day of opening ({@link deadlineFromDay}), so units get the days the calendar promises instead of a round that is late
 * the moment it opens.
 * @example defaultDeadline('2021-06', new Date('2026-12-07T02:00:00Z'), DEFAULT_ROUND_SETTINGS).basis === 'opening'
 */
export function defaultDeadline(month: Month, now: Date, settings: RoundSettings): DefaultDeadline {
  const schedule = roundSchedule(month, settings);
  if (instantMs(now) < instantMs(schedule.deadline)) {
    return { deadline: schedule.deadline, graceUntil: schedule.graceUntil, basis: 'calendar', calendarDeadline: schedule.deadline };
  }
  return { ...deadlineFromDay(now, settings), basis: 'opening', calendarDeadline: schedule.deadline };
}

/**
 * What the dispatcher is told of a new round's deadline, in a sentence.
 * @example openedDeadlineNote({ month: '2021-06', basis: 'opening', calendarDeadline: '2021-07-05T10:00:00.000Z', deadline: '2026-12-11T10:00:00.000Z', graceUntil: '2026-12-13T10:00:00.000Z' }, 4)
 * // '2021年6月的日历截止时间（2021年7月5日18:00）在开启时已过，截止时间按开启之日起算4天：2026年12月11日18:00，宽限至2026年12月13日18:00。'
 */
export function openedDeadlineNote(r: DeadlinePair & { month: Month; basis: DeadlineBasis; calendarDeadline: string }, days: number): string {
  const due = `${cstLabel(r.deadline, true)}，宽限至${cstLabel(r.graceUntil, true)}`;
  switch (r.basis) {
    case 'opening':
      return `${monthYear(r.month)}年${monthNumber(r.month)}月的日历截止时间（${cstLabel(r.calendarDeadline, true)}）在开启时已过，截止时间按开启之日起算${days}天：${due}。`;
    case 'calendar':
      return `截止时间按月报日历：${due}。`;
    case 'given':
    case 'extended':
      return `截止时间由调度员指定：${due}。`;
  }
}

/**
 * Whether an open round's deadline may move to `next`. Null when allowed, else the reason. Only later: a deadline
 * brought forward would make reports late that were on time. A closed round is not extended; it is reopened for the
 * unit that still has to report.
 */
export function canExtend(roundStatus: RoundStatus, current: DeadlinePair, next: DeadlinePair): string | null {
  if (roundStatus === 'closed') return '本月月报已关闭，不能延长截止时间；如需某单位补报，请为该单位重新开放';
  if (instantMs(next.deadline) <= instantMs(current.deadline)) return `新的截止时间应晚于现在的截止时间（${cstLabel(current.deadline, true)}）`;
  if (instantMs(next.graceUntil) < instantMs(next.deadline)) return '宽限截止时间不能早于截止时间';
  return null;
}

/**
 * Whether a round may be reopened for one unit. Null when allowed, else the reason. Only a closed round is reopened (an
 * open one is extended), once at a time per unit, and only for a unit with reports in it.
 */
export function canReopen(roundStatus: RoundStatus, unitReports: number, alreadyReopened: boolean): string | null {
  if (roundStatus === 'open') return '本月月报仍在填报中，无需重新开放；如需更多时间，请延长截止时间';
  if (unitReports === 0) return '该单位在本月没有月报';
  if (alreadyReopened) return '本月月报已为该单位重新开放';
  return null;
}

/** Whether a unit's reopening may be locked again: not while its submitted reports wait for review. */
export function canRelock(reopened: boolean, awaitingReview: number): string | null {
  if (!reopened) return '本月月报没有为该单位重新开放';
  if (awaitingReview > 0) return `该单位尚有${awaitingReview}份月报已提交、待审核，请审核后再锁定`;
  return null;
}

/**
 * How a round stands for one unit's reports. A closed round reopened for the unit is open to it — its drafts and
 * returned reports may be filled in, submitted until the reopening's grace ends, and reviewed — under the reopening's
 * deadline; every other unit's reports stay locked. Approved figures stay locked either way: they change only through a
 * correction, whose reason and decision the history keeps.
 */
export function roundForUnit(round: { status: RoundStatus } & DeadlinePair, reopening: DeadlinePair | null): { status: RoundStatus } & DeadlinePair {
  if (round.status === 'open' || reopening === null) return { status: round.status, deadline: round.deadline, graceUntil: round.graceUntil };
  return { status: 'open', deadline: reopening.deadline, graceUntil: reopening.graceUntil };
}
