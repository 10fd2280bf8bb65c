// The checks an entered indicator value or target passes before anything is computed from it. Sources quoted in docs/sources.md.
import { describe, expect, it } from 'vitest';
import { indicatorTargetIssues, indicatorValueIssues } from '../../../src/domain/indicator/values.ts';

describe('indicatorValueIssues', () => {
  it('accepts a whole number of 元 with an official growth', () => {
    expect(indicatorValueIssues({ indicator: 'industrial-value-added', month: '2023-06', value: 4_440_000_000, officialYoy: 0.148 })).toEqual([]);
    expect(indicatorValueIssues({ indicator: 'industrial-investment', month: '2023-06', value: 1_080_000_000, officialYoy: -0.583 })).toEqual([]);
  });

  it.each([
    [{ indicator: 'grain', month: '2021-05', value: 1 }, 'indicator', '不认识的指标：grain'],
    [{ indicator: 'gdp', month: '2021-5', value: 1 }, 'month', '月份应写作YYYY-MM'],
    [{ indicator: 'gdp', month: '2021-05', value: 1 }, 'month', '地区生产总值按季度发布，月份应为3、6、9、12月'],
    [{ indicator: 'retail-sales', month: '2021-05', value: 44.4 }, 'value', '社会消费品零售总额应为整数（单位：元）'],
    [{ indicator: 'high-tech-enterprises', month: '2021-05', value: -1 }, 'value', '高新技术企业数不能为负数'],
    [{ indicator: 'retail-sales', month: '2021-05', value: 1, officialYoy: -1 }, 'officialYoy', '同比增速应大于-100%'],
    [{ indicator: 'retail-sales', month: '2021-05', value: 1, officialYoy: Number.NaN }, 'officialYoy', '同比增速应大于-100%'],
  ])('refuses %o', (input, field, message) => {
    expect(indicatorValueIssues(input)).toEqual([{ field, message }]);
  });
});

describe('indicatorTargetIssues', () => {
  it('accepts the 2021 work report\'s growth targets and an absolute one', () => {
    expect(indicatorTargetIssues({ indicator: 'gdp', year: 2021, kind: 'growth', value: 0.08 })).toEqual([]);
    expect(indicatorTargetIssues({ indicator: 'fixed-asset-investment', year: 2021, kind: 'growth', value: 0.07, upper: 0.08 })).toEqual([]);
    expect(indicatorTargetIssues({ indicator: 'gdp', year: 2021, kind: 'absolute', value: 25_000_000_000 })).toEqual([]);
  });

  it('refuses what cannot be a target', () => {
    expect(indicatorTargetIssues({ indicator: 'gdp', year: 2021, kind: 'absolute', value: 0 })).toEqual([{ field: 'value', message: '地区生产总值目标应为正整数（单位：元）' }]);
    expect(indicatorTargetIssues({ indicator: 'gdp', year: 2021, kind: 'growth', value: -1.5 })).toEqual([{ field: 'value', message: '增长目标应大于-100%' }]);
    expect(indicatorTargetIssues({ indicator: 'gdp', year: 2021, kind: 'share', value: 1 })).toEqual([{ field: 'kind', message: '目标应为增长率或绝对数' }]);
    expect(indicatorTargetIssues({ indicator: 'gdp', year: 21, kind: 'growth', value: 0.08, upper: 0.07 }).map((i) => i.field)).toEqual(['year', 'upper']);
  });
});
