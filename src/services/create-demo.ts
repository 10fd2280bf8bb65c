// The demo county 襄垣县 as of May 2021: accounts, leaders and a pool from which the product computes seed 000's figures.

import type { Role } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import { YUAN_PER_WAN } from '../domain/money.ts';
import { addMonths, lastDayOfMonth, monthOfDay, monthRange, type Day, type Month } from '../domain/months.ts';
import type {
  ApprovalKind,
  ConstructionType,
  Milestone,
  MonthlyCompletion,
  Project,
  ProjectYear,
  StatsEntryStatus,
} from '../domain/project/project.ts';
import { projectProblems } from '../domain/project/validate-project.ts';
import { insertBatch, insertBatchProjects, insertFundApplications, type BatchKind, type FundApplication } from '../db/repositories/batch.repository.ts';
import {
  insertHistory,
  insertProject,
  listProjects,
  replaceProjectYears,
  upsertProjectMonths,
  type HistoryEntry,
} from '../db/repositories/project.repository.ts';
import { insertLeaders, listLeaders, listUnits, putSetting } from '../db/repositories/region.repository.ts';
import { findUserByUsername, insertUser } from '../db/repositories/user.repository.ts';
import { inTransaction, newId, type Db } from '../db/transaction.ts';
import { hashPassword } from './auth/password.ts';
import { initCounty } from './init-county.ts';
import { loadProjectContext } from './project-context.ts';
import { CHAIN_LEADERS, DEMO_LEADERS, PRINCIPALS, TOWN_LEADERS } from './demo/leaders.ts';
import { NAMED_PROJECTS } from './demo/named-projects.ts';
import { DEMO_OWNERS, TRADES, type OwnerTrade } from './demo/owners.ts';
import { addDemoStatsEntry } from './demo/stats-entry.ts';
import { addDemoIndicators } from './demo/indicators.ts';
import { addDemoSupervision } from './demo/supervision.ts';
import { TOWN_TEMPLATES, TOWNS } from './demo/town-projects.ts';
import {
  DEMO_TOWN_CODES,
  townOffice,
  type DemoBatchRole,
  type DemoGroup,
  type DemoTown,
  type NamedProject,
} from './demo/types.ts';
import { mulberry32 } from '../domain/seeded-random.ts';

export const DEMO_REGION = '140423';
export const DEMO_AS_OF = '2021-05';

/** One account of the demo; the sign-in page lists them, so the password is public on purpose. */
export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  displayName: string;
  unitName?: string;
  leaderName?: string;
  note: string;
}

const DEMO_PASSWORD = 'demo1234';

export const DEMO_ACCOUNTS = [
  {
    username: 'admin', password: DEMO_PASSWORD, role: 'admin', displayName: '襄垣县管理员',
    note: '管理员：管理账号、单位和包联领导，可查看和修改全县数据',
  },
  {
    username: 'dispatcher', password: DEMO_PASSWORD, role: 'dispatcher', displayName: '县发改局调度员', unitName: '发展和改革局',
    note: '调度员（县发展和改革局）：维护项目库，组织月报、审核填报，生成分析和总结',
  },
  {
    username: 'reporter', password: DEMO_PASSWORD, role: 'reporter', displayName: '古韩镇填报员', unitName: '古韩镇人民政府',
    note: '填报员（古韩镇人民政府）：填报本镇负责项目的月度投资和进度',
  },
  {
    username: 'reporter-zone', password: DEMO_PASSWORD, role: 'reporter', displayName: '经开区填报员', unitName: '襄垣经济技术开发区管委会',
    note: '填报员（襄垣经济技术开发区管委会）：填报经开区负责项目的月度投资和进度',
  },
  {
    username: 'leader', password: DEMO_PASSWORD, role: 'leader', displayName: '李宏伟', leaderName: '李宏伟',
    note: '包联领导（县委常委、常务副县长）：查看包联项目及其问题和预警',
  },
  {
    username: 'viewer', password: DEMO_PASSWORD, role: 'viewer', displayName: '县政府办查看', note: '查看者：只读查看全县项目库和分析',
  },
] as const satisfies readonly DemoAccount[];

/** 三个一批 of 2021 as seed 000 reports them. */
export const DEMO_BATCHES = [
  { heldOn: '2021-01-01', title: '第一批项目集中开工现场会' },
  { heldOn: '2021-03-22', title: '第二批项目集中开工仪式' },
] as const;

/** Seed 000's figures in 万元: what the year's pool adds up to, exactly. */
const TARGETS = {
  continuing: { count: 86, total: 1_889_000, plan: 443_800, ytd: 184_900 },
  newStart: { count: 143, total: 2_139_000, plan: 590_000, ytd: 159_000 },
} as const;

/** How many of the generated projects are a town's small public works; the rest come from the county's builders. */
const TOWN_PROJECT_COUNT = 60;
const SEED = 20210531;
/** A pool where four plants build the same plasterboard line reads as generated: each kind of project twice at most. */
const MAX_SAME_KIND = 2;
/** How far a generated project may outgrow its kind's usual range when the pool's totals need it. */
const SIZE_STRETCH = 3;
const YEAR = 2021;

// ---------------------------------------------------------------------------------------------------------------
// Randomness: a seeded generator, so every build yields the same county.

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  between(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }
  /** Integers lo..hi, both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  }
  /** Picks by weight: [value, weight] pairs. */
  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    const sum = pairs.reduce((s, [, w]) => s + w, 0);
    let x = this.next() * sum;
    for (const [v, w] of pairs) {
      x -= w;
      if (x < 0) return v;
    }
    return pairs[pairs.length - 1]![0];
  }
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Exact integer allocation: sums of parts equal the seed's figures to the 万元.

function sum(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0);
}

