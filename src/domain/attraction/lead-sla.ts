// The response timers of a lead (江门's published rule, a county setting): answer within 1 day, assess within 3,
// answer the referrer within a week, then report every 2 weeks while the lead is open; which are overdue on a day.

import { addDays, type Day } from '../months.ts';
import { FOLLOW_UP_LABELS, LEAD_STAGE_LABELS, stageIndex, type FollowUpKind, type LeadStatus } from './lead.ts';

export interface LeadSlaSettings {
  respondDays: number;
  assessDays: number;
  referrerDays: number;
  reportEveryDays: number;
}

export const DEFAULT_LEAD_SLA: LeadSlaSettings = { respondDays: 1, assessDays: 3, referrerDays: 7, reportEveryDays: 14 };

/** The setting keys, optionally suffixed with a county code (`attraction.sla.respondDays.140423`). */
export const LEAD_SLA_SETTING_KEYS: Record<keyof LeadSlaSettings, string> = {
  respondDays: 'attraction.sla.respondDays',
  assessDays: 'attraction.sla.assessDays',
  referrerDays: 'attraction.sla.referrerDays',
  reportEveryDays: 'attraction.sla.reportEveryDays',
};

/** Why a setting is refused, or null: whole days from 1 to 90. */
export function slaSettingProblem(key: keyof LeadSlaSettings, value: number): string | null {
  return Number.isInteger(value) && value >= 1 && value <= 90 ? null : `${SLA_LABELS[key]}应为1到90之间的整数天数`;
}

const SLA_LABELS: Record<keyof LeadSlaSettings, string> = {
  respondDays: '响应时限',
  assessDays: '研判时限',
  referrerDays: '答复推荐人时限',
  reportEveryDays: '进展报告间隔',
};

export interface LeadTimer {
  kind: FollowUpKind;
  dueOn: Day;
  /** The day it was met, or null while it is not. */
  doneOn: Day | null;
  /** Past its day on the day judged and not met. */
  overdue: boolean;
  /** Whole days past due on the day judged (0 when not overdue). */
  daysOverdue: number;
}

/** What the timers need of a lead. */
export interface LeadSlaFacts {
  receivedOn: Day;
  stage: LeadStatus;
  referrer: string | null;
  /** The follow-ups and stage moves recorded, by kind ('stage' for a move) and day. */
  events: readonly { kind: FollowUpKind | 'stage'; on: Day }[];
}

function daysBetween(from: Day, to: Day): number {
  let n = 0;
  // Lead timers span days to weeks: stepping is exact and needs no Date here.
  for (let d = from; d < to && n < 100_000; d = addDays(d, 1)) n++;
  return n;
}

function timer(kind: FollowUpKind, dueOn: Day, doneOn: Day | null, day: Day): LeadTimer {
  const overdue = doneOn === null && day > dueOn;
  return { kind, dueOn, doneOn, overdue, daysOverdue: overdue ? daysBetween(dueOn, day) : 0 };
}

/**
 * The timers of a lead as they stand on a day:
 * - 响应: due `respondDays` after it came in; any follow-up or move meets it;
 * - 研判: due `assessDays` after; an assessment, or a move past 线索, meets it;
 * - 答复推荐人: due `referrerDays` after, only when someone referred the lead; an answer to them meets it;
 * - 进展报告: while the lead is open and has not yet started work (线索, 洽谈, 签约, 注册), due
 *   `reportEveryDays` after the latest follow-up or move (or its arrival), never met in advance.
 * A terminated lead has no running timers; those met stay met.
 */
export function leadTimers(lead: LeadSlaFacts, day: Day, s: LeadSlaSettings = DEFAULT_LEAD_SLA): LeadTimer[] {
  const events = [...lead.events].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const firstOf = (ok: (e: LeadSlaFacts['events'][number]) => boolean): Day | null => events.find(ok)?.on ?? null;
  const closed = lead.stage === 'terminated';
  const out: LeadTimer[] = [];
  const add = (kind: FollowUpKind, dueOn: Day, doneOn: Day | null) => {
    if (closed && doneOn === null) return;
    out.push(timer(kind, dueOn, doneOn, day));
  };
  add('response', addDays(lead.receivedOn, s.respondDays), firstOf(() => true));
  add('assessment', addDays(lead.receivedOn, s.assessDays), firstOf((e) => e.kind === 'assessment' || e.kind === 'stage'));
  if (lead.referrer) add('referrerAnswer', addDays(lead.receivedOn, s.referrerDays), firstOf((e) => e.kind === 'referrerAnswer'));
  const reporting = lead.stage !== 'terminated' && lead.stage !== 'attained' && stageIndex(lead.stage) < stageIndex('started');
  if (reporting) {
    const last = events.filter((e) => e.on <= day).at(-1)?.on ?? lead.receivedOn;
    out.push(timer('progress', addDays(last, s.reportEveryDays), null, day));
  }
  return out;
}

/** One lead late on one timer, as the alert centre and the supervision board list it. */
export interface OverdueLead {
  leadId: string;
  leadName: string;
  kind: FollowUpKind;
  dueOn: Day;
  daysOverdue: number;
  /** A sentence that says what is late and by how much. */
  reason: string;
}

/**
 * The overdue timers of many leads on a day, the longest overdue first.
 * @example overdueLeads([{ id: 'a', name: '高端装备厂房', receivedOn: '2023-03-01', stage: 'lead', referrer: null, events: [] }], '2023-03-03')
 * // [{ leadId: 'a', kind: 'response', dueOn: '2023-03-02', daysOverdue: 1, reason: '线索“高端装备厂房”响应登记应于2023-03-02前完成，已逾期1天（当前阶段：线索）' }]
 */
export function overdueLeads(
  leads: readonly (LeadSlaFacts & { id: string; name: string })[],
  day: Day,
  s: LeadSlaSettings = DEFAULT_LEAD_SLA,
): OverdueLead[] {
  const out: OverdueLead[] = [];
  for (const lead of leads) {
    for (const t of leadTimers(lead, day, s)) {
      if (!t.overdue) continue;
      out.push({
        leadId: lead.id,
        leadName: lead.name,
        kind: t.kind,
        dueOn: t.dueOn,
        daysOverdue: t.daysOverdue,
        reason: `线索“${lead.name}”${FOLLOW_UP_LABELS[t.kind]}应于${t.dueOn}前完成，已逾期${t.daysOverdue}天（当前阶段：${LEAD_STAGE_LABELS[lead.stage]}）`,
      });
    }
  }
  return out.sort((a, b) => b.daysOverdue - a.daysOverdue || (a.leadName < b.leadName ? -1 : 1));
}
