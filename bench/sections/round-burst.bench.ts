// The deadline rush of a monthly round: 500 units submit 50 000 reports into one round over HTTP at once, on the
// real server in its own process (its calendar running), a tenth of them sent twice as a phone on a bad network would;
// then the database is checked for every report submitted exactly once, with the amount sent.

import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { firstMonthOfYear, monthYear } from '../../src/domain/months.ts';
import { hashPassword } from '../../src/services/auth/password.ts';
import { initCounty } from '../../src/services/init-county.ts';
import { openRound } from '../../src/services/round/rounds.ts';
import { SYSTEM_ACTOR } from '../../src/domain/access.ts';
import { startServeProcess } from '../lib/serve-child.ts';
import { buildRushCounty, checkCalendar, n, rushMonth, seconds, settle, signInAll, signInOne, submitAll, verifyReports } from '../lib/rush.ts';
import type { BenchSection } from '../lib/section.ts';

/** 黎城县: outside the generated province (99…), and not the county the ledger-import section fills (140423). */
const COUNTY = '140426';
/** The issue's rush, and the smoke run's. */
const FULL = { units: 500, perUnit: 100 };
const QUICK = { units: 50, perUnit: 40 };

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
    const month = rushMonth(now);
    const password = randomBytes(12).toString('base64url');

    let started = performance.now();
    await initCounty(ctx.handle.db, { regionCode: COUNTY, adminUsername: 'bench-rush-admin' }, now);
    const county = await buildRushCounty(ctx.handle.db, COUNTY, size, month, hashPassword(password), now);
    const setupMs = performance.now() - started;
    const analyseMs = await settle(ctx);
    ctx.log(`  county ${COUNTY}: ${n(size.units)} units, ${n(county.projects)} projects, ${n(county.monthRows)} month rows, ${n(size.units + 1)} accounts in ${seconds(setupMs)}; statistics in ${seconds(analyseMs)}`);
    ctx.record({
      measurement: `rush setup: ${n(size.units)} units, ${n(county.projects)} projects of the ${monthYear(month)} pool, ${n(size.units)} reporters`,
      value: setupMs / 1000,
      unit: 's',
      note: `county ${COUNTY}; ${n(county.monthRows)} month rows (${firstMonthOfYear(monthYear(month))} to the month before ${month}); then ${ctx.database === 'postgres' ? 'analyze' : 'optimize'} ${seconds(analyseMs)}; not part of the rush`,
    });

    // The round opens as the calendar opens it, before the server starts (its calendar would otherwise open it with
    // the default deadline); the deadline is tomorrow, so the rush is on time.
    const deadline = new Date(Date.now() + 86_400_000).toISOString();
    started = performance.now();
    const round = await openRound(ctx.handle.db, { regionCode: COUNTY, month, deadline }, SYSTEM_ACTOR, now);
    const openMs = performance.now() - started;
    if (round.counts.due !== total) throw new Error(`the round opened with ${round.counts.due} reports, not ${total}`);
    ctx.record({ measurement: `open the round (openRound, as the calendar does): ${n(total)} reports`, value: openMs / 1000, unit: 's', note: `month ${month}, deadline ${deadline}` });
    ctx.log(`  round ${round.id} opened in ${seconds(openMs)}`);
    // The rush comes days after the round opened: its reports are in the statistics by then.
    await settle(ctx);

    const servedFrom = new Date().toISOString();
    const server = await startServeProcess(ctx.target);
    try {
      // The dispatcher signs in first: its session warms the burst's connections.
      const warmToken = await signInOne(server.base, county.dispatcher.username, password);
      const tokens = await signInAll(ctx, server, [...county.reporters.values()], password, warmToken, 'sign-ins', "each unit's reporter");
      const submitted = await submitAll(ctx, server, { db: ctx.handle.db, roundIds: [round.id], reporters: county.reporters, tokens, warmToken, name: 'rush', what: `${n(size.units)} units` });
      const v = await verifyReports(ctx.handle.db, [round.id], submitted.sent, county.reporters, 'submitted');
      ctx.record({
        measurement: `rush: answers, and the round in the database afterwards`,
        value: Number.NaN,
        unit: 's',
        targets: [
          { text: 'every answer 200', pass: submitted.errors === 0 },
          { text: 'each re-send answered with the first result', pass: submitted.replayed === submitted.resends },
          { text: '0 lost, 0 doubled', pass: v.lost === 0 && v.doubled === 0 && v.reports === total && v.inState === total },
        ],
        note: `answers: ${submitted.answers}, ${n(submitted.replayed)} of them the stored first result; ${n(v.inState)} of ${n(v.reports)} reports submitted, each once (first submission = last, by its unit's reporter), with the amount sent; Σ ${n(v.sumStored)} 元${v.found.length ? `; found: ${v.found.join(', ')}` : ''}`,
      });
      ctx.log(`  verified: ${n(v.inState)} of ${n(v.reports)} submitted; lost ${v.lost}, doubled ${v.doubled}${v.found.length ? ` (${v.found.join(', ')})` : ''}`);
      await checkCalendar(ctx, ctx.handle.db, server, [round.id], [COUNTY], servedFrom, 'rush');
    } finally {
      await server.stop();
    }
  },
};
