// A province's evening: every county of 山西省 closes its monthly round on the same evening, in one deployment (the 117
// counties and districts the issue counts; the division data holds 121 county-level codes there, with four development
// zones). The province is set up as a province's DRC sets it up (`init --region 140000 --all-counties`), each county
// with its reporting units, projects and accounts; the calendar opens every county's round; then, over HTTP to the
// server in its own process, every unit's reporter submits (a tenth sent twice), and every county's dispatcher approves
// its units one after another and closes the round, all the dispatchers at once. Afterwards every report must be
// approved once, with the amount sent, and be its project's figure for the month.

import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { openDatabase, type DatabaseHandle } from '../../src/db/connect.ts';
import type { UserRow } from '../../src/db/repositories/user.repository.ts';
import { SYSTEM_ACTOR } from '../../src/domain/access.ts';
import { monthYear } from '../../src/domain/months.ts';
import { hashPassword } from '../../src/services/auth/password.ts';
import { openSession } from '../../src/services/auth/sessions.ts';
import { initAllCounties } from '../../src/services/init-county.ts';
import { openRound } from '../../src/services/round/rounds.ts';
import { httpBurst, percentile, type BurstRequest } from '../lib/http-burst.ts';
import { buildRushCounty, checkCalendar, n, rushMonth, seconds, settle, signInAll, signInOne, submitAll, verifyReports, type RushCounty, type RushSize } from '../lib/rush.ts';
import type { BenchSection, SectionContext } from '../lib/section.ts';
import { startServeProcess, type ServeProcess } from '../lib/serve-child.ts';

/** 山西省, whose counties the issue counts. The smoke run takes 长治市's 12. */
const FULL = { region: '140000', size: { units: 20, perUnit: 20 } };
const QUICK = { region: '140400', size: { units: 3, perUnit: 8 } };
const NAME = 'evening';

/** The databases the evening ran on in this run. */
const ranOn = new Set<string>();

/** A province set up as its DRC would, and each county's side of the rush; recorded as setup. */
async function setUp(ctx: SectionContext, handle: DatabaseHandle, region: string, size: RushSize, now: Date) {
  const month = rushMonth(now);
  const password = randomBytes(12).toString('base64url');
  const passwordHash = hashPassword(password);
  let started = performance.now();
  const init = await initAllCounties(handle.db, { regionCode: region, adminUsername: null }, now);
  const initMs = performance.now() - started;
  ctx.record({ measurement: `${NAME} setup: init --region ${region} --all-counties (${init.name}, ${n(init.counties.length)} counties)`, value: initMs / 1000, unit: 's', note: `${n(init.counties.reduce((s, c) => s + c.units, 0))} default units (townships, zones, departments)` });

  started = performance.now();
  const counties: RushCounty[] = [];
  for (const c of init.counties) counties.push(await buildRushCounty(handle.db, c.regionCode, size, month, passwordHash, now));
  const buildMs = performance.now() - started;
  const projects = counties.reduce((s, c) => s + c.projects, 0);
  const monthRows = counties.reduce((s, c) => s + c.monthRows, 0);
  // The reporters' phones signed in earlier that day (a session lasts days): the county's rush times sign-ins.
  const reporters = counties.flatMap((c) => [...c.reporters.values()]);
  const tokens = new Map<string, string>();
  await handle.db.transaction().execute(async (trx) => {
    for (const u of reporters) tokens.set(u.id, (await openSession(trx, u.id, now)).token);
  });
  const analyseMs = await settle(ctx, handle);
  ctx.log(`  ${init.name}: ${n(counties.length)} counties in ${seconds(initMs)}; ${n(reporters.length)} reporting units, ${n(projects)} projects, ${n(monthRows)} month rows, ${n(reporters.length + counties.length)} accounts in ${seconds(buildMs)}; statistics in ${seconds(analyseMs)}`);
  ctx.record({
    measurement: `${NAME} setup: ${n(counties.length)} counties × ${size.units} units × ${size.perUnit} projects of the ${monthYear(month)} pool, a reporter a unit, a dispatcher a county`,
    value: buildMs / 1000,
    unit: 's',
    note: `${n(projects)} projects, ${n(monthRows)} month rows; the reporters' sessions opened beforehand, as phones signed in earlier that day; then ${ctx.database === 'postgres' ? 'analyze' : 'optimize'} ${seconds(analyseMs)}`,
  });

  // The calendar opens every county's round, one after another, before the server starts; the deadline is tomorrow.
  const deadline = new Date(Date.now() + 86_400_000).toISOString();
  started = performance.now();
  const rounds = new Map<string, string>();
  for (const c of counties) {
    const round = await openRound(handle.db, { regionCode: c.code, month, deadline }, SYSTEM_ACTOR, now);
    if (round.counts.due !== c.projects) throw new Error(`${c.code}'s round opened with ${round.counts.due} reports, not ${c.projects}`);
    rounds.set(c.code, round.id);
  }
  const openMs = performance.now() - started;
  ctx.record({ measurement: `${NAME}: open ${n(counties.length)} rounds (openRound, as the calendar does): ${n(projects)} reports`, value: openMs / 1000, unit: 's', note: `month ${month}, deadline ${deadline}; ${(openMs / counties.length).toFixed(0)} ms a county` });
  ctx.log(`  ${n(counties.length)} rounds opened in ${seconds(openMs)}`);
  // The evening comes days after the rounds opened: their reports are in the statistics by then.
  await settle(ctx, handle);
  return { counties, rounds, tokens, password, projects };
}

