// tiaodu user: add and list accounts from the command line (the way an IT admin sets a county up).

import type { Command } from 'commander';
import { ROLE_LABELS, ROLES, SYSTEM_ACTOR, type Role } from '../../domain/access.ts';
import { addUser, listAccounts } from '../../services/manage-users.ts';
import { printJson, say } from '../output.ts';
import { withDatabase } from './database.ts';

export function registerUser(program: Command): void {
  const user = program.command('user').description('账号管理：添加、列出账号');
  user
    .command('add')
    .description('添加账号')
    .requiredOption('--username <name>', '用户名（字母、数字、_ . -）')
    .requiredOption('--name <displayName>', '姓名')
    .requiredOption('--role <role>', `角色：${ROLES.map((r) => `${r}（${ROLE_LABELS[r]}）`).join('、')}`)
    .requiredOption('--region <code>', '所属县的6位区划代码（市、省账号用市、省代码）')
    .requiredOption('--password <password>', '初始密码（至少8位）')
    .option('--unit <unit>', '所属单位名称（填报员必填），如 古韩镇人民政府')
    .option('--leader <leader>', '对应的包联领导姓名（包联领导账号）')
    .option('--db <target>', 'SQLite 文件路径或 postgres:// 地址（默认 DATABASE_URL 或 data/tiaodu.sqlite）')
    .option('--json', '以 JSON 输出')
    .action(async (opts: { username: string; name: string; role: string; region: string; password: string; unit?: string; leader?: string; db?: string; json?: boolean }) => {
      const created = await withDatabase(opts.db, ({ db }) =>
        addUser(db, { username: opts.username, displayName: opts.name, role: opts.role as Role, regionCode: opts.region, password: opts.password, unit: opts.unit, leader: opts.leader }, SYSTEM_ACTOR),
      );
      if (opts.json) printJson(created);
      else say(`已添加账号 ${created.username}（${created.displayName}，${ROLE_LABELS[created.role]}）`);
    });
  user
    .command('list')
    .description('列出一个地区的账号')
    .requiredOption('--region <code>', '区划代码')
    .option('--db <target>', 'SQLite 文件路径或 postgres:// 地址（默认 DATABASE_URL 或 data/tiaodu.sqlite）')
    .option('--json', '以 JSON 输出')
    .action(async (opts: { region: string; db?: string; json?: boolean }) => {
      const users = await withDatabase(opts.db, ({ db }) => listAccounts(db, opts.region, SYSTEM_ACTOR));
      if (opts.json) printJson(users);
      else for (const u of users) process.stdout.write(`${u.username}\t${u.displayName}\t${ROLE_LABELS[u.role]}\t${u.regionCode}\n`);
    });
}
