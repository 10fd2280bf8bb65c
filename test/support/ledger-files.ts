// Ledger workbooks built in code, one per variation real counties send, and one combining them all.

import ExcelJS from 'exceljs';

type Cell = string | number | Date | null;

async function book(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function addRows(ws: ExcelJS.Worksheet, rows: Cell[][]): void {
  for (const r of rows) ws.addRow(r);
}

/** The simplest ledger: one header row, 万元, year and as-of month in the headers. */
export function plainLedger(): Promise<Buffer> {
  return book((wb) => {
    const ws = wb.addWorksheet('台账');
    addRows(ws, [
      ['序号', '项目名称', '所在乡镇', '项目性质', '总投资', '2022年计划投资', '1-6月完成投资', '项目状态'],
      [1, '古韩镇集中供热改造工程', '古韩', '续建', 20000, 8000, 3000, '在建'],
      [2, '王桥镇光伏电站', '王桥镇', '新建', 12000.5, 6000, 0, '前期'],
    ]);
  });
}

/** The same projects in 亿元 (unit in the header) — must give identical 元. */
export function plainLedgerInYi(): Promise<Buffer> {
  return book((wb) => {
    const ws = wb.addWorksheet('台账');
    addRows(ws, [
      ['序号', '项目名称', '所在乡镇', '项目性质', '总投资（亿元）', '2022年计划投资(亿元)', '1-6月完成投资（亿元）', '项目状态'],
      [1, '古韩镇集中供热改造工程', '古韩', '续建', 2, 0.8, 0.3, '在建'],
      [2, '王桥镇光伏电站', '王桥镇', '新建', 1.20005, 0.6, 0, '前期'],
    ]);
  });
}

/** Rows a clerk gets wrong: empty name, a word for money, a township of another county, a bad date. */
export function ledgerWithErrors(): Promise<Buffer> {
  return book((wb) => {
    const ws = wb.addWorksheet('台账');
    addRows(ws, [
      ['项目名称', '所在乡镇', '项目性质', '总投资', '2022年计划投资', '开工时间'],
      ['好项目', '古韩镇', '新建', 100, 50, '2022-05-10'],
      [null, '古韩镇', '新建', 100, 50, null],
      ['坏金额项目', '古韩镇', '新建', 'abc', 50, null],
      ['外县项目', '东风', '新建', 100, 50, null],
      ['坏日期项目', '古韩镇', '新建', 100, 50, '明年'],
      ['计划超总投资', '古韩镇', '新建', 100, 500, null],
    ]);
  });
}

/**
 * Everything at once: two sheets (a notes sheet first), a title and a unit line above the table, a two-row
 * merged header with spaced and full-width spellings, section rows, subtotal and total rows, blank rows,
 * dates in every spelling, short and long township names, phases in 建设性质 or only by section, status words.
 */
export function combinedLedger(unit: '万元' | '亿元' = '万元'): Promise<Buffer> {
  const k = unit === '万元' ? 1 : 1 / 10000;
  const m = (v: number) => Math.round(v * k * 1e8) / 1e8;
  return book((wb) => {
    const notes = wb.addWorksheet('填表说明');
    addRows(notes, [['说明'], ['请按时填报'], ['金额单位为万元']]);
    const ws = wb.addWorksheet('重点项目');
    addRows(ws, [
      ['襄垣县2022年重点项目建设台账'],
      [`填报单位：襄垣县发展和改革局                单位：${unit}`],
      ['序 号', '项目 名称', '项目代码', '建设单位', '所在乡镇（园区）', '建设性质', '项目状态', '投资情况', null, null, null, '时间节点', null],
      [null, null, null, null, null, null, null, '总投资', '2022年计划投资', '1-6月完成投资', '开工累计完成投资', '开工时间', '签约日期'],
      ['一、续建项目（3个）', null, null, null, null, null, null, m(60000), m(20000), m(8000), null, null, null],
      [1, '古韩镇集中供热改造工程', '2103-140423-04-01-523618', '襄垣县热力公司', '古韩', null, '已复工', m(20000), m(8000), m(3000), m(12000), new Date(Date.UTC(2021, 2, 15)), '2020年'],
      [2, '经开区精细化工园', null, '山西某化工有限公司', '襄垣经济技术开发区', '扩建', '在建', m(30000), m(10000), m(4000), null, '2021年3月', null],
      [3, '王桥镇道路提升', null, '襄垣县交通运输局', '王桥镇', '结转', '停工', m(10000), m(2000), m(1000), null, '2021.4', null],
      ['小计', null, null, null, null, null, null, m(60000), m(20000), m(8000), null, null, null],
      [null, null, null, null, null, null, null, null, null, null, null, null, null],
      ['二、新开工项目（2个）', null, null, null, null, null, null, null, null, null, null, null, null],
      [4, '古韩镇光伏电站', null, '某新能源公司', '古韩镇', '新建', '已开工', m(12000.5), m(6000), m(500), null, '2022-05-10', '2022.1'],
      [5, '虒亭物流园', null, '某物流公司', '虒亭', null, '前期', m(8000), m(3000), 0, null, null, null],
      ['合  计', null, null, null, null, null, null, m(80000.5), m(29000), m(8500), null, null, null],
    ]);
    ws.mergeCells('H3:K3');
    ws.mergeCells('L3:M3');
    for (const col of ['A', 'B', 'C', 'D', 'E', 'F', 'G']) ws.mergeCells(`${col}3:${col}4`);
    ws.getCell('L6').numFmt = 'yyyy-mm-dd';
  });
}

/** A ledger of n generated rows, for the benchmark. */
export function bigLedger(n: number): Promise<Buffer> {
  return book((wb) => {
    const ws = wb.addWorksheet('台账');
    ws.addRow(['序号', '项目名称', '所在乡镇', '项目性质', '总投资', '2025年计划投资', '1-6月完成投资', '项目状态', '开工时间']);
    for (let i = 1; i <= n; i++) {
      ws.addRow([i, `项目${i}`, i % 2 ? '古韩' : '王桥镇', i % 3 ? '续建' : '新建', 10000 + i, 5000, 1000 + (i % 100), i % 3 ? '在建' : '前期', i % 3 ? '2024-03-01' : null]);
    }
  });
}
