// The indicator values sheet (指标数据表): its columns, the header spellings people use, and how a row's cells become
// a value — amounts in 万元 or 亿元 stored in 元, the official growth written in percent. Import and export both read it.

import { cellText, dayFromExcelSerial, isBlank, type LedgerCell } from '../ledger/ledger-cells.ts';
import { fromUnit, type MoneyUnit } from '../money.ts';
import { isMonth, makeMonth, type Month } from '../months.ts';
import { indicatorByCode, indicatorByName, isIndicatorCode, type IndicatorCode, type IndicatorDefinition } from './catalogue.ts';

export type IndicatorSheetColumnKey = 'indicator' | 'region' | 'regionName' | 'month' | 'value' | 'unit' | 'officialYoy';

export interface IndicatorSheetColumn {
  key: IndicatorSheetColumnKey;
  /** The header tiaodu writes. */
  header: string;
  /** Other headers read as this column, compared after {@link normalizeHeader}. */
  spellings: readonly string[];
  required: boolean;
  width: number;
}

/** The columns in the order tiaodu writes them. 地区 (the region's name) is written for people and not read back. */
export const INDICATOR_SHEET_COLUMNS: readonly IndicatorSheetColumn[] = [
  { key: 'indicator', header: '指标', spellings: ['指标名称', '指标项目', '项目'], required: true, width: 22 },
  { key: 'region', header: '地区代码', spellings: ['区划代码', '行政区划代码', '代码', '地区编码'], required: true, width: 12 },
  { key: 'regionName', header: '地区', spellings: ['地区名称', '单位名称'], required: false, width: 18 },
  { key: 'month', header: '月份', spellings: ['期别', '时间', '统计月份', '截至月份'], required: true, width: 10 },
  { key: 'value', header: '累计值', spellings: ['本期累计', '累计', '数值', '本年累计', '1-本月累计', '指标值'], required: true, width: 16 },
  { key: 'unit', header: '单位', spellings: ['计量单位'], required: false, width: 10 },
  { key: 'officialYoy', header: '官方增速(%)', spellings: ['官方增速', '同比增速(%)', '同比增速', '增速(%)', '增速', '同比(%)', '同比增长(%)', '累计增速(%)'], required: false, width: 12 },
];

/** A header as compared: NFKC, no spaces, the unit in brackets kept apart. */
export function normalizeHeader(text: string): { name: string; unit: string | null } {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  const m = /^(.*?)\(([^()]*)\)$/.exec(t);
  if (!m) return { name: t, unit: null };
  // 官方增速(%) keeps its percent sign as part of the name.
  if (m[2] === '%') return { name: t, unit: null };
  return { name: m[1] as string, unit: m[2] as string };
}

export interface IndicatorSheetHeader {
  /** 0-based index of the header row in the sheet. */
  row: number;
  /** Column index of each key found. */
  columns: Map<IndicatorSheetColumnKey, number>;
  /** The unit written in the value column's header (累计值（万元）), if any. */
  valueUnit: string | null;
}

/**
 * Finds the header row within the first ten rows: the first row that names the indicator, the region code, the
 * month and the value. Null when there is none.
 */
export function locateIndicatorHeader(rows: readonly (readonly LedgerCell[] | undefined)[]): IndicatorSheetHeader | null {
  for (let i = 0; i < Math.min(rows.length, 10); i++) {
    const cells = rows[i] ?? [];
    const columns = new Map<IndicatorSheetColumnKey, number>();
    let valueUnit: string | null = null;
    cells.forEach((cell, j) => {
      const { name, unit } = normalizeHeader(cellText(cell));
      if (!name) return;
      const column = INDICATOR_SHEET_COLUMNS.find((c) => [c.header, ...c.spellings].some((s) => normalizeHeader(s).name === name));
      if (!column || columns.has(column.key)) return;
      columns.set(column.key, j);
      if (column.key === 'value') valueUnit = unit;
    });
    if (INDICATOR_SHEET_COLUMNS.every((c) => !c.required || columns.has(c.key))) return { row: i, columns, valueUnit };
  }
  return null;
}

