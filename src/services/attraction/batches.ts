// 三个一批 as first-class events: create a numbered batch with its date and venue, attach projects and leads as
// 签约/开工/投产, and follow each batch up (count, total investment, expected output; 开工率, 投产率, 达效率).

import { z } from 'zod';
import { canCreateProject, coversRegion, type Actor } from '../../domain/access.ts';
import { batchFollowUp, BATCH_CATEGORIES, type BatchFollowUp } from '../../domain/attraction/batch-follow-up.ts';
import { amountAt, isLeadStage, type LeadStage } from '../../domain/attraction/lead.ts';
import { forbidden, invalidInput, notFound } from '../../domain/errors.ts';
import type { Day } from '../../domain/months.ts';
import { dayInput, idInput, optionalPlainText, parseInput, plainText, wholeNumber, yuanAmount } from '../../domain/validation.ts';
import {
  attachBatchLeads, attachBatchProjects, batchLeadIds, batchProjectItems, countedElsewhere, detachBatchItem, findBatchEvent, insertBatchEvent,
  listBatchEvents, type BatchEventRow,
} from '../../db/repositories/attraction-batch.repository.ts';
import type { BatchKind } from '../../db/repositories/batch.repository.ts';
import { findLead, leadEvents } from '../../db/repositories/lead.repository.ts';
import { findProject } from '../../db/repositories/project.repository.ts';
import { inTransaction, newId, type Db } from '../../db/transaction.ts';
import { cstToday, effectiveStage, leadProgress } from './leads.ts';

export interface BatchItemView {
  kind: BatchKind;
  projectId: string | null;
  leadId: string | null;
  name: string;
  totalInvestment: number;
  expectedOutput: number | null;
  startedOn: Day | null;
  operatingOn: Day | null;
}

export interface BatchView extends BatchEventRow {
  items: BatchItemView[];
  followUp: BatchFollowUp;
}

/** The batches of a region's year with their projects and leads and each one's follow-up as of a day. */
export async function listBatches(db: Db, q: { region: string; year: number | null; on?: Day }, actor: Actor, now: Date = new Date()): Promise<{ day: Day; batches: BatchView[] }> {
  if (!coversRegion(actor, q.region)) throw forbidden('无权查看该地区的“三个一批”');
  const day = q.on ?? cstToday(now);
  const events = await listBatchEvents(db, q.region, q.year);
  return { day, batches: await viewsOf(db, events, day) };
}

async function viewsOf(db: Db, events: readonly BatchEventRow[], day: Day): Promise<BatchView[]> {
  const ids = events.map((e) => e.id);
  const [projects, leadLinks] = await Promise.all([batchProjectItems(db, ids), batchLeadIds(db, ids)]);
  const leads = (await Promise.all([...new Set(leadLinks.map((l) => l.leadId))].map((id) => findLead(db, id)))).filter((l) => l !== undefined);
  const progress = await leadProgress(db, leads, await leadEvents(db, leads.map((l) => l.id)));
  const leadById = new Map(leads.map((l) => [l.id, l]));
  return events.map((e) => {
    const items: (BatchItemView & { actualOutput: number | null })[] = [
      ...projects.filter((p) => p.batchId === e.id).map((p) => ({
        kind: p.kind, projectId: p.projectId, leadId: p.leadId, name: p.name, totalInvestment: p.totalInvestment, expectedOutput: p.expectedOutput,
        startedOn: p.startedOn, operatingOn: p.operatingOn, actualOutput: p.actualOutput,
      })),
      ...leadLinks.filter((l) => l.batchId === e.id).flatMap((link) => {
        const lead = leadById.get(link.leadId);
        if (!lead) return [];
        const p = progress.get(lead.id)!;
        const stage = effectiveStage(lead, p, day);
        return [{
          kind: link.kind, projectId: lead.projectId, leadId: lead.id, name: lead.name,
          totalInvestment: amountAt(isLeadStage(stage) ? stage : ('signed' as LeadStage), lead), expectedOutput: lead.expectedOutput,
          startedOn: p.days.started ?? null, operatingOn: p.days.operating ?? null, actualOutput: lead.actualOutput,
        }];
      }),
    ];
    return { ...e, items: items.map(({ actualOutput: _a, ...rest }) => rest), followUp: batchFollowUp(items, day) };
  });
}

