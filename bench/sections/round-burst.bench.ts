// The deadline rush of a monthly round: 500 units submit 50 000 reports into one round over HTTP at once, on the
// real server in its own process (its calendar running), a tenth of them sent twice as a phone on a bad network would;
// then the database is checked for every report submitted exactly once, with the amount sent.

import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { insertProjects, upsertMonths, upsertYears } from '../../src/db/repositories/ledger.repository.ts';
import { insertUnits, type UnitRow } from '../../src/db/repositories/region.repository.ts';
import { insertUser, type UserRow } from '../../src/db/repositories/user.repository.ts';
import { newId } from '../../src/db/transaction.ts';
import { addMonths, cstParts, firstMonthOfYear, monthYear } from '../../src/domain/months.ts';
import type { MonthlyCompletion, Project, ProjectYear } from '../../src/domain/project/project.ts';
import { hashPassword } from '../../src/services/auth/password.ts';
import { initCounty } from '../../src/services/init-county.ts';
import { openRound } from '../../src/services/round/rounds.ts';
import { SYSTEM_ACTOR } from '../../src/domain/access.ts';
import { startServeProcess, type ServeProcess } from '../lib/serve-child.ts';
import { httpBurst, percentile, type BurstRequest } from '../lib/http-burst.ts';
import type { BenchSection, SectionContext } from '../lib/section.ts';
import { mulberry32 } from '../../src/domain/seeded-random.ts';

/** 黎城县: outside the generated province (99…), and not the county the ledger-import section fills (140423). */
const COUNTY = '140426';
/** The issue's rush, and the smoke run's. */
const FULL = { units: 500, perUnit: 100 };
const QUICK = { units: 50, perUnit: 40 };
/** Requests in flight at once: the last hour before the deadline, hundreds of phones submitting together. */
const CONCURRENCY = 128;
/**
 * A report's version once submitted with its form in one request: 1 when the round opened it as a draft, 2 once
 * the form and the status are written together (src/services/round/reports.ts, submitReport).
 */
const SUBMITTED_ONCE_VERSION = 2;
const SEED = 2025;
/**
 * The share of submits sent a second time with the same Idempotency-Key, each soon after the first: some while the
 * first is still being answered, some after its answer was lost on the way back.
 */
const RESEND_SHARE = 0.1;

const n = (x: number) => x.toLocaleString('en-US');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

interface RushCounty {
  units: UnitRow[];
  /** Each unit's reporter, by unit id. */
  reporters: Map<string, UserRow>;
  dispatcher: UserRow;
  /** Every account's password: each signs in with it over HTTP, as its phone does. */
  password: string;
  month: string;
  projects: number;
  monthRows: number;
}

/**
 * The rush's county: its regions and default units (initCounty), the reporting units, 100 projects of the year's
 * pool per unit with their months of the year so far, a reporter per unit, and a dispatcher, all with one password.
 */
