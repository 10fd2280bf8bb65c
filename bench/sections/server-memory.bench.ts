// The peak memory of `tiaodu serve` on the generated database, after a bounded series of pool and ledger requests.

import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { findUserByUsername, insertUser } from '../../src/db/repositories/user.repository.ts';
import { hashPassword } from '../../src/services/auth/password.ts';
import { freePort, REPO_ROOT } from '../lib/databases.ts';
import { processMemory, summarize } from '../lib/measure.ts';
import type { BenchSection, SectionContext } from '../lib/section.ts';
import { BENCH_AS_OF } from './pool-analysis.bench.ts';

const USERNAME = 'bench-admin';
// A synthetic database's account, made for this run; nothing real is behind it.
const PASSWORD = 'bench-password';
const START_TIMEOUT_MS = 90_000;
/** Requests in flight at once: a few dispatchers opening the dashboard together. */
const CONCURRENCY = 4;

async function ensureBenchAdmin(ctx: SectionContext): Promise<void> {
  const { db } = ctx.handle;
  if (await findUserByUsername(db, USERNAME)) return;
  await insertUser(db, {
    id: 'bench-admin',
    username: USERNAME,
    displayName: '基准测试管理员',
    passwordHash: hashPassword(PASSWORD),
    role: 'admin',
    regionCode: ctx.generated.provinceCode,
    unitId: null,
    leaderId: null,
    disabled: false,
    createdAt: new Date().toISOString(),
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

async function waitUntilListening(base: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}: ${output().slice(-800)}`);
    try {
      await fetch(`${base}/api/auth/me`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`the server did not answer within ${START_TIMEOUT_MS / 1000} s: ${output().slice(-800)}`);
}

interface RequestGroup {
  label: string;
  paths: string[];
}

function requestGroups(county: string, province: string, quick: boolean): RequestGroup[] {
  const repeat = (n: number, p: string) => Array.from({ length: quick ? Math.min(n, 2) : n }, () => p);
  const pages = (n: number, make: (page: number) => string) => Array.from({ length: quick ? Math.min(n, 2) : n }, (_, i) => make(i + 1));
  const pool = (region: string, breakdowns: boolean) => `/api/pool?region=${region}&asOf=${BENCH_AS_OF}${breakdowns ? '&breakdowns=true' : ''}`;
  const projects = (region: string, extra: string) => `/api/projects?region=${region}&asOf=${BENCH_AS_OF}${extra}`;
  return [
    { label: 'GET /api/pool, county', paths: repeat(20, pool(county, false)) },
    { label: 'GET /api/pool, county, breakdowns', paths: repeat(20, pool(county, true)) },
    { label: 'GET /api/pool, province', paths: repeat(6, pool(province, false)) },
    { label: 'GET /api/pool, province, breakdowns', paths: repeat(6, pool(province, true)) },
    { label: 'GET /api/projects, county, 100 a page', paths: pages(10, (p) => projects(county, `&page=${p}&pageSize=100`)) },
    { label: 'GET /api/projects, province, 500 a page by completedYtd', paths: pages(6, (p) => projects(province, `&page=${p}&pageSize=500&sort=completedYtd`)) },
    { label: 'GET /api/projects, province, every project, 500 a page', paths: pages(6, (p) => projects(province, `&page=${p}&pageSize=500&inYearOnly=false`)) },
  ];
}

async function fireGroup(base: string, token: string, group: RequestGroup): Promise<number[]> {
  const times: number[] = [];
  const queue = [...group.paths];
  const worker = async () => {
    for (let p = queue.shift(); p !== undefined; p = queue.shift()) {
      const started = performance.now();
      const res = await fetch(`${base}${p}`, { headers: { authorization: `Bearer ${token}` } });
      const body = await res.text();
      if (res.status !== 200) throw new Error(`${p} answered ${res.status}: ${body.slice(0, 300)}`);
      times.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return times;
}

export const serverMemorySection: BenchSection = {
  id: 'server',
  title: 'Server: peak memory under pool and ledger requests',
  async run(ctx) {
    await ensureBenchAdmin(ctx);
    const county = [...ctx.generated.counties].sort((a, b) => b.projects - a.projects || a.code.localeCompare(b.code))[0]!.code;
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    let output = '';
    // node itself runs bin/tiaodu.js (the built command, in-process), so the child's pid is the server's; one process
    // answering (on PostgreSQL `serve` would start one per core, each about this size).
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/tiaodu.js'), 'serve', '--db', ctx.target, '--port', String(port), '--host', '127.0.0.1', '--workers', '1'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => { output += d.toString(); });
    child.stderr?.on('data', (d: Buffer) => { output += d.toString(); });
    // A run that exits early (interrupted, crashed) must not leave the server behind.
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    try {
      await waitUntilListening(base, child, () => output);
      const atStart = processMemory(child.pid!);
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: USERNAME, password: PASSWORD }),
      });
      if (login.status !== 200) throw new Error(`sign-in answered ${login.status}: ${(await login.text()).slice(0, 300)}`);
      const { token } = (await login.json()) as { token: string };

      let requests = 0;
      for (const group of requestGroups(county, ctx.generated.provinceCode, ctx.quick)) {
        const t = summarize(await fireGroup(base, token, group));
        requests += t.runs;
        ctx.record({ measurement: group.label, value: t.median, unit: 'ms', p95: t.p95, runs: t.runs, note: `${CONCURRENCY} in flight` });
      }
      const after = processMemory(child.pid!);
      ctx.record({ measurement: 'server RSS once listening', value: atStart.rssMb, unit: 'MiB' });
      ctx.record({ measurement: `server peak RSS (VmHWM) after ${requests} requests`, value: after.peakMb, unit: 'MiB', note: `RSS at the end ${after.rssMb.toFixed(0)} MiB` });
    } finally {
      process.off('exit', killOnExit);
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited(child);
      clearTimeout(timer);
    }
  },
};
