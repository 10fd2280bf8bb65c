// Large ledger files parsed in a worker thread: the same tables as on the event loop, refusals with their reasons,
// and the event loop free to serve others meanwhile.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { OFF_THREAD_FROM_BYTES, readLedgerTables, readLedgerTablesHere } from '../../src/io/ledger-reader.ts';

let big: Buffer;

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(['序号', '项目名称', '建设单位', '总投资（万元）', '开工日期', '建设内容']);
  for (let i = 1; i <= 20_000; i++) ws.addRow([i, `项目${i}号`, `单位${i % 97}`, i * 13, `2024-0${(i % 9) + 1}-01`, `新建厂房${i}平方米及配套设施`]);
  big = Buffer.from(await wb.xlsx.writeBuffer());
}, 60_000);

/** How many times a 5 ms timer ran on the event loop while `work` ran: none while the loop itself is parsing. */
async function timerTurns(work: () => Promise<unknown>): Promise<number> {
  let turns = 0;
  const timer = setInterval(() => turns++, 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return turns;
}

describe('large ledger files off the event loop', () => {
  it('reads the same tables in the worker, and the event loop keeps turning meanwhile', async () => {
    expect(big.length).toBeGreaterThanOrEqual(OFF_THREAD_FROM_BYTES);
    let here: Awaited<ReturnType<typeof readLedgerTablesHere>> | undefined;
    let off: Awaited<ReturnType<typeof readLedgerTables>> | undefined;
    here = await readLedgerTablesHere(big);
    const turns = await timerTurns(async () => (off = await readLedgerTables(big)));
    expect(off!.sheets[0]!.rows).toHaveLength(20_001);
    expect(off!.sheets[0]!.rows[20_000]).toEqual([20_000, '项目20000号', '单位18', 260_000, '2024-03-01', '新建厂房20000平方米及配套设施']);
    expect(off).toEqual(here);
    // The worker parses for hundreds of milliseconds while the loop goes on running timers (how long the loop stalls
    // with and without the worker is a figure for the bench, not a test).
    expect(turns).toBeGreaterThan(0);
  });

  it('brings a refusal back from the worker with its reason', async () => {
    const csv = Buffer.from(['项目名称,总投资', ...Array.from({ length: 60_000 }, (_, i) => `项目${i},100`)].join('\n'));
    expect(csv.length).toBeGreaterThanOrEqual(OFF_THREAD_FROM_BYTES);
    await expect(readLedgerTables(csv)).rejects.toMatchObject({ name: 'WorkbookProblem', kind: 'tooLarge', message: '工作表“Sheet1”多于 50000 行，超过 50000 行的上限；请分成几个文件导入' });
  });
});
