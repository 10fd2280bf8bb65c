// Tables as a workbook, one sheet each, as a dispatch meeting's pack prints them: a title row, a bold header row,
// thin borders, numbers right-aligned, A4 landscape. Users' text is kept inert (no formulas).

import ExcelJS from 'exceljs';
import { inertText } from '../domain/ledger/ledger-cells.ts';

export interface SheetTable {
  /** The sheet's name (31 characters at most, as Excel allows). */
  sheet: string;
  title: string;
  columns: string[];
  rows: (string | number)[][];
}

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export async function writeTablesWorkbook(tables: readonly SheetTable[], creator = 'tiaodu'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = creator;
  for (const t of tables) {
    const ws = wb.addWorksheet(t.sheet.slice(0, 31), { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    ws.addRow([t.title]).font = { bold: true, size: 14 };
    ws.mergeCells(1, 1, 1, Math.max(1, t.columns.length));
    const header = ws.addRow(t.columns);
    header.font = { bold: true };
    header.eachCell((c) => {
      c.border = BORDER;
      c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    });
    for (const r of t.rows) {
      const row = ws.addRow(r.map((v) => (typeof v === 'string' ? inertText(v) : v)));
      row.eachCell((c) => {
        c.border = BORDER;
        c.alignment = { vertical: 'middle', wrapText: true, horizontal: typeof c.value === 'number' ? 'right' : 'left' };
      });
    }
    t.columns.forEach((c, i) => {
      const longest = Math.max(c.length, ...t.rows.map((r) => String(r[i] ?? '').length));
      ws.getColumn(i + 1).width = Math.min(48, Math.max(8, longest * 1.8 + 2));
    });
    ws.views = [{ state: 'frozen', ySplit: 2 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
