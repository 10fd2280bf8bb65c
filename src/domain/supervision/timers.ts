// The "13710" rule as timers (seed 002, 名词解释 6): assigned the same day, feedback within 3 days, ordinary items
// solved within 7 days, major ones within 30 or by a dated plan, followed to zero; and the escalation of an overdue
// item — a reminder to its unit, a 督办函 to its leader, then the dispatch meeting's list.

import { isDay, type Day } from '../months.ts';
import type { ItemLevel, ItemStatus } from './item.ts';
import { addTimerDays, daysLate, daysLeft, sameDayDue, type WorkCalendar } from './work-calendar.ts';

/** 3 days to report back, 7 to solve an ordinary item, 30 a major one (in the county's timer days). */
export const RULE_13710 = { feedbackDays: 3, ordinaryDays: 7, majorDays: 30 } as const;

/** What the timers need to know of an item. */
export interface ItemTimerFacts {
  status: ItemStatus;
  level: ItemLevel;
  raisedOn: Day;
  assignedOn: Day | null;
  /** The day the unit first reported back (a progress note or a close-out request). */
  feedbackOn: Day | null;
  /** The deadline set when the item was assigned (a task list's 完成时限) instead of the 13710 default. */
  dueOn: Day | null;
  /** A major item's dated plan: the day it will be solved by. */
  planDue: Day | null;
  /** The deadline granted by the latest extension. */
  extendedDue: Day | null;
}

export const DEADLINE_KINDS = ['assign', 'feedback', 'solve'] as const;
/** 交办 (the dispatcher's, the same day), 反馈 (3 days), 办结 (7 or 30 days, a plan, an extension). */
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];
export const DEADLINE_LABELS: Record<DeadlineKind, string> = { assign: '交办', feedback: '反馈', solve: '办结' };

export interface ItemTimers {
  assignDue: Day;
  /** Null until the item is assigned. */
  feedbackDue: Day | null;
  solveDue: Day | null;
}

/**
 * The deadlines of an item: assignment the day it was raised (the next counted day when that one is not), feedback
 * 3 days after assignment, solution 7 days after (30 for a major item) — or the deadline set at assignment, then a
 * major item's dated plan, then the latest extension, each replacing the one before.
 * @example itemTimers({ level: 'ordinary', raisedOn: '2021-06-04', assignedOn: '2021-06-04', … }, calendarDays)
 *   // { assignDue: '2021-06-04', feedbackDue: '2021-06-07', solveDue: '2021-06-11' }
 */
export function itemTimers(f: Pick<ItemTimerFacts, 'level' | 'raisedOn' | 'assignedOn' | 'dueOn' | 'planDue' | 'extendedDue'>, cal: WorkCalendar): ItemTimers {
  const assignDue = sameDayDue(f.raisedOn, cal);
  if (f.assignedOn === null) return { assignDue, feedbackDue: null, solveDue: null };
  const statutory = addTimerDays(f.assignedOn, f.level === 'major' ? RULE_13710.majorDays : RULE_13710.ordinaryDays, cal);
  return {
    assignDue,
    feedbackDue: addTimerDays(f.assignedOn, RULE_13710.feedbackDays, cal),
    solveDue: f.extendedDue ?? (f.level === 'major' ? f.planDue : null) ?? f.dueOn ?? statutory,
  };
}

/** Where an item stands against its deadlines on a day. */
export interface TimerState extends ItemTimers {
  /** The deadline missed, the most serious first (办结 before 反馈), or null. */
  overdue: { kind: DeadlineKind; due: Day; daysLate: number } | null;
  /** The next deadline still ahead and the timer days left to it (0 when due today), or null. */
  next: { kind: DeadlineKind; due: Day; daysLeft: number } | null;
}

/**
 * The item's deadlines on `day`: 交办 runs while it waits for the dispatcher; 反馈 until the unit first reports back;
 * 办结 until the unit asks to close it out. A close-out waiting for the dispatcher's decision is not the unit's delay,
 * and a closed item is done.
 */
