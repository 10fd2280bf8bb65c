// How many processes answer requests, and the primary process that keeps them running.
//
// One Node process answers requests on one thread. On SQLite that is the design: one writer, its reads on worker
// threads beside it. On PostgreSQL the database takes connections from any number of processes, and a province's
// deadline rush is bound by that one thread (about 2 ms of its CPU a submit), so `serve` starts a process per core
// there, each with its own connection pool, sharing the port (node:cluster hands each new connection to the next).
// The primary process answers no request: it migrates the database, runs the background work once (the calendar,
// the hourly statistics), and starts a process again when one dies.

import cluster, { type Worker } from 'node:cluster';
import { AppError } from '../domain/errors.ts';
import type { Dialect } from '../db/connect.ts';

/** More processes than this only add connections for PostgreSQL to juggle on a machine of that size. */
export const MAX_AUTO_PROCESSES = 8;
const MAX_PROCESSES = 64;

/**
 * The processes `serve --workers` asks for: `auto` is one per core on PostgreSQL (at most {@link MAX_AUTO_PROCESSES})
 * and one on SQLite, where a second process would be a second writer contending for the file's one write lock.
 */
export function serveProcessCount(requested: string, dialect: Dialect, cores: number): number {
  if (requested === 'auto') return dialect === 'postgres' ? Math.max(1, Math.min(cores, MAX_AUTO_PROCESSES)) : 1;
  const n = Number(requested);
  if (!Number.isInteger(n) || n < 1 || n > MAX_PROCESSES) throw new AppError('invalid_usage', `进程数无效：${requested}（auto 或 1 到 ${MAX_PROCESSES} 的整数）`);
  if (n > 1 && dialect === 'sqlite') {
    throw new AppError('invalid_usage', `SQLite 数据库只能由一个进程提供服务（--workers ${requested}）：多个进程会争用同一个文件的写锁。读查询已在该进程的多个线程上并行；需要多进程时请使用 PostgreSQL`);
  }
  return n;
}

export interface PrimaryOptions {
  processes: number;
  /** Once every process listens. */
  onListening: () => void;
  say: (message: string) => void;
  /** After the processes have stopped: close the database, then the primary exits. */
  onStopped: () => Promise<void>;
}

/** How long a stopping process may take to finish its requests before it is killed. */
const STOP_GRACE_MS = 10_000;

/**
 * Starts the processes and keeps them running: one that dies after it listened is started again; one that dies before
 * (a database it cannot reach, a port taken) stops the server, since its successor would die the same way.
 */
export function runPrimary(o: PrimaryOptions): void {
  let listening = 0;
  let stopping = false;
  const listened = new WeakSet<Worker>();
  const start = () => {
    const worker = cluster.fork();
    worker.once('listening', () => {
      listened.add(worker);
      if (++listening === o.processes) o.onListening();
    });
    worker.once('exit', (code, signal) => {
      if (stopping) return;
      // A process ends cleanly only when told to stop: Ctrl-C in a terminal reaches every process of the group, and
      // may reach this one after a process has already gone. The server stops with it rather than start another.
      if (code === 0 && !signal) {
        void stop(0);
        return;
      }
      const how = signal ? `信号 ${signal}` : `退出码 ${code}`;
      if (!listened.has(worker)) {
        o.say(`处理请求的进程 ${worker.process.pid} 启动失败（${how}），服务停止`);
        void stop(1);
        return;
      }
      o.say(`处理请求的进程 ${worker.process.pid} 意外结束（${how}），已重新启动一个`);
      start();
    });
  };
  const stop = async (status: number) => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            const kill = setTimeout(() => w.process.kill('SIGKILL'), STOP_GRACE_MS);
            w.once('exit', () => {
              clearTimeout(kill);
              resolve();
            });
            w.process.kill('SIGTERM');
          }),
      ),
    );
    await o.onStopped();
    process.exit(status);
  };
  for (let i = 0; i < o.processes; i++) start();
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));
}
