// The sentences of the indicator template drafted from the figures: every number is a part naming its figure, missing figures drop their clause. Sources quoted in docs/sources.md.
import { describe, expect, it } from 'vitest';
import type { IndicatorCode } from '../../../src/domain/indicator/catalogue.ts';
import { indicatorSentence, progressStandingSentence, type DraftedSentence } from '../../../src/domain/indicator/indicator-sentence.ts';
import { indicatorMetrics } from '../../../src/domain/indicator/metrics.ts';
import type { IndicatorTarget, IndicatorValue } from '../../../src/domain/indicator/values.ts';
import { progressStanding } from '../../../src/domain/indicator/ranking.ts';

const YI = 100_000_000;
const COUNTY = '140423';
const ZONE = '140423402';

function v(indicator: IndicatorCode, month: string, value: number, officialYoy?: number, region = COUNTY): IndicatorValue {
  return { indicator, region, month, value, officialYoy };
}
function curve(indicator: IndicatorCode, year: number, yi: Record<number, number>): IndicatorValue[] {
  return Object.entries(yi).map(([m, x]) => v(indicator, `${year}-${String(m).padStart(2, '0')}`, x * YI));
}
function absolute(indicator: IndicatorCode, year: number, value: number): IndicatorTarget {
  return { indicator, region: COUNTY, year, kind: 'absolute', value };
}

/** Each part's text sits where it says, and no digit of the sentence is outside a part. */
function expectEveryNumberIsAPart(s: DraftedSentence): void {
  let rest = s.text;
  for (const p of s.parts) {
    expect(s.text.slice(p.start, p.end)).toBe(p.text);
    rest = rest.slice(0, p.start) + ' '.repeat(p.end - p.start) + rest.slice(p.end);
  }
  expect(rest).not.toMatch(/\d/);
  expect(s.text).not.toMatch(/null|NaN|undefined|Infinity/);
}

