// Running the real tiaodu command (bin/tiaodu.js, the built JavaScript) in a child process, as county IT staff script it.

import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BIN = path.resolve('bin/tiaodu.js');

/** Runs `tiaodu …` and returns its exit status and both streams; DATABASE_URL is cleared so --db decides. */
export async function tiaodu(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...process.env, DATABASE_URL: '' }, maxBuffer: 10_000_000 });
    return { code: 0, stdout, stderr };
  } catch (e: any) {
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