export const BatchCreateSchema = z.object({
  region: z.string().regex(/^\d{6}(\d{3})?$/, '应为县或乡镇（园区）代码'),
  heldOn: dayInput(),
  title: plainText(200).min(1, '请填写活动名称'),
  edition: wholeNumber(1, 99).nullable().default(null),
  venue: optionalPlainText(200).default(null),
}).strict();

/** Creates a batch event (dispatchers and admins): 2023年第二期 on its date, at its venue. */
export async function createBatch(db: Db, input: unknown, actor: Actor): Promise<BatchEventRow> {
  const b = parseInput(BatchCreateSchema, input, { region: '地区', heldOn: '日期', title: '活动名称', edition: '期数', venue: '地点' });
  if (!canCreateProject(actor, b.region.slice(0, 6))) throw forbidden('只有调度员可以组织“三个一批”活动');
  const row: BatchEventRow = { id: newId(), regionCode: b.region, heldOn: b.heldOn, title: b.title, edition: b.edition, venue: b.venue };
  await insertBatchEvent(db, row);
  return row;
}

export const BatchAttachSchema = z.object({
  kind: z.enum(BATCH_CATEGORIES),
  projectIds: z.array(idInput()).max(500).default([]),
  leadIds: z.array(idInput()).max(500).default([]),
  /** 预计年产值 per project, announced at the event (元). */
  expectedOutputs: z.record(idInput(), yuanAmount('预计年产值').min(0, '预计年产值不能为负数')).default({}),
}).strict();

/** Which project or lead to take off a batch, as which category. */
export const BatchDetachSchema = z.object({ kind: z.enum(BATCH_CATEGORIES), projectId: idInput().optional(), leadId: idInput().optional() }).strict();

/** Attaches projects and leads to a batch as one category; a project or lead counts once per category across batches. */
export async function attachToBatch(db: Db, batchId: string, input: unknown, actor: Actor, now: Date = new Date()): Promise<BatchView> {
  const a = parseInput(BatchAttachSchema, input, { kind: '类别', projectIds: '项目', leadIds: '线索', expectedOutputs: '预计年产值' });
  return inTransaction(db, async (trx) => {
    const batch = await findBatchEvent(trx, batchId);
    if (!batch) throw notFound('“三个一批”活动');
    if (!canCreateProject(actor, batch.regionCode.slice(0, 6))) throw forbidden('只有调度员可以组织“三个一批”活动');
    const county = batch.regionCode.slice(0, 6);
    for (const id of a.projectIds) {
      const p = await findProject(trx, id);
      if (!p || p.regionCode !== county) throw invalidInput([{ field: 'projectIds', message: `项目${id}不是本县的项目` }]);
    }
    for (const id of a.leadIds) {
      const l = await findLead(trx, id);
      if (!l || l.regionCode !== county) throw invalidInput([{ field: 'leadIds', message: `线索${id}不是本县的线索` }]);
    }
    const twice = await countedElsewhere(trx, batchId, a.kind, { projectIds: a.projectIds, leadIds: a.leadIds });
    if (twice.size > 0) throw invalidInput([{ field: 'projectIds', message: `有${twice.size}个项目或线索已计入另一批次的同一类别，一个项目每类只计一次` }]);
    await attachBatchProjects(trx, batchId, a.projectIds.map((projectId) => ({ projectId, kind: a.kind, expectedOutput: a.expectedOutputs[projectId] ?? null })));
    await attachBatchLeads(trx, batchId, a.leadIds.map((leadId) => ({ leadId, kind: a.kind })));
    return (await viewsOf(trx, [batch], cstToday(now)))[0]!;
  });
}

/** Takes a project or lead off a batch. */
export async function detachFromBatch(db: Db, batchId: string, item: { projectId?: string; leadId?: string; kind: BatchKind }, actor: Actor, now: Date = new Date()): Promise<BatchView> {
  const batch = await findBatchEvent(db, batchId);
  if (!batch) throw notFound('“三个一批”活动');
  if (!canCreateProject(actor, batch.regionCode.slice(0, 6))) throw forbidden('只有调度员可以组织“三个一批”活动');
  await detachBatchItem(db, batchId, item);
  return (await viewsOf(db, [batch], cstToday(now)))[0]!;
}
