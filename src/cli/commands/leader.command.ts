// tiaodu leader: a county's leaders (包联领导) — list, add, rename and retitle, retire, merge two records of one person.

import type { Command } from 'commander';
import { SYSTEM_ACTOR } from '../../domain/access.ts';
import { AppError } from '../../domain/errors.ts';
import type { Db } from '../../db/transaction.ts';
import { addLeader, listCountyLeaders, mergeLeaders, resolveLeader, updateCountyLeader, type PresentedLeader } from '../../services/leaders.ts';
import { printJson, say } from '../output.ts';
import { withDatabase } from './database.ts';

const DB_HELP = 'SQLite 文件路径或 postgres:// 地址（默认 DATABASE_URL 或 data/tiaodu.sqlite）';
const REGION_HELP = '县级区划代码（6位），如 140423';

function describe(l: PresentedLeader): string {
  return `${l.name}${l.title ? `（${l.title}）` : ''}${l.retiredOn ? `，${l.retiredOn}离任` : ''}，包联项目${l.projects}个，账号${l.accounts}个  [${l.id}]`;
}

async function onLeader(opts: { db?: string; region: string; json?: boolean }, ref: string, change: (db: Db, id: string) => Promise<PresentedLeader>, done: string): Promise<void> {
  const leader = await withDatabase(opts.db, async ({ db }) => change(db, (await resolveLeader(db, opts.region, ref)).id));
  if (opts.json) printJson(leader);
  else say(`${done}：${describe(leader)}`);
}

export function registerLeader(program: Command): void {
  const leader = program.command('leader').description('包联领导：列出、添加、改名或改职务、离任、合并');
  leader
    .command('list')
    .description('列出一个县的包联领导：职务、离任日期、包联项目数、账号数、编号')
    .requiredOption('--region <code>', REGION_HELP)
    .option('--db <target>', DB_HELP)
    .option('--json', '以 JSON 输出')
    .action(async (opts: { region: string; db?: string; json?: boolean }) => {
      const leaders = await withDatabase(opts.db, ({ db }) => listCountyLeaders(db, opts.region, SYSTEM_ACTOR));
      if (opts.json) printJson(leaders);
      else for (const l of leaders) process.stdout.write(`${describe(l)}\n`);
    });
  leader
    .command('add <name>')
    .description('添加包联领导')
    .option('--title <title>', '职务，如 县委常委、常务副县长')
    .requiredOption('--region <code>', REGION_HELP)
    .option('--db <target>', DB_HELP)
    .option('--json', '以 JSON 输出')
    .action(async (name: string, opts: { title?: string; region: string; db?: string; json?: boolean }) => {
      const added = await withDatabase(opts.db, ({ db }) => addLeader(db, opts.region, { name, title: opts.title ?? null }, SYSTEM_ACTOR));
      if (opts.json) printJson(added);
      else say(`已添加：${describe(added)}`);
    });
  leader
    .command('rename <leader>')
    .description('改领导的姓名或职务；<leader> 为姓名或编号')
    .option('--to <name>', '新姓名')
    .option('--title <title>', '新职务（空字符串为清除）')
    .requiredOption('--region <code>', REGION_HELP)
    .option('--db <target>', DB_HELP)
    .option('--json', '以 JSON 输出')
    .action((ref: string, opts: { to?: string; title?: string; region: string; db?: string; json?: boolean }) => {
      if (opts.to === undefined && opts.title === undefined) throw new AppError('invalid_usage', '请给出 --to 或 --title');
      return onLeader(opts, ref, (db, id) => updateCountyLeader(db, id, { name: opts.to, title: opts.title === undefined ? undefined : opts.title || null }, SYSTEM_ACTOR, new Date()), '已修改');
    });
  leader
    .command('retire <leader>')
    .description('领导离任：保留在原有项目上，不再用于新项目；--undo 恢复在任')
    .option('--on <day>', '离任日期 YYYY-MM-DD（默认今天）')
    .option('--undo', '恢复在任')
    .requiredOption('--region <code>', REGION_HELP)
    .option('--db <target>', DB_HELP)
    .option('--json', '以 JSON 输出')
    .action((ref: string, opts: { on?: string; undo?: boolean; region: string; db?: string; json?: boolean }) => {
      if (opts.on && opts.undo) throw new AppError('invalid_usage', '--on 与 --undo 不能同时给出');
      return onLeader(opts, ref, (db, id) => updateCountyLeader(db, id, { retired: opts.undo ? false : (opts.on ?? true) }, SYSTEM_ACTOR, new Date()), opts.undo ? '已恢复在任' : '已离任');
    });
  leader
    .command('merge <leader>')
    .description('把 <leader> 合并到 --into 的领导（同一人的两条记录）：包联项目、账号、指标分解改指向保留的一位；一个事务内完成')
    .requiredOption('--into <leader>', '保留的领导（姓名或编号）')
    .requiredOption('--region <code>', REGION_HELP)
    .option('--db <target>', DB_HELP)
    .option('--json', '以 JSON 输出')
    .action(async (ref: string, opts: { into: string; region: string; db?: string; json?: boolean }) => {
      const merged = await withDatabase(opts.db, async ({ db }) => {
        const [from, into] = [await resolveLeader(db, opts.region, ref), await resolveLeader(db, opts.region, opts.into, 'into')];
        return mergeLeaders(db, from.id, into.id, SYSTEM_ACTOR, new Date());
      });
      if (opts.json) printJson(merged);
      else say(`已合并（${merged.movedProjects}个项目改到保留的一位）：${describe(merged)}`);
    });
}
