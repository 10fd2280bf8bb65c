// Lookups in the vendored national division table (assets/divisions.json), loaded once on first use.
import { readFileSync } from 'node:fs';
import { isRegionCode, isZoneCode, regionLevel, townshipNameMatches } from '../domain/region.ts';
import type { RegionLevel } from '../domain/region.ts';
import { packageFile } from './package-files.ts';

/** One province, city, county or township-level unit of the 2023 statistics division codes. */
export interface Division {
  /** 6 digits (province XX0000, city XXXX00, county) or 9 digits (township). */
  code: string;
  name: string;
  level: RegionLevel;
  /** Null only for a province. */
  parentCode: string | null;
  /** A 开发区-type unit counted at 乡级 (suffix 400–599), not a township under GB/T 2260. */
  isZone: boolean;
}

interface DivisionFile {
  source: Record<string, unknown>;
  columns: string[];
  divisions: Array<[code: string, name: string, parentCode: string | null]>;
}

interface DivisionIndex {
  byCode: Map<string, Division>;
  children: Map<string, Division[]>;
}

// Pseudo-cities that only group a 直辖市's or province's county-level units; a full name skips them.
const GROUPING_CITY_NAMES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

let cache: DivisionIndex | undefined;

function index(): DivisionIndex {
  if (cache) return cache;
  const file = JSON.parse(readFileSync(packageFile('assets', 'divisions.json'), 'utf8')) as DivisionFile;
  const byCode = new Map<string, Division>();
  const children = new Map<string, Division[]>();
  for (const [code, name, parent] of file.divisions) {
    const d: Division = { code, name, level: regionLevel(code), parentCode: parent, isZone: isZoneCode(code) };
    byCode.set(code, d);
    if (parent !== null) {
      const list = children.get(parent);
      if (list) list.push(d);
      else children.set(parent, [d]);
    }
  }
  for (const list of children.values()) list.sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
  cache = { byCode, children };
  return cache;
}

/** The division with this code, or undefined when the code is unknown or malformed. */
export function getDivision(code: string): Division | undefined {
  return index().byCode.get(code);
}

/** The units directly under `code`, sorted by code; empty for a township or an unknown code. */
export function childDivisions(code: string): Division[] {
  return [...(index().children.get(code) ?? [])];
}

/** From the province down to `code` itself; empty when the code is unknown. */
export function divisionPath(code: string): Division[] {
  const path: Division[] = [];
  for (let d = getDivision(code); d; d = d.parentCode === null ? undefined : getDivision(d.parentCode)) {
    path.unshift(d);
  }
  return path;
}

/**
 * The names along the path run together, as on an address: '山西省长治市襄垣县'. Grouping
 * pseudo-cities are left out ('北京市东城区', not '北京市市辖区东城区').
 * @throws RangeError when the code is not in the table.
 */
export function fullName(code: string): string {
  const path = divisionPath(code);
  if (path.length === 0) throw new RangeError(`unknown division code: ${JSON.stringify(code)}`);
  return path
    .filter((d) => !(d.level === 'city' && GROUPING_CITY_NAMES.has(d.name)))
    .map((d) => d.name)
    .join('');
}

/**
 * The township-level unit of a county named or coded by `nameOrCode`: a 9-digit code inside the
 * county, or a long or short name ('古韩', '虒亭镇', '经开区'). Undefined when none matches; when a
 * short name fits several (two zones for '开发区'), the exact name wins, else the lowest code.
 */
export function findTownship(countyCode: string, nameOrCode: string): Division | undefined {
  const wanted = nameOrCode.trim();
  if (/^\d{9}$/.test(wanted)) {
    const d = isRegionCode(wanted) ? getDivision(wanted) : undefined;
    return d && d.parentCode === countyCode && d.level === 'township' ? d : undefined;
  }
  const towns = childDivisions(countyCode).filter((d) => d.level === 'township');
  return towns.find((d) => d.name === wanted) ?? towns.find((d) => townshipNameMatches(wanted, d.name));
}
