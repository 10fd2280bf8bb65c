// `tiaodu serve` as an administrator starts it: on PostgreSQL in several processes that share the port, a process that
// dies started again, all of them stopped together; on SQLite in one, and a second refused.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tiaodu } from '../support/cli.ts';
import { freePort } from '../support/free-port.ts';
import { commandDatabase } from '../support/cli-database.ts';
import { testDialect } from '../support/test-db.ts';

const BIN = path.resolve('bin/tiaodu.js');
const home = commandDatabase('tiaodu-serve-', ['demo']);

interface Served {
  child: ChildProcess;
  base: string;
  output: () => string;
  /** Resolves once the server has printed `text`. */
  said: (text: string) => Promise<void>;
}

/** `group`: the server in a process group of its own, as a terminal runs it, so that a Ctrl-C can reach all of it. */
async function startServe(args: string[], group = false): Promise<Served> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'serve', '--db', home.target, '--port', String(port), ...args], { env: { ...process.env, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'], detached: group });
  let output = '';
  let waiting: (() => void)[] = [];
  const keep = (d: Buffer) => {
    output += d.toString();
    for (const w of waiting) w();
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const said = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the server did not say "${text}" within 60 s:\n${output}`)), 60_000);
      const check = () => {
        if (!output.includes(text)) return;
        clearTimeout(timer);
        waiting = waiting.filter((w) => w !== check);
        resolve();
      };
      waiting.push(check);
      check();
    });
  await said('tiaodu 已启动');
  return { child, base: `http://127.0.0.1:${port}`, output: () => output, said };
}

/** The processes a server's primary started, read from /proc. */
function childrenOf(pid: number): number[] {
  return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
}

const alive = (pid: number) => fs.existsSync(`/proc/${pid}`) && !/^State:\s+Z/m.test(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));

async function signIn(base: string): Promise<number> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'viewer', password: 'demo1234' }) });
  return res.status;
}

function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('tiaodu serve', () => {
  it('refuses a port another program holds, saying so, with exit 1', async () => {
    const port = await freePort();
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(port, '127.0.0.1', resolve));
    try {
      const refused = await tiaodu('serve', '--db', home.target, '--port', String(port));
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`错误：端口 ${port}（127.0.0.1）已被其他程序占用。请换一个端口（--port），或先停止占用它的程序`);
      expect(refused.stderr).not.toContain('    at ');
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });
});

describe('tiaodu serve --workers', () => {
  it(testDialect() === 'postgres' ? 'answers in several processes on PostgreSQL, starts one that dies again, and stops them all' : 'answers in one process on SQLite and refuses a second', async () => {
    if (testDialect() === 'sqlite') {
      const refused = await tiaodu('serve', '--db', home.target, '--port', String(await freePort()), '--workers', '2');
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('SQLite 数据库只能由一个进程提供服务（--workers 2）');
      const served = await startServe([]);
      try {
        expect(served.output()).not.toContain('个进程处理请求');
        expect(childrenOf(served.child.pid!)).toEqual([]);
        expect(await signIn(served.base)).toBe(200);
      } finally {
        served.child.kill('SIGTERM');
        expect(await exited(served.child)).toBe(0);
      }
      return;
    }
    const served = await startServe(['--workers', '3']);
    const primary = served.child.pid!;
    try {
      expect(served.output()).toContain('3 个进程处理请求');
      const first = childrenOf(primary);
      expect(first).toHaveLength(3);
      // Connections go round the processes; each answers as the one process did.
      const statuses = await Promise.all(Array.from({ length: 9 }, () => signIn(served.base)));
      expect(statuses).toEqual(Array(9).fill(200));

      process.kill(first[0]!, 'SIGKILL');
      await served.said(`处理请求的进程 ${first[0]} 意外结束（信号 SIGKILL），已重新启动一个`);
      await expect.poll(() => childrenOf(primary).filter((p) => !first.includes(p)).length, { timeout: 30_000 }).toBe(1);
      expect(childrenOf(primary)).toHaveLength(3);
      await expect.poll(() => signIn(served.base), { timeout: 30_000 }).toBe(200);

      const all = childrenOf(primary);
      served.child.kill('SIGTERM');
      expect(await exited(served.child)).toBe(0);
      expect(all.filter(alive)).toEqual([]);
    } finally {
      if (served.child.exitCode === null) served.child.kill('SIGKILL');
    }

    // Ctrl-C in a terminal (or systemd stopping the service) signals every process; one may end before the primary hears
    // of it. A process that ends cleanly stops the server instead of being started again.
    const signalled = await startServe(['--workers', '2']);
    try {
      const processes = childrenOf(signalled.child.pid!);
      process.kill(processes[0]!, 'SIGINT');
      expect(await exited(signalled.child)).toBe(0);
      expect(processes.filter(alive)).toEqual([]);
      expect(signalled.output()).not.toContain('已重新启动');
    } finally {
      if (signalled.child.exitCode === null) signalled.child.kill('SIGKILL');
    }
    const inTerminal = await startServe(['--workers', '2'], true);
    try {
      const processes = childrenOf(inTerminal.child.pid!);
      expect(processes).toHaveLength(2);
      process.kill(-inTerminal.child.pid!, 'SIGINT');
      expect(await exited(inTerminal.child)).toBe(0);
      expect(processes.filter(alive)).toEqual([]);
      expect(inTerminal.output()).not.toContain('意外结束');
    } finally {
      if (inTerminal.child.exitCode === null) process.kill(-inTerminal.child.pid!, 'SIGKILL');
    }
  });
});
