// tiaodu init: creates the database for a county with its townships, zones and default units.

import type { Command } from 'commander';
import { initCounty } from '../../services/init-county.ts';
import { printJson, say } from '../output.ts';
import { withDatabase } from './database.ts';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('为一个县建库：从全国区划数据建立乡镇、园区和默认责任单位，并创建管理员账号')
    .requiredOption('--region <code>', '县级区划代码（6位），如 140423')
    .option('--db <target>', 'SQLite 文件路径或 postgres:// 地址（默认 DATABASE_URL 或 data/tiaodu.sqlite）')
    .option('--admin-password <password>', '管理员初始密码（默认随机生成并显示一次）')
    .option('--json', '以 JSON 输出结果')
    .action(async (opts: { region: string; db?: string; adminPassword?: string; json?: boolean }) => {
      const result = await withDatabase(opts.db, ({ db }) => initCounty(db, { regionCode: opts.region, adminPassword: opts.adminPassword }), { create: true });
      if (opts.json) printJson(result);
      else {
        say(`已建立 ${result.name}（${result.regionCode}）：${result.townships} 个乡镇，${result.zones} 个园区，${result.units} 个责任单位。`);
        if (result.admin) say(`管理员账号：${result.admin.username}  初始密码：${result.admin.password}（只显示这一次，请登录后修改）`);
      }
    });
}
