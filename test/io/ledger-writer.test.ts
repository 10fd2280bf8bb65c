// The ledger workbook: header block and merges, number formats, print setup, and no formula ever written (read back two ways); streamed to a file or a stream.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { inertText } from '../../src/domain/ledger/ledger-cells.ts';
import { columnLetter, FIRST_DATA_ROW, streamLedgerWorkbook, writeLedgerWorkbook, type LedgerWriterRow, type LedgerWriterSheet } from '../../src/io/ledger-writer.ts';

/** A sheet whose rows are an array, for tests that build one sheet from another. */
type ListedSheet = LedgerWriterSheet & { rows: readonly LedgerWriterRow[] };

const sheet: ListedSheet = {
  sheetName: '2021年台账',
  title: '襄垣县2021年重点项目建设台账',
  unitLine: '单位：万元    截至2021年5月',
  columns: [
    { header: '序号', width: 6, align: 'center' },
    { header: '项目名称', width: 36 },
    { header: '总投资', group: '投资情况（万元）', width: 14, numFmt: '#,##0.00' },
    { header: '1-5月完成投资', group: '投资情况（万元）', width: 14, numFmt: '#,##0.00' },
    { header: '开工时间', group: '时间节点', width: 12 },
    { header: '备注', width: 24 },
  ],
  rows: [
    { kind: 'total', cells: ['合计', null, 3.5, 1.25, null, null] },
    { kind: 'section', cells: ['一、续建项目（2个）', null, 3.5, 1.25, null, null] },
    { kind: 'data', cells: [1, '=HYPERLINK("http://evil","x")', 1.2345, 1, '2021-03-01', '+1 备注'] },
    { kind: 'data', cells: [2, '-2项目', 2.2655, 0.25, null, '@SUM(A1)'] },
  ],
  labelSpan: 2,
  frozenColumns: 2,
};

async function readBack(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  return book.worksheets[0]!;
}

describe('inertText', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+86', "'+86"],
    ['-2', "'-2"],
    ['@x', "'@x"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['项目-一期', '项目-一期'],
    ['2021-03-01', '2021-03-01'],
  ])('%j → %j', (input, output) => {
    expect(inertText(input)).toBe(output);
  });
});

describe('columnLetter', () => {
  it.each([[1, 'A'], [26, 'Z'], [27, 'AA'], [28, 'AB'], [52, 'AZ'], [53, 'BA']])('%i → %s', (n, letter) => {
    expect(columnLetter(n)).toBe(letter);
  });
});

