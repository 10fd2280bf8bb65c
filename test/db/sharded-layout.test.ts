// The figure tables are laid out as the suite was told (TIAODU_TEST_LAYOUT): on the sharded layout the year and month
// rows live on the shards, each county's on one shard, and a county's read visits that shard alone; on the others they
// are tables of the one database. On every layout a figure written again replaces the stored one, and a second row
// with the same key is refused.

import { CompiledQuery, sql } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { figureLayout } from '../../src/db/figure-layout.ts';
import { completedBetween, withCompletedSinceStart } from '../../src/db/repositories/completion.repository.ts';
import { poolProjects } from '../../src/db/repositories/pool.repository.ts';
import { listUnits } from '../../src/db/repositories/region.repository.ts';
import { replaceFigureRows } from '../../src/db/repositories/figure-rows.ts';
import { findProjectMonths, upsertProjectMonths } from '../../src/db/repositories/project.repository.ts';
import { shardCoordinator, SHARDED_TABLES } from '../../src/db/sharded-layout.ts';
import { SYSTEM_ACTOR } from '../../src/domain/access.ts';
import { poolBounds } from '../../src/domain/pool/pool-membership.ts';
import { createProject } from '../../src/services/create-project.ts';
import { addProject, COUNTY, seedCounty, type CountyFixture } from '../support/factories.ts';
import { openTestDatabase, testDialect, testLayout } from '../support/test-db.ts';

const PINGSHUN = '140425';
const layout = testDialect() === 'sqlite' ? 'sqlite' : testLayout();

let h: DatabaseHandle;
let f: CountyFixture;
beforeEach(async () => {
  h = await openTestDatabase();
  f = await seedCounty(h.db);
});
afterEach(async () => h.close());

/** Two counties' projects with month figures: 襄垣县's through the factory, 平顺县's through the same service. */
async function twoCounties(): Promise<{ xiangyuan: string; pingshun: string }> {
  const xiangyuan = await addProject(h.db, { name: '襄垣项目', unitId: f.units.guhan, totalInvestment: 500_000_000, months: { '2021-01': 1_000_000, '2021-02': 2_000_000 } });
  const unit = (await listUnits(h.db, PINGSHUN))[0]!;
  const p = await createProject(h.db, { regionCode: PINGSHUN, name: '平顺项目', unitId: unit.id, townshipCode: null, chain: null, stage: 'underway', totalInvestment: 300_000_000, startedOn: null, leaderIds: [], years: [] }, SYSTEM_ACTOR);
  await upsertProjectMonths(h.db, p, [{ month: '2021-01', completed: 3_000_000, enteredAs: 'month' }]);
  return { xiangyuan, pingshun: p.id };
}

/** The month rows each shard holds, by county: read on the shards themselves, not through the coordinator. */
async function rowsOnShards(): Promise<Record<string, number>[]> {
  const servers = await sql<{ options: string[] }>`
    select s.srvoptions as options from pg_foreign_server s where s.srvname like 'tiaodu_shard_%' order by s.srvname`.execute(h.db);
  const counts: Record<string, number>[] = [];
  for (const { options } of servers.rows) {
    const o = Object.fromEntries(options.map((kv) => kv.split('=') as [string, string]));
    const client = new pg.Client({ host: o.host, port: Number(o.port), database: o.dbname, user: 'postgres' });
    await client.connect();
    try {
      const r = await client.query<{ county: string; n: string }>('select county_code as county, count(*) as n from project_month group by county_code');
      counts.push(Object.fromEntries(r.rows.map((row) => [row.county, Number(row.n)])));
    } finally {
      await client.end();
    }
  }
  return counts;
}

