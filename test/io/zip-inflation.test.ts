// Zip bombs refused before a workbook library unpacks them: sizes read from the central directory, a ratio no sheet
// has, and a sheet that inflates past the size it declares — each quickly and with memory flat.
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readLedgerTables, WorkbookProblem } from '../../src/io/ledger-reader.ts';
import { inflationRefusal, zipBombRefusal, zipEntries } from '../../src/io/zip-inflation.ts';
import { zipOf, type Part } from '../support/zip-files.ts';

const part = (name: string, text: string): Part => ({ name, data: zlib.deflateRawSync(Buffer.from(text)), declared: Buffer.byteLength(text) });

const MB = 1024 * 1024;

/** An .xlsx-shaped zip whose sheet is `sheetMb` MB of one character (the probe's held 260 MB), declaring its true size or `declared`. */
function bombOf(sheetMb: number, declared?: number): Buffer {
  const sheet = zlib.deflateRawSync(Buffer.alloc(sheetMb * MB, 'a'), { level: 9 });
  return zipOf([
    part('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    part('xl/workbook.xml', '<?xml version="1.0"?><workbook><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    { name: 'xl/worksheets/sheet1.xml', data: sheet, declared: declared ?? sheetMb * MB },
  ]);
}

/** Reads a workbook, and says how long it took and how much the process grew. */
async function refusalOf(file: Buffer) {
  const rss = process.memoryUsage().rss;
  const error = await readLedgerTables(file).then(
    () => null,
    (e: unknown) => e,
  );
  return { error, grewMb: (process.memoryUsage().rss - rss) / MB };
}

describe('zip bombs', () => {
  it('reads the sizes of a real .xlsx from its central directory, and lets it through', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('台账').addRows([['项目名称', '总投资'], ['甲', 100]]);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const entries = zipEntries(file)!;
    expect(entries.map((e) => e.name)).toContain('xl/worksheets/sheet1.xml');
    // Each declared size is what the entry truly inflates to.
    const sheet = entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    const start = sheet.localOffset + 30 + file.readUInt16LE(sheet.localOffset + 26) + file.readUInt16LE(sheet.localOffset + 28);
    expect(zlib.inflateRawSync(file.subarray(start, start + sheet.compressedSize)).length).toBe(sheet.uncompressedSize);
    expect(await zipBombRefusal(file)).toBeNull();
    expect((await readLedgerTables(file)).sheets[0]!.rows).toEqual([['项目名称', '总投资'], ['甲', 100]]);
  });

  it('refuses a workbook whose sheet inflates to 260 MB, from its directory', async () => {
    const file = bombOf(260);
    expect(file.length).toBeLessThan(MB);
    const { error, grewMb } = await refusalOf(file);
    expect(error).toBeInstanceOf(WorkbookProblem);
    expect(error).toMatchObject({ kind: 'tooLarge', message: '文件解压后约 261 MB，超过 100 MB 的上限；请删去多余的空行、空列，或分成几个文件导入' });
    expect(grewMb).toBeLessThan(50);
  });

  it('refuses a sheet under the total but compressed a thousandfold', async () => {
    const { error } = await refusalOf(bombOf(50));
    expect(error).toMatchObject({ kind: 'tooLarge', message: expect.stringMatching(/^文件中的“xl\/worksheets\/sheet1\.xml”压缩比异常（\d+:1，上限 100:1），疑似压缩炸弹，已拒绝$/) });
  });

  it('refuses a sheet that declares 1 KB and inflates to 300 MB, stopping at the first byte too many', async () => {
    const file = bombOf(300, 1024);
    const { error, grewMb } = await refusalOf(file);
    expect(error).toMatchObject({ kind: 'tooLarge', message: '文件中的“xl/worksheets/sheet1.xml”解压后比它声明的大小更大，文件已损坏或被改动过，已拒绝' });
    expect(grewMb).toBeLessThan(50);
  });

  it('states the rule on declared sizes alone', () => {
    const sheet = { name: 's.xml', method: 8, localOffset: 0 };
    expect(inflationRefusal([{ ...sheet, compressedSize: 2 * MB, uncompressedSize: 100 * MB }])).toBeNull();
    expect(inflationRefusal([{ ...sheet, compressedSize: 2 * MB, uncompressedSize: 100 * MB + 1 }])).toMatch(/^文件解压后约 101 MB/);
    // A small part may compress as it likes; a part from 1 MB up at most a hundredfold.
    expect(inflationRefusal([{ ...sheet, compressedSize: 100, uncompressedSize: MB - 1 }])).toBeNull();
    expect(inflationRefusal([{ ...sheet, compressedSize: 20 * 1024, uncompressedSize: 2000 * 1024 }])).toBeNull();
    expect(inflationRefusal([{ ...sheet, compressedSize: 10 * 1024, uncompressedSize: 1024 * 1024 + 1 }])).toMatch(/压缩比异常（102:1/);
  });

  it('leaves a damaged zip to the workbook library to report', async () => {
    expect(zipEntries(Buffer.from('PK\u0003\u0004 not really'))).toBeNull();
    const { error } = await refusalOf(Buffer.from('PK\u0003\u0004 not really'));
    expect(error).toMatchObject({ kind: 'notExcel' });
  });
});
