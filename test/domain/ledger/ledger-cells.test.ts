// Cell values as clerks type them: money in 万元/亿元, dates in every spelling, phase and status words, section and total rows.
import { describe, expect, it } from 'vitest';
import {
  dayFromExcelSerial, isColumnNumberRow, isNoteRow, isTotalRow, isZeroRow, keyLevelWord, leaderNames, parseLedgerDate, parseMoney, phaseWord,
  readConstructionCell, sectionPhase, stageWord, statsEntryWord, yesNoWord,
} from '../../../src/domain/ledger/ledger-cells.ts';

describe('parseMoney', () => {
  it.each<[string | number | null, '万元' | '亿元', number | null]>([
    [12000.5, '万元', 120_005_000],
    ['1,200', '万元', 12_000_000],
    [1.20005, '亿元', 120_005_000],
    ['188.9', '亿元', 18_890_000_000],
    [0.3, '亿元', 30_000_000],
    ['3亿元', '万元', 300_000_000],
    [null, '万元', null],
    ['', '万元', null],
    ['—', '万元', null],
  ])('%s %s → %s 元', (cell, unit, yuan) => {
    expect(parseMoney(cell, unit, '总投资')).toEqual({ ok: true, value: yuan });
  });
  it.each<[string | number, string]>([
    ['abc', '总投资“abc”不是数字'],
    [-5, '总投资不能为负数'],
  ])('refuses %s', (cell, problem) => {
    expect(parseMoney(cell, '万元', '总投资')).toEqual({ ok: false, problem });
  });
});

describe('parseLedgerDate', () => {
  it.each<[string | number, string]>([
    ['2022-05-10', '2022-05-10'],
    ['2022/5/10', '2022-05-10'],
    ['2022年5月10日', '2022-05-10'],
    ['2022年3月', '2022-03-01'],
    ['2022.4', '2022-04-01'],
    [2022.4, '2022-04-01'],
    [2022.1, '2022-01-01'],
    ['2022.10', '2022-10-01'],
    ['2021年', '2021-01-01'],
    [2021, '2021-01-01'],
    ['2022-04', '2022-04-01'],
    [44652, '2022-04-01'],
  ])('%s → %s', (cell, day) => {
    expect(parseLedgerDate(cell, '开工时间')).toEqual({ ok: true, value: day });
  });
  it.each(['明年', '2022-13', '2022-02-30', '5月'])('refuses %s', (cell) => {
    expect(parseLedgerDate(cell, '开工时间')).toEqual({ ok: false, problem: `开工时间“${cell}”不是有效日期` });
  });
  it('reads Excel serials', () => {
    expect(dayFromExcelSerial(25569)).toBe('1970-01-01');
    expect(dayFromExcelSerial(45000)).toBe('2023-03-15');
  });
});

describe('words', () => {
  it.each([['续建', 'continuing'], ['复工', 'continuing'], ['结转', 'continuing'], ['新建', 'newStart'], ['新开工', 'newStart'], ['储备', 'reserve']])('phase %s → %s', (w, p) => {
    expect(phaseWord(w)).toBe(p);
  });
  it.each([
    ['已开工', 'underway'], ['在建', 'underway'], ['已复工', 'underway'], ['未开工', 'preparing'], ['前期', 'preparing'],
    ['停工', 'suspended'], ['已投产', 'operating'], ['竣工', 'completed'], ['主体已竣工', 'completed'], ['签约', 'signed'],
  ])('stage %s → %s', (w, s) => {
    expect(stageWord(w)).toBe(s);
  });
  it('reads 建设性质 as phase or construction type', () => {
    expect(readConstructionCell('续建')).toEqual({ phase: 'continuing', constructionType: null });
    expect(readConstructionCell('新开工')).toEqual({ phase: 'newStart', constructionType: null });
    expect(readConstructionCell('新建')).toEqual({ phase: 'newStart', constructionType: 'new' });
    expect(readConstructionCell('扩建')).toEqual({ phase: null, constructionType: 'expansion' });
    expect(readConstructionCell('随便')).toBeNull();
  });
  it('reads 入库', () => {
    expect(statsEntryWord('是')).toBe('entered');
    expect(statsEntryWord('否')).toBe('none');
  });
});

