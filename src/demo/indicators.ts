// The demo's economic indicators: 长治市's 12 county-level units with monthly values of the main indicators for 2020–2022 (sources quoted in docs/sources.md)
// (so ranks are computed from the data), 襄垣's other indicators and its 2021 targets (the 2021 work report's read from its own
// words), its townships' 固定资产投资 and 工业投资 against their decomposed targets, and the zone's 2022–2023 figures
// that reproduce the zone’s half-year report. Every figure is drawn from fixed parameters and a hash of its key: each build is the same.

import type { IndicatorCode } from '../domain/indicator/catalogue.ts';
import { indicatorByCode } from '../domain/indicator/catalogue.ts';
import { readTargets } from '../domain/indicator/target-reader.ts';
import type { TargetQualifier } from '../domain/indicator/values.ts';
import { roundHalfUp } from '../domain/format.ts';
import { makeMonth } from '../domain/months.ts';
import {
  replaceAssignments,
  upsertEnteredRanks,
  upsertPlanCurves,
  upsertTargets,
  upsertValues,
  type IndicatorAssignment,
  type TargetWrite,
  type ValueWrite,
} from '../db/repositories/indicator.repository.ts';
import { ensureRegions, listLeaders, listUnits } from '../db/repositories/region.repository.ts';
import type { Db } from '../db/transaction.ts';
import { divisionPath } from '../io/divisions.ts';
import { DEMO_TOWN_CODES, type DemoTown } from './pool/types.ts';

const XIANGYUAN = '140423';
const ZONE = DEMO_TOWN_CODES.经开区;
const WAN = 10_000;
const YI = 100_000_000;

/** 长治市's county-level units: 4 districts and 8 counties. */
export const CHANGZHI_UNITS = ['140403', '140404', '140405', '140406', '140423', '140425', '140426', '140427', '140428', '140429', '140430', '140431'] as const;

/** The sentence of the 2021 work report that sets the county's 2021 targets, as the demo confirmed them from its text. */
export const WORK_REPORT_TARGETS_TEXT =
  '今年全县经济社会发展的主要目标是：地区生产总值增长8%，固定资产投资增长8.5%，社会消费品零售总额增长10%，一般公共预算收入增长5%，' +
  '城镇居民、农村居民人均可支配收入分别增长8%和8%以上，各项约束性指标按市下达目标全面完成。';

// ---------------------------------------------------------------------------------------------------------------
// Shapes of a year: cumulative shares of the annual value by month, February to December (January is not reported).

const MONTHS = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
const QUARTER_ENDS = [3, 6, 9, 12] as const;
type Curve = Readonly<Record<number, number>>;

const curve = (shares: readonly number[], months: readonly number[] = MONTHS): Curve => Object.fromEntries(months.map((m, i) => [m, shares[i]!]));
const INVESTMENT = curve([0.06, 0.15, 0.25, 0.37, 0.5, 0.6, 0.7, 0.8, 0.88, 0.95, 1]);
const INDUSTRY = curve([0.14, 0.23, 0.31, 0.4, 0.49, 0.58, 0.66, 0.75, 0.83, 0.91, 1]);
const RETAIL = curve([0.16, 0.24, 0.32, 0.4, 0.49, 0.57, 0.65, 0.74, 0.82, 0.91, 1]);
const REVENUE = curve([0.18, 0.27, 0.37, 0.46, 0.55, 0.63, 0.7, 0.78, 0.86, 0.93, 1]);
const GDP = curve([0.22, 0.47, 0.72, 1], QUARTER_ENDS);

/** Price rises folded into the nominal value of an indicator published at comparable prices (its official rate is real). */
const DEFLATOR: Record<number, number> = { 2021: 0.035, 2022: 0.02 };

/**
 * A stable fraction in [0, 1) from a key, so the demo varies without randomness: FNV-1a, then MurmurHash3's final mix,
 * without which keys differing in their last character (the month) would land close together.
 */
function jitter(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4_294_967_296;
}

/** The growth of 1—M月: the year's rate, moved a little in the early months, where cumulative rates swing most. */
function monthlyGrowth(rate: number, key: string, month: number): number {
  return rate + (jitter(key) - 0.5) * 0.03 * ((13 - month) / 11);
}

