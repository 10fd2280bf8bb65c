// The alert centre (预警): every project lit by a rule as of a month (timers on a day), each with its level and the
// sentence that explains it. The database finds the lit projects by the bounds the domain computes; the domain's
// rule then says how brightly and why, so the list, the counts, the command line and the web say the same.

import { z } from 'zod';
import { coversRegion, type Actor } from '../../domain/access.ts';
import {
  ALERT_RULES,
  behindGroups,
  behindTimeProgressAlert,
  itemOverdueAlert,
  monthRuleBounds,
  noInvestmentAlert,
  notEnteredAlert,
  parseAlertThresholds,
  projectCurve,
  quietSince,
  signedNotStartedAlert,
  stalledLandSuppliedAlert,
  stalledPermitIssuedAlert,
  startLateAlert,
  startLateBounds,
  stoppedAfterStartAlert,
  type AlertResult,
  type AlertRule,
  type AlertThresholds,
  type CategoryCurve,
} from '../../domain/alerts/alert-rules.ts';
import { ALERT_LEVELS, type AlertLevel } from '../../domain/alerts/month-thresholds.ts';
import { forbidden, notFound } from '../../domain/errors.ts';
import { addMonths, dayOf, isDay, isMonth, lastDayOfMonth, monthYear, type Day, type Month } from '../../domain/months.ts';
import { STATS_ENTRY_THRESHOLD } from '../../domain/project/project.ts';
import { unenteredBounds } from '../../domain/stats-entry/unentered-flag.ts';
import { parseInput } from '../../domain/validation.ts';
import {
  alertProjectsByIds,
  behindProjects,
  lateStarts,
  projectsByDay,
  quietProjects,
  type AlertProjectRow,
  type AlertScope,
  type DayColumn,
} from '../../db/repositories/alert.repository.ts';
import { findPlanCurves } from '../../db/repositories/indicator.repository.ts';
import { projectLeaderLinks } from '../../db/repositories/leader-link.repository.ts';
import type { PoolQuery } from '../../db/repositories/pool.repository.ts';
import { findRegion, listCounties } from '../../db/repositories/region.repository.ts';
import { settingsWithPrefix } from '../../db/repositories/region.repository.ts';
import { countyRange } from '../../db/repositories/scope.ts';
import { listUnentered } from '../../db/repositories/stats-entry.repository.ts';
import type { Db } from '../../db/transaction.ts';
import { SUPERVISION_SETTING_KEYS } from '../../domain/supervision/settings-input.ts';
import { loadItemViews } from '../supervision/item-view.ts';

export const AlertListInputSchema = z
  .object({
    region: z.string().regex(/^\d{6}(\d{3})?$/, '应为6位或9位区划代码'),
    asOf: z.string().refine(isMonth, '应为 YYYY-MM'),
    /** The day timers are judged on (督办事项); today in China Standard Time otherwise. */
    on: z.string().refine(isDay, '应为 YYYY-MM-DD').optional(),
    rule: z.enum(ALERT_RULES).optional(),
    level: z.enum(ALERT_LEVELS).optional(),
    unit: z.string().max(64).optional(),
    leader: z.string().max(64).optional(),
    project: z.string().max(64).optional(),
  })
  .strict();
export type AlertListInput = z.input<typeof AlertListInputSchema>;

/** One lit project and rule. */
export interface Alert {
  rule: AlertRule;
  level: AlertLevel;
  projectId: string;
  projectName: string;
  regionCode: string;
  unitId: string | null;
  unit: string | null;
  leaderIds: string[];
  leader: string | null;
  reason: string;
}

export interface AlertList {
  region: string;
  regionName: string;
  asOf: Month;
  /** The day month rules are judged on: the end of the as-of month, or the timer day when earlier. */
  day: Day;
  /** The day timers are judged on. */
  on: Day;
  counts: Record<AlertRule, { red: number; yellow: number }>;
  total: { red: number; yellow: number; projects: number };
  alerts: Alert[];
}

/** Counties that share one set of thresholds: those with their own setting each, and the rest with the defaults. */
async function thresholdGroups(db: Db, regionCode: string): Promise<{ scope: Pick<AlertScope, 'counties' | 'exceptCounties'>; thresholds: AlertThresholds }[]> {
  const [lo, hi] = countyRange(regionCode);
  const prefix = SUPERVISION_SETTING_KEYS.thresholds('');
  const own = Object.entries(await settingsWithPrefix(db, prefix))
    .map(([key, value]) => ({ county: key.slice(prefix.length), value }))
    .filter((s) => s.county >= lo && s.county <= hi);
  const byValue = new Map<string, string[]>();
  for (const s of own) byValue.set(s.value, [...(byValue.get(s.value) ?? []), s.county]);
  const groups: { scope: Pick<AlertScope, 'counties' | 'exceptCounties'>; thresholds: AlertThresholds }[] = [...byValue].map(([value, counties]) => ({
    scope: { counties },
    thresholds: parseAlertThresholds(value),
  }));
  groups.push({ scope: { exceptCounties: own.map((s) => s.county) }, thresholds: parseAlertThresholds(undefined) });
  return groups;
}

