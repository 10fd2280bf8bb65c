// The demo's projects as specifications: the named ones by hand, the town works and builders' projects drawn. Sources quoted in docs/sources.md.

import type { Day, Month } from '../../domain/months.ts';
import type { ApprovalKind, BatchKind, ConstructionType, MonthlyCompletion, Project, ProjectYear } from '../../domain/project/project.ts';
import { SeededRandom } from '../../domain/seeded-random.ts';
import { DEMO_REGION } from '../county.ts';
import { TARGETS, TOWN_PROJECT_COUNT, MAX_SAME_KIND, SIZE_STRETCH } from './settings.ts';
import { NAMED_PROJECTS } from './named-projects.ts';
import { DEMO_OWNERS, TRADES, type OwnerTrade } from './owners.ts';
import { TOWN_TEMPLATES, TOWNS } from './town-projects.ts';
import { townOffice, type DemoBatchRole, type DemoGroup, type DemoTown, type NamedProject } from './types.ts';

export interface Spec extends Pick<NamedProject, 'group' | 'name' | 'owner' | 'town' | 'chain' | 'industry' | 'category' | 'construction'> {
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
  project: Omit<Project, 'id' | 'leaderIds' | 'unitId' | 'createdAt' | 'updatedAt' | 'version'>;
  leaderName: string | null;
  unitName: string;
  years: ProjectYear[];
  months: MonthlyCompletion[];
  batches: { heldOn: Day; kind: BatchKind }[];
  fund: { kind: 'specialBond' | 'centralBudget'; amount: number; notes: string } | null;
}

export function logUniform(rng: SeededRandom, [lo, hi]: readonly [number, number]): number {
  return Math.exp(rng.between(Math.log(lo), Math.log(hi)));
}

export function landIn(rng: SeededRandom, range: readonly [number, number] | undefined, construction: ConstructionType): number | null {
  if (!range || construction === 'technicalUpgrade' || construction === 'renovation') return null;
  return Math.round(rng.between(range[0], range[1]) * 10) / 10;
}

export function fromNamed(n: NamedProject): Spec {
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
export const GENERATED = {
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
export function townSpecs(rng: SeededRandom, count: number, taken: Set<string>): Spec[] {
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
export function answeringUnit(rng: SeededRandom, trade: OwnerTrade, town: DemoTown | null): string {
  if (town === '经开区') return townOffice(town);
  if (trade.unit && (trade.gov || !town || rng.chance(0.5))) return trade.unit;
  return town ? townOffice(town) : '发展和改革局';
}

/** Projects of the county's builders, each owner within its limit, each name once. */
export function ownerSpecs(rng: SeededRandom, count: number, taken: Set<string>, perOwner: Map<string, number>): Spec[] {
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

/** Every project of the demo, with the group of each settled so the counts are the pool report's. */
export function demoSpecs(rng: SeededRandom): Spec[] {
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
