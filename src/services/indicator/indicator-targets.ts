// Annual targets: entered, read from a work report's text and confirmed, decomposed to townships (their own targets), (sources quoted in docs/sources.md)
// units and leaders (指标分解). A growth target is also shown as the absolute value it means.

import { unitFilter, writerId, type Actor } from '../../domain/access.ts';
import { invalidInput, notFound, type FieldIssue } from '../../domain/errors.ts';
import { roundHalfUp } from '../../domain/format.ts';
import { indicatorByCode, type IndicatorCode } from '../../domain/indicator/catalogue.ts';
import {
  AssignmentsInputSchema,
  ConfirmTargetsInputSchema,
  INDICATOR_FIELD_LABELS,
  ReadTargetsInputSchema,
  SaveTargetsInputSchema,
  TargetKeySchema,
  TargetListInputSchema,
  type AssignmentsInput,
  type ConfirmTargetsInput,
  type IndicatorTargetInput,
  type ReadTargetsInput,
  type SaveTargetsInput,
  type TargetKey,
  type TargetListInput,
} from '../../domain/indicator/indicator-input.ts';
import { absoluteTarget } from '../../domain/indicator/metrics.ts';
import { readTargets, type TargetProposal } from '../../domain/indicator/target-reader.ts';
import { indicatorTargetIssues, type TargetKind, type TargetQualifier } from '../../domain/indicator/values.ts';
import { makeMonth } from '../../domain/months.ts';
import { parseInput } from '../../domain/validation.ts';
import {
  findAssignments,
  findTargets,
  findValues,
  replaceAssignments,
  type AssigneeKind,
  type IndicatorTargetSource,
  type StoredIndicatorTarget,
} from '../../db/repositories/indicator.repository.ts';
import { listLeaders, listUnits } from '../../db/repositories/region.repository.ts';
import { inTransaction, type Db } from '../../db/transaction.ts';
import { assertCanEditIndicators, assertCanReadIndicators, batchProblems, byCatalogue, displayName, loadRegion, subRegions } from './indicator-access.ts';
import { removeIndicatorTarget, writeIndicatorTargets } from './indicator-writes.ts';

/** A target as the API shows it. */
export interface IndicatorTargetView {
  indicator: IndicatorCode;
  name: string;
  unit: string;
  region: string;
  regionName: string;
  year: number;
  kind: TargetKind;
  /** A fraction for a growth target, a whole number in the indicator's unit for an absolute one. */
  value: number;
  upper: number | null;
  qualifier: TargetQualifier | null;
  /** The absolute annual value the target means (a growth target on last year's annual value); null when last year's is missing. */
  absolute: number | null;
  source: IndicatorTargetSource;
  sourceText: string | null;
  updatedAt: string;
}

/** One share of a county's target given to a unit or a leader. */
export interface IndicatorAssignmentView {
  indicator: IndicatorCode;
  name: string;
  assigneeKind: AssigneeKind;
  assigneeId: string;
  assigneeName: string;
  amount: number | null;
  share: number | null;
  /** The amount, or the share of the county's absolute target; null when that is unknown. */
  absolute: number | null;
  note: string | null;
}

export interface IndicatorTargetList {
  region: string;
  regionName: string;
  year: number;
  targets: IndicatorTargetView[];
  /** The targets of the townships and zones (or a city's counties): the region's targets decomposed to them. */
  subRegions: IndicatorTargetView[];
  /** 指标分解 to units and leaders (a county's only); a reporter sees its own unit's. */
  assignments: IndicatorAssignmentView[];
}

async function lastYearAnnuals(db: Db, regions: readonly string[], year: number): Promise<Map<string, number>> {
  const december = makeMonth(year - 1, 12);
  const values = await findValues(db, { regions, fromMonth: december, toMonth: december });
  return new Map(values.map((v) => [`${v.indicator}|${v.region}`, v.value]));
}

function viewOf(t: StoredIndicatorTarget, regionName: string, annuals: Map<string, number>): IndicatorTargetView {
  const def = indicatorByCode(t.indicator);
  return {
    indicator: t.indicator,
    name: def.name,
    unit: def.unit,
    region: t.region,
    regionName,
    year: t.year,
    kind: t.kind,
    value: t.value,
    upper: t.upper,
    qualifier: t.qualifier,
    absolute: absoluteTarget(t, annuals.get(`${t.indicator}|${t.region}`) ?? null),
    source: t.source,
    sourceText: t.sourceText,
    updatedAt: t.updatedAt,
  };
}

