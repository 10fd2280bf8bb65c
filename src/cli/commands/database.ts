// Opening the database a command names with --db (or DATABASE_URL), closing it however the command ends. Only the
// commands that set a database up may create one: elsewhere a mistyped SQLite path is refused, not made empty.

import fs from 'node:fs';
import { isPostgresUrl, openDatabase, resolveDatabaseTarget, type DatabaseHandle } from '../../db/connect.ts';
import { AppError } from '../../domain/errors.ts';

export interface DatabaseUse {
  /** Whether the command may create the SQLite file (init, demo, serve --demo-if-empty). */
  create?: boolean;
  /** A server's reads of an SQLite file on worker threads (serve). */
  readers?: boolean;
  /** A command that streams through its data once (an export): SQLite gets a small cache and no memory map. */
  singlePass?: boolean;
  /** False for a process that serves a schema another brought up to date (serve's worker processes). */
  migrate?: boolean;
}

/** Opens the database a command names; a missing SQLite file is wrong usage unless the command creates one. */
export async function openCommandDatabase(dbOption: string | undefined, use: DatabaseUse = {}): Promise<DatabaseHandle> {
  const target = resolveDatabaseTarget(dbOption);
  if (!use.create && !isPostgresUrl(target) && target !== ':memory:' && !fs.existsSync(target)) {
    throw new AppError('invalid_usage', `没有这个数据库：${target}（检查 --db 或 DATABASE_URL；新建数据库用 tiaodu init 或 tiaodu demo）`);
  }
  return openDatabase(target, { readers: use.readers, singlePass: use.singlePass, migrate: use.migrate });
}

export async function withDatabase<T>(dbOption: string | undefined, work: (handle: DatabaseHandle) => Promise<T>, use: DatabaseUse = {}): Promise<T> {
  const handle = await openCommandDatabase(dbOption, use);
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}
