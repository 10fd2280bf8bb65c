// Attraction leads (招商线索): register, edit, move from stage to stage with dated evidence, record follow-ups; one
// lead with its whole life for its page, and the ledger of a county's leads.

import { canCreateProject, canEditProject, canReadProject, coversRegion, type Actor } from '../../domain/access.ts';
import { amountAt, LEAD_STAGE_LABELS, moveProblem, signKindAfter, stageDays, stageOn, type Lead, type LeadEvent, type LeadStatus, type StageDays } from '../../domain/attraction/lead.ts';
import { LEAD_FIELD_LABELS, LeadCreateSchema, LeadFollowUpSchema, LeadMoveSchema, LeadUpdateSchema, type LeadPatch } from '../../domain/attraction/lead-input.ts';
import { leadTimers, type LeadTimer } from '../../domain/attraction/lead-sla.ts';
import { AppError, forbidden, invalidInput, notFound, type FieldIssue } from '../../domain/errors.ts';
import { cstParts, type Day } from '../../domain/months.ts';
import { parseInput } from '../../domain/validation.ts';
import {
  findLead, findLeadHistory, insertLeadEvents, insertLeadHistory, insertLeads, leadEvents, leadLeaders, listLeads, projectDays, replaceLeadLeaders,
  updateLeadRow, type LeadEventRow, type LeadHistoryEntry,
} from '../../db/repositories/lead.repository.ts';
import { childRegions, listLeaders, listUnits } from '../../db/repositories/region.repository.ts';
import { inTransaction, newId, type Db } from '../../db/transaction.ts';
import { loadLeadSla } from './lead-sla.ts';

/** Today in China Standard Time: the day a county's clerk would write. */
export function cstToday(now: Date): Day {
  return cstParts(now).day;
}

const userOf = (actor: Actor) => (actor.userId === 'system' ? null : actor.userId);

/** Loads a lead the actor may read: a reporter its own unit's, others their region's. */
export async function loadReadableLead(db: Db, id: string, actor: Actor): Promise<Lead> {
  const lead = await findLead(db, id);
  if (!lead) throw notFound('线索');
  if (!canReadProject(actor, lead)) throw forbidden('无权查看该线索');
  return lead;
}

async function loadEditableLead(db: Db, id: string, actor: Actor): Promise<Lead> {
  const lead = await loadReadableLead(db, id, actor);
  if (!canEditProject(actor, lead)) throw forbidden('无权修改该线索');
  return lead;
}

/** The lead's stage days and where it stands on a day, following the project it became. */
export async function leadProgress(db: Db, leads: readonly Lead[], events: readonly LeadEvent[]): Promise<Map<string, { days: StageDays; terminatedOn: Day | null }>> {
  const projects = await projectDays(db, leads.flatMap((l) => (l.projectId ? [l.projectId] : [])));
  const byLead = new Map<string, LeadEvent[]>();
  for (const e of events) byLead.set(e.leadId, [...(byLead.get(e.leadId) ?? []), e]);
  const out = new Map<string, { days: StageDays; terminatedOn: Day | null }>();
  for (const l of leads) {
    const moves = (byLead.get(l.id) ?? []).filter((e) => e.kind === 'stage');
    const terminatedOn = moves.find((e) => e.stage === 'terminated')?.on ?? null;
    out.set(l.id, { days: stageDays(l.receivedOn, moves, l.projectId ? projects.get(l.projectId) : null), terminatedOn });
  }
  return out;
}

/** The stage a lead stands at on a day, its converted project's 开工/投产 included. */
export function effectiveStage(lead: Lead, progress: { days: StageDays; terminatedOn: Day | null }, day: Day): LeadStatus {
  return stageOn(progress.days, progress.terminatedOn, day) ?? lead.stage;
}

async function checkReferences(db: Db, county: string, f: LeadPatch): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  if (f.townshipCode) {
    const towns = await childRegions(db, county);
    if (!towns.some((t) => t.code === f.townshipCode)) issues.push({ field: 'townshipCode', message: `所在乡镇（园区）${f.townshipCode}不在本县` });
  }
  if (f.unitId) {
    const units = await listUnits(db, county);
    if (!units.some((u) => u.id === f.unitId)) issues.push({ field: 'unitId', message: '责任单位不是本县的单位' });
  }
  if (f.leaderIds && f.leaderIds.length > 0) {
    const leaders = new Set((await listLeaders(db, county)).map((l) => l.id));
    if (f.leaderIds.some((id) => !leaders.has(id))) issues.push({ field: 'leaderIds', message: '包联领导不是本县的领导' });
  }
  return issues;
}

