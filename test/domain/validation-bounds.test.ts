// The bounds every input schema shares at the edge: amounts within 10^15 元, areas within 10^7 亩, dates and years in
// 1990–2100, and text without control or bidi-override characters (line breaks only where text has several lines).
import { describe, expect, it } from 'vitest';
import { ProjectPatchSchema } from '../../src/domain/project/project-input.ts';
import { LeadPatchSchema } from '../../src/domain/attraction/lead-input.ts';
import { ReportInputSchema } from '../../src/domain/round/report-input.ts';
import { IndicatorTargetInputSchema, IndicatorValueInputSchema, ReadTargetsInputSchema, ValueListInputSchema } from '../../src/domain/indicator/indicator-input.ts';
import { indicatorTargetIssues, indicatorValueIssues } from '../../src/domain/indicator/values.ts';
import { areaMu, dayInput, dayRefusal, MAX_YUAN, plainText, textRefusal, yearInput, yuanAmount } from '../../src/domain/validation.ts';

const ok = (schema: { safeParse(v: unknown): { success: boolean } }, v: unknown) => schema.safeParse(v).success;
const CONTROL = '不能含有控制字符或文字方向控制符';

describe('the shared bounds', () => {
  it('amounts: whole 元 within 10^15 either way', () => {
    const y = yuanAmount();
    for (const v of [0, 1, -1, 1_000_000_000_000_000, -1_000_000_000_000_000, 402_800_000_000]) expect(ok(y, v), String(v)).toBe(true);
    for (const v of [1_000_000_000_000_001, 9.2e18, 1e308, Number.MAX_SAFE_INTEGER, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '100']) expect(ok(y, v), String(v)).toBe(false);
    expect(MAX_YUAN).toBe(1e15);
  });

  it('areas: finite 亩 from 0 to 10^7', () => {
    for (const v of [0, 12.5, 10_000_000]) expect(ok(areaMu(), v), String(v)).toBe(true);
    for (const v of [-1, 10_000_000.5, 1e308, Number.POSITIVE_INFINITY, Number.NaN]) expect(ok(areaMu(), v), String(v)).toBe(false);
  });

  it('dates and years: real ones in 1990–2100', () => {
    expect(dayRefusal('2021-03-22')).toBeNull();
    expect(dayRefusal('1990-01-01')).toBeNull();
    expect(dayRefusal('2100-12-31')).toBeNull();
    expect(dayRefusal('1989-12-31')).toBe('日期应在1990年至2100年之间');
    expect(dayRefusal('1970-01-01')).toBe('日期应在1990年至2100年之间');
    expect(dayRefusal('1900-05-01')).toBe('日期应在1990年至2100年之间');
    expect(dayRefusal('2101-01-01')).toBe('日期应在1990年至2100年之间');
    expect(dayRefusal('2021-02-30')).toBe('不是有效日期（YYYY-MM-DD）');
    expect(dayInput('开工日期').safeParse('1900-01-01').error?.issues[0]?.message).toBe('开工日期日期应在1990年至2100年之间');
    for (const v of [1990, 2021, 2100]) expect(ok(yearInput(), v)).toBe(true);
    for (const v of [1989, 2101, 2021.5]) expect(ok(yearInput(), v)).toBe(false);
  });

  it.each([
    ['襄垣县经开区标准化厂房', false, null],
    ['第一行\n第二行\t备注', true, null],
    ['第一行\r\n第二行', true, null],
    ['第一行\n第二行', false, CONTROL],
    ['名称\t制表', false, CONTROL],
    ['空\u0000字符', true, CONTROL],
    ['响铃\u0007', true, CONTROL],
    ['删除\u007F', true, CONTROL],
    ['项目A\u202E价总', false, CONTROL],
    ['\u202A嵌入', true, CONTROL],
    ['隔离\u2066x\u2069', false, CONTROL],
    ['\u2068首强', true, CONTROL],
    ['العربية mixed 中文', false, null],
  ])('textRefusal(%j, multiline %s) → %s', (text, multiline, reason) => {
    expect(textRefusal(text, multiline)).toBe(reason);
    expect(ok(plainText(100, { multiline }), text)).toBe(reason === null);
  });
});

