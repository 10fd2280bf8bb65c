// tiaodu round: open and close a county's monthly round, extend it, reopen it for one unit, list who is late, export its figures, send due reminders.

import fs from 'node:fs';
import type { Command } from 'commander';
import { SYSTEM_ACTOR } from '../../domain/access.ts';
import { formatRate } from '../../domain/format.ts';
import { cstLabel } from '../../domain/round/round.ts';
import { exportRound } from '../../services/round/export-round.ts';
import { runRoundCalendar } from '../../services/round/calendar.ts';
import { extendDeadline, relockUnit, reopenForUnit } from '../../services/round/deadlines.ts';
import { closeRound, getRoundByMonth, monthName, openRound, type RoundSummary } from '../../services/round/rounds.ts';
import { getRoundScoreboard } from '../../services/round/scoreboard.ts';
import { printJson, say } from '../output.ts';
import { withDatabase } from './database.ts';

const DB_HELP = 'SQLite 文件路径或 postgres:// 地址（默认 DATABASE_URL 或 data/tiaodu.sqlite）';

function describe(r: RoundSummary): string {
  return `${r.regionName}${monthName(r.month)}月报（${r.status === 'open' ? '填报中' : '已关闭'}）：应报${r.counts.due}，待审核${r.counts.awaitingReview}，已通过${r.counts.approved}，退回${r.counts.returned}，未提交${r.counts.draft}；截止${cstLabel(r.deadline)}，宽限至${cstLabel(r.graceUntil)}`;
}

