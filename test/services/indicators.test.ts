// Indicator services on a real database: values and targets entered with the domain's checks and the access rules, the (sources quoted in docs/sources.md)
// metrics of stored values equal to the domain's, ranks from the data (ties share) or as entered, townships against
// 时序进度, the target reader, the pool draw equal to the pool's year-to-date, and the values sheet in and out.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/domain/access.ts';
import { isAppError } from '../../src/domain/errors.ts';
import { indicatorMetrics, indicatorMetricsJson } from '../../src/domain/indicator/metrics.ts';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { countValues, findValues } from '../../src/db/repositories/indicator.repository.ts';
import { upsertProjectMonths } from '../../src/db/repositories/project.repository.ts';
import { ensureRegions } from '../../src/db/repositories/region.repository.ts';
import { divisionPath } from '../../src/io/divisions.ts';
import { createProject } from '../../src/services/create-project.ts';
import { drawFromPool } from '../../src/services/indicator/draw-from-pool.ts';
import { exportIndicators, importIndicators } from '../../src/services/indicator/indicator-files.ts';
import { indicatorReport, indicatorSentences, indicatorStanding } from '../../src/services/indicator/indicator-metrics.ts';
import { listEnteredRanks, savePlanCurves, saveEnteredRanks } from '../../src/services/indicator/indicator-plans.ts';
import { confirmTargets, listIndicatorTargets, proposeTargets, saveAssignments, saveIndicatorTargets } from '../../src/services/indicator/indicator-targets.ts';
import { deleteIndicatorValue, listIndicatorValues, saveIndicatorValues } from '../../src/services/indicator/indicator-values.ts';
import { poolSummary } from '../../src/services/pool-summary.ts';
import { COUNTY, GUHAN, seedCounty, WANGQIAO, ZONE, type CountyFixture } from '../support/factories.ts';
import { openTestDatabase, testDialect } from '../support/test-db.ts';

const YI = 100_000_000;
const NOW = new Date('2021-07-05T08:00:00Z');
const CHANGZHI = ['140403', '140404', '140405', '140406', '140423', '140425', '140426', '140427', '140428', '140429', '140430', '140431'];

let h: DatabaseHandle;
let f: CountyFixture;

beforeAll(async () => {
  h = await openTestDatabase();
  f = await seedCounty(h.db);
});
afterAll(async () => {
  await h?.close();
});

type V = { indicator: string; region: string; month: string; value: number; officialYoy?: number | null };
const save = (values: V[], actor = SYSTEM_ACTOR) => saveIndicatorValues(h.db, { values: values as never }, actor, NOW);

async function refusal(p: Promise<unknown>): Promise<{ code: string; message: string; details: { field: string; message: string }[] }> {
  const e = await p.then(() => null, (x: unknown) => x);
  if (!isAppError(e)) throw new Error(`expected a refusal, got ${String(e)}`);
  return { code: e.code, message: e.message, details: e.details };
}