export function timerState(f: ItemTimerFacts, day: Day, cal: WorkCalendar): TimerState {
  const timers = itemTimers(f, cal);
  const running: { kind: DeadlineKind; due: Day }[] = [];
  if (f.status === 'raised') running.push({ kind: 'assign', due: timers.assignDue });
  else if (f.status === 'assigned' || f.status === 'received' || f.status === 'inProgress' || f.status === 'returned') {
    if (f.feedbackOn === null && timers.feedbackDue) running.push({ kind: 'feedback', due: timers.feedbackDue });
    if (timers.solveDue) running.push({ kind: 'solve', due: timers.solveDue });
  }
  const missed = running.filter((r) => r.due < day);
  const worst = missed.find((r) => r.kind === 'solve') ?? missed[0];
  const ahead = running.filter((r) => r.due >= day).sort((a, b) => a.due.localeCompare(b.due))[0];
  return {
    ...timers,
    overdue: worst ? { ...worst, daysLate: daysLate(worst.due, day, cal) } : null,
    next: ahead ? { ...ahead, daysLeft: daysLeft(ahead.due, day, cal) } : null,
  };
}

/**
 * Why a new deadline cannot be granted, or null: a real day, later than the deadline it replaces.
 * @example extensionRefusal('2021-06-11', '2021-06-10') === '延期后的期限应晚于原期限（2021-06-11）'
 */
export function extensionRefusal(currentDue: Day | null, newDue: string): string | null {
  if (!isDay(newDue)) return '新的期限不是有效日期';
  if (currentDue !== null && newDue <= currentDue) return `延期后的期限应晚于原期限（${currentDue}）`;
  return null;
}

/** Why a major item's plan date cannot be taken, or null: a real day after the assignment. */
export function planRefusal(assignedOn: Day | null, planDue: string): string | null {
  if (!isDay(planDue)) return '计划解决日期不是有效日期';
  if (assignedOn !== null && planDue <= assignedOn) return `计划解决日期应晚于交办日期（${assignedOn}）`;
  return null;
}

export const ESCALATION_STEPS = ['reminder', 'letter', 'meeting'] as const;
/** 提醒 to the unit, 督办函 to its leader, 列入调度会 — each once per missed deadline. */
export type EscalationStep = (typeof ESCALATION_STEPS)[number];
export const ESCALATION_LABELS: Record<EscalationStep, string> = { reminder: '逾期提醒', letter: '督办函', meeting: '列入调度会' };

/** Timer days late at which each step is taken: the reminder the first day, the letter and the meeting later. */
export interface EscalationSettings {
  reminderAfterDays: number;
  letterAfterDays: number;
  meetingAfterDays: number;
}

export const DEFAULT_ESCALATION: EscalationSettings = { reminderAfterDays: 1, letterAfterDays: 3, meetingAfterDays: 7 };

/** The days late each escalation step may be set to. */
export const ESCALATION_DAY_RANGE = [1, 60] as const;

/** Why a set of escalation days is refused, or null: whole days from 1 to 60, in the order of the steps. */
export function escalationRefusal(s: EscalationSettings): string | null {
  const [min, max] = ESCALATION_DAY_RANGE;
  for (const v of [s.reminderAfterDays, s.letterAfterDays, s.meetingAfterDays]) {
    if (!Number.isInteger(v) || v < min || v > max) return `逾期天数应为${min}到${max}之间的整数`;
  }
  if (!(s.reminderAfterDays <= s.letterAfterDays && s.letterAfterDays <= s.meetingAfterDays)) return '应先提醒，再发督办函，最后列入调度会';
  return null;
}

/** The steps an item missed by `late` timer days has reached. */
export function reachedSteps(late: number, s: EscalationSettings): EscalationStep[] {
  const after: Record<EscalationStep, number> = { reminder: s.reminderAfterDays, letter: s.letterAfterDays, meeting: s.meetingAfterDays };
  return ESCALATION_STEPS.filter((step) => late >= after[step]);
}

/** The key under which a step taken for one missed deadline is remembered. */
export function escalationKey(step: EscalationStep, kind: DeadlineKind, due: Day): string {
  return `${step}:${kind}:${due}`;
}

/**
 * The escalation steps due on a day and not yet taken (`taken` holds {@link escalationKey}s): only 反馈 and 办结
 * escalate (a late assignment is the dispatcher's own), each step once per missed deadline, so an extension's new
 * deadline starts again from the reminder.
 */
export function dueEscalations(state: TimerState, taken: ReadonlySet<string>, s: EscalationSettings): { step: EscalationStep; kind: DeadlineKind; due: Day; daysLate: number }[] {
  const o = state.overdue;
  if (!o || o.kind === 'assign') return [];
  return reachedSteps(o.daysLate, s)
    .filter((step) => !taken.has(escalationKey(step, o.kind, o.due)))
    .map((step) => ({ step, kind: o.kind, due: o.due, daysLate: o.daysLate }));
}
