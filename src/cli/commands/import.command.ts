// tiaodu import ledger: imports a project ledger (台账) from an .xlsx, .xls or .csv file, row by row, all or nothing.

import type { Command } from 'commander';
import { SYSTEM_ACTOR } from '../../domain/access.ts';
import { AppError, isAppError } from '../../domain/errors.ts';
import { importLedger, type ImportLedgerReport } from '../../services/import-ledger.ts';
import { printJson, say } from '../output.ts';
import { withDatabase } from './database.ts';

export function registerImport(program: Command): void {
  const cmd = program.command('import').description('导入：从 Excel 导入台账');
  cmd
    .command('ledger')
    .description('导入项目台账（.xlsx、.xls 或 .csv）：自动识别标题行、一至三行的合并表头、单位（万元/亿元）、年份、截至月份、分段行、合计行和备注行；包联领导和责任单位按本县的名称和通常简称对应，本县没有的新建；逐行报告导入或拒绝的原因。有任何一行被拒绝时不导入（除非 --skip-invalid）')
    .argument('<file>', '台账文件（.xlsx、.xls 或 .csv（UTF-8 或 GBK），不超过 20 MB）')
    .requiredOption('--region <code>', '县级区划代码（6位），如 140423')
    .option('--db <target>', 'SQLite 文件路径或 postgres:// 地址（默认 DATABASE_URL 或 data/tiaodu.sqlite）')
    .option('--year <year>', '台账年份（表头或标题中没有“2022年”时必填）')
    .option('--as-of <month>', '“1-M月完成投资”的截至月份，YYYY-MM（表头中没有“1-6月”时必填）')
    .option('--skip-invalid', '跳过被拒绝的行，导入其余有效行')
    .option('--dry-run', '只检查并报告，不写入数据库')
    .option('--json', '以 JSON 输出报告（金额为元）')
    .action(async (file: string, opts: { region: string; db?: string; year?: string; asOf?: string; skipInvalid?: boolean; dryRun?: boolean; json?: boolean }) => {
      // --year <year> is checked with every option of its kind (../usage.ts).
      const year = opts.year === undefined ? undefined : Number(opts.year);
      const report = await withDatabase(opts.db, async (handle) => {
        const result = await importLedger(handle.db, { file, regionCode: opts.region, year, asOf: opts.asOf, skipInvalid: !!opts.skipInvalid, commit: !opts.dryRun }, SYSTEM_ACTOR)
          .catch((e: unknown) => { throw withFlag(e); });
        // A county's first ledger can be most of its data: the planner should know it before the next query.
        if (result.committed) await handle.optimize();
        return result;
      });
      if (opts.json) printJson(report);
      else printReport(report);
      if (report.rejected.length > 0 && !opts.skipInvalid) {
        throw new AppError('invalid_input', `有 ${report.rejected.length} 行被拒绝，未导入任何项目（改正后重新导入，或用 --skip-invalid 只导入有效行）`);
      }
    });
}

const FLAGS: Record<string, string> = { year: '--year，如 --year 2024', asOf: '--as-of，如 --as-of 2024-06' };

/** A refusal that asks for the year or as-of month, saying which flag gives it here. */
function withFlag(e: unknown): unknown {
  const field = isAppError(e) ? e.details?.[0]?.field : undefined;
  if (!isAppError(e) || field === undefined || !FLAGS[field]) return e;
  return new AppError(e.code, `${e.message}（命令行用 ${FLAGS[field]}）`, e.details);
}

function printReport(r: ImportLedgerReport): void {
  say(`工作表“${r.sheet}”，${r.year}年，截至 ${r.asOf ?? '—'}，金额单位 ${r.unit}`);
  for (const x of r.rejected) say(`  ${x.reason}`);
  for (const x of r.rows) for (const note of x.notes ?? []) say(`  第${x.row}行：${note}`);
  const willCreate = r.committed ? '已新建' : '将新建';
  if (r.created.leaders.length > 0) say(`${willCreate}包联领导 ${r.created.leaders.length} 位：${r.created.leaders.map((l) => l.name).join('、')}`);
  if (r.created.units.length > 0) say(`${willCreate}责任单位 ${r.created.units.length} 个：${r.created.units.join('、')}`);
  const verb = r.committed ? '已导入' : '可导入';
  say(`${verb} ${r.imported} 个项目（新增 ${r.new}，更新 ${r.updated}，无变化 ${r.unchanged}），拒绝 ${r.rejected.length} 行`);
}
