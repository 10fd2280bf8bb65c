// Reads and writes a project's 入库 record (status day, reason, notes) and its materials checklist; lists 开工未入库.

import { sql, type Kysely } from 'kysely';
import { toYuan, type Yuan } from '../../domain/money.ts';
import { WITHDRAWN_STAGES } from '../../domain/pool/pool-membership.ts';
import type { Stage, StatsEntryStatus } from '../../domain/project/project.ts';
import type { StatsEntryMaterial } from '../../domain/stats-entry/stats-entry.ts';
import type { Database } from '../schema.ts';
import { leadersOfProjects } from './project.repository.ts';
import { countyRange } from './scope.ts';

type Db = Kysely<Database>;

/** The 入库 record of a project beside its status: absent until someone first records something. */
export interface StatsEntryRecord {
  projectId: string;
  statusOn: string | null;
  reason: string | null;
  notes: string | null;
  updatedAt: string;
  updatedBy: string | null;
}

export interface MaterialRecord {
  item: StatsEntryMaterial;
  done: boolean;
  markedOn: string | null;
  markedBy: string | null;
  note: string | null;
}

export async function findStatsEntry(db: Db, projectId: string): Promise<(StatsEntryRecord & { updatedByName: string | null }) | undefined> {
  const r = await db
    .selectFrom('stats_entry as s')
    .leftJoin('app_user as u', 'u.id', 's.updated_by')
    .select(['s.project_id', 's.status_on', 's.reason', 's.notes', 's.updated_at', 's.updated_by', 'u.display_name'])
    .where('s.project_id', '=', projectId)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    projectId: r.project_id,
    statusOn: r.status_on,
    reason: r.reason,
    notes: r.notes,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
    updatedByName: r.display_name ?? null,
  };
}

export async function upsertStatsEntry(db: Db, e: StatsEntryRecord): Promise<void> {
  const values = { status_on: e.statusOn, reason: e.reason, notes: e.notes, updated_at: e.updatedAt, updated_by: e.updatedBy };
  await db
    .insertInto('stats_entry')
    .values({ project_id: e.projectId, ...values })
    .onConflict((oc) => oc.column('project_id').doUpdateSet(values))
    .execute();
}

/** The items of a project's checklist that have a record, with the name of who marked each. */
export async function findMaterials(db: Db, projectId: string): Promise<(MaterialRecord & { markedByName: string | null })[]> {
  const rows = await db
    .selectFrom('stats_entry_material as m')
    .leftJoin('app_user as u', 'u.id', 'm.marked_by')
    .select(['m.item', 'm.done', 'm.marked_on', 'm.marked_by', 'm.note', 'u.display_name'])
    .where('m.project_id', '=', projectId)
    .execute();
  return rows.map((r) => ({
    item: r.item,
    done: Number(r.done) === 1,
    markedOn: r.marked_on,
    markedBy: r.marked_by,
    note: r.note,
    markedByName: r.display_name ?? null,
  }));
}

export async function upsertMaterials(db: Db, projectId: string, items: readonly MaterialRecord[]): Promise<void> {
  if (items.length === 0) return;
  await db
    .insertInto('stats_entry_material')
    .values(items.map((m) => ({ project_id: projectId, item: m.item, done: m.done ? 1 : 0, marked_on: m.markedOn, marked_by: m.markedBy, note: m.note })))
    .onConflict((oc) =>
      oc.columns(['project_id', 'item']).doUpdateSet((eb) => ({
        done: eb.ref('excluded.done'),
        marked_on: eb.ref('excluded.marked_on'),
        marked_by: eb.ref('excluded.marked_by'),
        note: eb.ref('excluded.note'),
      })),
    )
    .execute();
}

/** Bulk loads for the demo: records and checklist items of many projects at once. */
export async function insertStatsEntries(db: Db, records: readonly StatsEntryRecord[], materials: readonly (MaterialRecord & { projectId: string })[]): Promise<void> {
  for (let i = 0; i < records.length; i += 200) {
    const chunk = records.slice(i, i + 200);
    if (chunk.length > 0) {
      await db
        .insertInto('stats_entry')
        .values(chunk.map((e) => ({ project_id: e.projectId, status_on: e.statusOn, reason: e.reason, notes: e.notes, updated_at: e.updatedAt, updated_by: e.updatedBy })))
        .execute();
    }
  }
  for (let i = 0; i < materials.length; i += 200) {
    const chunk = materials.slice(i, i + 200);
    if (chunk.length > 0) {
      await db
        .insertInto('stats_entry_material')
        .values(chunk.map((m) => ({ project_id: m.projectId, item: m.item, done: m.done ? 1 : 0, marked_on: m.markedOn, marked_by: m.markedBy, note: m.note })))
        .execute();
    }
  }
}