describe('writeLedgerWorkbook', () => {
  it('writes the title, unit line and a two-row header with merged groups', async () => {
    const ws = await readBack(await writeLedgerWorkbook(sheet));
    expect(ws.getCell('A1').value).toBe('襄垣县2021年重点项目建设台账');
    expect(ws.getCell('A2').value).toBe('单位：万元    截至2021年5月');
    expect(ws.getCell('A3').value).toBe('序号');
    expect(ws.getCell('C3').value).toBe('投资情况（万元）');
    expect(ws.getCell('C4').value).toBe('总投资');
    expect(ws.getCell('D4').value).toBe('1-5月完成投资');
    expect(ws.getCell('E3').value).toBe('时间节点');
    expect(ws.getCell('E4').value).toBe('开工时间');
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect(merges).toEqual(expect.arrayContaining(['A1:F1', 'A2:F2', 'A3:A4', 'B3:B4', 'C3:D3', 'F3:F4', 'A5:B5', 'A6:B6']));
    // A group of one column is not merged across, and data rows are never merged.
    expect(merges).not.toContain('E3:E3');
    expect(merges.some((m) => m.startsWith('A7'))).toBe(false);
    expect(ws.getColumn(2).width).toBe(36);
  });

  it('writes sums and money as numbers with a two-decimal format, and dates as text', async () => {
    const ws = await readBack(await writeLedgerWorkbook(sheet));
    expect(ws.getCell(`A${FIRST_DATA_ROW}`).value).toBe('合计');
    expect(ws.getCell(`C${FIRST_DATA_ROW}`).value).toBe(3.5);
    expect(ws.getCell(`C${FIRST_DATA_ROW}`).numFmt).toBe('#,##0.00');
    expect(ws.getCell('A6').value).toBe('一、续建项目（2个）');
    expect(ws.getCell('C7').value).toBe(1.2345);
    expect(ws.getCell('C7').numFmt).toBe('#,##0.00');
    expect(ws.getCell('E7').value).toBe('2021-03-01');
    expect(ws.getCell('A7').value).toBe(1);
  });

  it('freezes the header and sets up A3 landscape printing with titles, fit to width, gridlines and page numbers', async () => {
    const ws = await readBack(await writeLedgerWorkbook(sheet));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 4 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 8, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, showGridLines: true });
    expect(ws.pageSetup.printTitlesRow).toBe('3:4');
    expect(ws.pageSetup.margins).toMatchObject({ left: 0.4, right: 0.4 });
    expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页');
  });

  it('writes text that looks like a formula as quoted text, and no <f> element anywhere', async () => {
    const buffer = await writeLedgerWorkbook(sheet, [{ sheetName: '填表说明', columns: [{ header: '说明', width: 20 }], rows: [['=1+2'], ['普通']] }]);
    const ws = await readBack(buffer);
    expect(ws.getCell('B7').value).toBe('\'=HYPERLINK("http://evil","x")');
    expect(ws.getCell('F7').value).toBe("'+1 备注");
    expect(ws.getCell('B8').value).toBe("'-2项目");
    expect(ws.getCell('F8').value).toBe("'@SUM(A1)");
    ws.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-writer-'));
    try {
      const file = path.join(dir, 'ledger.xlsx');
      fs.writeFileSync(file, buffer);
      const listing = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).split('\n').filter((n) => n.startsWith('xl/worksheets/sheet'));
      expect(listing.length).toBe(2);
      for (const name of listing) {
        const xml = execFileSync('unzip', ['-p', file, name], { encoding: 'utf8' });
        expect(xml).not.toMatch(/<f[\s>]/);
        expect(xml).toContain('<sheetData>');
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('streamLedgerWorkbook', () => {
  const many: ListedSheet = {
    ...sheet,
    rows: [
      sheet.rows[0]!,
      ...Array.from({ length: 2_500 }, (_v, i) => ({ kind: 'data' as const, cells: [i + 1, `项目${i + 1}`, i / 100, i / 200, '2021-03-01', i % 7 === 0 ? '=备注' : null] })),
    ],
  };

  function unzip(file: string, name: string): string {
    return execFileSync('unzip', ['-p', file, name], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  }

  it('takes its rows from an async source as it writes, giving the same sheet as from an array', async () => {
    let taken = 0;
    async function* rows() {
      for (const row of many.rows) {
        taken += 1;
        // A page read from a database between rows: the writer waits for it.
        if (taken % 500 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
        yield row;
      }
    }
    const fromSource = await readBack(await writeLedgerWorkbook({ ...many, rows: { [Symbol.asyncIterator]: rows } }));
    const fromArray = await readBack(await writeLedgerWorkbook(many));
    expect(taken).toBe(many.rows.length);
    expect(fromSource.rowCount).toBe(FIRST_DATA_ROW + 2_500);
    for (const n of [FIRST_DATA_ROW, FIRST_DATA_ROW + 499, FIRST_DATA_ROW + 500, FIRST_DATA_ROW + 2_500]) {
      expect(fromSource.getRow(n).values).toEqual(fromArray.getRow(n).values);
    }
  });

  it('writes a file row by row with the print titles, printed gridlines and every row in order', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-stream-'));
    try {
      const file = path.join(dir, '台账.xlsx');
      await streamLedgerWorkbook(file, many);
      expect(fs.readdirSync(dir)).toEqual(['台账.xlsx']);
      // Repeat rows 3–4 on every page: a defined name of the sheet in workbook.xml, as Excel writes it.
      expect(unzip(file, 'xl/workbook.xml')).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;2021年台账&apos;!$3:$4</definedName>');
      const xml = unzip(file, 'xl/worksheets/sheet1.xml');
      expect(xml).toContain('<printOptions gridLines="1" horizontalCentered="1"/><pageMargins');
      expect(xml).toContain('<pane xSplit="2" ySplit="4" topLeftCell="C5" activePane="bottomRight" state="frozen"/>');
      expect(xml).toContain('<pageSetUpPr fitToPage="1"/>');
      expect(xml).not.toMatch(/<f[\s>]/);

      const ws = await readBack(fs.readFileSync(file));
      expect(ws.getCell('A1').value).toBe('襄垣县2021年重点项目建设台账');
      expect(ws.rowCount).toBe(FIRST_DATA_ROW + 2_500);
      for (const n of [1, 7, 1_250, 2_500]) {
        const row = ws.getRow(FIRST_DATA_ROW + n);
        expect(row.getCell(1).value).toBe(n);
        expect(row.getCell(2).value).toBe(`项目${n}`);
        expect(row.getCell(3).value).toBe((n - 1) / 100);
      }
      expect(ws.getRow(FIRST_DATA_ROW + 1).getCell(6).value).toBe("'=备注");
      expect(ws.getColumn(2).width).toBe(36);
      expect(ws.pageSetup.printTitlesRow).toBe('3:4');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives a stream the same workbook that writeLedgerWorkbook returns as bytes', async () => {
    const chunks: Buffer[] = [];
    const sink = new PassThrough();
    sink.on('data', (c: Buffer) => chunks.push(c));
    await streamLedgerWorkbook(sink, many);
    const streamed = await readBack(Buffer.concat(chunks));
    const whole = await readBack(await writeLedgerWorkbook(many));
    expect(streamed.rowCount).toBe(whole.rowCount);
    expect(streamed.getRow(FIRST_DATA_ROW + 2_000).values).toEqual(whole.getRow(FIRST_DATA_ROW + 2_000).values);
  });

  it('leaves no file behind, and an earlier file untouched, when the file cannot be written', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-stream-'));
    try {
      await expect(streamLedgerWorkbook(path.join(dir, 'missing', '台账.xlsx'), many)).rejects.toThrow(/ENOENT/);
      expect(fs.readdirSync(dir)).toEqual([]);
      // A failure half-way through: the file of that name keeps what it had, and nothing else is left.
      const file = path.join(dir, '台账.xlsx');
      fs.writeFileSync(file, 'the earlier ledger');
      const broken: LedgerWriterSheet = {
        ...many,
        rows: many.rows.map((r, i) =>
          i === 2_000
            ? {
                kind: 'data',
                get cells(): never {
                  throw new Error('a row that cannot be read');
                },
              }
            : r,
        ),
      };
      await expect(streamLedgerWorkbook(file, broken)).rejects.toThrow('a row that cannot be read');
      expect(fs.readdirSync(dir)).toEqual(['台账.xlsx']);
      expect(fs.readFileSync(file, 'utf8')).toBe('the earlier ledger');
      // A slow reader holds the writer back; one that goes away ends it with the reader's error instead of a hang.
      const gone = new PassThrough({ highWaterMark: 1024 });
      gone.once('data', () => gone.destroy(new Error('the client went away')));
      await expect(streamLedgerWorkbook(gone, many)).rejects.toThrow('the client went away');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
