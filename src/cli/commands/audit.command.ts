// tiaodu audit: the audit trail from the command line — list it, export it, and prune what is past its retention.

import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { SYSTEM_ACTOR } from '../../domain/access.ts';
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, AUDIT_RETENTION_DAYS } from '../../domain/audit/audit-actions.ts';
import { AppError } from '../../domain/errors.ts';
import { auditRowText, exportAudit, listAudit, pruneAuditTrail } from '../../services/audit/audit-trail.ts';
import { printJson, say } from '../output.ts';
import { withDatabase } from './database.ts';

const DB_HELP = 'SQLite 文件路径或 postgres:// 地址（默认 DATABASE_URL 或 data/tiaodu.sqlite）';

interface FilterOptions {
  region?: string;
  from?: string;
  to?: string;
  action?: string;
  actor?: string;
  db?: string;
}

const filters = (o: FilterOptions) => ({ region: o.region, from: o.from, to: o.to, action: o.action, actor: o.actor });

function withFilters(command: Command): Command {
  return command
    .option('--region <code>', '县（区）的6位区划代码；不给为全部')
    .option('--from <day>', '起始日（北京时间，含）')
    .option('--to <day>', '截止日（北京时间，含）')
    .option('--action <action>', `操作：${AUDIT_ACTIONS.map((a) => `${a}（${AUDIT_ACTION_LABELS[a]}）`).join('、')}`)
    .option('--actor <userId>', '操作人账号 id')
    .option('--db <target>', DB_HELP);
}

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description(`审计日志：谁在何时从何处改了什么；只能追加，不能修改，至少保存${AUDIT_RETENTION_DAYS}天`);
  withFilters(audit.command('list').description('列出审计日志，新的在前'))
    .option('--limit <n>', '最多列出多少条（默认 100）', '100')
    .option('--json', '以 JSON 输出')
    .action(async (opts: FilterOptions & { limit: string; json?: boolean }) => {
      const pageSize = Number(opts.limit);
      if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 200) throw new AppError('invalid_usage', '--limit 应为 1 到 200 的整数');
      const page = await withDatabase(opts.db, ({ db }) => listAudit(db, { ...filters(opts), pageSize }, SYSTEM_ACTOR));
      if (opts.json) return printJson(page);
      for (const e of page.events) process.stdout.write(`${auditRowText(e).join('\t')}\n`);
      say(`共 ${page.total} 条${page.total > pageSize ? `，列出最新的 ${pageSize} 条` : ''}`);
    });
  withFilters(audit.command('export').description('导出审计日志：.xlsx 工作簿或 .csv 表格（按文件扩展名），时间为北京时间'))
    .requiredOption('--out <file>', '输出文件，如 审计日志.xlsx 或 audit.csv')
    .option('--json', '以 JSON 输出结果')
    .action(async (opts: FilterOptions & { out: string; json?: boolean }) => {
      const ext = path.extname(opts.out).toLowerCase();
      if (ext !== '.xlsx' && ext !== '.csv') throw new AppError('invalid_usage', '--out 的文件扩展名应为 .xlsx 或 .csv');
      const file = await withDatabase(opts.db, ({ db }) => exportAudit(db, filters(opts), SYSTEM_ACTOR, ext === '.csv' ? 'csv' : 'xlsx'));
      fs.writeFileSync(opts.out, file.content);
      if (opts.json) printJson({ out: opts.out, rows: file.rows });
      else say(`已导出 ${file.rows} 条审计日志到 ${opts.out}`);
    });
  audit
    .command('prune')
    .description(`清理某日之前的审计日志；${AUDIT_RETENTION_DAYS}天（六个月）以内的记录不能清理，数据库也会拒绝`)
    .requiredOption('--before <day>', '清理此日（北京时间）之前的记录')
    .option('--db <target>', DB_HELP)
    .option('--json', '以 JSON 输出')
    .action(async (opts: { before: string; db?: string; json?: boolean }) => {
      const result = await withDatabase(opts.db, ({ db }) => pruneAuditTrail(db, opts.before, SYSTEM_ACTOR, new Date()));
      if (opts.json) printJson(result);
      else say(`已清理 ${opts.before} 之前的审计日志 ${result.removed} 条`);
    });
}
