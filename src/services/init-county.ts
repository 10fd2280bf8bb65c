// Sets up a county in a deployment: its region tree from the national division data, its units, and an admin account.

import { passwordProblem } from '../domain/auth/password-rule.ts';
import { invalidInput } from '../domain/errors.ts';
import { childDivisions, divisionPath, getDivision, type Division } from '../io/divisions.ts';
import { ensureRegions, insertUnits, listUnits, type UnitRow } from '../db/repositories/region.repository.ts';
import { findUserByUsername, insertUser } from '../db/repositories/user.repository.ts';
import { inTransaction, newId, type Db } from '../db/transaction.ts';
import { generatePassword, hashPassword } from './auth/password.ts';

/** The departments a county government usually has that report projects; a county renames or adds its own. */
export const DEFAULT_DEPARTMENTS = [
  '发展和改革局',
  '工业和信息化局',
  '住房和城乡建设局',
  '交通运输局',
  '水利局',
  '农业农村局',
  '文化和旅游局',
  '教育局',
  '卫生健康局',
  '商务局',
  '自然资源局',
  '生态环境局',
  '能源局',
  '行政审批服务管理局',
];

/** The office that answers for a township or zone: 古韩镇人民政府, 襄垣经济技术开发区管委会. */
export function townshipOfficeName(name: string, isZone: boolean): string {
  if (isZone) return `${name}管委会`;
  return name.endsWith('街道') ? `${name}办事处` : `${name}人民政府`;
}

export interface InitCountyResult {
  regionCode: string;
  name: string;
  townships: number;
  zones: number;
  units: number;
  /** Set when an admin account was created: shown once, never stored in clear, to be changed at its first sign-in. */
  admin?: { username: string; password: string };
}

/**
 * Creates a county's regions (ancestors, the county, its townships and zones), default units and its first
 * administrator (`adminUsername` null for none). Idempotent: running it twice adds nothing twice.
 */
export async function initCounty(
  db: Db,
  input: { regionCode: string; adminUsername?: string | null; adminPassword?: string },
  now: Date = new Date(),
): Promise<InitCountyResult> {
  const county = getDivision(input.regionCode);
  if (!county) throw invalidInput([{ field: 'region', message: `区划代码 ${input.regionCode} 不在全国区划数据中` }]);
  if (county.level !== 'county') {
    const hint = county.level === 'city' || county.level === 'province' ? `；为其下所有县建库用 --all-counties` : '';
    throw invalidInput([{ field: 'region', message: `${county.name}（${county.code}）不是县级区划，请给出县、县级市或区的6位代码${hint}` }]);
  }
  const townships = childDivisions(county.code);
  return inTransaction(db, async (trx) => {
    await ensureRegions(trx, [...divisionPath(county.code), ...townships].map((d) => ({
      code: d.code,
      name: d.name,
      level: d.level,
      parentCode: d.parentCode,
      isZone: d.isZone,
    })));
    const existing = await listUnits(trx, county.code);
    const units: UnitRow[] = [
      ...DEFAULT_DEPARTMENTS.map((name, i) => ({ id: newId(), regionCode: county.code, name, kind: 'department', townshipCode: null, sortOrder: i + 1 })),
      ...townships.map((t, i) => ({
        id: newId(),
        regionCode: county.code,
        name: townshipOfficeName(t.name, t.isZone),
        kind: t.isZone ? 'zone' : 'township',
        townshipCode: t.code,
        sortOrder: 100 + i,
      })),
    ].filter((u) => !existing.some((e) => e.name === u.name));
    await insertUnits(trx, units);

    const result: InitCountyResult = {
      regionCode: county.code,
      name: county.name,
      townships: townships.filter((t) => !t.isZone).length,
      zones: townships.filter((t) => t.isZone).length,
      units: existing.length + units.length,
    };
    const admin = await ensureAdmin(trx, { code: county.code, name: county.name }, input, now);
    if (admin) result.admin = admin;
    return result;
  });
}

/**
 * The first administrator of a county or of a whole city or province, unless one of that name exists (`username` null
 * for none): the password is shown once and must be changed at the first sign-in.
 */
async function ensureAdmin(
  db: Db,
  region: { code: string; name: string },
  input: { adminUsername?: string | null; adminPassword?: string },
  now: Date,
): Promise<{ username: string; password: string } | null> {
  const username = input.adminUsername === undefined ? `admin-${region.code}` : input.adminUsername;
  if (username === null || (await findUserByUsername(db, username))) return null;
  const password = input.adminPassword ?? generatePassword();
  const problem = passwordProblem(password, { username });
  if (problem) throw invalidInput([{ field: 'adminPassword', message: `管理员密码：${problem}` }]);
  await insertUser(db, {
    id: newId(),
    username,
    displayName: `${region.name}管理员`,
    passwordHash: hashPassword(password),
    role: 'admin',
    regionCode: region.code,
    unitId: null,
    leaderId: null,
    disabled: false,
    createdAt: now.toISOString(),
    mustChangePassword: true,
  });
  return { username, password };
}

export interface InitAllCountiesResult {
  regionCode: string;
  name: string;
  /** Each county as `initCounty` set it up, without an administrator of its own. */
  counties: InitCountyResult[];
  /** The administrator of the whole city or province, who creates the counties' accounts. */
  admin?: { username: string; password: string };
}

/** The counties under a city or province in the division data, in code order. */
export function countiesUnder(code: string): Division[] {
  return childDivisions(code).flatMap((d) => (d.level === 'county' ? [d] : d.level === 'city' ? countiesUnder(d.code) : []));
}

/**
 * Sets up every county under a city or province in one deployment (a city's or province's PostgreSQL), each county in
 * its own transaction so a failure stops at a county and a second run completes the rest, and one administrator for
 * the whole region. `onCounty` hears each county done: 117 of them take a while.
 */
export async function initAllCounties(
  db: Db,
  input: { regionCode: string; adminUsername?: string | null; adminPassword?: string },
  now: Date = new Date(),
  onCounty: (done: number, total: number, county: InitCountyResult) => void = () => {},
): Promise<InitAllCountiesResult> {
  const region = getDivision(input.regionCode);
  if (!region) throw invalidInput([{ field: 'region', message: `区划代码 ${input.regionCode} 不在全国区划数据中` }]);
  if (region.level !== 'city' && region.level !== 'province') {
    throw invalidInput([{ field: 'region', message: `${region.name}（${region.code}）不是市级或省级区划：--all-counties 为一个市或省的所有县建库` }]);
  }
  const counties = countiesUnder(region.code);
  const done: InitCountyResult[] = [];
  for (const county of counties) {
    const result = await initCounty(db, { regionCode: county.code, adminUsername: null }, now);
    done.push(result);
    onCounty(done.length, counties.length, result);
  }
  const admin = await inTransaction(db, (trx) => ensureAdmin(trx, { code: region.code, name: region.name }, input, now));
  return { regionCode: region.code, name: region.name, counties: done, ...(admin ? { admin } : {}) };
}