async function buildCounty(ctx: SectionContext, size: { units: number; perUnit: number }, now: Date): Promise<RushCounty> {
  const { db } = ctx.handle;
  await initCounty(db, { regionCode: COUNTY, adminUsername: 'bench-rush-admin' }, now);
  // The month the calendar opens in the first days of this one: last month's reports, due by the deadline.
  const month = addMonths(cstParts(now).day.slice(0, 7), -1);
  const year = monthYear(month);
  const createdAt = now.toISOString();

  const units: UnitRow[] = Array.from({ length: size.units }, (_, i) => ({
    id: newId(),
    regionCode: COUNTY,
    name: `月报压测单位${String(i + 1).padStart(3, '0')}`,
    kind: 'department',
    townshipCode: null,
    sortOrder: 1000 + i,
  }));
  await insertUnits(db, units);

  const projects: Project[] = [];
  const years: { project: Project; year: ProjectYear }[] = [];
  const months: { project: Project; month: MonthlyCompletion }[] = [];
  const earlierMonths: string[] = [];
  for (let m = firstMonthOfYear(year); m < month; m = addMonths(m, 1)) earlierMonths.push(m);
  units.forEach((unit, u) => {
    for (let j = 0; j < size.perUnit; j++) {
      const k = u * size.perUnit + j;
      const id = newId();
      const project: Project = {
        id, regionCode: COUNTY, name: `${unit.name}项目${String(j + 1).padStart(3, '0')}`, projectCode: null, approvalKind: null, owner: null,
        townshipCode: null, industryCode: null, chain: null, constructionType: null, category: null, stage: 'underway',
        signedOn: null, landSuppliedOn: null, permitOn: null, startedOn: `${year - 1}-04-01`, suspendedOn: null, completedOn: null, operatingOn: null,
        totalInvestment: 60_000_000 + (k % 40) * 1_000_000, completedBefore: 8_000_000, statsEntry: 'entered', leaderIds: [], unitId: unit.id,
        keyLevel: null, progressNote: null, landAreaMu: null, notes: null, createdAt, updatedAt: createdAt, version: 1,
      };
      projects.push(project);
      years.push({ project, year: { year, phase: 'continuing', annualPlan: 12_000_000 + (k % 10) * 600_000, resumedOn: null } });
      earlierMonths.forEach((m, i) => months.push({ project, month: { month: m, completed: 800_000 + ((k + i) % 9) * 50_000, enteredAs: 'month' } }));
    }
  });
  // One transaction: the load is setup, not what is measured.
  await db.transaction().execute(async (trx) => {
    await insertProjects(trx, projects);
    await upsertYears(trx, years);
    await upsertMonths(trx, months);
  });

  const password = randomBytes(12).toString('base64url');
  const passwordHash = hashPassword(password);
  const user = (username: string, role: UserRow['role'], unitId: string | null): UserRow => ({
    id: newId(), username, displayName: username, passwordHash, role, regionCode: COUNTY, unitId, leaderId: null, disabled: false, createdAt, mustChangePassword: false, passwordChangedAt: null,
  });
  const dispatcher = user('bench-rush-dispatcher', 'dispatcher', null);
  const reporterUsers = units.map((unit, u) => user(`bench-rush-reporter-${String(u + 1).padStart(3, '0')}`, 'reporter', unit.id));
  await db.transaction().execute(async (trx) => {
    for (const u of [dispatcher, ...reporterUsers]) await insertUser(trx, u);
  });
  const reporters = new Map(reporterUsers.map((u) => [u.unitId!, u]));
  return { units, reporters, dispatcher, password, month, projects: projects.length, monthRows: months.length };
}

/**
 * The planner's statistics as they stand minutes after a bulk write: PostgreSQL's autovacuum analyses the tables by
 * then, and the application refreshes SQLite's after bulk loads and hourly. Without this, PostgreSQL plans the round's
 * pool query on statistics from before the county's 50 000 projects existed: a nested loop that compares every year
 * row with every project of the county, minutes instead of a tenth of a second.
 */
async function settle(ctx: SectionContext): Promise<number> {
  const started = performance.now();
  if (ctx.database === 'postgres') await sql`analyze`.execute(ctx.handle.db);
  else await ctx.handle.optimize();
  return performance.now() - started;
}

