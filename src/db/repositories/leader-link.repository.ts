// 包联: which leaders answer for which projects, with their names, for the alerts and the supervision board
// (project_leader; a project may have several).

import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { countyRange } from './scope.ts';

type Db = Kysely<Database>;

export interface LeaderLink {
  projectId: string;
  leaderId: string;
  leaderName: string;
}

/**
 * The leader links of the projects asked for: of given projects, of given leaders, or of every project in a region
 * (a county, city or province code), in the leaders' order.
 */
export async function projectLeaderLinks(db: Db, q: { projectIds?: readonly string[]; leaderIds?: readonly string[]; regionCode?: string }): Promise<LeaderLink[]> {
  if ((q.projectIds && q.projectIds.length === 0) || (q.leaderIds && q.leaderIds.length === 0)) return [];
  const out: LeaderLink[] = [];
  const chunks = q.projectIds ? Array.from({ length: Math.ceil(q.projectIds.length / 500) }, (_, i) => q.projectIds!.slice(i * 500, i * 500 + 500)) : [null];
  for (const chunk of chunks) {
    let query = db
      .selectFrom('project_leader as pl')
      .innerJoin('project as p', 'p.id', 'pl.project_id')
      .innerJoin('leader as l', 'l.id', 'pl.leader_id')
      .select(['p.id as project_id', 'l.id as leader_id', 'l.name as leader_name'])
      .orderBy('pl.position')
      .orderBy('l.sort_order')
      .orderBy('l.name');
    if (chunk) query = query.where('p.id', 'in', chunk);
    if (q.leaderIds) query = query.where('l.id', 'in', [...q.leaderIds]);
    if (q.regionCode) {
      const [lo, hi] = countyRange(q.regionCode);
      query = query.where('p.region_code', '>=', lo).where('p.region_code', '<=', hi);
    }
    for (const r of await query.execute()) out.push({ projectId: r.project_id, leaderId: r.leader_id, leaderName: r.leader_name });
  }
  return out;
}
