// Backups of a running deployment and their restore: SQLite's own consistent copy, PostgreSQL's pg_dump/pg_restore.

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { AppError, invalidInput } from '../domain/errors.ts';
import { isPostgresUrl } from './connect.ts';

const run = promisify(execFile);

/** What a backup file is, read from its first bytes: SQLite's "SQLite format 3", or pg_dump's custom format "PGDMP". */
export type BackupKind = 'sqlite' | 'postgres';

export interface BackupResult {
  out: string;
  kind: BackupKind;
  bytes: number;
  /** Rows per table of the copy (SQLite; PostgreSQL's archive is not opened to count). */
  tables: Record<string, number> | null;
}

const SQLITE_MAGIC = 'SQLite format 3\0';
const PGDUMP_MAGIC = 'PGDMP';

export function backupKindOf(file: string): BackupKind | null {
  const head = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.toString('latin1') === SQLITE_MAGIC) return 'sqlite';
  if (head.subarray(0, 5).toString('latin1') === PGDUMP_MAGIC) return 'postgres';
  return null;
}

/** Refuses to write a backup over a file that is there already: an old backup is never lost to a typo. */
function freshOut(out: string): string {
  const full = path.resolve(out);
  if (fs.existsSync(full)) throw invalidInput([{ field: 'out', message: `备份文件 ${out} 已存在；请换一个文件名（旧备份不会被覆盖）` }]);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  return full;
}

async function pgTool(tool: 'pg_dump' | 'pg_restore', args: string[]): Promise<void> {
  try {
    await run(tool, args, { maxBuffer: 64 * 1024 * 1024 });
  } catch (e: any) {
    if (e?.code === 'ENOENT') throw new AppError('invalid_usage', `找不到 ${tool}：请安装与服务器版本一致的 PostgreSQL 客户端（Debian: postgresql-client）`);
    throw new AppError('invalid_input', `${tool} 失败：${String(e?.stderr || e?.message || e).trim()}`);
  }
}

/**
 * A coordinator of the sharded layout (sharded-layout.ts) keeps its year and month rows on other servers, which
 * pg_dump leaves out, and a restore of its archive would read the original's shards: a copy that looks whole and is
 * not. It is refused, with what to do instead.
 */
async function refuseShardedDatabase(target: string): Promise<void> {
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  try {
    // Named as the application knows them: a partition by the table it is part of.
    const foreign = await client.query<{ name: string }>(`
      select distinct coalesce(p.relname, c.relname) as name
      from pg_foreign_table f join pg_class c on c.oid = f.ftrelid
      left join pg_inherits i on i.inhrelid = c.oid left join pg_class p on p.oid = i.inhparent
      order by 1`);
    if (foreign.rows.length === 0) return;
    throw invalidInput([
      {
        field: 'db',
        message: `这个数据库的 ${foreign.rows.map((r) => r.name).join('、')} 存放在其他服务器的分片上，pg_dump 不会备份其中的数据；请停止写入后，分别用 pg_dump 备份协调库和每个分片库`,
      },
    ]);
  } finally {
    await client.end();
  }
}

function tableCounts(file: string): Record<string, number> {
  const copy = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const names = copy.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`).pluck().all() as string[];
    return Object.fromEntries(names.map((n) => [n, Number(copy.prepare(`select count(*) from "${n.replaceAll('"', '""')}"`).pluck().get())]));
  } finally {
    copy.close();
  }
}

/** Checks that a file is a whole SQLite database of tiaodu's (integrity, and the schema's migration table). */
function checkSqliteCopy(file: string): void {
  let copy: SQLite.Database;
  try {
    copy = new SQLite(file, { readonly: true, fileMustExist: true });
  } catch {
    throw invalidInput([{ field: 'file', message: `${file} 不是可读的 SQLite 数据库` }]);
  }
  try {
    const integrity = copy.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw invalidInput([{ field: 'file', message: `备份文件已损坏（integrity_check: ${String(integrity)}）` }]);
    const migrations = copy.prepare(`select count(*) from sqlite_master where type = 'table' and name = 'kysely_migration'`).pluck().get();
    if (Number(migrations) !== 1) throw invalidInput([{ field: 'file', message: '该文件不是 tiaodu 的数据库备份（没有迁移记录表）' }]);
  } finally {
    copy.close();
  }
}

/**
 * Takes a consistent copy of a database while it is in use. SQLite: `VACUUM INTO` reads one snapshot (in WAL mode writers
 * go on meanwhile) and writes a compact file, checked before it is reported. PostgreSQL: `pg_dump --format=custom`, which
 * also reads one snapshot. Copying an SQLite file with cp while the server writes can lose the WAL's last transactions
 * or tear a page: never do that.
 */
export async function backupDatabase(target: string, out: string): Promise<BackupResult> {
  const file = freshOut(out);
  if (isPostgresUrl(target)) {
    await refuseShardedDatabase(target);
    await pgTool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, target]);
    return { out: file, kind: 'postgres', bytes: fs.statSync(file).size, tables: null };
  }
  if (target === ':memory:' || !fs.existsSync(target)) throw invalidInput([{ field: 'db', message: `数据库文件 ${target} 不存在` }]);
  const source = new SQLite(target, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 10000');
    source.prepare('vacuum into ?').run(file);
  } finally {
    source.close();
  }
  checkSqliteCopy(file);
  return { out: file, kind: 'sqlite', bytes: fs.statSync(file).size, tables: tableCounts(file) };
}

/**
 * Restores a backup into a database. SQLite: the copy is checked, then moved into place in one rename (no half-written
 * database, the old WAL removed with it); the server must be stopped meanwhile, and an existing database is replaced only
 * with `replace`. PostgreSQL: `pg_restore --clean --if-exists --single-transaction` into the named database.
 */
export async function restoreDatabase(file: string, target: string, options: { replace: boolean }): Promise<BackupResult> {
  if (!fs.existsSync(file)) throw invalidInput([{ field: 'file', message: `备份文件 ${file} 不存在` }]);
  const kind = backupKindOf(file);
  if (kind === null) throw invalidInput([{ field: 'file', message: `${file} 不是 tiaodu 的备份文件（既不是 SQLite 数据库，也不是 pg_dump 的自定义格式）` }]);
  const wanted: BackupKind = isPostgresUrl(target) ? 'postgres' : 'sqlite';
  if (kind !== wanted) {
    const names = { sqlite: 'SQLite 数据库', postgres: 'PostgreSQL（pg_dump）' };
    throw invalidInput([{ field: 'file', message: `备份是 ${names[kind]} 的，不能恢复到 ${names[wanted]}` }]);
  }
  if (kind === 'postgres') {
    await pgTool('pg_restore', ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', `--dbname=${target}`, file]);
    return { out: target, kind, bytes: fs.statSync(file).size, tables: null };
  }
  checkSqliteCopy(file);
  const dest = path.resolve(target);
  if (fs.existsSync(dest) && !options.replace) {
    throw invalidInput([{ field: 'db', message: `数据库 ${target} 已存在；确认已停止服务后加 --replace 覆盖它` }]);
  }
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  const staging = `${dest}.restoring-${process.pid}`;
  fs.copyFileSync(file, staging);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${dest}${suffix}`, { force: true });
  fs.renameSync(staging, dest);
  return { out: dest, kind, bytes: fs.statSync(dest).size, tables: tableCounts(dest) };
}
