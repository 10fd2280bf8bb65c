// Escalation of overdue items, run by the server's minute timer beside the round's calendar: a reminder to the unit,
// then a 督办函 to its leader, then the dispatch meeting's list — in the app and to the unit's group robot, each step
// once per missed deadline, recorded before it is sent.

import { dayOf, monthYear } from '../../domain/months.ts';
import { escalationText, letterNumber } from '../../domain/supervision/letter.ts';
import { dueEscalations, type EscalationStep } from '../../domain/supervision/timers.ts';
import type { ItemEventKind } from '../../domain/supervision/item.ts';
import { addTimerDays } from '../../domain/supervision/work-calendar.ts';
import { postWebhook, type PostWebhook } from '../../io/webhook.ts';
import { findRegion } from '../../db/repositories/region.repository.ts';
import { insertNotification, unitWebhooks } from '../../db/repositories/round.repository.ts';
import {
  claimEscalation,
  findLetters,
  insertEvents,
  insertLetter,
  listItems,
  nextLetterSerial,
  settleEscalation,
  takenEscalations,
} from '../../db/repositories/supervision.repository.ts';
import { newId, type Db } from '../../db/transaction.ts';
import { viewItem, type ItemView } from './item-view.ts';
import { loadEscalation, loadWorkCalendar } from './settings.ts';

export interface SentEscalation {
  itemId: string;
  step: EscalationStep;
  channel: 'app' | 'webhook';
  ok: boolean;
  text: string;
}

const EVENT_OF: Record<EscalationStep, ItemEventKind> = { reminder: 'reminded', letter: 'letter', meeting: 'meeting' };

/** The 督办函 of a missed deadline, numbered in its county and year; two servers racing for a number retry. */
async function issueLetter(db: Db, item: ItemView, kind: string, due: string, daysLate: number, today: string, answerBy: string, countyName: string): Promise<string> {
  const year = monthYear(today.slice(0, 7));
  for (let attempt = 0; ; attempt++) {
    const serial = await nextLetterSerial(db, item.regionCode, year);
    const number = letterNumber(countyName, year, serial);
    try {
      if (await insertLetter(db, { id: newId(), itemId: item.id, regionCode: item.regionCode, year, serial, number, deadlineKind: kind, dueOn: due, daysLate, issuedOn: today, answerBy })) return number;
      return (await findLetters(db, { itemId: item.id })).find((l) => l.deadlineKind === kind && l.dueOn === due)?.number ?? number;
    } catch (e) {
      if (attempt >= 4) throw e;
    }
  }
}

/**
 * Takes the escalation steps due at `now` for every open item of every county: each step is claimed in the app
 * (a notice to the unit, an entry in the item's history, and for 督办函 the numbered letter) and then posted to the
 * unit's group robot when it has one. Safe to repeat and to run on several servers at once.
 */
export async function sendDueEscalations(db: Db, now: Date, post: PostWebhook = postWebhook): Promise<SentEscalation[]> {
  const today = dayOf(now);
  const open = await listItems(db, { lo: '000000', hi: '999999', statuses: ['assigned', 'received', 'inProgress', 'returned'] });
  const out: SentEscalation[] = [];
  for (const county of new Set(open.map((i) => i.regionCode))) {
    const rows = open.filter((i) => i.regionCode === county);
    const [cal, settings, region, hooks] = await Promise.all([loadWorkCalendar(db, county), loadEscalation(db, county), findRegion(db, county), unitWebhooks(db, county)]);
    const countyName = region?.name ?? '';
    const taken = { app: await takenEscalations(db, rows.map((r) => r.id), 'app'), webhook: await takenEscalations(db, rows.map((r) => r.id), 'webhook') };
    for (const item of rows.map((r) => viewItem(r, today, cal, new Set()))) {
      for (const channel of ['app', 'webhook'] as const) {
        const hook = item.unitId ? hooks.get(item.unitId) : undefined;
        if (channel === 'webhook' && !hook) continue;
        for (const due of dueEscalations(item, taken[channel].get(item.id) ?? new Set(), settings)) {
          const claim = { itemId: item.id, step: due.step, deadlineKind: due.kind, dueOn: due.due, channel, sentAt: now.toISOString() };
          if (!(await claimEscalation(db, { ...claim, ok: channel === 'app', detail: channel === 'app' ? null : '发送中' }))) continue;
          const letterNo =
            due.step !== 'letter'
              ? null
              : channel === 'app'
                ? await issueLetter(db, item, due.kind, due.due, due.daysLate, today, addTimerDays(today, 3, cal), countyName)
                : ((await findLetters(db, { itemId: item.id })).find((l) => l.deadlineKind === due.kind && l.dueOn === due.due)?.number ?? null);
          const text = escalationText({ step: due.step, regionName: countyName, unitName: item.unitName ?? '责任单位', title: item.title, kind: due.kind, due: due.due, daysLate: due.daysLate, leaderName: item.leaderName, letterNo });
          if (channel === 'app') {
            await insertNotification(db, { id: newId(), regionCode: county, unitId: item.unitId, createdAt: now.toISOString(), text, link: `/items/${item.id}` });
            await insertEvents(db, [{ id: newId(), itemId: item.id, at: now.toISOString(), on: today, kind: EVENT_OF[due.step], userId: null, note: text, fromStatus: item.status, toStatus: item.status, due: due.due }]);
            out.push({ itemId: item.id, step: due.step, channel, ok: true, text });
          } else {
            const result = await post(hook!, text, now);
            await settleEscalation(db, { ...claim, ok: result.ok, detail: result.detail });
            out.push({ itemId: item.id, step: due.step, channel, ok: result.ok, text });
          }
        }
      }
    }
  }
  return out;
}