describe(`indicator values (${testDialect()})`, () => {
  it('stores values in 元 and official growth exactly, and lists them for everyone in scope', async () => {
    await save(
      [
        { indicator: 'industrial-value-added', region: ZONE, month: '2023-06', value: 4_440_000_000, officialYoy: 0.148 },
        { indicator: 'industrial-investment', region: ZONE, month: '2023-06', value: 1_080_000_000, officialYoy: -0.583 },
        { indicator: 'industrial-investment', region: ZONE, month: '2023-05', value: 900_000_000, officialYoy: 0.0733 },
      ],
      f.actors.dispatcher,
    );
    const list = await listIndicatorValues(h.db, { region: ZONE, year: 2023 }, f.actors.reporter);
    expect(list.values.map((v) => [v.name, v.month, v.value, v.officialYoy, v.source])).toEqual([
      ['工业投资', '2023-05', 900_000_000, 0.0733, 'entered'],
      ['工业投资', '2023-06', 1_080_000_000, -0.583, 'entered'],
      ['规上工业增加值', '2023-06', 4_440_000_000, 0.148, 'entered'],
    ]);
    expect((await listIndicatorValues(h.db, { region: COUNTY, year: 2023, within: true }, f.actors.viewer)).values).toHaveLength(3);
  });

  it('lets only the region’s admins and dispatchers change values', async () => {
    const v = [{ indicator: 'gdp', region: COUNTY, month: '2021-06', value: 1 }];
    for (const actor of [f.actors.reporter, f.actors.leader, f.actors.viewer, f.actors.otherCounty]) {
      expect((await refusal(save(v, actor))).code).toBe('forbidden');
    }
    expect((await refusal(listIndicatorValues(h.db, { region: COUNTY, year: 2021 }, f.actors.otherCounty))).code).toBe('forbidden');
    expect((await refusal(deleteIndicatorValue(h.db, { indicator: 'industrial-investment', region: ZONE, month: '2023-05' }, f.actors.reporter))).code).toBe('forbidden');
    expect(await deleteIndicatorValue(h.db, { indicator: 'industrial-investment', region: ZONE, month: '2023-05' }, f.actors.dispatcher)).toEqual({ deleted: true });
  });

  it('refuses bad values field by field and writes none of them', async () => {
    const before = await countValues(h.db);
    const r = await refusal(
      save([
        { indicator: 'gdp', region: COUNTY, month: '2021-05', value: 100 },
        { indicator: 'retail-sales', region: COUNTY, month: '2021-05', value: -1 },
        { indicator: 'retail-sales', region: '140423199', month: '2021-05', value: 1 },
        { indicator: 'retail-sales', region: COUNTY, month: '2021-06', value: 5, officialYoy: -1.2 },
        { indicator: 'retail-sales', region: COUNTY, month: '2021-07', value: 6 },
        { indicator: 'retail-sales', region: COUNTY, month: '2021-07', value: 7 },
      ]),
    );
    expect(r.code).toBe('invalid_input');
    expect(r.details.map((d) => d.field)).toEqual(['values.0.month', 'values.1.value', 'values.2.region', 'values.3.officialYoy', 'values.5.month']);
    expect(r.details[0]!.message).toBe('第1条：地区生产总值按季度发布，月份应为3、6、9、12月');
    expect(await countValues(h.db)).toBe(before);
  });
});

