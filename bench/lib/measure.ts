// Timing of repeated calls (warm-up, then median and p95) and the memory figures of a process.

import fs from 'node:fs';

export interface Timing {
  median: number;
  p95: number;
  min: number;
  runs: number;
}

export interface MeasureOptions {
  warmup: number;
  runs: number;
  /** Stop early once this much time went by, after `minRuns`: a slow case still ends. */
  budgetMs: number;
  minRuns: number;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
}

export function summarize(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), min: sorted[0] ?? Number.NaN, runs: sorted.length };
}

async function timeOnce(fn: () => unknown): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/**
 * Times two calls run in turn, alternating which goes first, so the application's query and the raw one
 * meet the same caches and the same neighbours on the machine.
 */
export async function measurePair(a: () => unknown, b: () => unknown, o: MeasureOptions): Promise<[Timing, Timing]> {
  for (let i = 0; i < o.warmup; i++) {
    await a();
    await b();
  }
  const ta: number[] = [];
  const tb: number[] = [];
  const started = performance.now();
  for (let i = 0; i < o.runs; i++) {
    if (i % 2 === 0) {
      ta.push(await timeOnce(a));
      tb.push(await timeOnce(b));
    } else {
      tb.push(await timeOnce(b));
      ta.push(await timeOnce(a));
    }
    if (i + 1 >= o.minRuns && performance.now() - started > o.budgetMs) break;
  }
  return [summarize(ta), summarize(tb)];
}

/** Times one call, with the same warm-up, repetitions and budget as {@link measurePair}. */
export async function measure(fn: () => unknown, o: MeasureOptions): Promise<Timing> {
  return (await measurePair(fn, () => undefined, o))[0];
}

/**
 * Times a call made by `clients` callers at once, each calling again as soon as it is answered (as the HTTP burst's
 * lanes do), after one warm-up call each: the latency each caller saw.
 */
export async function measureConcurrent(fn: () => unknown, clients: number, callsPerClient: number): Promise<Timing> {
  await Promise.all(Array.from({ length: clients }, () => fn()));
  const samples: number[] = [];
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = 0; i < callsPerClient; i++) samples.push(await timeOnce(fn));
    }),
  );
  return summarize(samples);
}

/** The peak and current resident set of a Linux process, in MiB, from /proc/<pid>/status. */
export function processMemory(pid: number): { peakMb: number; rssMb: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))?.[1] ?? Number.NaN);
  return { peakMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
}
