// Fills a migrated database with a deterministic synthetic province (regions, units, leaders, projects, 5 years of figures).

import { pathToFileURL } from 'node:url';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { isPostgresUrl, openDatabase } from '../src/db/connect.ts';
import type { Database } from '../src/db/schema.ts';
import type { BatchKind } from '../src/domain/project/project.ts';
import { mix32, SeededRandom } from '../src/domain/seeded-random.ts';

export const BENCH_SIZES = {
  county: { provinces: 1, cities: 1, counties: 1, projects: 500 },
  city: { provinces: 1, cities: 1, counties: 12, projects: 6_000 },
  province: { provinces: 1, cities: 11, counties: 117, projects: 50_000 },
  // The national project system's scale: every province, about 2 800 counties, 1.1 million projects.
  national: { provinces: 31, cities: 333, counties: 2_800, projects: 1_100_000 },
} as const;
export type BenchSize = keyof typeof BENCH_SIZES;

export const BENCH_PROVINCE = '990000';
/** The whole deployment's code (src/db/repositories/scope.ts): the nation, at national size. */
export const BENCH_NATION = '000000';
/** The five years of figures; "today" for the generated state is the last day of the last year. */
export const BENCH_YEARS = [2021, 2022, 2023, 2024, 2025] as const;
const FIRST_YEAR = BENCH_YEARS[0];
const LAST_YEAR = BENCH_YEARS[BENCH_YEARS.length - 1]!;
const MONTHS = BENCH_YEARS.length * 12;
const TODAY = `${LAST_YEAR}-12-31`;
const NOW_ISO = `${TODAY}T16:00:00.000Z`;
const WAN = 10_000;

export interface GeneratedRegion {
  code: string;
  name: string;
  projects: number;
  /** The province it is in (a province: itself). */
  province: string;
}

export interface GenerateResult {
  size: BenchSize;
  seed: number;
  /** The province a province's figures are timed on: the only one, or at national size the one with most projects. */
  provinceCode: string;
  /** BENCH_NATION at national size, else null. */
  nationCode: string | null;
  provinces: GeneratedRegion[];
  counties: GeneratedRegion[];
  rows: { region: number; unit: number; leader: number; project: number; projectYear: number; projectMonth: number; batch: number };
  seconds: number;
}

export interface GenerateOptions {
  seed?: number;
  /** Progress lines, stderr by default: a province takes a while. */
  log?: (line: string) => void;
  /** Only compute what would be written (a database generated earlier with the same seed): nothing is written. */
  dryRun?: boolean;
}

const DEPARTMENTS = ['发展和改革局', '工业和信息化局', '住房和城乡建设局', '交通运输局', '水利局', '农业农村局', '文化和旅游局', '教育局', '卫生健康局', '商务局', '自然资源局', '能源局'];
const TOWNSHIPS: readonly (readonly [suffix: string, name: string])[] = [
  ['100', '城关镇'], ['101', '东关镇'], ['102', '西营镇'], ['103', '南河镇'], ['200', '北山乡'], ['201', '中和乡'], ['202', '新安乡'], ['400', '经济技术开发区'],
];
const CHAINS = ['新材料', '装备制造', '现代煤化工', '农产品精深加工', '文化旅游', '新能源', '数字经济', '现代物流'];
const CATEGORIES = ['产业项目', '基础设施', '社会民生', '生态环保', '城镇建设'];
const INDUSTRIES = ['13', '26', '30', '34', '38', '44', '48', '54', '65', '78', '87'];
const WORKS = ['年产10万吨', '智能制造', '综合开发', '改扩建', '提质增效', '产业园', '基础设施提升', '示范基地'];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = '建国海军志强丽华永红卫东晓明伟春霞国庆文斌玉兰';
const TITLES = ['县委书记', '县长', '常务副县长', '副县长', '县委常委'];
const CONSTRUCTION = ['new', 'new', 'new', 'expansion', 'renovation', 'technicalUpgrade', 'relocation'] as const;

