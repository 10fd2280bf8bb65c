// The charts' options, shared by the dashboard and the documents: what they draw follows the figures.
import { describe, expect, it } from 'vitest';
import { CHART_COLOURS, STANDING_COLOURS, curveChartOption, funnelChartOption, paceOf, progressChartOption, standingChartOption } from '../../../src/domain/charts/chart-options.ts';

const series = (o: Record<string, unknown>) => (o.series as any[])[0];

describe('chart options', () => {
  it('draws each group’s share against 时序进度, orange when behind, bottom to top', () => {
    const o = progressChartOption([{ name: '全部', share: 0.333 }, { name: '续建', share: 0.52 }, { name: '新建', share: null }], 0.5, { completion: '完成', timeProgress: '时序进度' });
    expect((o.yAxis as any).data).toEqual(['新建', '续建', '全部']);
    expect(series(o).data.map((d: any) => [d.value, d.itemStyle.color])).toEqual([[0, CHART_COLOURS.completed], [52, CHART_COLOURS.completed], [33.3, CHART_COLOURS.behind]]);
    expect(series(o).markLine.data).toEqual([{ xAxis: 50 }]);
    expect(series(o).markLine.label.formatter).toBe('时序进度 50%');
  });

  it('calls a gap to 时序进度 that shows as 0.0 points on pace, on both sides', () => {
    expect(paceOf(0.5004, 0.5)).toBe('onPace');
    expect(paceOf(0.4996, 0.5)).toBe('onPace');
    expect(paceOf(0.5006, 0.5)).toBe('ahead');
    expect(paceOf(0.4994, 0.5)).toBe('behind');
  });

  it('colours townships ahead, near (within 5 points) and behind', () => {
    const o = standingChartOption([{ name: '古韩镇', targetShare: 0.56 }, { name: '夏店镇', targetShare: 0.47 }, { name: '虒亭镇', targetShare: 0.286 }], 0.5, { share: '占目标', timeProgress: '时序进度' });
    expect(series(o).data.map((d: any) => d.itemStyle.color)).toEqual([STANDING_COLOURS.ahead, STANDING_COLOURS.near, STANDING_COLOURS.behind]);
  });

  it('plans a target linearly without a curve, and by the curve with one', () => {
    const base = { asOf: '2021-06', thisYear: [{ month: '2021-06', value: 4_799_000_000 }], lastYear: [], target: 9_331_000_000, scale: { factor: 1e8, decimals: 2 } };
    const labels = { thisYear: '2021年', lastYear: '2020年', plan: '计划', month: (m: number) => `${m}月` };
    expect((curveChartOption({ ...base, shares: null }, labels).series as any[])[2].data[5]).toBe(46.66);
    const shares = [0.05, 0.1, 0.2, 0.3, 0.45, 0.6, 0.65, 0.7, 0.8, 0.9, 0.95, 1];
    expect((curveChartOption({ ...base, shares }, labels).series as any[])[2].data[5]).toBe(55.99);
  });

  it('labels the funnel’s stages with their counts and amounts', () => {
    const o = funnelChartOption([{ name: '洽谈', count: 16, amount: 14_900_000_000 }, { name: '签约', count: 12, amount: 5_380_000_000 }], { items: (n) => `${n}个`, yi: '亿元' });
    expect(series(o).data).toEqual([{ name: '洽谈 16个 149亿元', value: 16 }, { name: '签约 12个 53.8亿元', value: 12 }]);
  });
});
