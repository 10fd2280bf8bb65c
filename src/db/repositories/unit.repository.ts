// A county's units as their administrators keep them: robots, usage, renaming, and merging one unit into another.

import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { UnitRow } from './region.repository.ts';

type Db = Kysely<Database>;

export interface UnitDetail extends UnitRow {
  robot: { kind: 'dingtalk' | 'wecom'; url: string; signed: boolean } | null;
}

export async function findUnit(db: Db, id: string): Promise<UnitDetail | undefined> {
  const r = await db.selectFrom('unit').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toDetail(r);
}

export async function listUnitDetails(db: Db, countyCode: string): Promise<UnitDetail[]> {
  const rows = await db.selectFrom('unit').selectAll().where('region_code', '=', countyCode).orderBy('sort_order').orderBy('name').execute();
  return rows.map(toDetail);
}

function toDetail(r: Database['unit']): UnitDetail {
  return {
    id: r.id,
    regionCode: r.region_code,
    name: r.name,
    kind: r.kind,
    townshipCode: r.township_code,
    sortOrder: r.sort_order,
    robot: r.webhook_url ? { kind: r.webhook_kind === 'wecom' ? 'wecom' : 'dingtalk', url: r.webhook_url, signed: !!r.webhook_secret } : null,
  };
}

/** How many projects and accounts name each unit of a county. */
export async function unitUsage(db: Db, countyCode: string): Promise<Map<string, { projects: number; accounts: number }>> {
  const [projects, accounts] = await Promise.all([
    db.selectFrom('project').select(['unit_id', (eb) => eb.fn.countAll<string | number>().as('n')]).where('region_code', '=', countyCode).where('unit_id', 'is not', null).groupBy('unit_id').execute(),
    db.selectFrom('app_user as a').innerJoin('unit as u', 'u.id', 'a.unit_id').select(['a.unit_id', (eb) => eb.fn.countAll<string | number>().as('n')]).where('u.region_code', '=', countyCode).groupBy('a.unit_id').execute(),
  ]);
  const out = new Map<string, { projects: number; accounts: number }>();
  const at = (id: string) => out.get(id) ?? out.set(id, { projects: 0, accounts: 0 }).get(id)!;
  for (const r of projects) at(r.unit_id!).projects = Number(r.n);
  for (const r of accounts) at(r.unit_id!).accounts = Number(r.n);
  return out;
}

/** Whether any county but this one has units, i.e. was set up (`tiaodu init`) in this database. */
export async function unitsOutside(db: Db, countyCode: string): Promise<boolean> {
  return !!(await db.selectFrom('unit').select('id').where('region_code', '<>', countyCode).limit(1).executeTakeFirst());
}

export async function renameUnit(db: Db, id: string, name: string): Promise<void> {
  await db.updateTable('unit').set({ name }).where('id', '=', id).execute();
}

export async function insertUnit(db: Db, u: UnitRow): Promise<void> {
  await db.insertInto('unit').values({ id: u.id, region_code: u.regionCode, name: u.name, kind: u.kind, township_code: u.townshipCode, sort_order: u.sortOrder }).execute();
}

export async function maxUnitSortOrder(db: Db, countyCode: string): Promise<number> {
  const r = await db.selectFrom('unit').select((eb) => eb.fn.max('sort_order').as('m')).where('region_code', '=', countyCode).executeTakeFirst();
  return Number(r?.m ?? 0);
}

/**
 * Points everything that names unit `from` at unit `to`, and returns the projects that moved (for their history).
 * Every table with a unit reference is here — add a new one here too:
 * project.unit_id, report.unit_id, problem.unit_id, notification.unit_id, app_user.unit_id, unit_alias.unit_id,
 * reminder.unit_id (a reminder both were sent counts once: the kept unit's), indicator_assignment (assignee 'unit';
 * both units' shares of the same indicator and year are added up).
 */
