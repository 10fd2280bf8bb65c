// The parts of a deadline rush, shared by a county's (bench/sections/round-burst.bench.ts) and a province's evening
// (bench/sections/province-rush.bench.ts): a county's reporting units with their year's pool and accounts, the
// statistics settled, sign-ins and submits over HTTP to the served process, and what the database holds afterwards.

import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { insertProjects, upsertMonths, upsertYears } from '../../src/db/repositories/ledger.repository.ts';
import { insertUnits, type UnitRow } from '../../src/db/repositories/region.repository.ts';
import { insertUser, type UserRow } from '../../src/db/repositories/user.repository.ts';
import { newId, type Db } from '../../src/db/transaction.ts';
import { addMonths, cstParts, firstMonthOfYear, monthYear } from '../../src/domain/months.ts';
import type { MonthlyCompletion, Project, ProjectYear } from '../../src/domain/project/project.ts';
import { mulberry32 } from '../../src/domain/seeded-random.ts';
import { httpBurst, percentile, type BurstRequest } from './http-burst.ts';
import type { ServeProcess } from './serve-child.ts';
import type { SectionContext } from './section.ts';

/** Requests in flight at once: the last hour before the deadline, hundreds of phones submitting together. */
export const CONCURRENCY = 128;
/**
 * The share of submits sent a second time with the same Idempotency-Key, each soon after the first: some while the
 * first is still being answered, some after its answer was lost on the way back.
 */
const RESEND_SHARE = 0.1;
const SEED = 2025;
/**
 * A report's version once submitted with its form in one request: 1 when the round opened it as a draft, 2 once
 * the form and the status are written together (src/services/round/reports.ts, submitReport); 3 once approved.
 */
const VERSION = { submitted: 2, approved: 3 } as const;

export const n = (x: number) => x.toLocaleString('en-US');
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export interface RushSize {
  units: number;
  /** Projects of the year's pool each unit reports. */
  perUnit: number;
}

export interface RushCounty {
  code: string;
  units: UnitRow[];
  /** Each unit's reporter, by unit id. */
  reporters: Map<string, UserRow>;
  /** The county's dispatcher: opens, reviews and closes its rounds. */
  dispatcher: UserRow;
  projects: number;
  monthRows: number;
}

/** The month a rush reports: last month, whose round the calendar opens in the first days of this one. */
export function rushMonth(now: Date): string {
  return addMonths(cstParts(now).day.slice(0, 7), -1);
}

/**
 * A county's side of a rush, in a county already made (initCounty): its reporting units, `perUnit` projects of the
 * year's pool each with their months of the year before `month`, a reporter per unit and a dispatcher, every account
 * with the one password whose hash is given. Written in one transaction: the load is setup, not what is measured.
 */
