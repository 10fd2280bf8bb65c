// The monthly round end to end in the services: open, fill, submit, return, resubmit, approve, close, correct —
// with the pool's figures following, and every refusal a reporter meets for the right reason.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { getProjectHistory } from '../../src/services/get-project.ts';
import { poolSummary } from '../../src/services/pool-summary.ts';
import { decideCorrection, requestCorrection } from '../../src/services/round/corrections.ts';
import { addEvidence } from '../../src/services/round/evidence.ts';
import { getReport, listRoundReports, saveReport, submitReport } from '../../src/services/round/reports.ts';
import { approveReport, approveUnit, returnReport } from '../../src/services/round/review.ts';
import { closeRound, openDueRounds, openRound } from '../../src/services/round/rounds.ts';
import { getProject } from '../../src/services/get-project.ts';
import { addRoundProjects, COUNTY, seedCounty, type CountyFixture } from '../support/factories.ts';
import { refused } from '../support/refused.ts';
import { openTestDatabase, testDialect } from '../support/test-db.ts';

let h: DatabaseHandle;
let f: CountyFixture;
let heating: string;
let school: string;
let road: string;
const JUNE_1 = new Date('2021-06-01T01:00:00Z');
const JUNE_3 = new Date('2021-06-03T02:00:00Z');

beforeEach(async () => {
  h = await openTestDatabase();
  f = await seedCounty(h.db);
  ({ heating, school, road } = await addRoundProjects(h.db, f));
});
afterEach(async () => {
  await h.close();
});

const ytdMay = async () => (await poolSummary(h.db, { region: COUNTY, asOf: '2021-05' }, f.actors.dispatcher)).all.completedYtd;

async function reportOf(roundId: string, projectId: string) {
  const reports = await listRoundReports(h.db, roundId, f.actors.dispatcher);
  return reports.find((r) => r.projectId === projectId)!;
}

