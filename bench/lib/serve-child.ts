// `tiaodu serve` in a process of its own, as a county runs it: the built command, its calendar and upkeep running,
// nothing of the bench on its event loop. The bench talks to it over HTTP and reads its CPU time from /proc.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort, REPO_ROOT } from './databases.ts';

export interface ServeProcess {
  /** http://127.0.0.1:<port> */
  base: string;
  pid: number;
  /** The processes answering requests: 1 on SQLite, one per core on PostgreSQL. */
  processes(): number;
  /**
   * CPU time of the main threads (event loops) of the processes answering requests so far, summed, in ms: Linux counts
   * it in ticks of 10 ms.
   */
  mainThreadCpuMs(): number;
  /** CPU time of the server's processes, every thread (SQLite checkpoints, the worker pool) included, in ms. */
  processCpuMs(): number;
  /** Resident set now, of all its processes, in MiB. */
  rssMiB(): number;
  /** What the server has printed since it started (its last 64 KiB): the calendar's openings, its failures. */
  output(): string;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 120_000;

// After the command name (which may hold spaces) come the fields from the 3rd on: utime and stime are the 14th and 15th.
function ticksMs(statFile: string): number {
  const stat = fs.readFileSync(statFile, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Starts `tiaodu serve --db TARGET` and resolves once it says it listens; `env` adds to the process's environment. */
export async function startServeProcess(target: string, env: Record<string, string> = {}): Promise<ServeProcess> {
  const port = await freePort();
  // Node's own flags for the server alone, such as `--cpu-prof --cpu-prof-dir=DIR` to profile it (NODE_OPTIONS refuses those).
  const nodeFlags = (process.env.TIAODU_BENCH_SERVE_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...nodeFlags, path.join(REPO_ROOT, 'bin/tiaodu.js'), 'serve', '--db', target, '--port', String(port), '--host', '127.0.0.1'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Everything the server prints is kept (its last 64 KiB): the start-up line, then the calendar's openings and failures.
  let output = '';
  let onOutput = () => {};
  const keep = (d: Buffer) => {
    output = (output + d.toString()).slice(-65_536);
    onOutput();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`tiaodu serve did not start within ${START_TIMEOUT_MS / 1000} s: ${output.slice(-800)}`)), START_TIMEOUT_MS);
    onOutput = () => {
      if (output.includes('tiaodu 已启动')) {
        clearTimeout(timer);
        onOutput = () => {};
        resolve();
      }
    };
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`tiaodu serve exited with ${code}: ${output.slice(-800)}`));
    });
  });
  const pid = child.pid!;
  // On PostgreSQL `serve` answers in a process per core, started by this one (src/cli/serve-processes.ts); on SQLite
  // this process answers itself.
  const children = () => fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  const answering = () => {
    const kids = children();
    return kids.length > 0 ? kids : [pid];
  };
  const rss = (p: number) => Number(fs.readFileSync(`/proc/${p}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1] ?? Number.NaN) / 1024;
  const sum = (pids: number[], f: (p: number) => number) => pids.reduce((total, p) => total + f(p), 0);
  return {
    base: `http://127.0.0.1:${port}`,
    pid,
    processes: () => answering().length,
    mainThreadCpuMs: () => sum(answering(), (p) => ticksMs(`/proc/${p}/task/${p}/stat`)),
    processCpuMs: () => sum([pid, ...children()], (p) => ticksMs(`/proc/${p}/stat`)),
    output: () => output,
    rssMiB: () => sum([pid, ...children()], rss),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
