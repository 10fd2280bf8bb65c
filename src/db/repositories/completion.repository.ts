// Investment completed per project: over a window of months (year-to-date), or over every tracked month up to one.

import { sql } from 'kysely';
import { inProjectCounty } from './county-key.ts';

/**
 * The investment project `p` completed from `fromMonth` to `toMonth` (both included), 0 without figures: the one
 * expression every year-to-date figure is computed with, answered from the (county_code, project_id, month, completed) index.
 */
export function completedBetween(fromMonth: string, toMonth: string) {
  return sql<number>`coalesce((select sum(m.completed) from project_month m
    where ${inProjectCounty('m')} and m.project_id = p.id and m.month >= ${fromMonth} and m.month <= ${toMonth}), 0)`;
}

/** Everything project `p` completed in tiaodu's months up to and including `toMonth`, 0 without figures: 开工累计 less what came before. */
export function completedThrough(toMonth: string) {
  return sql<number>`coalesce((select sum(m.completed) from project_month m
    where ${inProjectCounty('m')} and m.project_id = p.id and m.month <= ${toMonth}), 0)`;
}