describe(`metrics from stored values (${testDialect()})`, () => {
  beforeAll(async () => {
    await save([
      { indicator: 'technical-upgrade-investment', region: COUNTY, month: '2021-04', value: 3.17 * YI },
      { indicator: 'technical-upgrade-investment', region: COUNTY, month: '2021-05', value: 5.65 * YI },
      { indicator: 'technical-upgrade-investment', region: COUNTY, month: '2020-05', value: 5 * YI },
      { indicator: 'technical-upgrade-investment', region: COUNTY, month: '2020-06', value: 6 * YI },
      { indicator: 'technical-upgrade-investment', region: COUNTY, month: '2020-12', value: 11 * YI },
      { indicator: 'retail-sales', region: COUNTY, month: '2021-05', value: 20 * YI },
      { indicator: 'gdp', region: COUNTY, month: '2020-12', value: 224.8 * YI },
      { indicator: 'gdp', region: COUNTY, month: '2021-03', value: 55 * YI },
      { indicator: 'gdp', region: COUNTY, month: '2021-06', value: 118 * YI, officialYoy: 0.121 },
    ]);
    await saveIndicatorTargets(
      h.db,
      {
        targets: [
          { indicator: 'technical-upgrade-investment', region: COUNTY, year: 2021, kind: 'absolute', value: 10 * YI },
          { indicator: 'gdp', region: COUNTY, year: 2021, kind: 'growth', value: 0.08 },
        ],
      },
      f.actors.dispatcher,
      NOW,
    );
  });

  it('gives the published 时序进度 checks: 1—5月 56.5% is 14.8 points ahead, 1—4月 31.7% is 1.6 behind', async () => {
    const may = (await indicatorReport(h.db, { region: COUNTY, asOf: '2021-05' }, f.actors.viewer)).items.find((i) => i.metrics.indicator === 'technical-upgrade-investment')!;
    expect(may.metrics.targetShare).toBe(0.565);
    expect(may.metrics.progressGap).toBeCloseTo(0.1483, 4);
    expect(indicatorMetricsJson(may.metrics).progressGap).toBe(0.1483);
    const april = (await indicatorReport(h.db, { region: COUNTY, asOf: '2021-04' }, f.actors.viewer)).items.find((i) => i.metrics.indicator === 'technical-upgrade-investment')!;
    expect(april.metrics.targetShare).toBe(0.317);
    expect(april.metrics.progressGap).toBeCloseTo(-0.0163, 4);
  });

  it('computes exactly what the domain computes from the same figures', async () => {
    const report = await indicatorReport(h.db, { region: COUNTY, asOf: '2021-06' }, f.actors.reporter);
    const gdp = report.items.find((i) => i.metrics.indicator === 'gdp')!;
    expect(gdp.metrics).toEqual(
      indicatorMetrics({
        indicator: 'gdp',
        region: COUNTY,
        asOf: '2021-06',
        values: [
          { indicator: 'gdp', region: COUNTY, month: '2020-12', value: 224.8 * YI },
          { indicator: 'gdp', region: COUNTY, month: '2021-03', value: 55 * YI },
          { indicator: 'gdp', region: COUNTY, month: '2021-06', value: 118 * YI, officialYoy: 0.121 },
        ],
        target: { indicator: 'gdp', region: COUNTY, year: 2021, kind: 'growth', value: 0.08 },
      }),
    );
    // 224.8 亿元 × 1.08; 二季度 63 亿元 against 一季度 55 亿元.
    expect(gdp.metrics).toMatchObject({ target: 24_278_400_000, yoy: 0.121, yoySource: 'official', qoq: { quarter: 2, value: 63 * YI, previousValue: 55 * YI } });
    // 技改投资 has no June value: only indicators with a value for the month are reported.
    expect(report.items.map((i) => i.metrics.indicator)).toEqual(['gdp']);
  });

  it('has no computed growth for a region with no value last year, and says why', async () => {
    const item = (await indicatorReport(h.db, { region: COUNTY, asOf: '2021-05' }, f.actors.viewer)).items.find((i) => i.metrics.indicator === 'retail-sales')!;
    expect(item.metrics).toMatchObject({ value: 20 * YI, lastYearValue: null, computedYoy: null, yoy: null, yoySource: null });
    expect(item.metrics.reasons.yoy).toEqual({ code: 'no-last-year-value', message: '缺少上年同期数，无法计算同比' });
    expect(indicatorMetricsJson(item.metrics)).toMatchObject({ yoy: null, yoySource: null, target: null, targetShare: null, progressGap: null });
    // With last year's figure the growth is computed, and says so.
    const tech = (await indicatorReport(h.db, { region: COUNTY, asOf: '2021-05' }, f.actors.viewer)).items.find((i) => i.metrics.indicator === 'technical-upgrade-investment')!;
    expect(tech.metrics).toMatchObject({ computedYoy: expect.closeTo(0.13, 12), yoySource: 'computed' });
  });

  it('follows a plan curve for 时序进度 once one is set', async () => {
    const curve = [0, 0.1, 0.2, 0.3, 0.45, 0.6, 0.68, 0.76, 0.84, 0.9, 0.95, 1];
    await savePlanCurves(h.db, { region: COUNTY, year: 2021, curves: [{ subjectKind: 'indicator', subject: 'technical-upgrade-investment', shares: curve }] }, f.actors.dispatcher, NOW);
    const item = (await indicatorReport(h.db, { region: COUNTY, asOf: '2021-05' }, f.actors.viewer)).items.find((i) => i.metrics.indicator === 'technical-upgrade-investment')!;
    expect(item.metrics).toMatchObject({ timeProgress: 0.45, timeProgressSource: 'planCurve', progressGap: expect.closeTo(0.115, 12) });
    const bad = await refusal(savePlanCurves(h.db, { region: COUNTY, year: 2021, curves: [{ subjectKind: 'indicator', subject: 'gdp', shares: [0.5] }] }, f.actors.dispatcher, NOW));
    expect(bad.details).toEqual([{ field: 'curves.0.shares', message: '第1条：计划进度须有12个月的累计比例' }]);
    await savePlanCurves(h.db, { region: COUNTY, year: 2021, curves: [{ subjectKind: 'indicator', subject: 'technical-upgrade-investment', shares: null }] }, f.actors.dispatcher, NOW);
  });
});

