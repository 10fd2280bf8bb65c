// Investment completed per project up to a month, over every tracked month: the ledger's 开工累计完成投资 less completedBefore.

import { sql, type Kysely } from 'kysely';
import { toYuan, type Yuan } from '../../domain/money.ts';
import type { Database } from '../schema.ts';
import { countyRange } from './scope.ts';

type Db = Kysely<Database>;

/** Sum of the monthly completions of each project of a region up to and including `toMonth`; projects without months are absent. */
export async function completedThroughByProject(db: Db, regionCode: string, toMonth: string): Promise<Map<string, Yuan>> {
  const [lo, hi] = countyRange(regionCode);
  const rows = await db
    .selectFrom('project_month as m')
    .innerJoin('project as p', 'p.id', 'm.project_id')
    .select(['m.project_id as id', sql<number | string>`sum(m.completed)`.as('completed')])
    .where('p.region_code', '>=', lo)
    .where('p.region_code', '<=', hi)
    .where('m.month', '<=', toMonth)
    .groupBy('m.project_id')
    .execute();
  return new Map(rows.map((r) => [r.id, toYuan(r.completed)]));
}
