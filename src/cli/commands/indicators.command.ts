// tiaodu indicators: the metrics of a region as of a month and the drafted sentences; and the indicator values sheet in
// and out, as `tiaodu import indicators` and `tiaodu export indicators` beside the ledger's own import and export.

import fs from 'node:fs/promises';
import type { Command } from 'commander';
import { SYSTEM_ACTOR } from '../../domain/access.ts';
import { AppError } from '../../domain/errors.ts';
import { formatPoints, formatRate } from '../../domain/format.ts';
import { shown } from '../../domain/indicator/indicator-sentence.ts';
import { yearQuery } from '../../domain/validation.ts';
import { importIndicators, exportIndicators, type IndicatorImportReport } from '../../services/indicator/indicator-files.ts';
import { indicatorReport, indicatorSentences, type IndicatorReportItem, type RankResult } from '../../services/indicator/indicator-metrics.ts';
import { presentIndicatorJson } from '../../server/presenters/indicator.presenter.ts';
import { printJson, say } from '../output.ts';
import { withDatabase } from './database.ts';

const DB_OPTION = ['--db <target>', 'SQLite 文件路径或 postgres:// 地址（默认 DATABASE_URL 或 data/tiaodu.sqlite）'] as const;

export function registerIndicators(program: Command): void {
  program
    .command('indicators')
    .description('经济指标：地区某月每项有数值的指标的累计值、同比（官方或计算）、占年度目标、时序进度及差距、全市及县（市）排名，以及起草的句子（指标数据表的导入导出见 tiaodu import indicators、tiaodu export indicators）')
    .requiredOption('--region <code>', '区划代码：县（6位）、乡镇或园区（9位）、市')
    .requiredOption('--as-of <month>', '截至月份，YYYY-MM')
    .option(...DB_OPTION)
    .option('--json', '以 JSON 输出（数组，每项指标一个元素；金额为元，比率为小数）')
    .action(async (opts: { region: string; asOf: string; db?: string; json?: boolean }) => {
      const input = { region: opts.region, asOf: opts.asOf };
      const { report, sentences } = await withDatabase(opts.db, async ({ db }) => {
        const r = await indicatorReport(db, input, SYSTEM_ACTOR);
        return { report: r, sentences: opts.json ? null : await indicatorSentences(db, input, SYSTEM_ACTOR) };
      });
      if (opts.json) {
        printJson(report.items.map(presentIndicatorJson));
        return;
      }
      if (report.items.length === 0) {
        say(`${report.regionName}（${report.region}）${report.asOf} 没有任何指标数值`);
        return;
      }
      const lines = [
        `${report.regionName} 经济指标（截至 ${report.asOf}）`,
        row('指标', '累计值', '同比', '年度目标', '占目标', '时序进度', '超/低于', '全市排名', '县（市）排名'),
        ...report.items.map(tableRow),
        '',
        ...(sentences?.sentences.map((s) => s.text) ?? []),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    });

  const imp = program.commands.find((c) => c.name() === 'import');
  const exp = program.commands.find((c) => c.name() === 'export');
  if (!imp || !exp) throw new Error('register the import and export commands before the indicators');

  imp
    .command('indicators')
    .description('导入指标数据表（.xlsx）：指标、地区代码、月份、累计值、单位（万元/亿元等）、官方增速(%)；逐行报告导入或拒绝的原因。有任何一行被拒绝时不导入（除非 --skip-invalid）')
    .argument('<file>', '指标数据表（.xlsx，不超过 20 MB）')
    .requiredOption('--region <code>', '文件所属地区的区划代码：各行须为该地区或其下级地区，如 140423')
    .option(...DB_OPTION)
    .option('--skip-invalid', '跳过被拒绝的行，导入其余有效行')
    .option('--dry-run', '只检查并报告，不写入数据库')
    .option('--json', '以 JSON 输出报告')
    .action(async (file: string, opts: { region: string; db?: string; skipInvalid?: boolean; dryRun?: boolean; json?: boolean }) => {
      const report = await withDatabase(opts.db, ({ db }) =>
        importIndicators(db, { file, regionCode: opts.region, skipInvalid: !!opts.skipInvalid, commit: !opts.dryRun }, SYSTEM_ACTOR),
      );
      if (opts.json) printJson(report);
      else printImport(report);
      if (report.rejected.length > 0 && !opts.skipInvalid) {
        throw new AppError('invalid_input', `有 ${report.rejected.length} 行被拒绝，未导入任何数据（改正后重新导入，或用 --skip-invalid 只导入有效行）`);
      }
    });

  exp
    .command('indicators')
    .description('导出地区及其下一级地区某年的指标数据表 .xlsx（金额为万元，增速为百分数），可原样导回')
    .requiredOption('--region <code>', '区划代码：县（6位）、乡镇或园区（9位）、市')
    .requiredOption('--year <year>', '年份，如 2021')
    .requiredOption('--out <file>', '输出文件，如 指标.xlsx')
    .option(...DB_OPTION)
    .option('--json', '以 JSON 输出结果（文件、行数）')
    .action(async (opts: { region: string; year: string; out: string; db?: string; json?: boolean }) => {
      const parsed = yearQuery().safeParse(opts.year);
      if (!parsed.success) throw new AppError('invalid_usage', `--year 应为年份，如 2021，而不是“${opts.year}”`);
      const file = await withDatabase(opts.db, ({ db }) => exportIndicators(db, { region: opts.region, year: parsed.data }, SYSTEM_ACTOR));
      await fs.writeFile(opts.out, file.buffer);
      if (opts.json) printJson({ out: opts.out, rows: file.rows, filename: file.filename });
      else say(`已导出 ${file.rows} 条指标数值到 ${opts.out}`);
    });
}

function rank(r: RankResult | null): string {
  if (!r) return '—';
  return `${r.rank}${r.peerCount ? `/${r.peerCount}` : ''}${r.source === 'entered' ? '（录入）' : ''}`;
}

function tableRow(item: IndicatorReportItem): string {
  const m = item.metrics;
  const yoy = m.yoy === null ? '—' : `${formatRate(m.yoy)}${m.yoySource === 'official' ? '' : '（计算）'}`;
  const gap = m.progressGap === null ? '—' : `${m.progressGap >= 0 ? '超' : '低'}${formatPoints(m.progressGap)}`;
  return row(
    m.name,
    m.value === null ? '—' : shown(m.indicator, m.value),
    yoy,
    m.target === null ? '—' : shown(m.indicator, m.target),
    formatRate(m.targetShare),
    formatRate(m.timeProgress),
    gap,
    rank(item.ranks.inCity),
    rank(item.ranks.amongCounties),
  );
}

function row(...cells: string[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(10, '　') : c.padStart(12))).join(' ');
}

function printImport(r: IndicatorImportReport): void {
  say(`工作表“${r.sheet}”`);
  for (const x of r.rejected) say(`  ${x.reason}`);
  const verb = r.committed ? '已导入' : '可导入';
  say(`${verb} ${r.imported} 条（新增 ${r.new}，更新 ${r.updated}，无变化 ${r.unchanged}），拒绝 ${r.rejected.length} 行`);
}