/**
 * Registers a lead at 线索 (dispatchers and admins of the county; a reporter for its own unit), with its 包联领导.
 * @example createLead(db, { regionCode: '140423', name: '高端装备制造标准化厂房', source: 'byBusiness', receivedOn: '2023-01-05', intendedAmount: 360_000_000 }, actor)
 */
export async function createLead(db: Db, input: unknown, actor: Actor, now: Date = new Date()): Promise<Lead> {
  const data = parseInput(LeadCreateSchema, input, LEAD_FIELD_LABELS);
  const unitId = data.unitId ?? (actor.role === 'reporter' ? actor.unitId : null);
  if (!canCreateProject(actor, data.regionCode) && !(actor.role === 'reporter' && canEditProject(actor, { regionCode: data.regionCode, unitId }))) {
    throw forbidden('无权在该县登记线索');
  }
  if (data.receivedOn > cstToday(now)) throw invalidInput([{ field: 'receivedOn', message: `获得线索日期${data.receivedOn}晚于今天` }]);
  const stamp = now.toISOString();
  const lead: Lead = {
    id: newId(),
    regionCode: data.regionCode,
    name: data.name,
    investor: data.investor ?? null,
    investorOrigin: data.investorOrigin ?? null,
    investorPlace: data.investorPlace ?? null,
    chain: data.chain ?? null,
    townshipCode: data.townshipCode ?? null,
    unitId,
    team: data.team ?? null,
    source: data.source,
    sourceDetail: data.sourceDetail ?? null,
    referrer: data.referrer ?? null,
    intendedAmount: data.intendedAmount ?? 0,
    contractedAmount: data.contractedAmount ?? null,
    fundsInPlace: data.fundsInPlace ?? 0,
    expectedOutput: data.expectedOutput ?? null,
    actualOutput: data.actualOutput ?? null,
    stage: 'lead',
    signKind: null,
    terminatedReason: null,
    receivedOn: data.receivedOn,
    projectId: null,
    notes: data.notes ?? null,
    createdAt: stamp,
    updatedAt: stamp,
    version: 1,
  };
  return inTransaction(db, async (trx) => {
    const issues = await checkReferences(trx, lead.regionCode, { ...data, unitId });
    if (issues.length > 0) throw invalidInput(issues);
    await insertLeads(trx, [lead]);
    await replaceLeadLeaders(trx, lead.id, data.leaderIds ?? []);
    await insertLeadHistory(trx, [{ id: newId(), leadId: lead.id, changedAt: stamp, userId: userOf(actor), field: 'created', before: null, after: lead.name }]);
    return lead;
  });
}

const EDITABLE: readonly (keyof LeadPatch & keyof Lead)[] = [
  'name', 'investor', 'investorOrigin', 'investorPlace', 'chain', 'townshipCode', 'unitId', 'team', 'source', 'sourceDetail', 'referrer',
  'intendedAmount', 'contractedAmount', 'fundsInPlace', 'expectedOutput', 'actualOutput', 'receivedOn', 'notes',
];

const show = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** Edits a lead's fields (not its stage: that moves through {@link moveLead}); every change goes to its history. */
export async function updateLead(db: Db, id: string, input: unknown, actor: Actor, now: Date = new Date()): Promise<Lead> {
  const { version, ...patch } = parseInput(LeadUpdateSchema, input, LEAD_FIELD_LABELS);
  return inTransaction(db, async (trx) => {
    const before = await loadEditableLead(trx, id, actor);
    if (version !== undefined && version !== before.version) throw new AppError('conflict', '该线索已被他人修改，请刷新后再改');
    const issues = await checkReferences(trx, before.regionCode, patch);
    if (patch.receivedOn && patch.receivedOn > cstToday(now)) issues.push({ field: 'receivedOn', message: `获得线索日期${patch.receivedOn}晚于今天` });
    if (issues.length > 0) throw invalidInput(issues);
    const stamp = now.toISOString();
    const after: Lead = { ...before };
    const history: LeadHistoryEntry[] = [];
    for (const field of EDITABLE) {
      if (!(field in patch)) continue;
      const value = (patch as Record<string, unknown>)[field] ?? null;
      if (show(value) === show(before[field])) continue;
      (after as unknown as Record<string, unknown>)[field] = value;
      history.push({ id: newId(), leadId: id, changedAt: stamp, userId: userOf(actor), field, before: show(before[field]), after: show(value) });
    }
    if (patch.leaderIds !== undefined) {
      const old = (await leadLeaders(trx, [id])).get(id) ?? [];
      if (old.map((l) => l.id).join(',') !== patch.leaderIds.join(',')) {
        await replaceLeadLeaders(trx, id, patch.leaderIds);
        history.push({ id: newId(), leadId: id, changedAt: stamp, userId: userOf(actor), field: 'leaderIds', before: old.map((l) => l.name).join('、') || null, after: (await leadLeaders(trx, [id])).get(id)?.map((l) => l.name).join('、') ?? null });
      }
    }
    if (history.length === 0) return before;
    const next = { ...after, updatedAt: stamp, version: before.version + 1 };
    if (!(await updateLeadRow(trx, next, before.version))) throw new AppError('conflict', '该线索已被他人修改，请刷新后再改');
    await insertLeadHistory(trx, history);
    return next;
  });
}

