// tiaodu alerts, items, reserve and escalate; and the supervision ledger's file commands, `tiaodu import items` and
// `tiaodu export items`, beside the project ledger's.

import fs from 'node:fs/promises';
import type { Command } from 'commander';
import { SYSTEM_ACTOR } from '../../domain/access.ts';
import { ALERT_RULE_LABELS } from '../../domain/alerts/alert-rules.ts';
import { AppError } from '../../domain/errors.ts';
import { money } from '../../domain/format.ts';
import { dayOf, isDay, isMonth } from '../../domain/months.ts';
import { ITEM_STATUS_LABELS } from '../../domain/supervision/item.ts';
import { ITEM_VIEWS, type ItemView as LedgerView } from '../../domain/supervision/item-input.ts';
import { listAlerts } from '../../services/alerts/alerts.ts';
import { reserveSummary } from '../../services/alerts/reserve.ts';
import { sendDueEscalations } from '../../services/supervision/escalation.ts';
import { exportItemLedger, importItemSheet } from '../../services/supervision/item-ledger.ts';
import { itemBoard } from '../../services/supervision/items.ts';
import { presentAlert, presentItemRow, presentReserve } from '../../server/presenters/supervision.presenter.ts';
import { printJson, say } from '../output.ts';
import { withDatabase } from './database.ts';

const DB_HELP = 'SQLite 文件路径或 postgres:// 地址（默认 DATABASE_URL 或 data/tiaodu.sqlite）';
const ON_HELP = '按该日判断督办时限，YYYY-MM-DD（默认今天，北京时间）';

function usage(message: string): AppError {
  return new AppError('invalid_usage', message);
}

function checkMonth(value: string, option: string): string {
  if (!isMonth(value)) throw usage(`${option} 应为 YYYY-MM，而不是“${value}”`);
  return value;
}

function checkDay(value: string | undefined): string | undefined {
  if (value !== undefined && !isDay(value)) throw usage(`--on 应为 YYYY-MM-DD，而不是“${value}”`);
  return value;
}

const STATUS_FILTERS = ['open', 'overdue', 'closed'] as const;

