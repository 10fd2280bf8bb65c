// 三个一批 batch events and fund applications attached to projects.

import type { Kysely } from 'kysely';
import { toYuan } from '../../domain/money.ts';
import type { BatchKind, FundKind } from '../../domain/project/project.ts';
import type { Database } from '../schema.ts';

type Db = Kysely<Database>;

// The kinds are the domain's; re-exported for the callers that take them from here.
export { BATCH_KINDS, FUND_KINDS, type BatchKind, type FundKind } from '../../domain/project/project.ts';

export async function insertBatch(db: Db, b: { id: string; regionCode: string; heldOn: string; title: string }): Promise<void> {
  await db.insertInto('batch_event').values({ id: b.id, region_code: b.regionCode, held_on: b.heldOn, title: b.title }).execute();
}

export async function insertBatchProjects(db: Db, batchId: string, entries: readonly { projectId: string; kind: BatchKind }[]): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('batch_project')
    .values(entries.map((e) => ({ batch_id: batchId, project_id: e.projectId, kind: e.kind })))
    .execute();
}

/** The batch events a project took part in. */
export async function projectBatches(db: Db, projectId: string): Promise<{ heldOn: string; title: string; kind: BatchKind }[]> {
  const rows = await db
    .selectFrom('batch_project as bp')
    .innerJoin('batch_event as b', 'b.id', 'bp.batch_id')
    .select(['b.held_on', 'b.title', 'bp.kind'])
    .where('bp.project_id', '=', projectId)
    .orderBy('b.held_on')
    .execute();
  return rows.map((r) => ({ heldOn: r.held_on, title: r.title, kind: r.kind }));
}

export interface FundApplication {
  id: string;
  projectId: string;
  kind: FundKind;
  year: number;
  amount: number;
  status: string;
  notes: string | null;
}

export async function insertFundApplications(db: Db, apps: readonly FundApplication[]): Promise<void> {
  if (apps.length === 0) return;
  await db
    .insertInto('fund_application')
    .values(apps.map((a) => ({ id: a.id, project_id: a.projectId, kind: a.kind, year: a.year, amount: a.amount, status: a.status, notes: a.notes })))
    .execute();
}

export async function projectFundApplications(db: Db, projectId: string): Promise<FundApplication[]> {
  const rows = await db.selectFrom('fund_application').selectAll().where('project_id', '=', projectId).orderBy('year').execute();
  return rows.map((r) => ({ id: r.id, projectId: r.project_id, kind: r.kind, year: r.year, amount: toYuan(r.amount), status: r.status, notes: r.notes }));
}