export function registerRound(program: Command): void {
  const round = program.command('round').description('月报：开启、延长、关闭、为单位重新开放、谁逾期、导出、发送提醒');

  round
    .command('open')
    .description('开启某县某月的月报，为该年度项目库中的每个项目生成一份月报（按上月预填）')
    .requiredOption('--region <code>', '县级区划代码（6位）')
    .requiredOption('--month <month>', '月份，YYYY-MM')
    .option('--deadline <time>', '截止时间（带时区），如 2021-06-05T18:00:00+08:00；缺省按设置')
    .option('--grace-until <time>', '宽限截止时间；缺省按设置')
    .option('--db <target>', DB_HELP)
    .option('--json', '以 JSON 输出')
    .action(async (opts: { region: string; month: string; deadline?: string; graceUntil?: string; db?: string; json?: boolean }) => {
      const r = await withDatabase(opts.db, ({ db }) => openRound(db, { regionCode: opts.region, month: opts.month, deadline: opts.deadline, graceUntil: opts.graceUntil }, SYSTEM_ACTOR));
      if (opts.json) printJson(r);
      else say(`已开启：${describe(r)}\n${r.deadlineNote}`);
    });

  round
    .command('extend')
    .description('延长仍在填报的月报的截止时间（只能延后；宽限天数不变，除非另给）')
    .requiredOption('--region <code>', '县级区划代码（6位）')
    .requiredOption('--month <month>', '月份，YYYY-MM')
    .requiredOption('--deadline <time>', '新的截止时间（带时区），如 2021-07-08T18:00:00+08:00')
    .option('--grace-until <time>', '新的宽限截止时间')
    .option('--db <target>', DB_HELP)
    .option('--json', '以 JSON 输出')
    .action(async (opts: { region: string; month: string; deadline: string; graceUntil?: string; db?: string; json?: boolean }) => {
      const r = await withDatabase(opts.db, async ({ db }) =>
        extendDeadline(db, (await getRoundByMonth(db, opts.region, opts.month, SYSTEM_ACTOR)).id, { deadline: opts.deadline, graceUntil: opts.graceUntil }, SYSTEM_ACTOR),
      );
      if (opts.json) printJson(r);
      else say(`已延长：${describe(r)}`);
    });

  round
    .command('reopen')
    .description('为一个单位重新开放已关闭的月报：该单位未通过的月报可补报，其他单位仍锁定；已通过的数据仍只能更正')
    .requiredOption('--region <code>', '县级区划代码（6位）')
    .requiredOption('--month <month>', '月份，YYYY-MM')
    .requiredOption('--unit <unit>', '单位全称或编号')
    .requiredOption('--reason <text>', '重新开放的原因')
    .option('--deadline <time>', '补报截止时间（带时区）；缺省按本县日历自今日起算')
    .option('--db <target>', DB_HELP)
    .option('--json', '以 JSON 输出')
    .action(async (opts: { region: string; month: string; unit: string; reason: string; deadline?: string; db?: string; json?: boolean }) => {
      const r = await withDatabase(opts.db, async ({ db }) =>
        reopenForUnit(db, (await getRoundByMonth(db, opts.region, opts.month, SYSTEM_ACTOR)).id, opts.unit, { reason: opts.reason, deadline: opts.deadline }, SYSTEM_ACTOR),
      );
      if (opts.json) printJson(r);
      else for (const x of r.reopenings) say(`已重新开放：${x.unitName}，补报截止${cstLabel(x.deadline, true)}，宽限至${cstLabel(x.graceUntil, true)}（${x.reason}）`);
    });

  round
    .command('relock')
    .description('重新锁定为某单位开放的月报（该单位没有待审核的月报时）')
    .requiredOption('--region <code>', '县级区划代码（6位）')
    .requiredOption('--month <month>', '月份，YYYY-MM')
    .requiredOption('--unit <unit>', '单位全称或编号')
    .option('--db <target>', DB_HELP)
    .option('--json', '以 JSON 输出')
    .action(async (opts: { region: string; month: string; unit: string; db?: string; json?: boolean }) => {
      const r = await withDatabase(opts.db, async ({ db }) => relockUnit(db, (await getRoundByMonth(db, opts.region, opts.month, SYSTEM_ACTOR)).id, opts.unit, SYSTEM_ACTOR));
      if (opts.json) printJson(r);
      else say(`已重新锁定：${describe(r)}`);
    });

  round
    .command('close')
    .description('关闭月报：已通过的数据锁定，此后只能经更正修改')
    .requiredOption('--region <code>', '县级区划代码（6位）')
    .requiredOption('--month <month>', '月份，YYYY-MM')
    .option('--db <target>', DB_HELP)
    .option('--json', '以 JSON 输出')
    .action(async (opts: { region: string; month: string; db?: string; json?: boolean }) => {
      const r = await withDatabase(opts.db, async ({ db }) => closeRound(db, (await getRoundByMonth(db, opts.region, opts.month, SYSTEM_ACTOR)).id, SYSTEM_ACTOR));
      if (opts.json) printJson(r);
      else say(`已关闭：${describe(r)}`);
    });

  round
    .command('late')
    .description('各单位填报情况：应报、已提交、已通过、退回、逾期、未报、按时率；只列有逾期或未报的单位，--all 列全部')
    .requiredOption('--region <code>', '县级区划代码（6位）')
    .requiredOption('--month <month>', '月份，YYYY-MM')
    .option('--all', '列出全部单位')
    .option('--db <target>', DB_HELP)
    .option('--json', '以 JSON 输出（按时率为小数）')
    .action(async (opts: { region: string; month: string; all?: boolean; db?: string; json?: boolean }) => {
      const board = await withDatabase(opts.db, async ({ db }) => getRoundScoreboard(db, (await getRoundByMonth(db, opts.region, opts.month, SYSTEM_ACTOR)).id, SYSTEM_ACTOR));
      const rows = opts.all ? board.rows : board.rows.filter((r) => r.late + r.missing > 0);
      if (opts.json) {
        printJson({ ...board, rows });
        return;
      }
      const line = (cells: (string | number)[]) => cells.map((c, i) => (i === 0 ? String(c).padEnd(14, '　') : String(c).padStart(6))).join(' ');
      const lines = [`${monthName(board.month)}月报填报情况（截止${cstLabel(board.deadline)}）`, line(['单位', '应报', '已提交', '已通过', '退回', '逾期', '未报', '按时率'])];
      for (const r of [...rows, { ...board.total, unitName: '合计' }]) lines.push(line([r.unitName, r.due, r.submitted, r.approved, r.returned, r.late, r.missing, formatRate(r.timelinessRate)]));
      if (rows.length === 0) lines.splice(2, 0, '（没有逾期或未报的单位）');
      process.stdout.write(`${lines.join('\n')}\n`);
    });

  round
    .command('export')
    .description('导出本月月报数据（.xlsx，金额单位万元）')
    .requiredOption('--region <code>', '县级区划代码（6位）')
    .requiredOption('--month <month>', '月份，YYYY-MM')
    .requiredOption('--out <file>', '输出文件 .xlsx')
    .option('--db <target>', DB_HELP)
    .action(async (opts: { region: string; month: string; out: string; db?: string }) => {
      const file = await withDatabase(opts.db, async ({ db }) => exportRound(db, (await getRoundByMonth(db, opts.region, opts.month, SYSTEM_ACTOR)).id, SYSTEM_ACTOR));
      fs.writeFileSync(opts.out, file.content);
      say(`已导出：${opts.out}（${file.fileName}）`);
    });

  round
    .command('remind')
    .description('按日历开启到期的月报，并发送到期的提醒（站内和群机器人）；服务运行时每分钟自动执行')
    .option('--db <target>', DB_HELP)
    .option('--json', '以 JSON 输出')
    .action(async (opts: { db?: string; json?: boolean }) => {
      const result = await withDatabase(opts.db, ({ db }) => runRoundCalendar(db, new Date()));
      if (opts.json) {
        printJson(result);
        return;
      }
      for (const r of result.opened) say(`已开启：${describe(r)}`);
      for (const r of result.reminders) say(`${r.ok ? '已提醒' : '提醒失败'}（${r.channel === 'app' ? '站内' : '群机器人'}）：${r.text}`);
      if (result.opened.length + result.reminders.length === 0) say('没有到期的月报或提醒');
    });
}
