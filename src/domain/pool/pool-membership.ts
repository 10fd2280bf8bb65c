// Which projects are in a year's pool, and which count as started (开工) or resumed (复工) by an as-of month: the domain
// gives the phases, stages and days, and every query (pool, round, indicators, ledger) only filters by them.

import { firstMonthOfYear, lastDayOfMonth, monthYear, type Day, type Month } from '../months.ts';
import { startedBy, type Phase, type Stage } from '../project/project.ts';

/** The phases of a year's pool: 续建 and 新建. A 储备 project waits outside it. */
export const POOL_PHASES = ['continuing', 'newStart'] as const satisfies readonly Phase[];
export type PoolPhase = (typeof POOL_PHASES)[number];

/** Stages that take a project out of every count: a 撤销 project is in no pool and never flagged. */
export const WITHDRAWN_STAGES = ['cancelled'] as const satisfies readonly Stage[];

export function isPoolPhase(phase: Phase | null | undefined): phase is PoolPhase {
  return (POOL_PHASES as readonly (Phase | null | undefined)[]).includes(phase);
}

export function isWithdrawn(stage: Stage | null | undefined): boolean {
  return (WITHDRAWN_STAGES as readonly (Stage | null | undefined)[]).includes(stage);
}

/**
 * Whether a project is in the pool of a year: it has that year's row as 续建 or 新建 (`phase`, null without a row)
 * and is not withdrawn.
 * @example inPool({ phase: 'newStart', stage: 'preparing' }) === true; inPool({ phase: 'reserve', stage: 'planned' }) === false
 */
export function inPool(p: { phase: Phase | null; stage: Stage }): boolean {
  return isPoolPhase(p.phase) && !isWithdrawn(p.stage);
}

/**
 * Whether a ledger filter asks for projects the pool leaves out (a 储备 phase or a 撤销 stage), so the list must look
 * beyond the year's pool to answer it.
 */
export function asksBeyondPool(filter: { phase?: Phase | null; stage?: Stage | null }): boolean {
  return (!!filter.phase && !isPoolPhase(filter.phase)) || isWithdrawn(filter.stage);
}

/** What the pool of an as-of month is counted over: the year, its year-to-date window, and the day 开工/复工 are judged on. */
export interface PoolBounds {
  year: number;
  /** First and last month of the year-to-date window, 'YYYY-MM'. */
  fromMonth: Month;
  toMonth: Month;
  /** The last day of the as-of month: a start or resume day on or before it counts. */
  endDay: Day;
}

/**
 * The bounds of the pool as of the end of a month.
 * @example poolBounds('2021-05') // { year: 2021, fromMonth: '2021-01', toMonth: '2021-05', endDay: '2021-05-31' }
 */
export function poolBounds(asOf: Month): PoolBounds {
  const year = monthYear(asOf);
  return { year, fromMonth: firstMonthOfYear(year), toMonth: asOf, endDay: lastDayOfMonth(asOf) };
}

/** Whether a project counts as started (开工) by the bounds' day: a start date on or before it. */
export function startedWithin(startedOn: Day | null, bounds: Pick<PoolBounds, 'endDay'>): boolean {
  return startedBy(startedOn, bounds.endDay);
}

/** Whether a continuing project counts as resumed (复工) by the bounds' day: its year's resume date on or before it. */
export function resumedWithin(resumedOn: Day | null, bounds: Pick<PoolBounds, 'endDay'>): boolean {
  return resumedOn !== null && resumedOn <= bounds.endDay;
}
