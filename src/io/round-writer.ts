// The figures of one month's round as an Excel sheet: one row per report, amounts in 万元, users' text kept inert.

import ExcelJS from 'exceljs';
import { inertText } from '../domain/ledger/ledger-cells.ts';
import { YUAN_PER_WAN, type Yuan } from '../domain/money.ts';

export interface RoundSheetRow {
  unitName: string;
  projectName: string;
  projectCode: string | null;
  status: string;
  completedMonth: Yuan | null;
  ytd: Yuan | null;
  annualPlan: Yuan | null;
  progress: string | null;
  submittedAt: string | null;
  late: boolean;
}

const COLUMNS: { header: string; width: number; money?: boolean }[] = [
  { header: '序号', width: 6 },
  { header: '填报单位', width: 22 },
  { header: '项目名称', width: 36 },
  { header: '项目代码', width: 26 },
  { header: '状态', width: 9 },
  { header: '当月完成投资', width: 13, money: true },
  { header: '1-M月累计完成投资', width: 16, money: true },
  { header: '年度计划投资', width: 13, money: true },
  { header: '形象进度', width: 40 },
  { header: '首次提交时间', width: 18 },
  { header: '是否逾期', width: 9 },
];

const wan = (y: Yuan | null) => (y === null ? null : y / YUAN_PER_WAN);
const text = (s: string | null) => (s === null ? null : inertText(s));

/** Writes the sheet and returns the file's bytes. `ytdHeader` names the year-to-date column (1-5月累计完成投资). */
export async function writeRoundWorkbook(title: string, ytdHeader: string, rows: readonly RoundSheetRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('月报', { views: [{ state: 'frozen', ySplit: 3 }], pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = COLUMNS.map((c) => ({ width: c.width }));
  sheet.mergeCells(1, 1, 1, COLUMNS.length);
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 16 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.mergeCells(2, 1, 2, COLUMNS.length);
  sheet.getCell(2, 1).value = '单位：万元';
  sheet.getCell(2, 1).alignment = { horizontal: 'right' };
  const header = sheet.getRow(3);
  COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header === '1-M月累计完成投资' ? ytdHeader : c.header;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });
  rows.forEach((r, i) => {
    const row = sheet.addRow([i + 1, text(r.unitName), text(r.projectName), text(r.projectCode), r.status, wan(r.completedMonth), wan(r.ytd), wan(r.annualPlan), text(r.progress), r.submittedAt, r.late ? '是' : '否']);
    COLUMNS.forEach((c, j) => {
      if (c.money) row.getCell(j + 1).numFmt = '#,##0.00';
    });
  });
  sheet.pageSetup.printTitlesRow = '3:3';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
