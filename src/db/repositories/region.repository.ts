// Regions, units and leaders of the counties a deployment holds.

import type { Kysely } from 'kysely';
import type { RegionLevel } from '../../domain/region.ts';
import type { Database } from '../schema.ts';
import { countyRange } from './scope.ts';

type Db = Kysely<Database>;

export interface RegionRow {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  isZone: boolean;
}

export interface UnitRow {
  id: string;
  regionCode: string;
  name: string;
  kind: string;
  townshipCode: string | null;
  sortOrder: number;
}

export interface LeaderRow {
  id: string;
  regionCode: string;
  name: string;
  title: string | null;
  sortOrder: number;
}

export async function findRegion(db: Db, code: string): Promise<RegionRow | undefined> {
  const r = await db.selectFrom('region').selectAll().where('code', '=', code).executeTakeFirst();
  return r && { code: r.code, name: r.name, level: r.level, parentCode: r.parent_code, isZone: r.is_zone === 1 };
}

export async function childRegions(db: Db, parentCode: string): Promise<RegionRow[]> {
  const rows = await db.selectFrom('region').selectAll().where('parent_code', '=', parentCode).orderBy('code').execute();
  return rows.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parent_code, isZone: r.is_zone === 1 }));
}

/** Inserts regions that are not there yet (ancestors are shared between counties). */
export async function ensureRegions(db: Db, regions: readonly RegionRow[]): Promise<void> {
  if (regions.length === 0) return;
  await db
    .insertInto('region')
    .values(regions.map((r) => ({ code: r.code, name: r.name, level: r.level, parent_code: r.parentCode, is_zone: r.isZone ? 1 : 0 })))
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}

/** The counties the deployment holds (those with regions below them), or those inside `within` (the whole country: 000000). */
export async function listCounties(db: Db, within = '000000'): Promise<RegionRow[]> {
  const [lo, hi] = countyRange(within);
  const rows = await db.selectFrom('region').selectAll().where('level', '=', 'county').where('code', '>=', lo).where('code', '<=', hi).orderBy('code').execute();
  return rows.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parent_code, isZone: r.is_zone === 1 }));
}

/**
 * Every county with the name of the city above it (null under a province directly), for lists that span cities; only
 * those inside `within` (a nation holds 2 800).
 */
export async function listCountiesWithCities(db: Db, within = '000000'): Promise<(RegionRow & { cityName: string | null })[]> {
  const [lo, hi] = countyRange(within);
  const rows = await db
    .selectFrom('region as c')
    .leftJoin('region as p', (j) => j.onRef('p.code', '=', 'c.parent_code').on('p.level', '=', 'city'))
    .selectAll('c')
    .select('p.name as city_name')
    .where('c.level', '=', 'county')
    .where('c.code', '>=', lo)
    .where('c.code', '<=', hi)
    .orderBy('c.code')
    .execute();
  return rows.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parent_code, isZone: r.is_zone === 1, cityName: r.city_name }));
}

export async function listUnits(db: Db, countyCode: string): Promise<UnitRow[]> {
  const rows = await db.selectFrom('unit').selectAll().where('region_code', '=', countyCode).orderBy('sort_order').orderBy('name').execute();
  return rows.map((r) => ({ id: r.id, regionCode: r.region_code, name: r.name, kind: r.kind, townshipCode: r.township_code, sortOrder: r.sort_order }));
}

export async function insertUnits(db: Db, units: readonly UnitRow[]): Promise<void> {
  if (units.length === 0) return;
  await db
    .insertInto('unit')
    .values(units.map((u) => ({ id: u.id, region_code: u.regionCode, name: u.name, kind: u.kind, township_code: u.townshipCode, sort_order: u.sortOrder })))
    .onConflict((oc) => oc.columns(['region_code', 'name']).doNothing())
    .execute();
}

export interface UnitAliasRow {
  alias: string;
  unitId: string;
}

/** The county's own aliases of its units (the general abbreviation rules are the domain's). */
export async function listUnitAliases(db: Db, countyCode: string): Promise<UnitAliasRow[]> {
  const rows = await db.selectFrom('unit_alias').select(['alias', 'unit_id']).where('region_code', '=', countyCode).orderBy('alias').execute();
  return rows.map((r) => ({ alias: r.alias, unitId: r.unit_id }));
}

/** Points an alias at a unit, replacing what it pointed at before. */
export async function putUnitAlias(db: Db, countyCode: string, alias: string, unitId: string, createdAt: string): Promise<void> {
  await db
    .insertInto('unit_alias')
    .values({ region_code: countyCode, alias, unit_id: unitId, created_at: createdAt })
    .onConflict((oc) => oc.columns(['region_code', 'alias']).doUpdateSet({ unit_id: unitId }))
    .execute();
}

export async function deleteUnitAlias(db: Db, countyCode: string, alias: string): Promise<void> {
  await db.deleteFrom('unit_alias').where('region_code', '=', countyCode).where('alias', '=', alias).execute();
}

export async function listLeaders(db: Db, countyCode: string): Promise<LeaderRow[]> {
  const rows = await db.selectFrom('leader').selectAll().where('region_code', '=', countyCode).orderBy('sort_order').orderBy('name').execute();
  return rows.map((r) => ({ id: r.id, regionCode: r.region_code, name: r.name, title: r.title, sortOrder: r.sort_order }));
}

export async function insertLeaders(db: Db, leaders: readonly LeaderRow[]): Promise<void> {
  if (leaders.length === 0) return;
  await db
    .insertInto('leader')
    .values(leaders.map((l) => ({ id: l.id, region_code: l.regionCode, name: l.name, title: l.title, sort_order: l.sortOrder })))
    .execute();
}

export async function getSetting(db: Db, key: string): Promise<string | undefined> {
  const r = await db.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirst();
  return r?.value;
}

export async function putSetting(db: Db, key: string, value: string): Promise<void> {
  await db
    .insertInto('setting')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/** The stored values of the given keys; a key not stored is absent. */
export async function getSettings(db: Db, keys: readonly string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await db.selectFrom('setting').select(['key', 'value']).where('key', 'in', keys).execute();
  return new Map(rows.map((r) => [r.key, r.value]));
}

/** Every setting whose key starts with the prefix (a setting kept per county, for all counties at once). */
export async function settingsWithPrefix(db: Db, prefix: string): Promise<Record<string, string>> {
  const rows = await db.selectFrom('setting').select(['key', 'value']).where('key', '>=', prefix).where('key', '<', `${prefix}\uffff`).execute();
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

export async function deleteSetting(db: Db, key: string): Promise<void> {
  await db.deleteFrom('setting').where('key', '=', key).execute();
}
