// Indicator values, targets, their decomposition, plan curves and entered ranks; and the pool projects an indicator
// drawn from the pool adds up. Rates are stored as whole millionths of the fraction and become fractions here.

import { sql, type Kysely } from 'kysely';
import type { IndicatorCode } from '../../domain/indicator/catalogue.ts';
import type { IndicatorTarget, IndicatorValue, TargetKind, TargetQualifier } from '../../domain/indicator/values.ts';
import { roundHalfUp } from '../../domain/format.ts';
import { toYuan, toYuanOrNull } from '../../domain/money.ts';
import type { PoolBounds } from '../../domain/pool/pool-membership.ts';
import type { ConstructionType, StatsEntryStatus } from '../../domain/project/project.ts';
import type { Database } from '../schema.ts';
import { withCompletedBetween } from './completion.repository.ts';
import { inRegion } from './county-key.ts';
import { whereInPool, yearsWithProjects } from './pool.repository.ts';
import { countyRange } from './scope.ts';

type Db = Kysely<Database>;

/** Where a stored value came from: typed in a form, read from an Excel sheet, or drawn from the project pool. */
export type IndicatorValueSource = 'entered' | 'imported' | 'pool';
/** Where a target came from: typed in, confirmed from a work report's text, or imported. */
export type IndicatorTargetSource = 'entered' | 'report' | 'imported';

/**
 * A fraction as whole millionths, rounded half away from zero on its decimal form, so 0.148 is 148 000 exactly.
 * Six decimals of a fraction are four of a percent: more than any statistics office publishes.
 */
export function toPpm(fraction: number): number {
  return Math.round(Number(`${roundHalfUp(fraction, 6)}e6`));
}

/** Whole millionths back to the fraction they were written from: 148 000 → 0.148. */
export function fromPpm(ppm: number): number {
  return Number(`${ppm}e-6`);
}

function ppmOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : fromPpm(toYuan(value));
}

// ---------------------------------------------------------------------------------------------------------------
// Values

export interface StoredIndicatorValue extends IndicatorValue {
  officialYoy: number | null;
  source: IndicatorValueSource;
  updatedAt: string;
  updatedBy: string | null;
}

export interface ValueQuery {
  regions: readonly string[];
  /** Both included, 'YYYY-MM'. */
  fromMonth: string;
  toMonth: string;
  indicators?: readonly IndicatorCode[];
}

/** The values of some regions over a window of months, ordered by indicator, region and month. */
export async function findValues(db: Db, q: ValueQuery): Promise<StoredIndicatorValue[]> {
  if (q.regions.length === 0) return [];
  const rows = await db
    .selectFrom('indicator_value')
    .selectAll()
    .where('region_code', 'in', [...q.regions])
    .where('month', '>=', q.fromMonth)
    .where('month', '<=', q.toMonth)
    .$if(!!q.indicators, (qb) => qb.where('indicator', 'in', [...q.indicators!]))
    .orderBy('indicator')
    .orderBy('region_code')
    .orderBy('month')
    .execute();
  return rows.map((r) => ({
    indicator: r.indicator,
    region: r.region_code,
    month: r.month,
    value: toYuan(r.value),
    officialYoy: ppmOrNull(r.official_yoy_ppm),
    source: r.source as IndicatorValueSource,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  }));
}

export interface ValueWrite {
  indicator: IndicatorCode;
  region: string;
  month: string;
  value: number;
  officialYoy: number | null;
  source: IndicatorValueSource;
  updatedAt: string;
  updatedBy: string | null;
}

/** Inserts or replaces values, keyed by indicator, region and month. */
export async function upsertValues(db: Db, values: readonly ValueWrite[]): Promise<void> {
  for (let i = 0; i < values.length; i += 200) {
    const chunk = values.slice(i, i + 200);
    await db
      .insertInto('indicator_value')
      .values(
        chunk.map((v) => ({
          indicator: v.indicator,
          region_code: v.region,
          month: v.month,
          value: v.value,
          official_yoy_ppm: v.officialYoy === null ? null : toPpm(v.officialYoy),
          source: v.source,
          updated_at: v.updatedAt,
          updated_by: v.updatedBy,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['indicator', 'region_code', 'month']).doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          official_yoy_ppm: eb.ref('excluded.official_yoy_ppm'),
          source: eb.ref('excluded.source'),
          updated_at: eb.ref('excluded.updated_at'),
          updated_by: eb.ref('excluded.updated_by'),
        })),
      )
      .execute();
  }
}

