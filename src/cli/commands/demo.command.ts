// tiaodu demo: creates the 襄垣县 demo database.

import type { Command } from 'commander';
import { createDemo, DEMO_ACCOUNTS } from '../../demo/create-demo.ts';
import { printJson, say } from '../output.ts';
import { withDatabase } from './database.ts';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('建立襄垣县演示数据库（2021年项目库、三个一批、各角色演示账号）')
    .option('--db <target>', 'SQLite 文件路径或 postgres:// 地址（默认 DATABASE_URL 或 data/tiaodu.sqlite）')
    .option('--json', '以 JSON 输出结果')
    .action(async (opts: { db?: string; json?: boolean }) => {
      const result = await withDatabase(opts.db, async (handle) => {
        const created = await createDemo(handle.db);
        await handle.optimize();
        return created;
      }, { create: true });
      if (opts.json) printJson({ ...result, accounts: DEMO_ACCOUNTS.map((a) => ({ username: a.username, role: a.role })) });
      else {
        say(`演示数据已建立：襄垣县 ${result.projects} 个项目。`);
        say(`演示账号（密码均为 ${DEMO_ACCOUNTS[0]?.password}）：${DEMO_ACCOUNTS.map((a) => `${a.username}（${a.displayName}）`).join('，')}`);
      }
    });
}
