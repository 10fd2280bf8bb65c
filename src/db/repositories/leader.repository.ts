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

// The two functions that read a leader's projects (project.leader_id): when projects link to several leaders
// through a table of their own, these are the places that change.

/** Points one leader's projects at another and returns the projects that moved (for their history). */
export async function reassignLeaderProjects(db: Db, from: string, to: string): Promise<string[]> {
  const moved = await db.updateTable('project').set({ leader_id: to }).where('leader_id', '=', from).returning('id').execute();
  return moved.map((r) => r.id);
}

/** How many projects each leader of a county is in charge of. */
export async function leaderProjectCounts(db: Db, countyCode: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('project')
    .select(['leader_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('region_code', '=', countyCode)
    .where('leader_id', 'is not', null)
    .groupBy('leader_id')
    .execute();
  return new Map(rows.map((r) => [r.leader_id!, Number(r.n)]));
}

/**
 * Points everything else that names leader `from` at leader `to`: accounts (app_user.leader_id) and 指标分解
 * (indicator_assignment, assignee 'leader'). Projects go through reassignLeaderProjects.
 */
export async function reassignLeaderReferences(db: Db, from: string, to: string): Promise<void> {
  await db.updateTable('app_user').set({ leader_id: to }).where('leader_id', '=', from).execute();
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