/** Real-valued shares of `total` in proportion to weights, none above its cap (water-filling). */
function proportional(total: number, weights: readonly number[], caps: readonly number[]): number[] {
  if (sum(caps.map((c) => Math.max(0, c))) < total) throw new RangeError(`cannot place ${total} under the caps`);
  const share = weights.map(() => 0);
  const fixed = new Set<number>();
  let remaining = total;
  for (;;) {
    const active = weights.map((_, i) => i).filter((i) => !fixed.has(i));
    const weightSum = sum(active.map((i) => weights[i]!));
    if (weightSum <= 0) throw new RangeError('no weight left to allocate on');
    const over = active.filter((i) => (remaining * weights[i]!) / weightSum > caps[i]!);
    if (over.length === 0) {
      for (const i of active) share[i] = (remaining * weights[i]!) / weightSum;
      return share;
    }
    for (const i of over) {
      share[i] = caps[i]!;
      remaining -= caps[i]!;
      fixed.add(i);
    }
  }
}

/** Whole units summing to `total` exactly: floors of the shares, the rest to the largest remainders (ties by order). */
function largestRemainder(total: number, shares: readonly number[], caps?: readonly number[]): number[] {
  const out = shares.map((s) => Math.floor(s));
  let rest = total - sum(out);
  const order = shares.map((s, i) => [i, s - Math.floor(s)] as const).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  for (let pass = 0; rest > 0 && pass < 2; pass++) {
    for (const [i, frac] of order) {
      if (rest === 0) break;
      if (pass === 0 && frac === 0) continue;
      if (caps && out[i]! + 1 > caps[i]!) continue;
      out[i] = out[i]! + 1;
      rest--;
    }
  }
  if (rest !== 0) throw new RangeError(`largest-remainder allocation left ${rest} over`);
  return out;
}

/** Splits a whole amount by weights into whole units, exactly. */
function split(total: number, weights: readonly number[], caps?: readonly number[]): number[] {
  const capList = caps ?? weights.map(() => Number.POSITIVE_INFINITY);
  return largestRemainder(total, proportional(total, weights, capList), caps);
}

/** A figure as a ledger writes a planned amount: 860, 3 500, 12 500, 186 000 万元. */
function nice(x: number): number {
  if (x < 100) return Math.max(1, Math.round(x));
  const step = x < 1_000 ? 10 : x < 10_000 ? 100 : x < 100_000 ? 500 : 1_000;
  return Math.round(x / step) * step;
}

/**
 * Planned amounts summing to `total` exactly, most of them round as people plan them: shares rounded to a nice
 * figure, the residue taken up by the largest ones within their caps.
 */
function niceSplit(total: number, weights: readonly number[], caps: readonly number[], floors: readonly number[]): number[] {
  const shares = proportional(total, weights, caps);
  const v = shares.map((s, i) => Math.min(caps[i]!, Math.max(floors[i]!, nice(s))));
  let residue = total - sum(v);
  const order = shares.map((s, i) => [i, s] as const).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  for (const reach of [0.05, 0.2, 0.6]) {
    for (const [i] of order) {
      if (residue === 0) break;
      const vi = v[i]!;
      const d =
        residue > 0
          ? Math.min(residue, caps[i]! - vi, Math.floor(vi * reach))
          : Math.max(residue, floors[i]! - vi, -Math.floor(vi * reach));
      v[i] = vi + d;
      residue -= d;
    }
  }
  return residue === 0 ? v : largestRemainder(total, shares, caps);
}

// ---------------------------------------------------------------------------------------------------------------
// Days, without touching Date (months.ts owns that).

const BATCH_DAYS: ReadonlySet<Day> = new Set(DEMO_BATCHES.map((b) => b.heldOn));

function dayNo(day: Day): number {
  return Number(day.slice(8, 10));
}

function makeDay(month: Month, n: number): Day {
  return `${month}-${String(n).padStart(2, '0')}`;
}

function firstDay(month: Month): Day {
  return makeDay(month, 1);
}

/**
 * A day between two days, both included, never a batch day (a batch counts only its own projects);
 * months are drawn uniformly, then a day within the month's part of the range.
 */
function dayBetween(rng: Rng, from: Day, to: Day): Day {
  if (from > to) throw new RangeError(`empty range ${from}..${to}`);
  for (let attempt = 0; attempt < 20; attempt++) {
    const month = rng.pick(monthRange(monthOfDay(from), monthOfDay(to)));
    const lo = month === monthOfDay(from) ? dayNo(from) : 1;
    const hi = month === monthOfDay(to) ? dayNo(to) : dayNo(lastDayOfMonth(month));
    const day = makeDay(month, rng.int(lo, hi));
    if (!BATCH_DAYS.has(day)) return day;
  }
  return from;
}

// ---------------------------------------------------------------------------------------------------------------
// The plan of the demo: every project as plain data before it touches the database.

interface Spec extends Pick<NamedProject, 'group' | 'name' | 'owner' | 'town' | 'chain' | 'industry' | 'category' | 'construction'> {
  /** 万元: fixed by hand, or null to be drawn from `size`. */
  fixedTotal: number | null;
  /** Relative size (万元) the generated totals are scaled from. */
  size: number;
  /** Most a generated total may grow to (万元): three times the top of its kind's range. */
  sizeCap: number;
  gov: boolean;
  approval: ApprovalKind | null;
  codeRegion: string;
  unitName: string;
  leaderName: string | null | undefined;
  landMu: number | null;
  batch: DemoBatchRole | null;
  stage: NonNullable<NamedProject['stage']> | null;
  notStarted: NonNullable<NamedProject['notStarted']> | null;
  startMonth: Month | null;
  notes: string | null;
  fund: NonNullable<NamedProject['fund']> | null;
}

