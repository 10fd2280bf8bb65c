// tiaodu pool: the pool analysis of a region as of a month.

import type { Command } from 'commander';
import { SYSTEM_ACTOR } from '../../domain/access.ts';
import { formatRate, money } from '../../domain/format.ts';
import type { BreakdownRow } from '../../domain/pool/pool-analysis.ts';
import { poolSummary } from '../../services/pool-summary.ts';
import { presentPoolSummary } from '../../server/presenters/pool.presenter.ts';
import { printJson } from '../output.ts';
import { withDatabase } from './database.ts';

export function registerPool(program: Command): void {
  program
    .command('pool')
    .description('项目库分析：续建/新建项目数、总投资、年度计划、累计完成投资、开工率、复工率')
    .requiredOption('--region <code>', '区划代码：县（6位）、乡镇或园区（9位）、市或省')
    .requiredOption('--as-of <month>', '截至月份，YYYY-MM')
    .option('--db <target>', 'SQLite 文件路径或 postgres:// 地址（默认 DATABASE_URL 或 data/tiaodu.sqlite）')
    .option('--breakdowns', '同时给出按乡镇、产业链、包联领导、责任单位的分组')
    .option('--json', '以 JSON 输出（金额为元，比率为小数）')
    .action(async (opts: { region: string; asOf: string; db?: string; breakdowns?: boolean; json?: boolean }) => {
      const summary = await withDatabase(opts.db, ({ db }) =>
        poolSummary(db, { region: opts.region, asOf: opts.asOf, breakdowns: !!opts.breakdowns }, SYSTEM_ACTOR),
      );
      if (opts.json) {
        printJson(presentPoolSummary(summary));
        return;
      }
      const lines = [
        `${summary.regionName} 项目库（截至 ${summary.asOf}，金额单位：亿元）`,
        // Figures drawn from a round still open say how complete they are.
        ...(summary.completeness.length > 0 ? [`数字含仍在填报的月份：${summary.completeness.map((c) => c.label).join('，')}`] : []),
        row('', '项目数', '总投资', '年度计划', '累计完成', '开工/复工率'),
        row('合计', summary.all.count, money(summary.all.totalInvestment), money(summary.all.annualPlan), money(summary.all.completedYtd), ''),
        row('续建', summary.continuing.count, money(summary.continuing.totalInvestment), money(summary.continuing.annualPlan), money(summary.continuing.completedYtd), `复工率 ${formatRate(summary.continuing.resumeRate)}`),
        row('新建', summary.newStart.count, money(summary.newStart.totalInvestment), money(summary.newStart.annualPlan), money(summary.newStart.completedYtd), `开工率 ${formatRate(summary.newStart.startRate)}`),
        '',
        summary.sentence,
      ];
      for (const [title, rows] of [['按乡镇', summary.byTownship], ['按产业链', summary.byChain], ['按包联领导', summary.byLeader], ['按责任单位', summary.byUnit], ['按县', summary.byCounty]] as const) {
        if (rows) lines.push('', title, ...rows.map((r: BreakdownRow) => row(r.label, r.all.count, money(r.all.totalInvestment), money(r.all.annualPlan), money(r.all.completedYtd), '')));
      }
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}

function row(...cells: (string | number)[]): string {
  return cells.map((c, i) => (i === 0 ? String(c).padEnd(12, '　') : String(c).padStart(12))).join(' ');
}
