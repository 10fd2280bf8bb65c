// 三个一批 events as the attraction area keeps them: numbered and placed, holding projects (with the output announced)
// and leads not yet projects; what a batch's follow-up needs of each.

import type { Kysely } from 'kysely';
import { toYuan, toYuanOrNull } from '../../domain/money.ts';
import type { Database } from '../schema.ts';
import type { BatchKind } from './batch.repository.ts';
import { countyRange } from './scope.ts';

type Db = Kysely<Database>;

export interface BatchEventRow {
  id: string;
  regionCode: string;
  heldOn: string;
  title: string;
  edition: number | null;
  venue: string | null;
}

export async function insertBatchEvent(db: Db, b: BatchEventRow): Promise<void> {
  await db.insertInto('batch_event').values({ id: b.id, region_code: b.regionCode, held_on: b.heldOn, title: b.title, edition: b.edition, venue: b.venue }).execute();
}

const toEvent = (r: { id: string; region_code: string; held_on: string; title: string; edition: number | null; venue: string | null }): BatchEventRow => ({
  id: r.id, regionCode: r.region_code, heldOn: r.held_on, title: r.title, edition: r.edition === null ? null : Number(r.edition), venue: r.venue,
});

export async function listBatchEvents(db: Db, regionCode: string, year: number | null): Promise<BatchEventRow[]> {
  const [lo, hi] = countyRange(regionCode);
  const rows = await db
    .selectFrom('batch_event')
    .selectAll()
    .where('region_code', '>=', lo)
    .where('region_code', '<=', hi)
    .$if(year !== null, (qb) => qb.where('held_on', '>=', `${year}-01-01`).where('held_on', '<=', `${year}-12-31`))
    .orderBy('held_on')
    .execute();
  return rows.map(toEvent);
}

export async function findBatchEvent(db: Db, id: string): Promise<BatchEventRow | undefined> {
  const r = await db.selectFrom('batch_event').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toEvent(r) : undefined;
}

/** A project of a batch with what its follow-up needs: its size, its 开工/投产 days, the output announced and reached. */
export interface BatchProjectItem {
  projectId: string;
  kind: BatchKind;
  name: string;
  totalInvestment: number;
  startedOn: string | null;
  operatingOn: string | null;
  expectedOutput: number | null;
  /** The lead the project came from, whose output figures follow it. */
  leadId: string | null;
  actualOutput: number | null;
}

export async function batchProjectItems(db: Db, batchIds: readonly string[]): Promise<(BatchProjectItem & { batchId: string })[]> {
  if (batchIds.length === 0) return [];
  const rows = await db
    .selectFrom('batch_project as bp')
    .innerJoin('project as p', 'p.id', 'bp.project_id')
    .leftJoin('lead as l', 'l.project_id', 'p.id')
    .select(['bp.batch_id', 'bp.project_id', 'bp.kind', 'bp.expected_output', 'p.name', 'p.total_investment', 'p.started_on', 'p.operating_on', 'l.id as lead_id', 'l.expected_output as lead_expected', 'l.actual_output'])
    .where('bp.batch_id', 'in', batchIds)
    .orderBy('p.name')
    .execute();
  return rows.map((r) => ({
    batchId: r.batch_id,
    projectId: r.project_id,
    kind: r.kind as BatchKind,
    name: r.name,
    totalInvestment: toYuan(r.total_investment),
    startedOn: r.started_on,
    operatingOn: r.operating_on,
    expectedOutput: toYuanOrNull(r.expected_output) ?? toYuanOrNull(r.lead_expected),
    leadId: r.lead_id ?? null,
    actualOutput: toYuanOrNull(r.actual_output),
  }));
}

export async function batchLeadIds(db: Db, batchIds: readonly string[]): Promise<{ batchId: string; leadId: string; kind: BatchKind }[]> {
  if (batchIds.length === 0) return [];
  const rows = await db.selectFrom('batch_lead').select(['batch_id', 'lead_id', 'kind']).where('batch_id', 'in', batchIds).execute();
  return rows.map((r) => ({ batchId: r.batch_id, leadId: r.lead_id, kind: r.kind as BatchKind }));
}

export async function attachBatchProjects(db: Db, batchId: string, items: readonly { projectId: string; kind: BatchKind; expectedOutput: number | null }[]): Promise<void> {
  for (const i of items) {
    await db
      .insertInto('batch_project')
      .values({ batch_id: batchId, project_id: i.projectId, kind: i.kind, expected_output: i.expectedOutput })
      .onConflict((oc) => oc.columns(['batch_id', 'project_id', 'kind']).doUpdateSet({ expected_output: i.expectedOutput }))
      .execute();
  }
}

export async function attachBatchLeads(db: Db, batchId: string, items: readonly { leadId: string; kind: BatchKind }[]): Promise<void> {
  for (const i of items) {
    await db
      .insertInto('batch_lead')
      .values({ batch_id: batchId, lead_id: i.leadId, kind: i.kind })
      .onConflict((oc) => oc.columns(['batch_id', 'lead_id', 'kind']).doNothing())
      .execute();
  }
}

/** Whether a project or lead already counts in another batch of the same kind (a project counts once per category). */
export async function countedElsewhere(db: Db, batchId: string, kind: BatchKind, ids: { projectIds: readonly string[]; leadIds: readonly string[] }): Promise<Set<string>> {
  const out = new Set<string>();
  if (ids.projectIds.length > 0) {
    const rows = await db.selectFrom('batch_project').select('project_id').where('kind', '=', kind).where('batch_id', '!=', batchId).where('project_id', 'in', ids.projectIds).execute();
    for (const r of rows) out.add(r.project_id);
  }
  if (ids.leadIds.length > 0) {
    const rows = await db.selectFrom('batch_lead').select('lead_id').where('kind', '=', kind).where('batch_id', '!=', batchId).where('lead_id', 'in', ids.leadIds).execute();
    for (const r of rows) out.add(r.lead_id);
  }
  return out;
}

export async function detachBatchItem(db: Db, batchId: string, item: { projectId?: string; leadId?: string; kind: BatchKind }): Promise<void> {
  if (item.projectId) await db.deleteFrom('batch_project').where('batch_id', '=', batchId).where('project_id', '=', item.projectId).where('kind', '=', item.kind).execute();
  if (item.leadId) await db.deleteFrom('batch_lead').where('batch_id', '=', batchId).where('lead_id', '=', item.leadId).where('kind', '=', item.kind).execute();
}
