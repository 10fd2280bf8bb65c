// tiaodu indicators, import indicators and export indicators as county IT staff script them, on the demo database. Sources quoted in docs/sources.md.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tiaodu } from '../support/cli.ts';
import { commandDatabase } from '../support/cli-database.ts';
import { testDialect } from '../support/test-db.ts';

const home = commandDatabase('tiaodu-cli-indicators-', ['demo']);

const KEYS = ['indicator', 'unit', 'value', 'yoy', 'yoySource', 'target', 'targetShare', 'timeProgress', 'progressGap', 'rankInCity', 'rankAmongCounties'];

describe(`tiaodu indicators (${testDialect()})`, () => {
  it('prints the array of ACCEPTANCE.md for 襄垣 as of 2021-06', async () => {
    const res = await tiaodu('indicators', '--db', home.target, '--region', '140423', '--as-of', '2021-06', '--json');
    expect(res.code, res.stderr).toBe(0);
    const list = JSON.parse(res.stdout) as Record<string, unknown>[];
    expect(list.map((e) => e.indicator)).toEqual([
      '地区生产总值', '固定资产投资', '工业投资', '技改投资', '规上工业增加值', '高新技术产业增加值', '社会消费品零售总额', '一般公共预算收入',
      '城镇居民人均可支配收入', '农村居民人均可支配收入', '规上工业总产值', '新增规上企业数',
    ]);
    for (const e of list) {
      expect(Object.keys(e)).toEqual(KEYS);
      expect(['元', '家', '元/人']).toContain(e.unit);
      expect(Number.isSafeInteger(e.value)).toBe(true);
      expect(['official', 'computed']).toContain(e.yoySource);
      expect(e.timeProgress).toBe(0.5);
      // Every figure is a number or null, never 0 standing in for "unknown".
      for (const k of ['yoy', 'target', 'targetShare', 'progressGap', 'rankInCity', 'rankAmongCounties']) expect(e[k] === null || (typeof e[k] === 'number' && e[k] !== 0), `${String(e.indicator)} ${k}`).toBe(true);
    }
    const fai = list.find((e) => e.indicator === '固定资产投资')!;
    // 2020's 86 亿元 × 1.085 (the 2021 work report), ranked among the 12 units and the 8 counties from their values.
    expect(fai).toMatchObject({ unit: '元', target: 9_331_000_000, yoySource: 'official', rankInCity: expect.any(Number), rankAmongCounties: expect.any(Number) });
    expect(fai.progressGap).toBeCloseTo((fai.targetShare as number) - 0.5, 4);
    expect(list.find((e) => e.indicator === '新增规上企业数')).toMatchObject({ unit: '家', yoySource: 'computed' });
  });

  it('prints the zone’s half-year report’s zone figures as of 2023-06', async () => {
    const res = await tiaodu('indicators', '--db', home.target, '--region', '140423402', '--as-of', '2023-06', '--json');
    expect(res.code, res.stderr).toBe(0);
    const list = JSON.parse(res.stdout) as Record<string, unknown>[];
    expect(list.find((e) => e.indicator === '规上工业增加值')).toEqual({
      indicator: '规上工业增加值', unit: '元', value: 4_440_000_000, yoy: 0.148, yoySource: 'official',
      target: null, targetShare: null, timeProgress: 0.5, progressGap: null, rankInCity: null, rankAmongCounties: null,
    });
    expect(list.find((e) => e.indicator === '工业投资')).toMatchObject({ value: 1_080_000_000, yoy: -0.583, yoySource: 'official' });
  });

  it('prints a table and the drafted sentences without --json', async () => {
    const res = await tiaodu('indicators', '--db', home.target, '--region', '140423', '--as-of', '2021-06');
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('襄垣县 经济指标（截至 2021-06）');
    expect(res.stdout).toContain('1-6月全县累计完成工业投资');
    expect(res.stdout).toContain('从完成工业投资进度情况看，达到时序进度的只有王桥镇、侯堡镇、古韩镇等3个乡镇');
  });

  it('exits 2 on wrong usage, 1 on refused input with nothing on stdout, and has --help', async () => {
    for (const args of [['indicators'], ['import', 'indicators'], ['export', 'indicators']]) {
      const help = await tiaodu(...args, '--help');
      expect(help.code, args.join(' ')).toBe(0);
      expect(help.stdout).toContain('--db');
    }
    expect((await tiaodu('indicators', '--db', home.target, '--region', '140423')).code).toBe(2);
    const badMonth = await tiaodu('indicators', '--db', home.target, '--region', '140423', '--as-of', '2021-6', '--json');
    expect(badMonth).toMatchObject({ code: 2, stdout: '' });
    expect(badMonth.stderr).toContain('--as-of 应为月份');
    expect((await tiaodu('indicators', '--db', home.target, '--region', '140499', '--as-of', '2021-06', '--json')).code).toBe(1);
    expect((await tiaodu('export', 'indicators', '--db', home.target, '--region', '140423', '--year', 'abc', '--out', path.join(home.dir, 'x.xlsx'))).code).toBe(2);
  });
});

describe(`tiaodu import indicators / export indicators (${testDialect()})`, () => {
  it('exports a year and imports it back unchanged; a file with a bad row imports nothing and exits 1', async () => {
    const out = path.join(home.dir, '指标.xlsx');
    const exp = await tiaodu('export', 'indicators', '--db', home.target, '--region', '140423', '--year', '2021', '--out', out, '--json');
    expect(exp.code, exp.stderr).toBe(0);
    const rows = JSON.parse(exp.stdout).rows as number;
    expect(rows).toBeGreaterThan(300);
    const back = await tiaodu('import', 'indicators', out, '--db', home.target, '--region', '140423', '--json');
    expect(back.code, back.stderr).toBe(0);
    expect(JSON.parse(back.stdout)).toMatchObject({ committed: true, imported: rows, unchanged: rows, rejected: [] });

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const ws = book.worksheets[0]!;
    ws.getCell('E3').value = 123.45; // a new value, in 万元
    ws.getCell('A4').value = '不存在的指标';
    const edited = path.join(home.dir, '改过的指标.xlsx');
    await book.xlsx.writeFile(edited);
    const refused = await tiaodu('import', 'indicators', edited, '--db', home.target, '--region', '140423', '--json');
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ committed: false, imported: 0, rejected: [{ row: 4, reason: '第4行：不认识的指标“不存在的指标”' }] });
    expect(refused.stderr).toContain('未导入任何数据');
    const dry = await tiaodu('import', 'indicators', edited, '--db', home.target, '--region', '140423', '--skip-invalid', '--dry-run', '--json');
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ committed: false, updated: 1 });
    const taken = await tiaodu('import', 'indicators', edited, '--db', home.target, '--region', '140423', '--skip-invalid');
    expect(taken.code, taken.stderr).toBe(0);
    expect(taken.stderr).toContain('已导入');
  });
});