/** The category plan curves of the counties in a region for a year. */
async function categoryCurves(db: Db, regionCode: string, year: number): Promise<CategoryCurve[]> {
  const counties = (await listCounties(db, regionCode)).map((c) => c.code);
  const curves = await findPlanCurves(db, { regions: counties, year, subjectKind: 'category' });
  return curves.map((c) => ({ county: c.region, subject: c.subject, shares: c.shares }));
}

type Lit = { rule: AlertRule; project: AlertProjectRow; result: AlertResult };

/** Every rule but the items' on one group of counties: the lit projects with their results. */
async function projectRules(db: Db, scope: AlertScope, t: AlertThresholds, asOf: Month, day: Day, want: (r: AlertRule) => boolean, curves: readonly CategoryCurve[]): Promise<Lit[]> {
  const year = monthYear(asOf);
  const endDay = lastDayOfMonth(asOf);
  const pool: PoolQuery = { regionCode: scope.regionCode.slice(0, 6), year, fromMonth: `${year}-01`, toMonth: asOf, endDay };
  const out: Lit[] = [];
  const push = (rule: AlertRule, project: AlertProjectRow, result: AlertResult | null) => {
    if (result) out.push({ rule, project, result });
  };

  if (want('behindTimeProgress')) {
    for (const p of await behindProjects(db, scope, pool, behindGroups(curves, asOf, t.behindTimeProgress))) {
      const curve = projectCurve(curves, p.regionCode, p.category, p.phase);
      push('behindTimeProgress', p, behindTimeProgressAlert({ asOf, ytd: p.ytd, annualPlan: p.annualPlan, curve }, t.behindTimeProgress));
    }
  }
  if (want('startLate')) {
    for (const p of await lateStarts(db, scope, pool, startLateBounds(asOf, t.startLate).yellowBy)) {
      push('startLate', p, startLateAlert({ plannedMonth: p.plannedMonth, startedOn: p.startedOn }, asOf, t.startLate));
    }
  }
  if (want('notEntered')) {
    // The 开工未入库 flag of the 入库 workflow, with the county's thresholds: its list, its colours.
    const bounds = unenteredBounds(day, t.notEntered);
    for (const colour of ['red', 'yellow'] as const) {
      const { rows } = await listUnentered(db, { regionCode: scope.regionCode, unitId: scope.unitId ?? null, colour, threshold: STATS_ENTRY_THRESHOLD, ...bounds, limit: 1_000_000_000, offset: 0 });
      const keep = rows.filter(
        (r) =>
          (!scope.projectIds || scope.projectIds.includes(r.id)) &&
          (!scope.counties || scope.counties.includes(r.regionCode)) &&
          !(scope.exceptCounties ?? []).includes(r.regionCode),
      );
      for (const p of await alertProjectsByIds(db, keep.map((r) => r.id))) push('notEntered', p, notEnteredAlert(p, day, t.notEntered));
    }
  }
  const byDay: { rule: AlertRule & ('stalledLandSupplied' | 'stalledPermitIssued' | 'stoppedAfterStart' | 'signedNotStarted'); column: DayColumn; check: (p: AlertProjectRow) => AlertResult | null }[] = [
    { rule: 'stalledLandSupplied', column: 'p.land_supplied_on', check: (p) => stalledLandSuppliedAlert(p, day, t.stalledLandSupplied) },
    { rule: 'stalledPermitIssued', column: 'p.permit_on', check: (p) => stalledPermitIssuedAlert(p, day, t.stalledPermitIssued) },
    { rule: 'stoppedAfterStart', column: 'p.suspended_on', check: (p) => stoppedAfterStartAlert(p, day, t.stoppedAfterStart) },
    { rule: 'signedNotStarted', column: 'p.signed_on', check: (p) => signedNotStartedAlert(p, day, t.signedNotStarted) },
  ];
  for (const r of byDay.filter((x) => want(x.rule))) {
    const atMost = monthRuleBounds(r.rule, day, t).yellowBy;
    const rows = await projectsByDay(db, scope, { column: r.column, atMost, notStartedBy: r.rule === 'stoppedAfterStart' ? undefined : day, suspended: r.rule === 'stoppedAfterStart' });
    for (const p of rows) push(r.rule, p, r.check(p));
  }
  if (want('noInvestment')) {
    const bound = quietSince(asOf, t.noInvestment.yellow);
    for (const p of await quietProjects(db, scope, pool, bound, addMonths(bound, 1))) {
      push('noInvestment', p, noInvestmentAlert({ asOf, lastInvestedMonth: p.lastInvestedMonth, startedOn: p.startedOn, resumedOn: p.resumedOn }, t.noInvestment));
    }
  }
  return out;
}

