// Who may read and change a region's indicators, and the regions an indicator service works on.
// Everyone whose scope covers a region reads its indicators; its admins and dispatchers change them.

import { coversRegion, type Actor } from '../../domain/access.ts';
import { forbidden, invalidInput, notFound, type FieldIssue } from '../../domain/errors.ts';
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

/**
 * The checks a batch of values or targets shares, item by item (`values.2.month`, "第3条：…"): the item's own rules,
 * then its region (looked up once per code) and the actor's right to change it, then no two items for the same
 * indicator, region and period.
 */
export async function batchProblems<T extends { indicator: string; region: string }>(
  db: Db,
  items: readonly T[],
  actor: Actor,
  o: {
    path: string;
    /** What the items are, in a refusal: 指标 or 目标. */
    noun: string;
    own: (item: T) => FieldIssue[];
    /** The item's period, the field a duplicate is named on, and the period's word (月份, 年份). */
    period: (item: T) => string;
    periodField: string;
    periodWord: string;
  },
): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const known = new Map<string, boolean>();
  const seen = new Map<string, number>();
  for (const [i, item] of items.entries()) {
    const at = (field: string, message: string) => issues.push({ field: `${o.path}.${i}.${field}`, message: `第${i + 1}条：${message}` });
    for (const issue of o.own(item)) at(issue.field, issue.message);
    if (!known.has(item.region)) known.set(item.region, !!(await findRegion(db, item.region)));
    if (!known.get(item.region)) at('region', `地区 ${item.region} 不存在`);
    else if (!canEditIndicators(actor, item.region)) at('region', `无权修改地区 ${item.region} 的${o.noun}`);
    const key = `${item.indicator}|${item.region}|${o.period(item)}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) at(o.periodField, `与第${earlier + 1}条是同一指标、地区和${o.periodWord}`);
    else seen.set(key, i);
  }
  return issues;
}
