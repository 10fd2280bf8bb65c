// Indicator values in and out of Excel: the flat sheet of indicator-sheet.ts. An import is parse → preview (each row
// taken or refused with its Excel row number and the reason) → commit in one transaction, nothing half-written.

import { writerId, type Actor } from '../../domain/access.ts';
import { AppError } from '../../domain/errors.ts';
import { INDICATOR_CODES, indicatorByCode, type IndicatorCode } from '../../domain/indicator/catalogue.ts';
import { INDICATOR_FIELD_LABELS, TargetListInputSchema, type TargetListInput } from '../../domain/indicator/indicator-input.ts';
import {
  INDICATOR_SHEET_COLUMNS,
  locateIndicatorHeader,
  readIndicatorRow,
  sheetAmount,
  sheetUnit,
  type IndicatorSheetHeader,
} from '../../domain/indicator/indicator-sheet.ts';
import { indicatorValueIssues } from '../../domain/indicator/values.ts';
import { isBlank } from '../../domain/ledger/ledger-cells.ts';
import { makeMonth } from '../../domain/months.ts';
import { isWithin } from '../../domain/region.ts';
import { parseInput } from '../../domain/validation.ts';
import { findValues, toPpm, type ValueWrite } from '../../db/repositories/indicator.repository.ts';
import { findRegion } from '../../db/repositories/region.repository.ts';
import { inTransaction, type Db } from '../../db/transaction.ts';
import { writeIndicatorWorkbook } from '../../io/indicator-writer.ts';
import { readLedgerWorkbook, WorkbookProblem } from '../../io/ledger-reader.ts';
import { assertCanEditIndicators, assertCanReadIndicators, displayName, loadRegion, subRegions } from './indicator-access.ts';
import { writeIndicatorValues } from './indicator-writes.ts';

export interface ImportIndicatorsInput {
  /** The .xlsx file: its bytes, or a path. */
  file: Buffer | string;
  /** The region the file is for: its rows must be of it or of the regions inside it. */
  regionCode: string;
  /** Take the valid rows even when others are refused. */
  skipInvalid: boolean;
  /** false: a preview, the same report with nothing written. */
  commit: boolean;
}

export type IndicatorRowAction = 'new' | 'updated' | 'unchanged' | 'rejected';

export interface IndicatorImportReport {
  /** Whether the rows taken were written (false for a preview, or when refused rows blocked the import). */
  committed: boolean;
  imported: number;
  new: number;
  updated: number;
  unchanged: number;
  rejected: { row: number; reason: string }[];
  sheet: string;
  rows: { row: number; action: IndicatorRowAction; indicator: IndicatorCode | null; region: string | null; month: string | null; reason?: string }[];
}

function fileProblem(message: string, kind: 'tooLarge' | 'notExcel' | 'noSheet'): AppError {
  return new AppError(kind === 'tooLarge' ? 'too_large' : 'invalid_input', message, [{ field: 'file', message }]);
}

/**
 * Reads an indicator sheet and reports, row by row, what it takes and what it refuses; with `commit`, writes the rows
 * taken (source 'imported') in one transaction — nothing when any row is refused, unless `skipInvalid`. A row is
 * refused for an unknown indicator, a region outside the one imported or unknown, a month that is not one (or not a
 * quarter's end for a quarterly indicator), a value that is not a whole non-negative number in its unit once
 * converted from 万元/亿元, an official growth that is not a number above −100%, or for repeating an earlier row.
 * @example importIndicators(db, { file: '指标.xlsx', regionCode: '140423', skipInvalid: false, commit: true }, actor)
 */
