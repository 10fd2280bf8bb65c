// The alert rules (预警): each a small pure function that says whether a project is lit, how brightly, and why, in a
// sentence with the figures that lit it; and the bounds the database filters by, so a province is counted in SQL.
// Defaults are 银川's published red/yellow/green rules where they speak (PRODUCT.md, rules of the trade) and the
// stalled-project audit of seed 000; every threshold is a county setting.

import type { FieldIssue } from '../errors.ts';
import { formatPoints, formatRate, money, naturalUnit } from '../format.ts';
import type { Yuan } from '../money.ts';
import {
  addMonths,
  dayLabel,
  lastDayOfMonth,
  monthNumber,
  monthsBetween,
  monthYear,
  wholeMonthsSince,
  ytdLabel,
  type Day,
  type Month,
} from '../months.ts';
import { PHASE_LABELS, STATS_ENTRY_LABELS, type Phase } from '../project/project.ts';
import { DEADLINE_LABELS, type TimerState } from '../supervision/timers.ts';
import { isStartedNotEntered, type UnenteredFacts } from '../stats-entry/unentered-flag.ts';
import { monthThresholdBounds, monthThresholdLevel, monthThresholdsRefusal, type AlertLevel, type MonthThresholds } from './month-thresholds.ts';

export const ALERT_RULES = [
  'behindTimeProgress',
  'startLate',
  'notEntered',
  'stalledLandSupplied',
  'stalledPermitIssued',
  'stoppedAfterStart',
  'noInvestment',
  'signedNotStarted',
  'itemOverdue',
] as const;
export type AlertRule = (typeof ALERT_RULES)[number];

export const ALERT_RULE_LABELS: Record<AlertRule, string> = {
  behindTimeProgress: '低于时序进度',
  startLate: '计划开工未开工',
  notEntered: '开工未入库',
  stalledLandSupplied: '已供地未开工',
  stalledPermitIssued: '已办施工许可未开工',
  stoppedAfterStart: '开工后又停工',
  noInvestment: '连续无投资',
  signedNotStarted: '签约未开工',
  itemOverdue: '督办事项逾期',
};

/** The rules of 项目大起底 (seed 000's stalled-project audit), counted apart on the alert centre. */
export const STALLED_RULES = ['stalledLandSupplied', 'stalledPermitIssued', 'stoppedAfterStart'] as const satisfies readonly AlertRule[];

/** Points behind 时序进度: yellow from `yellow`, red beyond `red` (银川: 10–30 points yellow, more than 30 red). */
export interface PointThresholds {
  yellow: number;
  red: number;
}

/** Every threshold of every rule; a county may set its own. */
export interface AlertThresholds {
  behindTimeProgress: PointThresholds;
  /** Whole months since the planned start month: 0 is "planned this month and not started". */
  startLate: MonthThresholds;
  notEntered: MonthThresholds;
  stalledLandSupplied: MonthThresholds;
  stalledPermitIssued: MonthThresholds;
  stoppedAfterStart: MonthThresholds;
  /** Months without investment (January, never reported, is not counted). */
  noInvestment: MonthThresholds;
  signedNotStarted: MonthThresholds;
  /** Red when an item is overdue; yellow when its deadline is this many timer days away or fewer. */
  itemOverdue: { nearDays: number };
}

export const DEFAULT_ALERT_THRESHOLDS: AlertThresholds = {
  behindTimeProgress: { yellow: 10, red: 30 },
  startLate: { yellow: 0, red: 3 },
  notEntered: { yellow: 1, red: 2 },
  stalledLandSupplied: { yellow: 1, red: 6 },
  // The permit is the last step before work: lit from the day it is issued, red when it lapses unused after 3 months
  // (建筑法 第九条).
  stalledPermitIssued: { yellow: 0, red: 3 },
  stoppedAfterStart: { yellow: 0, red: 1 },
  noInvestment: { yellow: 2, red: 3 },
  signedNotStarted: { yellow: 3, red: 6 },
  itemOverdue: { nearDays: 3 },
};

type MonthRule = Exclude<AlertRule, 'behindTimeProgress' | 'itemOverdue'>;

/** What is wrong with a county's thresholds, rule by rule. */
/** The percentage points behind 时序进度 a threshold may be set to, and the days before a deadline that count as near. */
export const BEHIND_POINTS_RANGE = [1, 100] as const;
export const NEAR_DAYS_RANGE = [0, 30] as const;