/** A project ready to be written: the domain row (names still to be resolved to ids), its years, months and batches. */
export interface DemoProjectData {
  project: Omit<Project, 'id' | 'leaderId' | 'unitId' | 'createdAt' | 'updatedAt' | 'version'>;
  leaderName: string | null;
  unitName: string;
  years: ProjectYear[];
  months: MonthlyCompletion[];
  batches: { heldOn: Day; kind: BatchKind }[];
  fund: { kind: 'specialBond' | 'centralBudget'; amount: number; notes: string } | null;
}

function logUniform(rng: Rng, [lo, hi]: readonly [number, number]): number {
  return Math.exp(rng.between(Math.log(lo), Math.log(hi)));
}

function landIn(rng: Rng, range: readonly [number, number] | undefined, construction: ConstructionType): number | null {
  if (!range || construction === 'technicalUpgrade' || construction === 'renovation') return null;
  return Math.round(rng.between(range[0], range[1]) * 10) / 10;
}

function fromNamed(n: NamedProject): Spec {
  return {
    group: n.group,
    name: n.name,
    owner: n.owner,
    town: n.town,
    chain: n.chain,
    industry: n.industry,
    category: n.category,
    construction: n.construction,
    fixedTotal: n.total,
    size: n.total,
    sizeCap: n.total,
    gov: n.gov ?? false,
    approval: n.approval ?? null,
    codeRegion: n.codeRegion ?? DEMO_REGION,
    unitName: n.unit ?? (n.town ? townOffice(n.town) : '发展和改革局'),
    leaderName: n.leader,
    landMu: n.landMu ?? null,
    batch: n.batch ?? null,
    stage: n.stage ?? null,
    notStarted: n.notStarted ?? null,
    startMonth: n.startMonth ?? null,
    notes: n.notes ?? null,
    fund: n.fund ?? null,
  };
}

/** What a drawn project (not one written out by hand) never has: its story is all in the draw. */
const GENERATED = {
  fixedTotal: null,
  codeRegion: DEMO_REGION,
  leaderName: undefined,
  batch: null,
  stage: null,
  notStarted: null,
  startMonth: null,
  notes: null,
  fund: null,
} as const satisfies Partial<Spec>;

/** A town's small public works, drawn from the templates without repeating a (town, template) pair. */
function townSpecs(rng: Rng, count: number, taken: Set<string>): Spec[] {
  const pairs = TOWNS.flatMap((town) => TOWN_TEMPLATES.filter((t) => !t.notIn?.includes(town)).map((t) => ({ town, t })));
  const out: Spec[] = [];
  for (const { town, t } of rng.shuffle(pairs)) {
    if (out.length === count) break;
    const name = `襄垣县${town}${t.label}`;
    if (taken.has(name)) continue;
    taken.add(name);
    const owner = t.owner === 'town' ? `襄垣县${town}人民政府` : t.owner === 'clinic' ? `襄垣县${town}卫生院` : t.owner;
    out.push({
      group: 'newStart',
      name,
      owner,
      town,
      chain: t.chain,
      industry: t.industry,
      category: t.category,
      construction: t.construction,
      size: logUniform(rng, t.size),
      sizeCap: t.size[1] * SIZE_STRETCH,
      gov: true,
      approval: 'approval',
      unitName: t.unit ?? townOffice(town),
      landMu: landIn(rng, t.land, t.construction),
      ...GENERATED,
    });
  }
  return out;
}

/**
 * 责任单位: the zone's office for everything in the zone, a department for its own works, and for companies the
 * town's office or the trade's department about equally.
 */
function answeringUnit(rng: Rng, trade: OwnerTrade, town: DemoTown | null): string {
  if (town === '经开区') return townOffice(town);
  if (trade.unit && (trade.gov || !town || rng.chance(0.5))) return trade.unit;
  return town ? townOffice(town) : '发展和改革局';
}

/** Projects of the county's builders, each owner within its limit, each name once. */
function ownerSpecs(rng: Rng, count: number, taken: Set<string>, perOwner: Map<string, number>): Spec[] {
  const combos = DEMO_OWNERS.flatMap((owner) => {
    const trade: OwnerTrade = TRADES[owner.trade];
    return trade.kinds.map((kind) => ({ owner, trade, kind }));
  });
  const out: Spec[] = [];
  const perLabel = new Map<string, number>();
  for (const { owner, trade, kind } of rng.shuffle(combos)) {
    if (out.length === count) break;
    const name = trade.nameStyle === 'county' ? `襄垣县${kind.label}` : `${owner.name}${kind.label}`;
    const used = perOwner.get(owner.name) ?? 0;
    const repeats = perLabel.get(kind.label) ?? 0;
    if (taken.has(name) || used >= owner.max || repeats >= MAX_SAME_KIND) continue;
    taken.add(name);
    perOwner.set(owner.name, used + 1);
    perLabel.set(kind.label, repeats + 1);
    const town = trade.countyWide ? null : owner.town;
    const unitName = answeringUnit(rng, trade, town);
    out.push({
      group: 'newStart',
      name,
      owner: owner.name,
      town,
      chain: trade.chain,
      industry: kind.industry,
      category: kind.category ?? trade.category,
      construction: kind.construction,
      size: logUniform(rng, kind.size),
      sizeCap: kind.size[1] * SIZE_STRETCH,
      gov: trade.gov ?? false,
      approval: null,
      unitName,
      landMu: landIn(rng, kind.land, kind.construction),
      ...GENERATED,
    });
  }
  if (out.length < count) throw new RangeError(`the owner catalogue yields ${out.length} projects, ${count} needed`);
  return out;
}

