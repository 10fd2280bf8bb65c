// The indicator values sheet: its header found under a title, months and amounts as clerks write them, refusals in words.
import { describe, expect, it } from 'vitest';
import { locateIndicatorHeader, readIndicatorRow, readMonthCell, sheetAmount, sheetUnit } from '../../../src/domain/indicator/indicator-sheet.ts';
import type { LedgerCell } from '../../../src/domain/ledger/ledger-cells.ts';

const HEADER: LedgerCell[] = ['指标', '地区代码', '地区', '月份', '累计值', '单位', '官方增速(%)'];

function read(row: LedgerCell[], header: LedgerCell[] = HEADER) {
  const h = locateIndicatorHeader([['襄垣县经济指标数据（2021年）'], header]);
  if (!h) throw new Error('no header');
  return readIndicatorRow(row, h);
}

describe('locateIndicatorHeader', () => {
  it('finds the header under a title row, by the spellings people use', () => {
    const h = locateIndicatorHeader([['某某表'], ['指标名称', '区划代码', '统计月份', '本期累计（亿元）', '同比增速（%）']]);
    expect(h?.row).toBe(1);
    expect(h?.valueUnit).toBe('亿元');
    expect([...(h?.columns.keys() ?? [])].sort()).toEqual(['indicator', 'month', 'officialYoy', 'region', 'value'].sort());
  });

  it('finds nothing in a sheet without the required columns', () => {
    expect(locateIndicatorHeader([['项目名称', '总投资'], ['甲', 1]])).toBeNull();
  });
});

describe('readMonthCell', () => {
  it.each([
    ['2021-06', '2021-06'],
    ['2021年6月', '2021-06'],
    ['2021年1-6月', '2021-06'],
    ['2021.6', '2021-06'],
    ['2021/06', '2021-06'],
    ['2021-06-30', '2021-06'],
    [2021.6, '2021-06'],
    [44377, '2021-06'], // an Excel date: 2021-06-30
    ['2021', null],
    ['2021-13', null],
    ['六月', null],
  ] as const)('%s → %s', (cell, month) => {
    expect(readMonthCell(cell)).toBe(month);
  });
});

describe('readIndicatorRow', () => {
  it('reads money in 万元 or 亿元 into 元, and the official growth in percent into a fraction', () => {
    expect(read(['规上工业增加值', '140423402', '襄垣经开区', '2023-06', 444_000, '万元', 14.8])).toEqual({
      indicator: 'industrial-value-added', region: '140423402', month: '2023-06', value: 4_440_000_000, officialYoy: 0.148,
    });
    expect(read(['工业投资', 140423402, null, '2023年1-6月', '10.8', '亿元', '-58.3%'])).toMatchObject({ value: 1_080_000_000, officialYoy: -0.583 });
    expect(read(['GDP', '140423', null, '2021-06', 1_201_700, '万元', null])).toMatchObject({ indicator: 'gdp', value: 12_017_000_000, officialYoy: null });
  });

  it('takes the unit from the value header when the row has none, and counts in 家 without one', () => {
    const header: LedgerCell[] = ['指标', '地区代码', '月份', '累计值（亿元）'];
    expect(read(['固投', '140423', '2021-06', 48.53], header)).toMatchObject({ indicator: 'fixed-asset-investment', value: 4_853_000_000 });
    expect(read(['新增规上企业数', '140423', '2021-06', 5], header)).toMatchObject({ value: 5 });
  });

  it('refuses a row with every reason at once, in words', () => {
    // An unknown indicator leaves the value unread: its unit cannot be known.
    expect(read(['不存在的指标', '1404', null, '六月', 'abc', '万元', 'x'])).toBe(
      '不认识的指标“不存在的指标”；地区代码“1404”应为6位或9位数字；月份“六月”无法识别，应写作2021-06或2021年6月；官方增速“x”不是数字（按百分数填写，如14.8）',
    );
    expect(read(['固定资产投资', '140423', null, '2021-06', 'abc', '万元', null])).toBe('累计值“abc”不是数字');
    expect(read(['固定资产投资', '140423', null, '2021-06', 100, null, null])).toBe('未写明固定资产投资的单位（万元或亿元）');
    expect(read(['高新技术企业数', '140423', null, '2021-06', 7, '万元', null])).toBe('单位“万元”不适用于高新技术企业数（应为家）');
    expect(read(['新增规上企业数', '140423', null, '2021-06', 2.5, '家', null])).toBe('新增规上企业数应为整数');
    expect(read(['固定资产投资', '140423', null, '2021-06', -1, '万元', null])).toBe('固定资产投资不能为负数');
  });

  it('writes what it reads back: 万元 for money, 万元/亩 for 产出强度, the stored unit otherwise', () => {
    expect([sheetUnit('gdp'), sheetAmount('gdp', 4_440_000_000)]).toEqual(['万元', 444_000]);
    expect([sheetUnit('output-intensity'), sheetAmount('output-intensity', 410_000)]).toEqual(['万元/亩', 41]);
    expect([sheetUnit('urban-disposable-income'), sheetAmount('urban-disposable-income', 43_514)]).toEqual(['元', 43_514]);
    expect(read(['产出强度', '140423402', null, '2023-06', 41, '万元/亩', null])).toMatchObject({ value: 410_000 });
  });
});
