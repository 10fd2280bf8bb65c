// The sharded layout on PostgreSQL's own machinery (docs/scale.md): the year and month rows — the tables that grow with
// every project and month — are partitioned by hash of their county code, each partition a table on another
// PostgreSQL server reached through postgres_fdw; everything else stays on the coordinator. The application runs on it
// unchanged: its writes to these tables name no key for `on conflict` (repositories/figure-rows.ts), and every read
// of them names the county, which PostgreSQL uses to visit one partition only.
//
// What it gives up, and why it is a stand-in for Citus rather than the deployment: no foreign key from a shard's rows
// to their project (a foreign table takes none), no unique index across the partitioned table (each shard's table
// keeps its own key), and a migration that alters these tables must be run on the shards as well.

import { sql, type Kysely } from 'kysely';
import { setFigureLayout } from './figure-layout.ts';
import type { Database } from './schema.ts';

/** The tables moved to the shards, with the foreign keys that cannot follow them there. */
export const SHARDED_TABLES = ['project_year', 'project_month'] as const;

export interface Shard {
  /** A PostgreSQL URL of the shard's database: already migrated, with the foreign keys above dropped. */
  url: string;
}

/** The name of the foreign server for shard i on the coordinator. */
export function shardServer(i: number): string {
  return `tiaodu_shard_${i}`;
}

/**
 * Prepares a migrated shard database: its copies of the sharded tables keep their keys and checks but drop the foreign
 * keys to `project`, which lives on the coordinator.
 */
export async function prepareShard(db: Kysely<Database>): Promise<void> {
  for (const table of SHARDED_TABLES) {
    const fks = await sql<{ name: string }>`
      select conname as name from pg_constraint where conrelid = ${table}::regclass and contype = 'f'`.execute(db);
    for (const { name } of fks.rows) await sql`alter table ${sql.table(table)} drop constraint ${sql.id(name)}`.execute(db);
  }
  // The coordinator asks a shard for a region's months in a window, summed by project (withCompletedBetween): by
  // month before project they are one range of this index, where the key reads every month of the region's projects.
  await sql`create index if not exists project_month_county_month_idx on project_month (county_code, month, project_id, completed)`.execute(db);
  // The nation's sums ask for every county: through the index above that is the whole table, and a shard read all of
  // its months (17 million rows at national size) to sum one year's. Month first, the year is one range of a fifth of
  // them: a shard's sums went from 3.3 s to 2.0 s, the nation by province from 6.5 s to 4.8 s by hand.
  await sql`create index if not exists project_month_month_county_idx on project_month (month, county_code, project_id, completed)`.execute(db);
  // postgres_fdw reads through a cursor, which PostgreSQL plans to return its first tenth of rows soonest (a sorted
  // index walk) unless told otherwise; the coordinator always reads them all. Measured at national size on a county's
  // sums: 26 ms through postgres_fdw before, 12 ms after.
  const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(db);
  await sql`alter database ${sql.id(rows[0]!.name)} set cursor_tuple_fraction = 1`.execute(db);
}

/**
 * Turns a migrated coordinator database's sharded tables into tables partitioned by hash of county code over the
 * shards given, each partition the shard's table of the same name. Refused while the coordinator's own copies hold
 * rows: they would be dropped, not moved.
 */
export async function shardCoordinator(db: Kysely<Database>, shards: readonly Shard[]): Promise<void> {
  // Without a shard the tables would be partitioned into nothing, and every write refused.
  if (shards.length === 0) throw new Error('the sharded layout needs at least one shard');
  await db.transaction().execute(async (trx) => {
    for (const table of SHARDED_TABLES) {
      const held = await sql<{ one: number }>`select 1 as one from ${sql.table(table)} limit 1`.execute(trx);
      if (held.rows.length > 0) throw new Error(`${table} holds rows: only an empty database can be laid out over shards`);
    }
    await sql`create extension if not exists postgres_fdw`.execute(trx);
    for (const [i, shard] of shards.entries()) {
      const url = new URL(shard.url);
      const server = sql.id(shardServer(i));
      const options = [
        sql`host ${sql.lit(url.hostname)}`,
        sql`port ${sql.lit(url.port || '5432')}`,
        sql`dbname ${sql.lit(decodeURIComponent(url.pathname.slice(1)))}`,
        // Rows are fetched and inserted a thousand at a time, not postgres_fdw's default of a hundred fetched and one
        // inserted per round trip: a county's month rows are many, and an import writes thousands at once.
        sql`fetch_size '1000'`,
        sql`batch_size '1000'`,
        // A region's sum asks every shard: with this each shard starts on it at once, not when the one before is done.
        sql`async_capable 'true'`,
      ];
      await sql`create server ${server} foreign data wrapper postgres_fdw options (${sql.join(options)})`.execute(trx);
      const mapping = [sql`user ${sql.lit(decodeURIComponent(url.username) || 'postgres')}`];
      if (url.password) mapping.push(sql`password ${sql.lit(decodeURIComponent(url.password))}`);
      await sql`create user mapping for public server ${server} options (${sql.join(mapping)})`.execute(trx);
    }
    for (const table of SHARDED_TABLES) {
      const local = `${table}_unsharded`;
      await sql`alter table ${sql.table(table)} rename to ${sql.id(local)}`.execute(trx);
      await sql`create table ${sql.table(table)} (like ${sql.table(local)} including defaults including constraints) partition by hash (county_code)`.execute(trx);
      for (const i of shards.keys()) {
        await sql`
          create foreign table ${sql.id(`${table}_shard_${i}`)} partition of ${sql.table(table)}
          for values with (modulus ${sql.lit(shards.length)}, remainder ${sql.lit(i)})
          server ${sql.id(shardServer(i))} options (table_name ${sql.lit(table)})`.execute(trx);
      }
      await sql`drop table ${sql.table(local)}`.execute(trx);
    }
  });
  setFigureLayout(db, 'sharded');
}