/** Every project of the demo, with the group of each settled so the counts are seed 000's. */
function demoSpecs(rng: Rng): Spec[] {
  const named = NAMED_PROJECTS.map(fromNamed);
  const taken = new Set(named.map((s) => s.name));
  const perOwner = new Map<string, number>();
  for (const s of named) perOwner.set(s.owner, (perOwner.get(s.owner) ?? 0) + 1);
  const namedCount = (g: DemoGroup) => named.filter((s) => s.group === g).length;
  const needContinuing = TARGETS.continuing.count - namedCount('continuing');
  const needNew = TARGETS.newStart.count - namedCount('newStart');
  const towns = townSpecs(rng, TOWN_PROJECT_COUNT, taken);
  const owners = ownerSpecs(rng, needContinuing + needNew - towns.length, taken, perOwner);
  // Larger projects are likelier to be carried over from earlier years: weighted sampling (Efraimidis–Spirakis).
  const generated = [...towns, ...owners];
  const keyed = generated.map((s) => ({ s, key: Math.pow(rng.float(), 1 / Math.sqrt(s.size)) }));
  keyed.sort((a, b) => b.key - a.key);
  keyed.forEach(({ s }, i) => {
    s.group = i < needContinuing ? 'continuing' : 'newStart';
  });
  return [...named, ...generated];
}

// ---------------------------------------------------------------------------------------------------------------
// Timelines: milestones in order (签约 ≤ 供地 ≤ 施工许可 ≤ 开工), the year's resumption, completion and production.

type Timeline = Pick<Project, 'stage' | Milestone> & { resumedOn: Day | null };

// Works along a line or on open land do not take a 建筑工程施工许可证.
const NO_BUILDING_PERMIT = new Set(['01', '03', '06', '44', '45', '46', '48', '53', '63', '76', '77']);

function needsPermit(s: Spec): boolean {
  return s.construction !== 'technicalUpgrade' && !NO_BUILDING_PERMIT.has(s.industry);
}

function needsLand(s: Spec): boolean {
  return s.landMu !== null && s.construction !== 'technicalUpgrade' && s.construction !== 'renovation';
}

/** Enterprise projects of new capacity are investment deals, most of them signed. */
function isDeal(s: Spec): boolean {
  return !s.gov && (s.construction === 'new' || s.construction === 'expansion' || s.construction === 'relocation');
}

function later(a: Day, b: Day): Day {
  return a > b ? a : b;
}

/** Signing, land and permit before `start`, in order; a fixed signing day (a batch's) bounds the others from below. */
function preStartMilestones(rng: Rng, s: Spec, start: Day, fixedSigned: Day | null, signProbability: number) {
  const startMonth = monthOfDay(start);
  const monthsBefore = (n: number) => firstDay(addMonths(startMonth, -n));
  const signedOn =
    fixedSigned ?? (isDeal(s) && rng.chance(signProbability) ? dayBetween(rng, monthsBefore(14), lastDayOfMonth(addMonths(startMonth, -3))) : null);
  const floor = signedOn ?? monthsBefore(8);
  // Land comes months before the start, the permit in its last weeks; drawn apart, then put in order.
  const land = needsLand(s) ? dayBetween(rng, later(floor, monthsBefore(6)), start) : null;
  const permit = needsPermit(s) ? dayBetween(rng, later(floor, monthsBefore(2)), start) : null;
  if (land && permit && land > permit) return { signedOn, landSuppliedOn: permit, permitOn: land };
  return { signedOn, landSuppliedOn: land, permitOn: permit };
}

function batchDay(role: DemoBatchRole | null, kind: DemoBatchRole['kind']): Day | null {
  if (!role || role.kind !== kind) return null;
  return DEMO_BATCHES[role.event - 1]!.heldOn;
}

function continuingTimeline(rng: Rng, s: Spec): Timeline {
  const operatingOn = batchDay(s.batch, 'operating');
  // A plant in production by the spring had started at least a year before; others started 2017–2020, most lately.
  const startYear = operatingOn
    ? operatingOn === '2021-01-01' ? 2019 : rng.pick([2019, 2020])
    : rng.weighted([[2017, 0.05], [2018, 0.15], [2019, 0.35], [2020, 0.45]] as const);
  const startMonth = `${startYear}-${String(startYear === 2020 ? rng.int(4, 9) : rng.int(3, 10)).padStart(2, '0')}`;
  const start = dayBetween(rng, firstDay(startMonth), lastDayOfMonth(startMonth));
  const pre = preStartMilestones(rng, s, start, null, 0.7);
  const t: Timeline = { stage: 'underway', ...pre, startedOn: start, suspendedOn: null, completedOn: null, operatingOn: null, resumedOn: null };
  if (operatingOn) {
    t.stage = 'operating';
    t.operatingOn = operatingOn;
    if (operatingOn === '2021-01-01') {
      t.completedOn = dayBetween(rng, '2020-12-01', '2020-12-28');
      t.resumedOn = operatingOn;
    } else {
      t.resumedOn = dayBetween(rng, '2021-02-22', '2021-03-05');
      t.completedOn = dayBetween(rng, t.resumedOn, '2021-03-20');
    }
    return t;
  }
  if (s.stage === 'suspended') {
    t.stage = 'suspended';
    t.resumedOn = dayBetween(rng, '2021-03-01', '2021-03-15');
    t.suspendedOn = dayBetween(rng, '2021-05-08', '2021-05-20');
    return t;
  }
  t.resumedOn = rng.weighted([
    [() => dayBetween(rng, '2021-02-20', '2021-02-28'), 0.25],
    [() => dayBetween(rng, '2021-03-01', '2021-03-31'), 0.6],
    [() => dayBetween(rng, '2021-04-01', '2021-04-15'), 0.15],
  ] as const)();
  if (s.stage === 'completed') {
    t.stage = 'completed';
    t.completedOn = dayBetween(rng, '2021-04-20', '2021-05-25');
  }
  return t;
}

