// tiaodu user: an IT administrator's account work from the command line — add, list, disable, enable, reset a password.

import type { Command } from 'commander';
import { ROLE_LABELS, ROLES, SYSTEM_ACTOR, type Role } from '../../domain/access.ts';
import { PASSWORD_RULE_TEXT } from '../../domain/auth/password-rule.ts';
import { cstLabel } from '../../domain/round/round.ts';
import { addUser, listAccounts, resetPassword, updateAccount, type AccountWithPassword, type PresentedAccount } from '../../services/manage-users.ts';
import { printJson, say } from '../output.ts';
import { withDatabase } from './database.ts';

const DB_HELP = 'SQLite 文件路径或 postgres:// 地址（默认 DATABASE_URL 或 data/tiaodu.sqlite）';

function status(a: PresentedAccount): string {
  if (a.disabled) return '已停用';
  if (a.mustChangePassword) return '待改初始密码';
  return '正常';
}

function sayPassword(result: AccountWithPassword): void {
  if (result.generatedPassword) say(`初始密码：${result.generatedPassword}（只显示这一次；首次登录时须修改）`);
  else say('首次登录时须修改这个初始密码。');
}

export function registerUser(program: Command): void {
  const user = program.command('user').description('账号管理：添加、列出、停用、启用账号，重置密码（用户名不区分大小写）');
  user
    .command('add')
    .description('添加账号；初始密码须在首次登录时修改')
    .requiredOption('--username <name>', '用户名（3-40位字母、数字、_ . -，保存为小写）')
    .requiredOption('--name <displayName>', '姓名')
    .requiredOption('--role <role>', `角色：${ROLES.map((r) => `${r}（${ROLE_LABELS[r]}）`).join('、')}`)
    .requiredOption('--region <code>', '所属县的6位区划代码（市、省账号用市、省代码）')
    .option('--password <password>', `初始密码（${PASSWORD_RULE_TEXT}）；不给则生成一个并显示一次`)
    .option('--unit <unit>', '所属单位名称或别名（填报员必填），如 古韩镇人民政府')
    .option('--leader <leader>', '对应的包联领导姓名（包联领导账号）')
    .option('--db <target>', DB_HELP)
    .option('--json', '以 JSON 输出（含生成的初始密码）')
    .action(async (opts: { username: string; name: string; role: string; region: string; password?: string; unit?: string; leader?: string; db?: string; json?: boolean }) => {
      const result = await withDatabase(opts.db, ({ db }) =>
        addUser(db, { username: opts.username, displayName: opts.name, role: opts.role as Role, regionCode: opts.region, password: opts.password, unit: opts.unit, leader: opts.leader }, SYSTEM_ACTOR),
      );
      if (opts.json) printJson(result);
      else {
        say(`已添加账号 ${result.account.username}（${result.account.displayName}，${ROLE_LABELS[result.account.role]}）`);
        sayPassword(result);
      }
    });
  user
    .command('list')
    .description('列出一个地区的账号：用户名、姓名、角色、状态、最近登录')
    .requiredOption('--region <code>', '区划代码')
    .option('--db <target>', DB_HELP)
    .option('--json', '以 JSON 输出')
    .action(async (opts: { region: string; db?: string; json?: boolean }) => {
      const users = await withDatabase(opts.db, ({ db }) => listAccounts(db, opts.region, SYSTEM_ACTOR));
      if (opts.json) printJson(users);
      else {
        for (const u of users) {
          process.stdout.write(`${[u.username, u.displayName, ROLE_LABELS[u.role], u.regionCode, status(u), u.lastSignInAt ? `最近登录 ${cstLabel(u.lastSignInAt)}` : '从未登录'].join('\t')}\n`);
        }
      }
    });
  for (const [name, disabled, text] of [['disable', true, '停用账号：立即退出所有会话，不能再登录'], ['enable', false, '启用账号（同时解除登录失败造成的锁定）']] as const) {
    user
      .command(`${name} <username>`)
      .description(text)
      .option('--db <target>', DB_HELP)
      .option('--json', '以 JSON 输出')
      .action(async (username: string, opts: { db?: string; json?: boolean }) => {
        const account = await withDatabase(opts.db, ({ db }) => updateAccount(db, username, { disabled }, SYSTEM_ACTOR));
        if (opts.json) printJson(account);
        else say(`${disabled ? '已停用' : '已启用'}账号 ${account.username}（${account.displayName}）`);
      });
  }
  user
    .command('reset-password <username>')
    .description('重置密码：给一个新的初始密码，下次登录时须修改；该账号的会话结束，锁定解除')
    .option('--password <password>', `新的初始密码（${PASSWORD_RULE_TEXT}）；不给则生成一个并显示一次`)
    .option('--db <target>', DB_HELP)
    .option('--json', '以 JSON 输出（含生成的初始密码）')
    .action(async (username: string, opts: { password?: string; db?: string; json?: boolean }) => {
      const result = await withDatabase(opts.db, ({ db }) => resetPassword(db, username, { password: opts.password }, SYSTEM_ACTOR));
      if (opts.json) printJson(result);
      else {
        say(`已重置账号 ${result.account.username} 的密码`);
        sayPassword(result);
      }
    });
}
