// The response timers of a county's leads: its settings, the overdue leads of a day (for the alert centre and the
// supervision board), and the in-app notices of timers that came due, each sent once.

import { coversRegion, type Actor } from '../../domain/access.ts';
import { DEFAULT_LEAD_SLA, LEAD_SLA_SETTING_KEYS, leadTimers, overdueLeads as overdueOf, type LeadSlaSettings, type OverdueLead } from '../../domain/attraction/lead-sla.ts';
import { FOLLOW_UP_LABELS } from '../../domain/attraction/lead.ts';
import { forbidden } from '../../domain/errors.ts';
import type { Day } from '../../domain/months.ts';
import { claimLeadNotice, leadEvents, listLeads } from '../../db/repositories/lead.repository.ts';
import { getSetting, listCounties } from '../../db/repositories/region.repository.ts';
import { insertNotification } from '../../db/repositories/round.repository.ts';
import { newId, type Db } from '../../db/transaction.ts';
import { cstToday, effectiveStage, leadProgress } from './leads.ts';

/** A county's timer settings: its own (`attraction.sla.respondDays.140423`), else the deployment's, else 江门's 1/3/7/14 days. */
export async function loadLeadSla(db: Db, county: string): Promise<LeadSlaSettings> {
  const out = { ...DEFAULT_LEAD_SLA };
  for (const [key, name] of Object.entries(LEAD_SLA_SETTING_KEYS) as [keyof LeadSlaSettings, string][]) {
    const raw = (county ? await getSetting(db, `${name}.${county}`) : undefined) ?? (await getSetting(db, name));
    const n = raw === undefined ? NaN : Number(raw);
    if (Number.isInteger(n) && n >= 1 && n <= 90) out[key] = n;
  }
  return out;
}

/** The facts the timers need of each lead of a region, where it stands on the day. */
async function slaFacts(db: Db, region: string, on: Day) {
  const leads = await listLeads(db, { regionCode: region, townshipCode: region.length === 9 ? region : null });
  const events = await leadEvents(db, leads.map((l) => l.id));
  const progress = await leadProgress(db, leads, events);
  return leads.map((lead) => ({
    id: lead.id,
    name: lead.name,
    regionCode: lead.regionCode,
    unitId: lead.unitId,
    receivedOn: lead.receivedOn,
    stage: effectiveStage(lead, progress.get(lead.id)!, on),
    referrer: lead.referrer,
    events: events.filter((e) => e.leadId === lead.id && e.on <= on).map((e) => ({ kind: e.kind, on: e.on })),
  }));
}

/**
 * The leads of a region late on a timer on a day, the longest overdue first, each with the sentence that says why.
 * The alert centre and the supervision board call this one function.
 * @example overdueLeads(db, '140423', '2023-06-30') // [{ leadId, leadName, kind: 'progress', dueOn, daysOverdue, reason }]
 */
export async function overdueLeads(db: Db, region: string, on: Day): Promise<(OverdueLead & { unitId: string | null })[]> {
  const facts = await slaFacts(db, region, on);
  const sla = await loadLeadSla(db, region.slice(0, 6));
  const unitOf = new Map(facts.map((f) => [f.id, f.unitId]));
  return overdueOf(facts, on, sla).map((o) => ({ ...o, unitId: unitOf.get(o.leadId) ?? null }));
}

/** The overdue leads an actor may see (a reporter its own unit's), for the API and the command line. */
export async function listOverdueLeads(db: Db, q: { region: string; on?: Day }, actor: Actor, now: Date = new Date()) {
  if (!coversRegion(actor, q.region)) throw forbidden('无权查看该地区的线索');
  const rows = await overdueLeads(db, q.region, q.on ?? cstToday(now));
  return actor.role === 'reporter' ? rows.filter((r) => r.unitId !== null && r.unitId === actor.unitId) : rows;
}

/** How long after a timer came due its notice is still sent. */
export const NOTICE_WINDOW_DAYS = 7;

/**
 * Sends an in-app notice for each timer that has come due and is not met, to the lead's unit (or region-wide), once
 * per lead, timer and due day however often the calendar runs, within a week of the day it came due. Returns the texts sent.
 */
export async function sendLeadNotices(db: Db, now: Date): Promise<string[]> {
  const day = cstToday(now);
  const sent: string[] = [];
  for (const county of await listCounties(db)) {
    const sla = await loadLeadSla(db, county.code);
    for (const f of await slaFacts(db, county.code, day)) {
      for (const t of leadTimers(f, day, sla)) {
        // A notice is news: a timer overdue for more than a week is on the boards, not pushed again and again.
        if (!t.overdue || t.daysOverdue > NOTICE_WINDOW_DAYS) continue;
        if (!(await claimLeadNotice(db, { leadId: f.id, kind: t.kind, dueOn: t.dueOn, sentAt: now.toISOString() }))) continue;
        const text = `【招商线索提醒】“${f.name}”${FOLLOW_UP_LABELS[t.kind]}应于${t.dueOn}前完成，已逾期${t.daysOverdue}天。`;
        await insertNotification(db, { id: newId(), regionCode: f.regionCode, unitId: f.unitId, createdAt: now.toISOString(), text, link: `/leads/${f.id}` });
        sent.push(text);
      }
    }
  }
  return sent;
}