function newStartTimeline(rng: Rng, s: Spec): Timeline {
  const empty = { suspendedOn: null, completedOn: null, operatingOn: null, resumedOn: null };
  const signedAtBatch = batchDay(s.batch, 'signed');
  if (s.notStarted) {
    const signedOn = signedAtBatch ?? (s.notStarted === 'land' ? dayBetween(rng, '2020-09-01', '2020-11-30') : null);
    const landSuppliedOn = s.notStarted === 'land' ? dayBetween(rng, '2021-03-01', '2021-03-31') : s.notStarted === 'permit' ? dayBetween(rng, '2021-02-01', '2021-02-28') : null;
    const permitOn = s.notStarted === 'permit' ? dayBetween(rng, '2021-05-10', '2021-05-20') : null;
    return { stage: 'preparing', signedOn, landSuppliedOn, permitOn, startedOn: null, ...empty };
  }
  const startedAtBatch = batchDay(s.batch, 'started');
  let start: Day;
  if (startedAtBatch) start = startedAtBatch;
  else {
    const month =
      s.startMonth ??
      rng.weighted([['2021-02', 0.04], ['2021-03', 0.26], ['2021-04', 0.38], ['2021-05', 0.32]] as const);
    // February works start after the Spring Festival (12 February 2021); a batch's signing precedes its start.
    const from = month === '2021-02' ? '2021-02-20' : signedAtBatch && monthOfDay(signedAtBatch) === month ? addDayAfter(signedAtBatch) : firstDay(month);
    start = dayBetween(rng, from, lastDayOfMonth(month));
  }
  const pre = preStartMilestones(rng, s, start, signedAtBatch, 0.6);
  const t: Timeline = { stage: 'underway', ...pre, startedOn: start, ...empty };
  if (s.stage === 'suspended') {
    t.stage = 'suspended';
    t.suspendedOn = dayBetween(rng, '2021-05-06', '2021-05-25');
  } else if (s.stage === 'completed') {
    t.stage = 'completed';
    t.completedOn = dayBetween(rng, start > '2021-05-01' ? start : '2021-05-01', '2021-05-28');
  }
  return t;
}

function addDayAfter(day: Day): Day {
  const month = monthOfDay(day);
  return dayNo(day) < dayNo(lastDayOfMonth(month)) ? makeDay(month, dayNo(day) + 1) : firstDay(addMonths(month, 1));
}

