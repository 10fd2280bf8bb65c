// Writing the leads ledger (招商引资项目台账) as an .xlsx: a title row, one header row, a row per lead.

import ExcelJS from 'exceljs';

export interface SheetColumn {
  header: string;
  width: number;
  /** Money columns are numbers with two decimals. */
  numeric: boolean;
}

/** The workbook's bytes: the title merged over the columns, the headers bold and framed, amounts right-aligned. */
export async function writeLeadSheet(title: string, columns: readonly SheetColumn[], rows: readonly (readonly (string | number | null)[])[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('招商引资项目台账', { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = columns.map((c) => ({ width: c.width }));
  ws.addRow([title]);
  ws.mergeCells(1, 1, 1, columns.length);
  ws.getRow(1).font = { bold: true, size: 16 };
  ws.getRow(1).alignment = { horizontal: 'center' };
  const header = ws.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.eachCell((cell) => (cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } }));
  for (const r of rows) {
    const row = ws.addRow(r.map((v) => (v === null ? null : v)));
    columns.forEach((c, i) => {
      if (c.numeric) row.getCell(i + 1).numFmt = '0.00';
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
