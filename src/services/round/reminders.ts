// Reminders before and at the deadline, in the app and to each unit's group robot: sent once each, whenever the timer runs.

import { dueReminders, reminderText, type ReminderKind } from '../../domain/round/reminders.ts';
import { postWebhook, type PostWebhook } from '../../io/webhook.ts';
import { findRegion, listUnits } from '../../db/repositories/region.repository.ts';
import { insertNotification, listOpenRounds, recordReminder, reportsForScore, sentReminderKeys, unitWebhooks, updateReminder, type Round } from '../../db/repositories/round.repository.ts';
import { newId, type Db } from '../../db/transaction.ts';
import { loadRoundSettings } from './rounds.ts';

export interface SentReminder {
  roundId: string;
  unitId: string;
  kind: ReminderKind;
  channel: 'app' | 'webhook';
  ok: boolean;
  text: string;
}

/**
 * Sends the reminders due at `now` for every open round: an in-app notice to each unit still missing reports, and
 * a message to its group robot when one is configured. A reminder is recorded before it is posted, so two servers
 * running the timer never both send it; a failed post is recorded with the robot's answer.
 */
export async function sendDueReminders(db: Db, now: Date, post: PostWebhook = postWebhook): Promise<SentReminder[]> {
  const out: SentReminder[] = [];
  for (const round of await listOpenRounds(db)) {
    // Each county's reminders run by its own calendar.
    const settings = await loadRoundSettings(db, round.regionCode);
    out.push(...(await remindRound(db, round, now, settings.reminderLeadHours, post)));
  }
  return out;
}

async function remindRound(db: Db, round: Round, now: Date, leadHours: number, post: PostWebhook): Promise<SentReminder[]> {
  const pending = new Map<string, number>();
  for (const r of await reportsForScore(db, [round.id])) {
    if (r.unitId && (r.status === 'draft' || r.status === 'returned')) pending.set(r.unitId, (pending.get(r.unitId) ?? 0) + 1);
  }
  if (pending.size === 0) return [];
  const regionName = (await findRegion(db, round.regionCode))?.name ?? '';
  const names = new Map((await listUnits(db, round.regionCode)).map((u) => [u.id, u.name]));
  const hooks = await unitWebhooks(db, round.regionCode);
  const out: SentReminder[] = [];
  for (const channel of ['app', 'webhook'] as const) {
    const sent = await sentReminderKeys(db, round.id, channel);
    const units = channel === 'app' ? [...pending.keys()] : [...pending.keys()].filter((u) => hooks.has(u));
    for (const due of dueReminders({ round, pendingUnitIds: units, sent, now, leadHours })) {
      const text = reminderText({ regionName, unitName: names.get(due.unitId) ?? '', month: round.month, deadline: round.deadline, graceUntil: round.graceUntil, pending: pending.get(due.unitId) ?? 0, kind: due.kind });
      const claim = { roundId: round.id, unitId: due.unitId, kind: due.kind, channel, sentAt: now.toISOString() };
      if (channel === 'app') {
        if (!(await recordReminder(db, { ...claim, ok: true, detail: null }))) continue;
        await insertNotification(db, { id: newId(), regionCode: round.regionCode, unitId: due.unitId, createdAt: now.toISOString(), text, link: `/rounds/${round.id}` });
        out.push({ ...claim, kind: due.kind, ok: true, text });
      } else {
        if (!(await recordReminder(db, { ...claim, ok: false, detail: '发送中' }))) continue;
        const result = await post(hooks.get(due.unitId)!, text, now);
        await updateReminder(db, { ...claim, ok: result.ok, detail: result.detail });
        out.push({ ...claim, kind: due.kind, ok: result.ok, text });
      }
    }
  }
  return out;
}
