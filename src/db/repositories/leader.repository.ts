// A county's leaders (包联领导) as their administrators keep them: title, retirement, and merging two into one.

import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { reassignAssignments } from './unit.repository.ts';

type Db = Kysely<Database>;

export interface LeaderDetail {
  id: string;
  regionCode: string;
  name: string;
  title: string | null;
  sortOrder: number;
  retiredOn: string | null;
}

function toDetail(r: Database['leader']): LeaderDetail {
  return { id: r.id, regionCode: r.region_code, name: r.name, title: r.title, sortOrder: r.sort_order, retiredOn: r.retired_on };
}

export async function findLeader(db: Db, id: string): Promise<LeaderDetail | undefined> {
  const r = await db.selectFrom('leader').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toDetail(r);
}

export async function listLeaderDetails(db: Db, countyCode: string): Promise<LeaderDetail[]> {
  const rows = await db.selectFrom('leader').selectAll().where('region_code', '=', countyCode).orderBy('sort_order').orderBy('name').execute();
  return rows.map(toDetail);
}

export async function updateLeader(db: Db, id: string, change: { name?: string; title?: string | null; retiredOn?: string | null }): Promise<void> {
  const set: Partial<Database['leader']> = {};
  if (change.name !== undefined) set.name = change.name;
  if (change.title !== undefined) set.title = change.title;
  if (change.retiredOn !== undefined) set.retired_on = change.retiredOn;
  if (Object.keys(set).length > 0) await db.updateTable('leader').set(set).where('id', '=', id).execute();
}

export async function deleteLeader(db: Db, id: string): Promise<void> {
  await db.deleteFrom('leader').where('id', '=', id).execute();
}

export async function maxLeaderSortOrder(db: Db, countyCode: string): Promise<number> {
  const r = await db.selectFrom('leader').select((eb) => eb.fn.max('sort_order').as('m')).where('region_code', '=', countyCode).executeTakeFirst();
  return Number(r?.m ?? 0);
}

/**
 * Points one leader's projects at another and returns the projects that moved (for their history). A project both
 * leaders held keeps one link, the kept leader's at its own place.
 */
export async function reassignLeaderProjects(db: Db, from: string, to: string): Promise<string[]> {
  const moved = await db.selectFrom('project_leader').select('project_id').where('leader_id', '=', from).orderBy('project_id').execute();
  if (moved.length === 0) return [];
  const heldByBoth = db.selectFrom('project_leader as kept').select('kept.project_id').where('kept.leader_id', '=', to);
  await db.deleteFrom('project_leader').where('leader_id', '=', from).where('project_id', 'in', heldByBoth).execute();
  await db.updateTable('project_leader').set({ leader_id: to }).where('leader_id', '=', from).execute();
  return moved.map((r) => r.project_id);
}

/** How many projects each leader of a county is in charge of (a project with two leaders counts for each). */
export async function leaderProjectCounts(db: Db, countyCode: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('project_leader')
    .innerJoin('project', 'project.id', 'project_leader.project_id')
    .select(['project_leader.leader_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('project.region_code', '=', countyCode)
    .groupBy('project_leader.leader_id')
    .execute();
  return new Map(rows.map((r) => [r.leader_id, Number(r.n)]));
}

/**
 * Points everything else that names leader `from` at leader `to`: accounts (app_user.leader_id) and 指标分解
 * (indicator_assignment, assignee 'leader'), supervision items and attraction leads (lead_leader, a lead both led keeping one link).
 * Projects go through reassignLeaderProjects.
 */
export async function reassignLeaderReferences(db: Db, from: string, to: string): Promise<void> {
  await db.updateTable('app_user').set({ leader_id: to }).where('leader_id', '=', from).execute();
  await db.updateTable('supervision_item').set({ leader_id: to }).where('leader_id', '=', from).execute();
  const leadsOfBoth = db.selectFrom('lead_leader as kept').select('kept.lead_id').where('kept.leader_id', '=', to);
  await db.deleteFrom('lead_leader').where('leader_id', '=', from).where('lead_id', 'in', leadsOfBoth).execute();
  await db.updateTable('lead_leader').set({ leader_id: to }).where('leader_id', '=', from).execute();
  await reassignAssignments(db, 'leader', from, to);
}

export async function leaderAccountCounts(db: Db, countyCode: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('app_user as a')
    .innerJoin('leader as l', 'l.id', 'a.leader_id')
    .select(['a.leader_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('l.region_code', '=', countyCode)
    .groupBy('a.leader_id')
    .execute();
  return new Map(rows.map((r) => [r.leader_id!, Number(r.n)]));
}
