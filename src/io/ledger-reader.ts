// Reading a ledger file into plain grids of cell values, merged cells resolved: .xlsx through exceljs, the old binary
// .xls (which WPS still saves) and .csv through SheetJS; checks the file before either library sees it.

import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import type * as XLSX from '@e965/xlsx';
import { dayFromExcelSerial } from '../domain/ledger/ledger-cells.ts';
import type { LedgerCell } from '../domain/ledger/ledger-cells.ts';
import { zipBombRefusal } from './zip-inflation.ts';
import type { WorkerAnswer } from './ledger-reader-worker.ts';

/** Files above this size are refused before they are read. */
export const LEDGER_MAX_BYTES = 20 * 1024 * 1024;

/** A sheet with more rows than this (counting blank rows up to its last) is refused: split it over several files. */
export const LEDGER_MAX_ROWS = 50_000;

/** @param rows the sheet's rows when known, null when reading stopped past the cap (SheetJS keeps no extent of a CSV) */
function tooManyRows(sheet: string, rows: number | null): WorkbookProblem {
  const counted = rows === null ? `多于 ${LEDGER_MAX_ROWS} 行` : `有 ${rows} 行`;
  return new WorkbookProblem(`工作表“${sheet}”${counted}，超过 ${LEDGER_MAX_ROWS} 行的上限；请分成几个文件导入`, 'tooLarge');
}

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
const OLE2_FULL_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(head: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => head[i] === b);
}

/** The formats a ledger file may come in, told by its first bytes. */
export type LedgerFormat = 'xlsx' | 'xls' | 'csv';

const NOT_A_LEDGER_FILE = '文件不是 Excel 工作簿（.xlsx、.xls）或 CSV 表格';

/** Checks size and signature, reading only the first bytes; says which format the file is. */
function checkHead(size: number, head: Uint8Array): LedgerFormat {
  if (size > LEDGER_MAX_BYTES) throw new WorkbookProblem(`文件过大（${(size / 1024 / 1024).toFixed(1)} MB），不能超过 20 MB`, 'tooLarge');
  if (size === 0) throw new WorkbookProblem('文件是空的', 'notExcel');
  if (startsWith(head, OLE2_MAGIC)) return 'xls';
  if (startsWith(head, ZIP_MAGIC)) return 'xlsx';
  // Text has no NUL byte in its first bytes unless it is UTF-16, which starts with its byte order mark.
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (utf16 || !head.subarray(0, Math.min(size, head.length)).includes(0)) return 'csv';
  throw new WorkbookProblem(NOT_A_LEDGER_FILE, 'notExcel');
}

const HEAD_BYTES = 512;

/** The file's bytes and format once its size and signature are acceptable. */
export function readLedgerFile(file: Buffer | string): { bytes: Buffer; format: LedgerFormat } {
  if (typeof file !== 'string') return { bytes: file, format: checkHead(file.length, file.subarray(0, HEAD_BYTES)) };
  const size = fs.statSync(file).size;
  const head = Buffer.alloc(Math.min(HEAD_BYTES, size));
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  const format = checkHead(size, head);
  return { bytes: fs.readFileSync(file), format };
}

/**
 * The text of a CSV file: UTF-8 with or without its byte order mark, UTF-16 with one, and otherwise GB18030 (a superset
 * of GBK and GB2312), which Excel and WPS write for "CSV" on a Chinese Windows. UTF-8 is tried strictly first: GBK text
 * is almost never valid UTF-8, while ASCII is both.
 */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
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
 * Every sheet of a ledger file as a grid of plain values: an .xlsx, an .xls or a .csv, told by its content rather than
 * its name. Throws {@link WorkbookProblem} for files that are too large, encrypted, damaged or not a table at all.
 */
export async function readLedgerWorkbook(file: Buffer | string): Promise<SheetGrid[]> {
  return (await readLedgerTables(file)).sheets;
}

/** Files from this size are parsed in a worker thread: parsing takes the thread seconds, which others would wait for. */
export const OFF_THREAD_FROM_BYTES = 512 * 1024;

/** {@link readLedgerWorkbook}, saying which format the file was; a large file is parsed off the event loop. */
export async function readLedgerTables(file: Buffer | string): Promise<{ format: LedgerFormat; sheets: SheetGrid[] }> {
  const { bytes, format } = readLedgerFile(file);
  return bytes.length >= OFF_THREAD_FROM_BYTES ? readInWorker(bytes) : readTables(bytes, format);
}

/** {@link readLedgerTables} on this thread, whatever the size: what the worker runs. */
export async function readLedgerTablesHere(file: Buffer | string): Promise<{ format: LedgerFormat; sheets: SheetGrid[] }> {
  const { bytes, format } = readLedgerFile(file);
  return readTables(bytes, format);
}

async function readTables(bytes: Buffer, format: LedgerFormat): Promise<{ format: LedgerFormat; sheets: SheetGrid[] }> {
  return { format, sheets: format === 'xlsx' ? await readXlsx(bytes) : await readWithSheetJs(bytes, format) };
}

/**
 * The worker's script: beside this module when run from the TypeScript sources (tests, tsx), loaded through tsx; in
 * the built command every module lies in dist/cli/ or its chunks/ folder, and the worker is an entry of dist/cli/.
 */
function workerScript(): { script: URL | string; eval: boolean } {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const source = JSON.stringify(new URL('./ledger-reader-worker.ts', here).href);
    return { script: `import('tsx/esm/api').then(({ tsImport }) => tsImport(${source}, ${source}))`, eval: true };
  }
  return { script: new URL(here.includes('/chunks/') ? '../ledger-reader-worker.js' : './ledger-reader-worker.js', here), eval: false };
}

