// The year-to-date sum of the raw twins, in the form the layout runs fastest, as the application does
// (src/db/figure-layout.ts): on one server a correlated subquery on the (county_code, project_id, month) key, and where
// the month rows are on shards one grouped query, summed on each shard. Plain SQL that both databases run as written,
// over the aliases p (project) and y (its year row).

import type { FigureLayout } from '../../src/db/figure-layout.ts';

/** A condition naming the counties read, on the alias given. */
export type Counties = (alias: string) => string;

/** What to join after the year rows (nothing on one server), and the expression of the sum (null without figures). */
export function ytdForm(layout: FigureLayout, counties: Counties): { join: string; ytd: string } {
  return layout === 'sharded'
    ? {
        join: `left join (select m.county_code, m.project_id, sum(m.completed) as completed from project_month m
          where ${counties('m')} and m.month >= :fromMonth and m.month <= :toMonth group by m.county_code, m.project_id) ms
          on ms.county_code = y.county_code and ms.project_id = p.id`,
        ytd: 'ms.completed',
      }
    : {
        join: '',
        ytd: `(select sum(m.completed) from project_month m
          where m.county_code = y.county_code and m.project_id = p.id and m.month >= :fromMonth and m.month <= :toMonth)`,
      };
}
