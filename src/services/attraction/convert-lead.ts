// A signed lead becomes a pool project without retyping: every field the lead holds goes to the project through the
// project's own creation service (so the project's rules apply), and the lead keeps the link, so the funnel follows
// the project to 开工 and 投产 through the monthly round.

import { canAddProject, type Actor } from '../../domain/access.ts';
import { LEAD_FIELD_LABELS, LeadConvertSchema } from '../../domain/attraction/lead-input.ts';
import { INVESTOR_ORIGIN_LABELS, LEAD_SOURCE_LABELS, stageIndex, type Lead, type LeadStage } from '../../domain/attraction/lead.ts';
import { AppError, forbidden, invalidInput } from '../../domain/errors.ts';
import type { ProjectCreate } from '../../domain/project/project-input.ts';
import type { Project, Stage } from '../../domain/project/project.ts';
import { parseInput } from '../../domain/validation.ts';
import { insertLeadHistory, leadEvents, leadLeaders, updateLeadRow } from '../../db/repositories/lead.repository.ts';
import { inTransaction, newId, type Db } from '../../db/transaction.ts';
import { createProject } from '../create-project.ts';
import { cstToday, effectiveStage, leadProgress, loadReadableLead } from './leads.ts';

/** The 包联领导 a project takes from its lead: all of them, in the lead's order. */
export function projectLeaderFields(leaderIds: readonly string[]): Pick<ProjectCreate, 'leaderIds'> {
  return { leaderIds: [...leaderIds] };
}

/** The project's stage for a lead's: a lead at 签约 or 注册 is a signed project; one past it has started. */
function projectStage(stage: LeadStage): Stage {
  if (stageIndex(stage) >= stageIndex('operating')) return 'operating';
  if (stageIndex(stage) >= stageIndex('started')) return 'underway';
  return 'signed';
}

/** The project a lead becomes, every field taken from the lead; what a lead cannot know comes from `extra`. */
export function projectFromLead(lead: Lead, days: { signed?: string; started?: string; operating?: string }, stage: LeadStage, leaderIds: readonly string[], extra: { year?: number; annualPlan?: number; industryCode?: string | null; constructionType?: ProjectCreate['constructionType']; category?: string | null }): ProjectCreate {
  const origin = lead.investorOrigin ? `，${INVESTOR_ORIGIN_LABELS[lead.investorOrigin]}${lead.investorPlace ? `（${lead.investorPlace}）` : ''}投资` : '';
  return {
    regionCode: lead.regionCode,
    name: lead.name,
    owner: lead.investor,
    townshipCode: lead.townshipCode,
    chain: lead.chain,
    unitId: lead.unitId,
    ...projectLeaderFields(leaderIds),
    stage: projectStage(stage),
    signedOn: days.signed ?? null,
    startedOn: days.started ?? null,
    operatingOn: days.operating ?? null,
    totalInvestment: lead.contractedAmount ?? lead.intendedAmount,
    industryCode: extra.industryCode ?? null,
    constructionType: extra.constructionType ?? null,
    category: extra.category ?? '招商引资项目',
    notes: `招商引资项目（${LEAD_SOURCE_LABELS[lead.source]}${origin}），由招商线索转入`,
    years: extra.year !== undefined ? [{ year: extra.year, phase: 'newStart', annualPlan: extra.annualPlan ?? 0, resumedOn: null }] : [],
  };
}

/**
 * Turns a signed lead into a pool project. Refused for a lead not yet signed, terminated, or already a project.
 * @example convertLead(db, leadId, { year: 2023, annualPlan: 200_000_000 }, dispatcher) // the project, linked to the lead
 */
export async function convertLead(db: Db, id: string, input: unknown, actor: Actor, now: Date = new Date()): Promise<{ lead: Lead; project: Project }> {
  const extra = parseInput(LeadConvertSchema, input ?? {}, { ...LEAD_FIELD_LABELS, year: '入库年度', annualPlan: '年度计划投资' });
  return inTransaction(db, async (trx) => {
    const lead = await loadReadableLead(trx, id, actor);
    // Who may add the project is asked before anything about the lead is judged, so a reader is told why in one way.
    if (!canAddProject(actor, { regionCode: lead.regionCode, unitId: lead.unitId })) throw forbidden('只有调度员（或线索所属单位的填报员）可以把线索转为项目');
    if (lead.projectId) throw new AppError('conflict', '该线索已转为项目，不能重复转入');
    const events = await leadEvents(trx, [id]);
    const progress = (await leadProgress(trx, [lead], events)).get(id)!;
    const stage = effectiveStage(lead, progress, cstToday(now));
    if (stage === 'terminated') throw invalidInput([{ field: 'stage', message: '线索已终止，不能转为项目' }]);
    if (stageIndex(stage) < stageIndex('signed')) throw invalidInput([{ field: 'stage', message: `线索尚在“${stage === 'lead' ? '线索' : '洽谈'}”阶段，签约后才能转为项目` }]);
    const leaders = ((await leadLeaders(trx, [id])).get(id) ?? []).map((l) => l.id);
    const project = await createProject(trx, projectFromLead(lead, progress.days, stage, leaders, extra), actor, now);
    const stamp = now.toISOString();
    const after: Lead = { ...lead, projectId: project.id, updatedAt: stamp, version: lead.version + 1 };
    if (!(await updateLeadRow(trx, after, lead.version))) throw new AppError('conflict', '该线索已被他人修改，请刷新后再转');
    await insertLeadHistory(trx, [{ id: newId(), leadId: id, changedAt: stamp, userId: actor.userId === 'system' ? null : actor.userId, field: 'projectId', before: null, after: project.name }]);
    return { lead: after, project };
  });
}