describe('indicatorSentence', () => {
  it('drafts the zone’s half-year report\'s zone figures: 规上工业增加值 44.4 亿元 +14.8%, 工业投资 10.8 亿元 −58.3%', () => {
    const values = [v('industrial-value-added', '2023-06', 44.4 * YI, 0.148, ZONE), v('industrial-investment', '2023-06', 10.8 * YI, -0.583, ZONE)];
    const iva = indicatorSentence(indicatorMetrics({ indicator: 'industrial-value-added', region: ZONE, asOf: '2023-06', values }));
    expect(iva.text).toBe('1-6月累计完成规上工业增加值44.4亿元，同比增长14.8%。');
    expect(iva.parts.map((p) => [p.text, p.figure, p.indicator, p.region, p.month, p.value])).toEqual([
      ['1-6月', 'period', 'industrial-value-added', ZONE, '2023-06', 6],
      ['44.4亿元', 'value', 'industrial-value-added', ZONE, '2023-06', 4_440_000_000],
      ['14.8%', 'yoy', 'industrial-value-added', ZONE, '2023-06', 0.148],
    ]);
    const inv = indicatorSentence(indicatorMetrics({ indicator: 'industrial-investment', region: ZONE, asOf: '2023-06', values }));
    expect(inv.text).toBe('1-6月累计完成工业投资10.8亿元，同比下降58.3%。');
    expect(inv.parts.find((p) => p.figure === 'yoy')).toMatchObject({ text: '58.3%', value: -0.583 });
    expectEveryNumberIsAPart(iva);
    expectEveryNumberIsAPart(inv);
  });

  it('drafts the full 工业投资 sentence of the indicator template: share, 时序进度, ranks and the half-year forecast', () => {
    const m = indicatorMetrics({
      indicator: 'industrial-investment',
      region: COUNTY,
      asOf: '2021-05',
      values: [...curve('industrial-investment', 2020, { 4: 40, 5: 50, 6: 60, 12: 100 }), v('industrial-investment', '2021-05', 56.5 * YI)],
      target: absolute('industrial-investment', 2021, 100 * YI),
    });
    const s = indicatorSentence(m, { scopeWord: '全县', rankInCity: { rank: 3, peerCount: 12 }, rankAmongCounties: { rank: 2, peerCount: 8 } });
    expect(s.text).toBe(
      '1-5月全县累计完成工业投资56.5亿元，同比增长13%，占年度目标任务56.5%，超时序进度14.8个百分点，' +
        '累计增速在全市12个单位排第3位、8县（市）排第2位。' +
        '1-6月，预计全县累计完成工业投资将达到67.8亿元，同比增长13%。',
    );
    expect(s.parts.map((p) => p.figure)).toEqual([
      'period', 'value', 'yoy', 'targetShare', 'progressGap', 'cityPeerCount', 'rankInCity', 'countyPeerCount', 'rankAmongCounties',
      'period', 'halfYearForecast', 'halfYearForecastYoy',
    ]);
    expect(s.parts.find((p) => p.figure === 'progressGap')).toMatchObject({ text: '14.8个百分点', value: expect.closeTo(0.565 - 5 / 12, 12) });
    expectEveryNumberIsAPart(s);
  });

  it('says 低于时序进度 when behind (1—4月 31.7% → 1.6 points)', () => {
    const m = indicatorMetrics({
      indicator: 'technical-upgrade-investment',
      region: COUNTY,
      asOf: '2021-04',
      values: [v('technical-upgrade-investment', '2021-04', 3.17 * YI)],
      target: absolute('technical-upgrade-investment', 2021, 10 * YI),
    });
    const s = indicatorSentence(m, { rankInCity: { rank: 5 } });
    expect(s.text).toBe('1-4月累计完成技改投资3.17亿元，占年度目标任务31.7%，低于时序进度1.6个百分点，累计增速在全市排第5位。');
    expectEveryNumberIsAPart(s);
  });

  it('compares growth with the target growth for an indicator at comparable prices, and gives 环比 of the quarter', () => {
    const m = indicatorMetrics({
      indicator: 'gdp',
      region: COUNTY,
      asOf: '2021-06',
      values: [v('gdp', '2020-12', 224.8 * YI), v('gdp', '2021-03', 55 * YI), v('gdp', '2021-06', 118 * YI, 0.121)],
      target: { indicator: 'gdp', region: COUNTY, year: 2021, kind: 'growth', value: 0.08 },
    });
    const s = indicatorSentence(m, { rankAmongCounties: { rank: 1, peerCount: 8 } });
    expect(s.text).toBe('1-6月累计完成地区生产总值118亿元，同比增长12.1%，超任务数4.1个百分点，二季度完成63亿元，较一季度55亿元环比增长14.5%，累计增速在8县（市）排第1位。');
    expectEveryNumberIsAPart(s);
  });

  it('drafts 规上工业总产值 with its enterprises and the quarter\'s 环比 (the indicator template, 工业产值)', () => {
    const m = indicatorMetrics({
      indicator: 'industrial-output',
      region: COUNTY,
      asOf: '2021-06',
      values: [v('industrial-output', '2020-06', 60 * YI), v('industrial-output', '2021-03', 30 * YI), v('industrial-output', '2021-06', 66 * YI)],
      target: absolute('industrial-output', 2021, 150 * YI),
    });
    const s = indicatorSentence(m, { scopeWord: '全县', enterpriseCount: 123 });
    expect(s.text).toBe('1-6月，全县123家规上工业企业累计完成产值66亿元，同比增长10%，占年度目标任务44%，低于时序进度6个百分点，二季度完成36亿元，较一季度30亿元环比增长20%。');
    expect(s.parts.find((p) => p.figure === 'enterpriseCount')?.value).toBe(123);
    expectEveryNumberIsAPart(s);
  });

  it('drops every clause whose figure is missing, and says nothing without a value', () => {
    const m = indicatorMetrics({ indicator: 'retail-sales', region: COUNTY, asOf: '2021-05', values: [v('retail-sales', '2021-05', 20 * YI)] });
    const s = indicatorSentence(m, { forecast: 'both' });
    expect(s.text).toBe('1-5月累计完成社会消费品零售总额20亿元。');
    expectEveryNumberIsAPart(s);
    const none = indicatorSentence(indicatorMetrics({ indicator: 'retail-sales', region: COUNTY, asOf: '2021-05', values: [] }));
    expect(none).toEqual({ text: '', parts: [] });
  });

  it('calls a computed growth nominal for an indicator published at comparable prices', () => {
    const m = indicatorMetrics({ indicator: 'industrial-value-added', region: ZONE, asOf: '2023-06', values: [v('industrial-value-added', '2023-06', 44.4 * YI, undefined, ZONE), v('industrial-value-added', '2022-06', 38.7 * YI, undefined, ZONE)] });
    expect(indicatorSentence(m).text).toBe('1-6月累计完成规上工业增加值44.4亿元，同比名义增长14.7%。');
  });

  it('forecasts an income without calling it 完成', () => {
    const m = indicatorMetrics({
      indicator: 'rural-disposable-income',
      region: COUNTY,
      asOf: '2021-03',
      values: [v('rural-disposable-income', '2020-03', 5_000), v('rural-disposable-income', '2020-06', 9_000), v('rural-disposable-income', '2021-03', 5_500)],
    });
    expect(indicatorSentence(m).text).toBe('1-3月农村居民人均可支配收入5500元，同比增长10%。1-6月，预计农村居民人均可支配收入将达到9900元，同比增长10%。');
  });

  it('says 持平 when the growth shows as 0%', () => {
    const m = indicatorMetrics({ indicator: 'public-budget-revenue', region: COUNTY, asOf: '2021-05', values: [v('public-budget-revenue', '2021-05', 800_030_000), v('public-budget-revenue', '2020-05', 8 * YI)] });
    expect(indicatorSentence(m).text).toBe('1-5月累计完成一般公共预算收入8亿元，与上年同期持平。');
  });

  it('writes amounts under 1 亿 in 万元, or in the unit asked for', () => {
    const m = indicatorMetrics({ indicator: 'attracted-funds', region: ZONE, asOf: '2023-06', values: [v('attracted-funds', '2023-06', 47_050_000, undefined, ZONE)] });
    expect(indicatorSentence(m).text).toBe('1-6月累计完成招商引资到位资金4705万元。');
    expect(indicatorSentence(m, { moneyUnit: '亿元' }).text).toBe('1-6月累计完成招商引资到位资金0.47亿元。');
  });

  it('calls a forecast of an indicator at comparable prices a nominal growth, and a stock\'s quarter a level, not 完成', () => {
    const gdp = indicatorMetrics({
      indicator: 'gdp',
      region: COUNTY,
      asOf: '2021-03',
      values: [v('gdp', '2020-03', 50 * YI), v('gdp', '2020-06', 110 * YI), v('gdp', '2020-12', 224.8 * YI), v('gdp', '2021-03', 55 * YI, 0.121)],
    });
    const forecastText = indicatorSentence(gdp, { forecast: 'halfYear' }).text;
    // 55 ÷ (50 ÷ 110) = 121 亿元, 10% over last year's 110 at current prices.
    expect(forecastText).toContain('预计累计完成地区生产总值将达到121亿元，同比名义增长10%。');
    const firms = indicatorMetrics({
      indicator: 'high-tech-enterprises',
      region: ZONE,
      asOf: '2023-06',
      values: [v('high-tech-enterprises', '2023-03', 6, undefined, ZONE), v('high-tech-enterprises', '2023-06', 7, undefined, ZONE)],
    });
    expect(indicatorSentence(firms, { scopeWord: '全区' }).text).toBe('截至6月底，全区高新技术企业7家，较一季度末6家环比增长16.7%。');
  });

  it('drafts stocks, ratios, counts and incomes in their own units', () => {
    const firms = indicatorMetrics({
      indicator: 'high-tech-enterprises',
      region: ZONE,
      asOf: '2023-06',
      values: [v('high-tech-enterprises', '2023-06', 7, undefined, ZONE), v('high-tech-enterprises', '2022-06', 6, undefined, ZONE)],
    });
    expect(indicatorSentence(firms, { scopeWord: '全区' }).text).toBe('截至6月底，全区高新技术企业7家，同比增长16.7%。');
    const intensity = indicatorMetrics({ indicator: 'output-intensity', region: ZONE, asOf: '2023-06', values: [v('output-intensity', '2023-06', 410_000, undefined, ZONE)] });
    expect(indicatorSentence(intensity).text).toBe('截至6月底，产出强度41万元/亩。');
    const newFirms = indicatorMetrics({
      indicator: 'new-industrial-enterprises',
      region: COUNTY,
      asOf: '2021-06',
      values: [v('new-industrial-enterprises', '2021-06', 12)],
      target: absolute('new-industrial-enterprises', 2021, 12),
    });
    expect(indicatorSentence(newFirms, { scopeWord: '全县' }).text).toBe('1-6月全县新增规上企业12家，占年度目标任务100%，超时序进度50个百分点。');
    const income = indicatorMetrics({ indicator: 'urban-disposable-income', region: COUNTY, asOf: '2021-06', values: [v('urban-disposable-income', '2021-06', 21_000)] });
    expect(indicatorSentence(income).text).toBe('1-6月城镇居民人均可支配收入21000元。');
  });
});

