// The indicator catalogue (经济指标): one entry per indicator a county tracks, with the code the data uses, the
// name users write, how its value is stored, how often it is published, and the spellings people use for it.

import type { IndustrySectionCode } from '../industry.ts';
import type { ConstructionType, StatsEntryStatus } from '../project/project.ts';
import { industrySection } from '../industry.ts';

export const INDICATOR_CODES = [
  'gdp',
  'fixed-asset-investment',
  'industrial-investment',
  'technical-upgrade-investment',
  'industrial-value-added',
  'high-tech-value-added',
  'retail-sales',
  'public-budget-revenue',
  'urban-disposable-income',
  'rural-disposable-income',
  'industrial-output',
  'new-industrial-enterprises',
  'high-tech-enterprises',
  'output-intensity',
  'attracted-funds',
] as const;

/** The stable code of an indicator, used in storage, the API and the tests. */
export type IndicatorCode = (typeof INDICATOR_CODES)[number];

/**
 * How a value is stored, always as an integer:
 * - `money`: 元 (`Yuan`), shown in 万元/亿元;
 * - `count`: a plain count (家, 个);
 * - `moneyPerPerson`: 元 per person (人均可支配收入 is published in whole 元);
 * - `moneyPerMu`: 元 per 亩 (产出强度 is written in 万元/亩; 41 万元/亩 is stored as 410 000), so it
 *   stays an integer of the same money unit as everything else and is shown in 万元/亩.
 */
export type IndicatorUnitKind = 'money' | 'count' | 'moneyPerPerson' | 'moneyPerMu';

/** How often the statistics office publishes a value: every month, or at the end of each quarter. */
export type Periodicity = 'monthly' | 'quarterly';

/**
 * `cumulative`: a flow added up from January (1—M月累计), so it has a share of an annual target, a
 * 时序进度 gap, a monthly need and a forecast. `level`: a stock or a ratio measured at a point (高新技术企业数,
 * 产出强度), compared with its target but not with the share of the year elapsed.
 */
export type Accumulation = 'cumulative' | 'level';

/**
 * Which projects of the pool make up an indicator when it is drawn from the pool instead of typed in.
 * Only projects entered in the investment statistics count ("先入库，后有数").
 */
export interface PoolDraw {
  /** 门类 a project's industry must fall in; undefined means every industry. */
  industrySections?: readonly IndustrySectionCode[];
  /** 建设性质 a project must have; undefined means any. */
  constructionTypes?: readonly ConstructionType[];
}

export interface IndicatorDefinition {
  code: IndicatorCode;
  /** The name as users write it, and as `tiaodu indicators --json` prints it. */
  name: string;
  /** Other spellings met in reports and ledgers; matched after {@link normalizeIndicatorName}. */
  aliases: readonly string[];
  unitKind: IndicatorUnitKind;
  /** The unit of the stored value, as the JSON prints it: 元, 家, 元/人, 元/亩. */
  unit: string;
  periodicity: Periodicity;
  accumulation: Accumulation;
  /** True when the official growth rate is at comparable prices (可比价), so it differs from value ÷ last year − 1. */
  comparablePrices: boolean;
  /** Set when the indicator can be drawn from the project pool. */
  poolDraw: PoolDraw | null;
}

/** 工业 in the statistics: 采矿业, 制造业, 电力、热力、燃气及水生产和供应业. */
const INDUSTRY: readonly IndustrySectionCode[] = ['B', 'C', 'D'];

