// The checks that warn the dispatcher before approving a report: figures above plan or total, a month off the project's own pattern, silence, a stage going backwards.

import { money } from '../format.ts';
import type { Yuan } from '../money.ts';
import { addMonths, lastDayOfMonth, monthNumber, monthYear, ytdLabel, type Day, type Month } from '../months.ts';
import type { Stage } from '../project/project.ts';
import { backwardsEventText, sortStageEvents, STAGE_EVENT_STAGE, stageGoesBackwards, type StageEventEntry } from './stage-events.ts';

export const REPORT_FLAG_CODES = ['aboveAnnualPlan', 'aboveTotal', 'outlier', 'silentThreeMonths', 'stageBackwards', 'negativeMonth'] as const;
export type ReportFlagCode = (typeof REPORT_FLAG_CODES)[number];

/**
 * A check that did not pass. Flags never block approval. `error`: the report contradicts itself or
 * the project (since-start above the total, a negative month, a stage going back) — something must be
 * corrected, here or in the project. `warning`: unusual but possible; the dispatcher decides.
 */
export interface ReportFlag {
  code: ReportFlagCode;
  severity: 'warning' | 'error';
  /** In Chinese, with the figures in 万元. */
  message: string;
}

/** What the checks need to know about a report and its project. */
export interface ReportFlagInput {
  month: Month;
  /** The month's amount; null when the reporter left it empty. */
  completedMonth: Yuan | null;
  ytd: Yuan;
  sinceStart: Yuan;
  /** The year's plan; null when the project has none for the year. */
  annualPlan: Yuan | null;
  totalInvestment: Yuan;
  /** This project's earlier months, any years, in any order; months at or after `month` are ignored. */
  history: { month: Month; completed: Yuan }[];
  /** The project's stage before this report's events. */
  stage: Stage;
  /** Whether the project had started (开工) before this report. */
  started: boolean;
  /** Its start day, when known: a project started within the last three months is not called silent. */
  startedOn?: Day | null;
  stageEvents: StageEventEntry[];
}

/**
 * A month is "far above" the project's own pattern when it exceeds OUTLIER_FACTOR times the median of
 * the project's last OUTLIER_BASELINE_MONTHS months with investment, and by at least OUTLIER_MIN_EXCESS.
 * Why these: construction spending swings with the season (frozen ground stops work from about
 * November to March in Shanxi, then it ramps up), so doubling from one month to the next is ordinary;
 * three times the usual month is not. The median, not the mean, so one earlier spike (equipment paid in
 * one go) does not raise the bar; six months is half a building season. The 500 万元 floor — the size of
 * a whole project that enters the statistics — keeps small projects (20 万 one month, 80 万 the next)
 * from being flagged for amounts nobody would query. Fewer than OUTLIER_MIN_BASELINE months is no pattern.
 */
export const OUTLIER_FACTOR = 3;
export const OUTLIER_MIN_EXCESS: Yuan = 5_000_000;
export const OUTLIER_BASELINE_MONTHS = 6;
export const OUTLIER_MIN_BASELINE = 3;
/**
 * A month of nothing is "far below" when each of the project's previous OUTLIER_ACTIVE_STREAK reporting
 * months had investment: a site working steadily does not usually stop dead without a 停工 being reported.
 */
export const OUTLIER_ACTIVE_STREAK = 3;
/** A started project with nothing in this many reporting months in a row (this one included) is silent. */
export const SILENT_MONTHS = 3;

const WAN = (yuan: Yuan) => money(yuan, '万元', 2);

/**
 * The flags of a report, in a fixed order: negativeMonth, aboveAnnualPlan, aboveTotal, outlier,
 * silentThreeMonths, stageBackwards (one per backwards event).
 *
 * Month windows count reporting months: January is not reported on its own (the year's first figure
 * is 1—2月), so a January missing from the history is skipped rather than counted as a month of nothing.
 * @example
 * // history Nov–Apr: 200, 300, 250, 300, 350, 400 万元; May 2 000 万元 → median 300 万元, 2 000 > 900 and 1 700 ≥ 500: outlier
 */
