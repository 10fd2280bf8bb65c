// tiaodu unit: a county's units — list, add, rename (the old name stays as an alias), aliases, merge two, group robots.

import type { Command } from 'commander';
import { SYSTEM_ACTOR } from '../../domain/access.ts';
import { AppError } from '../../domain/errors.ts';
import type { Db } from '../../db/transaction.ts';
import { addUnit, addUnitAlias, listCountyUnits, mergeUnits, removeUnitAlias, renameCountyUnit, resolveUnit, setUnitRobot, type PresentedUnit } from '../../services/units.ts';
import { printJson, say } from '../output.ts';
import { withDatabase } from './database.ts';

const DB_HELP = 'SQLite 文件路径或 postgres:// 地址（默认 DATABASE_URL 或 data/tiaodu.sqlite）';
const REGION_HELP = '县级区划代码（6位），如 140423';
const UNIT_ARG = '单位名称、别名或编号';

function describe(u: PresentedUnit): string {
  const robot = u.robot ? `，群机器人：${u.robot.kind === 'dingtalk' ? '钉钉' : '企业微信'}${u.robot.signed ? '（加签）' : ''}` : '';
  return `${u.name}（项目${u.projects}个，账号${u.accounts}个${u.aliases.length ? `，别名：${u.aliases.join('、')}` : ''}${robot}）`;
}

/** Runs a change on one unit named on the command line, and prints the unit as it now is. */
async function onUnit(opts: { db?: string; region: string; json?: boolean }, ref: string, change: (db: Db, id: string) => Promise<PresentedUnit>, done: string): Promise<void> {
  const unit = await withDatabase(opts.db, async ({ db }) => change(db, (await resolveUnit(db, opts.region, ref)).id));
  if (opts.json) printJson(unit);
  else say(`${done}：${describe(unit)}`);
}

export function registerUnit(program: Command): void {
  const unit = program.command('unit').description('责任单位：列出、添加、改名、别名、合并、群机器人');
  unit
    .command('list')
    .description('列出一个县的责任单位，及其别名、群机器人、项目数和账号数')
    .requiredOption('--region <code>', REGION_HELP)
    .option('--db <target>', DB_HELP)
    .option('--json', '以 JSON 输出')
    .action(async (opts: { region: string; db?: string; json?: boolean }) => {
      const units = await withDatabase(opts.db, ({ db }) => listCountyUnits(db, opts.region, SYSTEM_ACTOR));
      if (opts.json) printJson(units);
      else for (const u of units) process.stdout.write(`${describe(u)}\n`);
    });
  unit
    .command('add <name>')
    .description('添加责任单位')
    .requiredOption('--region <code>', REGION_HELP)
    .option('--kind <kind>', '类别：department（部门）、township（乡镇）、zone（园区）、enterprise（企业）、other', 'department')
    .option('--db <target>', DB_HELP)
    .option('--json', '以 JSON 输出')
    .action(async (name: string, opts: { region: string; kind: string; db?: string; json?: boolean }) => {
      const added = await withDatabase(opts.db, ({ db }) => addUnit(db, opts.region, { name, kind: opts.kind }, SYSTEM_ACTOR));
      if (opts.json) printJson(added);
      else say(`已添加：${describe(added)}`);
    });
  unit
    .command('rename <unit>')
    .description('单位改名；旧名称留作别名，按旧名称写的台账照样导入')
    .requiredOption('--to <name>', '新名称')
    .requiredOption('--region <code>', REGION_HELP)
    .option('--db <target>', DB_HELP)
    .option('--json', '以 JSON 输出')
    .action((ref: string, opts: { to: string; region: string; db?: string; json?: boolean }) => onUnit(opts, ref, (db, id) => renameCountyUnit(db, id, { name: opts.to }, SYSTEM_ACTOR, new Date()), '已改名'));
  unit
    .command('alias <unit>')
    .description(`添加或删除单位的别名（本县对它的其他叫法，如 县发改局）；<unit> 为${UNIT_ARG}`)
    .option('--add <alias>', '添加的别名')
    .option('--remove <alias>', '删除的别名')
    .requiredOption('--region <code>', REGION_HELP)
    .option('--db <target>', DB_HELP)
    .option('--json', '以 JSON 输出')
    .action((ref: string, opts: { add?: string; remove?: string; region: string; db?: string; json?: boolean }) => {
      if (!!opts.add === !!opts.remove) throw new AppError('invalid_usage', '请给出 --add 或 --remove 之一');
      return onUnit(
        opts,
        ref,
        (db, id) => (opts.add ? addUnitAlias(db, id, { alias: opts.add }, SYSTEM_ACTOR, new Date()) : removeUnitAlias(db, id, opts.remove!, SYSTEM_ACTOR)),
        opts.add ? '已添加别名' : '已删除别名',
      );
    });
  unit
    .command('merge <unit>')
    .description('把 <unit> 合并到 --into 的单位：项目、月报、问题、账号、别名、指标分解、提醒、通知都改指向保留的单位，<unit> 的名称留作别名；一个事务内完成')
    .requiredOption('--into <unit>', `保留的单位（${UNIT_ARG}）`)
    .requiredOption('--region <code>', REGION_HELP)
    .option('--db <target>', DB_HELP)
    .option('--json', '以 JSON 输出')
    .action(async (ref: string, opts: { into: string; region: string; db?: string; json?: boolean }) => {
      const merged = await withDatabase(opts.db, async ({ db }) => {
        const [from, into] = [await resolveUnit(db, opts.region, ref), await resolveUnit(db, opts.region, opts.into, 'into')];
        return mergeUnits(db, from.id, into.id, SYSTEM_ACTOR, new Date());
      });
      if (opts.json) printJson(merged);
      else say(`已合并（${merged.movedProjects}个项目改到保留的单位）：${describe(merged)}`);
    });
  unit
    .command('robot <unit>')
    .description('设置单位的钉钉或企业微信群机器人（月报提醒发往此处），或用 --off 取消')
    .option('--kind <kind>', 'dingtalk（钉钉）或 wecom（企业微信）')
    .option('--url <url>', '机器人的 Webhook 地址')
    .option('--secret <secret>', '钉钉机器人的加签密钥（安全设置选“加签”时）')
    .option('--off', '取消群机器人')
    .requiredOption('--region <code>', REGION_HELP)
    .option('--db <target>', DB_HELP)
    .option('--json', '以 JSON 输出')
    .action((ref: string, opts: { kind?: string; url?: string; secret?: string; off?: boolean; region: string; db?: string; json?: boolean }) => {
      if (opts.off ? opts.kind || opts.url : !opts.kind || !opts.url) throw new AppError('invalid_usage', '请给出 --kind 和 --url，或只给 --off');
      const robot = opts.off ? null : { kind: opts.kind, url: opts.url, secret: opts.secret ?? null };
      return onUnit(opts, ref, (db, id) => setUnitRobot(db, id, robot, SYSTEM_ACTOR), opts.off ? '已取消群机器人' : '已设置群机器人');
    });
}