function readInWorker(bytes: Buffer): Promise<{ format: LedgerFormat; sheets: SheetGrid[] }> {
  const { script, eval: source } = workerScript();
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: new Uint8Array(bytes), eval: source });
    let settled = false;
    worker.once('message', (answer: WorkerAnswer) => {
      settled = true;
      void worker.terminate();
      if (answer.ok) resolve(answer.tables);
      else if ('problem' in answer) reject(new WorkbookProblem(answer.problem.message, answer.problem.kind));
      else reject(new Error(`解析表格的工作线程出错：${answer.error}`));
    });
    worker.once('error', (e) => {
      settled = true;
      reject(e);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`解析表格的工作线程意外退出（${code}）`));
    });
  });
}

async function readXlsx(bytes: Buffer): Promise<SheetGrid[]> {
  // What the workbook inflates to is checked before exceljs unpacks it all into memory.
  const bomb = await zipBombRefusal(bytes);
  if (bomb) throw new WorkbookProblem(bomb, 'tooLarge');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new WorkbookProblem('文件不是有效的 Excel 工作簿（.xlsx），可能已损坏', 'notExcel');
  }
  const sheets: SheetGrid[] = [];
  let tooLong: WorkbookProblem | null = null;
  workbook.eachSheet((ws) => {
    if (tooLong) return;
    // rowCount is the last row's number: the grid below holds that many rows, blank ones included.
    if (ws.rowCount > LEDGER_MAX_ROWS) {
      tooLong = tooManyRows(ws.name, ws.rowCount);
      return;
    }
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
  if (tooLong) throw tooLong;
  return sheets;
}

function sheetJsCell(sheetJs: typeof XLSX, cell: XLSX.CellObject | undefined): LedgerCell {
  if (!cell) return null;
  switch (cell.t) {
    case 's':
      return typeof cell.v === 'string' ? cell.v : null;
    case 'b':
      return Boolean(cell.v);
    case 'n':
      if (typeof cell.v !== 'number') return null;
      // A number shown with a date format is an Excel serial day: read as the day the clerk typed, in no time zone.
      return cell.z !== undefined && sheetJs.SSF.is_date(cell.z) ? dayFromExcelSerial(cell.v) : cell.v;
    case 'd':
      return cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : null;
    default:
      return null;
  }
}

/** An .xls or .csv through SheetJS: one grid per sheet, merged areas filled from their top-left cell. */
async function readWithSheetJs(bytes: Buffer, format: 'xls' | 'csv'): Promise<SheetGrid[]> {
  // An OLE2 file has its whole 8-byte signature and a 512-byte header; SheetJS would read anything less as text.
  if (format === 'xls' && (bytes.length < 512 || !startsWith(bytes, OLE2_FULL_MAGIC))) {
    throw new WorkbookProblem('文件不是有效的 Excel 工作簿（.xls），可能已损坏', 'notExcel');
  }
  // Loaded when a file needs it: every command starts without parsing the library.
  const sheetJs = await import('@e965/xlsx');
  let workbook: XLSX.WorkBook;
  try {
    // A CSV is read as text in its own encoding, every cell as written (raw): 0012 stays 0012, 2022.10 stays a month.
    workbook = format === 'csv'
      ? sheetJs.read(decodeCsv(bytes), { type: 'string', raw: true, dense: true, sheetRows: LEDGER_MAX_ROWS + 1 })
      : sheetJs.read(bytes, { type: 'buffer', dense: true, cellNF: true, cellFormula: false, cellHTML: false, cellText: false, sheetRows: LEDGER_MAX_ROWS + 1 });
  } catch (e) {
    const message = e instanceof Error ? e.message : '';
    if (/password|encrypt/i.test(message)) throw new WorkbookProblem('文件已加密，请去掉密码后再导入', 'notExcel');
    throw new WorkbookProblem(format === 'xls' ? '文件不是有效的 Excel 工作簿（.xls），可能已损坏' : '文件不是有效的 CSV 表格', 'notExcel');
  }
  const sheets: SheetGrid[] = [];
  for (const name of workbook.SheetNames) {
    const ws = workbook.Sheets[name];
    if (!ws) continue;
    // Read no further than one row past the cap; the sheet's full extent stays in !fullref.
    const extent = ws['!fullref'] ?? ws['!ref'];
    const height = extent ? sheetJs.utils.decode_range(extent).e.r + 1 : 0;
    if (height > LEDGER_MAX_ROWS) throw tooManyRows(name, ws['!fullref'] ? height : null);
    const dense = (ws as unknown as { '!data'?: (XLSX.CellObject | undefined)[][] })['!data'] ?? [];
    const range = ws['!ref'] ? sheetJs.utils.decode_range(ws['!ref']) : null;
    const width = range ? range.e.c + 1 : 0;
    const rows: LedgerCell[][] = [];
    for (let r = 0; r < (range ? range.e.r + 1 : 0); r++) {
      const source = dense[r] ?? [];
      const cells: LedgerCell[] = new Array(width).fill(null);
      for (let c = 0; c < width; c++) cells[c] = sheetJsCell(sheetJs, source[c]);
      rows.push(cells);
    }
    for (const m of ws['!merges'] ?? []) {
      const value = rows[m.s.r]?.[m.s.c] ?? null;
      for (let r = m.s.r; r <= m.e.r; r++) {
        for (let c = m.s.c; c <= m.e.c; c++) if (rows[r] && (rows[r]![c] === null || rows[r]![c] === undefined)) rows[r]![c] = value;
      }
    }
    sheets.push({ name, rows });
  }
  return sheets;
}
