// tiaodu serve: the web application and its API.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { Command } from 'commander';
import { openDatabase, resolveDatabaseTarget } from '../../db/connect.ts';
import { getSetting, listCounties } from '../../db/repositories/region.repository.ts';
import { createDemo } from '../../services/create-demo.ts';
import { runRoundCalendar } from '../../services/round/calendar.ts';
import { sendDueEscalations } from '../../services/supervision/escalation.ts';
import { createApp } from '../../server/app.ts';
import { say } from '../output.ts';

const WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/web');

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('启动网页应用和 API')
    .option('--db <target>', 'SQLite 文件路径或 postgres:// 地址（默认 DATABASE_URL 或 data/tiaodu.sqlite）')
    .option('--port <n>', '端口（默认环境变量 PORT 或 3000）', process.env.PORT ?? '3000')
    .option('--host <address>', '监听地址', '0.0.0.0')
    .option('--demo-if-empty', '数据库中还没有任何县时，先建立襄垣县演示数据')
    .action(async (opts: { db?: string; port: string; host: string; demoIfEmpty?: boolean }) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`端口无效：${opts.port}`);
      const handle = await openDatabase(resolveDatabaseTarget(opts.db));
      if (opts.demoIfEmpty && (await listCounties(handle.db)).length === 0) {
        say('数据库为空，正在建立襄垣县演示数据……');
        await createDemo(handle.db);
        await handle.optimize();
      }
      // Statistics taken when the database was young say nothing about the data it grows into.
      setInterval(() => void handle.optimize().catch((e: Error) => say(`统计信息更新失败：${e.message}`)), 3_600_000).unref();
      // The monthly round's calendar: rounds open on their day and reminders go out, whichever server is up.
      const tick = () =>
        void runRoundCalendar(handle.db, new Date())
          .then(({ opened, reminders }) => {
            for (const r of opened) say(`月报已按日历开启：${r.regionName} ${r.month}`);
            for (const r of reminders.filter((x) => !x.ok)) say(`群机器人提醒未送达：${r.text}`);
          })
          .catch((e: Error) => say(`月报日历执行失败：${e.message}`))
          // Overdue supervision items escalate on the same minute: reminder, 督办函, the meeting's list.
          .then(() => sendDueEscalations(handle.db, new Date()))
          .then((sent) => {
            for (const r of (sent ?? []).filter((x) => !x.ok)) say(`群机器人督办提醒未送达：${r.text}`);
          })
          .catch((e: Error) => say(`督办升级执行失败：${e.message}`));
      setInterval(tick, 60_000).unref();
      tick();
      const demoRegion = (await getSetting(handle.db, 'demo')) ?? null;
      const app = createApp({ db: handle.db, demoRegion, webRoot: WEB_ROOT });
      const server = serve({ fetch: app.fetch, port, hostname: opts.host }, () => {
        say(`tiaodu 已启动：http://localhost:${port}  （数据库：${handle.label}${demoRegion ? '，演示数据' : ''}）`);
        say(`API 文档：http://localhost:${port}/api/docs`);
      });
      const stop = () => {
        server.close();
        void handle.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
