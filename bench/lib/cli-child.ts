// Runs a tiaodu command in a child process, the way a county's IT staff would, and reports its time and peak memory.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './databases.ts';

// The child runs the real command (bin/tiaodu.js, the built JavaScript) and reports its own peak resident set as it
// exits: the figure a county's server would need for one import or export, without the bench's own heap. On Linux that
// is VmHWM, the high-water mark of the child's own address space. getrusage's maxrss will not do: Linux carries it across
// fork and exec, so a child of a bench holding a generated province reported the parent's 300 MiB as its own.
const CHILD = `
import { readFileSync } from 'node:fs';
const peakKb = () => {
  try {
    return Number(readFileSync('/proc/self/status', 'utf8').match(/VmHWM:\\s+(\\d+)/)[1]);
  } catch {
    return process.resourceUsage().maxRSS;
  }
};
process.on('exit', () => process.stderr.write('\\nBENCH_MAXRSS_KB=' + peakKb() + '\\n'));
process.argv = [process.argv[0], 'tiaodu', ...process.argv.slice(2)];
await import(${JSON.stringify(pathToFileURL(path.join(REPO_ROOT, 'bin/tiaodu.js')).href)});
`;

/**
 * The child's script as a file: run with `-e` and `--input-type=module`, the command's own worker threads (the .xls
 * reader's) inherited that flag, which a worker refuses, and the import failed.
 */
let childScript: string | undefined;
function childScriptFile(): string {
  if (childScript === undefined) {
    childScript = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tiaodu-bench-')), 'child.mjs');
    fs.writeFileSync(childScript, CHILD);
    process.once('exit', () => fs.rmSync(path.dirname(childScript!), { recursive: true, force: true }));
  }
  return childScript;
}

export function runTiaodu(args: string[]): Promise<{ ms: number; maxRssKb: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [childScriptFile(), ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = performance.now() - started;
      const kb = Number(stderr.match(/BENCH_MAXRSS_KB=(\d+)/)?.[1] ?? Number.NaN);
      if (code !== 0) reject(new Error(`tiaodu ${args.slice(0, 2).join(' ')} exited with ${code}: ${stderr.slice(-800)}`));
      else resolve({ ms, maxRssKb: kb, stdout });
    });
  });
}


/** The wall time of one process, `node ARGS` from the package's folder, as a shell would run it; refuses a failure. */
export function timeProcess(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = performance.now() - started;
      if (code !== 0) reject(new Error(`node ${args.slice(0, 3).join(' ')} exited with ${code}: ${stderr.slice(-800)}`));
      else resolve(ms);
    });
  });
}