export function registerSupervision(program: Command): void {
  program
    .command('alerts')
    .description('预警：截至某月亮灯的项目，每个项目每条规则一行（低于时序进度、计划开工未开工、开工未入库、已供地未开工、已办施工许可未开工、开工后又停工、连续无投资、签约未开工、督办事项逾期），红灯在前，附亮灯理由')
    .requiredOption('--region <code>', '区划代码：县（6位）、乡镇或园区（9位）、市或省')
    .requiredOption('--as-of <month>', '截至月份，YYYY-MM：按月的规则在该月月末判断')
    .option('--on <day>', ON_HELP)
    .option('--db <target>', DB_HELP)
    .option('--json', '以 JSON 输出（数组）')
    .action(async (opts: { region: string; asOf: string; on?: string; db?: string; json?: boolean }) => {
      const list = await withDatabase(opts.db, ({ db }) =>
        listAlerts(db, { region: opts.region, asOf: checkMonth(opts.asOf, '--as-of'), on: checkDay(opts.on) }, SYSTEM_ACTOR),
      );
      if (opts.json) {
        printJson(list.alerts.map(presentAlert));
        return;
      }
      const lines = [`${list.regionName}预警（截至${list.day}，督办时限按${list.on}）：红灯${list.total.red}，黄灯${list.total.yellow}，涉及项目${list.total.projects}个`];
      for (const a of list.alerts) lines.push(`${a.level === 'red' ? '红' : '黄'}  ${ALERT_RULE_LABELS[a.rule]}  ${a.projectName}（${a.unit ?? '—'}，${a.leader ?? '—'}）：${a.reason}`);
      process.stdout.write(`${lines.join('\n')}\n`);
    });

  program
    .command('items')
    .description('督办事项：问题和任务，逾期在前，附13710时限（交办、反馈、办结）')
    .requiredOption('--region <code>', '县级区划代码（6位）')
    .option('--status <status>', '只列 open（未销号）、overdue（已逾期）或 closed（已销号）')
    .option('--on <day>', ON_HELP)
    .option('--db <target>', DB_HELP)
    .option('--json', '以 JSON 输出（数组）')
    .action(async (opts: { region: string; status?: string; on?: string; db?: string; json?: boolean }) => {
      if (opts.status !== undefined && !(STATUS_FILTERS as readonly string[]).includes(opts.status)) throw usage(`--status 应为 open、overdue 或 closed，而不是“${opts.status}”`);
      const board = await withDatabase(opts.db, ({ db }) =>
        itemBoard(db, { region: opts.region, status: opts.status as (typeof STATUS_FILTERS)[number] | undefined, on: checkDay(opts.on) }, SYSTEM_ACTOR),
      );
      if (opts.json) {
        printJson(board.items.map(presentItemRow));
        return;
      }
      const lines = [`督办事项（按${board.day}判断）：未销号${board.counts.open}，逾期${board.counts.overdue}，已销号${board.counts.closed}`];
      for (const i of board.items) {
        const late = i.overdue ? `逾期${i.overdue.daysLate}天` : i.next ? `${i.next.due}到期` : '';
        lines.push(`${ITEM_STATUS_LABELS[i.status]}  ${i.title}（${i.unitName ?? '未交办'}${i.leaderName ? `，${i.leaderName}` : ''}）办结时限${i.solveDue ?? '—'} ${late}`.trimEnd());
      }
      process.stdout.write(`${lines.join('\n')}\n`);
    });

  program
    .command('reserve')
    .description('项目储备：在库项目剩余投资、年度剩余任务、覆盖倍数及缺口、有效投资余额（按项目类别）')
    .requiredOption('--region <code>', '区划代码：县（6位）、乡镇或园区（9位）、市或省')
    .requiredOption('--as-of <month>', '截至月份，YYYY-MM')
    .option('--db <target>', DB_HELP)
    .option('--json', '以 JSON 输出（金额为元，倍数为小数）')
    .action(async (opts: { region: string; asOf: string; db?: string; json?: boolean }) => {
      const r = await withDatabase(opts.db, ({ db }) => reserveSummary(db, { region: opts.region, asOf: checkMonth(opts.asOf, '--as-of') }, SYSTEM_ACTOR));
      if (opts.json) {
        printJson(presentReserve(r));
        return;
      }
      const lines = [
        `${r.regionName}项目储备（截至${r.asOf}）`,
        `在库项目剩余投资 ${money(r.remainingInvestment)}；年度任务 ${money(r.task)}，剩余 ${money(r.remainingTask)}；按${r.coverageRatio}倍需 ${money(r.required)}，缺口 ${money(r.gap)}；有效投资余额 ${money(r.effectiveBalance)}`,
        ...r.byCategory.map((c) => `  ${c.category ?? '未分类'}：剩余 ${money(c.remainingInvestment)}，有效 ${money(c.effectiveBalance)}，需 ${money(c.required)}，缺口 ${money(c.gap)}`),
        '',
        r.sentence,
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    });

  program
    .command('escalate')
    .description('督办升级：向逾期事项的责任单位发提醒，逾期较久的发督办函、列入调度会（每步只发一次；serve 每分钟执行）')
    .option('--db <target>', DB_HELP)
    .option('--json', '以 JSON 输出')
    .action(async (opts: { db?: string; json?: boolean }) => {
      const sent = await withDatabase(opts.db, ({ db }) => sendDueEscalations(db, new Date()));
      if (opts.json) printJson(sent);
      else say(sent.length === 0 ? '没有需要升级的逾期事项' : sent.map((s) => `${s.ok ? '已发送' : '未送达'}：${s.text}`).join('\n'));
    });

  const imp = program.commands.find((c) => c.name() === 'import');
  const exp = program.commands.find((c) => c.name() === 'export');
  if (!imp || !exp) throw new Error('register the import and export commands before supervision');

  imp
    .command('items')
    .description('导入督办任务清单（.xlsx）：事项（任务/问题）、责任单位必填，包联领导、项目名称、级别、交办日期、办结时限、任务清单、整改措施可选；逐行报告导入或拒绝的原因。有任何一行被拒绝时不导入（除非 --skip-invalid）')
    .argument('<file>', '任务清单（.xlsx，不超过 20 MB）')
    .requiredOption('--region <code>', '县级区划代码（6位）')
    .option('--db <target>', DB_HELP)
    .option('--skip-invalid', '跳过被拒绝的行，导入其余有效行')
    .option('--dry-run', '只检查并报告，不写入数据库')
    .option('--json', '以 JSON 输出报告')
    .action(async (file: string, opts: { region: string; db?: string; skipInvalid?: boolean; dryRun?: boolean; json?: boolean }) => {
      const report = await withDatabase(opts.db, ({ db }) => importItemSheet(db, { region: opts.region, file, skipInvalid: !!opts.skipInvalid, dryRun: !!opts.dryRun }, SYSTEM_ACTOR));
      if (opts.json) printJson(report);
      else {
        for (const r of report.rejected) say(`  第${r.row}行：${r.reason}`);
        say(`工作表“${report.sheet}”：${report.committed ? '已导入' : '可导入'} ${report.committed ? report.imported : '—'} 项，拒绝 ${report.rejected.length} 行`);
      }
      if (report.rejected.length > 0 && !opts.skipInvalid) {
        throw new AppError('invalid_input', `有 ${report.rejected.length} 行被拒绝，未导入任何事项（改正后重新导入，或用 --skip-invalid 只导入有效行）`);
      }
    });

  exp
    .command('items')
    .description('导出督办台账 .xlsx（all 督办事项台账、problems 问题台账、rectification 整改台账、tasks 任务台账），逾期在前')
    .requiredOption('--region <code>', '县级区划代码（6位）')
    .requiredOption('--out <file>', '输出文件，如 督办台账.xlsx')
    .option('--view <view>', `台账：${ITEM_VIEWS.join('、')}`, 'all')
    .option('--status <status>', '只导出 open、overdue 或 closed')
    .option('--on <day>', ON_HELP)
    .option('--db <target>', DB_HELP)
    .option('--json', '以 JSON 输出结果（文件、行数）')
    .action(async (opts: { region: string; out: string; view: string; status?: string; on?: string; db?: string; json?: boolean }) => {
      if (!(ITEM_VIEWS as readonly string[]).includes(opts.view)) throw usage(`--view 应为 ${ITEM_VIEWS.join('、')} 之一`);
      if (opts.status !== undefined && !(STATUS_FILTERS as readonly string[]).includes(opts.status)) throw usage(`--status 应为 open、overdue 或 closed`);
      const on = checkDay(opts.on) ?? dayOf(new Date());
      const file = await withDatabase(opts.db, ({ db }) =>
        exportItemLedger(db, { region: opts.region, view: opts.view as LedgerView, status: opts.status as (typeof STATUS_FILTERS)[number] | undefined, on }, SYSTEM_ACTOR),
      );
      await fs.writeFile(opts.out, file.buffer);
      if (opts.json) printJson({ out: opts.out, rows: file.rows, filename: file.filename });
      else say(`已导出 ${file.rows} 项到 ${opts.out}`);
    });
}
