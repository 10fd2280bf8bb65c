// The demo's indicators: the zone’s half-year report’s zone figures and the 2021 work report's targets from the data alone, 长治市's 12 units ranked (sources quoted in docs/sources.md)
// from their values, 襄垣's townships against 时序进度 as the indicator template tells it, every value valid, every build the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/domain/access.ts';
import { formatRate } from '../../src/domain/format.ts';
import { indicatorValueIssues } from '../../src/domain/indicator/values.ts';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { findValues } from '../../src/db/repositories/indicator.repository.ts';
import { findRegion, listUnits } from '../../src/db/repositories/region.repository.ts';
import { visibleCounties } from '../../src/services/county-context.ts';
import { createDemo } from '../../src/demo/create-demo.ts';
import { CHANGZHI_UNITS, demoIndicatorValues } from '../../src/demo/indicators.ts';
import { indicatorReport, indicatorStanding, type IndicatorReport } from '../../src/services/indicator/indicator-metrics.ts';
import { listIndicatorTargets } from '../../src/services/indicator/indicator-targets.ts';
import { openTestDatabase, testDialect } from '../support/test-db.ts';

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
  await createDemo(h.db, new Date('2021-06-01T08:00:00Z'));
});
afterAll(async () => {
  await h?.close();
});

const item = (r: IndicatorReport, name: string) => {
  const found = r.items.find((i) => i.metrics.name === name);
  if (!found) throw new Error(`no ${name} in the report`);
  return found;
};

describe(`the demo's indicators (${testDialect()})`, () => {
  it('reproduces the zone’s half-year report: the zone’s 规上工业增加值 44.4 亿元 +14.8% and 工业投资 10.8 亿元 −58.3% in 1—6月 2023', async () => {
    const r = await indicatorReport(h.db, { region: '140423402', asOf: '2023-06' }, SYSTEM_ACTOR);
    expect(item(r, '规上工业增加值').metrics).toMatchObject({ value: 4_440_000_000, yoy: 0.148, yoySource: 'official', target: null, timeProgress: 0.5 });
    expect(item(r, '工业投资').metrics).toMatchObject({ value: 1_080_000_000, yoy: -0.583, yoySource: 'official' });
    // The 2022 figures agree with the published rates.
    expect(formatRate(item(r, '规上工业增加值').metrics.computedYoy)).toBe('14.8%');
    expect(formatRate(item(r, '工业投资').metrics.computedYoy)).toBe('-58.3%');
    expect(item(r, '高新技术企业数').metrics.value).toBe(7);
    expect(item(r, '产出强度').metrics.value).toBe(410_000);
  });

  it('holds the 2021 work report’s 2021 targets for 襄垣, confirmed from its words, on 2020’s published figures', async () => {
    const t = await listIndicatorTargets(h.db, { region: '140423', year: 2021 }, SYSTEM_ACTOR);
    const fromReport = t.targets.filter((x) => x.source === 'report');
    expect(fromReport.map((x) => [x.name, x.kind, x.value, x.qualifier])).toEqual([
      ['地区生产总值', 'growth', 0.08, null],
      ['固定资产投资', 'growth', 0.085, null],
      ['社会消费品零售总额', 'growth', 0.1, null],
      ['一般公共预算收入', 'growth', 0.05, null],
      ['城镇居民人均可支配收入', 'growth', 0.08, null],
      ['农村居民人均可支配收入', 'growth', 0.08, 'atLeast'],
    ]);
    expect(fromReport.find((x) => x.name === '地区生产总值')).toMatchObject({ sourceText: '地区生产总值增长8%', absolute: 24_278_400_000 });
    expect(fromReport.find((x) => x.name === '一般公共预算收入')?.absolute).toBe(1_890_000_000);
    expect(fromReport.find((x) => x.name === '城镇居民人均可支配收入')?.absolute).toBe(43_514);
    expect(t.subRegions.filter((x) => x.indicator === 'fixed-asset-investment')).toHaveLength(10);
    expect(t.assignments.length).toBeGreaterThan(0);
  });

  it('ranks 襄垣 among 长治市’s 12 units and 8 counties from their values, and uses the entered ranks for the rest', async () => {
    const r = await indicatorReport(h.db, { region: '140423', asOf: '2021-06' }, SYSTEM_ACTOR);
    for (const name of ['地区生产总值', '固定资产投资', '规上工业增加值', '社会消费品零售总额', '一般公共预算收入']) {
      expect(item(r, name).ranks, name).toMatchObject({ inCity: { peerCount: 12, source: 'computed' }, amongCounties: { peerCount: 8, source: 'computed' } });
    }
    expect(item(r, '工业投资').ranks).toEqual({ inCity: { rank: 3, peerCount: 12, source: 'entered' }, amongCounties: { rank: 2, peerCount: 8, source: 'entered' } });
    // A district ranks in the city but not among the counties.
    const district = await indicatorReport(h.db, { region: '140403', asOf: '2021-06' }, SYSTEM_ACTOR);
    expect(item(district, '地区生产总值').ranks).toMatchObject({ inCity: { source: 'computed' }, amongCounties: null });
  });

  it('tells the indicator template’s story of the townships: three ahead, two near, the last three by name', async () => {
    const s = await indicatorStanding(h.db, { region: '140423', asOf: '2021-06', indicator: 'industrial-investment' }, SYSTEM_ACTOR);
    expect(s.standings[0]!.sentence.text).toBe(
      '从完成工业投资进度情况看，达到时序进度的只有王桥镇、侯堡镇、古韩镇等3个乡镇，夏店镇和襄垣经开区接近时序进度，进度排在后3位的是虒亭镇28.6%、下良镇19.7%和善福镇8.9%。',
    );
    const fai = await indicatorStanding(h.db, { region: '140423', asOf: '2021-06', indicator: 'fixed-asset-investment' }, SYSTEM_ACTOR);
    expect(fai.standings[0]!.ranked.filter((x) => x.standing === 'ahead').map((x) => x.name)).toEqual(['古韩镇', '王桥镇', '侯堡镇']);
  });

  it('adds 长治市’s other counties as regions only: no units, no accounts, the demo’s accounts still see 襄垣 alone', async () => {
    for (const code of CHANGZHI_UNITS) expect((await findRegion(h.db, code))?.level, code).toBe('county');
    expect(await listUnits(h.db, '140425')).toEqual([]);
    const viewer = { userId: 'u', role: 'viewer' as const, regionCode: '140423', unitId: null, leaderId: null };
    expect(await visibleCounties(h.db, viewer)).toEqual([{ code: '140423', name: '襄垣县' }]);
  });

  it('stores only valid values, never a January, and the same ones on every build', async () => {
    const values = demoIndicatorValues();
    for (const v of values) expect(indicatorValueIssues(v), `${v.indicator} ${v.region} ${v.month}`).toEqual([]);
    expect(values.filter((v) => v.month.endsWith('-01'))).toEqual([]);
    expect(demoIndicatorValues()).toEqual(values);
    const stored = await findValues(h.db, { regions: [...new Set(values.map((v) => v.region))], fromMonth: '2020-01', toMonth: '2023-12' });
    expect(stored).toHaveLength(values.length);
  });
});