export interface UnenteredQuery {
  /** A county, city or province code, or a 9-digit township code. */
  regionCode: string;
  unitId: string | null;
  /** Only the projects of one colour on the day, or all. */
  colour: 'red' | 'yellow' | 'green' | null;
  /** Projects of this size and more. */
  threshold: Yuan;
  /** Started on or before this day. */
  startedBy: string;
  /** Started on or before these days: yellow, red. */
  yellowIfStartedBy: string;
  redIfStartedBy: string;
  limit: number;
  offset: number;
}

export interface UnenteredRow {
  id: string;
  regionCode: string;
  name: string;
  owner: string | null;
  townshipCode: string | null;
  unitId: string | null;
  leaderIds: string[];
  stage: Stage;
  totalInvestment: Yuan;
  startedOn: string;
  statsEntry: StatsEntryStatus;
  statusOn: string | null;
  materialsDone: number;
}

/**
 * 开工未入库 in a region on a day: started projects of the threshold and more, not cancelled, not entered — the
 * longest waiting first — with the count of each colour computed by the database from the bounds.
 */
export async function listUnentered(
  db: Db,
  q: UnenteredQuery,
): Promise<{ rows: UnenteredRow[]; total: number; red: number; yellow: number; matching: number }> {
  const [lo, hi] = countyRange(q.regionCode);
  let base = db
    .selectFrom('project as p')
    .where('p.region_code', '>=', lo)
    .where('p.region_code', '<=', hi)
    .where('p.total_investment', '>=', q.threshold)
    .where('p.started_on', 'is not', null)
    .where('p.started_on', '<=', q.startedBy)
    .where('p.stage', 'not in', WITHDRAWN_STAGES)
    .where('p.stats_entry', '!=', 'entered');
  if (q.regionCode.length === 9) base = base.where('p.township_code', '=', q.regionCode);
  if (q.unitId) base = base.where('p.unit_id', '=', q.unitId);
  const all = base;
  if (q.colour === 'red') base = base.where('p.started_on', '<=', q.redIfStartedBy);
  if (q.colour === 'yellow') base = base.where('p.started_on', '<=', q.yellowIfStartedBy).where('p.started_on', '>', q.redIfStartedBy);
  if (q.colour === 'green') base = base.where('p.started_on', '>', q.yellowIfStartedBy);

  // The counts are of every colour, so a list filtered to one still shows how many the others hold.
  const counts = await all
    .select([
      sql<number | string>`count(*)`.as('n'),
      sql<number | string | null>`sum(case when p.started_on <= ${q.redIfStartedBy} then 1 else 0 end)`.as('red'),
      sql<number | string | null>`sum(case when p.started_on <= ${q.yellowIfStartedBy} and p.started_on > ${q.redIfStartedBy} then 1 else 0 end)`.as('yellow'),
    ])
    .executeTakeFirstOrThrow();
  const rows = await base
    .leftJoin('stats_entry as s', 's.project_id', 'p.id')
    .select([
      'p.id', 'p.region_code', 'p.name', 'p.owner', 'p.township_code', 'p.unit_id', 'p.stage', 'p.total_investment',
      'p.started_on', 'p.stats_entry', 's.status_on',
      sql<number | string>`(select count(*) from stats_entry_material m where m.project_id = p.id and m.done = 1)`.as('materials_done'),
    ])
    .orderBy('p.started_on')
    .orderBy('p.total_investment', 'desc')
    .orderBy('p.id')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  const total = Number(counts.n);
  const red = Number(counts.red ?? 0);
  const yellow = Number(counts.yellow ?? 0);
  const leaders = await leadersOfProjects(db, rows.map((r) => r.id));
  const matching = q.colour === 'red' ? red : q.colour === 'yellow' ? yellow : q.colour === 'green' ? total - red - yellow : total;
  return {
    total,
    red,
    yellow,
    matching,
    rows: rows.map((r) => ({
      id: r.id,
      regionCode: r.region_code,
      name: r.name,
      owner: r.owner,
      townshipCode: r.township_code,
      unitId: r.unit_id,
      leaderIds: leaders.get(r.id) ?? [],
      stage: r.stage,
      totalInvestment: toYuan(r.total_investment),
      startedOn: r.started_on!,
      statsEntry: r.stats_entry,
      statusOn: r.status_on ?? null,
      materialsDone: Number(r.materials_done),
    })),
  };
}