/** The indicator a cell names: the catalogue's name, an alias, or the code. */
export function readIndicatorCell(cell: LedgerCell): IndicatorDefinition | undefined {
  const text = cellText(cell);
  if (isIndicatorCode(text)) return indicatorByCode(text);
  return indicatorByName(text);
}

/**
 * A month as sheets write it: 2021-06, 2021年6月, 2021年1-6月, 2021.6, 2021/6, an Excel date (its month).
 * @example readMonthCell('2021年1-6月') // '2021-06'
 */
export function readMonthCell(cell: LedgerCell): Month | null {
  if (isBlank(cell)) return null;
  if (typeof cell === 'number') {
    // 2021.6 typed as a number; an Excel serial day is a date in its month.
    if (cell > 1990 && cell < 2101 && !Number.isInteger(cell)) return readMonthCell(String(cell));
    if (Number.isInteger(cell) && cell > 20000 && cell < 80000) return dayFromExcelSerial(cell).slice(0, 7);
    return null;
  }
  const text = cellText(cell).normalize('NFKC').replace(/\s+/g, '');
  const day = /^(\d{4})-(\d{2})-\d{2}$/.exec(text);
  if (day) return isMonth(`${day[1]}-${day[2]}`) ? `${day[1]}-${day[2]}` : null;
  const m = /^(\d{4})(?:年|[-./])(?:1[-—–~至])?(\d{1,2})(?:月份?|月)?$/.exec(text);
  if (!m) return null;
  const monthNo = Number(m[2]);
  if (monthNo < 1 || monthNo > 12) return null;
  return makeMonth(Number(m[1]), monthNo);
}

/** The units a value of each kind may be written in, and the factor to the stored unit. */
function unitFactor(def: IndicatorDefinition, unit: string): ((amount: number) => number) | null {
  const u = unit.normalize('NFKC').replace(/\s+/g, '');
  switch (def.unitKind) {
    case 'money':
      return u === '元' || u === '万元' || u === '亿元' ? (x) => fromUnit(x, u as MoneyUnit) : null;
    case 'moneyPerPerson':
      return u === '元' || u === '元/人' ? (x) => fromUnit(x, '元') : u === '万元' || u === '万元/人' ? (x) => fromUnit(x, '万元') : null;
    case 'moneyPerMu':
      return u === '万元/亩' ? (x) => fromUnit(x, '万元') : u === '元/亩' ? (x) => fromUnit(x, '元') : null;
    case 'count':
      return u === def.unit || u === '家' || u === '个' || u === '户' ? (x) => x : null;
  }
}

/** The unit a value is written in by default when neither the row nor the header says: 家 for counts, 元/人 for incomes. */
function defaultUnit(def: IndicatorDefinition): string | null {
  switch (def.unitKind) {
    case 'money':
    case 'moneyPerMu':
      return null;
    case 'moneyPerPerson':
      return '元';
    case 'count':
      return def.unit;
  }
}

/** The unit tiaodu writes a value in: 万元 for money, 万元/亩 for 产出强度, the stored unit otherwise. */
export function sheetUnit(code: IndicatorCode): string {
  const def = indicatorByCode(code);
  switch (def.unitKind) {
    case 'money':
      return '万元';
    case 'moneyPerMu':
      return '万元/亩';
    case 'moneyPerPerson':
      return '元';
    case 'count':
      return def.unit;
  }
}

/** A stored value written in {@link sheetUnit}: 4 440 000 000 元 → 444 000 (万元). */
export function sheetAmount(code: IndicatorCode, value: number): number {
  const def = indicatorByCode(code);
  return def.unitKind === 'money' || def.unitKind === 'moneyPerMu' ? value / 10_000 : value;
}

function parseAmount(cell: LedgerCell): { amount: number; unit: string | null } | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? { amount: cell, unit: null } : null;
  const text = cellText(cell).normalize('NFKC').replace(/[,\s]/g, '');
  const m = /^(-?\d+(?:\.\d+)?)(亿元|万元\/亩|元\/亩|万元\/人|元\/人|万元|元|家|个|户)?$/.exec(text);
  return m ? { amount: Number(m[1]), unit: m[2] ?? null } : null;
}

