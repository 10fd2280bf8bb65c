// Plan curves (时序进度 other than month ÷ 12, per indicator or per project category) and the ranks a county enters by
// hand when the deployment does not hold its city's other units.

import { writerId, type Actor } from '../../domain/access.ts';
import { invalidInput, type FieldIssue } from '../../domain/errors.ts';
import { indicatorByCode, isIndicatorCode, type IndicatorCode } from '../../domain/indicator/catalogue.ts';
import {
  INDICATOR_FIELD_LABELS,
  IndicatorReportInputSchema,
  PlanCurvesInputSchema,
  RanksInputSchema,
  TargetListInputSchema,
  type IndicatorReportInput,
  type PlanCurvesInput,
  type RanksInput,
  type TargetListInput,
} from '../../domain/indicator/indicator-input.ts';
import { planCurveProblem } from '../../domain/indicator/values.ts';
import { parseInput } from '../../domain/validation.ts';
import {
  deletePlanCurve,
  findEnteredRanks,
  findPlanCurves,
  upsertEnteredRanks,
  upsertPlanCurves,
  type PlanCurveSubjectKind,
} from '../../db/repositories/indicator.repository.ts';
import { findRegion } from '../../db/repositories/region.repository.ts';
import { inTransaction, type Db } from '../../db/transaction.ts';
import { assertCanEditIndicators, assertCanReadIndicators, byCatalogue, canEditIndicators, loadRegion } from './indicator-access.ts';

export interface PlanCurveView {
  subjectKind: PlanCurveSubjectKind;
  subject: string;
  /** The indicator's name for an indicator's curve, the category itself otherwise. */
  label: string;
  region: string;
  year: number;
  /** 12 cumulative fractions, January to December. */
  shares: number[];
}

/** The plan curves of a region for a year. */
export async function listPlanCurves(db: Db, input: TargetListInput, actor: Actor): Promise<{ region: string; year: number; curves: PlanCurveView[] }> {
  const q = parseInput(TargetListInputSchema, input, INDICATOR_FIELD_LABELS);
  assertCanReadIndicators(actor, q.region);
  const region = await loadRegion(db, q.region);
  const curves = await findPlanCurves(db, { regions: [region.code], year: q.year });
  return {
    region: region.code,
    year: q.year,
    curves: curves.map((c) => ({
      subjectKind: c.subjectKind,
      subject: c.subject,
      label: c.subjectKind === 'indicator' && isIndicatorCode(c.subject) ? indicatorByCode(c.subject).name : c.subject,
      region: c.region,
      year: c.year,
      shares: c.shares,
    })),
  };
}

/**
 * Sets or removes plan curves of a region for a year: 12 cumulative shares, never decreasing, ending at 100%
 * (e.g. 续建 projects 60% of the year's plan by June). An indicator's curve replaces month ÷ 12 in its 时序进度.
 */
export async function savePlanCurves(db: Db, input: PlanCurvesInput, actor: Actor, now: Date = new Date()): Promise<{ saved: number; removed: number }> {
  const q = parseInput(PlanCurvesInputSchema, input, INDICATOR_FIELD_LABELS);
  assertCanEditIndicators(actor, q.region);
  const region = await loadRegion(db, q.region);
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  for (const [i, c] of q.curves.entries()) {
    const at = (field: string, message: string) => issues.push({ field: `curves.${i}.${field}`, message: `第${i + 1}条：${message}` });
    if (c.subjectKind === 'indicator' && !isIndicatorCode(c.subject)) at('subject', `不认识的指标代码：${c.subject}`);
    if (c.shares) {
      const problem = planCurveProblem(c.shares);
      if (problem) at('shares', problem);
    }
    const key = `${c.subjectKind}|${c.subject}`;
    if (seen.has(key)) at('subject', '同一指标或类别出现了两次');
    seen.add(key);
  }
  if (issues.length > 0) throw invalidInput(issues);
  const stamp = now.toISOString();
  let removed = 0;
  await inTransaction(db, async (trx) => {
    for (const c of q.curves.filter((x) => x.shares === null)) {
      if (await deletePlanCurve(trx, { subjectKind: c.subjectKind, subject: c.subject, region: region.code, year: q.year })) removed++;
    }
    await upsertPlanCurves(
      trx,
      q.curves.flatMap((c) =>
        c.shares ? [{ subjectKind: c.subjectKind, subject: c.subject, region: region.code, year: q.year, shares: c.shares, updatedAt: stamp, updatedBy: writerId(actor) }] : [],
      ),
    );
  });
  return { saved: q.curves.filter((c) => c.shares !== null).length, removed };
}