describe(`ranks (${testDialect()})`, () => {
  it('uses the entered ranks while the deployment lacks the city’s other units, and none before', async () => {
    await save([
      { indicator: 'public-budget-revenue', region: COUNTY, month: '2021-06', value: 10 * YI, officialYoy: 0.076 },
      { indicator: 'public-budget-revenue', region: '140425', month: '2021-06', value: 2 * YI, officialYoy: 0.09 },
    ]);
    const ranksOf = async () => (await indicatorReport(h.db, { region: COUNTY, asOf: '2021-06' }, f.actors.viewer)).items.find((i) => i.metrics.indicator === 'public-budget-revenue')!.ranks;
    expect(await ranksOf()).toEqual({ inCity: null, amongCounties: null });
    await saveEnteredRanks(h.db, { ranks: [{ indicator: 'public-budget-revenue', region: COUNTY, month: '2021-06', rankInCity: 7, cityPeerCount: 12, rankAmongCounties: 4, countyPeerCount: 8 }] }, f.actors.dispatcher, NOW);
    expect(await ranksOf()).toEqual({ inCity: { rank: 7, peerCount: 12, source: 'entered' }, amongCounties: { rank: 4, peerCount: 8, source: 'entered' } });
    expect((await listEnteredRanks(h.db, { region: COUNTY, asOf: '2021-06' }, f.actors.reporter)).ranks).toHaveLength(1);
    const tooHigh = await refusal(saveEnteredRanks(h.db, { ranks: [{ indicator: 'gdp', region: COUNTY, month: '2021-06', rankInCity: 13, cityPeerCount: 12, rankAmongCounties: null }] }, f.actors.dispatcher, NOW));
    expect(tooHigh.details[0]).toEqual({ field: 'ranks.0.rankInCity', message: '第1条：名次不能大于参与排名的单位数' });
    expect((await refusal(saveEnteredRanks(h.db, { ranks: [{ indicator: 'gdp', region: COUNTY, month: '2021-06', rankInCity: 1, rankAmongCounties: null }] }, f.actors.reporter, NOW))).code).toBe('forbidden');
  });

  it('computes ranks from the data once every unit of the city has a value: ties share a rank, districts are not counties', async () => {
    await ensureRegions(h.db, CHANGZHI.flatMap((c) => divisionPath(c)).map((d) => ({ code: d.code, name: d.name, level: d.level, parentCode: d.parentCode, isZone: d.isZone })));
    // 2022-06 官方增速 of 社零 for the 12 units: 襄垣 and 长子 both 9.1%, 潞州区 (a district) first.
    const growth: Record<string, number | null> = {
      '140403': 0.12, '140404': 0.05, '140405': 0.06, '140406': 0.07, '140423': 0.091, '140425': 0.03,
      '140426': 0.095, '140427': 0.08, '140428': 0.091, '140429': 0.04, '140430': 0.02, '140431': null,
    };
    await save(
      CHANGZHI.flatMap((region) => [
        { indicator: 'retail-sales', region, month: '2022-06', value: 10 * YI, officialYoy: growth[region] },
        // 沁源县 has no published rate and no last year: it is in the group but unranked.
        ...(region === '140431' ? [] : [{ indicator: 'retail-sales', region, month: '2021-06', value: 9 * YI }]),
      ]),
    );
    const ranks = async (region: string) => (await indicatorReport(h.db, { region, asOf: '2022-06' }, SYSTEM_ACTOR)).items.find((i) => i.metrics.indicator === 'retail-sales')!.ranks;
    // 12.0, 9.5, 9.1, 9.1, 8.0 …: both 9.1% are third; among the 8 counties (no 潞州区): 9.5, 9.1, 9.1 → second.
    expect(await ranks(COUNTY)).toEqual({ inCity: { rank: 3, peerCount: 12, source: 'computed' }, amongCounties: { rank: 2, peerCount: 8, source: 'computed' } });
    expect(await ranks('140428')).toEqual({ inCity: { rank: 3, peerCount: 12, source: 'computed' }, amongCounties: { rank: 2, peerCount: 8, source: 'computed' } });
    expect(await ranks('140427')).toMatchObject({ inCity: { rank: 5 }, amongCounties: { rank: 4 } });
    expect(await ranks('140403')).toEqual({ inCity: { rank: 1, peerCount: 12, source: 'computed' }, amongCounties: null });
    expect(await ranks('140431')).toEqual({ inCity: null, amongCounties: null });
    // The computed rank wins over one entered for the same month.
    await saveEnteredRanks(h.db, { ranks: [{ indicator: 'retail-sales', region: COUNTY, month: '2022-06', rankInCity: 9, rankAmongCounties: 9 }] }, SYSTEM_ACTOR, NOW);
    expect((await ranks(COUNTY)).inCity).toEqual({ rank: 3, peerCount: 12, source: 'computed' });
  });
});

