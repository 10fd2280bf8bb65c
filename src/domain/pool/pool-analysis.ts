// The pool analysis of the pool report: counts, totals, plans, year-to-date completion, 开工率 and 复工率, always sums of parts. Sources quoted in docs/sources.md.

import type { Yuan } from '../money.ts';
import type { PoolPhase } from './pool-membership.ts';

/** Aggregated figures of one group of projects in one phase, as the database returns them. */
export interface PhaseFigures {
  phase: PoolPhase;
  count: number;
  totalInvestment: Yuan;
  annualPlan: Yuan;
  completedYtd: Yuan;
  /** New projects started by the end of the as-of month. */
  started: number;
  /** Continuing projects resumed by the end of the as-of month. */
  resumed: number;
}

export interface GroupFigures {
  count: number;
  totalInvestment: Yuan;
  annualPlan: Yuan;
  completedYtd: Yuan;
  /** completedYtd ÷ annualPlan; null without a plan. */
  planShare: number | null;
}

export interface PoolFigures {
  all: GroupFigures;
  continuing: GroupFigures & { resumed: number; resumeRate: number | null };
  newStart: GroupFigures & { started: number; startRate: number | null };
}

const EMPTY: Omit<PhaseFigures, 'phase'> = { count: 0, totalInvestment: 0, annualPlan: 0, completedYtd: 0, started: 0, resumed: 0 };

/** A ratio, or null when the denominator is zero: a figure that cannot be computed is never 0. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

function group(f: Omit<PhaseFigures, 'phase'>): GroupFigures {
  return {
    count: f.count,
    totalInvestment: f.totalInvestment,
    annualPlan: f.annualPlan,
    completedYtd: f.completedYtd,
    planShare: ratio(f.completedYtd, f.annualPlan),
  };
}

/**
 * Combines per-phase rows into the figures of the pool. `all` is the sum of the two phases,
 * by construction, so a total can never disagree with its parts (the pool report's own totals do).
 */
export function poolFigures(rows: readonly PhaseFigures[]): PoolFigures {
  const byPhase = (phase: PhaseFigures['phase']) => {
    const acc = { ...EMPTY };
    for (const r of rows) {
      if (r.phase !== phase) continue;
      acc.count += r.count;
      acc.totalInvestment += r.totalInvestment;
      acc.annualPlan += r.annualPlan;
      acc.completedYtd += r.completedYtd;
      acc.started += r.started;
      acc.resumed += r.resumed;
    }
    return acc;
  };
  const c = byPhase('continuing');
  const n = byPhase('newStart');
  const all = {
    count: c.count + n.count,
    totalInvestment: c.totalInvestment + n.totalInvestment,
    annualPlan: c.annualPlan + n.annualPlan,
    completedYtd: c.completedYtd + n.completedYtd,
    started: 0,
    resumed: 0,
  };
  return {
    all: group(all),
    continuing: { ...group(c), resumed: c.resumed, resumeRate: ratio(c.resumed, c.count) },
    newStart: { ...group(n), started: n.started, startRate: ratio(n.started, n.count) },
  };
}

/** One project's part in the figures. */
export interface PoolProjectFigures {
  phase: PhaseFigures['phase'];
  totalInvestment: Yuan;
  annualPlan: Yuan;
  completedYtd: Yuan;
  started: boolean;
  resumed: boolean;
}

/**
 * Adds up projects into per-phase figures, grouped by a key; the same sums the database computes,
 * so a breakdown built here equals one aggregated in SQL. A project with several keys (a project with two 包联领导)
 * counts once under each of them, so the lines of such a breakdown add up to more than the pool.
 */
export function groupPhaseFigures<T extends PoolProjectFigures>(
  rows: readonly T[],
  keyOf: (row: T) => string | null | readonly string[],
): (PhaseFigures & { key: string | null })[] {
  const groups = new Map<string, PhaseFigures & { key: string | null }>();
  for (const r of rows) {
    const keys = keyOf(r);
    // A project under several keys (two 包联领导) counts under each; under none, it counts under null.
    for (const key of typeof keys === 'string' || keys === null ? [keys] : keys.length > 0 ? keys : [null]) add(r, key);
  }
  return [...groups.values()];

  function add(r: T, key: string | null): void {
    // Called once per project and key, so the id is a plain concatenation; \u0000 keeps null apart from any key.
    const id = key === null ? `${r.phase}\u0000` : `${r.phase}\u0001${key}`;
    let g = groups.get(id);
    if (!g) {
      g = { phase: r.phase, key, count: 0, totalInvestment: 0, annualPlan: 0, completedYtd: 0, started: 0, resumed: 0 };
      groups.set(id, g);
    }
    g.count += 1;
    g.totalInvestment += r.totalInvestment;
    g.annualPlan += r.annualPlan;
    g.completedYtd += r.completedYtd;
    if (r.started) g.started += 1;
    if (r.resumed) g.resumed += 1;
  }
}

/** One line of a breakdown (by township, chain, leader or unit). */
export interface BreakdownRow extends PoolFigures {
  key: string | null;
  label: string;
}

/**
 * Groups per-phase rows that carry a key into breakdown lines, largest total investment first;
 * rows without a key form one line labelled `unassignedLabel`.
 */
export function breakdown(
  rows: readonly (PhaseFigures & { key: string | null })[],
  labelOf: (key: string) => string,
  unassignedLabel = '未填写',
): BreakdownRow[] {
  const groups = new Map<string | null, PhaseFigures[]>();
  for (const r of rows) {
    const list = groups.get(r.key) ?? [];
    list.push(r);
    groups.set(r.key, list);
  }
  return [...groups.entries()]
    .map(([key, list]) => ({ key, label: key === null ? unassignedLabel : labelOf(key), ...poolFigures(list) }))
    .sort((a, b) => b.all.totalInvestment - a.all.totalInvestment || String(a.key).localeCompare(String(b.key)));
}