describe('the input schemas use them', () => {
  it('a project: no 1e308 area, no 10^16 元, no start in 1900 or deadline in 1970, no reversed name; notes keep their lines', () => {
    expect(ok(ProjectPatchSchema, { landAreaMu: 120, totalInvestment: 250_000_000, startedOn: '2021-03-22', name: '王桥镇污水处理厂', notes: '一\n二' })).toBe(true);
    for (const bad of [{ landAreaMu: 1e308 }, { landAreaMu: -3 }, { totalInvestment: 1e16 }, { completedBefore: 9_223_372_036_854_775_807 }, { startedOn: '1900-01-01' }, { completedOn: '1970-01-01' }, { name: '王桥镇\u202E厂理处水污' }, { name: '换行\n名称' }, { chain: '新能源\u0000' }, { years: [{ year: 2021, phase: 'newStart', annualPlan: 1e16 }] }]) {
      expect(ok(ProjectPatchSchema, bad), JSON.stringify(bad)).toBe(false);
    }
  });

  it('a lead and a monthly report keep to the same bounds', () => {
    expect(ok(LeadPatchSchema, { intendedAmount: 1e16 })).toBe(false);
    expect(ok(LeadPatchSchema, { name: '招商\u2067项目' })).toBe(false);
    expect(ok(LeadPatchSchema, { intendedAmount: 500_000_000, name: '新材料产业园' })).toBe(true);
    const report = { completedMonth: 1_000_000, enteredAs: 'month', ytd: null, progress: '主体完工\n正在装修' };
    expect(ReportInputSchema.safeParse(report).success).toBe(true);
    expect(ReportInputSchema.safeParse({ ...report, completedMonth: 2e15 }).success).toBe(false);
    expect(ReportInputSchema.safeParse({ ...report, progress: '进度\u202E' }).success).toBe(false);
  });
});

describe('indicator input keeps to them', () => {
  const value = { indicator: 'fixed-asset-investment', region: '140423', month: '2021-05', value: 4_440_000_000, officialYoy: -0.352 };
  const target = { indicator: 'fixed-asset-investment', region: '140423', year: 2021, kind: 'growth', value: -0.05 };

  it.each([
    ['a negative growth rate', {}, true],
    ['a growth of +250%', { officialYoy: 2.5 }, true],
    ['a province-sized figure, 10^15', { value: 1e15 }, true],
    ['1e308', { value: 1e308 }, false],
    ['beyond int64', { value: 9.3e18 }, false],
    ['a growth of 1e308', { officialYoy: 1e308 }, false],
    ['a month in 1985', { month: '1985-06' }, false],
    ['a month in 2999', { month: '2999-06' }, false],
  ])('a value with %s', (_what, change, accepted) => {
    expect(ok(IndicatorValueInputSchema, { ...value, ...change })).toBe(accepted);
  });

  it.each([
    ['a fall of 5% as its growth target', {}, true],
    ['an absolute target of 250 亿元', { kind: 'absolute', value: 25_000_000_000 }, true],
    ['the year 1949', { year: 1949 }, false],
    ['the year 2999', { year: 2999 }, false],
    ['an upper bound of 1e308', { qualifier: 'range', upper: 1e308 }, false],
    ['its source words reversed', { sourceText: '增长\u202E8%' }, false],
  ])('a target with %s', (_what, change, accepted) => {
    expect(ok(IndicatorTargetInputSchema, { ...target, ...change })).toBe(accepted);
  });

  it('the rules the import shares refuse what the schema does, in words', () => {
    expect(indicatorValueIssues({ ...value, value: 5e15 })).toEqual([{ field: 'value', message: '固定资产投资应为整数，绝对值不超过10^15（单位：元）' }]);
    expect(indicatorValueIssues({ ...value, month: '1985-06' })).toEqual([{ field: 'month', message: '月份应在1990年至2100年之间' }]);
    expect(indicatorValueIssues({ ...value, officialYoy: 500 })).toEqual([{ field: 'officialYoy', message: '同比增速超出范围（-10000%至10000%）' }]);
    expect(indicatorTargetIssues({ ...target, year: 1949 })).toEqual([{ field: 'year', message: '年份应在1990年至2100年之间' }]);
    expect(indicatorTargetIssues({ ...target, value: 1e4 })).toEqual([{ field: 'value', message: '增长目标超出范围（-10000%至10000%）' }]);
    expect(ok(ValueListInputSchema, { region: '140423', year: '1949' })).toBe(false);
    expect(ok(ReadTargetsInputSchema, { region: '140423', year: 2021, text: '增长8%\u0000' })).toBe(false);
  });
});