function timeline(rng: Rng, s: Spec): Timeline {
  switch (s.group) {
    case 'continuing':
      return continuingTimeline(rng, s);
    case 'newStart':
      return newStartTimeline(rng, s);
    case 'reserve':
      return { stage: 'planned', signedOn: null, landSuppliedOn: null, permitOn: null, startedOn: null, suspendedOn: null, completedOn: null, operatingOn: null, resumedOn: null };
    case 'cancelled':
      return {
        stage: 'cancelled',
        signedOn: isDeal(s) ? dayBetween(rng, '2020-07-01', '2020-10-31') : null,
        landSuppliedOn: null,
        permitOn: null,
        startedOn: null,
        suspendedOn: null,
        completedOn: null,
        operatingOn: null,
        resumedOn: null,
      };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 项目代码: the current shape from December 2020 (Shanxi switched by 30 November), the legacy one before.

const LEGACY_TYPE: Record<ApprovalKind, string> = { approval: '01', authorization: '02', filing: '03' };

function digits(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
}

function projectCode(rng: Rng, s: Spec, approval: ApprovalKind, issued: Month, used: Set<string>): string {
  for (;;) {
    let code: string;
    if (issued >= '2020-12') {
      const sector = approval === 'filing' ? '89' : '04';
      const type = s.construction === 'technicalUpgrade' ? '02' : '01';
      const check = rng.chance(0.1) ? String.fromCharCode(65 + rng.int(0, 25)) : String(rng.int(0, 9));
      code = `${issued.slice(2, 4)}${issued.slice(5, 7)}-${s.codeRegion}-${sector}-${type}-${digits(rng, 5)}${check}`;
    } else {
      code = `${issued.slice(0, 4)}-${s.codeRegion}-${s.industry}-${LEGACY_TYPE[approval]}-${digits(rng, 6)}`;
    }
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
}

/** When the code was issued: some months before the first milestone, never before the legacy shape existed (2017). */
function issueMonth(rng: Rng, s: Spec, t: Timeline): Month | null {
  if (s.group === 'reserve') return null;
  const first = [t.signedOn, t.landSuppliedOn, t.permitOn, t.startedOn].filter((d): d is Day => d !== null).sort()[0];
  let month: Month;
  if (first) month = addMonths(monthOfDay(first), -rng.int(1, 8));
  else if (s.group === 'cancelled') month = rng.pick(['2020-05', '2020-06', '2020-08', '2020-09']);
  else month = rng.pick(['2021-01', '2021-02', '2021-03', '2021-04']);
  return month < '2017-01' ? '2017-01' : month;
}

// ---------------------------------------------------------------------------------------------------------------
// Monthly figures: seasonal weights, January never reported (February carries 1–2月).

const WEIGHTS_2020: Record<string, number> = {
  '02': 0.3, '03': 0.7, '04': 1.0, '05': 1.1, '06': 1.2, '07': 1.1, '08': 1.1, '09': 1.2, '10': 1.1, '11': 0.8, '12': 0.6,
};
const WEIGHTS_2021: Record<string, number> = { '02': 0.45, '03': 0.9, '04': 1.2, '05': 1.35 };

/** The months a project reports in a year: from its first working month (February at the earliest) to `last`. */
function reportMonths(year: number, firstWorking: Day, last: Month): Month[] {
  const from = monthOfDay(firstWorking) < `${year}-02` ? `${year}-02` : monthOfDay(firstWorking);
  return from > last ? [] : monthRange(from, last);
}

function monthWeights(rng: Rng, months: readonly Month[]): number[] {
  return months.map((m) => {
    const table = m.startsWith('2020') ? WEIGHTS_2020 : WEIGHTS_2021;
    return (table[m.slice(5, 7)] ?? 1) * rng.between(0.7, 1.3);
  });
}

function sharesOfMonths(months: readonly Month[]): number {
  return sum(months.map((m) => (m.startsWith('2020') ? WEIGHTS_2020 : WEIGHTS_2021)[m.slice(5, 7)] ?? 1));
}

// ---------------------------------------------------------------------------------------------------------------

/** Share of the total planned for 2021: small projects finish within the year, large ones spread over several. */
function planRatio(rng: Rng, s: Spec, total: number, t: Timeline): number {
  const jitter = rng.between(0.8, 1.2);
  if (s.group === 'continuing') {
    if (t.stage === 'operating' || t.stage === 'completed') return rng.between(0.05, 0.18);
    return Math.min(0.6, Math.max(0.12, 0.55 - 0.08 * Math.log(total / 1_000))) * jitter;
  }
  const r = Math.min(1, Math.max(0.15, 0.95 - 0.1 * Math.log(total / 500))) * jitter;
  return t.startedOn ? r : r * 0.5;
}

/**
 * Weights for the generated totals: each keeps its drawn size and the gap to the seed's figure is shared in proportion
 * to size^1.5, so the large projects carry most of it (as they do in a real pool) and a village clinic stays a clinic.
 */
function totalWeights(target: number, sizes: readonly number[]): number[] {
  const gap = target - sum(sizes);
  if (gap <= 0) return [...sizes];
  const lift = sizes.map((x) => Math.pow(x, 1.5));
  const liftSum = sum(lift);
  return sizes.map((x, i) => x + (gap * lift[i]!) / liftSum);
}

/** Builds the whole demo as data: deterministic, no database needed. */
export function planDemo(): DemoProjectData[] {
  const rng = new Rng(SEED);
  const specs = demoSpecs(rng);

  // Totals: hand-set ones as written, generated ones scaled so each group's total is seed 000's.
  const totals = new Map<Spec, number>();
  for (const s of specs) if (s.fixedTotal !== null) totals.set(s, s.fixedTotal);
  for (const group of ['continuing', 'newStart'] as const) {
    const free = specs.filter((s) => s.group === group && s.fixedTotal === null);
    const fixed = sum(specs.filter((s) => s.group === group && s.fixedTotal !== null).map((s) => s.fixedTotal!));
    const values = niceSplit(
      TARGETS[group].total - fixed,
      totalWeights(TARGETS[group].total - fixed, free.map((s) => s.size)),
      free.map((s) => s.sizeCap),
      free.map(() => 100),
    );
    free.forEach((s, i) => totals.set(s, values[i]!));
  }
  const totalOf = (s: Spec) => totals.get(s)!;

  // A few generated projects have already finished: small new works done within the spring, continuing ones closed out.
  const finishable = specs.filter((s) => s.fixedTotal === null && s.group === 'newStart' && totalOf(s) < 800).slice(0, 3);
  for (const s of finishable) {
    s.stage = 'completed';
    s.startMonth = rng.pick(['2021-03', '2021-04']);
  }
  for (const s of specs.filter((x) => x.fixedTotal === null && x.group === 'continuing' && totalOf(x) < 3_000).slice(0, 2)) s.stage = 'completed';

  const timelines = new Map<Spec, Timeline>(specs.map((s) => [s, timeline(rng, s)]));
  const tl = (s: Spec) => timelines.get(s)!;

  // Annual plans of 2021, exact per group; continuing projects keep room for what they did before.
  const plans = new Map<Spec, number>();
  for (const group of ['continuing', 'newStart'] as const) {
    const list = specs.filter((s) => s.group === group);
    const caps = list.map((s) => {
      const total = totalOf(s);
      if (group === 'newStart') return s.notStarted ? Math.floor(total * 0.5) : total;
      const t = tl(s);
      return t.stage === 'operating' || t.stage === 'completed' ? Math.floor(total * 0.3) : Math.floor(total * 0.85);
    });
    const values = niceSplit(
      TARGETS[group].plan,
      list.map((s) => totalOf(s) * planRatio(rng, s, totalOf(s), tl(s))),
      caps,
      list.map(() => 1),
    );
    list.forEach((s, i) => plans.set(s, values[i]!));
  }
  for (const s of specs.filter((x) => x.group === 'cancelled')) plans.set(s, nice(totalOf(s) * rng.between(0.2, 0.3)));

  // 2021 year-to-date, exact per group, spread over the months each project worked; never above its plan.
  const months2021 = new Map<Spec, Month[]>();
  for (const s of specs) {
    const t = tl(s);
    const first = s.group === 'continuing' ? t.resumedOn : s.group === 'newStart' ? t.startedOn : null;
    if (!first) continue;
    const last = t.suspendedOn ? monthOfDay(t.suspendedOn) : t.completedOn && s.group === 'newStart' ? monthOfDay(t.completedOn) : DEMO_AS_OF;
    months2021.set(s, reportMonths(YEAR, first, last));
  }
  const ytd = new Map<Spec, number>();
  for (const group of ['continuing', 'newStart'] as const) {
    const list = specs.filter((s) => s.group === group && (months2021.get(s)?.length ?? 0) > 0);
    const full = sharesOfMonths(monthRange('2021-02', DEMO_AS_OF));
    const weights = list.map((s) => {
      const finishing = tl(s).stage === 'operating' || tl(s).stage === 'completed';
      return plans.get(s)! * (sharesOfMonths(months2021.get(s)!) / full) * (finishing ? 1.6 : rng.between(0.6, 1.4));
    });
    const values = split(TARGETS[group].ytd, weights, list.map((s) => plans.get(s)!));
    list.forEach((s, i) => ytd.set(s, values[i]!));
  }

  const usedCodes = new Set<string>();
  let refusedGiven = false;
  return specs.map((s): DemoProjectData => {
    const t = tl(s);
    const total = totalOf(s);
    const plan = plans.get(s) ?? 0;
    const approval: ApprovalKind = s.approval ?? (s.gov ? 'approval' : 'filing');
    const issued = issueMonth(rng, s, t);
    const withoutCode = issued === null || (s.gov && total < 1_000 && rng.chance(0.4)) || (s.notStarted === 'plain' && rng.chance(0.5));
    const code = withoutCode ? null : projectCode(rng, s, approval, issued, usedCodes);

    const years: ProjectYear[] = [];
    const months: MonthlyCompletion[] = [];
    const enteredAs: MonthlyCompletion['enteredAs'] = s.town === '经开区' ? 'ytd' : 'month';
    let completedBefore = 0;

    if (s.group === 'continuing') {
      const startedOn = t.startedOn!;
      const startYear = Number(startedOn.slice(0, 4));
      const finishing = t.stage === 'operating' || t.stage === 'completed';
      // Work done before 2021: all but this year's plan for a project finishing now, a share of the rest otherwise.
      const room = total - plan;
      const done = finishing ? room : Math.floor(room * Math.min(0.95, 0.35 + 0.12 * (2020 - startYear) + rng.between(0, 0.35)));
      const in2020 = startYear === 2020 ? done : Math.round(done * rng.between(0.3, 0.6));
      completedBefore = done - in2020;
      const plan2020 = Math.max(in2020, Math.min(total - completedBefore, nice(in2020 * rng.between(1.0, 1.3))));
      years.push({
        year: 2020,
        phase: startYear === 2020 ? 'newStart' : 'continuing',
        annualPlan: plan2020 * YUAN_PER_WAN,
        resumedOn: startYear === 2020 ? null : dayBetween(rng, '2020-03-02', '2020-03-31'),
      });
      const m2020 = reportMonths(2020, startYear === 2020 ? startedOn : '2020-02-01', '2020-12');
      split(in2020, monthWeights(rng, m2020)).forEach((v, i) => months.push({ month: m2020[i]!, completed: v * YUAN_PER_WAN, enteredAs }));
      years.push({ year: YEAR, phase: 'continuing', annualPlan: plan * YUAN_PER_WAN, resumedOn: t.resumedOn });
    } else if (s.group === 'newStart' || s.group === 'cancelled') {
      years.push({ year: YEAR, phase: 'newStart', annualPlan: plan * YUAN_PER_WAN, resumedOn: null });
    } else {
      years.push({ year: YEAR, phase: 'reserve', annualPlan: 0, resumedOn: null });
    }
    const m2021 = months2021.get(s) ?? [];
    const ytdValue = ytd.get(s) ?? 0;
    if (m2021.length > 0) {
      split(ytdValue, monthWeights(rng, m2021)).forEach((v, i) => months.push({ month: m2021[i]!, completed: v * YUAN_PER_WAN, enteredAs }));
    }

    // 入库: "先入库，后有数" — projects of 500 万元 and more, entered a month or so after they start.
    let statsEntry: StatsEntryStatus = 'none';
    let notes = s.notes;
    if (total >= 500 && t.startedOn) {
      if (s.group === 'continuing') statsEntry = 'entered';
      else {
        const m = monthOfDay(t.startedOn);
        statsEntry =
          m <= '2021-03' ? 'entered'
          : m === '2021-04' ? rng.weighted([['entered', 0.75], ['submitted', 0.25]] as const)
          : rng.weighted([['entered', 0.1], ['submitted', 0.5], ['preparing', 0.4]] as const);
        if (!refusedGiven && m === '2021-04' && s.fixedTotal === null && total < 3_000) {
          statsEntry = 'refused';
          notes = '施工合同签订主体与备案主体不一致，统计部门不予入库，正在补正材料';
          refusedGiven = true;
        }
      }
    } else if (s.notStarted === 'permit' || s.notStarted === 'land') statsEntry = 'preparing';

    return {
      project: {
        regionCode: DEMO_REGION,
        name: s.name,
        projectCode: code,
        approvalKind: s.group === 'reserve' ? null : approval,
        owner: s.owner,
        townshipCode: s.town ? DEMO_TOWN_CODES[s.town] : null,
        industryCode: s.industry,
        chain: s.chain,
        constructionType: s.construction,
        category: s.category,
        stage: t.stage,
        signedOn: t.signedOn,
        landSuppliedOn: t.landSuppliedOn,
        permitOn: t.permitOn,
        startedOn: t.startedOn,
        suspendedOn: t.suspendedOn,
        completedOn: t.completedOn,
        operatingOn: t.operatingOn,
        totalInvestment: total * YUAN_PER_WAN,
        completedBefore: completedBefore * YUAN_PER_WAN,
        statsEntry,
        landAreaMu: s.landMu,
        notes,
      },
      leaderName: s.leaderName === undefined ? chooseLeader(rng, s, total) : s.leaderName,
      unitName: s.unitName,
      years,
      months,
      batches: s.batch ? [{ heldOn: DEMO_BATCHES[s.batch.event - 1]!.heldOn, kind: s.batch.kind }] : [],
      fund: s.fund,
    };
  });
}

/** 包联: the chain's leader for most, the town's for many, a principal for the largest; small works often none. */
function chooseLeader(rng: Rng, s: Spec, total: number): string | null {
  if (total >= 100_000) return s.chain === '精细化工' || s.chain === '新材料' ? PRINCIPALS[0] : PRINCIPALS[1];
  if (total < 1_000 && rng.chance(0.5)) return null;
  const r = rng.float();
  if (r < 0.55) return CHAIN_LEADERS[s.chain];
  if (r < 0.9 && s.town) return TOWN_LEADERS[s.town];
  return rng.pick(DEMO_LEADERS).name;
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * Builds the demo county in one transaction: the county (initCounty, admin/demo1234), its leaders, the demo accounts,
 * the pool with its years and months, the two 2021 batch events and the fund applications; marks the database as a
 * demo (setting `demo` = 140423). Refuses when the county already holds projects or a demo account name is taken.
 */
export async function createDemo(db: Db, now: Date = new Date()): Promise<{ projects: number }> {
  const data = planDemo();
  const stamp = now.toISOString();
  // scrypt is slow on purpose: hash before the transaction so it holds no lock meanwhile.
  const hashes = new Map(DEMO_ACCOUNTS.filter((a) => a.username !== 'admin').map((a) => [a.username, hashPassword(a.password)]));

  return inTransaction(db, async (trx) => {
    const existing = await listProjects(trx, {
      regionCode: DEMO_REGION, year: YEAR, toMonth: DEMO_AS_OF, sort: 'name', order: 'asc', limit: 1, offset: 0,
    });
    if (existing.total > 0) {
      throw new AppError('conflict', `襄垣县（${DEMO_REGION}）已有${existing.total}个项目，不能再生成演示数据；请使用空数据库`);
    }
    for (const a of DEMO_ACCOUNTS) {
      if (await findUserByUsername(trx, a.username)) {
        throw new AppError('conflict', `账号“${a.username}”已存在，不能生成演示数据；演示账号需使用固定的用户名和密码`);
      }
    }

    await initCounty(trx, { regionCode: DEMO_REGION, adminUsername: 'admin', adminPassword: DEMO_PASSWORD }, now);
    await insertLeaders(trx, DEMO_LEADERS.map((l, i) => ({ id: newId(), regionCode: DEMO_REGION, name: l.name, title: l.title, sortOrder: i + 1 })));

    const [units, leaders] = await Promise.all([listUnits(trx, DEMO_REGION), listLeaders(trx, DEMO_REGION)]);
    const unitId = new Map(units.map((u) => [u.name, u.id]));
    const leaderId = new Map(leaders.map((l) => [l.name, l.id]));
    const idOf = (map: Map<string, string>, name: string, what: string): string => {
      const id = map.get(name);
      if (!id) throw new Error(`demo data names a ${what} that does not exist: ${name}`);
      return id;
    };

    for (const a of DEMO_ACCOUNTS) {
      if (a.username === 'admin') continue; // initCounty made it, with the same password
      await insertUser(trx, {
        id: newId(),
        username: a.username,
        displayName: a.displayName,
        passwordHash: hashes.get(a.username)!,
        role: a.role,
        regionCode: DEMO_REGION,
        unitId: 'unitName' in a ? idOf(unitId, a.unitName, 'unit') : null,
        leaderId: 'leaderName' in a ? idOf(leaderId, a.leaderName, 'leader') : null,
        disabled: false,
        createdAt: stamp,
      });
    }

    const ctx = await loadProjectContext(trx, DEMO_REGION);
    const projects: Project[] = data.map((d) => ({
      ...d.project,
      id: newId(),
      leaderId: d.leaderName === null ? null : idOf(leaderId, d.leaderName, 'leader'),
      unitId: idOf(unitId, d.unitName, 'unit'),
      createdAt: stamp,
      updatedAt: stamp,
      version: 1,
    }));
    projects.forEach((p, i) => {
      const problems = projectProblems({ ...p, years: data[i]!.years }, ctx);
      if (problems.length > 0) throw new Error(`demo project ${p.name} breaks the rules: ${problems.map((x) => x.message).join('；')}`);
    });

    for (const [i, p] of projects.entries()) {
      await insertProject(trx, p);
      await replaceProjectYears(trx, p.id, data[i]!.years);
      await upsertProjectMonths(trx, p.id, data[i]!.months);
    }
    const history: HistoryEntry[] = projects.map((p) => ({
      id: newId(), projectId: p.id, changedAt: stamp, userId: null, field: 'created', before: null, after: p.name,
    }));
    for (let i = 0; i < history.length; i += 200) await insertHistory(trx, history.slice(i, i + 200));
    await addDemoStatsEntry(trx, projects, now);
    await addDemoIndicators(trx, now);
    await addDemoSupervision(trx, projects);

    for (const b of DEMO_BATCHES) {
      const id = newId();
      await insertBatch(trx, { id, regionCode: DEMO_REGION, heldOn: b.heldOn, title: b.title });
      await insertBatchProjects(
        trx,
        id,
        data.flatMap((d, i) => d.batches.filter((x) => x.heldOn === b.heldOn).map((x) => ({ projectId: projects[i]!.id, kind: x.kind }))),
      );
    }

    const funds: FundApplication[] = data.flatMap((d, i) =>
      d.fund
        ? [{ id: newId(), projectId: projects[i]!.id, kind: d.fund.kind, year: YEAR, amount: d.fund.amount * YUAN_PER_WAN, status: 'submitted', notes: d.fund.notes }]
        : [],
    );
    await insertFundApplications(trx, funds);
    await putSetting(trx, 'demo', DEMO_REGION);
    return { projects: projects.length };
  });
}
