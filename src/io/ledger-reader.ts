// Reading an .xlsx workbook into plain grids of cell values, merged cells resolved; checks the file before exceljs sees it.

import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { LedgerCell } from '../domain/ledger/ledger-cells.ts';

/** Files above this size are refused before they are read. */
export const LEDGER_MAX_BYTES = 20 * 1024 * 1024;

export interface SheetGrid {
  name: string;
  /** rows[i][j] is Excel row i + 1, column j + 1; a merged area repeats its top-left value in every cell. */
  rows: LedgerCell[][];
}

/** Why a file cannot be read as a workbook: a message a clerk understands. */
export class WorkbookProblem extends Error {
  constructor(
    message: string,
    readonly kind: 'tooLarge' | 'notExcel',
  ) {
    super(message);
    this.name = 'WorkbookProblem';
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(head: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => head[i] === b);
}

/** Checks size and signature, reading only the first bytes of a path. */
function checkHead(size: number, head: Uint8Array): void {
  if (size > LEDGER_MAX_BYTES) throw new WorkbookProblem(`文件过大（${(size / 1024 / 1024).toFixed(1)} MB），不能超过 20 MB`, 'tooLarge');
  if (size === 0) throw new WorkbookProblem('文件是空的', 'notExcel');
  if (startsWith(head, OLE2_MAGIC)) throw new WorkbookProblem('文件已加密或为旧版 .xls 格式，请另存为 .xlsx', 'notExcel');
  if (!startsWith(head, ZIP_MAGIC)) throw new WorkbookProblem('文件不是 Excel 工作簿（.xlsx）', 'notExcel');
}

/** The file's bytes once its size and signature are acceptable. */
export function readLedgerFile(file: Buffer | string): Buffer {
  if (typeof file !== 'string') {
    checkHead(file.length, file.subarray(0, 8));
    return file;
  }
  const size = fs.statSync(file).size;
  const head = Buffer.alloc(8);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 8, 0);
  } finally {
    fs.closeSync(fd);
  }
  checkHead(size, head);
  return fs.readFileSync(file);
}

function plain(value: ExcelJS.CellValue): LedgerCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  // Excel dates arrive as JavaScript dates at UTC midnight; the day is what the clerk typed.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return plain((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('hyperlink' in value) return plain((value as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
  if ('error' in value) return null;
  return null;
}

/**
 * Every sheet of a workbook as a grid of plain values. Throws {@link WorkbookProblem} for files that are too
 * large, not .xlsx, encrypted or legacy .xls.
 */
export async function readLedgerWorkbook(file: Buffer | string): Promise<SheetGrid[]> {
  const bytes = readLedgerFile(file);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new WorkbookProblem('文件不是有效的 Excel 工作簿（.xlsx），可能已损坏', 'notExcel');
  }
  const sheets: SheetGrid[] = [];
  workbook.eachSheet((ws) => {
    const rows: LedgerCell[][] = [];
    const width = ws.columnCount;
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: LedgerCell[] = new Array(width).fill(null);
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        // A merged cell's value is its master's; reading it here spreads group headers over their columns.
        const source = cell.isMerged ? cell.master : cell;
        cells[col - 1] = plain(source.value);
      });
      rows[rowNumber - 1] = cells;
    });
    for (let i = 0; i < rows.length; i++) rows[i] ??= new Array(width).fill(null);
    // Merged areas whose slave cells exceljs left out of the row are filled from the merge list.
    // exceljs keeps the merge list on a private field; reading ws.model instead would rebuild the whole sheet.
    const merges = Object.values((ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges ?? {});
    for (const m of merges) {
      const value = plain(ws.getCell(m.top, m.left).value);
      for (let r = m.top; r <= m.bottom; r++) {
        const cells = rows[r - 1];
        if (!cells) continue;
        for (let c = m.left; c <= m.right; c++) if (cells[c - 1] === null || cells[c - 1] === undefined) cells[c - 1] = value;
      }
    }
    sheets.push({ name: ws.name, rows });
  });
  return sheets;
}