export function alertThresholdsIssues(t: AlertThresholds): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const b = t.behindTimeProgress;
  const [low, high] = BEHIND_POINTS_RANGE;
  if (![b.yellow, b.red].every((v) => Number.isInteger(v) && v >= low && v <= high)) {
    issues.push({ field: 'behindTimeProgress', message: `${ALERT_RULE_LABELS.behindTimeProgress}：百分点应为${low}到${high}之间的整数` });
  } else if (b.yellow > b.red) issues.push({ field: 'behindTimeProgress', message: `${ALERT_RULE_LABELS.behindTimeProgress}：黄灯百分点不应大于红灯百分点` });
  for (const rule of ALERT_RULES) {
    if (rule === 'behindTimeProgress' || rule === 'itemOverdue') continue;
    const refusal = monthThresholdsRefusal(t[rule]);
    if (refusal) issues.push({ field: rule, message: `${ALERT_RULE_LABELS[rule]}：${refusal}` });
  }
  const near = t.itemOverdue.nearDays;
  const [nearMin, nearMax] = NEAR_DAYS_RANGE;
  if (!Number.isInteger(near) || near < nearMin || near > nearMax) issues.push({ field: 'itemOverdue', message: `${ALERT_RULE_LABELS.itemOverdue}：临期天数应为${nearMin}到${nearMax}之间的整数` });
  return issues;
}

/** Stored thresholds over the defaults; a damaged setting (unreadable, or refused by the checks) leaves the defaults. */
export function parseAlertThresholds(stored: string | undefined): AlertThresholds {
  if (!stored) return DEFAULT_ALERT_THRESHOLDS;
  try {
    const raw = JSON.parse(stored) as Partial<AlertThresholds>;
    const merged = Object.fromEntries(
      Object.entries(DEFAULT_ALERT_THRESHOLDS).map(([k, v]) => [k, { ...v, ...((raw as Record<string, object>)[k] ?? {}) }]),
    ) as unknown as AlertThresholds;
    return alertThresholdsIssues(merged).length === 0 ? merged : DEFAULT_ALERT_THRESHOLDS;
  } catch {
    return DEFAULT_ALERT_THRESHOLDS;
  }
}

/** One lit rule: its level and the sentence that explains it. */
export interface AlertResult {
  level: AlertLevel;
  reason: string;
}

const amount = (y: Yuan) => money(y, naturalUnit(y), 2);
const monthLabel = (m: Month) => `${monthYear(m)}年${monthNumber(m)}月`;

// ---------------------------------------------------------------------------------------------------------------
// 低于时序进度: the year-to-date share of the annual plan against time progress (n/12, or the category's plan curve).

/** A fraction kept exact: n/12 is not a decimal, and a boundary of 30 points must be 30 points in SQL and here. */
export interface Ratio {
  num: number;
  den: number;
}

function gcd(a: number, b: number): number {
  let [x, y] = [Math.abs(a), Math.abs(b)];
  while (y) [x, y] = [y, x % y];
  return x || 1;
}

function reduced(num: number, den: number): Ratio {
  const g = gcd(num, den);
  return { num: num / g, den: den / g };
}

/**
 * 时序进度 after a month as an exact ratio: n/12, or a plan curve's share (12 cumulative fractions) in millionths.
 * @example timeProgressRatio('2021-05', null) // { num: 5, den: 12 }
 */
export function timeProgressRatio(month: Month, curve: readonly number[] | null): Ratio {
  if (!curve) return reduced(monthNumber(month), 12);
  return reduced(Math.round((curve[monthNumber(month) - 1] ?? 1) * 1_000_000), 1_000_000);
}

/**
 * The shares of the annual plan that light a project at a time progress: a share at most `yellowAtMost` is at least
 * yellow (10 points behind or more), a share below `redBelow` is red (more than 30 behind).
 */
export function behindBounds(tp: Ratio, t: PointThresholds): { yellowAtMost: Ratio; redBelow: Ratio } {
  const at = (points: number) => reduced(100 * tp.num - points * tp.den, 100 * tp.den);
  return { yellowAtMost: at(t.yellow), redBelow: at(t.red) };
}