/** 督办事项逾期: each project's open items judged on the timer day by its county's calendar. */
async function itemRule(db: Db, scope: AlertScope, groups: Awaited<ReturnType<typeof thresholdGroups>>, on: Day): Promise<Lit[]> {
  const [lo, hi] = countyRange(scope.regionCode);
  const items = await loadItemViews(db, { lo, hi, statuses: ['raised', 'assigned', 'received', 'inProgress', 'returned'], withProject: true }, on);
  const byProject = new Map<string, typeof items>();
  for (const i of items) byProject.set(i.projectId!, [...(byProject.get(i.projectId!) ?? []), i]);
  const projects = (await alertProjectsByIds(db, [...byProject.keys()])).filter(
    (p) =>
      (scope.regionCode.length !== 9 || p.townshipCode === scope.regionCode) &&
      (!scope.unitId || p.unitId === scope.unitId) &&
      (!scope.projectIds || scope.projectIds.includes(p.id)),
  );
  const out: Lit[] = [];
  for (const p of projects) {
    const t = groups.find((g) => (g.scope.counties ? g.scope.counties.includes(p.regionCode) : !(g.scope.exceptCounties ?? []).includes(p.regionCode)))!.thresholds;
    const result = itemOverdueAlert(byProject.get(p.id)!.map((i) => ({ title: i.title, state: i })), t.itemOverdue);
    if (result) out.push({ rule: 'itemOverdue', project: p, result });
  }
  return out;
}

/**
 * The alerts of a region (county, township or zone, city, province) as of a month: month rules at the end of the
 * month (or on the timer day when it is earlier), supervision items on the timer day. A reporter sees its unit's
 * projects; `leader` narrows to a leader's projects (包联). Red first, then by rule and project.
 */
export async function listAlerts(db: Db, input: AlertListInput, actor: Actor, now: Date = new Date()): Promise<AlertList> {
  const q = parseInput(AlertListInputSchema, input, { region: '地区', asOf: '截至月份', on: '日期', rule: '规则', level: '级别' });
  if (!coversRegion(actor, q.region.slice(0, 6))) throw forbidden('无权查看该地区的预警');
  const region = await findRegion(db, q.region);
  if (!region) throw notFound(`地区 ${q.region}`);
  const on = q.on ?? dayOf(now);
  const end = lastDayOfMonth(q.asOf);
  const day = end < on ? end : on;
  const want = (r: AlertRule) => !q.rule || q.rule === r;
  const projectIds = q.leader ? (await projectLeaderLinks(db, { leaderIds: [q.leader] })).map((l) => l.projectId) : q.project ? [q.project] : null;
  const unitId = actor.role === 'reporter' ? (actor.unitId ?? '\u0000') : (q.unit ?? null);
  const base: AlertScope = { regionCode: q.region, unitId, projectIds };
  const groups = await thresholdGroups(db, q.region);
  const curves = want('behindTimeProgress') ? await categoryCurves(db, q.region, monthYear(q.asOf)) : [];

  const lit: Lit[] = [];
  for (const g of groups) lit.push(...(await projectRules(db, { ...base, ...g.scope }, g.thresholds, q.asOf, day, want, curves)));
  if (want('itemOverdue')) lit.push(...(await itemRule(db, base, groups, on)));

  const links = await projectLeaderLinks(db, { projectIds: [...new Set(lit.map((l) => l.project.id))] });
  const leadersOf = new Map<string, { ids: string[]; names: string[] }>();
  for (const l of links) {
    const e = leadersOf.get(l.projectId) ?? { ids: [], names: [] };
    e.ids.push(l.leaderId);
    e.names.push(l.leaderName);
    leadersOf.set(l.projectId, e);
  }
  const order = (r: AlertRule) => ALERT_RULES.indexOf(r);
  const alerts = lit
    .filter((l) => !q.level || l.result.level === q.level)
    .map(({ rule, project: p, result }): Alert => ({
      rule,
      level: result.level,
      projectId: p.id,
      projectName: p.name,
      regionCode: p.regionCode,
      unitId: p.unitId,
      unit: p.unitName,
      leaderIds: leadersOf.get(p.id)?.ids ?? [],
      leader: leadersOf.get(p.id)?.names.join('、') || null,
      reason: result.reason,
    }))
    .sort((a, b) => (a.level === b.level ? 0 : a.level === 'red' ? -1 : 1) || order(a.rule) - order(b.rule) || a.projectName.localeCompare(b.projectName, 'zh') || a.projectId.localeCompare(b.projectId));

  const counts = Object.fromEntries(ALERT_RULES.map((r) => [r, { red: 0, yellow: 0 }])) as AlertList['counts'];
  for (const a of alerts) counts[a.rule][a.level]++;
  return {
    region: q.region,
    regionName: region.name,
    asOf: q.asOf,
    day,
    on,
    counts,
    total: { red: alerts.filter((a) => a.level === 'red').length, yellow: alerts.filter((a) => a.level === 'yellow').length, projects: new Set(alerts.map((a) => a.projectId)).size },
    alerts,
  };
}