describe(`townships against 时序进度, and the sentences (${testDialect()})`, () => {
  it('ranks the townships by their own targets and says who is ahead, near and behind', async () => {
    const towns: [string, number, number][] = [
      [GUHAN, 10_000, 0.58],
      [WANGQIAO, 10_000, 0.47],
      ['140423102', 10_000, 0.3],
      [ZONE, 100_000, 0.52],
    ];
    await save(towns.map(([region, target, share]) => ({ indicator: 'fixed-asset-investment', region, month: '2021-06', value: Math.round(target * share) * 10_000 })));
    await saveIndicatorTargets(
      h.db,
      { targets: towns.map(([region, target]) => ({ indicator: 'fixed-asset-investment' as const, region, year: 2021, kind: 'absolute' as const, value: target * 10_000 })) },
      f.actors.dispatcher,
      NOW,
    );
    const standing = await indicatorStanding(h.db, { region: COUNTY, asOf: '2021-06' }, f.actors.reporter);
    const fai = standing.standings.find((s) => s.indicator === 'fixed-asset-investment')!;
    expect(fai.ranked.map((r) => [r.name, r.rank, r.standing])).toEqual([
      ['古韩镇', 1, 'ahead'],
      ['襄垣经开区', 2, 'ahead'],
      ['王桥镇', 3, 'near'],
      ['侯堡镇', 4, 'behind'],
    ]);
    expect(fai.sentence.text).toBe('从完成固定资产投资进度情况看，达到时序进度的只有古韩镇、襄垣经开区等2个乡镇，王桥镇接近时序进度，进度排在后1位的是侯堡镇30%。');
    const targets = await listIndicatorTargets(h.db, { region: COUNTY, year: 2021 }, f.actors.viewer);
    expect(targets.subRegions.filter((t) => t.indicator === 'fixed-asset-investment').map((t) => [t.regionName, t.absolute])).toContainEqual(['襄垣经开区', 1_000_000_000]);
  });

  it('drafts the indicator template’s sentences from the same figures as the report', async () => {
    const s = await indicatorSentences(h.db, { region: COUNTY, asOf: '2021-06' }, f.actors.viewer);
    const gdp = s.sentences.find((x) => x.indicator === 'gdp')!;
    expect(gdp.text).toBe('1-6月全县累计完成地区生产总值118亿元，同比增长12.1%，超任务数4.1个百分点，二季度完成63亿元，较一季度55亿元环比增长14.5%。');
    expect(s.sentences.filter((x) => x.kind === 'standing').map((x) => x.indicator)).toEqual(['fixed-asset-investment']);
    expect(s.text.split('\n')).toHaveLength(s.sentences.length);
  });
});