/**
 * Moves a lead to a stage, or ends it (终止) with a reason: dated, with its evidence, forward only
 * ({@link moveProblem}). A lead that became a project reaches 开工 and 投产 with the project (the monthly round
 * records them), so those two moves are refused here and point to the project.
 */
export async function moveLead(db: Db, id: string, input: unknown, actor: Actor, now: Date = new Date()): Promise<Lead> {
  const move = parseInput(LeadMoveSchema, input, LEAD_FIELD_LABELS);
  return inTransaction(db, async (trx) => {
    const lead = await loadEditableLead(trx, id, actor);
    const events = await leadEvents(trx, [id]);
    const today = cstToday(now);
    const progress = (await leadProgress(trx, [lead], events)).get(id)!;
    const current = effectiveStage(lead, progress, today);
    if (lead.projectId && (move.to === 'started' || move.to === 'operating')) {
      throw invalidInput([{ field: 'to', message: '该线索已转为项目，开工、投产随项目的月报记录，请在项目中填报' }]);
    }
    const lastMoveOn = events.filter((e) => e.kind === 'stage').map((e) => e.on).reduce((a, b) => (b > a ? b : a), lead.receivedOn);
    const problem = moveProblem({ stage: current, signKind: lead.signKind, lastMoveOn }, { to: move.to, on: move.on, evidence: move.evidence, signKind: move.signKind ?? null, reason: move.reason ?? null }, today);
    if (problem) throw invalidInput([{ field: 'to', message: problem }]);
    const stamp = now.toISOString();
    const after: Lead = {
      ...lead,
      stage: move.to,
      signKind: signKindAfter(lead.signKind, { to: move.to, on: move.on, evidence: move.evidence, signKind: move.signKind ?? null }),
      terminatedReason: move.to === 'terminated' ? move.reason ?? null : lead.terminatedReason,
      contractedAmount: move.contractedAmount ?? lead.contractedAmount,
      updatedAt: stamp,
      version: lead.version + 1,
    };
    const event: LeadEvent = {
      id: newId(), leadId: id, kind: 'stage', stage: move.to, signKind: move.to === 'signed' ? (move.signKind ?? null) : null, on: move.on,
      evidence: move.evidence, note: move.to === 'terminated' ? (move.reason ?? null) : (move.note ?? null), recordedAt: stamp, recordedBy: userOf(actor),
    };
    if (!(await updateLeadRow(trx, after, lead.version))) throw new AppError('conflict', '该线索已被他人修改，请刷新后再改');
    await insertLeadEvents(trx, [event]);
    const history: LeadHistoryEntry[] = [{ id: newId(), leadId: id, changedAt: stamp, userId: userOf(actor), field: 'stage', before: LEAD_STAGE_LABELS[current], after: `${LEAD_STAGE_LABELS[move.to]}（${move.on}）` }];
    if (move.contractedAmount !== undefined && move.contractedAmount !== lead.contractedAmount) {
      history.push({ id: newId(), leadId: id, changedAt: stamp, userId: userOf(actor), field: 'contractedAmount', before: show(lead.contractedAmount), after: show(move.contractedAmount) });
    }
    await insertLeadHistory(trx, history);
    return after;
  });
}

