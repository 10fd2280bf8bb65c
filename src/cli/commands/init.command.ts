// tiaodu init: creates the database for a county, or for every county of a city or province, with townships, zones
// and default units.

import type { Command } from 'commander';
import { initAllCounties, initCounty } from '../../services/init-county.ts';
import { printJson, say } from '../output.ts';
import { withDatabase } from './database.ts';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('为一个县建库：从全国区划数据建立乡镇、园区和默认责任单位，并创建管理员账号；加 --all-counties 为一个市或省的所有县建库')
    .requiredOption('--region <code>', '县级区划代码（6位），如 140423；与 --all-counties 一起时为市级或省级代码，如 140400、140000')
    .option('--all-counties', '为该市或省的所有县建库（各县不建管理员，只建一个全市或全省的管理员，由其为各县开账号）')
    .option('--db <target>', 'SQLite 文件路径或 postgres:// 地址（默认 DATABASE_URL 或 data/tiaodu.sqlite）')
    .option('--admin-password <password>', '管理员初始密码（默认随机生成并显示一次）')
    .option('--json', '以 JSON 输出结果')
    .action(async (opts: { region: string; allCounties?: boolean; db?: string; adminPassword?: string; json?: boolean }) => {
      const input = { regionCode: opts.region, adminPassword: opts.adminPassword };
      const admin = (a: { username: string; password: string } | undefined) => {
        if (a) say(`管理员账号：${a.username}  初始密码：${a.password}（只显示这一次，请登录后修改）`);
      };
      if (opts.allCounties) {
        const result = await withDatabase(
          opts.db,
          ({ db }) => initAllCounties(db, input, new Date(), (done, total, c) => say(`[${done}/${total}] ${c.name}（${c.regionCode}）：${c.townships} 个乡镇，${c.zones} 个园区，${c.units} 个责任单位`)),
          { create: true },
        );
        if (opts.json) printJson(result);
        else {
          say(`已为${result.name}（${result.regionCode}）的 ${result.counties.length} 个县建库。`);
          admin(result.admin);
        }
        return;
      }
      const result = await withDatabase(opts.db, ({ db }) => initCounty(db, input), { create: true });
      if (opts.json) printJson(result);
      else {
        say(`已建立 ${result.name}（${result.regionCode}）：${result.townships} 个乡镇，${result.zones} 个园区，${result.units} 个责任单位。`);
        admin(result.admin);
      }
    });
}