describe(`targets (${testDialect()})`, () => {
  const REPORT = '今年全县经济社会发展的主要目标是：地区生产总值增长8%，固定资产投资增长8.5%，社会消费品零售总额增长10%，一般公共预算收入增长5%，城镇居民、农村居民人均可支配收入分别增长8%和8%以上。';

  it('proposes the 2021 work report’s targets from its text, saves only those confirmed, with their words', async () => {
    const read = await proposeTargets(h.db, { region: '140425', year: 2021, text: REPORT }, f.actors.otherCounty);
    expect(read.proposals.map((p) => [p.name, p.kind, p.value, p.qualifier])).toEqual([
      ['地区生产总值', 'growth', 0.08, null],
      ['固定资产投资', 'growth', 0.085, null],
      ['社会消费品零售总额', 'growth', 0.1, null],
      ['一般公共预算收入', 'growth', 0.05, null],
      ['城镇居民人均可支配收入', 'growth', 0.08, null],
      ['农村居民人均可支配收入', 'growth', 0.08, 'atLeast'],
    ]);
    expect((await listIndicatorTargets(h.db, { region: '140425', year: 2021 }, f.actors.otherCounty)).targets).toEqual([]);
    const chosen = read.proposals.slice(0, 2).map((p) => ({ indicator: p.indicator, kind: p.kind, value: p.value, qualifier: p.qualifier, upper: p.upper, sourceText: p.span.text }));
    expect(await confirmTargets(h.db, { region: '140425', year: 2021, targets: chosen }, f.actors.otherCounty, NOW)).toEqual({ saved: 2 });
    await save([{ indicator: 'fixed-asset-investment', region: '140425', month: '2020-12', value: 36 * YI }]);
    const list = await listIndicatorTargets(h.db, { region: '140425', year: 2021 }, f.actors.otherCounty);
    expect(list.targets.map((t) => [t.name, t.value, t.source, t.sourceText, t.absolute])).toEqual([
      ['地区生产总值', 0.08, 'report', '地区生产总值增长8%', null],
      ['固定资产投资', 0.085, 'report', '固定资产投资增长8.5%', 3_906_000_000],
    ]);
    expect((await refusal(proposeTargets(h.db, { region: '140425', year: 2021, text: REPORT }, f.actors.dispatcher))).code).toBe('forbidden');
  });

  it('refuses targets that break the rules, naming each', async () => {
    const r = await refusal(
      saveIndicatorTargets(
        h.db,
        {
          targets: [
            { indicator: 'gdp', region: COUNTY, year: 2021, kind: 'growth', value: -1.5 },
            { indicator: 'gdp', region: COUNTY, year: 2021, kind: 'absolute', value: 1.5 },
            { indicator: 'retail-sales', region: COUNTY, year: 2021, kind: 'growth', value: 0.07, qualifier: 'range' },
          ],
        },
        f.actors.dispatcher,
        NOW,
      ),
    );
    expect(r.details.map((d) => d.field)).toEqual(['targets.0.value', 'targets.1.value', 'targets.1.indicator', 'targets.2.upper']);
  });

  it('decomposes a county target to units and leaders; a reporter sees its own unit’s share only', async () => {
    await saveAssignments(
      h.db,
      {
        indicator: 'fixed-asset-investment',
        region: COUNTY,
        year: 2021,
        assignments: [
          { assigneeKind: 'unit', assigneeId: f.units.guhan, share: 0.25 },
          { assigneeKind: 'unit', assigneeId: f.units.wangqiao, amount: 5 * YI },
          { assigneeKind: 'leader', assigneeId: f.leaderId, share: 0.5, note: '包联' },
        ],
      },
      f.actors.dispatcher,
      NOW,
    );
    const all = await listIndicatorTargets(h.db, { region: COUNTY, year: 2021 }, f.actors.leader);
    expect(all.assignments.map((a) => [a.assigneeName, a.amount, a.share, a.absolute]).sort()).toEqual([
      ['古韩镇人民政府', null, 0.25, null],
      ['王志强', null, 0.5, null],
      ['王桥镇人民政府', 5 * YI, null, 5 * YI],
    ]);
    const own = await listIndicatorTargets(h.db, { region: COUNTY, year: 2021 }, f.actors.reporter);
    expect(own.assignments.map((a) => a.assigneeName)).toEqual(['古韩镇人民政府']);
    const bad = await refusal(
      saveAssignments(
        h.db,
        { indicator: 'fixed-asset-investment', region: COUNTY, year: 2021, assignments: [{ assigneeKind: 'unit', assigneeId: 'nobody', share: 0.8 }, { assigneeKind: 'leader', assigneeId: f.leaderId, share: 0.5, amount: 1 }] },
        f.actors.dispatcher,
        NOW,
      ),
    );
    expect(bad.details.map((d) => d.message)).toEqual(['第1条：不是本县的单位', '第2条：须填写分解数额或比例中的一项', '分解比例合计超过100%']);
    expect((await refusal(saveAssignments(h.db, { indicator: 'gdp', region: COUNTY, year: 2021, assignments: [] }, f.actors.reporter, NOW))).code).toBe('forbidden');
  });
});