describe('section and total rows', () => {
  it.each<[string[], string | null | undefined]>([
    [['一、续建项目（52个）'], 'continuing'],
    [['二、新开工项目（12个）', '', '3000'], 'newStart'],
    [['（一）复工项目'], 'continuing'],
    [['续建项目'], 'continuing'],
    [['三、工业项目'], null],
    [['1', '古韩镇集中供热改造工程'], undefined],
    [['', '新建厂房项目'], undefined],
  ])('%j → %s', (texts, phase) => {
    expect(sectionPhase(texts)).toBe(phase);
  });
  it.each<[string[], boolean]>([
    [['合计'], true], [['合  计'], true], [['', '小计'], true], [['总计', '', '100'], true], [['1', '合计划项目'], false], [['续建项目小计'], true],
  ])('%j total: %s', (texts, total) => {
    expect(isTotalRow(texts)).toBe(total);
  });
});

describe('real ledgers’ shapes', () => {
  it.each<[string[], string | null | undefined]>([
    [['（一）在建（11项）'], 'continuing'],
    [['一', '工业'], null],
    [['二', '新开工项目'], 'newStart'],
    [['其中：在建重点项目（90项）'], 'continuing'],
    [['其中：新开工项目（10项）'], 'newStart'],
  ])('section %j → %s', (texts, phase) => {
    expect(sectionPhase(texts)).toBe(phase);
  });
  it.each([['合计37个'], ['龙海市合计14个'], ['合计（100项）'], ['小计:']])('total %s', (t) => {
    expect(isTotalRow([t])).toBe(true);
  });
  it('is not fooled by a project called 合计划…', () => {
    expect(isTotalRow(['合计划生育服务中心'])).toBe(false);
  });
  it.each([
    [['备注：1.金额单位为万元'], true],
    [['1、项目性质：指续建或新建', '1、项目性质：指续建或新建'], true],
    [['注：以上数据截至6月底'], true],
    [['1', '某项目：一期'], false],
  ])('note row %j → %s', (texts, note) => {
    expect(isNoteRow(texts)).toBe(note);
  });
  it('tells a row of zeros and a row numbering the columns from a project', () => {
    expect(isZeroRow([null, null, 0, 0, '0.00'])).toBe(true);
    expect(isZeroRow([1, '项目', 0])).toBe(false);
    expect(isColumnNumberRow([1, 2, 3, 4, 5])).toBe(true);
    expect(isColumnNumberRow(['甲', '乙', '丙'])).toBe(true);
    expect(isColumnNumberRow([1, '项目', 3])).toBe(false);
  });
  it('reads 在建 as continuing and 是/否 as started', () => {
    expect(phaseWord('在建')).toBe('continuing');
    expect([yesNoWord('是'), yesNoWord('否'), yesNoWord('未开工'), yesNoWord('也许')]).toEqual([true, false, false, undefined]);
    expect([keyLevelWord('省重点'), keyLevelWord('市级'), keyLevelWord('县重点项目')]).toEqual(['province', 'city', 'county']);
  });
});

describe('leaderNames', () => {
  it.each<[string, string[]]>([
    ['许  波', ['许波']],
    ['张建国、李明', ['张建国', '李明']],
    ['王志强\n赵刚', ['王志强', '赵刚']],
    ['刘洋/陈静', ['刘洋', '陈静']],
    ['孙伟 周涛', ['孙伟', '周涛']],
    ['李明，许  波', ['李明', '许波']],
    ['王 志强', ['王志强']],
  ])('%j names %j', (cell, names) => {
    expect(leaderNames(cell).map((l) => l.name)).toEqual(names);
  });
  it('keeps a title apart from the name', () => {
    expect(leaderNames('王志强（副县长）、副县长 许波')).toEqual([{ name: '王志强', title: '副县长' }, { name: '许波', title: '副县长' }]);
  });
});
