// tiaodu serve: the web application and its API.

import cluster from 'node:cluster';
import os from 'node:os';
import { serve } from '@hono/node-server';
import type { Command } from 'commander';
import { AppError } from '../../domain/errors.ts';
import { listCounties } from '../../db/repositories/region.repository.ts';
import { SESSION_POLICY } from '../../domain/auth/session-policy.ts';
import { isDemoOnly } from '../../demo/demo-accounts.ts';
import { createDemo } from '../../demo/create-demo.ts';
import { runRoundCalendar } from '../../services/round/calendar.ts';
import { sendLeadNotices } from '../../services/attraction/lead-sla.ts';
import { packageFile } from '../../io/package-files.ts';
import { sendDueEscalations } from '../../services/supervision/escalation.ts';
import { pruneOldIdempotencyKeys } from '../../services/idempotency.ts';
import { createApp } from '../../server/app.ts';
import { say } from '../output.ts';
import { openCommandDatabase } from './database.ts';
import { isPostgresUrl, resolveDatabaseTarget, type DatabaseHandle } from '../../db/connect.ts';
import { MAX_AUTO_PROCESSES, runPrimary, serveProcessCount } from '../serve-processes.ts';

interface ServeOptions {
  db?: string;
  port: string;
  host: string;
  idleMinutes: string;
  trustProxy?: boolean;
  demoIfEmpty?: boolean;
  workers: string;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('启动网页应用和 API')
    .option('--db <target>', 'SQLite 文件路径或 postgres:// 地址（默认 DATABASE_URL 或 data/tiaodu.sqlite）')
    .option('--port <n>', '端口（默认环境变量 PORT 或 3000）', process.env.PORT ?? '3000')
    // Only this machine by default: serving a network is a decision (--host 0.0.0.0, or a reverse proxy in front).
    .option('--host <address>', '监听地址（默认 127.0.0.1，只有本机可访问；对局域网提供服务用 0.0.0.0，或在前面放反向代理）', '127.0.0.1')
    .option('--idle-minutes <n>', `会话闲置多少分钟后失效（默认环境变量 TIAODU_SESSION_IDLE_MINUTES 或 ${SESSION_POLICY.defaultIdleMinutes}）`, process.env.TIAODU_SESSION_IDLE_MINUTES ?? String(SESSION_POLICY.defaultIdleMinutes))
    .option('--trust-proxy', '在反向代理之后：按 X-Forwarded-For 识别客户端地址（登录限制），按 X-Forwarded-Proto 判断 HTTPS（Cookie 加 Secure）')
    .option('--demo-if-empty', '数据库中还没有任何县时，先建立襄垣县演示数据')
    .option('--workers <n>', `处理请求的进程数：auto（默认，环境变量 TIAODU_SERVE_WORKERS）在 PostgreSQL 上为每个 CPU 核一个、最多 ${MAX_AUTO_PROCESSES} 个，在 SQLite 上为 1；或 1 到 64 的整数`, process.env.TIAODU_SERVE_WORKERS ?? 'auto')
    .action(async (opts: ServeOptions) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 1 || port > 65535) throw new AppError('invalid_usage', `端口无效：${opts.port}`);
      const idleMinutes = Number(opts.idleMinutes);
      if (!Number.isInteger(idleMinutes) || idleMinutes < 1 || idleMinutes > 7 * 24 * 60) throw new AppError('invalid_usage', `闲置分钟数无效：${opts.idleMinutes}（1 到 ${7 * 24 * 60}）`);
      // A process started by the primary below: the schema is up to date and the background work runs there.
      if (cluster.isWorker) return answerRequests(await openCommandDatabase(opts.db, { migrate: false }), opts, port, idleMinutes);
      const processes = serveProcessCount(opts.workers, isPostgresUrl(resolveDatabaseTarget(opts.db)) ? 'postgres' : 'sqlite', os.availableParallelism());
      const handle = await openCommandDatabase(opts.db, { create: !!opts.demoIfEmpty, readers: true });
      if (opts.demoIfEmpty && (await listCounties(handle.db)).length === 0) {
        say('数据库为空，正在建立襄垣县演示数据……');
        await createDemo(handle.db);
        await handle.optimize();
      }
      runBackgroundWork(handle);
      const announce = await startupLines(handle, opts, port, processes);
      if (processes === 1) {
        answerRequests(handle, opts, port, idleMinutes, announce);
        return;
      }
      runPrimary({ processes, onListening: announce, say, onStopped: () => handle.close() });
    });
}

/** The work a server does besides answering requests, once per deployment's primary process. */
function runBackgroundWork(handle: DatabaseHandle): void {
  // Statistics refreshed hourly; the log checkpointed off the thread that serves requests.
  handle.maintain(say);
  // Re-sent writes are recognised for a day; older keys go.
  setInterval(() => void pruneOldIdempotencyKeys(handle.db, new Date()).catch((e: Error) => say(`重发记录清理失败：${e.message}`)), 3_600_000).unref();
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
  // Attraction leads' response timers: a notice to the lead's unit when one comes due unmet.
  setInterval(() => void sendLeadNotices(handle.db, new Date()).catch((e: Error) => say(`招商线索提醒失败：${e.message}`)), 600_000).unref();
}

/** What the server says once it listens: where, on which database, in how many processes. */
async function startupLines(handle: DatabaseHandle, opts: ServeOptions, port: number, processes: number): Promise<() => void> {
  const demo = await isDemoOnly(handle.db);
  const shown = opts.host === '0.0.0.0' || opts.host === '::' ? 'localhost' : opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  return () => {
    say(`tiaodu 已启动：http://${shown}:${port}  （监听 ${opts.host}；数据库：${handle.label}${demo ? '，演示数据' : ''}${processes > 1 ? `；${processes} 个进程处理请求` : ''}）`);
    say(`API 文档：http://${shown}:${port}/api/docs`);
  };
}

/** Answers HTTP requests on the port until SIGINT or SIGTERM, then closes the database and exits. */
function answerRequests(handle: DatabaseHandle, opts: ServeOptions, port: number, idleMinutes: number, onListening: () => void = () => {}): void {
  const app = createApp({ db: handle.db, webRoot: packageFile('dist', 'web'), sessionIdleMinutes: idleMinutes, trustProxy: opts.trustProxy === true });
  const server = serve({ fetch: app.fetch, port, hostname: opts.host }, onListening);
  // Said as a person reads it, not as a stack trace: the usual cause is a second server, or another program, on the port.
  server.once('error', (e: NodeJS.ErrnoException) => {
    const why = e.code === 'EADDRINUSE' ? '已被其他程序占用' : e.code === 'EACCES' ? '无权使用（1024 以下的端口需要管理员权限）' : `无法监听（${e.message}）`;
    say(`错误：端口 ${port}（${opts.host}）${why}。请换一个端口（--port），或先停止占用它的程序`);
    void handle.close().finally(() => process.exit(1));
  });
  const stop = () => {
    server.close();
    void handle.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
