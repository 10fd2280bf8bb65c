// The monthly round (月报): its statuses, its calendar in China Standard Time, and who may do what to a report when.

import { invalidInput } from '../errors.ts';
import { addDays, addMonths, cstInstant, cstParts, instantMs, monthNumber, type Day, type Month } from '../months.ts';

export const REPORT_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
/** A project's monthly report: 草稿 → 已提交 → 已通过, or 已退回 back to its reporter and then resubmitted. */
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  draft: '草稿',
  submitted: '已提交',
  approved: '已通过',
  returned: '已退回',
};

export const ROUND_STATUSES = ['open', 'closed'] as const;
/** A round is open while units report and the dispatcher reviews; closing it locks the month. */
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export const ROUND_STATUS_LABELS: Record<RoundStatus, string> = { open: '填报中', closed: '已关闭' };

export const CORRECTION_STATUSES = ['pending', 'approved', 'rejected'] as const;
/** A correction of an approved month: 待审核, then 已批准 (the figure changes) or 未批准. */
export type CorrectionStatus = (typeof CORRECTION_STATUSES)[number];

export const PROBLEM_STATUSES = ['open', 'closed'] as const;
/** A problem a report raised, for its unit to follow up: open until dealt with. */
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

/** When a month's round opens itself, when it is due, and how long late reports are still taken (all in CST). */
export interface RoundSettings {
  /** Day of the following month (1–28) on which the round opens itself at 00:00. */
  openDay: number;
  /** Day of the following month (1–28) on which reports are due. */
  deadlineDay: number;
  /** Hour (0–23) of the deadline day at which reports are due. */
  deadlineHour: number;
  /** Days after the deadline, same hour, during which a reporter may still submit (late). */
  graceDays: number;
  /** Hours before the deadline at which units still missing reports are reminded. */
  reminderLeadHours: number;
}

export const DEFAULT_ROUND_SETTINGS: RoundSettings = {
  openDay: 1,
  deadlineDay: 5,
  deadlineHour: 18,
  graceDays: 2,
  reminderLeadHours: 24,
};

/** The key of each setting in the key/value settings table. */
export const ROUND_SETTING_KEYS: Record<keyof RoundSettings, string> = {
  openDay: 'round.openDay',
  deadlineDay: 'round.deadlineDay',
  deadlineHour: 'round.deadlineHour',
  graceDays: 'round.graceDays',
  reminderLeadHours: 'round.reminderLeadHours',
};

// Days stop at 28 so every month has them; a grace of four weeks and a lead of a week are already generous.
export const ROUND_SETTING_RANGES: Record<keyof RoundSettings, [number, number]> = {
  openDay: [1, 28],
  deadlineDay: [1, 28],
  deadlineHour: [0, 23],
  graceDays: [0, 28],
  reminderLeadHours: [0, 168],
};

/**
 * Reads the round settings from the key/value settings table (`round.openDay` …); a missing or blank
 * key takes its default. A value that is not a whole number in range, or a deadline not after the
 * opening, is refused with an `invalid_input` error whose detail names the key.
 * @example parseRoundSettings({ 'round.deadlineDay': '10' }) // { ...DEFAULT_ROUND_SETTINGS, deadlineDay: 10 }
 */
export function parseRoundSettings(record: Record<string, string | undefined>): RoundSettings {
  const settings = { ...DEFAULT_ROUND_SETTINGS };
  for (const field of Object.keys(ROUND_SETTING_KEYS) as (keyof RoundSettings)[]) {
    const key = ROUND_SETTING_KEYS[field];
    const raw = record[key]?.trim();
    if (raw === undefined || raw === '') continue;
    const [min, max] = ROUND_SETTING_RANGES[field];
    const n = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!(n >= min && n <= max)) {
      throw invalidInput([{ field: key, message: `设置项 ${key} 应为 ${min} 到 ${max} 之间的整数，现为“${raw}”` }]);
    }
    settings[field] = n;
  }
  if (settings.deadlineDay < settings.openDay || (settings.deadlineDay === settings.openDay && settings.deadlineHour === 0)) {
    const key = ROUND_SETTING_KEYS.deadlineDay;
    throw invalidInput([{ field: key, message: `设置项 ${key}：截止时间应晚于月报开启时间（每月${settings.openDay}日0时）` }]);
  }
  return settings;
}

/** The three instants of a month's round, ISO strings in UTC. */
export interface RoundSchedule {
  opensAt: string;
  deadline: string;
  graceUntil: string;
}

