// Writes the indicator values sheet (指标数据表) as an .xlsx: a title row, one header row, one value per row.
// A flat sheet people fill in and tiaodu reads back; the columns and units are the domain's (indicator-sheet.ts).

import ExcelJS from 'exceljs';
import { inertText } from '../domain/ledger/ledger-cells.ts';

export interface IndicatorSheetSpec {
  sheetName: string;
  title: string;
  columns: readonly { header: string; width: number; numFmt?: string }[];
  rows: readonly (readonly (string | number | null)[])[];
}

const FONT = '宋体';
const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** The workbook as bytes. The same rows give the same file: the document dates are fixed. */
export async function writeIndicatorWorkbook(spec: IndicatorSheetSpec): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'tiaodu';
  book.lastModifiedBy = 'tiaodu';
  book.created = new Date(0);
  book.modified = new Date(0);
  const ws = book.addWorksheet(spec.sheetName, {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { paperSize: 9 as ExcelJS.PaperSize, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' },
  });
  ws.columns = spec.columns.map((c) => ({ width: c.width }));
  const n = spec.columns.length;

  ws.mergeCells(1, 1, 1, n);
  const title = ws.getCell(1, 1);
  title.value = inertText(spec.title);
  title.font = { name: FONT, size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 28;

  const head = ws.getRow(2);
  spec.columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = inertText(c.header);
    cell.font = { name: FONT, size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });
  head.height = 22;

  spec.rows.forEach((cells, k) => {
    const row = ws.getRow(k + 3);
    spec.columns.forEach((c, i) => {
      const v = cells[i] ?? null;
      const cell = row.getCell(i + 1);
      cell.value = typeof v === 'string' ? inertText(v) : v;
      if (typeof v === 'number' && c.numFmt) cell.numFmt = c.numFmt;
      cell.font = { name: FONT, size: 11 };
      cell.alignment = { vertical: 'middle', horizontal: typeof v === 'number' ? 'right' : 'left' };
      cell.border = BORDER;
    });
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