describe(`drawing 固定资产投资 and 工业投资 from the pool (${testDialect()})`, () => {
  beforeAll(async () => {
    const project = async (name: string, industryCode: string, constructionType: 'new' | 'technicalUpgrade', statsEntry: 'entered' | 'none', months: Record<string, number>, townshipCode = GUHAN) => {
      const p = await createProject(
        h.db,
        {
          regionCode: COUNTY, name, unitId: f.units.drc, townshipCode, industryCode, constructionType, statsEntry, stage: 'underway', startedOn: '2021-02-01',
          totalInvestment: 500_000_000, years: [{ year: 2021, phase: 'newStart', annualPlan: 100_000_000, resumedOn: null }],
        },
        SYSTEM_ACTOR,
      );
      await upsertProjectMonths(h.db, p, Object.entries(months).map(([month, completed]) => ({ month, completed, enteredAs: 'month' as const })));
    };
    await project('化工新材料项目', '26', 'new', 'entered', { '2021-02': 10_000_000, '2021-03': 20_000_000, '2021-04': 40_000 });
    await project('焦化技改项目', '25', 'technicalUpgrade', 'entered', { '2021-03': 7_000_000 }, ZONE);
    await project('城区道路项目', '48', 'new', 'entered', { '2021-02': 3_000_000, '2020-12': 99_000_000 });
    await project('未入库厂房项目', '33', 'new', 'none', { '2021-03': 5_000_000 });
  });

  it('sums the year-to-date completion of the entered projects in the indicator’s industries, and saves only on request', async () => {
    const preview = await drawFromPool(h.db, { region: COUNTY, asOf: '2021-03', indicators: ['fixed-asset-investment', 'industrial-investment', 'technical-upgrade-investment'] }, f.actors.dispatcher, NOW);
    expect(preview.draws.map((d) => [d.name, d.value, d.projects, d.saved])).toEqual([
      ['固定资产投资', 40_000_000, 3, false],
      ['工业投资', 37_000_000, 2, false],
      ['技改投资', 7_000_000, 1, false],
    ]);
    // The pool's own year-to-date is the same sum, with the project not yet entered.
    const pool = await poolSummary(h.db, { region: COUNTY, asOf: '2021-03' }, SYSTEM_ACTOR);
    expect(pool.all.completedYtd).toBe(preview.draws[0]!.value + 5_000_000);
    const zone = await drawFromPool(h.db, { region: ZONE, asOf: '2021-03' }, f.actors.dispatcher, NOW);
    expect(zone.draws.map((d) => d.value)).toEqual([7_000_000, 7_000_000]);
    expect(await findValues(h.db, { regions: [COUNTY], fromMonth: '2021-03', toMonth: '2021-03', indicators: ['industrial-investment'] })).toEqual([]);

    const saved = await drawFromPool(h.db, { region: COUNTY, asOf: '2021-03', save: true }, f.actors.dispatcher, NOW);
    expect(saved.draws.every((d) => d.saved)).toBe(true);
    const stored = await findValues(h.db, { regions: [COUNTY], fromMonth: '2021-03', toMonth: '2021-03', indicators: ['fixed-asset-investment', 'industrial-investment'] });
    expect(stored.map((v) => [v.indicator, v.value, v.source, v.officialYoy])).toEqual([
      ['fixed-asset-investment', 40_000_000, 'pool', null],
      ['industrial-investment', 37_000_000, 'pool', null],
    ]);
  });

  it('leaves an entered value alone unless told to overwrite it, and is the dispatcher’s to run', async () => {
    await save([{ indicator: 'industrial-investment', region: COUNTY, month: '2021-04', value: 50_000_000, officialYoy: 0.1 }]);
    const refused = await refusal(drawFromPool(h.db, { region: COUNTY, asOf: '2021-04', save: true }, f.actors.dispatcher, NOW));
    expect(refused).toMatchObject({ code: 'conflict', message: expect.stringContaining('工业投资已有录入的数值') });
    expect((await findValues(h.db, { regions: [COUNTY], fromMonth: '2021-04', toMonth: '2021-04', indicators: ['fixed-asset-investment'] }))).toEqual([]);
    const over = await drawFromPool(h.db, { region: COUNTY, asOf: '2021-04', save: true, overwrite: true }, f.actors.dispatcher, NOW);
    expect(over.draws.find((d) => d.indicator === 'industrial-investment')).toMatchObject({ value: 37_040_000, stored: { value: 50_000_000, source: 'entered' }, saved: true });
    expect((await refusal(drawFromPool(h.db, { region: COUNTY, asOf: '2021-04' }, f.actors.reporter, NOW))).code).toBe('forbidden');
    expect((await refusal(drawFromPool(h.db, { region: COUNTY, asOf: '2021-04', indicators: ['gdp'] }, f.actors.dispatcher, NOW))).message).toContain('地区生产总值不能从项目库汇总');
  });
});