export async function importIndicators(db: Db, input: ImportIndicatorsInput, actor: Actor, now: Date = new Date()): Promise<IndicatorImportReport> {
  assertCanEditIndicators(actor, input.regionCode);
  const scope = await loadRegion(db, input.regionCode);

  let sheets;
  try {
    sheets = await readLedgerWorkbook(input.file);
  } catch (e) {
    if (e instanceof WorkbookProblem) throw fileProblem(e.message, e.kind);
    throw e;
  }
  let found: { name: string; rows: (typeof sheets)[number]['rows']; header: IndicatorSheetHeader } | null = null;
  for (const s of sheets) {
    const header = locateIndicatorHeader(s.rows);
    if (header) {
      found = { name: s.name, rows: s.rows, header };
      break;
    }
  }
  if (!found) throw fileProblem('没有找到指标数据表：任何工作表的前10行中都没有“指标、地区代码、月份、累计值”这几列', 'noSheet');
  const { header } = found;

  const report: IndicatorImportReport = { committed: false, imported: 0, new: 0, updated: 0, unchanged: 0, rejected: [], sheet: found.name, rows: [] };
  const refuse = (row: number, reason: string, partial: { indicator?: IndicatorCode; region?: string; month?: string } = {}) => {
    const text = `第${row}行：${reason}`;
    report.rejected.push({ row, reason: text });
    report.rows.push({ row, action: 'rejected', indicator: partial.indicator ?? null, region: partial.region ?? null, month: partial.month ?? null, reason: text });
  };

  const known = new Map<string, boolean>();
  const seen = new Map<string, number>();
  const taken: { row: number; value: ValueWrite }[] = [];
  const stamp = now.toISOString();
  for (let i = header.row + 1; i < found.rows.length; i++) {
    const cells = found.rows[i] ?? [];
    const rowNo = i + 1;
    if (cells.every((c) => isBlank(c))) continue;
    const read = readIndicatorRow(cells, header);
    if (typeof read === 'string') {
      refuse(rowNo, read);
      continue;
    }
    const where = { indicator: read.indicator, region: read.region, month: read.month };
    if (!isWithin(read.region, scope.code)) {
      refuse(rowNo, `地区代码${read.region}不在${displayName(scope)}（${scope.code}）范围内`, where);
      continue;
    }
    if (!known.has(read.region)) known.set(read.region, !!(await findRegion(db, read.region)));
    if (!known.get(read.region)) {
      refuse(rowNo, `地区代码${read.region}不是本系统中的地区`, where);
      continue;
    }
    const issues = indicatorValueIssues(read);
    if (issues.length > 0) {
      refuse(rowNo, issues.map((x) => x.message).join('；'), where);
      continue;
    }
    const key = `${read.indicator}|${read.region}|${read.month}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      refuse(rowNo, `与第${earlier}行是同一指标、地区和月份`, where);
      continue;
    }
    seen.set(key, rowNo);
    taken.push({ row: rowNo, value: { ...read, source: 'imported', updatedAt: stamp, updatedBy: writerId(actor) } });
  }

  return inTransaction(db, async (trx) => {
    const months = taken.map((t) => t.value.month).sort();
    const stored = taken.length === 0
      ? []
      : await findValues(trx, { regions: [...new Set(taken.map((t) => t.value.region))], fromMonth: months[0]!, toMonth: months[months.length - 1]! });
    const byKey = new Map(stored.map((v) => [`${v.indicator}|${v.region}|${v.month}`, v]));
    const writes: ValueWrite[] = [];
    for (const t of taken) {
      const v = t.value;
      const before = byKey.get(`${v.indicator}|${v.region}|${v.month}`);
      const sameYoy = (before?.officialYoy ?? null) === null ? v.officialYoy === null : v.officialYoy !== null && toPpm(before!.officialYoy!) === toPpm(v.officialYoy);
      const action: IndicatorRowAction = !before ? 'new' : before.value === v.value && sameYoy ? 'unchanged' : 'updated';
      report.rows.push({ row: t.row, action, indicator: v.indicator, region: v.region, month: v.month });
      if (action !== 'unchanged') writes.push(v);
    }
    report.rows.sort((a, b) => a.row - b.row);
    const blocked = report.rejected.length > 0 && !input.skipInvalid;
    if (!blocked) {
      report.new = report.rows.filter((r) => r.action === 'new').length;
      report.updated = report.rows.filter((r) => r.action === 'updated').length;
      report.unchanged = report.rows.filter((r) => r.action === 'unchanged').length;
      report.imported = taken.length;
    }
    if (blocked || !input.commit) return report;
    await writeIndicatorValues(trx, writes, actor, now);
    report.committed = true;
    return report;
  });
}

export interface IndicatorFile {
  buffer: Buffer;
  filename: string;
  /** Value rows written. */
  rows: number;
}

/**
 * The values of a region and the regions directly under it for a year, as the sheet {@link importIndicators} reads:
 * money in 万元, 产出强度 in 万元/亩, the official growth in percent. What is exported imports back unchanged.
 */
export async function exportIndicators(db: Db, input: TargetListInput, actor: Actor): Promise<IndicatorFile> {
  const q = parseInput(TargetListInputSchema, input, INDICATOR_FIELD_LABELS);
  assertCanReadIndicators(actor, q.region);
  const region = await loadRegion(db, q.region);
  const regions = [region, ...(await subRegions(db, region.code))];
  const names = new Map(regions.map((r) => [r.code, displayName(r)]));
  const values = await findValues(db, { regions: regions.map((r) => r.code), fromMonth: makeMonth(q.year, 1), toMonth: makeMonth(q.year, 12) });
  const order = new Map(INDICATOR_CODES.map((c, i) => [c, i]));
  values.sort(
    (a, b) => order.get(a.indicator)! - order.get(b.indicator)! || (a.region < b.region ? -1 : a.region > b.region ? 1 : 0) || (a.month < b.month ? -1 : 1),
  );
  const rows = values.map((v) => {
    const cells: Record<(typeof INDICATOR_SHEET_COLUMNS)[number]['key'], string | number | null> = {
      indicator: indicatorByCode(v.indicator).name,
      region: v.region,
      regionName: names.get(v.region) ?? v.region,
      month: v.month,
      value: sheetAmount(v.indicator, v.value),
      unit: sheetUnit(v.indicator),
      // The fraction's decimal string shifted two places: 0.148 → 14.8, never 14.799999999999999.
      officialYoy: v.officialYoy === null ? null : Number(`${v.officialYoy}e2`),
    };
    return INDICATOR_SHEET_COLUMNS.map((c) => cells[c.key]);
  });
  const regionName = displayName(region);
  const buffer = await writeIndicatorWorkbook({
    sheetName: `${q.year}年指标`,
    title: `${regionName}经济指标数据（${q.year}年）`,
    columns: INDICATOR_SHEET_COLUMNS.map((c) => ({ header: c.header, width: c.width, numFmt: c.key === 'value' ? '#,##0.00##' : c.key === 'officialYoy' ? '0.0##' : undefined })),
    rows,
  });
  return { buffer, filename: `${regionName}经济指标（${q.year}年）.xlsx`, rows: rows.length };
}
