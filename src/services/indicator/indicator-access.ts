// Who may read and change a region's indicators, and the regions an indicator service works on.
// Everyone whose scope covers a region reads its indicators; its admins and dispatchers change them.

import { coversRegion, type Actor } from '../../domain/access.ts';
import { forbidden, invalidInput, notFound } from '../../domain/errors.ts';
import { INDICATOR_CODES, type IndicatorCode } from '../../domain/indicator/catalogue.ts';
import { isRegionCode, regionLevel, shortTownshipName, type RegionLevel } from '../../domain/region.ts';
import { childRegions, findRegion, type RegionRow } from '../../db/repositories/region.repository.ts';
import type { Db } from '../../db/transaction.ts';

/** True when the actor may enter, import or change the indicators of a region (a county, a township, a city). */
export function canEditIndicators(actor: Actor, regionCode: string): boolean {
  return (actor.role === 'admin' || actor.role === 'dispatcher') && covers(actor, regionCode);
}

export function assertCanReadIndicators(actor: Actor, regionCode: string): void {
  if (!covers(actor, regionCode)) throw forbidden('无权查看该地区的指标');
}

/** A township or zone is covered by whoever covers its county (its 9-digit code is judged by the county's 6). */
function covers(actor: Actor, regionCode: string): boolean {
  return coversRegion(actor, regionCode.length === 9 ? regionCode.slice(0, 6) : regionCode);
}

const CATALOGUE_ORDER = new Map<string, number>(INDICATOR_CODES.map((c, i) => [c, i]));

/** Orders rows by indicator as the catalogue lists them (地区生产总值 first), not by code. */
export function byCatalogue(a: { indicator: IndicatorCode }, b: { indicator: IndicatorCode }): number {
  return (CATALOGUE_ORDER.get(a.indicator) ?? 0) - (CATALOGUE_ORDER.get(b.indicator) ?? 0);
}

export function assertCanEditIndicators(actor: Actor, regionCode: string): void {
  if (!canEditIndicators(actor, regionCode)) throw forbidden('只有本地区的管理员或调度员可以修改指标数据');
}

/** A region the deployment holds, with its level; refuses a malformed code (invalid_input) or an unknown one (not_found). */
export async function loadRegion(db: Db, code: string, field = 'region'): Promise<RegionRow & { level: RegionLevel }> {
  if (!isRegionCode(code)) throw invalidInput([{ field, message: `“${code}”不是有效的区划代码` }]);
  const region = await findRegion(db, code);
  if (!region) throw notFound(`地区 ${code}`);
  return { ...region, level: regionLevel(code) };
}

/** The regions directly under a region that carry indicators: a county's townships and zones, a city's counties. */
export async function subRegions(db: Db, code: string): Promise<RegionRow[]> {
  if (regionLevel(code) === 'township') return [];
  return childRegions(db, code);
}

/** How a region is named beside its peers: a zone by its short name (襄垣经开区), others as they are. */
export function displayName(region: Pick<RegionRow, 'name' | 'isZone'>): string {
  return region.isZone ? shortTownshipName(region.name) : region.name;
}

/** "全县", "全区", "全镇", "全市", "全省": the subject of a region's sentences. */
export function scopeWordOf(region: Pick<RegionRow, 'name' | 'isZone' | 'level'>): string {
  if (region.isZone) return '全区';
  switch (region.level) {
    case 'province':
      return '全省';
    case 'city':
      return '全市';
    case 'township':
      return region.name.endsWith('乡') ? '全乡' : '全镇';
    default:
      return region.name.endsWith('区') ? '全区' : region.name.endsWith('市') ? '全市' : '全县';
  }
}

/** The actor's user id as stored beside a change: null for the system (command line, demo). */
export function writerId(actor: Actor): string | null {
  return actor.userId === 'system' ? null : actor.userId;
}
