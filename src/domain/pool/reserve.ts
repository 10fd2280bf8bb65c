// Reserve sufficiency (项目储备, seed 000's 存在问题 1) and 有效投资余额 (seed 004): what the projects in the statistics
// library still hold against the year's task times a coverage ratio, and what of it can really be reported this year.

import { money } from '../format.ts';
import type { Yuan } from '../money.ts';
import type { StatsEntryStatus } from '../project/project.ts';

/**
 * 在库: in the statistics library — entered (已入库), or submitted and awaiting the office's verification (已报送).
 * Seeds 000 and 004 speak of 在库项目 / 库内项目 and of 新入库项目: the library is the statistics', not the whole pool.
 */
export const LIBRARY_STATUSES = ['entered', 'submitted'] as const satisfies readonly StatsEntryStatus[];

/** "按照以往惯例测算，在库项目剩余投资需达到270亿元，才能支撑全年100亿元的年度任务" (seed 000): 2.7 times the task. */
export const DEFAULT_COVERAGE_RATIO = 2.7;

/** Why a coverage ratio is refused, or null: a number from 1 to 10. */
/** The multiples of the year's task the reserve may be asked to cover. */
export const COVERAGE_RATIO_RANGE = [1, 10] as const;

export function coverageRatioRefusal(ratio: number): string | null {
  const [min, max] = COVERAGE_RATIO_RANGE;
  return Number.isFinite(ratio) && ratio >= min && ratio <= max ? null : `覆盖倍数应在${min}到${max}之间`;
}

/** The figures of one group of projects (a category, or all), as the database sums them. */
export interface ReserveGroup {
  /** The project category (项目类别); null for projects without one. */
  category: string | null;
  /** Projects in the library and what they still hold: total investment less what was completed since the start. */
  count: number;
  remainingInvestment: Yuan;
  /** Of them, those that can report this year (in the year's pool and under way) and what they hold. */
  effectiveCount: number;
  effectiveBalance: Yuan;
  /** The year's pool: annual plan and year-to-date completion, for the category's share of the task. */
  annualPlan: Yuan;
  completedYtd: Yuan;
}

export interface ReserveInput {
  /** The year's task set by the county, or null to take the pool's annual plan. */
  task: Yuan | null;
  coverageRatio: number;
  groups: readonly ReserveGroup[];
  /** Projects that entered the library this year up to the as-of month. */
  newlyEntered: { count: number; totalInvestment: Yuan };
}

export interface ReserveLine {
  category: string | null;
  count: number;
  remainingInvestment: Yuan;
  effectiveCount: number;
  effectiveBalance: Yuan;
  annualPlan: Yuan;
  completedYtd: Yuan;
  /** The category's share of the year's task, in proportion to its annual plan. */
  task: Yuan;
  required: Yuan;
  gap: Yuan;
}

export interface ReserveFigures extends Omit<ReserveLine, 'category'> {
  taskSource: 'setting' | 'poolPlan';
  coverageRatio: number;
  /** The year's task less what was completed year-to-date. */
  remainingTask: Yuan;
  newlyEntered: { count: number; totalInvestment: Yuan };
  byCategory: ReserveLine[];
}

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

/**
 * The reserve as of a month: the remaining investment in the library against coverage × the year's task (the gap is
 * what is missing, never negative), the year's remaining task, and 有效投资余额; by category, the task shared out in
 * proportion to each category's annual plan, so the categories' figures add up to the whole.
 * @example reserveFigures({ task: 10_000_000_000, coverageRatio: 2.7, groups: [{ remainingInvestment: 11_500_000_000, … }], … })
 *   // { required: 27_000_000_000, gap: 15_500_000_000, … }
 */
export function reserveFigures(input: ReserveInput): ReserveFigures {
  const groups = input.groups;
  const annualPlan = sum(groups.map((g) => g.annualPlan));
  const task = input.task ?? annualPlan;
  // Largest remainders: the categories' shares of the task add up to the task exactly.
  const exact = groups.map((g) => (annualPlan > 0 ? (task * g.annualPlan) / annualPlan : 0));
  const shares = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; k < task - sum(shares) && annualPlan > 0; k++) shares[order[k % order.length]![1]]! += 1;
  const required = Math.round(input.coverageRatio * task);
  const byCategory = groups.map((g, i): ReserveLine => {
    const req = Math.round(input.coverageRatio * shares[i]!);
    return { ...g, task: shares[i]!, required: req, gap: Math.max(0, req - g.remainingInvestment) };
  });
  const remainingInvestment = sum(groups.map((g) => g.remainingInvestment));
  const completedYtd = sum(groups.map((g) => g.completedYtd));
  return {
    count: sum(groups.map((g) => g.count)),
    remainingInvestment,
    effectiveCount: sum(groups.map((g) => g.effectiveCount)),
    effectiveBalance: sum(groups.map((g) => g.effectiveBalance)),
    annualPlan,
    completedYtd,
    task,
    taskSource: input.task === null ? 'poolPlan' : 'setting',
    coverageRatio: input.coverageRatio,
    remainingTask: Math.max(0, task - completedYtd),
    required,
    gap: Math.max(0, required - remainingInvestment),
    newlyEntered: input.newlyEntered,
    byCategory: byCategory.sort((a, b) => b.remainingInvestment - a.remainingInvestment || (a.category ?? '').localeCompare(b.category ?? '')),
  };
}

/**
 * 存在问题 1 of seed 000 and 004's 有效投资余额, drafted from the figures: every number in it is one of them.
 * @param scopeWord 全县 for a county, 全市 for a city
 */
export function reserveSentence(f: ReserveFigures, scopeWord = '全县'): string {
  const ratio = String(f.coverageRatio);
  const head =
    `目前${scopeWord}在库项目剩余投资${money(f.remainingInvestment)}，按照${ratio}倍测算，在库项目剩余投资需达到${money(f.required)}，` +
    `才能支撑全年${money(f.task)}的年度任务，今年新入库项目${f.newlyEntered.count}个，总投资${money(f.newlyEntered.totalInvestment)}，`;
  const verdict = f.gap > 0 ? `尚有${money(f.gap)}的缺口。` : `已能支撑全年任务，超出${money(f.remainingInvestment - f.required)}。`;
  const effective =
    f.effectiveBalance < f.remainingInvestment
      ? `在库项目剩余投资虽然有${money(f.remainingInvestment)}，但今年能够上报投资的有效投资余额只有${money(f.effectiveBalance)}。`
      : `有效投资余额${money(f.effectiveBalance)}。`;
  return `${head}${verdict}${effective}`;
}