describe('progressStandingSentence (the indicator template: 达到时序进度的只有…)', () => {
  const t = 5 / 12;
  const units = [
    ['140423100', '古韩镇', 0.52],
    ['140423101', '王桥镇', 0.45],
    ['140423102', '侯堡镇', 0.43],
    ['140423402', '襄垣经开区', 0.39],
    ['140423103', '夏店镇', 0.38],
    ['140423104', '虒亭镇', 0.3],
    ['140423105', '西营镇', 0.2],
    ['140423108', '善福镇', 0.123],
    ['140423107', '下良镇', 0.05],
  ] as const;
  const entries = units.map(([region, name, share]) => ({ region, name, targetShare: share, progressGap: share - t }));
  const context = { indicator: 'industrial-investment' as const, month: '2021-05', region: COUNTY };

  it('names those ahead, those near, and the last three with their shares', () => {
    const s = progressStandingSentence(progressStanding(entries), context);
    expect(s.text).toBe(
      '从完成工业投资进度情况看，达到时序进度的只有古韩镇、王桥镇、侯堡镇等3个乡镇，襄垣经开区和夏店镇接近时序进度，' +
        '进度排在后3位的是西营镇20%、善福镇12.3%和下良镇5%。',
    );
    expect(s.parts.filter((p) => p.figure === 'targetShare').map((p) => [p.region, p.text])).toEqual([
      ['140423105', '20%'],
      ['140423108', '12.3%'],
      ['140423107', '5%'],
    ]);
    expectEveryNumberIsAPart(s);
  });

  it('says when all or none are on time', () => {
    const all = progressStandingSentence(progressStanding(entries.slice(0, 3)), context);
    expect(all.text).toBe('从完成工业投资进度情况看，各乡镇均达到时序进度。');
    const none = progressStandingSentence(progressStanding(entries.slice(5)), context, { noun: '单位', bottom: 2 });
    expect(none.text).toBe('从完成工业投资进度情况看，各单位均未达到时序进度，进度排在后2位的是善福镇12.3%和下良镇5%。');
    expect(progressStandingSentence(progressStanding([]), context)).toEqual({ text: '', parts: [] });
  });
});