export const INDICATORS: readonly IndicatorDefinition[] = [
  {
    code: 'gdp',
    name: '地区生产总值',
    aliases: ['GDP', '地区GDP', '生产总值', '全县生产总值', '全县地区生产总值'],
    unitKind: 'money',
    unit: '元',
    periodicity: 'quarterly',
    accumulation: 'cumulative',
    comparablePrices: true,
    poolDraw: null,
  },
  {
    code: 'fixed-asset-investment',
    name: '固定资产投资',
    aliases: ['固投', '全社会固定资产投资', '固定资产投资额', '固定资产投资完成额'],
    unitKind: 'money',
    unit: '元',
    periodicity: 'monthly',
    accumulation: 'cumulative',
    comparablePrices: false,
    poolDraw: {},
  },
  {
    code: 'industrial-investment',
    name: '工业投资',
    aliases: ['工业固定资产投资', '工业固投', '工业投资额'],
    unitKind: 'money',
    unit: '元',
    periodicity: 'monthly',
    accumulation: 'cumulative',
    comparablePrices: false,
    poolDraw: { industrySections: INDUSTRY },
  },
  {
    code: 'technical-upgrade-investment',
    name: '技改投资',
    aliases: ['技术改造投资', '工业技改投资', '工业技术改造投资'],
    unitKind: 'money',
    unit: '元',
    periodicity: 'monthly',
    accumulation: 'cumulative',
    comparablePrices: false,
    poolDraw: { industrySections: INDUSTRY, constructionTypes: ['technicalUpgrade'] },
  },
  {
    code: 'industrial-value-added',
    name: '规上工业增加值',
    aliases: ['规模以上工业增加值', '规模工业增加值', '规上工业企业增加值', '工业增加值'],
    unitKind: 'money',
    unit: '元',
    periodicity: 'monthly',
    accumulation: 'cumulative',
    comparablePrices: true,
    poolDraw: null,
  },
  {
    code: 'high-tech-value-added',
    name: '高新技术产业增加值',
    aliases: ['高新产业增加值', '高技术产业增加值'],
    unitKind: 'money',
    unit: '元',
    periodicity: 'monthly',
    accumulation: 'cumulative',
    comparablePrices: true,
    poolDraw: null,
  },
  {
    code: 'retail-sales',
    name: '社会消费品零售总额',
    aliases: ['社零额', '社零', '社会消费品零售额', '社消零', '社消零总额'],
    unitKind: 'money',
    unit: '元',
    periodicity: 'monthly',
    accumulation: 'cumulative',
    comparablePrices: false,
    poolDraw: null,
  },
  {
    code: 'public-budget-revenue',
    name: '一般公共预算收入',
    aliases: ['公共财政预算收入', '一般预算收入', '地方一般公共预算收入'],
    unitKind: 'money',
    unit: '元',
    periodicity: 'monthly',
    accumulation: 'cumulative',
    comparablePrices: false,
    poolDraw: null,
  },
  {
    code: 'urban-disposable-income',
    name: '城镇居民人均可支配收入',
    aliases: ['城镇常住居民人均可支配收入', '城镇居民收入', '城镇居民人均收入'],
    unitKind: 'moneyPerPerson',
    unit: '元/人',
    periodicity: 'quarterly',
    accumulation: 'cumulative',
    comparablePrices: false,
    poolDraw: null,
  },
  {
    code: 'rural-disposable-income',
    name: '农村居民人均可支配收入',
    aliases: ['农村常住居民人均可支配收入', '农民人均可支配收入', '农村居民收入', '农民人均收入'],
    unitKind: 'moneyPerPerson',
    unit: '元/人',
    periodicity: 'quarterly',
    accumulation: 'cumulative',
    comparablePrices: false,
    poolDraw: null,
  },
  {
    code: 'industrial-output',
    name: '规上工业总产值',
    aliases: ['规模以上工业总产值', '规模工业总产值', '规模工业产值', '规上工业产值', '工业总产值', '工业产值'],
    unitKind: 'money',
    unit: '元',
    periodicity: 'monthly',
    accumulation: 'cumulative',
    comparablePrices: false,
    poolDraw: null,
  },
  {
    code: 'new-industrial-enterprises',
    name: '新增规上企业数',
    aliases: ['新增规模工业企业数', '新增规上工业企业数', '新增规模以上工业企业数', '新增规上企业', '新增规模工业企业'],
    unitKind: 'count',
    unit: '家',
    periodicity: 'monthly',
    accumulation: 'cumulative',
    comparablePrices: false,
    poolDraw: null,
  },
  {
    code: 'high-tech-enterprises',
    name: '高新技术企业数',
    aliases: ['高新技术企业', '高企数量', '高新技术企业数量'],
    unitKind: 'count',
    unit: '家',
    periodicity: 'monthly',
    accumulation: 'level',
    comparablePrices: false,
    poolDraw: null,
  },
  {
    code: 'output-intensity',
    name: '产出强度',
    aliases: ['亩均产出', '亩均产值', '亩均产出强度', '单位面积产出强度'],
    unitKind: 'moneyPerMu',
    unit: '元/亩',
    periodicity: 'quarterly',
    accumulation: 'level',
    comparablePrices: false,
    poolDraw: null,
  },
  {
    code: 'attracted-funds',
    name: '招商引资到位资金',
    aliases: ['到位资金', '招商引资实际到位资金', '引资到位资金', '实际到位资金'],
    unitKind: 'money',
    unit: '元',
    periodicity: 'monthly',
    accumulation: 'cumulative',
    comparablePrices: false,
    poolDraw: null,
  },
];