/** Records a follow-up (答复、研判、答复推荐人、进展报告): the response timers count it; not after today. */
export async function recordFollowUp(db: Db, id: string, input: unknown, actor: Actor, now: Date = new Date()): Promise<LeadEvent> {
  const f = parseInput(LeadFollowUpSchema, input, LEAD_FIELD_LABELS);
  return inTransaction(db, async (trx) => {
    const lead = await loadEditableLead(trx, id, actor);
    if (f.on > cstToday(now)) throw invalidInput([{ field: 'on', message: `日期${f.on}晚于今天` }]);
    if (f.on < lead.receivedOn) throw invalidInput([{ field: 'on', message: `日期${f.on}早于获得线索的日期（${lead.receivedOn}）` }]);
    if (f.kind === 'referrerAnswer' && !lead.referrer) throw invalidInput([{ field: 'kind', message: '该线索没有推荐人，无需答复' }]);
    const event: LeadEvent = { id: newId(), leadId: id, kind: f.kind, stage: null, signKind: null, on: f.on, evidence: null, note: f.note, recordedAt: now.toISOString(), recordedBy: userOf(actor) };
    await insertLeadEvents(trx, [event]);
    return event;
  });
}

export interface LeadView {
  lead: Lead;
  /** Where the lead stands today, the project's 开工/投产 included. */
  stage: LeadStatus;
  leaders: { id: string; name: string }[];
  days: StageDays;
  terminatedOn: Day | null;
  amount: number;
  timers: LeadTimer[];
  overdue: boolean;
}

/** The leads of a region with where each stands and whether a timer is overdue, as the ledger lists them. */
export async function listLeadViews(db: Db, q: { region: string; on?: Day }, actor: Actor, now: Date = new Date()): Promise<LeadView[]> {
  if (!coversRegion(actor, q.region)) throw forbidden('无权查看该地区的线索');
  const leads = (await listLeads(db, { regionCode: q.region, unitId: actor.role === 'reporter' ? (actor.unitId ?? '-') : null, townshipCode: q.region.length === 9 ? q.region : null }))
    .filter((l) => canReadProject(actor, l));
  return viewsOf(db, leads, q.on ?? cstToday(now));
}

export async function viewsOf(db: Db, leads: readonly Lead[], day: Day): Promise<LeadView[]> {
  const ids = leads.map((l) => l.id);
  const [events, leaders] = await Promise.all([leadEvents(db, ids), leadLeaders(db, ids)]);
  const progress = await leadProgress(db, leads, events);
  const sla = await loadLeadSla(db, leads[0]?.regionCode ?? '');
  const byLead = new Map<string, LeadEventRow[]>();
  for (const e of events) byLead.set(e.leadId, [...(byLead.get(e.leadId) ?? []), e]);
  return leads.map((lead) => {
    const p = progress.get(lead.id)!;
    const stage = effectiveStage(lead, p, day);
    const timers = leadTimers({ receivedOn: lead.receivedOn, stage, referrer: lead.referrer, events: (byLead.get(lead.id) ?? []).map((e) => ({ kind: e.kind, on: e.on })) }, day, sla);
    return {
      lead, stage, leaders: leaders.get(lead.id) ?? [], days: p.days, terminatedOn: p.terminatedOn,
      amount: stage === 'terminated' ? (lead.contractedAmount ?? lead.intendedAmount) : amountAt(stage, lead),
      timers, overdue: timers.some((t) => t.overdue),
    };
  });
}

export interface LeadDetail extends LeadView {
  events: LeadEventRow[];
  history: (LeadHistoryEntry & { userName: string | null })[];
  project: { id: string; name: string; startedOn: string | null; operatingOn: string | null } | null;
  canEdit: boolean;
  day: Day;
}

/** One lead with its whole life: stage days, moves and follow-ups with their evidence, field history, timers, project. */
export async function getLead(db: Db, id: string, actor: Actor, now: Date = new Date()): Promise<LeadDetail> {
  const lead = await loadReadableLead(db, id, actor);
  const day = cstToday(now);
  const [view] = await viewsOf(db, [lead], day);
  const [events, history, projects] = await Promise.all([leadEvents(db, [id]), findLeadHistory(db, id), projectDays(db, lead.projectId ? [lead.projectId] : [])]);
  const p = lead.projectId ? projects.get(lead.projectId) : undefined;
  return {
    ...view!,
    events,
    history,
    project: p && lead.projectId ? { id: lead.projectId, name: p.name, startedOn: p.startedOn, operatingOn: p.operatingOn } : null,
    canEdit: canEditProject(actor, lead),
    day,
  };
}
