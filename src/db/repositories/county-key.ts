// Year and month rows carry their project's county, which leads their keys: a query names it beside the project id,
// so those keys serve it (and, once the tables are distributed by county, it stays on one shard).

import { sql } from 'kysely';

/** Row `alias` (a year or month row) lies in project p's county: what every join of such a row to project p adds. */
export function inProjectCounty(alias: 'y' | 'm') {
  return sql<boolean>`${sql.ref(`${alias}.county_code`)} = substr(p.region_code, 1, 6)`;
}

/** One project's county, read from the project: for its year or month rows read by its id alone. */
export function countyOfProject(projectId: string) {
  return sql<string>`(select substr(pc.region_code, 1, 6) from project pc where pc.id = ${projectId})`;
}