/** Removes one value; true when there was one. */
export async function deleteValue(db: Db, key: { indicator: IndicatorCode; region: string; month: string }): Promise<boolean> {
  const r = await db
    .deleteFrom('indicator_value')
    .where('indicator', '=', key.indicator)
    .where('region_code', '=', key.region)
    .where('month', '=', key.month)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Targets

export interface StoredIndicatorTarget extends IndicatorTarget {
  qualifier: TargetQualifier | null;
  upper: number | null;
  source: IndicatorTargetSource;
  /** The words a target confirmed from a report was read from. */
  sourceText: string | null;
  updatedAt: string;
  updatedBy: string | null;
}

/** The targets of some regions for a year, ordered by indicator and region. */
export async function findTargets(db: Db, q: { regions: readonly string[]; year: number; indicators?: readonly IndicatorCode[] }): Promise<StoredIndicatorTarget[]> {
  if (q.regions.length === 0) return [];
  const rows = await db
    .selectFrom('indicator_target')
    .selectAll()
    .where('region_code', 'in', [...q.regions])
    .where('year', '=', q.year)
    .$if(!!q.indicators, (qb) => qb.where('indicator', 'in', [...q.indicators!]))
    .orderBy('indicator')
    .orderBy('region_code')
    .execute();
  return rows.map((r) => {
    const growth = r.kind === 'growth';
    return {
      indicator: r.indicator,
      region: r.region_code,
      year: Number(r.year),
      kind: r.kind,
      value: growth ? (ppmOrNull(r.growth_ppm) as number) : toYuan(r.amount),
      upper: growth ? ppmOrNull(r.upper_growth_ppm) : toYuanOrNull(r.upper_amount),
      qualifier: r.qualifier ?? null,
      source: r.source as IndicatorTargetSource,
      sourceText: r.source_text,
      updatedAt: r.updated_at,
      updatedBy: r.updated_by,
    };
  });
}

export interface TargetWrite {
  indicator: IndicatorCode;
  region: string;
  year: number;
  kind: TargetKind;
  value: number;
  upper: number | null;
  qualifier: TargetQualifier | null;
  source: IndicatorTargetSource;
  sourceText: string | null;
  updatedAt: string;
  updatedBy: string | null;
}

/** Inserts or replaces targets, keyed by indicator, region and year. */
export async function upsertTargets(db: Db, targets: readonly TargetWrite[]): Promise<void> {
  for (let i = 0; i < targets.length; i += 200) {
    const chunk = targets.slice(i, i + 200);
    await db
      .insertInto('indicator_target')
      .values(
        chunk.map((t) => {
          const growth = t.kind === 'growth';
          return {
            indicator: t.indicator,
            region_code: t.region,
            year: t.year,
            kind: t.kind,
            growth_ppm: growth ? toPpm(t.value) : null,
            amount: growth ? null : t.value,
            upper_growth_ppm: growth && t.upper !== null ? toPpm(t.upper) : null,
            upper_amount: !growth && t.upper !== null ? t.upper : null,
            qualifier: t.qualifier,
            source: t.source,
            source_text: t.sourceText,
            updated_at: t.updatedAt,
            updated_by: t.updatedBy,
          };
        }),
      )
      .onConflict((oc) =>
        oc.columns(['indicator', 'region_code', 'year']).doUpdateSet((eb) => ({
          kind: eb.ref('excluded.kind'),
          growth_ppm: eb.ref('excluded.growth_ppm'),
          amount: eb.ref('excluded.amount'),
          upper_growth_ppm: eb.ref('excluded.upper_growth_ppm'),
          upper_amount: eb.ref('excluded.upper_amount'),
          qualifier: eb.ref('excluded.qualifier'),
          source: eb.ref('excluded.source'),
          source_text: eb.ref('excluded.source_text'),
          updated_at: eb.ref('excluded.updated_at'),
          updated_by: eb.ref('excluded.updated_by'),
        })),
      )
      .execute();
  }
}

/** Removes one target; true when there was one. */
export async function deleteTarget(db: Db, key: { indicator: IndicatorCode; region: string; year: number }): Promise<boolean> {
  const r = await db
    .deleteFrom('indicator_target')
    .where('indicator', '=', key.indicator)
    .where('region_code', '=', key.region)
    .where('year', '=', key.year)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

// ---------------------------------------------------------------------------------------------------------------
// 指标分解 to units and leaders

export type AssigneeKind = 'unit' | 'leader';

export interface IndicatorAssignment {
  indicator: IndicatorCode;
  /** The county whose target is decomposed. */
  region: string;
  year: number;
  assigneeKind: AssigneeKind;
  assigneeId: string;
  /** In the indicator's unit; null when the assignment is a share. */
  amount: number | null;
  /** A fraction of the county's target; null when the assignment is an amount. */
  share: number | null;
  note: string | null;
  updatedAt: string;
  updatedBy: string | null;
}

export async function findAssignments(
  db: Db,
  q: { region: string; year: number; indicator?: IndicatorCode; unitId?: string | null },
): Promise<IndicatorAssignment[]> {
  const rows = await db
    .selectFrom('indicator_assignment')
    .selectAll()
    .where('region_code', '=', q.region)
    .where('year', '=', q.year)
    .$if(!!q.indicator, (qb) => qb.where('indicator', '=', q.indicator!))
    .$if(q.unitId !== undefined, (qb) => qb.where('assignee_kind', '=', 'unit').where('assignee_id', '=', q.unitId ?? '\u0000'))
    .orderBy('indicator')
    .orderBy('assignee_kind')
    .orderBy('assignee_id')
    .execute();
  return rows.map((r) => ({
    indicator: r.indicator,
    region: r.region_code,
    year: Number(r.year),
    assigneeKind: r.assignee_kind as AssigneeKind,
    assigneeId: r.assignee_id,
    amount: toYuanOrNull(r.amount),
    share: ppmOrNull(r.share_ppm),
    note: r.note,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  }));
}

/** Replaces the whole decomposition of one indicator of a county for a year. */
export async function replaceAssignments(
  db: Db,
  key: { indicator: IndicatorCode; region: string; year: number },
  assignments: readonly IndicatorAssignment[],
): Promise<void> {
  await db
    .deleteFrom('indicator_assignment')
    .where('indicator', '=', key.indicator)
    .where('region_code', '=', key.region)
    .where('year', '=', key.year)
    .execute();
  if (assignments.length === 0) return;
  await db
    .insertInto('indicator_assignment')
    .values(
      assignments.map((a) => ({
        indicator: key.indicator,
        region_code: key.region,
        year: key.year,
        assignee_kind: a.assigneeKind,
        assignee_id: a.assigneeId,
        amount: a.amount,
        share_ppm: a.share === null ? null : toPpm(a.share),
        note: a.note,
        updated_at: a.updatedAt,
        updated_by: a.updatedBy,
      })),
    )
    .execute();
}

// ---------------------------------------------------------------------------------------------------------------
// Plan curves

export type PlanCurveSubjectKind = 'indicator' | 'category';

export interface StoredPlanCurve {
  subjectKind: PlanCurveSubjectKind;
  /** An indicator code, or a project category (产业项目, 续建 …) as the pool names it. */
  subject: string;
  region: string;
  year: number;
  /** 12 cumulative fractions, January to December. */
  shares: number[];
  updatedAt: string;
  updatedBy: string | null;
}

export async function findPlanCurves(db: Db, q: { regions: readonly string[]; year: number; subjectKind?: PlanCurveSubjectKind }): Promise<StoredPlanCurve[]> {
  if (q.regions.length === 0) return [];
  const rows = await db
    .selectFrom('indicator_plan_curve')
    .selectAll()
    .where('region_code', 'in', [...q.regions])
    .where('year', '=', q.year)
    .$if(!!q.subjectKind, (qb) => qb.where('subject_kind', '=', q.subjectKind!))
    .orderBy('subject_kind')
    .orderBy('subject')
    .orderBy('region_code')
    .execute();
  return rows.map((r) => ({
    subjectKind: r.subject_kind as PlanCurveSubjectKind,
    subject: r.subject,
    region: r.region_code,
    year: Number(r.year),
    shares: (JSON.parse(r.shares_ppm) as number[]).map(fromPpm),
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  }));
}

export async function upsertPlanCurves(db: Db, curves: readonly StoredPlanCurve[]): Promise<void> {
  if (curves.length === 0) return;
  await db
    .insertInto('indicator_plan_curve')
    .values(
      curves.map((c) => ({
        subject_kind: c.subjectKind,
        subject: c.subject,
        region_code: c.region,
        year: c.year,
        shares_ppm: JSON.stringify(c.shares.map(toPpm)),
        updated_at: c.updatedAt,
        updated_by: c.updatedBy,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['subject_kind', 'subject', 'region_code', 'year']).doUpdateSet((eb) => ({
        shares_ppm: eb.ref('excluded.shares_ppm'),
        updated_at: eb.ref('excluded.updated_at'),
        updated_by: eb.ref('excluded.updated_by'),
      })),
    )
    .execute();
}

export async function deletePlanCurve(db: Db, key: { subjectKind: PlanCurveSubjectKind; subject: string; region: string; year: number }): Promise<boolean> {
  const r = await db
    .deleteFrom('indicator_plan_curve')
    .where('subject_kind', '=', key.subjectKind)
    .where('subject', '=', key.subject)
    .where('region_code', '=', key.region)
    .where('year', '=', key.year)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Entered ranks

export interface EnteredRank {
  indicator: IndicatorCode;
  region: string;
  month: string;
  rankInCity: number | null;
  cityPeerCount: number | null;
  rankAmongCounties: number | null;
  countyPeerCount: number | null;
  updatedAt: string;
  updatedBy: string | null;
}

export async function findEnteredRanks(db: Db, q: { regions: readonly string[]; fromMonth: string; toMonth: string }): Promise<EnteredRank[]> {
  if (q.regions.length === 0) return [];
  const rows = await db
    .selectFrom('indicator_rank')
    .selectAll()
    .where('region_code', 'in', [...q.regions])
    .where('month', '>=', q.fromMonth)
    .where('month', '<=', q.toMonth)
    .orderBy('indicator')
    .orderBy('region_code')
    .orderBy('month')
    .execute();
  const int = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return rows.map((r) => ({
    indicator: r.indicator,
    region: r.region_code,
    month: r.month,
    rankInCity: int(r.rank_in_city),
    cityPeerCount: int(r.city_peer_count),
    rankAmongCounties: int(r.rank_among_counties),
    countyPeerCount: int(r.county_peer_count),
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  }));
}

/** Inserts or replaces entered ranks; a row with neither rank removes the entry. */
export async function upsertEnteredRanks(db: Db, ranks: readonly EnteredRank[]): Promise<void> {
  for (const r of ranks.filter((x) => x.rankInCity === null && x.rankAmongCounties === null)) {
    await db.deleteFrom('indicator_rank').where('indicator', '=', r.indicator).where('region_code', '=', r.region).where('month', '=', r.month).execute();
  }
  const kept = ranks.filter((x) => x.rankInCity !== null || x.rankAmongCounties !== null);
  if (kept.length === 0) return;
  await db
    .insertInto('indicator_rank')
    .values(
      kept.map((r) => ({
        indicator: r.indicator,
        region_code: r.region,
        month: r.month,
        rank_in_city: r.rankInCity,
        city_peer_count: r.cityPeerCount,
        rank_among_counties: r.rankAmongCounties,
        county_peer_count: r.countyPeerCount,
        updated_at: r.updatedAt,
        updated_by: r.updatedBy,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['indicator', 'region_code', 'month']).doUpdateSet((eb) => ({
        rank_in_city: eb.ref('excluded.rank_in_city'),
        city_peer_count: eb.ref('excluded.city_peer_count'),
        rank_among_counties: eb.ref('excluded.rank_among_counties'),
        county_peer_count: eb.ref('excluded.county_peer_count'),
        updated_at: eb.ref('excluded.updated_at'),
        updated_by: eb.ref('excluded.updated_by'),
      })),
    )
    .execute();
}

// ---------------------------------------------------------------------------------------------------------------
// Drawing an indicator from the project pool

export interface PoolDrawQuery extends Omit<PoolBounds, 'endDay'> {
  /** The county whose pool is drawn. */
  countyCode: string;
  /** Only the projects of one township or zone. */
  townshipCode?: string | null;
}

/** A pool project with what decides whether it counts in an indicator, and its year-to-date completion. */
export interface PoolDrawProject {
  id: string;
  industryCode: string | null;
  constructionType: ConstructionType | null;
  statsEntry: StatsEntryStatus;
  completedYtd: number;
}

/**
 * The projects of the year's pool (an annual plan in the year as 续建 or 新建, not cancelled) with their
 * year-to-date completion, computed by the same expression as every other year-to-date figure.
 */
export async function poolDrawProjects(db: Db, q: PoolDrawQuery): Promise<PoolDrawProject[]> {
  const [lo, hi] = countyRange(q.countyCode);
  const [withYtd, ytd] = withCompletedBetween(db, whereInPool(yearsWithProjects(db), q.year), q.countyCode, q.fromMonth, q.toMonth);
  const rows = await withYtd
    .select([
      'p.id as id',
      'p.industry_code as industry_code',
      'p.construction_type as construction_type',
      'p.stats_entry as stats_entry',
      ytd.as('ytd'),
    ])
    .where(inRegion('y', q.countyCode))
    .where('p.region_code', '>=', lo)
    .where('p.region_code', '<=', hi)
    .$if(!!q.townshipCode, (qb) => qb.where('p.township_code', '=', q.townshipCode!))
    .orderBy('p.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    industryCode: r.industry_code,
    constructionType: r.construction_type,
    statsEntry: r.stats_entry,
    completedYtd: toYuan(r.ytd),
  }));
}

/** The number of stored values, for tests and the import's report. */
export async function countValues(db: Db): Promise<number> {
  const r = await db.selectFrom('indicator_value').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