describe(`the year and month rows' layout (${layout})`, () => {
  it('writes a figure over the stored one and refuses a second row with the same key', async () => {
    const { xiangyuan } = await twoCounties();
    await upsertProjectMonths(h.db, { id: xiangyuan, regionCode: COUNTY }, [{ month: '2021-02', completed: 2_500_000, enteredAs: 'ytd' }]);
    expect(await findProjectMonths(h.db, xiangyuan)).toEqual([
      { month: '2021-01', completed: 1_000_000, enteredAs: 'month' },
      { month: '2021-02', completed: 2_500_000, enteredAs: 'ytd' },
    ]);
    const again = h.db.insertInto('project_month').values({ county_code: COUNTY, project_id: xiangyuan, month: '2021-02', completed: 1, entered_as: 'month' }).execute();
    await expect(again).rejects.toThrow(/unique|duplicate/i);
  });

  it('writes many projects’ months over exactly the keys given, in parts of several months each', async () => {
    const { xiangyuan } = await twoCounties();
    // 2021-01 for every project, then 2021-02 and 2021-03 for the odd ones, in one write of more than one part (1 000 rows).
    const ids = [xiangyuan, ...Array.from({ length: 599 }, (_, i) => `bulk-${String(i).padStart(3, '0')}`)];
    await h.db.insertInto('project').values(ids.slice(1).map((id) => ({ id, region_code: COUNTY, name: id, stage: 'underway', total_investment: 1, completed_before: 0, stats_entry: 'none', version: 1, created_at: 'x', updated_at: 'x' }))).execute();
    const rows = ids.flatMap((id, i) => ['2021-01', ...(i % 2 ? ['2021-02', '2021-03'] : [])].map((month) => ({ county_code: COUNTY, project_id: id, month, completed: i, entered_as: 'month' as const })));
    await replaceFigureRows(h.db, 'project_month', rows);
    // 襄垣项目's own 2021-02 (2 000 000 from the factory) is kept: it is even, so the write gave it 2021-01 only.
    expect(await findProjectMonths(h.db, xiangyuan)).toEqual([
      { month: '2021-01', completed: 0, enteredAs: 'month' },
      { month: '2021-02', completed: 2_000_000, enteredAs: 'month' },
    ]);
    expect(await findProjectMonths(h.db, 'bulk-000')).toEqual([
      { month: '2021-01', completed: 1, enteredAs: 'month' },
      { month: '2021-02', completed: 1, enteredAs: 'month' },
      { month: '2021-03', completed: 1, enteredAs: 'month' },
    ]);
    const count = await h.db.selectFrom('project_month').select(sql<number>`count(*)`.as('n')).where('county_code', '=', COUNTY).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(600 + 2 * 300 + 1);
  });

  it('is known to the queries as it is, inside a transaction too', async () => {
    const expected = layout === 'sharded' ? 'sharded' : 'local';
    expect(figureLayout(h.db)).toBe(expected);
    expect(await h.db.transaction().execute(async (trx) => figureLayout(trx))).toBe(expected);
  });

  it(layout === 'sharded' ? 'keeps each county’s rows on one shard, and reads one county from its shard alone' : 'keeps the rows in tables of the one database', async () => {
    if (layout === 'sharded') await onShards();
    else await onOneDatabase();
  });
});