/**
 * Every county's dispatcher reviews and closes at once: each approves its units whole, one after another, then closes
 * its round, a lane of its own over the burst's connections. Recorded as the evening's close.
 */
async function closeAll(ctx: SectionContext, server: ServeProcess, counties: readonly RushCounty[], rounds: ReadonlyMap<string, string>, tokens: ReadonlyMap<string, string>, warmToken: string) {
  const requests: BurstRequest[] = [];
  const lanes = counties.map((c) => {
    const roundId = rounds.get(c.code)!;
    const token = tokens.get(c.dispatcher.id)!;
    const paths = [...c.units.map((u) => `/api/rounds/${roundId}/units/${u.id}/approve`), `/api/rounds/${roundId}/close`];
    return paths.map((path) => requests.push({ method: 'POST', path, token, body: '{}' }) - 1);
  });
  const warmup: BurstRequest = { method: 'GET', path: '/api/auth/me', token: warmToken };
  let cpuBefore = server.mainThreadCpuMs();
  const result = await httpBurst({ base: server.base, requests, concurrency: lanes.length, lanes, warmup, keepBodies: true }, () => {
    cpuBefore = server.mainThreadCpuMs();
  });
  const cpu = server.mainThreadCpuMs() - cpuBefore;
  const approved = requests.reduce((sum, r, i) => sum + (r.path.endsWith('/approve') && result.statuses[i] === 200 ? ((JSON.parse(result.bodies![i]!) as { approved?: number }).approved ?? 0) : 0), 0);
  // A county's evening: from its first approval sent to its close answered.
  const evenings = Float64Array.from(lanes, (lane) => result.startedAt[lane.at(-1)!]! + result.latencies[lane.at(-1)!]! - result.startedAt[lane[0]!]!).sort();
  const sorted = Float64Array.from(result.latencies).sort();
  const p50 = percentile(sorted, 0.5);
  const p95 = percentile(sorted, 0.95);
  const p99 = percentile(sorted, 0.99);
  const errors = result.statuses.filter((s) => s !== 200).length;
  const byStatus = new Map<number, number>();
  for (const s of result.statuses) byStatus.set(s, (byStatus.get(s) ?? 0) + 1);
  const processes = server.processes();
  const median = seconds(percentile(evenings, 0.5));
  const last = seconds(evenings[evenings.length - 1] ?? Number.NaN);
  ctx.log(`  review and close: ${n(requests.length)} requests in ${seconds(result.wallMs)}; p50 ${p50.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms; a county's evening ${median} (median), ${last} (last)`);
  for (const s of result.samples) ctx.log(`  answer ${s.status} to ${s.path}: ${s.body}`);
  const slowest = [...result.latencies.keys()].sort((a, b) => result.latencies[b]! - result.latencies[a]!).slice(0, 5);
  ctx.log(`  slowest: ${slowest.map((i) => `${result.latencies[i]!.toFixed(0)} ms sent at ${seconds(result.startedAt[i]!)}`).join(', ')}`);
  ctx.record({
    measurement: `${NAME}: ${n(requests.length - counties.length)} × POST /api/rounds/{id}/units/{unitId}/approve then ${n(counties.length)} × …/close, the ${n(counties.length)} dispatchers at once: wall time`,
    value: result.wallMs / 1000,
    unit: 's',
    note: `${(requests.length / (result.wallMs / 1000)).toFixed(0)} requests/s, ${n(approved)} reports approved; a county's evening ${median} median, ${last} the last; ${(cpu / requests.length).toFixed(1)} ms of the server thread${processes === 1 ? '' : `s of ${processes} processes`} a request`,
  });
  ctx.record({ measurement: `${NAME}: latency of a unit's approval or a close (p50, p95)`, value: p50, unit: 'ms', p95, runs: requests.length, note: `p99 ${p99.toFixed(0)} ms, max ${(sorted[sorted.length - 1] ?? Number.NaN).toFixed(0)} ms` });
  return { errors, answers: [...byStatus].sort((a, b) => a[0] - b[0]).map(([s, c]) => `${n(c)} × ${s}`).join(', ') };
}