// Rows exactly as the schema types them, so a column added to a table is a compile error here until it is generated.
type Region = Database['region'];
type Unit = Omit<Database['unit'], 'webhook_kind' | 'webhook_url' | 'webhook_secret'>;
type Leader = Database['leader'];
// county_code is the database's to fill, from region_code.
type ProjectRow = Omit<Database['project'], 'county_code'>;
type YearRow = Database['project_year'];
type Batch = Database['batch_event'] & { projects: Omit<Database['batch_project'], 'batch_id'>[] };

/** A project as generated, with what the month stream needs: which months it worked and at what pace. */
interface SynthProject {
  row: ProjectRow;
  leaderId: string | null;
  /** Month index (0 = January of the first year) of the first and last month worked; first > last when none. */
  firstMonth: number;
  lastMonth: number;
  /** Annual plan by year: every month of a plan year has a figure, zero when no work was done. */
  plans: Map<number, number>;
  /** Its project_year rows, computed from its life so that plans and months agree. */
  years: YearRow[];
  seed: number;
}

interface Province {
  regions: Region[];
  units: Unit[];
  leaders: Leader[];
  projects: SynthProject[];
  years: YearRow[];
  batches: Batch[];
  counties: GeneratedRegion[];
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const day = (year: number, month: number, d: number) => `${year}-${pad2(month)}-${pad2(d)}`;
const monthIndex = (year: number, month: number) => (year - FIRST_YEAR) * 12 + month - 1;
const monthOf = (index: number) => `${FIRST_YEAR + Math.floor(index / 12)}-${pad2((index % 12) + 1)}`;
const roundWan = (yuan: number) => Math.max(WAN, Math.round(yuan / WAN) * WAN);

/** One province of a size: its code, name, and shares, and where its random stream and project serials start. */
interface ProvincePlan {
  code: string;
  name: string;
  cities: number;
  counties: number;
  projects: number;
  /** The SeededRandom stream it draws from, so each province is the same whatever else is generated. */
  stream: number;
  /** Projects and counties generated before it, for serial numbers and names unique across the nation. */
  serialBefore: number;
  countiesBefore: number;
}

/**
 * The provinces of a size. One province is 990000, drawn from stream 1 as it always was; the nation's 31 share its
 * cities and counties evenly and its projects in proportion to their counties, each province larger or smaller by a
 * random weight, as real ones are.
 */
function provincePlans(size: BenchSize, seed: number): ProvincePlan[] {
  const spec = BENCH_SIZES[size];
  if (spec.provinces === 1) {
    return [{ code: BENCH_PROVINCE, name: '基准省', cities: spec.cities, counties: spec.counties, projects: spec.projects, stream: 1, serialBefore: 0, countiesBefore: 0 }];
  }
  const rng = SeededRandom.of(seed, 0);
  const share = (total: number, i: number) => Math.floor(total / spec.provinces) + (i < total % spec.provinces ? 1 : 0);
  const counties = Array.from({ length: spec.provinces }, (_, i) => share(spec.counties, i));
  const weights = counties.map((n) => n * Math.exp(0.3 * rng.normal()));
  const weightSum = weights.reduce((s, w) => s + w, 0);
  const projects = weights.map((w) => Math.round((w / weightSum) * spec.projects));
  projects[projects.length - 1]! += spec.projects - projects.reduce((s, n) => s + n, 0);
  let serialBefore = 0;
  let countiesBefore = 0;
  return counties.map((n, i) => {
    const plan = { code: `${11 + i}0000`, name: `基准${i + 1}省`, cities: share(spec.cities, i), counties: n, projects: projects[i]!, stream: 1 + i, serialBefore, countiesBefore };
    serialBefore += plan.projects;
    countiesBefore += n;
    return plan;
  });
}

function buildProvince(spec: ProvincePlan, seed: number): Province {
  const rng = SeededRandom.of(seed, spec.stream);
  const prefix = spec.code.slice(0, 2);
  const regions: Region[] = [{ code: spec.code, name: spec.name, level: 'province', parent_code: null, is_zone: 0 }];
  const units: Unit[] = [];
  const leaders: Leader[] = [];
  const projects: SynthProject[] = [];
  const years: YearRow[] = [];
  const batches: Batch[] = [];

  // Counties spread over the cities as evenly as the numbers allow; county sizes vary (a few big ones, many small).
  const countyCodes: string[] = [];
  for (let c = 1; c <= spec.cities; c++) {
    const cityCode = `${prefix}${pad2(c)}00`;
    regions.push({ code: cityCode, name: `基准${c}市`, level: 'city', parent_code: spec.code, is_zone: 0 });
    const n = Math.floor(spec.counties / spec.cities) + (c <= spec.counties % spec.cities ? 1 : 0);
    for (let k = 1; k <= n; k++) countyCodes.push(`${prefix}${pad2(c)}${pad2(k + 20)}`);
  }
  const weights = countyCodes.map(() => Math.exp(0.35 * rng.normal()));
  const weightSum = weights.reduce((s, w) => s + w, 0);
  const perCounty = weights.map((w) => Math.max(1, Math.round((w / weightSum) * spec.projects)));
  perCounty[perCounty.length - 1]! += spec.projects - perCounty.reduce((s, n) => s + n, 0);

  const counties: GeneratedRegion[] = [];
  let serial = spec.serialBefore;
  countyCodes.forEach((county, ci) => {
    const countyName = `基准${spec.countiesBefore + ci + 1}县`;
    regions.push({ code: county, name: countyName, level: 'county', parent_code: `${county.slice(0, 4)}00`, is_zone: 0 });
    const townships = TOWNSHIPS.map(([suffix]) => `${county}${suffix}`);
    TOWNSHIPS.forEach(([suffix, name]) => regions.push({ code: `${county}${suffix}`, name, level: 'township', parent_code: county, is_zone: suffix.startsWith('4') ? 1 : 0 }));
    const countyUnits: string[] = [];
    DEPARTMENTS.forEach((name, i) => {
      const id = rng.uuid();
      countyUnits.push(id);
      units.push({ id, region_code: county, name, kind: 'department', township_code: null, sort_order: i + 1 });
    });
    TOWNSHIPS.forEach(([suffix, name], i) => {
      const id = rng.uuid();
      countyUnits.push(id);
      const zone = suffix.startsWith('4');
      units.push({ id, region_code: county, name: zone ? `${name}管委会` : `${name}人民政府`, kind: zone ? 'zone' : 'township', township_code: `${county}${suffix}`, sort_order: 100 + i });
    });
    const countyLeaders: string[] = [];
    for (let i = 0; i < 14; i++) {
      const id = rng.uuid();
      countyLeaders.push(id);
      leaders.push({ id, region_code: county, name: `${rng.pick([...SURNAMES])}${rng.pick([...GIVEN])}${rng.pick([...GIVEN])}`, title: TITLES[Math.min(i, TITLES.length - 1)]!, sort_order: i + 1, retired_on: null });
    }
    const count = perCounty[ci]!;
    counties.push({ code: county, name: countyName, projects: count, province: spec.code });
    const countyProjects: SynthProject[] = [];
    for (let i = 0; i < count; i++) {
      const p = buildProject(rng, ++serial, county, countyName, townships, countyUnits, countyLeaders);
      countyProjects.push(p);
      projects.push(p);
    }
    // 三个一批: three events a year, each naming a handful of the year's projects.
    for (const year of BENCH_YEARS) {
      for (const [month, title] of [[3, '春季'], [7, '夏季'], [10, '秋季']] as const) {
        const held = day(year, month, 15);
        const picked = countyProjects.filter((p) => p.row.started_on?.startsWith(String(year)) || p.row.signed_on?.startsWith(String(year))).slice(0, 400);
        const chosen = new Map<string, BatchKind>();
        for (let k = 0; k < Math.min(12, picked.length); k++) {
          const p = rng.pick(picked);
          chosen.set(p.row.id, p.row.started_on?.startsWith(String(year)) ? 'started' : 'signed');
        }
        batches.push({ id: rng.uuid(), region_code: county, held_on: held, title: `${year}年${title}“三个一批”活动`, edition: null, venue: null, projects: [...chosen].map(([project_id, kind]) => ({ project_id, kind, expected_output: null })) });
      }
    }
  });
  // Plans are entered year by year, so the year rows go in year order, as a real pool would have written them.
  for (const year of BENCH_YEARS) for (const p of projects) for (const y of p.years) if (y.year === year) years.push(y);
  return { regions, units, leaders, projects, years, batches, counties };
}

function buildProject(rng: SeededRandom, serial: number, county: string, countyName: string, townships: string[], unitIds: string[], leaderIds: string[]): SynthProject {
  const id = rng.uuid();
  const total = roundWan(Math.min(2e10, Math.max(5e6, Math.exp(Math.log(2e8) + 1.1 * rng.normal()))));
  // Big public works run for years: most of a pool is 续建, as in the counties' own ledgers.
  const startYear = rng.weighted([[2016, 6], [2017, 8], [2018, 9], [2019, 10], [2020, 10], [2021, 10], [2022, 10], [2023, 10], [2024, 10], [2025, 10], [2026, 4]] as const);
  let span = rng.weighted([[1, 3], [2, 5], [3, 10], [4, 15], [5, 17], [6, 17], [7, 15], [8, 10], [9, 8]] as const);
  // Projects begun before the window run into it, else they would hold no figures at all.
  if (startYear + span - 1 < FIRST_YEAR) span = FIRST_YEAR - startYear + 1;
  const endYear = startYear + span - 1;
  const startMonth = rng.weighted([[1, 2], [2, 3], [3, 10], [4, 12], [5, 11], [6, 9], [7, 7], [8, 6], [9, 6], [10, 4], [11, 2], [12, 1]] as const);
  const endMonth = span === 1 ? rng.int(Math.min(12, startMonth + 2), 12) : rng.int(5, 12);
  const cancelled = rng.chance(0.02);
  // One in ten new projects of the last year has not started by its end: they pull the 开工率 below 1.
  const notStarted = cancelled || startYear > LAST_YEAR || (startYear === LAST_YEAR && rng.chance(0.1));
  const suspended = !notStarted && endYear > LAST_YEAR && rng.chance(0.04);

  const startedOn = notStarted ? null : day(startYear, startMonth, rng.int(1, 28));
  const finished = !notStarted && endYear <= LAST_YEAR;
  const completedOn = finished ? day(endYear, endMonth, rng.int(1, 28)) : null;
  const operating = finished && rng.chance(0.5);
  const suspendedOn = suspended ? day(LAST_YEAR, rng.int(3, 11), rng.int(1, 28)) : null;
  const stage = cancelled ? 'cancelled' : suspended ? 'suspended' : operating ? 'operating' : finished ? 'completed' : notStarted
    ? (startYear > LAST_YEAR ? rng.pick(['planned', 'preparing', 'signed'] as const) : 'preparing') : 'underway';
  const signedYear = Math.min(startYear, LAST_YEAR) - rng.int(0, 1);
  const signedOn = rng.chance(0.6) ? day(signedYear, rng.int(1, 12), rng.int(1, 28)) : null;

  const lastWorked = notStarted ? -1 : suspendedOn ? monthIndex(LAST_YEAR, Number(suspendedOn.slice(5, 7))) : finished ? monthIndex(endYear, endMonth) : MONTHS - 1;
  const firstMonth = notStarted ? MONTHS : Math.max(0, monthIndex(startYear, startMonth));
  const plans = new Map<number, number>();
  const rows: YearRow[] = [];
  for (const year of BENCH_YEARS) {
    if (year < startYear) {
      // A project waits in reserve a year or two before its plan year.
      if (year >= startYear - (rng.chance(0.3) ? 2 : 1)) rows.push({ county_code: county, project_id: id, year, phase: 'reserve', annual_plan: 0, resumed_on: null });
      continue;
    }
    if (year > endYear || (notStarted && year > startYear)) continue;
    const plan = roundWan((total / span) * (0.6 + 0.6 * rng.float()));
    plans.set(year, plan);
    const continuing = year > startYear;
    const resumedOn = continuing && !(suspendedOn && year === LAST_YEAR && rng.chance(0.5)) && rng.chance(0.92)
      ? day(year, rng.weighted([[1, 1], [2, 4], [3, 6], [4, 3], [5, 1]] as const), rng.int(1, 28)) : null;
    rows.push({ county_code: county, project_id: id, year, phase: continuing ? 'continuing' : 'newStart', annual_plan: plan, resumed_on: resumedOn });
  }

  const township = rng.chance(0.95) ? rng.pick(townships) : null;
  const created = day(Math.max(FIRST_YEAR - 1, Math.min(startYear, LAST_YEAR) - 1), rng.int(1, 12), rng.int(1, 28));
  const leaderId = rng.chance(0.9) ? rng.pick(leaderIds) : null;
  const row: ProjectRow = {
    id,
    region_code: county,
    name: `${countyName}${rng.pick(CHAINS)}${rng.pick(WORKS)}项目（${serial}）`,
    project_code: rng.chance(0.8) ? `${Math.min(startYear, LAST_YEAR) - 1}-${county}-${rng.pick(['04', '07', '13', '15'])}-${rng.pick(['01', '02', '03'])}-${String(rng.int(0, 999_999)).padStart(6, '0')}` : null,
    approval_kind: rng.pick(['approval', 'authorization', 'filing', 'filing', 'filing'] as const),
    owner: `基准${rng.pick(CHAINS)}${rng.int(1, 999)}有限公司`,
    township_code: township,
    industry_code: rng.pick(INDUSTRIES),
    chain: rng.chance(0.85) ? rng.pick(CHAINS) : null,
    construction_type: rng.pick(CONSTRUCTION),
    category: rng.pick(CATEGORIES),
    stage,
    signed_on: signedOn,
    land_supplied_on: startedOn && rng.chance(0.7) ? day(startYear - (startMonth < 3 ? 1 : 0), Math.max(1, startMonth - 2), rng.int(1, 28)) : null,
    permit_on: startedOn && rng.chance(0.8) ? day(startYear, Math.max(1, startMonth - 1), rng.int(1, 28)) : null,
    started_on: startedOn,
    suspended_on: suspendedOn,
    completed_on: completedOn,
    operating_on: operating && completedOn ? completedOn : null,
    total_investment: total,
    completed_before: startYear < FIRST_YEAR ? roundWan(total * 0.2 * (FIRST_YEAR - startYear)) : 0,
    stats_entry: total >= 5_000_000 && startedOn ? 'entered' : 'none',
    unit_id: rng.chance(0.95) ? rng.pick(unitIds) : null,
    key_level: null,
    progress_note: null,
    land_area_mu: rng.chance(0.6) ? rng.int(5, 800) : null,
    notes: rng.chance(0.1) ? '要素保障待协调' : null,
    created_at: `${created}T02:00:00.000Z`,
    updated_at: NOW_ISO,
    version: 1,
  };
  return { row, leaderId, firstMonth, lastMonth: Math.min(lastWorked, MONTHS - 1), plans, years: rows, seed: mix32(serial * 2654435761) };
}

/** The month's completed investment, a pure function of the project and month so the stream needs no storage. */
function monthFigure(p: SynthProject, index: number): number {
  if (index < p.firstMonth || index > p.lastMonth) return 0;
  const plan = p.plans.get(FIRST_YEAR + Math.floor(index / 12)) ?? 0;
  const r = SeededRandom.of(p.seed, index);
  if (plan === 0 || r.float() < 0.08) return 0;
  return Math.round(((plan / 12) * (0.3 + 1.3 * r.float())) / WAN) * WAN;
}

/**
 * Every month row, month by month as the monthly rounds would have written them: each project with a plan
 * in the year reports every month of it, zero before it starts or after it stops.
 */
function* monthRows(projects: readonly SynthProject[]): Generator<Database['project_month']> {
  for (let index = 0; index < MONTHS; index++) {
    const month = monthOf(index);
    const year = FIRST_YEAR + Math.floor(index / 12);
    for (const p of projects) {
      if (!p.plans.has(year)) continue;
      // Fifteen percent of units type the year-to-date total rather than the month; the stored value is the month.
      yield { county_code: p.row.region_code, project_id: p.row.id, month, completed: monthFigure(p, index), entered_as: (p.seed & 0xff) < 38 ? 'ytd' : 'month' };
    }
  }
}

/** A PostgreSQL column type, for the bulk load's arrays. */
type PgType = 'text' | 'int4' | 'int8' | 'float8';

/**
 * Every column of a table with its PostgreSQL type: a Record over the schema's row type, so a column the schema gains
 * and the load leaves out does not compile. The order of the keys is the order of the insert.
 */
function columnsOf<Row>(types: Record<keyof Row & string, PgType>): { columns: (keyof Row & string)[]; types: PgType[] } {
  const columns = Object.keys(types) as (keyof Row & string)[];
  return { columns, types: columns.map((c) => types[c]) };
}

const REGION = columnsOf<Region>({ code: 'text', name: 'text', level: 'text', parent_code: 'text', is_zone: 'int4' });
const UNIT = columnsOf<Unit>({ id: 'text', region_code: 'text', name: 'text', kind: 'text', township_code: 'text', sort_order: 'int4' });
const LEADER = columnsOf<Leader>({ id: 'text', region_code: 'text', name: 'text', title: 'text', sort_order: 'int4', retired_on: 'text' });
const PROJECT = columnsOf<ProjectRow>({
  id: 'text', region_code: 'text', name: 'text', project_code: 'text', approval_kind: 'text', owner: 'text', township_code: 'text', industry_code: 'text',
  chain: 'text', construction_type: 'text', category: 'text', stage: 'text', signed_on: 'text', land_supplied_on: 'text', permit_on: 'text',
  started_on: 'text', suspended_on: 'text', completed_on: 'text', operating_on: 'text', total_investment: 'int8', completed_before: 'int8',
  stats_entry: 'text', unit_id: 'text', key_level: 'text', progress_note: 'text', land_area_mu: 'float8', notes: 'text', created_at: 'text', updated_at: 'text', version: 'int4',
});
const PROJECT_YEAR = columnsOf<YearRow>({ county_code: 'text', project_id: 'text', year: 'int4', phase: 'text', annual_plan: 'int8', resumed_on: 'text' });
const PROJECT_MONTH = columnsOf<Database['project_month']>({ county_code: 'text', project_id: 'text', month: 'text', completed: 'int8', entered_as: 'text' });
const PROJECT_LEADER = columnsOf<Database['project_leader']>({ project_id: 'text', leader_id: 'text', position: 'int4' });
const BATCH_EVENT = columnsOf<Database['batch_event']>({ id: 'text', region_code: 'text', held_on: 'text', title: 'text', edition: 'int4', venue: 'text' });
const BATCH_PROJECT = columnsOf<Database['batch_project']>({ batch_id: 'text', project_id: 'text', kind: 'text', expected_output: 'int8' });

/** A table's rows as the loaders take them: column names, PostgreSQL types, and row arrays. */
interface TableLoad {
  table: string;
  columns: readonly string[];
  types: readonly string[];
  rows: Iterable<unknown[]>;
  count: number;
}

function load<Row>(table: keyof Database, spec: { columns: (keyof Row & string)[]; types: PgType[] }, rows: Iterable<Row>, count: number): TableLoad {
  function* arrays() {
    for (const r of rows) yield spec.columns.map((c) => r[c]);
  }
  return { table, columns: spec.columns, types: spec.types, rows: arrays(), count };
}

function tableLoads(p: Province, monthCount: number): TableLoad[] {
  const batchProjects = p.batches.flatMap((b) => b.projects.map((x) => ({ batch_id: b.id, ...x })));
  const leaderLinks = p.projects.flatMap((x) => (x.leaderId ? [{ project_id: x.row.id, leader_id: x.leaderId, position: 0 }] : []));
  return [
    load('region', REGION, p.regions, p.regions.length),
    load('unit', UNIT, p.units, p.units.length),
    load('leader', LEADER, p.leaders, p.leaders.length),
    load('project', PROJECT, p.projects.map((x) => x.row), p.projects.length),
    // A project's 包联领导 are project_leader rows (the generator gives each at most one).
    load('project_leader', PROJECT_LEADER, leaderLinks, leaderLinks.length),
    load('project_year', PROJECT_YEAR, p.years, p.years.length),
    load('project_month', PROJECT_MONTH, monthRows(p.projects), monthCount),
    load('batch_event', BATCH_EVENT, p.batches, p.batches.length),
    load('batch_project', BATCH_PROJECT, batchProjects, batchProjects.length),
  ];
}

function progress(log: (line: string) => void, table: string, total: number): (done: number) => void {
  let next = 0;
  const started = Date.now();
  return (done) => {
    if (done < next && done !== total) return;
    next = done + Math.max(1, Math.ceil(total / 10));
    log(`  ${table}: ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} rows (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  };
}

/** Writes the generated rows, a province at a time, each province in one transaction. */
interface Loader {
  load(loads: TableLoad[], log: (line: string) => void): Promise<void>;
  /** After the last province: what leaves the database as the application would find it. */
  finish(log: (line: string) => void): Promise<void>;
  close(): Promise<void>;
}

/** Writes nothing, for a database that already holds the rows: what it holds is drawn, the month rows not even that. */
function dryLoader(): Loader {
  return { async load() {}, async finish() {}, async close() {} };
}

function sqliteLoader(file: string): Loader {
  const db = new SQLite(file);
  // The load writes an empty file: a rollback journal of nothing and no fsync is the quick way.
  db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  db.pragma('foreign_keys = ON');
  return {
    async load(loads, log) {
      db.transaction(() => {
        for (const t of loads) {
          const insert = db.prepare(`insert into ${t.table} (${t.columns.join(', ')}) values (${t.columns.map(() => '?').join(', ')})`);
          const tick = progress(log, t.table, t.count);
          let done = 0;
          for (const row of t.rows) {
            insert.run(...row);
            if (++done % 50_000 === 0) tick(done);
          }
          tick(done);
        }
      })();
    },
    async finish() {
      // The application opens the file in WAL mode; leave it as it would find its own.
      db.pragma('journal_mode = WAL');
    },
    async close() {
      db.close();
    },
  };
}

async function postgresLoader(url: string): Promise<Loader> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    async load(loads, log) {
      await client.query('begin');
      try {
        for (const t of loads) {
          const batchSize = Math.max(500, Math.floor(60_000 / t.columns.length));
          const text = `insert into ${t.table} (${t.columns.join(', ')}) select * from unnest(${t.types.map((ty, i) => `$${i + 1}::${ty}[]`).join(', ')})`;
          const tick = progress(log, t.table, t.count);
          let batch: unknown[][] = t.columns.map(() => []);
          let pending = 0;
          let done = 0;
          const flush = async () => {
            if (pending === 0) return;
            await client.query(text, batch);
            done += pending;
            tick(done);
            batch = t.columns.map(() => []);
            pending = 0;
          };
          for (const row of t.rows) {
            row.forEach((v, i) => batch[i]!.push(v));
            if (++pending === batchSize) await flush();
          }
          await flush();
          if (t.count === 0) tick(0);
        }
        await client.query('commit');
      } catch (e) {
        await client.query('rollback').catch(() => {});
        throw e;
      }
    },
    async finish(log) {
      // Autovacuum would vacuum and analyze the new tables within minutes, and meanwhile disturb the timings:
      // the benchmark measures that steady state at once.
      log('  vacuum (analyze)');
      await client.query('vacuum (analyze)');
    },
    async close() {
      await client.end();
    },
  };
}

/**
 * Generates the synthetic pool of a size into an empty database (an SQLite file or a postgres:// URL), migrating it
 * first. The same seed always gives the same rows, ids included. A nation is built and written a province at a time,
 * so memory holds one province, not 1.1 million projects.
 */
export async function generatePool(target: string, size: BenchSize, options: GenerateOptions = {}): Promise<GenerateResult> {
  const seed = options.seed ?? 2025;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const started = performance.now();
  const handle = await openDatabase(target, { poolSize: 1 });
  await handle.close();

  const spec = BENCH_SIZES[size];
  log(`generating ${size} (${spec.provinces > 1 ? `${spec.provinces} provinces, ` : ''}${spec.counties.toLocaleString('en-US')} ${spec.counties === 1 ? 'county' : 'counties'}, ${spec.projects.toLocaleString('en-US')} projects, seed ${seed}) into ${handle.label}`);
  const plans = provincePlans(size, seed);
  const rows: GenerateResult['rows'] = { region: 0, unit: 0, leader: 0, project: 0, projectYear: 0, projectMonth: 0, batch: 0 };
  const provinces: GeneratedRegion[] = [];
  const counties: GeneratedRegion[] = [];
  const loader = options.dryRun ? dryLoader() : isPostgresUrl(target) ? await postgresLoader(target) : sqliteLoader(target);
  try {
    for (const [i, plan] of plans.entries()) {
      const provinceStarted = performance.now();
      const province = buildProvince(plan, seed);
      let monthCount = 0;
      for (const p of province.projects) monthCount += 12 * p.plans.size;
      // One province: a line per table as it goes. A nation: a line per province.
      await loader.load(tableLoads(province, monthCount), plans.length === 1 ? log : () => {});
      rows.region += province.regions.length;
      rows.unit += province.units.length;
      rows.leader += province.leaders.length;
      rows.project += province.projects.length;
      rows.projectYear += province.years.length;
      rows.projectMonth += monthCount;
      rows.batch += province.batches.length;
      provinces.push({ code: plan.code, name: plan.name, projects: province.projects.length, province: plan.code });
      counties.push(...province.counties);
      if (plans.length > 1) {
        const took = (performance.now() - provinceStarted) / 1000;
        const all = (performance.now() - started) / 1000;
        log(`  ${plan.code} ${plan.name} (${i + 1}/${plans.length}): ${province.projects.length.toLocaleString('en-US')} projects, ${monthCount.toLocaleString('en-US')} month rows in ${took.toFixed(1)} s; ${rows.project.toLocaleString('en-US')} projects after ${all.toFixed(0)} s`);
      }
    }
    await loader.finish(log);
  } finally {
    await loader.close();
  }

  const seconds = (performance.now() - started) / 1000;
  log(`generated ${size} in ${seconds.toFixed(1)} s`);
  const largest = [...provinces].sort((a, b) => b.projects - a.projects || a.code.localeCompare(b.code))[0]!;
  return { size, seed, provinceCode: largest.code, nationCode: plans.length > 1 ? BENCH_NATION : null, provinces, counties, rows, seconds };
}

// Usage: tsx bench/generate.ts <sqlite file | postgres:// url> [county|city|province|national] — for poking at a database by hand.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [target, size = 'county'] = process.argv.slice(2);
  if (!target || !(size in BENCH_SIZES)) {
    process.stderr.write(`usage: tsx bench/generate.ts <sqlite file | postgres:// url> [${Object.keys(BENCH_SIZES).join('|')}]\n`);
    process.exit(2);
  }
  const result = await generatePool(target, size as BenchSize);
  process.stdout.write(`${JSON.stringify({ ...result, provinces: result.provinces.length, counties: result.counties.length }, null, 2)}\n`);
}