/** Compares ytd ÷ plan with a ratio exactly (in BigInt): −1 below, 0 equal, 1 above. */
export function compareShare(ytd: Yuan, plan: Yuan, r: Ratio): -1 | 0 | 1 {
  const left = BigInt(ytd) * BigInt(r.den);
  const right = BigInt(plan) * BigInt(r.num);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** A county's plan curve of a project category (or of a phase, when named 续建 or 新建). */
export interface CategoryCurve {
  county: string;
  subject: string;
  shares: readonly number[];
}

const PHASE_OF_LABEL = new Map<string, Phase>(Object.entries(PHASE_LABELS).map(([phase, label]) => [label, phase as Phase]));

/** The curve a project follows: its category's, else its phase's (a curve named 续建 or 新建), else none (month ÷ 12). */
export function projectCurve(curves: readonly CategoryCurve[], county: string, category: string | null, phase: Phase): { name: string; shares: readonly number[] } | null {
  const own = curves.filter((c) => c.county === county);
  const byCategory = category === null ? undefined : own.find((c) => c.subject === category && !PHASE_OF_LABEL.has(c.subject));
  const byPhase = own.find((c) => PHASE_OF_LABEL.get(c.subject) === phase);
  const curve = byCategory ?? byPhase;
  return curve ? { name: curve.subject, shares: curve.shares } : null;
}

/** A set of projects judged against one curve, and the share of the plan at or below which they are lit. */
export interface BehindGroup {
  counties: readonly string[] | null;
  exceptCounties?: readonly string[];
  category?: string;
  phase?: Phase;
  exceptCategories?: readonly string[];
  exceptPhases?: readonly Phase[];
  atMost: Ratio;
}

/**
 * The groups the database filters 低于时序进度 by, the same choice as {@link projectCurve}: in a county with curves, each
 * category with its own, each phase with its own (categories with curves left out), the rest linear; every other
 * county linear.
 */
export function behindGroups(curves: readonly CategoryCurve[], asOf: Month, t: PointThresholds): BehindGroup[] {
  if (monthNumber(asOf) === 1) return [];
  const atMost = (shares: readonly number[] | null) => behindBounds(timeProgressRatio(asOf, shares), t).yellowAtMost;
  const linear = atMost(null);
  const counties = [...new Set(curves.map((c) => c.county))];
  const groups: BehindGroup[] = [{ counties: null, exceptCounties: counties, atMost: linear }];
  for (const county of counties) {
    const own = curves.filter((c) => c.county === county);
    const categories = own.filter((c) => !PHASE_OF_LABEL.has(c.subject)).map((c) => c.subject);
    const phases = own.filter((c) => PHASE_OF_LABEL.has(c.subject));
    for (const c of own.filter((x) => !PHASE_OF_LABEL.has(x.subject))) groups.push({ counties: [county], category: c.subject, atMost: atMost(c.shares) });
    for (const c of phases) groups.push({ counties: [county], phase: PHASE_OF_LABEL.get(c.subject)!, exceptCategories: categories, atMost: atMost(c.shares) });
    groups.push({ counties: [county], exceptCategories: categories, exceptPhases: phases.map((c) => PHASE_OF_LABEL.get(c.subject)!), atMost: linear });
  }
  return groups;
}

/** What 低于时序进度 needs to know of a project of the year's pool. */
export interface BehindFacts {
  asOf: Month;
  ytd: Yuan;
  annualPlan: Yuan;
  /** The plan curve the project follows (its category's, or its phase's), or null for month ÷ 12. */
  curve: { name: string; shares: readonly number[] } | null;
}

/**
 * Lit when the year-to-date share of the annual plan is `yellow` points or more behind 时序进度, red beyond `red`.
 * January is never judged: its figures are reported with February's (1—2月). A project without a plan is not judged.
 * @example behindTimeProgressAlert({ asOf: '2021-06', ytd: 200, annualPlan: 1000, curve: null }, DEFAULT.behindTimeProgress)
 *   // { level: 'yellow', reason: '1-6月完成投资…，占年度计划…的20%，低于时序进度（50%）30个百分点' }
 */
export function behindTimeProgressAlert(f: BehindFacts, t: PointThresholds): AlertResult | null {
  if (monthNumber(f.asOf) === 1 || f.annualPlan <= 0) return null;
  const tp = timeProgressRatio(f.asOf, f.curve?.shares ?? null);
  const { yellowAtMost, redBelow } = behindBounds(tp, t);
  if (compareShare(f.ytd, f.annualPlan, yellowAtMost) > 0) return null;
  const level: AlertLevel = compareShare(f.ytd, f.annualPlan, redBelow) < 0 ? 'red' : 'yellow';
  const share = f.ytd / f.annualPlan;
  const progress = tp.num / tp.den;
  const against = f.curve ? `${f.curve.name}计划进度（${formatRate(progress)}）` : `时序进度（${formatRate(progress)}）`;
  return {
    level,
    reason: `${ytdLabel(f.asOf)}完成投资${amount(f.ytd)}，占年度计划${amount(f.annualPlan)}的${formatRate(share)}，低于${against}${formatPoints(progress - share)}`,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Rules of whole months since a day: the bounds come from monthThresholdBounds, the level from monthThresholdLevel.

/** The latest event days lit on a day for a rule of months (see {@link monthThresholdBounds}). */
export function monthRuleBounds(rule: MonthRule, day: Day, t: AlertThresholds): { yellowBy: Day; redBy: Day } {
  return monthThresholdBounds(day, t[rule]);
}

function sinceDay(event: Day | null, day: Day, t: MonthThresholds, words: (months: number) => string): AlertResult | null {
  if (event === null || event > day) return null;
  const months = wholeMonthsSince(event, day);
  const level = monthThresholdLevel(months, t);
  return level ? { level, reason: words(months) } : null;
}

const notStarted = (startedOn: Day | null, day: Day) => startedOn === null || startedOn > day;
/** "已满2个月未开工", or "尚未开工" within the first month. */
const notYet = (months: number, what: string) => (months === 0 ? `尚未${what}` : `已满${months}个月未${what}`);

/** 开工未入库: the 入库 flag of the round (500 万元 and more, started, not entered), one rule of the set. */
export function notEnteredAlert(p: UnenteredFacts, day: Day, t: MonthThresholds): AlertResult | null {
  if (!isStartedNotEntered(p, day)) return null;
  return sinceDay(p.startedOn, day, t, (m) => `${dayLabel(p.startedOn!, true)}开工，${notYet(m, '入库')}（${STATS_ENTRY_LABELS[p.statsEntry]}）`);
}

/** 已供地未开工: land supplied and work not begun. */
export function stalledLandSuppliedAlert(p: { landSuppliedOn: Day | null; startedOn: Day | null }, day: Day, t: MonthThresholds): AlertResult | null {
  if (!notStarted(p.startedOn, day)) return null;
  return sinceDay(p.landSuppliedOn, day, t, (m) => `${dayLabel(p.landSuppliedOn!, true)}供地，${notYet(m, '开工')}`);
}

/** 已办施工许可未开工: the building permit issued and work not begun (a permit lapses after 3 months). */
export function stalledPermitIssuedAlert(p: { permitOn: Day | null; startedOn: Day | null }, day: Day, t: MonthThresholds): AlertResult | null {
  if (!notStarted(p.startedOn, day)) return null;
  return sinceDay(p.permitOn, day, t, (m) => `${dayLabel(p.permitOn!, true)}取得施工许可，${notYet(m, '开工')}`);
}

/** 开工后又停工: a started project now suspended, by the months since it stopped. */
export function stoppedAfterStartAlert(p: { stage: string; startedOn: Day | null; suspendedOn: Day | null }, day: Day, t: MonthThresholds): AlertResult | null {
  if (p.stage !== 'suspended' || p.startedOn === null) return null;
  return sinceDay(p.suspendedOn, day, t, (m) => `${dayLabel(p.startedOn!, true)}开工，${dayLabel(p.suspendedOn!, true)}停工，停工${m === 0 ? '不满1个月' : `已${m}个月`}`);
}

/** 签约未开工: a project signed (招商签约) and work not begun. */
export function signedNotStartedAlert(p: { signedOn: Day | null; startedOn: Day | null }, day: Day, t: MonthThresholds): AlertResult | null {
  if (!notStarted(p.startedOn, day)) return null;
  return sinceDay(p.signedOn, day, t, (m) => `${dayLabel(p.signedOn!, true)}签约，${notYet(m, '开工')}`);
}

/** The latest planned start months lit as of a month: planned on or before `yellowBy` is lit, on or before `redBy` red. */
export function startLateBounds(asOf: Month, t: MonthThresholds): { yellowBy: Month; redBy: Month } {
  return { yellowBy: addMonths(asOf, -t.yellow), redBy: addMonths(asOf, -t.red) };
}

/**
 * 计划开工未开工 (银川: planned to start this month and not started, yellow; 3 months late, red), judged at the end of
 * the as-of month.
 */
export function startLateAlert(p: { plannedMonth: Month | null; startedOn: Day | null }, asOf: Month, t: MonthThresholds): AlertResult | null {
  if (p.plannedMonth === null || p.plannedMonth > asOf || !notStarted(p.startedOn, lastDayOfMonth(asOf))) return null;
  const late = monthsBetween(p.plannedMonth, asOf);
  const level = monthThresholdLevel(late, t);
  if (!level) return null;
  return { level, reason: `计划${monthLabel(p.plannedMonth)}开工，截至${monthNumber(asOf)}月底仍未开工${late === 0 ? '' : `，已推迟${late}个月`}` };
}

// ---------------------------------------------------------------------------------------------------------------
// 连续无投资: months without investment since the last month that had some (or since the start or the year's resumption).

/** Months after `ref` up to `asOf` that are reported: every month but January (reported with February as 1—2月). */
export function reportedMonthsAfter(ref: Month, asOf: Month): number {
  let n = 0;
  for (let m = addMonths(ref, 1); m <= asOf; m = addMonths(m, 1)) if (monthNumber(m) !== 1) n++;
  return n;
}

/**
 * The latest reference month that leaves `months` reported months without investment by the as-of month: a project
 * whose last month with investment (or the month before it started) is on or before it is lit.
 * @example quietSince('2021-05', 2) === '2021-03'; quietSince('2021-03', 2) === '2021-01'
 */
export function quietSince(asOf: Month, months: number): Month {
  // Stepping back from the as-of month, the first month that leaves enough reported months after it is the latest.
  let ref = asOf;
  while (reportedMonthsAfter(ref, asOf) < months) ref = addMonths(ref, -1);
  return ref;
}

/** What 连续无投资 needs to know of a project under way. */
export interface QuietFacts {
  asOf: Month;
  /** The last month up to the as-of month with investment above zero, or null. */
  lastInvestedMonth: Month | null;
  startedOn: Day | null;
  /** The day work resumed this year (a continuing project). */
  resumedOn: Day | null;
}

/** The month a project has been without investment since: the latest of its last invested month and the months before it (re)started. */
export function quietReference(f: QuietFacts): Month | null {
  if (f.startedOn === null) return null;
  const before = (d: Day | null) => (d === null ? null : addMonths(d.slice(0, 7), -1));
  return [f.lastInvestedMonth, before(f.startedOn), before(f.resumedOn)].filter((m): m is Month => m !== null).sort().at(-1) ?? null;
}

/** 连续无投资: a project under way that has reported no investment for `yellow` months or more (January not counted). */
export function noInvestmentAlert(f: QuietFacts, t: MonthThresholds): AlertResult | null {
  const ref = quietReference(f);
  if (ref === null || ref >= f.asOf) return null;
  const months = reportedMonthsAfter(ref, f.asOf);
  const level = monthThresholdLevel(months, t);
  if (!level || months === 0) return null;
  const resumedRef = f.resumedOn === null ? null : addMonths(f.resumedOn.slice(0, 7), -1);
  const since =
    f.lastInvestedMonth === ref
      ? `最近一次完成投资在${monthLabel(ref)}`
      : `${monthLabel(addMonths(ref, 1))}${resumedRef === ref ? '复工' : '开工'}以来未完成投资`;
  return { level, reason: `${since}，截至${monthNumber(f.asOf)}月已连续${months}个月没有完成投资` };
}

// ---------------------------------------------------------------------------------------------------------------
// 督办事项逾期: red when an item of the project is overdue, yellow when a deadline is near (宜昌: within 3 days).

/** An open item of a project as the rule sees it. */
export interface ItemFacts {
  title: string;
  state: TimerState;
}

/** The project's worst item: red for the one most overdue, else yellow for the nearest deadline within `nearDays`. */
export function itemOverdueAlert(items: readonly ItemFacts[], t: { nearDays: number }): AlertResult | null {
  const overdue = items.filter((i) => i.state.overdue).sort((a, b) => b.state.overdue!.daysLate - a.state.overdue!.daysLate);
  if (overdue.length > 0) {
    const o = overdue[0]!;
    const more = overdue.length > 1 ? `等${overdue.length}项督办事项逾期` : '';
    return { level: 'red', reason: `督办事项“${o.title}”应于${dayLabel(o.state.overdue!.due, true)}前${DEADLINE_LABELS[o.state.overdue!.kind]}，已逾期${o.state.overdue!.daysLate}天${more ? `（${more}）` : ''}` };
  }
  const near = items.filter((i) => i.state.next && i.state.next.daysLeft <= t.nearDays).sort((a, b) => a.state.next!.daysLeft - b.state.next!.daysLeft);
  if (near.length === 0) return null;
  const n = near[0]!.state.next!;
  return { level: 'yellow', reason: `督办事项“${near[0]!.title}”应于${dayLabel(n.due, true)}前${DEADLINE_LABELS[n.kind]}，${n.daysLeft === 0 ? '今天到期' : `还有${n.daysLeft}天`}` };
}
