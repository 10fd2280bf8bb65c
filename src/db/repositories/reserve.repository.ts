// The reserve's sums by project category: what the projects in the statistics library still hold (total less what
// was completed since the start), what of it can be reported this year, and the projects newly entered this year.

import { sql, type Kysely } from 'kysely';
import { LIBRARY_STATUSES } from '../../domain/pool/reserve.ts';
import { toYuan, type Yuan } from '../../domain/money.ts';
import type { Database } from '../schema.ts';
import { withCompletedThrough } from './completion.repository.ts';
import { inProjectCounty } from './county-key.ts';
import { countyRange } from './scope.ts';

type Db = Kysely<Database>;

export interface LibraryQuery {
  regionCode: string;
  year: number;
  /** The as-of month: completion up to it is spent. */
  toMonth: string;
  /** Its last day: a project entered after it was not yet in the library. */
  endDay: string;
  unitId?: string | null;
}

export interface LibraryGroupRow {
  category: string | null;
  count: number;
  remainingInvestment: Yuan;
  effectiveCount: number;
  effectiveBalance: Yuan;
}

/**
 * The library by category: projects entered (or submitted) by the end of the as-of month, not cancelled, each with
 * max(0, total − completed before tiaodu − months up to the as-of month); effective when the project is in the year's
 * pool and under way (not stalled, not finished), so it can report investment this year.
 */
export async function libraryByCategory(db: Db, q: LibraryQuery): Promise<LibraryGroupRow[]> {
  const [lo, hi] = countyRange(q.regionCode);
  const projects = db
    .selectFrom('project as p')
    .leftJoin('stats_entry as s', 's.project_id', 'p.id')
    .leftJoin('project_year as y', (j) => j.onRef('y.project_id', '=', 'p.id').on(inProjectCounty('y')).on('y.year', '=', q.year));
  const [withCompleted, completed] = withCompletedThrough(db, projects, q.regionCode, q.toMonth);
  const inner = withCompleted
    .select([
      'p.category',
      sql<number>`p.total_investment - p.completed_before - ${completed}`.as('left_over'),
      sql<number>`case when y.phase in ('continuing', 'newStart') and p.stage = 'underway' then 1 else 0 end`.as('effective'),
    ])
    .where('p.region_code', '>=', lo)
    .where('p.region_code', '<=', hi)
    .where('p.stage', '!=', 'cancelled')
    .where('p.stats_entry', 'in', [...LIBRARY_STATUSES])
    .where((eb) => eb.or([eb('s.status_on', 'is', null), eb('s.status_on', '<=', q.endDay)]))
    .$if(q.regionCode.length === 9, (qb) => qb.where('p.township_code', '=', q.regionCode))
    .$if(!!q.unitId, (qb) => qb.where('p.unit_id', '=', q.unitId!));
  const rows = await db
    .selectFrom(inner.as('t'))
    .select([
      't.category',
      sql<number | string>`count(*)`.as('n'),
      sql<number | string>`sum(case when t.left_over > 0 then t.left_over else 0 end)`.as('remaining'),
      sql<number | string>`sum(t.effective)`.as('effective_n'),
      sql<number | string>`sum(case when t.effective = 1 and t.left_over > 0 then t.left_over else 0 end)`.as('effective'),
    ])
    .groupBy('t.category')
    .execute();
  return rows.map((r) => ({
    category: r.category,
    count: Number(r.n),
    remainingInvestment: toYuan(r.remaining ?? 0),
    effectiveCount: Number(r.effective_n ?? 0),
    effectiveBalance: toYuan(r.effective ?? 0),
  }));
}

/** Projects that entered the library (已入库) in the year up to the end of the as-of month: count and total investment. */
export async function newlyEntered(db: Db, q: LibraryQuery): Promise<{ count: number; totalInvestment: Yuan }> {
  const [lo, hi] = countyRange(q.regionCode);
  const r = await db
    .selectFrom('project as p')
    .innerJoin('stats_entry as s', 's.project_id', 'p.id')
    .select([sql<number | string>`count(*)`.as('n'), sql<number | string | null>`sum(p.total_investment)`.as('total')])
    .where('p.region_code', '>=', lo)
    .where('p.region_code', '<=', hi)
    .where('p.stage', '!=', 'cancelled')
    .where('p.stats_entry', '=', 'entered')
    .where('s.status_on', '>=', `${q.year}-01-01`)
    .where('s.status_on', '<=', q.endDay)
    .$if(q.regionCode.length === 9, (qb) => qb.where('p.township_code', '=', q.regionCode))
    .$if(!!q.unitId, (qb) => qb.where('p.unit_id', '=', q.unitId!))
    .executeTakeFirstOrThrow();
  return { count: Number(r.n), totalInvestment: toYuan(r.total ?? 0) };
}