/** A percent as written (14.8, "14.8%", "-58.3") as a fraction, shifted on the decimal string: 14.8 → 0.148. */
function parsePercent(cell: LedgerCell): number | null | undefined {
  if (isBlank(cell)) return null;
  const text = typeof cell === 'number' ? String(cell) : cellText(cell).normalize('NFKC').replace(/[\s%]/g, '');
  if (!/^[-+]?\d+(?:\.\d+)?(?:e[-+]?\d+)?$/i.test(text)) return undefined;
  const n = Number(`${text}e-2`);
  return Number.isFinite(n) ? n : undefined;
}

/** What one data row says, once its cells are read. */
export interface IndicatorSheetRow {
  indicator: IndicatorCode;
  region: string;
  month: Month;
  /** In the indicator's stored unit (元 for money). */
  value: number;
  officialYoy: number | null;
}

/**
 * Reads one data row of the sheet; a string is the reason it is refused, in words for the clerk who typed it.
 * The value's unit is the row's 单位 cell, else the one in the value header (累计值（万元）) when it fits the
 * indicator, else, for counts and incomes, the indicator's own; money without a unit is refused rather than guessed.
 */
export function readIndicatorRow(cells: readonly LedgerCell[], header: IndicatorSheetHeader): IndicatorSheetRow | string {
  const at = (key: IndicatorSheetColumnKey): LedgerCell => {
    const i = header.columns.get(key);
    return i === undefined ? null : (cells[i] ?? null);
  };
  const problems: string[] = [];
  const def = readIndicatorCell(at('indicator'));
  if (isBlank(at('indicator'))) problems.push('指标为空');
  else if (!def) problems.push(`不认识的指标“${cellText(at('indicator'))}”`);

  const region = cellText(at('region')).normalize('NFKC').replace(/\s+/g, '').replace(/\.0+$/, '');
  if (!region) problems.push('地区代码为空');
  else if (!/^\d{6}(\d{3})?$/.test(region)) problems.push(`地区代码“${region}”应为6位或9位数字`);

  const month = readMonthCell(at('month'));
  if (isBlank(at('month'))) problems.push('月份为空');
  else if (!month) problems.push(`月份“${cellText(at('month'))}”无法识别，应写作2021-06或2021年6月`);

  const officialYoy = parsePercent(at('officialYoy'));
  if (officialYoy === undefined) problems.push(`官方增速“${cellText(at('officialYoy'))}”不是数字（按百分数填写，如14.8）`);

  let value: number | null = null;
  if (isBlank(at('value'))) problems.push('累计值为空');
  else if (def) {
    const parsed = parseAmount(at('value'));
    if (!parsed) problems.push(`累计值“${cellText(at('value'))}”不是数字`);
    else {
      // The header's unit is the sheet's money unit: a count or an income in the same column keeps its own.
      const headerUnit = header.valueUnit && unitFactor(def, header.valueUnit) ? header.valueUnit : null;
      const unitText = cellText(at('unit')) || parsed.unit || headerUnit || defaultUnit(def);
      if (!unitText) problems.push(`未写明${def.name}的单位（万元或亿元）`);
      else {
        const convert = unitFactor(def, unitText);
        if (!convert) problems.push(`单位“${unitText}”不适用于${def.name}（应为${sheetUnit(def.code)}）`);
        else if (parsed.amount < 0) problems.push(`${def.name}不能为负数`);
        else {
          value = convert(parsed.amount);
          if (!Number.isSafeInteger(value)) {
            problems.push(def.unitKind === 'count' ? `${def.name}应为整数` : `累计值“${cellText(at('value'))}”超出范围`);
            value = null;
          }
        }
      }
    }
  }
  if (problems.length > 0 || !def || !month || value === null) return problems.join('；');
  return { indicator: def.code, region, month, value, officialYoy: officialYoy ?? null };
}