interface SeriesSpec {
  indicator: IndicatorCode;
  region: string;
  /** 2020's annual value, in the unit the rounding keeps (万元 for money, 元 for incomes, 1 for counts). */
  annual2020: number;
  /** Growth of 2021 and 2022 (real for an indicator at comparable prices). */
  growth: readonly [number, number];
  shape: Curve;
  /** The stored value per unit of the spec (10 000 for 万元). */
  scale: number;
}

/** 2020–2022 values of one indicator and region: official rates for 2021 and 2022, none for 2020 (no 2019 here). */
function series(s: SeriesSpec): Omit<ValueWrite, 'updatedAt' | 'updatedBy' | 'source'>[] {
  const comparable = indicatorByCode(s.indicator).comparablePrices;
  const out: Omit<ValueWrite, 'updatedAt' | 'updatedBy' | 'source'>[] = [];
  for (const [m, share] of Object.entries(s.shape).map(([k, v]) => [Number(k), v] as const)) {
    let previous = Math.round(s.annual2020 * share);
    out.push({ indicator: s.indicator, region: s.region, month: makeMonth(2020, m), value: previous * s.scale, officialYoy: null });
    for (const [i, year] of [2021, 2022].entries()) {
      const real = monthlyGrowth(s.growth[i]!, `${s.indicator}|${s.region}|${year}|${m}`, m);
      const value = Math.round(previous * (1 + real) * (comparable ? 1 + DEFLATOR[year]! : 1));
      const official = comparable ? roundHalfUp(real, 3) : roundHalfUp(value / previous - 1, 3);
      out.push({ indicator: s.indicator, region: s.region, month: makeMonth(year, m), value: value * s.scale, officialYoy: official });
      previous = value;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The 12 units: 2020's annual values in 亿元 and the growth of 2021 and 2022.

type Main = 'gdp' | 'fixed-asset-investment' | 'industrial-value-added' | 'retail-sales' | 'public-budget-revenue';
type Row = readonly [annual2020: number, g2021: number, g2022: number];

/** 襄垣's 2020 GDP (224.8 亿元) and 一般公共预算收入 (18 亿元) are the 2021 work report's own. */
const UNIT_FIGURES: Record<(typeof CHANGZHI_UNITS)[number], Record<Main, Row>> = {
  '140403': { gdp: [560, 0.092, 0.051], 'fixed-asset-investment': [210, 0.105, 0.082], 'industrial-value-added': [150, 0.118, 0.064], 'retail-sales': [300, 0.121, 0.035], 'public-budget-revenue': [38, 0.083, 0.091] },
  '140404': { gdp: [205, 0.088, 0.047], 'fixed-asset-investment': [95, 0.132, 0.096], 'industrial-value-added': [95, 0.105, 0.071], 'retail-sales': [62, 0.109, 0.028], 'public-budget-revenue': [16, 0.112, 0.124] },
  '140405': { gdp: [150, 0.079, 0.055], 'fixed-asset-investment': [78, 0.098, 0.113], 'industrial-value-added': [70, 0.096, 0.082], 'retail-sales': [45, 0.118, 0.041], 'public-budget-revenue': [11, 0.069, 0.135] },
  '140406': { gdp: [190, 0.097, 0.043], 'fixed-asset-investment': [88, 0.141, 0.087], 'industrial-value-added': [110, 0.127, 0.058], 'retail-sales': [40, 0.102, 0.019], 'public-budget-revenue': [14.5, 0.094, 0.102] },
  '140423': { gdp: [224.8, 0.101, 0.058], 'fixed-asset-investment': [86, 0.121, 0.097], 'industrial-value-added': [105, 0.136, 0.075], 'retail-sales': [52, 0.128, 0.036], 'public-budget-revenue': [18, 0.074, 0.156] },
  '140425': { gdp: [50, 0.072, 0.041], 'fixed-asset-investment': [36, 0.089, 0.064], 'industrial-value-added': [9, 0.081, 0.052], 'retail-sales': [14, 0.095, 0.022], 'public-budget-revenue': [4.2, 0.062, 0.081] },
  '140426': { gdp: [70, 0.091, 0.052], 'fixed-asset-investment': [42, 0.113, 0.078], 'industrial-value-added': [22, 0.112, 0.069], 'retail-sales': [19, 0.113, 0.031], 'public-budget-revenue': [5.6, 0.081, 0.094] },
  '140427': { gdp: [80, 0.084, 0.049], 'fixed-asset-investment': [47, 0.094, 0.121], 'industrial-value-added': [25, 0.099, 0.061], 'retail-sales': [21, 0.107, 0.027], 'public-budget-revenue': [6.1, 0.077, 0.088] },
  '140428': { gdp: [130, 0.091, 0.062], 'fixed-asset-investment': [66, 0.126, 0.093], 'industrial-value-added': [48, 0.109, 0.084], 'retail-sales': [32, 0.115, 0.039], 'public-budget-revenue': [9.3, 0.088, 0.112] },
  '140429': { gdp: [100, 0.078, 0.044], 'fixed-asset-investment': [52, 0.087, 0.071], 'industrial-value-added': [41, 0.089, 0.057], 'retail-sales': [24, 0.099, 0.025], 'public-budget-revenue': [8.8, 0.071, 0.097] },
  '140430': { gdp: [48, 0.069, 0.038], 'fixed-asset-investment': [33, 0.081, 0.059], 'industrial-value-added': [8, 0.075, 0.048], 'retail-sales': [13, 0.092, 0.018], 'public-budget-revenue': [3.6, 0.058, 0.076] },
  '140431': { gdp: [150, 0.105, 0.066], 'fixed-asset-investment': [70, 0.117, 0.105], 'industrial-value-added': [88, 0.129, 0.091], 'retail-sales': [23, 0.104, 0.033], 'public-budget-revenue': [15.8, 0.098, 0.143] },
};

const MAIN_SHAPES: Record<Main, Curve> = {
  gdp: GDP,
  'fixed-asset-investment': INVESTMENT,
  'industrial-value-added': INDUSTRY,
  'retail-sales': RETAIL,
  'public-budget-revenue': REVENUE,
};

/** 襄垣's other indicators: 2020 in 亿元 (or 元 per person, or 家) and the growth of 2021 and 2022. */
const XIANGYUAN_MORE: readonly SeriesSpec[] = [
  { indicator: 'industrial-investment', region: XIANGYUAN, annual2020: 52 * WAN, growth: [0.154, 0.35], shape: INVESTMENT, scale: WAN },
  { indicator: 'technical-upgrade-investment', region: XIANGYUAN, annual2020: 12 * WAN, growth: [0.21, 0.15], shape: INVESTMENT, scale: WAN },
  { indicator: 'high-tech-value-added', region: XIANGYUAN, annual2020: 18 * WAN, growth: [0.135, 0.102], shape: INDUSTRY, scale: WAN },
  { indicator: 'industrial-output', region: XIANGYUAN, annual2020: 320 * WAN, growth: [0.182, 0.094], shape: INDUSTRY, scale: WAN },
  // The 2021 work report's 2020 incomes: 40 291 元 and 18 658 元.
  { indicator: 'urban-disposable-income', region: XIANGYUAN, annual2020: 40_291, growth: [0.084, 0.058], shape: curve([0.262, 0.505, 0.755, 1], QUARTER_ENDS), scale: 1 },
  { indicator: 'rural-disposable-income', region: XIANGYUAN, annual2020: 18_658, growth: [0.095, 0.071], shape: curve([0.272, 0.493, 0.731, 1], QUARTER_ENDS), scale: 1 },
];

/** 新增规上企业数, 1—M月 of 2020, 2021 and 2022, February to December. */
const NEW_ENTERPRISES: Record<number, readonly number[]> = {
  2020: [0, 1, 1, 2, 2, 3, 4, 5, 6, 7, 9],
  2021: [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 13],
  2022: [1, 1, 2, 3, 4, 5, 6, 8, 9, 10, 12],
};

// ---------------------------------------------------------------------------------------------------------------
// Townships: 2021 targets decomposed from the county's (万元) and the share of it done by June, so that
// "达到时序进度的只有…" has its three, its two near and its last three.

type TownFigure = readonly [target: number, shareByJune: number, growthOn2020: number];

const TOWN_INVESTMENT: Record<DemoTown, TownFigure> = {
  古韩镇: [52_000, 0.58, 0.14],
  王桥镇: [40_000, 0.54, 0.09],
  侯堡镇: [30_000, 0.51, 0.12],
  经开区: [375_000, 0.47, 0.18],
  夏店镇: [22_000, 0.465, 0.05],
  虒亭镇: [26_000, 0.41, -0.04],
  西营镇: [18_000, 0.38, 0.02],
  王村镇: [16_000, 0.36, -0.08],
  下良镇: [15_000, 0.3, -0.12],
  善福镇: [12_000, 0.22, -0.21],
};

const TOWN_INDUSTRIAL: Record<DemoTown, TownFigure> = {
  王桥镇: [30_000, 0.56, 0.21],
  侯堡镇: [20_000, 0.525, 0.16],
  古韩镇: [8_000, 0.504, 0.07],
  夏店镇: [10_000, 0.472, 0.11],
  经开区: [330_000, 0.461, 0.26],
  西营镇: [9_000, 0.403, -0.03],
  王村镇: [6_000, 0.35, -0.06],
  虒亭镇: [12_000, 0.286, -0.15],
  下良镇: [5_000, 0.197, -0.22],
  善福镇: [4_000, 0.089, -0.4],
};

function townSeries(indicator: IndicatorCode, town: DemoTown, [target, share, growth]: TownFigure): Omit<ValueWrite, 'updatedAt' | 'updatedBy' | 'source'>[] {
  const region = DEMO_TOWN_CODES[town];
  const june = Math.round(target * share);
  const out: Omit<ValueWrite, 'updatedAt' | 'updatedBy' | 'source'>[] = [];
  for (const m of MONTHS) {
    const v2021 = m === 6 ? june : Math.round((june * INVESTMENT[m]!) / INVESTMENT[6]!);
    const v2020 = Math.round(v2021 / (1 + monthlyGrowth(growth, `${indicator}|${region}|2020|${m}`, m)));
    out.push({ indicator, region, month: makeMonth(2020, m), value: v2020 * WAN, officialYoy: null });
    out.push({ indicator, region, month: makeMonth(2021, m), value: v2021 * WAN, officialYoy: roundHalfUp(v2021 / v2020 - 1, 3) });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The zone (襄垣经开区) in 2022 and 2023: the zone’s half-year report’s 1—6月 2023 figures exactly, the months around them in proportion.

function zoneSeries(): Omit<ValueWrite, 'updatedAt' | 'updatedBy' | 'source'>[] {
  const out: Omit<ValueWrite, 'updatedAt' | 'updatedBy' | 'source'>[] = [];
  // 规上工业增加值: 44.4 亿元 in 1—6月 2023, 同比 +14.8% (comparable prices); 38.68 亿元 in 1—6月 2022.
  // 工业投资: 10.8 亿元, −58.3%, on 25.9 亿元 in 1—6月 2022 (2021's, the zone's as a township, rose 70% in 2022).
  const towns2021 = townSeries('industrial-investment', '经开区', TOWN_INDUSTRIAL.经开区);
  for (const m of MONTHS) {
    const iva2022 = Math.round((386_800 * INDUSTRY[m]!) / INDUSTRY[6]!);
    const inv2022 = Math.round((259_000 * INVESTMENT[m]!) / INVESTMENT[6]!);
    const inv2021 = (towns2021.find((v) => v.month === makeMonth(2021, m))!.value) / WAN;
    out.push({ indicator: 'industrial-value-added', region: ZONE, month: makeMonth(2022, m), value: iva2022 * WAN, officialYoy: roundHalfUp(monthlyGrowth(0.121, `iva|zone|2022|${m}`, m), 3) });
    out.push({ indicator: 'industrial-investment', region: ZONE, month: makeMonth(2022, m), value: inv2022 * WAN, officialYoy: roundHalfUp(inv2022 / inv2021 - 1, 3) });
    if (m > 6) continue;
    const ivaRate = m === 6 ? 0.148 : roundHalfUp(monthlyGrowth(0.148, `iva|zone|2023|${m}`, m), 3);
    const iva2023 = m === 6 ? 444_000 : Math.round(iva2022 * (1 + ivaRate));
    const inv2023 = m === 6 ? 108_000 : Math.round(((108_000 * INVESTMENT[m]!) / INVESTMENT[6]!) * (1 + (jitter(`inv|zone|2023|${m}`) - 0.5) * 0.1));
    out.push({ indicator: 'industrial-value-added', region: ZONE, month: makeMonth(2023, m), value: iva2023 * WAN, officialYoy: ivaRate });
    out.push({ indicator: 'industrial-investment', region: ZONE, month: makeMonth(2023, m), value: inv2023 * WAN, officialYoy: m === 6 ? -0.583 : roundHalfUp(inv2023 / inv2022 - 1, 3) });
  }
  // 高新技术企业 7 家 and 产出强度 41 万元/亩 at mid-2023 (the zone’s half-year report), with the year before.
  for (const [month, count] of [['2022-06', 5], ['2022-12', 6], ['2023-03', 6], ['2023-06', 7]] as const) {
    out.push({ indicator: 'high-tech-enterprises', region: ZONE, month, value: count, officialYoy: null });
  }
  for (const [month, wanPerMu] of [['2022-03', 33], ['2022-06', 36], ['2022-09', 37], ['2022-12', 38], ['2023-03', 39], ['2023-06', 41]] as const) {
    out.push({ indicator: 'output-intensity', region: ZONE, month, value: wanPerMu * WAN, officialYoy: null });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------

/** Every value of the demo, as plain data. */
export function demoIndicatorValues(): Omit<ValueWrite, 'updatedAt' | 'updatedBy' | 'source'>[] {
  const values: Omit<ValueWrite, 'updatedAt' | 'updatedBy' | 'source'>[] = [];
  for (const region of CHANGZHI_UNITS) {
    for (const [indicator, [annual, g21, g22]] of Object.entries(UNIT_FIGURES[region]) as [Main, Row][]) {
      values.push(...series({ indicator, region, annual2020: Math.round(annual * WAN), growth: [g21, g22], shape: MAIN_SHAPES[indicator], scale: WAN }));
    }
  }
  for (const spec of XIANGYUAN_MORE) values.push(...series(spec));
  for (const [year, counts] of Object.entries(NEW_ENTERPRISES)) {
    counts.forEach((n, i) => values.push({ indicator: 'new-industrial-enterprises', region: XIANGYUAN, month: makeMonth(Number(year), MONTHS[i]!), value: n, officialYoy: null }));
  }
  for (const [town, figure] of Object.entries(TOWN_INVESTMENT) as [DemoTown, TownFigure][]) values.push(...townSeries('fixed-asset-investment', town, figure));
  for (const [town, figure] of Object.entries(TOWN_INDUSTRIAL) as [DemoTown, TownFigure][]) values.push(...townSeries('industrial-investment', town, figure));
  values.push(...zoneSeries());
  return values;
}

/** 襄垣's 2021 targets beyond the 2021 work report's: the county's own for the industrial indicators. */
const MORE_TARGETS: readonly { indicator: IndicatorCode; kind: 'growth' | 'absolute'; value: number }[] = [
  { indicator: 'industrial-value-added', kind: 'growth', value: 0.085 },
  { indicator: 'high-tech-value-added', kind: 'growth', value: 0.12 },
  { indicator: 'industrial-investment', kind: 'absolute', value: 65 * YI },
  { indicator: 'technical-upgrade-investment', kind: 'absolute', value: 15 * YI },
  { indicator: 'industrial-output', kind: 'absolute', value: 380 * YI },
  { indicator: 'new-industrial-enterprises', kind: 'absolute', value: 12 },
];

/** Ranks the city published for 襄垣's indicators whose other units the demo does not hold. */
const ENTERED_RANKS: readonly [IndicatorCode, string, number, number][] = [
  ['industrial-investment', '2021-05', 4, 2],
  ['industrial-investment', '2021-06', 3, 2],
  ['technical-upgrade-investment', '2021-05', 6, 4],
  ['technical-upgrade-investment', '2021-06', 5, 3],
  ['high-tech-value-added', '2021-05', 3, 2],
  ['high-tech-value-added', '2021-06', 2, 1],
];

/**
 * Writes the demo's indicators: the region rows of 长治市's other county-level units (no accounts, no units), the
 * values, 襄垣's 2021 targets (the 2021 work report's confirmed from its text) and their decomposition to the townships, some units
 * and leaders, a plan curve for 续建 projects, and the ranks entered for the indicators the city's units lack.
 */
export async function addDemoIndicators(db: Db, now: Date): Promise<{ values: number }> {
  const stamp = now.toISOString();
  const regions = CHANGZHI_UNITS.flatMap((code) => divisionPath(code));
  await ensureRegions(db, regions.map((d) => ({ code: d.code, name: d.name, level: d.level, parentCode: d.parentCode, isZone: d.isZone })));

  const values: ValueWrite[] = demoIndicatorValues().map((v) => ({ ...v, source: 'imported', updatedAt: stamp, updatedBy: null }));
  await upsertValues(db, values);

  const target = (t: { indicator: IndicatorCode; region: string; kind: 'growth' | 'absolute'; value: number; qualifier?: TargetQualifier | null; upper?: number | null }, source: TargetWrite['source'], sourceText: string | null = null): TargetWrite => ({
    indicator: t.indicator,
    region: t.region,
    year: 2021,
    kind: t.kind,
    value: t.value,
    upper: t.upper ?? null,
    qualifier: t.qualifier ?? null,
    source,
    sourceText,
    updatedAt: stamp,
    updatedBy: null,
  });
  const targets: TargetWrite[] = [
    ...readTargets(WORK_REPORT_TARGETS_TEXT, { year: 2021 }).map((p) => target({ ...p, region: XIANGYUAN }, 'report', p.span.text)),
    ...MORE_TARGETS.map((t) => target({ ...t, region: XIANGYUAN }, 'entered')),
    ...(Object.entries(TOWN_INVESTMENT) as [DemoTown, TownFigure][]).map(([town, [amount]]) =>
      target({ indicator: 'fixed-asset-investment', region: DEMO_TOWN_CODES[town], kind: 'absolute', value: amount * WAN }, 'entered'),
    ),
    ...(Object.entries(TOWN_INDUSTRIAL) as [DemoTown, TownFigure][]).map(([town, [amount]]) =>
      target({ indicator: 'industrial-investment', region: DEMO_TOWN_CODES[town], kind: 'absolute', value: amount * WAN }, 'entered'),
    ),
  ];
  await upsertTargets(db, targets);

  // 指标分解 to the departments that build most and to the leaders who answer for them.
  const [units, leaders] = await Promise.all([listUnits(db, XIANGYUAN), listLeaders(db, XIANGYUAN)]);
  const unitId = (name: string) => units.find((u) => u.name === name)?.id;
  const leaderId = (name: string) => leaders.find((l) => l.name === name)?.id;
  const assignment = (indicator: IndicatorCode, kind: 'unit' | 'leader', id: string | undefined, figure: { amount?: number; share?: number }, note: string | null = null): IndicatorAssignment[] =>
    id ? [{ indicator, region: XIANGYUAN, year: 2021, assigneeKind: kind, assigneeId: id, amount: figure.amount ?? null, share: figure.share ?? null, note, updatedAt: stamp, updatedBy: null }] : [];
  await replaceAssignments(db, { indicator: 'fixed-asset-investment', region: XIANGYUAN, year: 2021 }, [
    ...assignment('fixed-asset-investment', 'unit', unitId('交通运输局'), { amount: 8 * YI }, '交通基础设施项目'),
    ...assignment('fixed-asset-investment', 'unit', unitId('住房和城乡建设局'), { amount: 6 * YI }, '城建及房地产项目'),
    ...assignment('fixed-asset-investment', 'unit', unitId('水利局'), { amount: 2.5 * YI }),
    ...assignment('fixed-asset-investment', 'leader', leaderId('李宏伟'), { share: 0.3 }),
    ...assignment('fixed-asset-investment', 'leader', leaderId('郭晓东'), { share: 0.2 }),
  ]);
  await replaceAssignments(db, { indicator: 'industrial-investment', region: XIANGYUAN, year: 2021 }, [
    ...assignment('industrial-investment', 'unit', unitId('工业和信息化局'), { share: 0.4 }),
    ...assignment('industrial-investment', 'unit', unitId('能源局'), { share: 0.25 }),
  ]);

  // 续建 projects: 60% of the year's plan by June, as some provinces set it.
  await upsertPlanCurves(db, [
    { subjectKind: 'category', subject: '续建', region: XIANGYUAN, year: 2021, shares: [0.04, 0.12, 0.22, 0.34, 0.47, 0.6, 0.68, 0.76, 0.84, 0.91, 0.96, 1], updatedAt: stamp, updatedBy: null },
  ]);

  await upsertEnteredRanks(
    db,
    ENTERED_RANKS.map(([indicator, month, inCity, amongCounties]) => ({
      indicator,
      region: XIANGYUAN,
      month,
      rankInCity: inCity,
      cityPeerCount: 12,
      rankAmongCounties: amongCounties,
      countyPeerCount: 8,
      updatedAt: stamp,
      updatedBy: null,
    })),
  );
  return { values: values.length };
}
