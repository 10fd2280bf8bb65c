// Writes a ledger workbook as a county prints it (title, unit line, two-row header, sections, totals, print setup) from plain rows, streaming it row by row.

import fs from 'node:fs';
import path from 'node:path';
import { EventEmitter, once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { inertText } from '../domain/ledger/ledger-cells.ts';

/** How a column's cells are written: text as shared strings, numbers with a number format. */
export interface LedgerWriterColumn {
  header: string;
  /** The two-row group header the column sits under; consecutive columns with one group share a merged cell. */
  group?: string;
  /** Width in characters. */
  width: number;
  /** Number format for numeric cells, e.g. `#,##0.00`; text columns leave it unset. */
  numFmt?: string;
  /** Horizontal alignment of data cells; numbers default to right, text to left. */
  align?: 'left' | 'center' | 'right';
}

export type LedgerCell = string | number | null;

/**
 * A row under the header: a project (`data`), the total (`total`) or a section (`section`, which carries its
 * subtotal). Total and section rows put their label in the first column, merged over `labelSpan` columns.
 */
export interface LedgerWriterRow {
  kind: 'data' | 'section' | 'total';
  cells: readonly LedgerCell[];
}

export interface LedgerWriterSheet {
  sheetName: string;
  title: string;
  /** The line under the title: 单位：万元    截至2021年5月. */
  unitLine: string;
  columns: readonly LedgerWriterColumn[];
  /** The rows in order; an async source (pages read from a database) is read as the writer takes them. */
  rows: Iterable<LedgerWriterRow> | AsyncIterable<LedgerWriterRow>;
  /** How many leading columns a section or total label spans (序号 and 项目名称). */
  labelSpan: number;
  /** Columns kept in view when scrolling right. */
  frozenColumns: number;
}

/** A plain second sheet: a header row and rows of text, such as the template's 填表说明. */
export interface NotesSheet {
  sheetName: string;
  columns: readonly { header: string; width: number }[];
  rows: readonly (readonly string[])[];
}

/** The first row of the header block; rows 1 and 2 are the title and the unit line. */
export const HEADER_FIRST_ROW = 3;
export const HEADER_LAST_ROW = 4;
export const FIRST_DATA_ROW = 5;

const FONT = 'SimSun';
const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function cellValue(value: LedgerCell): string | number | null {
  if (value === null) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return inertText(value);
}

/** The spreadsheet letter of a 1-based column: 1 → A, 27 → AA. */
export function columnLetter(index: number): string {
  let n = index;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Display width in column units: a CJK or full-width character takes two, others one. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/**
 * The height a data row needs for its wrapped text. Readers do not agree on growing rows by themselves
 * (LibreOffice keeps the default height of a row exceljs wrote), so the writer sets it.
 */
function rowHeight(cells: readonly LedgerCell[], columns: readonly LedgerWriterColumn[]): number {
  let lines = 1;
  cells.forEach((value, i) => {
    if (typeof value !== 'string') return;
    const usable = Math.max(1, (columns[i]?.width ?? 10) - 1);
    lines = Math.max(lines, Math.ceil(textWidth(value) / usable));
  });
  return Math.min(lines, 6) * LINE_HEIGHT + 4;
}

const LINE_HEIGHT = 14;

/**
 * exceljs's streaming writer leaves out <printOptions> (printed gridlines, centring on the page), which its in-memory
 * writer derives from pageSetup. It is written here where the schema puts it, just before <pageMargins>.
 */
function writePrintOptions(ws: ExcelJS.Worksheet, options: { gridLines: boolean; horizontalCentered: boolean }): void {
  const writer = ws as unknown as { _writePageMargins?: () => void; stream: { write(xml: string): void } };
  const margins = writer._writePageMargins;
  if (typeof margins !== 'function') throw new Error('exceljs: the streaming worksheet writer has changed; <printOptions> cannot be written');
  const attributes = [options.gridLines && 'gridLines="1"', options.horizontalCentered && 'horizontalCentered="1"'].filter(Boolean).join(' ');
  writer._writePageMargins = () => {
    if (attributes) writer.stream.write(`<printOptions ${attributes}/>`);
    margins.call(writer);
  };
}

/** Where a workbook goes: a file path (written beside it, then renamed into place) or a writable stream. */
export type LedgerOutput = string | Writable;

/** Rows written between two checks that the zip keeps up, so the sheet's XML does not pile up ahead of it. */
const ROWS_PER_TURN = 100;

/**
 * The stream the zip takes a sheet's XML from, when its writable side is full. exceljs writes into it without heeding
 * back-pressure, so the writer waits for its 'drain' before writing more rows: the XML then never piles up ahead of
 * the compressor, and a slow output (a slow download) holds the rows back too. With an exceljs or archiver that
 * keeps it elsewhere nothing is found, and the writer only yields a turn of the event loop.
 */
function fullZipSource(ws: ExcelJS.Worksheet): EventEmitter | undefined {
  const source = (ws as unknown as { stream?: { pipes?: unknown[] } }).stream?.pipes?.[0];
  if (!(source instanceof EventEmitter)) return undefined;
  const state = (source as { _writableState?: { needDrain?: unknown } })._writableState;
  return state?.needDrain === true ? source : undefined;
}

/** Waits until the zip has taken what was written of a sheet: a hold-up of the output holds the rows back too. */
type Pause = (ws: ExcelJS.Worksheet) => Promise<void>;

/**
 * The streaming writer keeps only uncommitted rows: each row is committed as soon as it is written, after its merge.
 * What the writer needs before the first row (views, the fit-to-page flag, column widths) is given up front.
 */
async function writeLedgerSheet(book: ExcelJS.stream.xlsx.WorkbookWriter, spec: LedgerWriterSheet, pause: Pause): Promise<void> {
  const n = spec.columns.length;
  const last = columnLetter(n);
  const ws = book.addWorksheet(spec.sheetName, {
    views: [{ state: 'frozen', xSplit: spec.frozenColumns, ySplit: HEADER_LAST_ROW, showGridLines: true }],
    pageSetup: {
      paperSize: 8 as ExcelJS.PaperSize, // A3
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      showGridLines: true,
      // Repeated on every printed page; the workbook turns it into the sheet's _xlnm.Print_Titles name.
      printTitlesRow: `${HEADER_FIRST_ROW}:${HEADER_LAST_ROW}`,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C第 &P 页 共 &N 页' },
  });
  writePrintOptions(ws, { gridLines: true, horizontalCentered: true });
  ws.columns = spec.columns.map((c) => ({ width: c.width }));

  ws.mergeCells(`A1:${last}1`);
  const title = ws.getCell('A1');
  title.value = inertText(spec.title);
  title.font = { name: FONT, size: 18, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 32;

  ws.mergeCells(`A2:${last}2`);
  const unitLine = ws.getCell('A2');
  unitLine.value = inertText(spec.unitLine);
  unitLine.font = { name: FONT, size: 11 };
  unitLine.alignment = { horizontal: 'right', vertical: 'middle' };
  ws.getRow(2).height = 20;

  // Two header rows: a grouped column has its group above and its own header below; the others span both rows.
  const top = HEADER_FIRST_ROW;
  const bottom = HEADER_LAST_ROW;
  for (let i = 0; i < n; ) {
    const col = spec.columns[i]!;
    const letter = columnLetter(i + 1);
    if (!col.group) {
      ws.mergeCells(`${letter}${top}:${letter}${bottom}`);
      ws.getCell(`${letter}${top}`).value = inertText(col.header);
      i += 1;
      continue;
    }
    let j = i;
    while (j + 1 < n && spec.columns[j + 1]!.group === col.group) j += 1;
    const end = columnLetter(j + 1);
    if (j > i) ws.mergeCells(`${letter}${top}:${end}${top}`);
    ws.getCell(`${letter}${top}`).value = inertText(col.group);
    for (let k = i; k <= j; k += 1) ws.getCell(`${columnLetter(k + 1)}${bottom}`).value = inertText(spec.columns[k]!.header);
    i = j + 1;
  }
  for (const r of [top, bottom]) {
    const row = ws.getRow(r);
    row.height = 24;
    for (let c = 1; c <= n; c += 1) {
      const cell = row.getCell(c);
      cell.font = { name: FONT, size: 11, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = BORDER;
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    }
  }
  // The header's vertical merges reach row 4, so rows 1–4 are committed together once they are all set.
  ws.getRow(bottom).commit();

  let r = FIRST_DATA_ROW;
  for await (const data of spec.rows) {
    const row = ws.getRow(r);
    const emphasised = data.kind !== 'data';
    for (let c = 0; c < n; c += 1) {
      const col = spec.columns[c]!;
      const cell = row.getCell(c + 1);
      const value = cellValue(data.cells[c] ?? null);
      cell.value = value;
      if (typeof value === 'number' && col.numFmt) cell.numFmt = col.numFmt;
      cell.font = { name: FONT, size: 11, bold: emphasised };
      cell.alignment = {
        vertical: 'middle',
        horizontal: c === 0 && emphasised ? 'left' : col.align ?? (typeof value === 'number' ? 'right' : 'left'),
        wrapText: !emphasised,
      };
      cell.border = BORDER;
    }
    row.height = emphasised ? LINE_HEIGHT + 6 : rowHeight(data.cells, spec.columns);
    if (emphasised && spec.labelSpan > 1) ws.mergeCells(r, 1, r, spec.labelSpan);
    row.commit();
    r += 1;
    if ((r - FIRST_DATA_ROW) % ROWS_PER_TURN === 0) await pause(ws);
  }
  ws.commit();
}

function writeNotesSheet(book: ExcelJS.stream.xlsx.WorkbookWriter, spec: NotesSheet): void {
  const ws = book.addWorksheet(spec.sheetName, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { paperSize: 9 as ExcelJS.PaperSize, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = spec.columns.map((c) => ({ width: c.width }));
  const head = ws.getRow(1);
  spec.columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = inertText(c.header);
    cell.font = { name: FONT, size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    cell.border = BORDER;
  });
  head.commit();
  spec.rows.forEach((cells, k) => {
    const row = ws.getRow(k + 2);
    row.height = rowHeight(cells, spec.columns);
    spec.columns.forEach((_c, i) => {
      const cell = row.getCell(i + 1);
      cell.value = inertText(cells[i] ?? '');
      cell.font = { name: FONT, size: 11 };
      cell.alignment = { vertical: 'middle', wrapText: true };
      cell.border = BORDER;
    });
    row.commit();
  });
  ws.commit();
}

/**
 * Streams the ledger sheet (and optional notes sheets after it) to a stream as an .xlsx, committing each row as it
 * is written, so memory does not grow with the ledger. Resolves once the stream has taken the last byte; rejects
 * (and stops writing) when the stream fails or is closed early.
 */
async function streamTo(out: Writable, ledger: LedgerWriterSheet, notes: readonly NotesSheet[]): Promise<void> {
  let failure: unknown = null;
  const done = finished(out, { readable: false });
  done.catch((e: unknown) => {
    failure = e;
  });
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  book.creator = 'tiaodu';
  book.lastModifiedBy = 'tiaodu';
  // Fixed document dates: exporting the same ledger twice gives the same sheets and properties.
  book.created = new Date(0);
  book.modified = new Date(0);
  const pause: Pause = async (ws) => {
    const full = fullZipSource(ws);
    // A failed output never drains: waiting on `done` as well turns that into the failure.
    if (full) await Promise.race([once(full, 'drain'), done]);
    else await new Promise<void>((resolve) => setImmediate(resolve));
    if (failure) throw failure;
  };
  await writeLedgerSheet(book, ledger, pause);
  for (const sheet of notes) writeNotesSheet(book, sheet);
  await Promise.all([book.commit(), done]);
}

/**
 * Writes the ledger workbook to a file or a stream. A file is written beside its final name and renamed into place
 * once complete, so a failed export leaves no half-written file (and an earlier file of that name untouched).
 * @example await streamLedgerWorkbook('台账.xlsx', sheet)
 */
export async function streamLedgerWorkbook(out: LedgerOutput, ledger: LedgerWriterSheet, notes: readonly NotesSheet[] = []): Promise<void> {
  if (typeof out !== 'string') return streamTo(out, ledger, notes);
  const partial = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.part`);
  const file = fs.createWriteStream(partial);
  try {
    await streamTo(file, ledger, notes);
    await fs.promises.rename(partial, out);
  } catch (e) {
    file.destroy();
    await fs.promises.rm(partial, { force: true });
    throw e;
  }
}

/** The same workbook as bytes, for a caller that sends it whole (a small download, a test). */
export async function writeLedgerWorkbook(ledger: LedgerWriterSheet, notes: readonly NotesSheet[] = []): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  await streamTo(sink, ledger, notes);
  return Buffer.concat(chunks);
}
