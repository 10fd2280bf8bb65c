// The tables a county's page reads by region that had no key led by it: at national size (2 800 counties) each read
// scanned the whole table — a county's 三个一批 events among 42 000, its leaders among 39 000, a region's children among
// 25 000 regions. On PostgreSQL built concurrently, outside any transaction, so clerks go on saving; a build that failed
// half-way leaves an invalid index, dropped first so the next start builds it again. Append-only, imports nothing from
// the app.

import { PostgresAdapter, sql, type Kysely } from 'kysely';

export const outsideTransaction = true;

const INDEXES: readonly { name: string; on: string }[] = [
  { name: 'batch_event_region_idx', on: 'batch_event (region_code, held_on)' },
  { name: 'leader_region_idx', on: 'leader (region_code, sort_order)' },
  { name: 'region_parent_idx', on: 'region (parent_code, code)' },
  { name: 'app_user_region_idx', on: 'app_user (region_code)' },
];

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const { name, on } of INDEXES) {
    if (postgres) {
      const leftover = await sql<{ invalid: boolean }>`select not i.indisvalid as invalid from pg_index i join pg_class c on c.oid = i.indexrelid
        where c.relname = ${name} and c.relnamespace = current_schema()::regnamespace`.execute(db);
      if (leftover.rows[0]?.invalid) await sql.raw(`drop index concurrently if exists ${name}`).execute(db);
    }
    await sql.raw(`create index ${postgres ? 'concurrently ' : ''}if not exists ${name} on ${on}`).execute(db);
  }
}
