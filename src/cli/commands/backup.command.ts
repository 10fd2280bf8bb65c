// tiaodu backup and tiaodu restore: a consistent copy taken while the server runs, and putting one back.

import type { Command } from 'commander';
import { backupDatabase, restoreDatabase, type BackupResult } from '../../db/backup.ts';
import { resolveDatabaseTarget } from '../../db/connect.ts';
import { printJson, say } from '../output.ts';

const DB_OPTION = 'SQLite 文件路径或 postgres:// 地址（默认 DATABASE_URL 或 data/tiaodu.sqlite）';

function tell(verb: string, r: BackupResult, json: boolean | undefined): void {
  if (json) return printJson(r);
  const size = r.bytes >= 1024 * 1024 ? `${(r.bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(r.bytes / 1024)} KB`;
  say(`${verb}：${r.out}（${size}）`);
  if (r.tables) say(`  项目 ${r.tables.project ?? 0} 个，月度完成投资 ${r.tables.project_month ?? 0} 条，月报 ${r.tables.report ?? 0} 份，账号 ${r.tables.app_user ?? 0} 个`);
}

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('备份数据库：服务运行时也可执行，得到一致的副本（SQLite 用其在线备份，PostgreSQL 用 pg_dump）')
    .option('--db <target>', DB_OPTION)
    .requiredOption('--out <file>', '备份文件路径（不会覆盖已有文件）')
    .option('--json', '以 JSON 输出结果')
    .action(async (opts: { db?: string; out: string; json?: boolean }) => {
      tell('已备份', await backupDatabase(resolveDatabaseTarget(opts.db), opts.out), opts.json);
    });

  program
    .command('restore <file>')
    .description('从备份恢复数据库（SQLite 恢复前请先停止服务；PostgreSQL 用 pg_restore 恢复到指定数据库）')
    .option('--db <target>', DB_OPTION)
    .option('--replace', '覆盖已有的 SQLite 数据库文件')
    .option('--json', '以 JSON 输出结果')
    .action(async (file: string, opts: { db?: string; replace?: boolean; json?: boolean }) => {
      tell('已恢复', await restoreDatabase(file, resolveDatabaseTarget(opts.db), { replace: opts.replace === true }), opts.json);
    });
}