export interface EnteredRankView {
  indicator: IndicatorCode;
  name: string;
  region: string;
  month: string;
  rankInCity: number | null;
  cityPeerCount: number | null;
  rankAmongCounties: number | null;
  countyPeerCount: number | null;
  updatedAt: string;
}

/** The ranks entered by hand for a region and month. */
export async function listEnteredRanks(db: Db, input: IndicatorReportInput, actor: Actor): Promise<{ region: string; asOf: string; ranks: EnteredRankView[] }> {
  const q = parseInput(IndicatorReportInputSchema, input, INDICATOR_FIELD_LABELS);
  assertCanReadIndicators(actor, q.region);
  const region = await loadRegion(db, q.region);
  const ranks = await findEnteredRanks(db, { regions: [region.code], fromMonth: q.asOf, toMonth: q.asOf });
  return {
    region: region.code,
    asOf: q.asOf,
    ranks: ranks.sort(byCatalogue).map((r) => ({
      indicator: r.indicator,
      name: indicatorByCode(r.indicator).name,
      region: r.region,
      month: r.month,
      rankInCity: r.rankInCity,
      cityPeerCount: r.cityPeerCount,
      rankAmongCounties: r.rankAmongCounties,
      countyPeerCount: r.countyPeerCount,
      updatedAt: r.updatedAt,
    })),
  };
}

/**
 * Enters the ranks the city published ("累计增速在全市12个单位排第3位、8县(市)排第2位") for regions whose peers the
 * deployment does not hold; ranks computed from the data win over them. Both ranks empty removes an entry.
 */
export async function saveEnteredRanks(db: Db, input: RanksInput, actor: Actor, now: Date = new Date()): Promise<{ saved: number }> {
  const q = parseInput(RanksInputSchema, input, INDICATOR_FIELD_LABELS);
  for (const r of q.ranks) assertCanEditIndicators(actor, r.region);
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  for (const [i, r] of q.ranks.entries()) {
    const at = (field: string, message: string) => issues.push({ field: `ranks.${i}.${field}`, message: `第${i + 1}条：${message}` });
    if (!(await findRegion(db, r.region))) at('region', `地区 ${r.region} 不存在`);
    else if (!canEditIndicators(actor, r.region)) at('region', `无权修改地区 ${r.region} 的排名`);
    if (r.rankInCity !== null && r.cityPeerCount != null && r.rankInCity > r.cityPeerCount) at('rankInCity', '名次不能大于参与排名的单位数');
    if (r.rankAmongCounties !== null && r.countyPeerCount != null && r.rankAmongCounties > r.countyPeerCount) at('rankAmongCounties', '名次不能大于参与排名的县（市）数');
    const key = `${r.indicator}|${r.region}|${r.month}`;
    if (seen.has(key)) at('month', '同一指标、地区和月份出现了两次');
    seen.add(key);
  }
  if (issues.length > 0) throw invalidInput(issues);
  const stamp = now.toISOString();
  await inTransaction(db, (trx) =>
    upsertEnteredRanks(
      trx,
      q.ranks.map((r) => ({
        indicator: r.indicator,
        region: r.region,
        month: r.month,
        rankInCity: r.rankInCity,
        cityPeerCount: r.cityPeerCount ?? null,
        rankAmongCounties: r.rankAmongCounties,
        countyPeerCount: r.countyPeerCount ?? null,
        updatedAt: stamp,
        updatedBy: writerId(actor),
      })),
    ),
  );
  return { saved: q.ranks.length };
}
