// The database a file of command-line tests works on: made by a command (`demo`, `init --region …`) before its tests,
// in a folder of its own on the dialect under test, and dropped with the folder after them.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { tiaodu } from './cli.ts';
import { testDatabaseTarget } from './test-db.ts';

export interface CommandDatabase {
  /** What `--db` takes: an SQLite path or a postgres:// URL. Set once the file's tests begin. */
  readonly target: string;
  /** The folder for the file's own files (exports, sheets to import). */
  readonly dir: string;
}

/**
 * Registers the hooks that make the database with `tiaodu <made…> --db <target>` and remove it afterwards.
 * @param prefix the temporary folder's name, before its random part
 * @param timeoutMs for making it, when the project's hook timeout is not enough
 */
export function commandDatabase(prefix: string, made: readonly string[], timeoutMs?: number): CommandDatabase {
  const home = { target: '', dir: '' };
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    home.dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    ({ target: home.target, drop } = await testDatabaseTarget(home.dir));
    const result = await tiaodu(...made, '--db', home.target);
    expect(result.code, result.stderr).toBe(0);
  }, timeoutMs);
  afterAll(async () => {
    await drop?.();
    if (home.dir) fs.rmSync(home.dir, { recursive: true, force: true });
  });
  return home;
}