/** A values sheet as a clerk fills it: a title row, the header, the rows. */
async function sheet(rows: unknown[][], header = ['指标', '地区代码', '地区', '月份', '累计值', '单位', '官方增速(%)']): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('指标');
  ws.addRow(['襄垣县经济指标（2022年）']);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe(`the values sheet in and out (${testDialect()})`, () => {
  const good = [
    ['规上工业增加值', '140423', '襄垣县', '2022-06', 66.3, '亿元', 7.5],
    ['固定资产投资', '140423100', '古韩镇', '2022年1-6月', 31_000, '万元', null],
  ];

  it('refuses bad rows with their Excel row numbers and reasons, and writes nothing', async () => {
    const before = await countValues(h.db);
    const file = await sheet([
      ...good,
      ['招商引资', '140423', null, '2022-06', 1, '万元', null],
      ['地区生产总值', '140423', null, '2022-05', 100, '亿元', 5],
      ['地区生产总值', '140425', null, '2022-06', 100, '亿元', 5],
      ['固定资产投资', '140423100', '古韩镇', '2022-06', 31_000, '万元', null],
      [],
      ['社会消费品零售总额', '140423', null, '2022-06', '很多', '亿元', null],
      // Figures at the edge: a month before 1990, 5×10^15 元, a growth of 50 000 %.
      ['固定资产投资', '140423', null, '1985-06', 31_000, '万元', null],
      ['固定资产投资', '140423', null, '2022-05', 500_000_000_000, '万元', null],
      ['规上工业增加值', '140423', null, '2022-05', 60, '亿元', 50_000],
    ]);
    const report = await importIndicators(h.db, { file, regionCode: COUNTY, skipInvalid: false, commit: true }, f.actors.dispatcher, NOW);
    expect(report.committed).toBe(false);
    expect(report.imported).toBe(0);
    expect(report.rejected).toEqual([
      { row: 5, reason: '第5行：不认识的指标“招商引资”' },
      { row: 6, reason: '第6行：地区生产总值按季度发布，月份应为3、6、9、12月' },
      { row: 7, reason: '第7行：地区代码140425不在襄垣县（140423）范围内' },
      { row: 8, reason: '第8行：与第4行是同一指标、地区和月份' },
      { row: 10, reason: '第10行：累计值“很多”不是数字' },
      { row: 11, reason: '第11行：月份应在1990年至2100年之间' },
      { row: 12, reason: '第12行：固定资产投资应为整数，绝对值不超过10^15（单位：元）' },
      { row: 13, reason: '第13行：同比增速超出范围（-10000%至10000%）' },
    ]);
    expect(await countValues(h.db)).toBe(before);

    const skipped = await importIndicators(h.db, { file, regionCode: COUNTY, skipInvalid: true, commit: true }, f.actors.dispatcher, NOW);
    expect(skipped).toMatchObject({ committed: true, imported: 2, new: 2 });
    expect(await countValues(h.db)).toBe(before + 2);
  });

  it('imports values in 元 with the official growth, and a second import changes nothing', async () => {
    const file = await sheet(good);
    const again = await importIndicators(h.db, { file, regionCode: COUNTY, skipInvalid: false, commit: true }, f.actors.dispatcher, NOW);
    expect(again).toMatchObject({ committed: true, imported: 2, new: 0, updated: 0, unchanged: 2 });
    const stored = await findValues(h.db, { regions: [COUNTY, GUHAN], fromMonth: '2022-06', toMonth: '2022-06', indicators: ['industrial-value-added', 'fixed-asset-investment'] });
    expect(stored.map((v) => [v.indicator, v.region, v.value, v.officialYoy, v.source])).toEqual([
      ['fixed-asset-investment', GUHAN, 310_000_000, null, 'imported'],
      ['industrial-value-added', COUNTY, 6_630_000_000, 0.075, 'imported'],
    ]);
    const changed = await importIndicators(h.db, { file: await sheet([good[0]!.map((c, i) => (i === 6 ? 7.6 : c))]), regionCode: COUNTY, skipInvalid: false, commit: false }, f.actors.dispatcher, NOW);
    expect(changed).toMatchObject({ committed: false, updated: 1, rows: [{ row: 3, action: 'updated', indicator: 'industrial-value-added' }] });
  });

  it('exports what it imports back unchanged, for anyone in scope; importing is the dispatcher’s', async () => {
    const file = await exportIndicators(h.db, { region: COUNTY, year: 2021 }, f.actors.reporter);
    expect(file.filename).toBe('襄垣县经济指标（2021年）.xlsx');
    expect(file.rows).toBe((await listIndicatorValues(h.db, { region: COUNTY, year: 2021, within: true }, SYSTEM_ACTOR)).values.length);
    const back = await importIndicators(h.db, { file: file.buffer, regionCode: COUNTY, skipInvalid: false, commit: false }, f.actors.dispatcher, NOW);
    expect(back).toMatchObject({ rejected: [], new: 0, updated: 0, unchanged: file.rows });
    expect((await refusal(importIndicators(h.db, { file: file.buffer, regionCode: COUNTY, skipInvalid: false, commit: true }, f.actors.reporter, NOW))).code).toBe('forbidden');
    const notExcel = await refusal(importIndicators(h.db, { file: Buffer.from('指标,地区代码\n'), regionCode: COUNTY, skipInvalid: false, commit: true }, f.actors.dispatcher, NOW));
    expect(notExcel.details[0]).toMatchObject({ field: 'file' });
    const noSheet = await refusal(importIndicators(h.db, { file: await sheet([], ['项目名称', '总投资']), regionCode: COUNTY, skipInvalid: false, commit: true }, f.actors.dispatcher, NOW));
    expect(noSheet.message).toContain('没有找到指标数据表');
  });
});
