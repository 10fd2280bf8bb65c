// Reads and writes attraction leads, their 包联领导, moves and follow-ups, field history, sent notices, the county's
// attraction targets and news candidates; maps snake_case rows to the domain's camelCase.

import { sql, type Kysely, type Selectable } from 'kysely';
import type { AttractionTarget, AttractionTargetKey } from '../../domain/attraction/funnel.ts';
import type { Lead, LeadEvent } from '../../domain/attraction/lead.ts';
import { toYuan, toYuanOrNull } from '../../domain/money.ts';
import type { Database, LeadTable } from '../schema.ts';
import { countyRange } from './scope.ts';

type Db = Kysely<Database>;

export function toLead(r: Selectable<LeadTable>): Lead {
  return {
    id: r.id,
    regionCode: r.region_code,
    name: r.name,
    investor: r.investor,
    investorOrigin: r.investor_origin as Lead['investorOrigin'],
    investorPlace: r.investor_place,
    chain: r.chain,
    townshipCode: r.township_code,
    unitId: r.unit_id,
    team: r.team,
    source: r.source as Lead['source'],
    sourceDetail: r.source_detail,
    referrer: r.referrer,
    intendedAmount: toYuan(r.intended_amount),
    contractedAmount: toYuanOrNull(r.contracted_amount),
    fundsInPlace: toYuan(r.funds_in_place),
    expectedOutput: toYuanOrNull(r.expected_output),
    actualOutput: toYuanOrNull(r.actual_output),
    stage: r.stage as Lead['stage'],
    signKind: r.sign_kind as Lead['signKind'],
    terminatedReason: r.terminated_reason,
    receivedOn: r.received_on,
    projectId: r.project_id,
    notes: r.notes,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

function toRow(l: Lead): LeadTable {
  return {
    id: l.id,
    region_code: l.regionCode,
    name: l.name,
    investor: l.investor,
    investor_origin: l.investorOrigin,
    investor_place: l.investorPlace,
    chain: l.chain,
    township_code: l.townshipCode,
    unit_id: l.unitId,
    team: l.team,
    source: l.source,
    source_detail: l.sourceDetail,
    referrer: l.referrer,
    intended_amount: l.intendedAmount,
    contracted_amount: l.contractedAmount,
    funds_in_place: l.fundsInPlace,
    expected_output: l.expectedOutput,
    actual_output: l.actualOutput,
    stage: l.stage,
    sign_kind: l.signKind,
    terminated_reason: l.terminatedReason,
    received_on: l.receivedOn,
    project_id: l.projectId,
    notes: l.notes,
    created_at: l.createdAt,
    updated_at: l.updatedAt,
    version: l.version,
  };
}

export async function insertLeads(db: Db, leads: readonly Lead[]): Promise<void> {
  for (let i = 0; i < leads.length; i += 200) await db.insertInto('lead').values(leads.slice(i, i + 200).map(toRow)).execute();
}

/** Writes a lead if its stored version is the one read; false when someone changed it meanwhile. */
export async function updateLeadRow(db: Db, lead: Lead, expectedVersion: number): Promise<boolean> {
  const { id: _id, ...rest } = toRow(lead);
  const r = await db.updateTable('lead').set(rest).where('id', '=', lead.id).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function findLead(db: Db, id: string): Promise<Lead | undefined> {
  const r = await db.selectFrom('lead').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toLead(r) : undefined;
}

/** The leads of a region (a county, city or province), optionally of one unit. */
export async function listLeads(db: Db, q: { regionCode: string; unitId?: string | null; townshipCode?: string | null }): Promise<Lead[]> {
  const [lo, hi] = countyRange(q.regionCode);
  const rows = await db
    .selectFrom('lead')
    .selectAll()
    .where('region_code', '>=', lo)
    .where('region_code', '<=', hi)
    .$if(!!q.unitId, (qb) => qb.where('unit_id', '=', q.unitId!))
    .$if(!!q.townshipCode, (qb) => qb.where('township_code', '=', q.townshipCode!))
    .orderBy('received_on', 'desc')
    .orderBy('name')
    .execute();
  return rows.map(toLead);
}

export async function leadByProject(db: Db, projectId: string): Promise<Lead | undefined> {
  const r = await db.selectFrom('lead').selectAll().where('project_id', '=', projectId).executeTakeFirst();
  return r ? toLead(r) : undefined;
}

/** The 开工 and 投产 days of the projects leads became, so the funnel follows them through the monthly round. */
export async function projectDays(db: Db, projectIds: readonly string[]): Promise<Map<string, { startedOn: string | null; operatingOn: string | null; name: string }>> {
  const out = new Map<string, { startedOn: string | null; operatingOn: string | null; name: string }>();
  for (let i = 0; i < projectIds.length; i += 500) {
    const rows = await db.selectFrom('project').select(['id', 'name', 'started_on', 'operating_on']).where('id', 'in', projectIds.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.id, { startedOn: r.started_on, operatingOn: r.operating_on, name: r.name });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// 包联领导 of a lead: kept here, passed on to the project it becomes through one place (services/attraction/convert-lead.ts).

export async function replaceLeadLeaders(db: Db, leadId: string, leaderIds: readonly string[]): Promise<void> {
  await db.deleteFrom('lead_leader').where('lead_id', '=', leadId).execute();
  if (leaderIds.length === 0) return;
  await db.insertInto('lead_leader').values(leaderIds.map((leaderId, i) => ({ lead_id: leadId, leader_id: leaderId, sort_order: i }))).execute();
}

export async function leadLeaders(db: Db, leadIds: readonly string[]): Promise<Map<string, { id: string; name: string }[]>> {
  const out = new Map<string, { id: string; name: string }[]>();
  for (let i = 0; i < leadIds.length; i += 500) {
    const rows = await db
      .selectFrom('lead_leader as ll')
      .innerJoin('leader as l', 'l.id', 'll.leader_id')
      .select(['ll.lead_id', 'l.id', 'l.name'])
      .where('ll.lead_id', 'in', leadIds.slice(i, i + 500))
      .orderBy('ll.sort_order')
      .execute();
    for (const r of rows) out.set(r.lead_id, [...(out.get(r.lead_id) ?? []), { id: r.id, name: r.name }]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Moves, follow-ups and field history.

export async function insertLeadEvents(db: Db, events: readonly LeadEvent[]): Promise<void> {
  for (let i = 0; i < events.length; i += 200) {
    await db
      .insertInto('lead_event')
      .values(events.slice(i, i + 200).map((e) => ({
        id: e.id, lead_id: e.leadId, kind: e.kind, stage: e.stage, sign_kind: e.signKind, on_day: e.on, evidence: e.evidence, note: e.note,
        recorded_at: e.recordedAt, recorded_by: e.recordedBy,
      })))
      .execute();
  }
}

export type LeadEventRow = LeadEvent & { recordedByName: string | null };

/** The events of leads in the order they happened (day, then when recorded). */
export async function leadEvents(db: Db, leadIds: readonly string[]): Promise<LeadEventRow[]> {
  const out: LeadEventRow[] = [];
  for (let i = 0; i < leadIds.length; i += 500) {
    const rows = await db
      .selectFrom('lead_event as e')
      .leftJoin('app_user as u', 'u.id', 'e.recorded_by')
      .select(['e.id', 'e.lead_id', 'e.kind', 'e.stage', 'e.sign_kind', 'e.on_day', 'e.evidence', 'e.note', 'e.recorded_at', 'e.recorded_by', 'u.display_name'])
      .where('e.lead_id', 'in', leadIds.slice(i, i + 500))
      .orderBy('e.on_day')
      .orderBy('e.recorded_at')
      .orderBy('e.id')
      .execute();
    for (const r of rows) {
      out.push({
        id: r.id, leadId: r.lead_id, kind: r.kind as LeadEvent['kind'], stage: r.stage as LeadEvent['stage'], signKind: r.sign_kind as LeadEvent['signKind'],
        on: r.on_day, evidence: r.evidence, note: r.note, recordedAt: r.recorded_at, recordedBy: r.recorded_by, recordedByName: r.display_name ?? null,
      });
    }
  }
  return out;
}

export interface LeadHistoryEntry {
  id: string;
  leadId: string;
  changedAt: string;
  userId: string | null;
  field: string;
  before: string | null;
  after: string | null;
}

export async function insertLeadHistory(db: Db, entries: readonly LeadHistoryEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 200) {
    await db
      .insertInto('lead_history')
      .values(entries.slice(i, i + 200).map((e) => ({ id: e.id, lead_id: e.leadId, changed_at: e.changedAt, user_id: e.userId, field: e.field, before_value: e.before, after_value: e.after })))
      .execute();
  }
}

export async function findLeadHistory(db: Db, leadId: string): Promise<(LeadHistoryEntry & { userName: string | null })[]> {
  const rows = await db
    .selectFrom('lead_history as h')
    .leftJoin('app_user as u', 'u.id', 'h.user_id')
    .select(['h.id', 'h.lead_id', 'h.changed_at', 'h.user_id', 'h.field', 'h.before_value', 'h.after_value', 'u.display_name'])
    .where('h.lead_id', '=', leadId)
    .orderBy('h.changed_at', 'desc')
    .orderBy('h.id')
    .execute();
  return rows.map((r) => ({ id: r.id, leadId: r.lead_id, changedAt: r.changed_at, userId: r.user_id, field: r.field, before: r.before_value, after: r.after_value, userName: r.display_name ?? null }));
}

/** Claims a timer's notice: true the first time for this lead, kind and due day, false ever after. */
export async function claimLeadNotice(db: Db, n: { leadId: string; kind: string; dueOn: string; sentAt: string }): Promise<boolean> {
  const r = await db
    .insertInto('lead_notice')
    .values({ lead_id: n.leadId, kind: n.kind, due_on: n.dueOn, sent_at: n.sentAt })
    .onConflict((oc) => oc.columns(['lead_id', 'kind', 'due_on']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

// ---------------------------------------------------------------------------------------------------------------
// Targets: a rate is stored as whole millionths of the fraction (40% is 400 000), like the indicators' rates.

export interface StoredAttractionTarget extends AttractionTarget {
  regionCode: string;
  year: number;
  source: 'entered' | 'report';
  sourceText: string | null;
}

const ppm = (key: AttractionTargetKey) => key === 'landingRate';

export async function upsertAttractionTargets(db: Db, targets: readonly StoredAttractionTarget[], updatedAt: string, updatedBy: string | null): Promise<void> {
  for (const t of targets) {
    const value = ppm(t.key) ? Math.round(t.value * 1_000_000) : t.value;
    await db
      .insertInto('attraction_target')
      .values({ region_code: t.regionCode, year: t.year, key: t.key, value, threshold: t.threshold, qualifier: t.qualifier, source: t.source, source_text: t.sourceText, updated_at: updatedAt, updated_by: updatedBy })
      .onConflict((oc) => oc.columns(['region_code', 'year', 'key']).doUpdateSet({ value, threshold: t.threshold, qualifier: t.qualifier, source: t.source, source_text: t.sourceText, updated_at: updatedAt, updated_by: updatedBy }))
      .execute();
  }
}

export async function listAttractionTargets(db: Db, regionCode: string, year: number): Promise<StoredAttractionTarget[]> {
  const rows = await db.selectFrom('attraction_target').selectAll().where('region_code', '=', regionCode).where('year', '=', year).execute();
  return rows.map((r) => {
    const key = r.key as AttractionTargetKey;
    const value = Number(r.value);
    return {
      regionCode: r.region_code, year: r.year, key, value: ppm(key) ? value / 1_000_000 : value, threshold: toYuanOrNull(r.threshold),
      qualifier: r.qualifier as AttractionTarget['qualifier'], source: r.source as 'entered' | 'report', sourceText: r.source_text,
    };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// News candidates.

export interface NewsCandidateRow {
  id: string;
  regionCode: string;
  articleTitle: string;
  articleDate: string | null;
  placeCode: string | null;
  placeName: string | null;
  project: string;
  event: string;
  amount: number | null;
  amountText: string | null;
  enterprise: string | null;
  sentence: string;
  status: 'pending' | 'accepted' | 'rejected';
  leadId: string | null;
  createdAt: string;
  decidedAt: string | null;
}

export async function insertNewsCandidates(db: Db, rows: readonly NewsCandidateRow[], createdBy: string | null): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('news_candidate')
      .values(rows.slice(i, i + 200).map((c) => ({
        id: c.id, region_code: c.regionCode, article_title: c.articleTitle, article_date: c.articleDate, place_code: c.placeCode, place_name: c.placeName,
        project: c.project, event: c.event, amount: c.amount, amount_text: c.amountText, enterprise: c.enterprise, sentence: c.sentence,
        status: c.status, lead_id: c.leadId, created_at: c.createdAt, created_by: createdBy, decided_at: c.decidedAt, decided_by: null,
      })))
      .execute();
  }
}

function toCandidate(r: Selectable<Database['news_candidate']>): NewsCandidateRow {
  return {
    id: r.id, regionCode: r.region_code, articleTitle: r.article_title, articleDate: r.article_date, placeCode: r.place_code, placeName: r.place_name,
    project: r.project, event: r.event, amount: toYuanOrNull(r.amount), amountText: r.amount_text, enterprise: r.enterprise, sentence: r.sentence,
    status: r.status as NewsCandidateRow['status'], leadId: r.lead_id, createdAt: r.created_at, decidedAt: r.decided_at,
  };
}

export async function listNewsCandidates(db: Db, regionCode: string, status?: NewsCandidateRow['status']): Promise<NewsCandidateRow[]> {
  const rows = await db
    .selectFrom('news_candidate')
    .selectAll()
    .where('region_code', '=', regionCode)
    .$if(status !== undefined, (qb) => qb.where('status', '=', status!))
    .orderBy('created_at', 'desc')
    .orderBy('article_title')
    .orderBy('id')
    .execute();
  return rows.map(toCandidate);
}

export async function findNewsCandidate(db: Db, id: string): Promise<NewsCandidateRow | undefined> {
  const r = await db.selectFrom('news_candidate').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toCandidate(r) : undefined;
}

/** Decides a pending candidate; false when it was decided meanwhile. */
export async function decideNewsCandidate(db: Db, id: string, d: { status: 'accepted' | 'rejected'; leadId: string | null; decidedAt: string; decidedBy: string | null }): Promise<boolean> {
  const r = await db
    .updateTable('news_candidate')
    .set({ status: d.status, lead_id: d.leadId, decided_at: d.decidedAt, decided_by: d.decidedBy })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** How many leads of a county each stage holds (for the ledger's tabs). */
export async function leadStageCounts(db: Db, regionCode: string): Promise<Map<string, number>> {
  const [lo, hi] = countyRange(regionCode);
  const rows = await db
    .selectFrom('lead')
    .select(['stage', sql<number>`count(*)`.as('n')])
    .where('region_code', '>=', lo)
    .where('region_code', '<=', hi)
    .groupBy('stage')
    .execute();
  return new Map(rows.map((r) => [r.stage, Number(r.n)]));
}