async function onShards(): Promise<void> {
  for (const table of SHARDED_TABLES) {
    const partitions = await sql<{ kind: string }>`
      select c.relkind as kind from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = ${table}::regclass`.execute(h.db);
    expect(partitions.rows.map((p) => p.kind), table).toEqual(['f', 'f']);
  }
  await twoCounties();
  const shards = await rowsOnShards();
  // Every row is on a shard, each county's on exactly one.
  expect(shards.map((s) => Object.values(s).reduce((a, b) => a + b, 0)).reduce((a, b) => a + b, 0)).toBe(3);
  expect(shards.filter((s) => s[COUNTY]).map((s) => s[COUNTY])).toEqual([2]);
  expect(shards.filter((s) => s[PINGSHUN]).map((s) => s[PINGSHUN])).toEqual([1]);
  // A county's read is pruned to its partition and its filter sent to the shard.
  const plan = await sql<{ 'QUERY PLAN': string }>`
    explain (verbose, costs off) select sum(completed) from project_month where county_code = ${sql.lit(COUNTY)}`.execute(h.db);
  const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
  expect(text.match(/Foreign Scan/g)).toHaveLength(1);
  expect(text).toMatch(/Remote SQL: .*county_code = /);
  // A province's read asks both shards, each at once rather than one after the other.
  const provincePlan = await sql<{ 'QUERY PLAN': string }>`
    explain (verbose, costs off) select county_code, sum(completed) from project_month where county_code between '140000' and '149999' group by county_code`.execute(h.db);
  expect(provincePlan.rows.map((r) => r['QUERY PLAN']).join('\n').match(/Async Foreign Scan/g)).toHaveLength(2);
  // A project's year-to-date sum, the subquery every pool figure uses, sends the shard both its county and its id, so
  // the shard finds the months by its key (county first) instead of reading all of them.
  const perProject = await sql<{ 'QUERY PLAN': string }>`
    explain (verbose, costs off) select p.id, ${completedBetween('2021-01', '2021-02')} as ytd from project p where p.region_code = ${COUNTY}`.execute(h.db);
  const remote = perProject.rows.map((r) => r['QUERY PLAN']).filter((line) => line.includes('Remote SQL'));
  expect(remote.length).toBeGreaterThan(0);
  for (const line of remote) expect(line).toMatch(/county_code = \$\d.*project_id = \$\d|project_id = \$\d.*county_code = \$\d/);
  // The pool's figures, which every analysis and alert is built on, have each shard sum its own months by project.
  const compiled = poolProjects(h.db, { regionCode: COUNTY, ...poolBounds('2021-02') }).compile();
  const poolPlan = await h.db.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain (verbose, costs off) ${compiled.sql}`, [...compiled.parameters]));
  const poolRemote = poolPlan.rows.map((r) => r['QUERY PLAN']).filter((line) => line.includes('Remote SQL') && line.includes('project_month'));
  expect(poolRemote).toHaveLength(1);
  expect(poolRemote[0]).toMatch(/SELECT county_code, project_id, sum\(completed\) FROM public\.project_month WHERE .*county_code = .*GROUP BY/);
  // So do a ledger's sums (the year to date and 开工累计, both from one sum on each shard), and the figures they give
  // are the months written: 襄垣项目 1 000 000 in January and 2 000 000 in February.
  const [ledger, completed] = withCompletedSinceStart(h.db, h.db.selectFrom('project as p').where('p.region_code', '=', COUNTY), COUNTY, '2021-02', '2021-02');
  const sums = ledger.select([sql<string>`sum(${completed.ytd})`.as('ytd'), sql<string>`sum(${completed.through})`.as('through')]);
  const ledgerPlan = await h.db.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain (verbose, costs off) ${sums.compile().sql}`, [...sums.compile().parameters]));
  const ledgerRemote = ledgerPlan.rows.map((r) => r['QUERY PLAN']).filter((line) => line.includes('Remote SQL') && line.includes('project_month'));
  expect(ledgerRemote).toHaveLength(1);
  expect(ledgerRemote[0]).toMatch(/SELECT county_code, project_id, sum\(+CASE WHEN .*, sum\(completed\) FROM public\.project_month WHERE .*county_code = .*GROUP BY/);
  const got = await sums.executeTakeFirstOrThrow();
  expect([Number(got.ytd), Number(got.through)]).toEqual([2_000_000, 3_000_000]);
}

async function onOneDatabase(): Promise<void> {
  await twoCounties();
  const tables = await h.db.introspection.getTables();
  for (const table of SHARDED_TABLES) expect(tables.some((t) => t.name === table && !t.isView), table).toBe(true);
  if (layout === 'plain') {
    const kinds = await sql<{ kind: string }>`select relkind as kind from pg_class where relname in ('project_year', 'project_month')`.execute(h.db);
    expect(kinds.rows.map((k) => k.kind)).toEqual(['r', 'r']);
    // A database with figures is not laid out over shards: its rows would be dropped, not moved.
    await expect(shardCoordinator(h.db, [{ url: 'postgres://postgres@127.0.0.1:1/none' }])).rejects.toThrow('project_month holds rows');
    expect(await h.db.selectFrom('project_month').select('county_code').execute()).toHaveLength(3);
  }
  const rows = await h.db.selectFrom('project_month').select(['county_code']).execute();
  expect(rows.map((r) => r.county_code).sort()).toEqual([COUNTY, COUNTY, PINGSHUN]);
}
