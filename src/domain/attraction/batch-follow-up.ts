// 三个一批 as Taiyuan's published follow-ups report them: per batch and category, count, total investment and expected
// annual output; then how the batch's projects fared — 签约 ones started (开工率), 开工 ones in production (投产率),
// those in production reaching their expected output (达效率).

import type { Yuan } from '../money.ts';
import type { Day } from '../months.ts';

export const BATCH_CATEGORIES = ['signed', 'started', 'operating'] as const;
export type BatchCategory = (typeof BATCH_CATEGORIES)[number];
export const BATCH_CATEGORY_LABELS: Record<BatchCategory, string> = { signed: '签约一批', started: '开工一批', operating: '投产一批' };

/** One project or lead of a batch, as its follow-up sees it on a day. */
export interface BatchItem {
  kind: BatchCategory;
  totalInvestment: Yuan;
  expectedOutput: Yuan | null;
  actualOutput: Yuan | null;
  startedOn: Day | null;
  operatingOn: Day | null;
}

export interface CategoryFigures {
  count: number;
  totalInvestment: Yuan;
  expectedOutput: Yuan;
}

export interface BatchFollowUp {
  categories: Record<BatchCategory, CategoryFigures>;
  /** 签约一批 started by the day. */
  startRate: { value: number | null; numerator: number; denominator: number };
  /** 开工一批 in production by the day. */
  operatingRate: { value: number | null; numerator: number; denominator: number };
  /** Output reached ÷ output expected, over the batch's items in production that announced one. */
  attainmentRate: { value: number | null; numerator: Yuan; denominator: Yuan };
}

const ratio = (n: number, d: number) => ({ value: d === 0 ? null : n / d, numerator: n, denominator: d });

/**
 * The figures of a batch on a day.
 * @example batchFollowUp([{ kind: 'signed', totalInvestment: 5e8, expectedOutput: null, actualOutput: null, startedOn: '2021-03-01', operatingOn: null }], '2021-06-30').startRate.value // 1
 */
export function batchFollowUp(items: readonly BatchItem[], day: Day): BatchFollowUp {
  const categories = Object.fromEntries(BATCH_CATEGORIES.map((k) => [k, { count: 0, totalInvestment: 0, expectedOutput: 0 }])) as Record<BatchCategory, CategoryFigures>;
  for (const i of items) {
    const c = categories[i.kind];
    c.count += 1;
    c.totalInvestment += i.totalInvestment;
    c.expectedOutput += i.expectedOutput ?? 0;
  }
  const by = (d: Day | null) => d !== null && d <= day;
  const signed = items.filter((i) => i.kind === 'signed');
  const started = items.filter((i) => i.kind === 'started');
  const producing = items.filter((i) => by(i.operatingOn) && (i.expectedOutput ?? 0) > 0);
  return {
    categories,
    startRate: ratio(signed.filter((i) => by(i.startedOn)).length, signed.length),
    operatingRate: ratio(started.filter((i) => by(i.operatingOn)).length, started.length),
    attainmentRate: ratio(
      producing.reduce((s, i) => s + (i.actualOutput ?? 0), 0),
      producing.reduce((s, i) => s + (i.expectedOutput ?? 0), 0),
    ),
  };
}
