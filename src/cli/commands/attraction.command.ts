// tiaodu leads / funnel / news: the attraction leads ledger in and out of Excel, overdue leads, the funnel of a year,
// and news read into candidate leads.

import fs from 'node:fs/promises';
import type { Command } from 'commander';
import { SYSTEM_ACTOR } from '../../domain/access.ts';
import { FUNNEL_STAGE_LABELS, RATE_KEYS, RATE_LABELS } from '../../domain/attraction/funnel.ts';
import { AppError } from '../../domain/errors.ts';
import { formatRate, money } from '../../domain/format.ts';
import { isDay } from '../../domain/months.ts';
import { attractionFunnel } from '../../services/attraction/funnel.ts';
import { listOverdueLeads } from '../../services/attraction/lead-sla.ts';
import { exportLeads, importLeads } from '../../services/attraction/leads-file.ts';
import { provinceOf, readNewsFile } from '../../services/attraction/news.ts';
import { presentFunnel } from '../../server/presenters/attraction.presenter.ts';
import { printJson, say } from '../output.ts';
import { withDatabase } from './database.ts';

const DB_HELP = 'SQLite 文件路径或 postgres:// 地址（默认 DATABASE_URL 或 data/tiaodu.sqlite）';

function dayOption(on: string | undefined): string | undefined {
  if (on !== undefined && !isDay(on)) throw new AppError('invalid_usage', `--on 应为日期 YYYY-MM-DD，而不是“${on}”`);
  return on;
}