const byCode = new Map<string, IndicatorDefinition>(INDICATORS.map((d) => [d.code, d]));
const byName = new Map<string, IndicatorDefinition>();
for (const d of INDICATORS) {
  for (const spelling of [d.name, ...d.aliases]) {
    const key = normalizeIndicatorName(spelling);
    if (byName.has(key)) throw new Error(`indicator spelling used twice: ${spelling}`);
    byName.set(key, d);
  }
}
const spellings = INDICATORS.flatMap((d) => [d.name, ...d.aliases].map((spelling) => ({ spelling, indicator: d.code })))
  .sort((a, b) => b.spelling.length - a.spelling.length);

export function isIndicatorCode(code: string): code is IndicatorCode {
  return byCode.has(code);
}

/**
 * The definition of an indicator by its code.
 * @throws RangeError for an unknown code (a programming error: codes come from the catalogue).
 */
export function indicatorByCode(code: IndicatorCode): IndicatorDefinition {
  const d = byCode.get(code);
  if (!d) throw new RangeError(`unknown indicator code: ${code}`);
  return d;
}

/**
 * The indicator a user's spelling names, or undefined: the catalogue name or any alias, ignoring
 * spaces, full-width letters and case of Latin letters.
 * @example indicatorByName('规模以上工业增加值')?.code // 'industrial-value-added'
 * @example indicatorByName('ＧＤＰ')?.code // 'gdp'
 */
export function indicatorByName(name: string): IndicatorDefinition | undefined {
  return byName.get(normalizeIndicatorName(name));
}

/** Every spelling (name and aliases) with its indicator, longest first, for scanning running text. */
export function indicatorSpellings(): ReadonlyArray<{ spelling: string; indicator: IndicatorCode }> {
  return spellings;
}

/**
 * The form names are compared in: whitespace dropped, full-width ASCII folded to half-width,
 * Latin letters upper-cased, Chinese brackets made ASCII.
 */
export function normalizeIndicatorName(name: string): string {
  return toHalfWidth(name).replace(/\s+/g, '').toUpperCase();
}

/** Folds full-width ASCII (Ａ, ８, ％, （) to half-width, character for character, so offsets are kept. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** The facts about a project that decide whether it counts in an indicator drawn from the pool. */
export interface PoolProjectFacts {
  industryCode: string | null;
  constructionType: ConstructionType | null;
  statsEntry: StatsEntryStatus;
}

/**
 * True when a project's completed investment counts in the indicator drawn from the pool: the
 * indicator can be drawn at all, the project is entered in the statistics, its industry is in the
 * indicator's 门类 and its 建设性质 is one the indicator counts.
 * @example countsInPoolDraw('industrial-investment', { industryCode: '26', constructionType: 'new', statsEntry: 'entered' }) // true
 */
export function countsInPoolDraw(code: IndicatorCode, project: PoolProjectFacts): boolean {
  const draw = indicatorByCode(code).poolDraw;
  if (!draw || project.statsEntry !== 'entered') return false;
  if (draw.industrySections) {
    const section = project.industryCode ? industrySection(project.industryCode) : undefined;
    if (!section || !draw.industrySections.includes(section)) return false;
  }
  if (draw.constructionTypes) {
    if (!project.constructionType || !draw.constructionTypes.includes(project.constructionType)) return false;
  }
  return true;
}
