// Rates rounded for JSON (four decimals: 136/143 → 0.951); money stays whole 元.

import { jsonRate } from '../../domain/format.ts';
import type { BreakdownRow, PoolFigures } from '../../domain/pool/pool-analysis.ts';
import type { PoolSummary } from '../../services/pool-summary.ts';

export function presentPoolFigures<T extends PoolFigures>(f: T): T {
  return {
    ...f,
    all: { ...f.all, planShare: jsonRate(f.all.planShare) },
    continuing: { ...f.continuing, planShare: jsonRate(f.continuing.planShare), resumeRate: jsonRate(f.continuing.resumeRate) },
    newStart: { ...f.newStart, planShare: jsonRate(f.newStart.planShare), startRate: jsonRate(f.newStart.startRate) },
  };
}

export function presentPoolSummary(s: PoolSummary): PoolSummary {
  const rows = (list?: BreakdownRow[]) => list?.map(presentPoolFigures);
  return {
    ...presentPoolFigures(s),
    timeProgress: jsonRate(s.timeProgress) ?? 0,
    byTownship: rows(s.byTownship),
    byChain: rows(s.byChain),
    byLeader: rows(s.byLeader),
    byUnit: rows(s.byUnit),
    byCounty: rows(s.byCounty),
  };
}
