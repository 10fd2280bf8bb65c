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

/**
 * How a raw twin joins the projects `p` to their year rows `y` and keeps the region's projects. On one server the
 * county is in the join and the project's region is a range, so the county-led keys serve. Where the year rows are on
 * shards the region is named once, on the year rows, as the application does (poolProjects): named three times,
 * PostgreSQL expects under one row and rescans a shard's sums once per project (minutes at national size).
 */
export function yearRows(layout: FigureLayout): { join: string; projects: string } {
  return layout === 'sharded'
    ? { join: 'join project_year y on y.project_id = p.id', projects: 'true' }
    : { join: 'join project_year y on y.county_code = substr(p.region_code, 1, 6) and y.project_id = p.id', projects: 'p.region_code >= :lo and p.region_code <= :hi' };
}
