// Opening the database a command names with --db (or DATABASE_URL), closing it however the command ends.

import { openDatabase, resolveDatabaseTarget, type DatabaseHandle } from '../../db/connect.ts';

export async function withDatabase<T>(dbOption: string | undefined, work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await openDatabase(resolveDatabaseTarget(dbOption));
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}