describe(`the monthly round (${testDialect()})`, () => {
  it('opens with one report per pool project, deadline from the settings (the 5th, 18:00 CST), and only once', async () => {
    const round = await openRound(h.db, { regionCode: COUNTY, month: '2021-05' }, f.actors.dispatcher, JUNE_1);
    expect(round.counts).toMatchObject({ due: 3, draft: 3 });
    expect(round.deadline).toBe('2021-06-05T10:00:00.000Z');
    expect(round.graceUntil).toBe('2021-06-07T10:00:00.000Z');
    const again = await refused(openRound(h.db, { regionCode: COUNTY, month: '2021-05' }, f.actors.dispatcher, JUNE_1));
    expect(again.code).toBe('conflict');
    expect((await refused(openRound(h.db, { regionCode: COUNTY, month: '2021-07' }, f.actors.dispatcher, JUNE_1))).message).toMatch(/尚未开始/);
    expect((await refused(openRound(h.db, { regionCode: COUNTY, month: '2021-04' }, f.actors.reporter, JUNE_1))).code).toBe('forbidden');
  });

  it('runs a round: fill, submit, return with a reason, fix, approve, close — the pool follows by exactly the reported amounts', async () => {
    const before = await ytdMay();
    const round = await openRound(h.db, { regionCode: COUNTY, month: '2021-05' }, f.actors.dispatcher, JUNE_1);
    const mine = await listRoundReports(h.db, round.id, f.actors.reporter);
    expect(mine.map((r) => r.projectName).sort()).toEqual(['古韩镇中学新校区', '古韩镇集中供热改造工程']);

    const h1 = mine.find((r) => r.projectId === heating)!;
    const s1 = mine.find((r) => r.projectId === school)!;
    const saved = await saveReport(h.db, h1.id, { completedMonth: 7_000_000, progress: '主管网铺设完成60%', problems: ['施工用电未接通'] }, f.actors.reporter, JUNE_3);
    expect(saved.figures).toEqual({ month: 7_000_000, ytd: 18_000_000, sinceStart: 18_000_000 });
    expect(saved.problems.map((p) => [p.description, p.unitId])).toEqual([['施工用电未接通', f.units.guhan]]);
    // A save or a submit answers with the page as written, not read back: it must be the page a read returns.
    expect(saved).toEqual(await getReport(h.db, h1.id, f.actors.reporter));
    expect(await submitReport(h.db, h1.id, {}, f.actors.reporter, JUNE_3)).toEqual(await getReport(h.db, h1.id, f.actors.reporter));
    // A unit that only knows the year-to-date figure enters that: 1-5月 5 000 000 → May = 5 000 000 − 2 000 000.
    const s1Saved = await submitReport(h.db, s1.id, { enteredAs: 'ytd', ytd: 5_000_000, progress: '主体封顶' }, f.actors.reporter, JUNE_3);
    expect(s1Saved.completedMonth).toBe(3_000_000);
    expect(s1Saved).toEqual(await getReport(h.db, s1.id, f.actors.reporter));

    // Submitted: no more edits by the reporter.
    expect((await refused(saveReport(h.db, h1.id, { completedMonth: 1 }, f.actors.reporter, JUNE_3))).message).toMatch(/已提交，等待审核/);

    const returned = await returnReport(h.db, h1.id, { reason: '5月完成投资与监理月报不符，请核实' }, f.actors.dispatcher, JUNE_3);
    expect(returned.status).toBe('returned');
    expect((await getReport(h.db, h1.id, f.actors.reporter)).returnReason).toBe('5月完成投资与监理月报不符，请核实');
    await submitReport(h.db, h1.id, { completedMonth: 6_500_000 }, f.actors.reporter, JUNE_3);

    await approveReport(h.db, h1.id, f.actors.dispatcher, JUNE_3);
    expect(await approveUnit(h.db, round.id, f.units.guhan, f.actors.dispatcher, JUNE_3)).toEqual({ approved: 1 });
    expect(await ytdMay()).toBe(before + 6_500_000 + 3_000_000);

    // Wangqiao never reported; the round still closes (its report stays missing), then nothing changes but by correction.
    const closed = await closeRound(h.db, round.id, f.actors.dispatcher, new Date('2021-06-08T02:00:00Z'));
    expect(closed.status).toBe('closed');
    const r3 = await reportOf(round.id, road);
    expect((await refused(saveReport(h.db, r3.id, { completedMonth: 1 }, f.actors.otherReporter))).message).toMatch(/已关闭/);
    expect((await refused(submitReport(h.db, r3.id, { completedMonth: 1 }, f.actors.otherReporter))).message).toMatch(/已关闭/);
    expect((await refused(saveReport(h.db, h1.id, { completedMonth: 1 }, f.actors.reporter))).message).toMatch(/已关闭/);

    // A correction: asked by the unit with its reason, the figure moves only once the dispatcher approves.
    const correction = await requestCorrection(h.db, h1.id, { completedMonth: 6_800_000, reason: '补录5月设备款' }, f.actors.reporter, new Date('2021-06-10T02:00:00Z'));
    expect(correction).toMatchObject({ oldValue: 6_500_000, newValue: 6_800_000, status: 'pending' });
    expect(await ytdMay()).toBe(before + 9_500_000);
    expect((await refused(decideCorrection(h.db, correction.id, { approve: true }, f.actors.reporter))).code).toBe('forbidden');
    await decideCorrection(h.db, correction.id, { approve: true }, f.actors.dispatcher, new Date('2021-06-11T02:00:00Z'));
    expect(await ytdMay()).toBe(before + 9_800_000);
    const history = await getProjectHistory(h.db, heating, f.actors.dispatcher);
    // Entries of one moment come in no particular order: compare them sorted.
    expect(history.filter((e) => e.field.startsWith('months.2021-05')).map((e) => [e.field, e.before, e.after, e.userName]).sort()).toEqual([
      ['months.2021-05.completed', null, '6500000', 't-dispatcher'],
      ['months.2021-05.completed', '6500000', '6800000', 't-dispatcher'],
      ['months.2021-05.completed.reason', null, '更正：补录5月设备款', 't-dispatcher'],
    ]);
  });

  it('approves a unit’s reports at once: each figure into its project with its history, one line of the trail each', async () => {
    const before = await ytdMay();
    const round = await openRound(h.db, { regionCode: COUNTY, month: '2021-05' }, f.actors.dispatcher, JUNE_1);
    const mine = await listRoundReports(h.db, round.id, f.actors.reporter);
    const h1 = mine.find((r) => r.projectId === heating)!;
    const s1 = mine.find((r) => r.projectId === school)!;
    await submitReport(h.db, h1.id, { completedMonth: 7_000_000 }, f.actors.reporter, JUNE_3);
    // The school's 1-5月 5 000 000 against 2 000 000 on record for January to April: May is 3 000 000.
    await submitReport(h.db, s1.id, { enteredAs: 'ytd', ytd: 5_000_000 }, f.actors.reporter, JUNE_3);

    expect(await approveUnit(h.db, round.id, f.units.guhan, f.actors.dispatcher, JUNE_3)).toEqual({ approved: 2 });
    expect(await ytdMay()).toBe(before + 7_000_000 + 3_000_000);
    expect((await listRoundReports(h.db, round.id, f.actors.reporter)).map((r) => [r.projectId, r.status]).sort()).toEqual([[heating, 'approved'], [school, 'approved']].sort());
    for (const [project, amount] of [[heating, 7_000_000], [school, 3_000_000]] as const) {
      const history = await getProjectHistory(h.db, project, f.actors.dispatcher);
      expect(history.filter((e) => e.field === 'months.2021-05.completed').map((e) => [e.before, e.after, e.userName])).toEqual([[null, String(amount), 't-dispatcher']]);
    }
    const trail = await h.db.selectFrom('audit_event').select('subject_id').where('action', '=', 'report.approve').execute();
    expect(trail.map((t) => t.subject_id).sort()).toEqual([h1.id, s1.id].sort());
    // Nothing left to approve: the unit is refused with the reason.
    expect((await refused(approveUnit(h.db, round.id, f.units.guhan, f.actors.dispatcher, JUNE_3))).message).toMatch(/没有待审核/);
  });

  it('applies the stage changes of an approved report to the project and its year', async () => {
    const round = await openRound(h.db, { regionCode: COUNTY, month: '2021-05' }, f.actors.dispatcher, JUNE_1);
    const r = await reportOf(round.id, road);
    await submitReport(h.db, r.id, { completedMonth: 1_000_000, stageEvents: [{ event: 'started', on: '2021-05-18' }] }, f.actors.otherReporter, JUNE_3);
    expect((await getProject(h.db, road, f.actors.dispatcher)).project.stage).toBe('preparing');
    await approveReport(h.db, r.id, f.actors.dispatcher, JUNE_3);
    const after = (await getProject(h.db, road, f.actors.dispatcher)).project;
    expect([after.stage, after.startedOn]).toEqual(['underway', '2021-05-18']);
    const summary = await poolSummary(h.db, { region: COUNTY, asOf: '2021-05' }, f.actors.dispatcher);
    expect(summary.newStart.started).toBe(2);
    // An event dated after the month is refused on its field.
    const round6 = await openRound(h.db, { regionCode: COUNTY, month: '2021-06' }, f.actors.dispatcher, new Date('2021-07-01T01:00:00Z'));
    const r6 = await reportOf(round6.id, heating);
    const e = await refused(saveReport(h.db, r6.id, { stageEvents: [{ event: 'completed', on: '2021-07-02' }] }, f.actors.reporter));
    expect(e.details.map((d) => d.field)).toEqual(['stageEvents.0.on']);
  });

  it('refuses a reporter the reports of another unit, on every action', async () => {
    const round = await openRound(h.db, { regionCode: COUNTY, month: '2021-05' }, f.actors.dispatcher, JUNE_1);
    const theirs = await reportOf(round.id, road);
    for (const work of [
      () => getReport(h.db, theirs.id, f.actors.reporter),
      () => saveReport(h.db, theirs.id, { completedMonth: 1 }, f.actors.reporter, JUNE_3),
      () => submitReport(h.db, theirs.id, { completedMonth: 1 }, f.actors.reporter, JUNE_3),
      () => approveReport(h.db, theirs.id, f.actors.reporter, JUNE_3),
      () => addEvidence(h.db, theirs.id, { name: 'a.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1]) }, f.actors.reporter),
    ]) {
      expect((await refused(work())).code).toBe('forbidden');
    }
    expect((await listRoundReports(h.db, round.id, f.actors.reporter)).map((r) => r.projectId)).not.toContain(road);
  });

  it('pre-fills a month from the month before, so a unit types only what changed', async () => {
    const may = await openRound(h.db, { regionCode: COUNTY, month: '2021-05' }, f.actors.dispatcher, JUNE_1);
    const r = await reportOf(may.id, heating);
    await submitReport(h.db, r.id, { completedMonth: 7_000_000, progress: '主管网铺设完成60%' }, f.actors.reporter, JUNE_3);
    const june = await openRound(h.db, { regionCode: COUNTY, month: '2021-06' }, f.actors.dispatcher, new Date('2021-07-01T01:00:00Z'));
    const next = await reportOf(june.id, heating);
    expect([next.completedMonth, next.progress, next.prefilled, next.status]).toEqual([7_000_000, '主管网铺设完成60%', true, 'draft']);
  });

  it('flags a report above its annual plan before approval', async () => {
    const round = await openRound(h.db, { regionCode: COUNTY, month: '2021-05' }, f.actors.dispatcher, JUNE_1);
    const r = await reportOf(round.id, school);
    await submitReport(h.db, r.id, { completedMonth: 29_000_000 }, f.actors.reporter, JUNE_3);
    const flagged = await reportOf(round.id, school);
    expect(flagged.flags.map((x) => x.code)).toContain('aboveAnnualPlan');
  });

  it('a reporter cannot submit a draft after the grace period; the dispatcher still can', async () => {
    const round = await openRound(h.db, { regionCode: COUNTY, month: '2021-05' }, f.actors.dispatcher, JUNE_1);
    const r = await reportOf(round.id, heating);
    const late = new Date('2021-06-08T02:00:00Z');
    expect((await refused(submitReport(h.db, r.id, { completedMonth: 1_000_000 }, f.actors.reporter, late))).message).toMatch(/宽限期/);
    expect((await submitReport(h.db, r.id, { completedMonth: 1_000_000 }, f.actors.dispatcher, late)).status).toBe('submitted');
  });

  it('will not close a round with reports waiting for review', async () => {
    const round = await openRound(h.db, { regionCode: COUNTY, month: '2021-05' }, f.actors.dispatcher, JUNE_1);
    await submitReport(h.db, (await reportOf(round.id, heating)).id, { completedMonth: 1_000_000 }, f.actors.reporter, JUNE_3);
    expect((await refused(closeRound(h.db, round.id, f.actors.dispatcher))).message).toMatch(/尚有1份月报已提交、待审核/);
  });

  it('opens the month just ended by itself when its day comes (00:00 CST on the 1st), once', async () => {
    // 23:00 CST on 31 May: the month just ended is April.
    expect((await openDueRounds(h.db, new Date('2021-05-31T15:00:00Z'))).map((r) => [r.regionCode, r.month])).toEqual([[COUNTY, '2021-04']]);
    // 00:00 CST on 1 June: May's round opens; 平顺县, with an empty pool, gets none.
    expect((await openDueRounds(h.db, new Date('2021-05-31T16:00:00Z'))).map((r) => [r.regionCode, r.month])).toEqual([[COUNTY, '2021-05']]);
    expect(await openDueRounds(h.db, new Date('2021-06-01T16:00:00Z'))).toEqual([]);
  });
});