/**
 * The calendar of the round for month M: it opens on `openDay` of M+1 at 00:00 CST, is due on
 * `deadlineDay` of M+1 at `deadlineHour`:00 CST, and takes late reports until `graceDays` later at the same hour.
 * @example roundSchedule('2021-05', DEFAULT_ROUND_SETTINGS)
 * // { opensAt: '2021-05-31T16:00:00.000Z', deadline: '2021-06-05T10:00:00.000Z', graceUntil: '2021-06-07T10:00:00.000Z' }
 */
export function roundSchedule(month: Month, settings: RoundSettings): RoundSchedule {
  const next = addMonths(month, 1);
  const deadlineDay = dayOfMonth(next, settings.deadlineDay);
  return {
    opensAt: cstInstant(dayOfMonth(next, settings.openDay), 0),
    deadline: cstInstant(deadlineDay, settings.deadlineHour),
    graceUntil: cstInstant(addDays(deadlineDay, settings.graceDays), settings.deadlineHour),
  };
}

/** Whether the round of a month should be open by now: at or after its opening instant. */
export function shouldOpenRound(month: Month, now: Date, settings: RoundSettings): boolean {
  return instantMs(now) >= instantMs(roundSchedule(month, settings).opensAt);
}

/** Who acts on a report: its unit's reporter or the dispatcher. */
export type ReportActor = 'reporter' | 'dispatcher';

const CLOSED = '本月月报已关闭，不能再修改';
const APPROVED = '已审核通过，如需修改请提交更正';

/**
 * Whether a report's form may be saved. Null when allowed, else the reason, in words for the clerk.
 * Drafts and returned reports may be edited while the round is open; a submitted report waits for
 * review; an approved one changes only through a correction; nothing in a closed round changes.
 */
export function canSave(status: ReportStatus, roundStatus: RoundStatus): string | null {
  if (roundStatus === 'closed') return CLOSED;
  switch (status) {
    case 'draft':
    case 'returned':
      return null;
    case 'submitted':
      return '已提交，等待审核，不能修改';
    case 'approved':
      return APPROVED;
  }
}

/**
 * Whether a report may be submitted now. Null when allowed, else the reason.
 *
 * A reporter submits a draft until `graceUntil`; after it only the dispatcher may take the report in
 * (pass `actor = 'dispatcher'`). A returned report may be resubmitted by its reporter at any time
 * while the round is open, grace or not: the dispatcher sent it back and is waiting for it.
 */
export function canSubmit(
  status: ReportStatus,
  roundStatus: RoundStatus,
  now: Date,
  graceUntil: string,
  actor: ReportActor = 'reporter',
): string | null {
  if (roundStatus === 'closed') return CLOSED;
  switch (status) {
    case 'submitted':
      return '已提交，等待审核，不能修改';
    case 'approved':
      return APPROVED;
    case 'returned':
      return null;
    case 'draft':
      if (actor === 'dispatcher' || instantMs(now) <= instantMs(graceUntil)) return null;
      return `已过宽限期（${cstLabel(graceUntil)}），请联系调度员`;
  }
}

/** Whether the dispatcher may approve a report: only a submitted one, in an open round. */
export function canApprove(status: ReportStatus, roundStatus: RoundStatus): string | null {
  if (roundStatus === 'closed') return CLOSED;
  return reviewRefusal(status);
}

/** Whether the dispatcher may return a report to its reporter: only a submitted one, in an open round. */
export function canReturn(status: ReportStatus, roundStatus: RoundStatus): string | null {
  if (roundStatus === 'closed') return CLOSED;
  return reviewRefusal(status);
}

function reviewRefusal(status: ReportStatus): string | null {
  switch (status) {
    case 'submitted':
      return null;
    case 'draft':
      return '尚未提交，不能审核';
    case 'returned':
      return '已退回，等待填报单位修改后重新提交';
    case 'approved':
      return APPROVED;
  }
}

/**
 * Whether a report is late: on time when first submitted at or before the deadline; late when first
 * submitted after it, or not yet submitted once `now` is past it. A report returned and resubmitted
 * keeps the time of its first submission.
 */
export function isLate(firstSubmittedAt: string | null, deadline: string, now: Date): boolean {
  const due = instantMs(deadline);
  return firstSubmittedAt === null ? instantMs(now) > due : instantMs(firstSubmittedAt) > due;
}

/** An instant as a clerk reads it in CST: "6月7日18:00", or with the year "2021年6月7日18:00" where it may differ. */
export function cstLabel(instant: string, withYear = false): string {
  const { day, hour, minute } = cstParts(instant);
  const year = withYear ? `${day.slice(0, 4)}年` : '';
  return `${year}${monthNumber(day.slice(0, 7))}月${Number(day.slice(8, 10))}日${hour}:${String(minute).padStart(2, '0')}`;
}

function dayOfMonth(month: Month, day: number): Day {
  return `${month}-${String(day).padStart(2, '0')}`;
}
