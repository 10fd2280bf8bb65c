// The round's calendar, run by the server every minute: open the rounds whose day has come, send the reminders due.

import type { PostWebhook } from '../../io/webhook.ts';
import type { Db } from '../../db/transaction.ts';
import { sendDueReminders, type SentReminder } from './reminders.ts';
import { openDueRounds, type RoundSummary } from './rounds.ts';

/** Both halves are safe to repeat and to run on several servers at once: each round opens once, each reminder goes once. */
export async function runRoundCalendar(db: Db, now: Date, post?: PostWebhook): Promise<{ opened: RoundSummary[]; reminders: SentReminder[] }> {
  const opened = await openDueRounds(db, now);
  const reminders = await sendDueReminders(db, now, post);
  return { opened, reminders };
}
