// Where a database keeps its year and month rows: in its own tables, or on shards reached through postgres_fdw
// (sharded-layout.ts). The queries that sum a region's months choose their shape by it: a subquery per project is the
// fastest on one server, and a round trip to a shard per project on the sharded layout (docs/scale.md).

import { sql, type DialectAdapter } from 'kysely';
import type { Db } from './transaction.ts';

export type FigureLayout = 'local' | 'sharded';

// Keyed by the dialect's adapter, which a database's transactions share with it, so a query inside a transaction knows
// the layout as well. Two databases open in one process have an adapter each.
const layouts = new WeakMap<DialectAdapter, FigureLayout>();

export function setFigureLayout(db: Db, layout: FigureLayout): void {
  layouts.set(db.getExecutor().adapter, layout);
}

/** The layout recorded when the database was opened or laid out; 'local' for any other. */
export function figureLayout(db: Db): FigureLayout {
  return layouts.get(db.getExecutor().adapter) ?? 'local';
}

/** Reads a PostgreSQL database's layout from its catalogue: sharded when the month rows' partitions are foreign tables. */
export async function detectFigureLayout(db: Db): Promise<FigureLayout> {
  const r = await sql<{ sharded: boolean }>`select exists (
      select 1 from pg_inherits i join pg_class c on c.oid = i.inhrelid
      where i.inhparent = to_regclass('project_month') and c.relkind = 'f') as sharded`.execute(db);
  const layout: FigureLayout = r.rows[0]?.sharded ? 'sharded' : 'local';
  setFigureLayout(db, layout);
  return layout;
}
