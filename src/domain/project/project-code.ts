// 项目代码 of 全国投资项目在线审批监管平台: shape and region checks (the check character's rule is not public).

/** The two shapes a 项目代码 takes. */
export type ProjectCodeFormat = 'current' | 'legacy';

export interface ParsedProjectCode {
  format: ProjectCodeFormat;
  /** 'YYYY-MM' for current codes (from YYMM); the year as 'YYYY' for legacy ones. */
  issued: string;
  regionCode: string;
  /** current: 中央业务指导部门 (2 digits); legacy: industry 大类 (2 digits). */
  sectorCode: string;
  /** current: project type; legacy: 01 审批 / 02 核准 / 03 备案. */
  typeCode: string;
  serial: string;
}

// Current (GB/T 40058-2021): YYMM-RRRRRR-DD-TT-NNNNNC; the check character may be a digit or a capital letter.
const CURRENT_RE = /^(\d{2})(0[1-9]|1[0-2])-(\d{6})-(\d{2})-(\d{2})-(\d{5}[0-9A-Z])$/;
// Legacy (2017–2020): YYYY-RRRRRR-II-TT-NNNNNN.
const LEGACY_RE = /^(20(?:1[7-9]|20))-(\d{6})-(\d{2})-(0[1-3])-(\d{6})$/;

/**
 * Reads a 项目代码 by shape, or returns null when it has neither shape.
 * @example parseProjectCode('2103-140423-04-01-523618')?.regionCode === '140423'
 */
export function parseProjectCode(raw: string): ParsedProjectCode | null {
  const code = raw.trim().toUpperCase();
  const legacy = LEGACY_RE.exec(code);
  if (legacy) {
    const [, year, region, sector, type, serial] = legacy as unknown as [string, string, string, string, string, string];
    return { format: 'legacy', issued: year, regionCode: region, sectorCode: sector, typeCode: type, serial };
  }
  const current = CURRENT_RE.exec(code);
  if (current) {
    const [, yy, mm, region, sector, type, serial] = current as unknown as [string, string, string, string, string, string, string];
    return { format: 'current', issued: `20${yy}-${mm}`, regionCode: region, sectorCode: sector, typeCode: type, serial };
  }
  return null;
}

/** Normalises what a clerk typed: trims, upper-cases the check character, unifies dashes. */
export function normaliseProjectCode(raw: string): string {
  return raw.trim().replace(/[－—–]/g, '-').toUpperCase();
}

/**
 * Why a 项目代码 cannot belong to a project of `countyCode`, or null when it can.
 * A code may carry the county itself or a level above it (city, province), where the project was filed there.
 */
export function projectCodeProblem(raw: string, countyCode: string): string | null {
  const parsed = parseProjectCode(normaliseProjectCode(raw));
  if (!parsed) return '项目代码格式不正确，应为24位，如 2103-140423-04-01-523618';
  const allowed = [countyCode, `${countyCode.slice(0, 4)}00`, `${countyCode.slice(0, 2)}0000`];
  if (!allowed.includes(parsed.regionCode)) {
    return `项目代码的区划段 ${parsed.regionCode} 不属于本县（${countyCode}）`;
  }
  return null;
}