/** Signs one account in over HTTP; its token. */
async function signInOne(base: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const body = (await res.json()) as { token?: string };
  if (res.status !== 200 || !body.token) throw new Error(`signing in ${username} answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return body.token;
}

/**
 * Every reporter signs in as its phone does, `POST /api/auth/login` with its password, all at once from one address
 * (the bench's), over the burst's connections: each a scrypt check, a session and the sign-in's records. The sign-in
 * limits count failures only, so as many good sign-ins from one address as a county has phones are never refused.
 * The dispatcher signs in first; its session warms the connections. Returns each unit's token.
 */
async function signInAll(ctx: SectionContext, server: ServeProcess, county: RushCounty): Promise<{ tokens: Map<string, string>; dispatcherToken: string }> {
  const dispatcherToken = await signInOne(server.base, county.dispatcher.username, county.password);
  const units = [...county.reporters.keys()];
  const requests: BurstRequest[] = units.map((unitId) => ({
    method: 'POST',
    path: '/api/auth/login',
    body: JSON.stringify({ username: county.reporters.get(unitId)!.username, password: county.password }),
  }));
  const warmup: BurstRequest = { method: 'GET', path: '/api/auth/me', token: dispatcherToken };
  let cpuBefore = server.processCpuMs();
  let mainBefore = server.mainThreadCpuMs();
  const result = await httpBurst({ base: server.base, requests, concurrency: CONCURRENCY, warmup, keepBodies: true }, () => {
    cpuBefore = server.processCpuMs();
    mainBefore = server.mainThreadCpuMs();
  });
  const cpuPerSignIn = (server.processCpuMs() - cpuBefore) / requests.length;
  const mainPerSignIn = (server.mainThreadCpuMs() - mainBefore) / requests.length;
  const tokens = new Map<string, string>();
  units.forEach((unitId, i) => {
    const token = result.statuses[i] === 200 ? (JSON.parse(result.bodies![i]!) as { token?: string }).token : undefined;
    if (token) tokens.set(unitId, token);
  });
  const sorted = Float64Array.from(result.latencies).sort();
  const p50 = percentile(sorted, 0.5);
  const p99 = percentile(sorted, 0.99);
  const refused = requests.length - tokens.size;
  ctx.log(`  sign-ins: ${n(tokens.size)} of ${n(requests.length)} in ${seconds(result.wallMs)}, p50 ${p50.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms; ${cpuPerSignIn.toFixed(1)} ms of the server's CPU each`);
  for (const x of result.samples) ctx.log(`  answer ${x.status} to ${x.path}: ${x.body}`);
  ctx.record({
    measurement: `sign-ins: ${n(requests.length)} × POST /api/auth/login, each unit's reporter with its password, ${CONCURRENCY} in flight, one address`,
    value: result.wallMs / 1000,
    unit: 's',
    targets: [{ text: 'every sign-in 200 with a token', pass: refused === 0 }],
    note: `${(requests.length / (result.wallMs / 1000)).toFixed(1)} sign-ins/s; server CPU ${cpuPerSignIn.toFixed(1)} ms a sign-in (scrypt on libuv's threads), ${mainPerSignIn.toFixed(2)} ms of it on the main thread${refused ? `; ${n(refused)} refused` : ''}`,
  });
  ctx.record({ measurement: 'sign-ins: latency (p50, p95)', value: p50, unit: 'ms', p95: percentile(sorted, 0.95), runs: requests.length, note: `p99 ${p99.toFixed(0)} ms, max ${(sorted[sorted.length - 1] ?? Number.NaN).toFixed(0)} ms` });
  if (refused) throw new Error(`${n(refused)} of ${n(requests.length)} reporters could not sign in`);
  return { tokens, dispatcherToken };
}

interface Sent {
  reportId: string;
  unitId: string;
  amount: number;
}

/** What the database holds after the rush, report by report against what was sent. */
async function verify(ctx: SectionContext, roundId: string, sent: readonly Sent[], reporters: RushCounty['reporters']) {
  const rows = await ctx.handle.db
    .selectFrom('report')
    .select(['id', 'project_id', 'unit_id', 'status', 'completed_month', 'version', 'first_submitted_at', 'submitted_at', 'submitted_by'])
    .where('round_id', '=', roundId)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const projects = new Set(rows.map((r) => r.project_id));
  const problems = { missing: 0, notSubmitted: 0, wrongAmount: 0, notFirstSubmit: 0, resubmitted: 0, wrongSubmitter: 0 };
  let sumSent = 0;
  for (const s of sent) {
    sumSent += s.amount;
    const r = byId.get(s.reportId);
    if (!r) {
      problems.missing++;
      continue;
    }
    // A report never submitted (its request got no answer) is lost, not doubled: the checks below are a submission's.
    if (r.status !== 'submitted') {
      problems.notSubmitted++;
      continue;
    }
    if (r.completed_month === null || Number(r.completed_month) !== s.amount) problems.wrongAmount++;
    // Submitted once: the first submission is the only one.
    if (r.first_submitted_at === null || r.first_submitted_at !== r.submitted_at) problems.notFirstSubmit++;
    if (r.version !== SUBMITTED_ONCE_VERSION) problems.resubmitted++;
    if (r.submitted_by !== reporters.get(s.unitId)?.id) problems.wrongSubmitter++;
  }
  const totals = await ctx.handle.db
    .selectFrom('report')
    .select([sql<number>`count(*)`.as('reports'), sql<number>`sum(case when status = 'submitted' then 1 else 0 end)`.as('submitted'), sql<number>`sum(completed_month)`.as('total')])
    .where('round_id', '=', roundId)
    .executeTakeFirstOrThrow();
  return {
    reports: Number(totals.reports),
    submitted: Number(totals.submitted),
    sumStored: Number(totals.total ?? 0),
    sumSent,
    duplicateProjects: rows.length - projects.size,
    problems,
  };
}

/**
 * The served process runs the round's calendar, every minute and once as it starts. The rush's round, its deadline a
 * day ahead, is within the reminders' lead (24 hours by default), so the calendar's first run sends each unit with
 * drafts left its in-app reminder while the rush goes on: those reminders, the rounds it opened (none unless a
 * generated county's month has come) and any failure it printed say whether it ran.
 */
async function checkCalendar(ctx: SectionContext, server: ServeProcess, roundId: string, servedFrom: string): Promise<void> {
  const { db } = ctx.handle;
  const [reminders, opened] = await Promise.all([
    db.selectFrom('reminder').select(sql<number>`count(*)`.as('n')).where('round_id', '=', roundId).where('sent_at', '>=', servedFrom).executeTakeFirstOrThrow(),
    db.selectFrom('round').select(sql<number>`count(*)`.as('n')).where('opened_at', '>=', servedFrom).where('region_code', '<>', COUNTY).executeTakeFirstOrThrow(),
  ]);
  const failures = server.output().split('\n').filter((l) => l.includes('执行失败'));
  const sent = Number(reminders.n);
  ctx.log(`  calendar: ${n(sent)} reminders of the rush's round sent by the served process, ${n(Number(opened.n))} rounds opened${failures.length ? `; ${failures.join('; ')}` : ''}`);
  ctx.record({
    measurement: 'rush: the round calendar in the served process',
    value: Number.NaN,
    unit: 's',
    targets: [{ text: 'calendar ran, no failure', pass: sent > 0 && failures.length === 0 }],
    note: `${n(sent)} in-app reminders of the rush's round (deadline a day ahead) sent by its calendar while serving; ${n(Number(opened.n))} other rounds opened; ${failures.length ? failures.join('; ') : 'no failure printed'}`,
  });
}

/** The databases the rush ran on in this run, with the size it ran at. */
const ranOn = new Map<string, string>();

export const roundBurstSection: BenchSection = {
  id: 'round-burst',
  title: 'Monthly round: the deadline rush over HTTP',
  async run(ctx) {
    // The rush builds a county of its own, so the generated pool around it hardly matters: once per database is
    // enough, at the first size of the run, and keeps a default run minutes shorter.
    const earlier = ranOn.get(ctx.database);
    if (earlier) {
      ctx.log(`  already run on ${ctx.database} at ${earlier} size: skipped`);
      return;
    }
    ranOn.set(ctx.database, ctx.size);
    const size = ctx.quick ? QUICK : FULL;
    const total = size.units * size.perUnit;
    const now = new Date();

    let started = performance.now();
    const county = await buildCounty(ctx, size, now);
    const setupMs = performance.now() - started;
    const analyseMs = await settle(ctx);
    ctx.log(`  county ${COUNTY}: ${n(size.units)} units, ${n(county.projects)} projects, ${n(county.monthRows)} month rows, ${n(size.units + 1)} accounts in ${seconds(setupMs)}; statistics in ${seconds(analyseMs)}`);
    ctx.record({
      measurement: `rush setup: ${n(size.units)} units, ${n(county.projects)} projects of the ${monthYear(county.month)} pool, ${n(size.units)} reporters`,
      value: setupMs / 1000,
      unit: 's',
      note: `county ${COUNTY}; ${n(county.monthRows)} month rows (${firstMonthOfYear(monthYear(county.month))} to the month before ${county.month}); then ${ctx.database === 'postgres' ? 'analyze' : 'optimize'} ${seconds(analyseMs)}; not part of the rush`,
    });

    // The round opens as the calendar opens it, before the server starts (its calendar would otherwise open it with
    // the default deadline); the deadline is tomorrow, so the rush is on time.
    const deadline = new Date(Date.now() + 86_400_000).toISOString();
    started = performance.now();
    const round = await openRound(ctx.handle.db, { regionCode: COUNTY, month: county.month, deadline }, SYSTEM_ACTOR, now);
    const openMs = performance.now() - started;
    if (round.counts.due !== total) throw new Error(`the round opened with ${round.counts.due} reports, not ${total}`);
    ctx.record({ measurement: `open the round (openRound, as the calendar does): ${n(total)} reports`, value: openMs / 1000, unit: 's', note: `month ${county.month}, deadline ${deadline}` });
    // The rush comes days after the round opened: its reports are in the statistics by then.
    await settle(ctx);

    const servedFrom = new Date().toISOString();
    const server = await startServeProcess(ctx.target);
    try {
      const { tokens, dispatcherToken } = await signInAll(ctx, server, county);
      // Every report of the round, each sent by its unit's reporter, the units interleaved as their phones would be.
      const reports = await ctx.handle.db.selectFrom('report').select(['id', 'unit_id']).where('round_id', '=', round.id).execute();
      const random = mulberry32(SEED);
      const sent: Sent[] = reports.map((r, i) => ({ reportId: r.id, unitId: r.unit_id!, amount: 10_000 + ((i * 7_919) % 2_000_000) }));
      for (let i = sent.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [sent[i], sent[j]] = [sent[j]!, sent[i]!];
      }
      const submit = (s: Sent): BurstRequest => ({
        method: 'POST',
        path: `/api/reports/${s.reportId}/submit`,
        token: tokens.get(s.unitId)!,
        body: JSON.stringify({ completedMonth: s.amount, progress: '主体结构施工中，完成形象进度约六成' }),
        headers: { 'Idempotency-Key': `${s.reportId}:submit:1` },
      });
      // A re-send follows its first within a few hundred requests: while it is in flight, or just after its answer.
      const ordered = sent.map((s, i) => ({ order: i, request: submit(s), resend: false }));
      for (let i = 0; i < sent.length; i++) {
        if (random() < RESEND_SHARE) ordered.push({ order: i + 0.5 + Math.floor(random() * CONCURRENCY * 2), request: submit(sent[i]!), resend: true });
      }
      ordered.sort((a, b) => a.order - b.order);
      const requests = ordered.map((o) => o.request);
      const resends = ordered.filter((o) => o.resend).length;

      ctx.log(`  round ${round.id} opened in ${seconds(openMs)}; ${n(sent.length)} submits and ${n(resends)} re-sends, ${CONCURRENCY} in flight`);
      const warmup: BurstRequest = { method: 'GET', path: '/api/auth/me', token: dispatcherToken };
      let cpuBefore = server.mainThreadCpuMs();
      let processCpuBefore = server.processCpuMs();
      const result = await httpBurst({ base: server.base, requests, concurrency: CONCURRENCY, warmup }, () => {
        cpuBefore = server.mainThreadCpuMs();
        processCpuBefore = server.processCpuMs();
      });
      const cpuPerSubmit = (server.mainThreadCpuMs() - cpuBefore) / requests.length;
      // The server threads' CPU summed: with a process per core (PostgreSQL) it may pass 100 % of the wall time.
      const processes = server.processes();
      const threads = processes === 1 ? 'server thread' : `server threads of ${processes} processes`;
      const busy = (server.mainThreadCpuMs() - cpuBefore) / result.wallMs;
      const processCpuPerSubmit = (server.processCpuMs() - processCpuBefore) / requests.length;
      const replayedAnswers = result.replayed.reduce((a, b) => a + b, 0);

      const sorted = Float64Array.from(result.latencies).sort();
      const byStatus = new Map<number, number>();
      for (const s of result.statuses) byStatus.set(s, (byStatus.get(s) ?? 0) + 1);
      const errors = requests.length - (byStatus.get(200) ?? 0);
      const perSecond = requests.length / (result.wallMs / 1000);
      const p50 = percentile(sorted, 0.5);
      const p95 = percentile(sorted, 0.95);
      const p99 = percentile(sorted, 0.99);
      const max = sorted[sorted.length - 1] ?? Number.NaN;
      ctx.log(`  ${seconds(result.wallMs)}, ${perSecond.toFixed(0)} requests/s, ${n(replayedAnswers)} answered from the stored first result; p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${max.toFixed(0)} ms; ${threads} busy ${(busy * 100).toFixed(0)} %, ${cpuPerSubmit.toFixed(2)} ms of ${processes === 1 ? 'its' : 'their'} CPU a submit`);
      for (const s of result.samples) ctx.log(`  answer ${s.status} to ${s.path}: ${s.body}`);
      const slowest = [...result.latencies.keys()].sort((a, b) => result.latencies[b]! - result.latencies[a]!).slice(0, 5);
      ctx.log(`  slowest: ${slowest.map((i) => `${result.latencies[i]!.toFixed(0)} ms sent at ${seconds(result.startedAt[i]!)}`).join(', ')}`);

      const what = `${n(sent.length)} + ${n(resends)} re-sent × POST /api/reports/{id}/submit, ${n(size.units)} units, ${CONCURRENCY} in flight, tiaodu serve in its own process${processes === 1 ? '' : ` (${processes} answering requests)`}`;
      ctx.record({ measurement: `rush: ${what}: wall time`, value: result.wallMs / 1000, unit: 's', note: `${perSecond.toFixed(0)} requests/s (${(sent.length / (result.wallMs / 1000)).toFixed(0)} reports/s); ${threads} busy ${(busy * 100).toFixed(0)} % of the time, ${cpuPerSubmit.toFixed(2)} ms of ${processes === 1 ? 'its' : 'their'} CPU a request (${processCpuPerSubmit.toFixed(2)} ms with the other threads)` });
      ctx.record({ measurement: 'rush: latency of a submit (p50, p95)', value: p50, unit: 'ms', p95, runs: requests.length, note: `p99 ${p99.toFixed(0)} ms, max ${max.toFixed(0)} ms` });
      ctx.record({ measurement: 'rush: latency of a submit, p99', value: p99, unit: 'ms', runs: requests.length });
      ctx.record({
        measurement: 'rush: CPU of the server thread per submit',
        value: cpuPerSubmit,
        unit: 'ms',
        note: `${ctx.database === 'postgres' ? 'PostgreSQL\'s own work not included' : 'SQLite\'s work included'}: at most ${(1000 / cpuPerSubmit).toFixed(0)} reports/s with a core to itself`,
      });

      const v = await verify(ctx, round.id, sent, county.reporters);
      const p = v.problems;
      const lost = p.missing + p.notSubmitted + p.wrongAmount + (v.sumStored === v.sumSent ? 0 : 1);
      const doubled = p.resubmitted + p.notFirstSubmit + p.wrongSubmitter + v.duplicateProjects + Math.max(0, v.reports - total);
      const answers = [...byStatus].sort((a, b) => a[0] - b[0]).map(([status, count]) => `${n(count)} × ${status === 0 ? 'no answer' : status}`).join(', ');
      const found = Object.entries(p).filter(([, count]) => count > 0).map(([k, count]) => `${k} ${n(count)}`);
      if (v.duplicateProjects > 0) found.push(`duplicate projects ${n(v.duplicateProjects)}`);
      if (v.sumStored !== v.sumSent) found.push(`Σ stored ${n(v.sumStored)} ≠ Σ sent ${n(v.sumSent)}`);
      ctx.record({
        measurement: `rush: answers, and the round in the database afterwards`,
        value: Number.NaN,
        unit: 's',
        targets: [
          { text: 'every answer 200', pass: errors === 0 },
          { text: 'each re-send answered with the first result', pass: replayedAnswers === resends },
          { text: '0 lost, 0 doubled', pass: lost === 0 && doubled === 0 && v.reports === total && v.submitted === total },
        ],
        note: `answers: ${answers}, ${n(replayedAnswers)} of them the stored first result; ${n(v.submitted)} of ${n(v.reports)} reports submitted, each once (version ${SUBMITTED_ONCE_VERSION}, first submission = last, by its unit's reporter), with the amount sent; Σ ${n(v.sumStored)} 元${found.length ? `; found: ${found.join(', ')}` : ''}`,
      });
      ctx.log(`  verified: ${n(v.submitted)} of ${n(v.reports)} submitted; lost ${lost}, doubled ${doubled}${found.length ? ` (${found.join(', ')})` : ''}`);
      await checkCalendar(ctx, server, round.id, servedFrom);
    } finally {
      await server.stop();
    }
  },
};
