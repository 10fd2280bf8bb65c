// Reminders of the monthly round: which unit is due which reminder when, its words, and the body a DingTalk or WeCom group robot takes.

import { instantMs, monthNumber, monthYear, type Month } from '../months.ts';
import { cstLabel, type RoundStatus } from './round.ts';

export const REMINDER_KINDS = ['before', 'deadline'] as const;
/** 'before': the deadline is near; 'deadline': the deadline has passed and reports are still missing. */
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** A reminder to send: one per unit and kind in a round, ever. */
export interface DueReminder {
  unitId: string;
  kind: ReminderKind;
}

/** The key under which a sent reminder is remembered. */
export function reminderKey(unitId: string, kind: ReminderKind): string {
  return `${unitId}:${kind}`;
}

/**
 * The reminders due now, to be sent once each (`sent` holds the keys of those already sent, see
 * {@link reminderKey}):
 * - 'before' from `deadline − leadHours` until the deadline (a scheduler that wakes only after the
 *   deadline sends no stale "due soon");
 * - 'deadline' from the deadline until `graceUntil` (until the round closes when no grace is given);
 * - nothing for a closed round, nor for units with everything submitted.
 * Units are taken in the order given, each once.
 */
export function dueReminders(input: {
  round: { month: Month; deadline: string; status: RoundStatus; graceUntil?: string | null };
  pendingUnitIds: readonly string[];
  sent: ReadonlySet<string>;
  now: Date;
  leadHours: number;
}): DueReminder[] {
  const { round, now } = input;
  if (round.status === 'closed') return [];
  const t = instantMs(now);
  const deadline = instantMs(round.deadline);
  let kind: ReminderKind;
  if (t >= deadline - input.leadHours * 3_600_000 && t < deadline) kind = 'before';
  else if (t >= deadline && (round.graceUntil == null || t <= instantMs(round.graceUntil))) kind = 'deadline';
  else return [];
  const out: DueReminder[] = [];
  for (const unitId of new Set(input.pendingUnitIds)) {
    if (!input.sent.has(reminderKey(unitId, kind))) out.push({ unitId, kind });
  }
  return out;
}

/**
 * The reminder's words, the deadline shown in China Standard Time. Every text contains "月报提醒",
 * which a robot secured by keyword can be set to require.
 * @example
 * reminderText({ regionName: '', unitName: '王桥镇', month: '2021-05', deadline: '2021-06-05T10:00:00.000Z', pending: 3, kind: 'before' })
 * // '【月报提醒】王桥镇：2021年5月月报截止时间为6月5日18:00，尚有3个项目未提交。'
 */
export function reminderText(input: {
  regionName: string;
  unitName: string;
  month: Month;
  deadline: string;
  pending: number;
  kind: ReminderKind;
  graceUntil?: string | null;
}): string {
  const head = `【${input.regionName}月报提醒】${input.unitName}：${monthYear(input.month)}年${monthNumber(input.month)}月月报`;
  const pending = `尚有${input.pending}个项目未提交`;
  if (input.kind === 'before') return `${head}截止时间为${cstLabel(input.deadline)}，${pending}。`;
  const after = input.graceUntil ? `请于${cstLabel(input.graceUntil)}前补报` : '请尽快补报';
  return `${head}已于${cstLabel(input.deadline)}截止，${pending}，${after}。`;
}

/** The group robots tiaodu posts to. */
export const WEBHOOK_KINDS = ['dingtalk', 'wecom'] as const;
export type WebhookKind = (typeof WEBHOOK_KINDS)[number];

/** The JSON body of a text message; DingTalk's and WeCom's group robots both take this shape. */
export interface WebhookBody {
  msgtype: 'text';
  text: { content: string };
}

/**
 * The body to POST to a group robot. Both robots accept `{ msgtype: 'text', text: { content } }`;
 * the kind is taken so that robot-specific extras (mentions) have one place to go.
 */
export function webhookMessage(kind: WebhookKind, text: string): WebhookBody {
  switch (kind) {
    case 'dingtalk':
    case 'wecom':
      return { msgtype: 'text', text: { content: text } };
  }
}