/** The targets of a region in a year, those of the regions under it, and its decomposition to units and leaders. */
export async function listIndicatorTargets(db: Db, input: TargetListInput, actor: Actor): Promise<IndicatorTargetList> {
  const q = parseInput(TargetListInputSchema, input, INDICATOR_FIELD_LABELS);
  assertCanReadIndicators(actor, q.region);
  const region = await loadRegion(db, q.region);
  const children = await subRegions(db, region.code);
  const names = new Map([region, ...children].map((r) => [r.code, displayName(r)]));
  const codes = [region.code, ...children.map((c) => c.code)];
  const [targets, annuals] = await Promise.all([findTargets(db, { regions: codes, year: q.year }), lastYearAnnuals(db, codes, q.year)]);
  // Stable sorts: by catalogue order, the repository's region order kept within an indicator.
  const views = targets.map((t) => viewOf(t, names.get(t.region) ?? t.region, annuals)).sort(byCatalogue);
  const own = views.filter((t) => t.region === region.code);

  let assignments: IndicatorAssignmentView[] = [];
  if (region.level === 'county') {
    const stored = await findAssignments(db, { region: region.code, year: q.year, unitId: unitFilter(actor) ?? undefined });
    const [units, leaders] = await Promise.all([listUnits(db, region.code), listLeaders(db, region.code)]);
    const nameOf = new Map<string, string>([...units.map((u) => [`unit|${u.id}`, u.name] as const), ...leaders.map((l) => [`leader|${l.id}`, l.name] as const)]);
    assignments = [...stored].sort(byCatalogue).map((a) => {
      const countyTarget = own.find((t) => t.indicator === a.indicator)?.absolute ?? null;
      return {
        indicator: a.indicator,
        name: indicatorByCode(a.indicator).name,
        assigneeKind: a.assigneeKind,
        assigneeId: a.assigneeId,
        assigneeName: nameOf.get(`${a.assigneeKind}|${a.assigneeId}`) ?? a.assigneeId,
        amount: a.amount,
        share: a.share,
        absolute: a.amount ?? (a.share !== null && countyTarget !== null ? roundHalfUp(a.share * countyTarget, 0) : null),
        note: a.note,
      };
    });
  }
  return { region: region.code, regionName: displayName(region), year: q.year, targets: own, subRegions: views.filter((t) => t.region !== region.code), assignments };
}

/** What is wrong with targets, each naming its item (`targets.1.value`): the domain's rules, the region, the right to change it. */
async function targetProblems(db: Db, targets: readonly IndicatorTargetInput[], actor: Actor, path = 'targets'): Promise<FieldIssue[]> {
  const own = (t: IndicatorTargetInput): FieldIssue[] => {
    const issues = indicatorTargetIssues(t);
    const hasUpper = t.upper !== null && t.upper !== undefined;
    if (t.qualifier === 'range' && !hasUpper) issues.push({ field: 'upper', message: '区间目标须写明上限' });
    if (t.qualifier !== 'range' && hasUpper) issues.push({ field: 'upper', message: '只有区间目标才有上限' });
    if (t.kind === 'absolute' && hasUpper && !Number.isSafeInteger(t.upper)) issues.push({ field: 'upper', message: '区间上限应为整数' });
    return issues;
  };
  return batchProblems(db, targets, actor, { path, noun: '目标', own, period: (t) => String(t.year), periodField: 'indicator', periodWord: '年份' });
}

async function writeTargets(db: Db, targets: readonly IndicatorTargetInput[], actor: Actor, now: Date, source: IndicatorTargetSource): Promise<void> {
  const stamp = now.toISOString();
  await writeIndicatorTargets(
    db,
    targets.map((t) => ({
      indicator: t.indicator,
      region: t.region,
      year: t.year,
      kind: t.kind,
      value: t.value,
      upper: t.upper ?? null,
      qualifier: t.qualifier ?? null,
      source,
      sourceText: t.sourceText ?? null,
      updatedAt: stamp,
      updatedBy: writerId(actor),
    })),
    actor,
    now,
  );
}

/**
 * Enters or replaces annual targets, all or nothing: a growth rate as a fraction (0.085) or an absolute value in the
 * indicator's unit. A township's target is the county's target decomposed to it.
 */
export async function saveIndicatorTargets(db: Db, input: SaveTargetsInput, actor: Actor, now: Date = new Date()): Promise<{ saved: number }> {
  const q = parseInput(SaveTargetsInputSchema, input, INDICATOR_FIELD_LABELS);
  for (const t of q.targets) assertCanEditIndicators(actor, t.region);
  const issues = await targetProblems(db, q.targets, actor);
  if (issues.length > 0) throw invalidInput(issues);
  await writeTargets(db, q.targets, actor, now, 'entered');
  return { saved: q.targets.length };
}

export async function deleteIndicatorTarget(db: Db, input: TargetKey, actor: Actor, now: Date = new Date()): Promise<{ deleted: true }> {
  const key = parseInput(TargetKeySchema, input, INDICATOR_FIELD_LABELS);
  assertCanEditIndicators(actor, key.region);
  if (!(await removeIndicatorTarget(db, key, actor, now))) throw notFound(`${indicatorByCode(key.indicator).name} ${key.region} ${key.year}年的目标`);
  return { deleted: true };
}

