// Header spellings as real ledgers write them: brackets, spaces, units, years, periods, synonyms, two-row groups.
import { describe, expect, it } from 'vitest';
import { matchHeader, matchTwoRowHeader, normaliseHeader, unitIn, yearIn } from '../../../src/domain/ledger/ledger-header.ts';
import { locateTable, pickLedgerSheet } from '../../../src/domain/ledger/ledger-table.ts';

describe('matchHeader', () => {
  it.each<[string, string | null, Partial<{ unit: string | null; year: number | null; periodEndMonth: number | null }>]>([
    ['项目名称', 'name', {}],
    ['项 目 名 称', 'name', {}],
    ['总投资（万元）', 'totalInvestment', { unit: '万元' }],
    ['总投资(亿元)', 'totalInvestment', { unit: '亿元' }],
    ['计划总投资', 'totalInvestment', { unit: null }],
    ['2022年计划投资', 'annualPlan', { year: 2022 }],
    ['2022年度计划投资（亿元）', 'annualPlan', { year: 2022, unit: '亿元' }],
    ['1-6月完成投资', 'completedYtd', { periodEndMonth: 6 }],
    ['1－12月完成投资', 'completedYtd', { periodEndMonth: 12 }],
    ['1月完成投资', 'completedYtd', { periodEndMonth: 1 }],
    ['1-6月累计完成投资', 'completedYtd', { periodEndMonth: 6 }],
    ['累计完成投资', 'completedSinceStart', { periodEndMonth: null }],
    ['开工累计完成投资', 'completedSinceStart', {}],
    ['所在乡镇（园区）', 'township', {}],
    ['所在乡镇(园区)', 'township', {}],
    ['建设性质', 'constructionType', {}],
    ['*项目代码', 'projectCode', {}],
    ['用地面积（亩）', 'landArea', {}],
    ['投资情况（万元）', null, {}],
    ['襄垣县2022年重点项目建设台账', null, {}],
  ])('%s → %s', (text, key, extra) => {
    const m = matchHeader(text);
    expect(m?.key ?? null).toBe(key);
    if (m) expect(m).toMatchObject(extra);
  });

  it('normalises brackets, spaces, units and years', () => {
    expect(normaliseHeader('总 投 资（亿元）')).toBe('总投资');
    expect(unitIn('填报单位：某局    单位：亿元')).toBe('亿元');
    expect(yearIn('襄垣县2022年重点项目')).toBe(2022);
  });

  it('reads a group header over its columns, taking the unit from either row', () => {
    expect(matchTwoRowHeader('投资情况（亿元）', '总投资')).toMatchObject({ key: 'totalInvestment', unit: '亿元' });
    expect(matchTwoRowHeader('序号', '序号')).toMatchObject({ key: 'seq' });
    expect(matchTwoRowHeader('时间节点', '开工时间')).toMatchObject({ key: 'startedOn' });
  });
});

describe('locateTable / pickLedgerSheet', () => {
  const rows = [
    ['XX县2022年重点项目建设台账', null, null, null],
    ['填报单位：发改局  单位：亿元', null, null, null],
    ['序号', '项目名称', '投资情况', '投资情况'],
    ['序号', '项目名称', '总投资', '2022年计划投资'],
    [1, '甲项目', 1, 0.5],
  ];
  it('finds a two-row header below the title, with the unit and year above it', () => {
    const t = locateTable(rows)!;
    expect(t).toMatchObject({ headerStart: 2, headerRows: 2, unitAbove: '亿元', yearAbove: 2022 });
    expect([...t.columns.keys()]).toEqual(['seq', 'name', 'totalInvestment', 'annualPlan']);
  });
  it('picks the sheet that looks like a ledger', () => {
    const picked = pickLedgerSheet([{ name: '说明', rows: [['说明'], ['请按时填报']] }, { name: '台账', rows }]);
    expect(picked?.sheet.name).toBe('台账');
    expect(pickLedgerSheet([{ name: '说明', rows: [['说明']] }])).toBeUndefined();
  });
});