export function registerAttraction(program: Command): void {
  const leads = program.command('leads').description('招商线索：导入、导出线索台账，列出超时未跟进的线索');
  leads
    .command('import')
    .description('导入线索台账（.xlsx）：表头含“项目名称”，金额默认万元；各阶段日期逐一记为带依据的阶段变动；逐行报告导入或拒绝的原因。有任何一行被拒绝时不导入（除非 --skip-invalid）')
    .argument('<file>', '线索台账文件（.xlsx，不超过 20 MB）')
    .requiredOption('--region <code>', '县级区划代码（6位），如 140423')
    .option('--db <target>', DB_HELP)
    .option('--skip-invalid', '跳过被拒绝的行，导入其余有效行')
    .option('--dry-run', '只检查并报告，不写入数据库')
    .option('--json', '以 JSON 输出报告')
    .action(async (file: string, opts: { region: string; db?: string; skipInvalid?: boolean; dryRun?: boolean; json?: boolean }) => {
      const report = await withDatabase(opts.db, ({ db }) =>
        importLeads(db, { file, regionCode: opts.region, skipInvalid: !!opts.skipInvalid, commit: !opts.dryRun, fileName: file.split('/').at(-1) }, SYSTEM_ACTOR),
      );
      if (opts.json) printJson(report);
      else {
        for (const x of report.rejected) say(`  ${x.reason}`);
        say(`${report.committed ? '已导入' : '可导入'} ${report.imported} 条线索，拒绝 ${report.rejected.length} 行`);
      }
      if (report.rejected.length > 0 && !opts.skipInvalid) {
        throw new AppError('invalid_input', `有 ${report.rejected.length} 行被拒绝，未导入任何线索（改正后重新导入，或用 --skip-invalid 只导入有效行）`);
      }
    });
  leads
    .command('export')
    .description('导出线索台账（.xlsx，金额单位万元），可再导入')
    .requiredOption('--region <code>', '区划代码：县（6位）或乡镇、园区（9位）')
    .requiredOption('--out <file>', '输出文件，如 线索台账.xlsx')
    .option('--db <target>', DB_HELP)
    .option('--json', '以 JSON 输出结果（文件、线索数）')
    .action(async (opts: { region: string; out: string; db?: string; json?: boolean }) => {
      const file = await withDatabase(opts.db, ({ db }) => exportLeads(db, { region: opts.region }, SYSTEM_ACTOR));
      await fs.writeFile(opts.out, file.buffer);
      if (opts.json) printJson({ out: opts.out, rows: file.rows });
      else say(`已导出 ${file.rows} 条线索到 ${opts.out}`);
    });
  leads
    .command('overdue')
    .description('超时未跟进的线索：1日内响应、3日内研判、7日内答复推荐人、此后每2周报告进展（时限可按县设置）')
    .requiredOption('--region <code>', '区划代码：县（6位）或乡镇、园区（9位）')
    .option('--on <day>', '按该日判断，YYYY-MM-DD（默认今天，北京时间）')
    .option('--db <target>', DB_HELP)
    .option('--json', '以 JSON 输出')
    .action(async (opts: { region: string; on?: string; db?: string; json?: boolean }) => {
      const rows = await withDatabase(opts.db, ({ db }) => listOverdueLeads(db, { region: opts.region, on: dayOption(opts.on) }, SYSTEM_ACTOR));
      if (opts.json) printJson(rows);
      else process.stdout.write(`${rows.map((r) => r.reason).join('\n')}${rows.length ? '\n' : ''}`);
    });

  program
    .command('funnel')
    .description('招商漏斗：线索、洽谈、签约、开工、投产各阶段到达（本年到达该阶段或更进一步）与现处（所处阶段）的个数和金额，履约率、开工落地率、投产率、资金到位率、达效率，对照年度目标')
    .requiredOption('--region <code>', '区划代码：县（6位）或乡镇、园区（9位，如经开区 140423402）')
    .requiredOption('--year <year>', '年度，如 2023')
    .option('--on <day>', '统计截至日 YYYY-MM-DD（默认今天；年度已过则为年末）')
    .option('--db <target>', DB_HELP)
    .option('--json', '以 JSON 输出（金额为元，比率为小数）')
    .action(async (opts: { region: string; year: string; on?: string; db?: string; json?: boolean }) => {
      const year = Number(opts.year);
      if (!(Number.isInteger(year) && year >= 2000 && year <= 2100)) throw new AppError('invalid_usage', `--year 应为年份，如 2023，而不是“${opts.year}”`);
      const report = await withDatabase(opts.db, ({ db }) => attractionFunnel(db, { region: opts.region, year, on: dayOption(opts.on) }, SYSTEM_ACTOR));
      if (opts.json) {
        printJson(presentFunnel(report));
        return;
      }
      const lines = [
        `${report.regionName} ${report.year}年招商引资（${report.from}至${report.to}）`,
        ...report.stages.map((s) => `${FUNNEL_STAGE_LABELS[s.stage]}：到达 ${s.reached.count} 个 ${money(s.reached.amount)}；现处 ${s.current.count} 个 ${money(s.current.amount)}`),
        `终止：${report.terminated.count} 个`,
        ...RATE_KEYS.map((k) => `${RATE_LABELS[k]}：${formatRate(report.rates[k].value)}（${report.rates[k].numerator}/${report.rates[k].denominator}）`),
        ...report.targets.map((t) => `目标 ${t.key}：${t.key === 'landingRate' ? formatRate(t.value) : t.key === 'largeInvestment' ? money(t.value) : t.value}，实际 ${t.actual === null ? '—' : t.key === 'landingRate' ? formatRate(t.actual) : t.key === 'largeInvestment' ? money(t.actual) : t.actual}${t.met ? '，已完成' : ''}`),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    });

  const news = program.command('news').description('新闻：读取招商新闻，提出候选线索');
  news
    .command('read')
    .description('读取新闻文件（或一个文件夹中的 .txt 文件，每条新闻为标题、正文、日期，以“-”行分隔），提出候选线索：地区、项目、事件（签约/开工/投产/洽谈）、金额（元）、企业')
    .argument('<file>', '新闻文件或文件夹')
    .option('--region <code>', '只在该地区所在省份内识别地名，如 140423（默认全国）')
    .option('--json', '以 JSON 输出候选线索数组')
    .action(async (file: string, opts: { region?: string; json?: boolean }) => {
      if (opts.region !== undefined && !/^\d{6}(\d{3})?$/.test(opts.region)) throw new AppError('invalid_usage', `--region 应为区划代码，而不是“${opts.region}”`);
      const { items, candidates } = readNewsFile(file, opts.region ? provinceOf(opts.region) : null);
      if (opts.json) {
        printJson(candidates.map((c) => ({ title: c.title, date: c.date, region: c.region, regionName: c.regionName, project: c.project, event: c.event, amount: c.amount, amountText: c.amountText, enterprise: c.enterprise, sentence: c.sentence })));
        return;
      }
      say(`读取 ${items.length} 条新闻，提出 ${candidates.length} 条候选线索`);
      for (const c of candidates) process.stdout.write(`${c.regionName ?? '—'}\t${c.event}\t${c.project}\t${c.amountText ?? '—'}\t${c.enterprise ?? '—'}\n`);
    });
}
