// Year and month rows carry their project's county, which leads their keys: a query names it beside the project id,
// so those keys serve it (and, once the tables are distributed by county, it stays on one shard).

import { sql } from 'kysely';
import { countyRange } from './scope.ts';

/**
 * Row `alias` (a year or month row) lies in project p's county: what every join of such a row to project p adds. A
 * column on both sides, so that on the sharded layout the county goes to the shard with the project's id (an
 * expression of p's region would be checked on the coordinator, and the shard would search without the county).
 */
export function inProjectCounty(alias: 'y' | 'm') {
  return sql<boolean>`${sql.ref(`${alias}.county_code`)} = p.county_code`;
}

/**
 * Row `alias` lies in a county inside `regionCode`: equal to the county's code for one county, so the keys led by
 * county_code are searched on their next columns too (a range on the first column stops there).
 */
export function inRegion(alias: 'y' | 'm', regionCode: string) {
  const [lo, hi] = countyRange(regionCode);
  const column = sql.ref(`${alias}.county_code`);
  return lo === hi ? sql<boolean>`${column} = ${lo}` : sql<boolean>`${column} between ${lo} and ${hi}`;
}

/** One project's county, read from the project: for its year or month rows read by its id alone. */
export function countyOfProject(projectId: string) {
  return sql<string>`(select pc.county_code from project pc where pc.id = ${projectId})`;
}
