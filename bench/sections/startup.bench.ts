// Start-up of the command as people run it, each call a fresh process: `tiaodu --version` and `tiaodu pool` on the demo,
// beside `node -e 0` timed in the same run, so a busy machine slows all three alike.

import { runTiaodu, timeProcess } from '../lib/cli-child.ts';
import { summarize } from '../lib/measure.ts';
import type { BenchSection } from '../lib/section.ts';

// The demo's county and month, whose figures ACCEPTANCE.md gives.
const DEMO_REGION = '140423';
const DEMO_AS_OF = '2021-05';
/** The goal: `tiaodu --version` within 0.3 s of bare node. */
export const VERSION_OVER_NODE_MS = 300;

// Once per database: start-up does not depend on the generated size.
const measured = new Set<string>();

export const startupSection: BenchSection = {
  id: 'startup',
  title: 'Command start-up: --version and pool on the demo, beside bare node',
  async run(ctx) {
    if (measured.has(ctx.database)) return;
    measured.add(ctx.database);
    const { target, drop } = await ctx.freshDatabase('startup');
    try {
      await runTiaodu(['demo', '--db', target]);
      const bin = 'bin/tiaodu.js';
      const calls: [string, string[]][] = [
        ['node -e 0', ['-e', '0']],
        ['tiaodu --version', [bin, '--version']],
        [`tiaodu pool --json (demo ${DEMO_REGION}, ${DEMO_AS_OF})`, [bin, 'pool', '--db', target, '--region', DEMO_REGION, '--as-of', DEMO_AS_OF, '--json']],
      ];
      const o = ctx.timing.fast;
      const samples = calls.map(() => [] as number[]);
      for (let w = 0; w < o.warmup; w++) for (const [, args] of calls) await timeProcess(args);
      const started = performance.now();
      for (let i = 0; i < o.runs; i++) {
        // Each round starts with another of the three, so none always meets the caches the one before warmed.
        for (let k = 0; k < calls.length; k++) {
          const j = (i + k) % calls.length;
          samples[j]!.push(await timeProcess(calls[j]![1]));
        }
        if (i + 1 >= o.minRuns && performance.now() - started > o.budgetMs) break;
      }
      const [node, version, pool] = samples.map(summarize) as [ReturnType<typeof summarize>, ReturnType<typeof summarize>, ReturnType<typeof summarize>];
      const over = (t: { median: number }) => `${(t.median - node.median).toFixed(0)} ms over node`;
      ctx.record({ measurement: calls[0]![0], value: node.median, unit: 'ms', p95: node.p95, runs: node.runs, note: 'a process that does nothing: the floor' });
      ctx.record({
        measurement: calls[1]![0],
        value: version.median,
        unit: 'ms',
        p95: version.p95,
        runs: version.runs,
        targets: [{ text: `≤ node + ${VERSION_OVER_NODE_MS} ms`, pass: version.median - node.median <= VERSION_OVER_NODE_MS }],
        note: over(version),
      });
      ctx.record({ measurement: calls[2]![0], value: pool.median, unit: 'ms', p95: pool.p95, runs: pool.runs, note: over(pool) });
    } finally {
      await drop();
    }
  },
};
