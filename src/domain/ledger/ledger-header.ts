// Reading a ledger's header: normalising spellings, matching them to the column catalogue, and the unit, year and period they carry.

import type { MoneyUnit } from '../money.ts';
import { LEDGER_COLUMNS, type LedgerColumn, type LedgerColumnKey } from './ledger-columns.ts';

/** What one header cell says once read: the column it names and what its text adds. */
export interface HeaderMatch {
  key: LedgerColumnKey;
  /** A money unit written in the header: 总投资（亿元）. */
  unit: MoneyUnit | null;
  /** A year written in the header: 2022年计划投资. */
  year: number | null;
  /** The last month of a year-to-date period in the header: 1-6月完成投资 → 6. */
  periodEndMonth: number | null;
}

const UNIT_RE = /[(]?(亿元|万元|元)[)]?/;
const YEAR_RE = /(20\d{2})年(度)?/;
// 1-6月, 1—6月, 1至6月, 1~6月, 1月; the leading 1 is the start of the year.
const PERIOD_RE = /(?:1(?:[-~至到]|－|—|–|～)(1[0-2]|[1-9])月|(?<!\d)1月(?!\d))(?:份)?(?:底)?/;

/**
 * The header as compared: half-width brackets and digits (NFKC), no spaces or line breaks, no required-marker
 * asterisks, no unit, year or period.
 * @example normaliseHeader('总 投 资（亿元）') === '总投资'
 */
export function normaliseHeader(text: string): string {
  return stripDecorations(text)
    .replace(/\((亿元|万元|元)\)/g, '')
    .replace(/(亿元|万元)$/g, '')
    .replace(YEAR_RE, '')
    .replace(PERIOD_RE, '')
    .replace(/^\((.*)\)$/, '$1');
}

function stripDecorations(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').replace(/[*＊:：]/g, '').replace(/[〔【［]/g, '(').replace(/[〕】］]/g, ')');
}

// Every spelling of every column, normalised once.
const SPELLINGS: ReadonlyMap<string, LedgerColumnKey> = (() => {
  const map = new Map<string, LedgerColumnKey>();
  for (const column of LEDGER_COLUMNS) {
    for (const spelling of [column.header, ...column.synonyms]) {
      const normal = normaliseHeader(spelling.replace('{year}', '2000').replace('{period}', '1-6月'));
      if (normal && !map.has(normal)) map.set(normal, column.key);
    }
  }
  return map;
})();

/** The unit a text names (亿元 / 万元 / 元), or null. */
export function unitIn(text: string): MoneyUnit | null {
  const m = UNIT_RE.exec(stripDecorations(text));
  return m ? (m[1] as MoneyUnit) : null;
}

/** The year a text names (2022年…), or null. */
export function yearIn(text: string): number | null {
  const m = YEAR_RE.exec(stripDecorations(text));
  return m ? Number(m[1]) : null;
}

/**
 * The column a header names, or null when it names none.
 * @example matchHeader('1-6月完成投资') → { key: 'completedYtd', periodEndMonth: 6, … }
 */
export function matchHeader(text: string): HeaderMatch | null {
  const raw = stripDecorations(text);
  if (!raw) return null;
  const normal = normaliseHeader(text);
  let key = SPELLINGS.get(normal) ?? null;
  const period = PERIOD_RE.exec(raw);
  const periodEndMonth = period ? Number(period[1] ?? 1) : null;
  // 1-6月累计完成投资 is the year's figure; 累计完成投资 alone is since the start.
  if (periodEndMonth !== null && (key === 'completedSinceStart' || normal === '累计完成' || normal === '完成')) key = 'completedYtd';
  if (key === null) return null;
  return { key, unit: unitIn(raw), year: yearIn(raw), periodEndMonth };
}

/** The catalogue entry of a key. */
export function ledgerColumn(key: LedgerColumnKey): LedgerColumn {
  return LEDGER_COLUMNS.find((c) => c.key === key)!;
}

/**
 * The column a header cell names when headers span rows (up to three: a group, a column, a sub-heading): the lowest
 * cell that names a column (投资情况（万元） over 总投资), else two cells read together, else all of them. A merged
 * cell repeats its text down the rows and counts once. The unit and year may sit in any of the cells.
 * @example matchHeaderStack(['投资情况（亿元）', '总投资']) → { key: 'totalInvestment', unit: '亿元', … }
 */
export function matchHeaderStack(stack: readonly string[]): HeaderMatch | null {
  const cells = stack.filter((t, i) => t !== '' && stack.indexOf(t) === i);
  let own: HeaderMatch | null = null;
  for (let i = cells.length - 1; i >= 0 && !own; i--) own = matchHeader(cells[i]!);
  for (let i = cells.length - 2; i >= 0 && !own; i--) own = matchHeader(cells[i]! + cells[i + 1]!);
  if (!own && cells.length > 2) own = matchHeader(cells.join(''));
  if (!own) return null;
  const unit = own.unit ?? cells.map(unitIn).find((u) => u !== null) ?? null;
  const year = own.year ?? cells.map(yearIn).find((y) => y !== null) ?? null;
  return { ...own, unit, year };
}

/** {@link matchHeaderStack} of two rows. */
export function matchTwoRowHeader(upper: string, lower: string): HeaderMatch | null {
  return matchHeaderStack([upper, lower]);
}