export function reportFlags(input: ReportFlagInput): ReportFlag[] {
  const flags: ReportFlag[] = [];
  const history = new Map<Month, Yuan>();
  for (const h of input.history) if (h.month < input.month) history.set(h.month, (history.get(h.month) ?? 0) + h.completed);
  const thisMonth = input.completedMonth;
  const events = sortStageEvents(input.stageEvents);
  const stageAfter = events.length > 0 ? STAGE_EVENT_STAGE[events[events.length - 1]!.event] : input.stage;

  if (thisMonth !== null && thisMonth < 0) {
    flags.push({
      code: 'negativeMonth',
      severity: 'error',
      message: `本月完成投资为${WAN(thisMonth)}（负数）；如为冲减以前月份的数据，请说明原因`,
    });
  }

  if (input.annualPlan !== null && input.ytd > input.annualPlan) {
    flags.push({
      code: 'aboveAnnualPlan',
      severity: 'warning',
      message: `${ytdLabel(input.month)}累计完成投资${WAN(input.ytd)}，超过年度计划投资${WAN(input.annualPlan)}`,
    });
  }

  if (input.sinceStart > input.totalInvestment) {
    flags.push({
      code: 'aboveTotal',
      severity: 'error',
      message: `开工累计完成投资${WAN(input.sinceStart)}，超过项目总投资${WAN(input.totalInvestment)}；请核对完成投资，或先调整总投资`,
    });
  }

  const outlier = outlierFlag(input.month, thisMonth, history, stageAfter);
  if (outlier) flags.push(outlier);

  const silent = silentFlag(input, history, stageAfter);
  if (silent) flags.push(silent);

  let stage = input.stage;
  for (const e of events) {
    if (stageGoesBackwards(stage, e.event)) {
      flags.push({ code: 'stageBackwards', severity: 'error', message: `阶段倒退：${backwardsEventText(stage, e)}` });
    }
    stage = STAGE_EVENT_STAGE[e.event];
  }

  return flags;
}

// A finished, suspended or cancelled project is expected to report nothing (停工 has its own alert).
// Other stages are judged by the figures: imported ledgers often carry a start date with a stage never moved on.
function idle(stage: Stage): boolean {
  return stage === 'completed' || stage === 'operating' || stage === 'suspended' || stage === 'cancelled';
}

function outlierFlag(month: Month, thisMonth: Yuan | null, history: Map<Month, Yuan>, stageAfter: Stage): ReportFlag | null {
  if (thisMonth !== null && thisMonth > 0) {
    const baseline = [...history.entries()]
      .filter(([, v]) => v > 0)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .slice(-OUTLIER_BASELINE_MONTHS)
      .map(([, v]) => v);
    if (baseline.length < OUTLIER_MIN_BASELINE) return null;
    const m = median(baseline);
    if (thisMonth > OUTLIER_FACTOR * m && thisMonth - m >= OUTLIER_MIN_EXCESS) {
      return {
        code: 'outlier',
        severity: 'warning',
        message: `本月完成投资${WAN(thisMonth)}，远高于该项目近${baseline.length}个有投资月份的中位数${WAN(m)}（超过${OUTLIER_FACTOR}倍）`,
      };
    }
    return null;
  }
  if ((thisMonth === null || thisMonth === 0) && !idle(stageAfter)) {
    const before = reportingMonthsBefore(month, OUTLIER_ACTIVE_STREAK, history);
    if (before.every((m) => (history.get(m) ?? 0) > 0)) {
      return {
        code: 'outlier',
        severity: 'warning',
        message: `本月未报完成投资，而此前连续${OUTLIER_ACTIVE_STREAK}个月（${monthList(before)}）均有投资；如已停工，请报停工`,
      };
    }
  }
  return null;
}

function silentFlag(input: ReportFlagInput, history: Map<Month, Yuan>, stageAfter: Stage): ReportFlag | null {
  if (!input.started || idle(stageAfter)) return null;
  if ((input.completedMonth ?? 0) !== 0) return null;
  if (input.stageEvents.some((e) => e.event === 'started' || e.event === 'resumed')) return null;
  const window = [...reportingMonthsBefore(input.month, SILENT_MONTHS - 1, history), input.month].sort();
  if (input.startedOn && input.startedOn > lastDayOfMonth(window[0]!)) return null;
  if (!window.slice(0, -1).every((m) => (history.get(m) ?? 0) === 0)) return null;
  return {
    code: 'silentThreeMonths',
    severity: 'warning',
    message: `项目已开工，但连续${SILENT_MONTHS}个月（${monthList(window)}）未报完成投资`,
  };
}

/** The `n` reporting months before `month`, latest first; a January absent from the history is skipped. */
export function reportingMonthsBefore(month: Month, n: number, history: ReadonlyMap<Month, Yuan>): Month[] {
  const out: Month[] = [];
  for (let m = addMonths(month, -1); out.length < n; m = addMonths(m, -1)) {
    if (monthNumber(m) === 1 && !history.has(m)) continue;
    out.push(m);
  }
  return out;
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : Math.round((s[mid - 1]! + s[mid]!) / 2);
}

/** "2020年12月、2021年2月、3月": months in order, the year written when it changes. */
function monthList(months: readonly Month[]): string {
  const sorted = [...months].sort();
  return sorted
    .map((m, i) => (i > 0 && monthYear(sorted[i - 1]!) === monthYear(m) ? `${monthNumber(m)}月` : `${monthYear(m)}年${monthNumber(m)}月`))
    .join('、');
}

