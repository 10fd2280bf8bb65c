// Finding the table in a ledger sheet: which rows are the header, what each column is, and the unit, year and period around it.

import type { MoneyUnit } from '../money.ts';
import { cellText, type LedgerCell } from './ledger-cells.ts';
import type { LedgerColumnKey } from './ledger-columns.ts';
import { matchHeader, matchHeaderStack, unitIn, yearIn, type HeaderMatch } from './ledger-header.ts';

/** Where the table of a sheet is and what its columns are. */
export interface LedgerTable {
  /** 0-based index of the first header row. */
  headerStart: number;
  /** 1 to 3 (a group row, the column row, a row of sub-headings), and rows a merged 项目名称 spans below them. */
  headerRows: number;
  /** Column index (0-based) of each recognised column; the first one wins when two name the same column. */
  columns: Map<LedgerColumnKey, { index: number; header: string; match: HeaderMatch }>;
  /** The unit a line above the table names (单位：万元), if any. */
  unitAbove: MoneyUnit | null;
  /** The year the title names (XX县2022年重点项目建设台账), if any. */
  yearAbove: number | null;
}

/** How many rows from the top are searched for the header. */
const HEADER_SEARCH_ROWS = 20;

function texts(row: readonly LedgerCell[] | undefined): string[] {
  return (row ?? []).map((c) => cellText(c));
}

/** How many rows a header may span (a group, the column, a sub-heading). */
const MAX_HEADER_ROWS = 3;

function columnsOf(stack: readonly string[][]): LedgerTable['columns'] {
  const columns: LedgerTable['columns'] = new Map();
  const width = Math.max(...stack.map((r) => r.length));
  for (let i = 0; i < width; i++) {
    const cells = stack.map((r) => r[i] ?? '');
    const match = stack.length === 1 ? matchHeader(cells[0]!) : matchHeaderStack(cells);
    const header = cells.filter((t, k) => t !== '' && cells.indexOf(t) === k).join('');
    if (match && !columns.has(match.key)) columns.set(match.key, { index: i, header, match });
  }
  return columns;
}

/**
 * The table of a sheet, or null when no row names 项目名称 among its headers. A header of two or three rows is taken
 * when the rows under the first name more columns than fewer rows do; rows below it that a merged 项目名称 still
 * spans (a row of sub-headings) belong to the header too.
 */
export function locateTable(rows: readonly (readonly LedgerCell[] | undefined)[]): LedgerTable | null {
  let best: { start: number; headerRows: number; columns: LedgerTable['columns'] } | null = null;
  for (let r = 0; r < Math.min(rows.length, HEADER_SEARCH_ROWS); r++) {
    let pick: { headerRows: number; columns: LedgerTable['columns'] } | null = null;
    // A header's first row names a column by itself: a unit line above the table (单位：万元) is not part of it.
    const own = columnsOf([texts(rows[r])]);
    for (let n = 1; n <= MAX_HEADER_ROWS && r + n <= rows.length && (n === 1 || own.size > 0); n++) {
      const columns = columnsOf(Array.from({ length: n }, (_, k) => texts(rows[r + k])));
      if (!pick || columns.size > pick.columns.size) pick = { headerRows: n, columns };
    }
    if (!pick || !pick.columns.has('name')) continue;
    if (!best || pick.columns.size > best.columns.size) best = { start: r, ...pick };
  }
  if (!best) return null;
  const nameAt = best.columns.get('name')!.index;
  const nameText = texts(rows[best.start + best.headerRows - 1])[nameAt];
  while (best.headerRows < MAX_HEADER_ROWS + 2 && nameText && texts(rows[best.start + best.headerRows])[nameAt] === nameText) best.headerRows++;
  let unitAbove: MoneyUnit | null = null;
  let yearAbove: number | null = null;
  for (let r = 0; r < best.start; r++) {
    for (const t of texts(rows[r])) {
      if (!t) continue;
      unitAbove ??= /单位/.test(t) ? unitIn(t.slice(t.indexOf('单位'))) : null;
      yearAbove ??= yearIn(t);
    }
  }
  return { headerStart: best.start, headerRows: best.headerRows, columns: best.columns, unitAbove, yearAbove };
}

/**
 * Whether a sheet is a form about one project (项目名称 | 某某项目, 建设单位 | 某公司, … down the rows) rather than a
 * table of projects: labels that name columns stand beside their values in three rows or more, and no row holds
 * three labels.
 */
export function isProjectForm(rows: readonly (readonly LedgerCell[] | undefined)[]): boolean {
  let labelledRows = 0;
  for (let r = 0; r < Math.min(rows.length, 60); r++) {
    const row = texts(rows[r]);
    const labels = row.map((t) => (t ? matchHeader(t) : null));
    if (labels.filter(Boolean).length >= 3) return false;
    if (labels.some((m, i) => m !== null && row[i + 1] !== undefined && row[i + 1] !== '' && matchHeader(row[i + 1]!) === null)) labelledRows++;
  }
  return labelledRows >= 3;
}

/**
 * The sheet that looks most like a project ledger: the one whose table names the most columns, then the one
 * with the most rows. Undefined when none has a 项目名称 column; a form about one project ({@link isProjectForm}) is
 * never taken for a ledger.
 */
export function pickLedgerSheet<S extends { name: string; rows: readonly (readonly LedgerCell[] | undefined)[] }>(
  sheets: readonly S[],
): { sheet: S; table: LedgerTable } | undefined {
  let best: { sheet: S; table: LedgerTable } | undefined;
  for (const sheet of sheets) {
    const table = locateTable(sheet.rows);
    if (!table || isProjectForm(sheet.rows)) continue;
    if (!best || table.columns.size > best.table.columns.size || (table.columns.size === best.table.columns.size && sheet.rows.length > best.sheet.rows.length)) {
      best = { sheet, table };
    }
  }
  return best;
}
