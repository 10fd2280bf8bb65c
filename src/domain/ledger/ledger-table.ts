// Finding the table in a ledger sheet: which rows are the header, what each column is, and the unit, year and period around it.

import type { MoneyUnit } from '../money.ts';
import { cellText, type LedgerCell } from './ledger-cells.ts';
import type { LedgerColumnKey } from './ledger-columns.ts';
import { matchHeader, matchTwoRowHeader, unitIn, yearIn, type HeaderMatch } from './ledger-header.ts';

/** Where the table of a sheet is and what its columns are. */
export interface LedgerTable {
  /** 0-based index of the first header row. */
  headerStart: number;
  /** 1 or 2. */
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

function columnsOf(upper: string[], lower: string[] | null): LedgerTable['columns'] {
  const columns: LedgerTable['columns'] = new Map();
  const width = Math.max(upper.length, lower?.length ?? 0);
  for (let i = 0; i < width; i++) {
    const u = upper[i] ?? '';
    const l = lower ? (lower[i] ?? '') : '';
    const match = lower ? matchTwoRowHeader(u, l) : matchHeader(u);
    if (match && !columns.has(match.key)) columns.set(match.key, { index: i, header: lower && l && l !== u ? `${u === l ? '' : u}${l}` : u, match });
  }
  return columns;
}

/**
 * The table of a sheet, or null when no row names 项目名称 among its headers. A two-row header is taken when
 * its second row names more columns than the first alone does.
 */
export function locateTable(rows: readonly (readonly LedgerCell[] | undefined)[]): LedgerTable | null {
  let best: { start: number; headerRows: number; columns: LedgerTable['columns'] } | null = null;
  for (let r = 0; r < Math.min(rows.length, HEADER_SEARCH_ROWS); r++) {
    const upper = texts(rows[r]);
    const one = columnsOf(upper, null);
    const two = r + 1 < rows.length ? columnsOf(upper, texts(rows[r + 1])) : one;
    const pick = two.size > one.size ? { headerRows: 2, columns: two } : { headerRows: 1, columns: one };
    if (!pick.columns.has('name')) continue;
    if (!best || pick.columns.size > best.columns.size) best = { start: r, ...pick };
  }
  if (!best) return null;
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
 * The sheet that looks most like a project ledger: the one whose table names the most columns, then the one
 * with the most rows. Undefined when none has a 项目名称 column.
 */
export function pickLedgerSheet<S extends { name: string; rows: readonly (readonly LedgerCell[] | undefined)[] }>(
  sheets: readonly S[],
): { sheet: S; table: LedgerTable } | undefined {
  let best: { sheet: S; table: LedgerTable } | undefined;
  for (const sheet of sheets) {
    const table = locateTable(sheet.rows);
    if (!table) continue;
    if (!best || table.columns.size > best.table.columns.size || (table.columns.size === best.table.columns.size && sheet.rows.length > best.sheet.rows.length)) {
      best = { sheet, table };
    }
  }
  return best;
}