export async function reassignUnit(db: Db, from: string, to: string): Promise<string[]> {
  const moved = await db.updateTable('project').set({ unit_id: to }).where('unit_id', '=', from).returning('id').execute();
  await db.updateTable('report').set({ unit_id: to }).where('unit_id', '=', from).execute();
  await db.updateTable('supervision_item').set({ unit_id: to }).where('unit_id', '=', from).execute();
  await db.updateTable('notification').set({ unit_id: to }).where('unit_id', '=', from).execute();
  await db.updateTable('app_user').set({ unit_id: to }).where('unit_id', '=', from).execute();
  await db.updateTable('unit_alias').set({ unit_id: to }).where('unit_id', '=', from).execute();
  await db.updateTable('lead').set({ unit_id: to }).where('unit_id', '=', from).execute();
  await db
    .deleteFrom('reminder as r')
    .where('r.unit_id', '=', from)
    .where((eb) =>
      eb.exists(
        eb.selectFrom('reminder as k').select(sql`1`.as('one')).where('k.unit_id', '=', to).whereRef('k.round_id', '=', 'r.round_id').whereRef('k.kind', '=', 'r.kind').whereRef('k.channel', '=', 'r.channel'),
      ),
    )
    .execute();
  await db.updateTable('reminder').set({ unit_id: to }).where('unit_id', '=', from).execute();
  await reassignAssignments(db, 'unit', from, to);
  return moved.map((r) => r.id);
}

/** A unit's robot signing secret, which no page is ever sent. */
export async function robotSecret(db: Db, id: string): Promise<string | null> {
  return (await db.selectFrom('unit').select('webhook_secret').where('id', '=', id).executeTakeFirst())?.webhook_secret ?? null;
}

/** Moves one robot to another unit when that one has none (a merge keeps the kept unit's own). */
export async function adoptRobot(db: Db, from: string, to: string): Promise<void> {
  const [source, target] = await Promise.all([findUnit(db, from), findUnit(db, to)]);
  if (!source?.robot || target?.robot) return;
  const row = await db.selectFrom('unit').select(['webhook_kind', 'webhook_url', 'webhook_secret']).where('id', '=', from).executeTakeFirstOrThrow();
  await db.updateTable('unit').set(row).where('id', '=', to).execute();
}

export async function deleteUnit(db: Db, id: string): Promise<void> {
  await db.deleteFrom('unit').where('id', '=', id).execute();
}

/**
 * Re-points 指标分解 rows from one assignee (unit or leader) to another. Where both have a row for the same indicator,
 * region and year, the kept one takes the sum of both amounts and of both shares, and the other row goes.
 */
export async function reassignAssignments(db: Db, kind: 'unit' | 'leader', from: string, to: string): Promise<void> {
  const rows = await db.selectFrom('indicator_assignment').selectAll().where('assignee_kind', '=', kind).where('assignee_id', '=', from).execute();
  for (const r of rows) {
    const slot = { indicator: r.indicator, region_code: r.region_code, year: r.year, assignee_kind: kind };
    const kept = await db.selectFrom('indicator_assignment').selectAll().where((eb) => eb.and({ ...slot, assignee_id: to })).executeTakeFirst();
    if (!kept) {
      await db.updateTable('indicator_assignment').set({ assignee_id: to }).where((eb) => eb.and({ ...slot, assignee_id: from })).execute();
      continue;
    }
    const add = (a: number | null, b: number | null) => (a === null && b === null ? null : (a ?? 0) + (b ?? 0));
    const note = [kept.note, r.note].filter(Boolean).join('；') || null;
    await db
      .updateTable('indicator_assignment')
      .set({ amount: add(kept.amount, r.amount), share_ppm: add(kept.share_ppm, r.share_ppm), note })
      .where((eb) => eb.and({ ...slot, assignee_id: to }))
      .execute();
    await db.deleteFrom('indicator_assignment').where((eb) => eb.and({ ...slot, assignee_id: from })).execute();
  }
}