export async function buildRushCounty(db: Db, county: string, size: RushSize, month: string, passwordHash: string, now: Date): Promise<RushCounty> {
  const year = monthYear(month);
  const createdAt = now.toISOString();
  const units: UnitRow[] = Array.from({ length: size.units }, (_, i) => ({
    id: newId(),
    regionCode: county,
    name: `月报压测单位${String(i + 1).padStart(3, '0')}`,
    kind: 'department',
    townshipCode: null,
    sortOrder: 1000 + i,
  }));

  const projects: Project[] = [];
  const years: { project: Project; year: ProjectYear }[] = [];
  const months: { project: Project; month: MonthlyCompletion }[] = [];
  const earlierMonths: string[] = [];
  for (let m = firstMonthOfYear(year); m < month; m = addMonths(m, 1)) earlierMonths.push(m);
  units.forEach((unit, u) => {
    for (let j = 0; j < size.perUnit; j++) {
      const k = u * size.perUnit + j;
      const project: Project = {
        id: newId(), regionCode: county, name: `${unit.name}项目${String(j + 1).padStart(3, '0')}`, projectCode: null, approvalKind: null, owner: null,
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

  const user = (username: string, role: UserRow['role'], unitId: string | null): UserRow => ({
    id: newId(), username, displayName: username, passwordHash, role, regionCode: county, unitId, leaderId: null, disabled: false, createdAt, mustChangePassword: false, passwordChangedAt: null,
  });
  const dispatcher = user(`bench-rush-${county}-dispatcher`, 'dispatcher', null);
  const reporters = units.map((unit, u) => user(`bench-rush-${county}-reporter-${String(u + 1).padStart(3, '0')}`, 'reporter', unit.id));
  await db.transaction().execute(async (trx) => {
    await insertUnits(trx, units);
    await insertProjects(trx, projects);
    await upsertYears(trx, years);
    await upsertMonths(trx, months);
    for (const u of [dispatcher, ...reporters]) await insertUser(trx, u);
  });
  return { code: county, units, reporters: new Map(reporters.map((u) => [u.unitId!, u])), dispatcher, projects: projects.length, monthRows: months.length };
}

/**
 * The planner's statistics as they stand minutes after a bulk write: PostgreSQL's autovacuum analyses the tables by
 * then, and the application refreshes SQLite's after bulk loads and hourly. Without this, PostgreSQL plans the round's
 * pool query on statistics from before the county's 50 000 projects existed: a nested loop that compares every year
 * row with every project of the county, minutes instead of a tenth of a second. @returns the milliseconds it took
 */
export async function settle(ctx: SectionContext, handle: DatabaseHandle = ctx.handle): Promise<number> {
  const started = performance.now();
  if (ctx.database === 'postgres') await sql`analyze`.execute(handle.db);
  else await handle.optimize();
  return performance.now() - started;
}

/** Signs one account in over HTTP; its token. */
export async function signInOne(base: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const body = (await res.json()) as { token?: string };
  if (res.status !== 200 || !body.token) throw new Error(`signing in ${username} answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return body.token;
}

/**
 * Accounts sign in as their phones do, `POST /api/auth/login` with their password, all at once from one address
 * (the bench's), over the burst's connections: each a scrypt check, a session and the sign-in's records. The sign-in
 * limits count failures only, so as many good sign-ins from one address as a county has phones are never refused.
 * `warmToken`'s session warms the connections. Recorded as `name: …, who`. @returns each account's token, by its id
 */
export async function signInAll(ctx: SectionContext, server: ServeProcess, accounts: readonly UserRow[], password: string, warmToken: string, name: string, who: string): Promise<Map<string, string>> {
  const requests: BurstRequest[] = accounts.map((u) => ({ method: 'POST', path: '/api/auth/login', body: JSON.stringify({ username: u.username, password }) }));
  const warmup: BurstRequest = { method: 'GET', path: '/api/auth/me', token: warmToken };
  let cpuBefore = server.processCpuMs();
  let mainBefore = server.mainThreadCpuMs();
  const result = await httpBurst({ base: server.base, requests, concurrency: CONCURRENCY, warmup, keepBodies: true }, () => {
    cpuBefore = server.processCpuMs();
    mainBefore = server.mainThreadCpuMs();
  });
  const cpuPerSignIn = (server.processCpuMs() - cpuBefore) / requests.length;
  const mainPerSignIn = (server.mainThreadCpuMs() - mainBefore) / requests.length;
  const tokens = new Map<string, string>();
  accounts.forEach((u, i) => {
    const token = result.statuses[i] === 200 ? (JSON.parse(result.bodies![i]!) as { token?: string }).token : undefined;
    if (token) tokens.set(u.id, token);
  });
  const sorted = Float64Array.from(result.latencies).sort();
  const p50 = percentile(sorted, 0.5);
  const p99 = percentile(sorted, 0.99);
  const refused = requests.length - tokens.size;
  ctx.log(`  ${name}: ${n(tokens.size)} of ${n(requests.length)} in ${seconds(result.wallMs)}, p50 ${p50.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms; ${cpuPerSignIn.toFixed(1)} ms of the server's CPU each`);
  for (const x of result.samples) ctx.log(`  answer ${x.status} to ${x.path}: ${x.body}`);
  ctx.record({
    measurement: `${name}: ${n(requests.length)} × POST /api/auth/login, ${who} with its password, ${CONCURRENCY} in flight, one address`,
    value: result.wallMs / 1000,
    unit: 's',
    targets: [{ text: 'every sign-in 200 with a token', pass: refused === 0 }],
    note: `${(requests.length / (result.wallMs / 1000)).toFixed(1)} sign-ins/s; server CPU ${cpuPerSignIn.toFixed(1)} ms a sign-in (scrypt on libuv's threads), ${mainPerSignIn.toFixed(2)} ms of it on the main thread${refused ? `; ${n(refused)} refused` : ''}`,
  });
  ctx.record({ measurement: `${name}: latency (p50, p95)`, value: p50, unit: 'ms', p95: percentile(sorted, 0.95), runs: requests.length, note: `p99 ${p99.toFixed(0)} ms, max ${(sorted[sorted.length - 1] ?? Number.NaN).toFixed(0)} ms` });
  if (refused) throw new Error(`${n(refused)} of ${n(requests.length)} accounts could not sign in`);
  return tokens;
}

/** A report submitted in the rush: by its unit's reporter, with this amount. */
export interface Sent {
  reportId: string;
  unitId: string;
  amount: number;
}

export interface SubmitOutcome {
  sent: Sent[];
  resends: number;
  /** Answers other than 200, and answers given as the stored result of an earlier request with the same key. */
  errors: number;
  replayed: number;
  /** `12 × 200, …`: the answers by status. */
  answers: string;
}

/**
 * Every report of the rounds submitted over HTTP by its unit's reporter (tokens by account id), the units and
 * counties interleaved as their phones would be, a tenth sent twice with the same Idempotency-Key, `CONCURRENCY` in
 * flight. Records the wall time, the latencies and the server's CPU a submit as `name: …`.
 */
export async function submitAll(
  ctx: SectionContext,
  server: ServeProcess,
  o: { db: Db; roundIds: readonly string[]; reporters: ReadonlyMap<string, UserRow>; tokens: ReadonlyMap<string, string>; warmToken: string; name: string; what: string },
): Promise<SubmitOutcome> {
  const reports = await o.db.selectFrom('report').select(['id', 'unit_id']).where('round_id', 'in', o.roundIds).orderBy('id').execute();
  const random = mulberry32(SEED);
  const sent: Sent[] = reports.map((r, i) => ({ reportId: r.id, unitId: r.unit_id!, amount: 10_000 + ((i * 7_919) % 2_000_000) }));
  for (let i = sent.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [sent[i], sent[j]] = [sent[j]!, sent[i]!];
  }
  const submit = (s: Sent): BurstRequest => ({
    method: 'POST',
    path: `/api/reports/${s.reportId}/submit`,
    token: o.tokens.get(o.reporters.get(s.unitId)!.id)!,
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

  ctx.log(`  ${n(sent.length)} submits and ${n(resends)} re-sends, ${CONCURRENCY} in flight`);
  const warmup: BurstRequest = { method: 'GET', path: '/api/auth/me', token: o.warmToken };
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
  const its = processes === 1 ? 'its' : 'their';
  const busy = (server.mainThreadCpuMs() - cpuBefore) / result.wallMs;
  const processCpuPerSubmit = (server.processCpuMs() - processCpuBefore) / requests.length;
  const replayed = result.replayed.reduce((a, b) => a + b, 0);

  const sorted = Float64Array.from(result.latencies).sort();
  const byStatus = new Map<number, number>();
  for (const s of result.statuses) byStatus.set(s, (byStatus.get(s) ?? 0) + 1);
  const perSecond = requests.length / (result.wallMs / 1000);
  const p50 = percentile(sorted, 0.5);
  const p95 = percentile(sorted, 0.95);
  const p99 = percentile(sorted, 0.99);
  const max = sorted[sorted.length - 1] ?? Number.NaN;
  ctx.log(`  ${seconds(result.wallMs)}, ${perSecond.toFixed(0)} requests/s, ${n(replayed)} answered from the stored first result; p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${max.toFixed(0)} ms; ${threads} busy ${(busy * 100).toFixed(0)} %, ${cpuPerSubmit.toFixed(2)} ms of ${its} CPU a submit`);
  for (const s of result.samples) ctx.log(`  answer ${s.status} to ${s.path}: ${s.body}`);
  const slowest = [...result.latencies.keys()].sort((a, b) => result.latencies[b]! - result.latencies[a]!).slice(0, 5);
  ctx.log(`  slowest: ${slowest.map((i) => `${result.latencies[i]!.toFixed(0)} ms sent at ${seconds(result.startedAt[i]!)}`).join(', ')}`);

  const what = `${n(sent.length)} + ${n(resends)} re-sent × POST /api/reports/{id}/submit, ${o.what}, ${CONCURRENCY} in flight, tiaodu serve in its own process${processes === 1 ? '' : ` (${processes} answering requests)`}`;
  ctx.record({ measurement: `${o.name}: ${what}: wall time`, value: result.wallMs / 1000, unit: 's', note: `${perSecond.toFixed(0)} requests/s (${(sent.length / (result.wallMs / 1000)).toFixed(0)} reports/s); ${threads} busy ${(busy * 100).toFixed(0)} % of the time, ${cpuPerSubmit.toFixed(2)} ms of ${its} CPU a request (${processCpuPerSubmit.toFixed(2)} ms with the other threads)` });
  ctx.record({ measurement: `${o.name}: latency of a submit (p50, p95)`, value: p50, unit: 'ms', p95, runs: requests.length, note: `p99 ${p99.toFixed(0)} ms, max ${max.toFixed(0)} ms` });
  ctx.record({ measurement: `${o.name}: latency of a submit, p99`, value: p99, unit: 'ms', runs: requests.length });
  ctx.record({
    measurement: `${o.name}: CPU of the server thread per submit`,
    value: cpuPerSubmit,
    unit: 'ms',
    note: `${ctx.database === 'postgres' ? 'PostgreSQL\'s own work not included' : 'SQLite\'s work included'}: at most ${(1000 / cpuPerSubmit).toFixed(0)} reports/s with a core to itself`,
  });
  const answers = [...byStatus].sort((a, b) => a[0] - b[0]).map(([status, count]) => `${n(count)} × ${status === 0 ? 'no answer' : status}`).join(', ');
  return { sent, resends, errors: requests.length - (byStatus.get(200) ?? 0), replayed, answers };
}

export interface Verified {
  reports: number;
  /** Reports in the state expected. */
  inState: number;
  sumStored: number;
  sumSent: number;
  lost: number;
  doubled: number;
  /** What was found wrong, for the report: `missing 3, …`. */
  found: string[];
}

/**
 * What the database holds after the rush, report by report against what was sent: each report in the state expected
 * (submitted, or approved after review), submitted once by its unit's reporter with the amount sent; once approved,
 * the month's figure of its project is that amount too.
 */
export async function verifyReports(db: Db, roundIds: readonly string[], sent: readonly Sent[], reporters: ReadonlyMap<string, UserRow>, state: 'submitted' | 'approved'): Promise<Verified> {
  const rows = await db
    .selectFrom('report')
    .select(['id', 'project_id', 'unit_id', 'status', 'completed_month', 'version', 'first_submitted_at', 'submitted_at', 'submitted_by'])
    .where('round_id', 'in', roundIds)
    .execute();
  const figures = new Map<string, number>();
  if (state === 'approved') {
    const months = await db
      .selectFrom('report as r')
      .innerJoin('round as d', 'd.id', 'r.round_id')
      .innerJoin('project as p', 'p.id', 'r.project_id')
      // By the month rows' key, county first: without it SQLite reads every month row of every project.
      .innerJoin('project_month as m', (j) => j.onRef('m.county_code', '=', 'p.county_code').onRef('m.project_id', '=', 'r.project_id').onRef('m.month', '=', 'd.month'))
      .select(['r.id', 'm.completed'])
      .where('r.round_id', 'in', roundIds)
      .execute();
    for (const m of months) figures.set(m.id, Number(m.completed));
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  const problems = { missing: 0, notInState: 0, wrongAmount: 0, wrongFigure: 0, notFirstSubmit: 0, resubmitted: 0, wrongSubmitter: 0 };
  let sumSent = 0;
  const sumStored = rows.reduce((sum, r) => sum + Number(r.completed_month ?? 0), 0);
  for (const s of sent) {
    sumSent += s.amount;
    const r = byId.get(s.reportId);
    if (!r) {
      problems.missing++;
      continue;
    }
    // A report never submitted (its request got no answer) is lost, not doubled: the checks below are a submission's.
    if (r.status !== state) {
      problems.notInState++;
      continue;
    }
    if (r.completed_month === null || Number(r.completed_month) !== s.amount) problems.wrongAmount++;
    if (state === 'approved' && figures.get(r.id) !== s.amount) problems.wrongFigure++;
    // Submitted once: the first submission is the only one.
    if (r.first_submitted_at === null || r.first_submitted_at !== r.submitted_at) problems.notFirstSubmit++;
    if (r.version !== VERSION[state]) problems.resubmitted++;
    if (r.submitted_by !== reporters.get(s.unitId)?.id) problems.wrongSubmitter++;
  }
  const duplicateProjects = rows.length - new Set(rows.map((r) => r.project_id)).size;
  const found = Object.entries(problems).filter(([, count]) => count > 0).map(([k, count]) => `${k} ${n(count)}`);
  if (duplicateProjects > 0) found.push(`duplicate projects ${n(duplicateProjects)}`);
  if (sumStored !== sumSent) found.push(`Σ stored ${n(sumStored)} ≠ Σ sent ${n(sumSent)}`);
  const p = problems;
  return {
    reports: rows.length,
    inState: rows.filter((r) => r.status === state).length,
    sumStored,
    sumSent,
    lost: p.missing + p.notInState + p.wrongAmount + p.wrongFigure + (sumStored === sumSent ? 0 : 1),
    doubled: p.resubmitted + p.notFirstSubmit + p.wrongSubmitter + duplicateProjects + Math.max(0, rows.length - sent.length),
    found,
  };
}

/**
 * The served process runs the round's calendar, every minute and once as it starts. A rush's rounds, their deadline
 * a day ahead, are within the reminders' lead (24 hours by default), so the calendar's first run sends each unit with
 * drafts left its in-app reminder while the rush goes on: those reminders, the rounds it opened elsewhere (none unless
 * a generated county's month has come) and any failure it printed say whether it ran.
 */
export async function checkCalendar(ctx: SectionContext, db: Db, server: ServeProcess, roundIds: readonly string[], counties: readonly string[], servedFrom: string, name: string): Promise<void> {
  const [reminders, opened] = await Promise.all([
    db.selectFrom('reminder').select(sql<number>`count(*)`.as('n')).where('round_id', 'in', roundIds).where('sent_at', '>=', servedFrom).executeTakeFirstOrThrow(),
    db.selectFrom('round').select(sql<number>`count(*)`.as('n')).where('opened_at', '>=', servedFrom).where('region_code', 'not in', counties).executeTakeFirstOrThrow(),
  ]);
  const failures = server.output().split('\n').filter((l) => l.includes('执行失败'));
  const sent = Number(reminders.n);
  const rounds = roundIds.length === 1 ? 'the round' : `the ${n(roundIds.length)} rounds`;
  ctx.log(`  calendar: ${n(sent)} reminders of ${rounds} sent by the served process, ${n(Number(opened.n))} rounds opened${failures.length ? `; ${failures.join('; ')}` : ''}`);
  ctx.record({
    measurement: `${name}: the round calendar in the served process`,
    value: Number.NaN,
    unit: 's',
    targets: [{ text: 'calendar ran, no failure', pass: sent > 0 && failures.length === 0 }],
    note: `${n(sent)} in-app reminders of ${rounds} (deadline a day ahead) sent by its calendar while serving; ${n(Number(opened.n))} other rounds opened; ${failures.length ? failures.join('; ') : 'no failure printed'}`,
  });
}
