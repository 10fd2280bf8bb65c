// What a user waits for: the dashboard's call (GET /api/pool with breakdowns) over HTTP to `tiaodu serve` in its own
// process, at 1, 4 and 16 clients at once, beside the same service called in-process by as many callers at once; and a
// county's call while province calls keep the server busy.

import { openDatabase } from '../../src/db/connect.ts';
import { insertUser } from '../../src/db/repositories/user.repository.ts';
import { newId } from '../../src/db/transaction.ts';
import { SYSTEM_ACTOR } from '../../src/domain/access.ts';
import { hashPassword } from '../../src/services/auth/password.ts';
import { poolSummary } from '../../src/services/pool-summary.ts';
import { httpBurst, percentile, type BurstRequest } from '../lib/http-burst.ts';
import { measureConcurrent, summarize, type MeasureOptions } from '../lib/measure.ts';
import type { BenchSection } from '../lib/section.ts';
import { startServeProcess } from '../lib/serve-child.ts';
import { openSession } from '../lib/sessions.ts';
import { BENCH_AS_OF, RATIO_TARGET } from './pool-analysis.bench.ts';

const CLIENTS = [1, 4, 16] as const;
/** Callers at once while each side is warmed up. */
const WARMUP_CLIENTS = 4;
/** Province calls kept in flight while a county's call is timed. */
const BACKGROUND_PROVINCE_CALLS = 3;

export const servedPathSection: BenchSection = {
  id: 'served',
  title: 'The served path: the dashboard call over HTTP beside the service in-process, at 1, 4 and 16 clients',
  async run(ctx) {
    const { db } = ctx.handle;
    const now = new Date();
    // A viewer of the whole province: the broadest reader, as a province leader's phone would ask.
    const viewer = newId();
    await insertUser(db, {
      id: viewer, username: `bench-served-${viewer.slice(0, 8)}`, displayName: '压测查看员', passwordHash: hashPassword(newId()), role: 'viewer',
      regionCode: ctx.generated.provinceCode, unitId: null, leaderId: null, disabled: false, createdAt: now.toISOString(),
    });
    const token = await openSession(db, viewer, now);
    const county = [...ctx.generated.counties].sort((a, b) => b.projects - a.projects || a.code.localeCompare(b.code))[0]!;
    const server = await startServeProcess(ctx.target);
    // The in-process figure comes from a handle opened as `serve` opens it: on SQLite, with its readers.
    const served = ctx.database === 'sqlite' ? await openDatabase(ctx.target, { migrate: false, readers: true }) : ctx.handle;
    const countyAlone: number[] = [];
    try {
      for (const [label, region, options] of [
        [`county ${county.code} (largest, ${county.projects} projects)`, county.code, ctx.timing.fast],
        [`province ${ctx.generated.provinceCode} (${ctx.generated.counties.length} counties)`, ctx.generated.provinceCode, ctx.timing.slow],
      ] as [string, string, MeasureOptions][]) {
        const request: BurstRequest = { method: 'GET', path: `/api/pool?region=${region}&asOf=${BENCH_AS_OF}&breakdowns=true`, token };
        const call = () => poolSummary(served.db, { region, asOf: BENCH_AS_OF, breakdowns: true }, SYSTEM_ACTOR);
        // Both sides warmed alike before any is timed. The in-process code has already run in the sections before; the
        // server is a new process, and its first calls run before V8 has optimised the grouping and the JSON: a
        // deployment's server has been up for days, so those calls are its start-up, not what serving costs.
        await measureConcurrent(call, WARMUP_CLIENTS, options.runs);
        await httpBurst({ base: server.base, requests: Array.from({ length: options.runs * WARMUP_CLIENTS }, () => request), concurrency: WARMUP_CLIENTS, warmup: request });
        // The in-process figure, taken just before each burst with as many callers: the machine's state then is the
        // burst's, and the database's work per answer the same, so the ratio is what serving costs.
        for (const clients of CLIENTS) {
          const perClient = Math.max(options.minRuns, options.runs);
          const inProcess = await measureConcurrent(call, clients, perClient);
          const result = await httpBurst({ base: server.base, requests: Array.from({ length: perClient * clients }, () => request), concurrency: clients, warmup: request });
          const failed = result.statuses.filter((s) => s !== 200).length;
          if (failed > 0) throw new Error(`${failed} answers to ${request.path} were not 200: ${result.samples.map((s) => `${s.status} ${s.body}`).join('; ').slice(0, 500)}`);
          const http = summarize([...result.latencies]);
          const ratio = http.median / inProcess.median;
          ctx.record({
            measurement: `${label}: GET /api/pool (the dashboard), ${clients} client${clients === 1 ? '' : 's'} at once`,
            value: http.median,
            unit: 'ms',
            p95: percentile(Float64Array.from(result.latencies).sort(), 0.95),
            runs: http.runs,
            ratio,
            targets: ctx.targetsApply ? [{ text: `≤ ${RATIO_TARGET}× in-process`, pass: ratio <= RATIO_TARGET }] : [],
            note: `in-process poolSummary, ${clients} caller${clients === 1 ? '' : 's'} at once: ${inProcess.median.toFixed(1)} ms (median of ${inProcess.runs}); ratio = HTTP ÷ in-process; ${(result.latencies.length / (result.wallMs / 1000)).toFixed(1)} answers/s`,
          });
          if (region === county.code && clients === 1) countyAlone.push(http.median);
          ctx.log(`  ${label}, ${clients} client(s): HTTP ${http.median.toFixed(1)} ms, in-process ${inProcess.median.toFixed(1)} ms (${ratio.toFixed(2)}×)`);
        }
      }
      // What the issue saw: a county's call waiting behind province calls on the server's one thread.
      const countyRequest: BurstRequest = { method: 'GET', path: `/api/pool?region=${county.code}&asOf=${BENCH_AS_OF}&breakdowns=true`, token };
      const provinceRequest: BurstRequest = { method: 'GET', path: `/api/pool?region=${ctx.generated.provinceCode}&asOf=${BENCH_AS_OF}&breakdowns=true`, token };
      const calls = Math.max(ctx.timing.fast.minRuns, Math.min(ctx.timing.fast.runs, 20));
      const mixed = await httpBurst({
        base: server.base,
        requests: Array.from({ length: calls }, () => countyRequest),
        concurrency: 1,
        warmup: countyRequest,
        background: { request: provinceRequest, lanes: BACKGROUND_PROVINCE_CALLS },
      });
      const failed = mixed.statuses.filter((s) => s !== 200).length + mixed.background.failed;
      if (failed > 0) throw new Error(`${failed} answers of the mixed burst were not 200`);
      const busy = summarize([...mixed.latencies]);
      const ratio = busy.median / countyAlone[0]!;
      ctx.record({
        measurement: `county ${county.code}: GET /api/pool (the dashboard) while ${BACKGROUND_PROVINCE_CALLS} province calls are in flight`,
        value: busy.median,
        unit: 'ms',
        p95: busy.p95,
        runs: busy.runs,
        ratio,
        targets: [],
        note: `ratio = ÷ the county's call alone over HTTP: ${countyAlone[0]!.toFixed(1)} ms; ${mixed.background.answered} province answers meanwhile`,
      });
      ctx.log(`  county while ${BACKGROUND_PROVINCE_CALLS} province calls run: ${busy.median.toFixed(1)} ms (${ratio.toFixed(2)}× alone)`);
    } finally {
      if (served !== ctx.handle) await served.close();
      await server.stop();
    }
  },
};
