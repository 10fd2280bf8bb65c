// tiaodu export: the ledger as a county prints it (.xlsx), and the empty ledger template with its 填表说明.

import fs from 'node:fs/promises';
import type { Command } from 'commander';
import { SYSTEM_ACTOR } from '../../domain/access.ts';
import { dayOf, monthOfDay } from '../../domain/months.ts';
import { PHASE_LABELS, PHASES, STAGES, type Phase, type Stage } from '../../domain/project/project.ts';
import { LEDGER_STAGE_WORDS, ledgerFilterIds, ledgerTemplate, prepareLedgerExport } from '../../services/export-ledger.ts';
import { printJson, say } from '../output.ts';
import { withDatabase } from './database.ts';

interface LedgerOptions {
  db?: string;
  region: string;
  asOf: string;
  out: string;
  phase?: string;
  stage?: string;
  township?: string;
  chain?: string;
  unit?: string;
  leader?: string;
  q?: string;
  reserve?: boolean;
  json?: boolean;
}

export function registerExport(program: Command): void {
  const exp = program.command('export').description('导出：项目台账（按县里打印的样式）、台账模板');
  exp
    .command('ledger')
    .description('导出项目台账 .xlsx：标题、单位行、两行表头、合计、按续建/新建分段小计，金额单位万元，A3横向打印')
    .requiredOption('--region <code>', '区划代码：县（6位）或乡镇、园区（9位）')
    .requiredOption('--as-of <month>', '截至月份，YYYY-MM')
    .requiredOption('--out <file>', '输出文件，如 台账.xlsx')
    .option('--db <target>', 'SQLite 文件路径或 postgres:// 地址（默认 DATABASE_URL 或 data/tiaodu.sqlite）')
    .option('--phase <phase>', `只导出一种项目性质：${PHASES.map((p) => `${p}（${PHASE_LABELS[p]}）`).join('、')}`)
    .option('--stage <stage>', `只导出一种项目状态：${STAGES.map((s) => `${s}（${LEDGER_STAGE_WORDS[s]}）`).join('、')}`)
    .option('--township <code>', '只导出一个乡镇或园区（9位区划代码）')
    .option('--chain <name>', '只导出一条产业链，如 煤焦化')
    .option('--unit <name>', '只导出一个责任单位，如 古韩镇人民政府（写名称；单位编号也可）')
    .option('--leader <name>', '只导出一位包联领导，如 李宏伟（写姓名；领导编号也可）')
    .option('--q <text>', '按项目名称、建设单位、项目代码搜索')
    .option('--reserve', '在续建、新建之后加上储备项目一段')
    .option('--json', '以 JSON 输出结果（文件、项目数）')
    .action(async (opts: LedgerOptions) => {
      // The workbook is streamed to the file row by row as its projects are read, a page at a time.
      const ledger = await withDatabase(opts.db, async ({ db }) => {
        const { unit, leader } = await ledgerFilterIds(db, { region: opts.region, unit: opts.unit, leader: opts.leader });
        const prepared = await prepareLedgerExport(
          db,
          {
            region: opts.region,
            asOf: opts.asOf,
            phase: opts.phase as Phase | undefined,
            stage: opts.stage as Stage | undefined,
            township: opts.township,
            chain: opts.chain,
            unit,
            leader,
            q: opts.q,
            includeReserve: !!opts.reserve,
          },
          SYSTEM_ACTOR,
        );
        await prepared.writeTo(opts.out);
        return prepared;
      }, { singlePass: true });
      if (opts.json) printJson({ out: opts.out, rows: ledger.rows, filename: ledger.filename });
      else say(`已导出 ${ledger.rows} 个项目到 ${opts.out}`);
    });
  exp
    .command('template')
    .description('导出空白台账模板 .xlsx：标准表头，另附“填表说明”工作表')
    .requiredOption('--out <file>', '输出文件，如 台账模板.xlsx')
    .option('--as-of <month>', '表头用的截至月份，YYYY-MM（默认本月），决定“2021年计划投资”“1-5月完成投资”')
    .option('--county <name>', '标题中的县名，如 襄垣县')
    .action(async (opts: { out: string; asOf?: string; county?: string }) => {
      // The command line is an edge: the clock is read here, not in the service.
      const asOf = opts.asOf ?? monthOfDay(dayOf(new Date()));
      const file = await ledgerTemplate({ asOf, regionName: opts.county });
      await fs.writeFile(opts.out, file.buffer);
      say(`已导出台账模板到 ${opts.out}`);
    });
}