/** A target found in a report's text, with what is stored for that indicator now. */
export interface TargetProposalView extends TargetProposal {
  name: string;
  unit: string;
  existing: IndicatorTargetView | null;
}

/**
 * Reads a government work report's text and proposes the year's targets (the 2021 work report: "地区生产总值增长8%，固定资产投资增长
 * 8.5%…"), each with the words it came from and the target stored now. Nothing is saved: {@link confirmTargets} does.
 */
export async function proposeTargets(db: Db, input: ReadTargetsInput, actor: Actor): Promise<{ region: string; year: number; proposals: TargetProposalView[] }> {
  const q = parseInput(ReadTargetsInputSchema, input, INDICATOR_FIELD_LABELS);
  assertCanEditIndicators(actor, q.region);
  const region = await loadRegion(db, q.region);
  const [stored, annuals] = await Promise.all([findTargets(db, { regions: [region.code], year: q.year }), lastYearAnnuals(db, [region.code], q.year)]);
  const proposals = readTargets(q.text, { year: q.year }).map((p) => {
    const def = indicatorByCode(p.indicator);
    const existing = stored.find((t) => t.indicator === p.indicator);
    return { ...p, name: def.name, unit: def.unit, existing: existing ? viewOf(existing, displayName(region), annuals) : null };
  });
  return { region: region.code, year: q.year, proposals };
}

/** Saves the targets the user confirmed from a report, with the words each was read from. */
export async function confirmTargets(db: Db, input: ConfirmTargetsInput, actor: Actor, now: Date = new Date()): Promise<{ saved: number }> {
  const q = parseInput(ConfirmTargetsInputSchema, input, INDICATOR_FIELD_LABELS);
  assertCanEditIndicators(actor, q.region);
  const targets = q.targets.map((t) => ({ ...t, region: q.region, year: q.year }));
  const issues = await targetProblems(db, targets, actor);
  if (issues.length > 0) throw invalidInput(issues);
  await writeTargets(db, targets, actor, now, 'report');
  return { saved: targets.length };
}

/**
 * Replaces the decomposition (指标分解) of one indicator of a county in a year to its units and leaders: each an
 * amount in the indicator's unit or a share of the county's target, never both; shares add up to 100% at most.
 */
export async function saveAssignments(db: Db, input: AssignmentsInput, actor: Actor, now: Date = new Date()): Promise<{ saved: number }> {
  const q = parseInput(AssignmentsInputSchema, input, INDICATOR_FIELD_LABELS);
  assertCanEditIndicators(actor, q.region);
  const region = await loadRegion(db, q.region);
  if (region.level !== 'county') throw invalidInput([{ field: 'region', message: '指标分解到单位和领导须在县一级进行' }]);
  const [units, leaders] = await Promise.all([listUnits(db, region.code), listLeaders(db, region.code)]);
  const ids = { unit: new Set(units.map((u) => u.id)), leader: new Set(leaders.map((l) => l.id)) };
  const def = indicatorByCode(q.indicator);
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  let shares = 0;
  for (const [i, a] of q.assignments.entries()) {
    const at = (field: string, message: string) => issues.push({ field: `assignments.${i}.${field}`, message: `第${i + 1}条：${message}` });
    if (!ids[a.assigneeKind].has(a.assigneeId)) at('assigneeId', a.assigneeKind === 'unit' ? '不是本县的单位' : '不是本县的包联领导');
    const key = `${a.assigneeKind}|${a.assigneeId}`;
    if (seen.has(key)) at('assigneeId', '同一单位或领导出现了两次');
    seen.add(key);
    const amount = a.amount ?? null;
    const share = a.share ?? null;
    if ((amount === null) === (share === null)) at('amount', '须填写分解数额或比例中的一项');
    if (amount !== null && (!Number.isSafeInteger(amount) || amount <= 0)) at('amount', `分解数额应为正整数（单位：${def.unit}）`);
    if (share !== null) {
      if (!(Number.isFinite(share) && share > 0 && share <= 1)) at('share', '分解比例应在0到100%之间');
      else shares += share;
    }
  }
  if (shares > 1 + 1e-9) issues.push({ field: 'assignments', message: '分解比例合计超过100%' });
  if (issues.length > 0) throw invalidInput(issues);
  const stamp = now.toISOString();
  await inTransaction(db, (trx) =>
    replaceAssignments(
      trx,
      { indicator: q.indicator, region: region.code, year: q.year },
      q.assignments.map((a) => ({
        indicator: q.indicator,
        region: region.code,
        year: q.year,
        assigneeKind: a.assigneeKind,
        assigneeId: a.assigneeId,
        amount: a.amount ?? null,
        share: a.share ?? null,
        note: a.note ?? null,
        updatedAt: stamp,
        updatedBy: writerId(actor),
      })),
    ),
  );
  return { saved: q.assignments.length };
}
