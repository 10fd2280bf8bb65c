// Header spellings as real ledgers write them: brackets, spaces, units, years, periods, synonyms, two-row groups.
import { describe, expect, it } from 'vitest';
import { matchHeader, matchTwoRowHeader, normaliseHeader, unitIn, yearIn } from '../../../src/domain/ledger/ledger-header.ts';
import { isProjectForm, locateTable, pickLedgerSheet } from '../../../src/domain/ledger/ledger-table.ts';

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

describe('headers of three rows, and forms', () => {
  it('reads a group, a year and a column down three rows, and a sub-heading row a merged 项目名称 spans', () => {
    const rows = [
      ['平顺县2024年重点项目建设台账', null, null, null, null],
      ['序号', '项目名称', '投资情况（万元）', '投资情况（万元）', '投资情况（万元）'],
      ['序号', '项目名称', '总投资', '2024年', '2024年'],
      ['序号', '项目名称', '总投资', '年度计划投资额', '1-6月完成投资'],
      [null, '项目名称', null, '其中：中央资金', null],
      [1, '甲项目', 100, 50, 20],
    ];
    const t = locateTable(rows)!;
    expect({ start: t.headerStart, rows: t.headerRows }).toEqual({ start: 1, rows: 4 });
    expect([...t.columns.keys()]).toEqual(['seq', 'name', 'totalInvestment', 'annualPlan', 'completedYtd']);
    expect(t.columns.get('annualPlan')!.match).toMatchObject({ year: 2024, unit: '万元' });
    expect(t.columns.get('completedYtd')!.match.periodEndMonth).toBe(6);
  });
  it('knows the columns real ledgers carry', () => {
    expect(matchHeader('业主/项目单位')?.key).toBe('owner');
    expect(matchHeader('2024年度计划投资额')).toMatchObject({ key: 'annualPlan', year: 2024 });
    expect(matchHeader('至上年底累计完成投资')?.key).toBe('completedBeforeYear');
    expect(matchHeader('至2023年底累计完成投资')?.key).toBe('completedBeforeYear');
    expect(matchHeader('是否开工')?.key).toBe('started');
    expect(matchHeader('形象进度')?.key).toBe('progressNote');
    expect(matchHeader('层次')?.key).toBe('keyLevel');
  });
  it('tells a form about one project from a ledger', () => {
    const form = [
      ['项目名称', '平顺县城区集中供热管网改造工程', '项目代码', null],
      ['建设单位', '平顺县热力有限公司', '所在乡镇', '青羊镇'],
      ['总投资（万元）', 18500, '开工时间', '2022.04'],
    ];
    expect(isProjectForm(form)).toBe(true);
    expect(pickLedgerSheet([{ name: '项目信息表', rows: form }])).toBeUndefined();
    expect(isProjectForm([['序号', '项目名称', '建设单位', '总投资'], [1, '甲项目', '某公司', 100], [2, '乙项目', '某公司', 200]])).toBe(false);
  });
});
