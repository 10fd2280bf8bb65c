// tiaodu round as county IT staff script it: open a month's round on the demo, list who is late, export, close.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tiaodu } from '../support/cli.ts';
import { commandDatabase } from '../support/cli-database.ts';
import { testDialect } from '../support/test-db.ts';

const home = commandDatabase('tiaodu-round-', ['demo'], 120_000);
const deadline = new Date(Date.now() + 7 * 86_400_000).toISOString();

describe(`tiaodu round (${testDialect()})`, () => {
  it('has Chinese help for each subcommand', async () => {
    const help = await tiaodu('round', '--help');
    expect(help.code).toBe(0);
    for (const sub of ['open', 'close', 'late', 'export', 'remind']) expect(help.stdout).toContain(sub);
    expect((await tiaodu('round', 'open', '--help')).stdout).toContain('--deadline');
  });

  it('opens June 2021 for every project of the 2021 pool, refuses a second opening, lists the units, exports and closes', async () => {
    const opened = await tiaodu('round', 'open', '--db', home.target, '--region', '140423', '--month', '2021-06', '--deadline', deadline, '--json');
    expect(opened.code, opened.stderr).toBe(0);
    const round = JSON.parse(opened.stdout);
    // The pool of 2021 as `tiaodu pool` counts it: 229 projects, one report each.
    expect(round).toMatchObject({ regionCode: '140423', month: '2021-06', status: 'open', counts: { due: 229, draft: 229 } });
    expect(round.deadline).toBe(new Date(deadline).toISOString());

    const again = await tiaodu('round', 'open', '--db', home.target, '--region', '140423', '--month', '2021-06');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('襄垣县2021年6月的月报已经开启');

    const late = await tiaodu('round', 'late', '--db', home.target, '--region', '140423', '--month', '2021-06', '--all', '--json');
    expect(late.code, late.stderr).toBe(0);
    const board = JSON.parse(late.stdout);
    expect(board.total).toMatchObject({ due: 229, pending: 229, missing: 0, late: 0, timelinessRate: null });
    expect(board.rows.reduce((n: number, r: { due: number }) => n + r.due, 0)).toBe(229);

    const out = path.join(home.dir, 'june.xlsx');
    const exported = await tiaodu('round', 'export', '--db', home.target, '--region', '140423', '--month', '2021-06', '--out', out);
    expect(exported.code, exported.stderr).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets[0]!.getCell('A1').value).toBe('襄垣县2021年6月重点项目月报');
    expect(book.worksheets[0]!.rowCount).toBe(3 + 229);

    const closed = await tiaodu('round', 'close', '--db', home.target, '--region', '140423', '--month', '2021-06', '--json');
    expect(closed.code, closed.stderr).toBe(0);
    expect(JSON.parse(closed.stdout).status).toBe('closed');
  });

  it('reopens a closed month for one unit and locks it again; extends an open month’s deadline, later only', async () => {
    for (const step of [['open', '--deadline', deadline], ['close']]) {
      const done = await tiaodu('round', step[0]!, '--db', home.target, '--region', '140423', '--month', '2021-04', ...step.slice(1));
      expect(done.code, done.stderr).toBe(0);
    }
    const reopened = await tiaodu('round', 'reopen', '--db', home.target, '--region', '140423', '--month', '2021-04', '--unit', '古韩镇人民政府', '--reason', '古韩镇漏报', '--json');
    expect(reopened.code, reopened.stderr).toBe(0);
    const round = JSON.parse(reopened.stdout);
    expect([round.status, round.reopenings.map((r: { unitName: string; reason: string }) => [r.unitName, r.reason])]).toEqual(['closed', [['古韩镇人民政府', '古韩镇漏报']]]);
    const relocked = await tiaodu('round', 'relock', '--db', home.target, '--region', '140423', '--month', '2021-04', '--unit', '古韩镇人民政府', '--json');
    expect(relocked.code, relocked.stderr).toBe(0);
    expect(JSON.parse(relocked.stdout).reopenings).toEqual([]);

    const july = await tiaodu('round', 'open', '--db', home.target, '--region', '140423', '--month', '2021-07');
    expect(july.code, july.stderr).toBe(0);
    // July 2021's own deadline (5 August 2021) has long passed: the calendar counts from today, and the command says so.
    expect(july.stderr).toContain('2021年7月的日历截止时间（2021年8月5日18:00）在开启时已过，截止时间按开启之日起算4天');
    const later = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const extended = await tiaodu('round', 'extend', '--db', home.target, '--region', '140423', '--month', '2021-07', '--deadline', later, '--json');
    expect(extended.code, extended.stderr).toBe(0);
    expect(JSON.parse(extended.stdout)).toMatchObject({ deadline: later, deadlineBasis: 'extended' });
    const earlier = await tiaodu('round', 'extend', '--db', home.target, '--region', '140423', '--month', '2021-07', '--deadline', deadline);
    expect([earlier.code, earlier.stderr]).toEqual([1, expect.stringContaining('新的截止时间应晚于现在的截止时间')]);
  }, 240_000);

  it('refuses a month that is not one, and says so; wrong usage exits 2', async () => {
    const bad = await tiaodu('round', 'open', '--db', home.target, '--region', '140423', '--month', '2021-13');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--month 应为月份 YYYY-MM，如 2021-05，而不是“2021-13”');
    expect((await tiaodu('round', 'late', '--db', home.target, '--month', '2021-06')).code).toBe(2);
    const missing = await tiaodu('round', 'late', '--db', home.target, '--region', '140423', '--month', '2020-06');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('2020年6月的月报尚未开启');
  });
});
