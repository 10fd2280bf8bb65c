// Reading ledger files: .xls through SheetJS with its merges and dates, .csv in the encodings Chinese Excel and WPS write.
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { decodeCsv, LEDGER_MAX_ROWS, readLedgerTables, WorkbookProblem } from '../../src/io/ledger-reader.ts';
import { ownCountyCsv, ownCountyGrid, ownCountyXls } from '../support/ledger-files.ts';

describe('readLedgerTables', () => {
  it('reads an .xls (BIFF8) with merged areas filled and dates as days', async () => {
    const ws = XLSX.utils.aoa_to_sheet([['项目名称', null], ['甲', 45369]]);
    ws.B2!.z = 'yyyy-mm-dd';
    ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 1 } }];
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '台账');
    const { format, sheets } = await readLedgerTables(XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }) as Buffer);
    expect(format).toBe('xls');
    expect(sheets[0]!.rows).toEqual([['项目名称', '项目名称'], ['甲', '2024-03-18']]);
  });

  it('reads the same grid from the .xls that was written into it', async () => {
    const { sheets } = await readLedgerTables(ownCountyXls());
    const grid = ownCountyGrid().rows;
    const ledger = sheets.find((s) => s.name === '2024年重点项目')!;
    expect(ledger.rows[9]).toEqual(grid[9]);
    // The group header is merged over the four money columns.
    expect(ledger.rows[2]!.slice(5, 9)).toEqual(['投资情况（万元）', '投资情况（万元）', '投资情况（万元）', '投资情况（万元）']);
  });

  it.each(['gbk', 'utf8', 'utf8bom'] as const)('reads a .csv in %s the same', async (encoding) => {
    const { format, sheets } = await readLedgerTables(ownCountyCsv(encoding));
    expect(format).toBe('csv');
    expect(sheets[0]!.rows[1]!.slice(0, 4)).toEqual(['序号', '项目名称', '业主/项目单位', '项目性质']);
    expect(sheets[0]!.rows[2]![1]).toBe('平顺县城区集中供热管网改造工程');
    // A padded name keeps its spaces for the importer to read, and a month stays as written.
    expect(sheets[0]!.rows[2]!.slice(10, 13)).toEqual(['2022.04', '主管网完成80%', '许  波']);
  });

  it('tells GBK from UTF-8 by trying UTF-8 strictly first', () => {
    expect(decodeCsv(Buffer.from([0xcf, 0xee, 0xc4, 0xbf]))).toBe('项目');
    expect(decodeCsv(Buffer.from('项目', 'utf8'))).toBe('项目');
  });

  it('refuses a damaged .xls and a file that is neither a workbook nor text', async () => {
    await expect(readLedgerTables(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).rejects.toThrow(WorkbookProblem);
    await expect(readLedgerTables(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]))).rejects.toThrow('不是 Excel 工作簿（.xlsx、.xls）或 CSV 表格');
  });
});

describe('row cap', () => {
  const csvOf = (rows: number) => Buffer.from(['项目名称,总投资', ...Array.from({ length: rows - 1 }, (_, i) => `项目${i},100`)].join('\n'));

  it(`reads a .csv of ${LEDGER_MAX_ROWS} rows and refuses one of a row more, naming the limit`, async () => {
    expect((await readLedgerTables(csvOf(LEDGER_MAX_ROWS))).sheets[0]!.rows).toHaveLength(50_000);
    await expect(readLedgerTables(csvOf(LEDGER_MAX_ROWS + 1))).rejects.toMatchObject({ kind: 'tooLarge', message: '工作表“Sheet1”多于 50000 行，超过 50000 行的上限；请分成几个文件导入' });
  });

  it('refuses an .xls past the cap by its full extent, though only the first rows are read', async () => {
    const ws = XLSX.utils.aoa_to_sheet([['项目名称'], ['甲']]);
    XLSX.utils.sheet_add_aoa(ws, [['尾']], { origin: 'A60000' });
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '台账');
    await expect(readLedgerTables(XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }) as Buffer)).rejects.toMatchObject({ kind: 'tooLarge', message: '工作表“台账”有 60000 行，超过 50000 行的上限；请分成几个文件导入' });
  });

  it('refuses an .xlsx whose last row is past the cap', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.getCell('A1').value = '项目名称';
    ws.getCell('A50001').value = '尾';
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    await expect(readLedgerTables(file)).rejects.toMatchObject({ kind: 'tooLarge', message: '工作表“台账”有 50001 行，超过 50000 行的上限；请分成几个文件导入' });
  });
});