async function evening(ctx: SectionContext, handle: DatabaseHandle, target: string, region: string, size: RushSize): Promise<void> {
  const { counties, rounds, tokens, password, projects } = await setUp(ctx, handle, region, size, new Date());
  const roundIds = [...rounds.values()];
  const reporters = new Map<string, UserRow>(counties.flatMap((c) => [...c.reporters]));

  const servedFrom = new Date().toISOString();
  const server = await startServeProcess(target);
  try {
    const [first, ...rest] = counties.map((c) => c.dispatcher);
    const warmToken = await signInOne(server.base, first!.username, password);
    const dispatcherTokens = await signInAll(ctx, server, rest, password, warmToken, `${NAME}: sign-ins`, "each county's dispatcher");
    dispatcherTokens.set(first!.id, warmToken);

    const submitted = await submitAll(ctx, server, { db: handle.db, roundIds, reporters, tokens, warmToken, name: `${NAME}: submits`, what: `${n(reporters.size)} units of ${n(counties.length)} counties` });
    const atDeadline = await verifyReports(handle.db, roundIds, submitted.sent, reporters, 'submitted');
    ctx.log(`  submitted: ${n(atDeadline.inState)} of ${n(atDeadline.reports)}; lost ${atDeadline.lost}, doubled ${atDeadline.doubled}${atDeadline.found.length ? ` (${atDeadline.found.join(', ')})` : ''}`);

    const closed = await closeAll(ctx, server, counties, rounds, dispatcherTokens, warmToken);
    const v = await verifyReports(handle.db, roundIds, submitted.sent, reporters, 'approved');
    const open = await handle.db.selectFrom('round').select('id').where('id', 'in', roundIds).where('status', '<>', 'closed').execute();
    ctx.record({
      measurement: `${NAME}: answers, and the ${n(counties.length)} rounds in the database afterwards`,
      value: Number.NaN,
      unit: 's',
      targets: [
        { text: 'every answer 200', pass: submitted.errors === 0 && closed.errors === 0 },
        { text: 'each re-send answered with the first result', pass: submitted.replayed === submitted.resends },
        { text: '0 lost, 0 doubled', pass: atDeadline.lost === 0 && atDeadline.doubled === 0 && v.lost === 0 && v.doubled === 0 && v.reports === projects && v.inState === projects },
        { text: 'every round closed', pass: open.length === 0 },
      ],
      note: `submits: ${submitted.answers}, ${n(submitted.replayed)} of them the stored first result; review and close: ${closed.answers}; ${n(v.inState)} of ${n(v.reports)} reports approved, each submitted once by its unit's reporter, with the amount sent, now its project's figure for the month; ${n(roundIds.length - open.length)} of ${n(roundIds.length)} rounds closed; Σ ${n(v.sumStored)} 元${v.found.length ? `; found: ${v.found.join(', ')}` : ''}`,
    });
    ctx.log(`  verified: ${n(v.inState)} of ${n(v.reports)} approved, ${n(roundIds.length - open.length)} of ${n(roundIds.length)} rounds closed; lost ${v.lost}, doubled ${v.doubled}${v.found.length ? ` (${v.found.join(', ')})` : ''}`);
    await checkCalendar(ctx, handle.db, server, roundIds, counties.map((c) => c.code), servedFrom, NAME);
  } finally {
    await server.stop();
  }
}

export const provinceRushSection: BenchSection = {
  id: 'province-rush',
  title: "A province's evening: every county's round submitted, approved and closed over HTTP",
  async run(ctx) {
    // It builds a province of its own in a database of its own: once per database, at province size (the smoke run's
    // at its first size), where the issue's targets apply.
    if (!ctx.quick && ctx.size !== 'province') {
      ctx.log(`  runs at province size: skipped at ${ctx.size}`);
      return;
    }
    if (ranOn.has(ctx.database)) return;
    ranOn.add(ctx.database);
    const { region, size } = ctx.quick ? QUICK : FULL;
    const { target, drop } = await ctx.freshDatabase('province_rush');
    try {
      const handle = await openDatabase(target);
      try {
        await evening(ctx, handle, target, region, size);
      } finally {
        await handle.close();
      }
    } finally {
      await drop();
    }
  },
};
