// A round on today's calendar, in the services on both databases: the deadline of a month opened late, extending it,
// reopening a closed round for one unit, drafts saved after the deadline, the county's current month and the completeness
// of figures from an open round, settings per county (another county's dispatcher refused), and a reporter's own work.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { SYSTEM_ACTOR } from '../../src/domain/access.ts';
import { listUnits } from '../../src/db/repositories/region.repository.ts';
import { countyContext } from '../../src/services/county-context.ts';
import { createProject } from '../../src/services/create-project.ts';
import { getCurrentMonth, pinCurrentMonth } from '../../src/services/current-month.ts';
import { listProjects } from '../../src/services/list-projects.ts';
import { poolSummary } from '../../src/services/pool-summary.ts';
import { listNotices } from '../../src/services/round/notices.ts';
import { extendDeadline, relockUnit, reopenForUnit } from '../../src/services/round/deadlines.ts';
import { getReporterWork } from '../../src/services/round/reporter-work.ts';
import { getReport, listRoundReports, saveReport, submitReport } from '../../src/services/round/reports.ts';
import { approveReport, returnReport } from '../../src/services/round/review.ts';
import { closeRound, getRound, getRoundSettings, openDueRounds, openRound, updateRoundSettings } from '../../src/services/round/rounds.ts';
import { getRoundScoreboard } from '../../src/services/round/scoreboard.ts';
import { getCutOffs, setCutOffs } from '../../src/services/stats-entry.ts';
import { addRoundProjects, COUNTY, seedCounty, type CountyFixture } from '../support/factories.ts';
import { refused } from '../support/refused.ts';
import { openTestDatabase, testDialect } from '../support/test-db.ts';

let h: DatabaseHandle;
let f: CountyFixture;
let heating: string;
let school: string;
let road: string;
const PINGSHUN = '140425';
/** A moment on a day in 襄垣: 10:00 CST is 02:00 UTC. */
const cst = (day: string, hour = 10) => new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), hour - 8));

beforeEach(async () => {
  h = await openTestDatabase();
  f = await seedCounty(h.db);
  ({ heating, school, road } = await addRoundProjects(h.db, f));
});
afterEach(async () => {
  await h.close();
});

async function reportOf(roundId: string, projectId: string) {
  return (await listRoundReports(h.db, roundId, f.actors.dispatcher)).find((r) => r.projectId === projectId)!;
}

describe(`a round’s deadline on today’s calendar (${testDialect()})`, () => {
  it('keeps the calendar for a month opened in time, and counts from the opening day for a past month, saying so', async () => {
    const may = await openRound(h.db, { regionCode: COUNTY, month: '2021-05' }, f.actors.dispatcher, cst('2021-06-01'));
    expect([may.deadline, may.graceUntil, may.deadlineBasis]).toEqual(['2021-06-05T10:00:00.000Z', '2021-06-07T10:00:00.000Z', 'calendar']);
    expect(may.deadlineNote).toBe('截止时间按月报日历：2021年6月5日18:00，宽限至2021年6月7日18:00。');

    // April, opened on 10 June: its own deadline (5 May) is long gone; units get the calendar's 4 days from the 10th.
    const april = await openRound(h.db, { regionCode: COUNTY, month: '2021-04' }, f.actors.dispatcher, cst('2021-06-10'));
    expect([april.deadline, april.graceUntil, april.deadlineBasis]).toEqual(['2021-06-14T10:00:00.000Z', '2021-06-16T10:00:00.000Z', 'opening']);
    expect(april.deadlineNote).toBe('2021年4月的日历截止时间（2021年5月5日18:00）在开启时已过，截止时间按开启之日起算4天：2021年6月14日18:00，宽限至2021年6月16日18:00。');
    expect((await getRound(h.db, april.id, f.actors.reporter)).deadlineBasis).toBe('opening');

    // A reporter submits the past month on the opening day itself, on time.
    const r = await reportOf(april.id, heating);
    expect((await submitReport(h.db, r.id, { completedMonth: 6_000_000 }, f.actors.reporter, cst('2021-06-10', 15))).status).toBe('submitted');
    const board = await getRoundScoreboard(h.db, april.id, f.actors.dispatcher, cst('2021-06-15'));
    expect(board.rows.find((x) => x.unitId === f.units.guhan)).toMatchObject({ onTime: 1, late: 0, missing: 1 });

    // A deadline the dispatcher gives is taken as given.
    const march = await openRound(h.db, { regionCode: COUNTY, month: '2021-03', deadline: '2021-06-20T12:00:00+08:00' }, f.actors.dispatcher, cst('2021-06-10'));
    expect([march.deadline, march.deadlineBasis]).toEqual(['2021-06-20T04:00:00.000Z', 'given']);
  });

  it('extends an open round’s deadline, later only, keeping the grace period’s length and telling every unit', async () => {
    const round = await openRound(h.db, { regionCode: COUNTY, month: '2021-05' }, f.actors.dispatcher, cst('2021-06-01'));
    expect((await refused(extendDeadline(h.db, round.id, { deadline: '2021-06-08T18:00:00+08:00' }, f.actors.reporter))).code).toBe('forbidden');
    expect((await refused(extendDeadline(h.db, round.id, { deadline: '2021-06-08T18:00:00+08:00' }, f.actors.otherCounty))).code).toBe('forbidden');
    const earlier = await refused(extendDeadline(h.db, round.id, { deadline: '2021-06-04T18:00:00+08:00' }, f.actors.dispatcher));
    expect([earlier.code, earlier.message]).toEqual(['conflict', '新的截止时间应晚于现在的截止时间（2021年6月5日18:00）']);

    const extended = await extendDeadline(h.db, round.id, { deadline: '2021-06-08T18:00:00+08:00' }, f.actors.dispatcher, cst('2021-06-04'));
    expect([extended.deadline, extended.graceUntil, extended.deadlineBasis]).toEqual(['2021-06-08T10:00:00.000Z', '2021-06-10T10:00:00.000Z', 'extended']);
    expect((await listNotices(h.db, f.actors.otherReporter)).map((n) => n.text)).toContain('2021年5月月报截止时间延长至2021年6月8日18:00，宽限至2021年6月10日18:00。');

    // Submitted on the 7th: late by the old deadline, on time by the new one. On the 9th: after the old grace, taken.
    await submitReport(h.db, (await reportOf(round.id, heating)).id, { completedMonth: 1_000_000 }, f.actors.reporter, cst('2021-06-07'));
    await submitReport(h.db, (await reportOf(round.id, road)).id, { completedMonth: 500_000 }, f.actors.otherReporter, cst('2021-06-09'));
    const board = await getRoundScoreboard(h.db, round.id, f.actors.dispatcher, cst('2021-06-11'));
    expect(board.rows.find((x) => x.unitId === f.units.guhan)).toMatchObject({ onTime: 1, missing: 1 });
    expect(board.rows.find((x) => x.unitId === f.units.wangqiao)).toMatchObject({ onTime: 0, late: 1 });

    await approveReport(h.db, (await reportOf(round.id, heating)).id, f.actors.dispatcher, cst('2021-06-11'));
    await approveReport(h.db, (await reportOf(round.id, road)).id, f.actors.dispatcher, cst('2021-06-11'));
    await closeRound(h.db, round.id, f.actors.dispatcher, cst('2021-06-11'));
    const closed = await refused(extendDeadline(h.db, round.id, { deadline: '2021-06-20T18:00:00+08:00' }, f.actors.dispatcher));
    expect(closed.message).toMatch(/已关闭.*重新开放/);
  });

  it('never blocks saving a draft for a deadline; only the reporter’s submission is refused after the grace period', async () => {
    const round = await openRound(h.db, { regionCode: COUNTY, month: '2021-05' }, f.actors.dispatcher, cst('2021-06-01'));
    const r = await reportOf(round.id, school);
    const saved = await saveReport(h.db, r.id, { completedMonth: 3_000_000, progress: '主体封顶' }, f.actors.reporter, cst('2021-06-20'));
    expect([saved.status, saved.completedMonth, saved.canFill]).toEqual(['draft', 3_000_000, true]);
    expect((await refused(submitReport(h.db, r.id, {}, f.actors.reporter, cst('2021-06-20')))).message).toBe('已过宽限期（6月7日18:00），请联系调度员');
    // Saved again later still, by the reporter: the form is never locked by the clock.
    expect((await saveReport(h.db, r.id, { progress: '主体封顶，开始砌筑' }, f.actors.reporter, cst('2021-06-25'))).progress).toBe('主体封顶，开始砌筑');
  });

  it('reopens a closed round for one unit: its drafts can be submitted and approved, the others stay locked, approved figures change only by correction', async () => {
    const round = await openRound(h.db, { regionCode: COUNTY, month: '2021-05' }, f.actors.dispatcher, cst('2021-06-01'));
    const h1 = await reportOf(round.id, heating);
    await submitReport(h.db, h1.id, { completedMonth: 7_000_000 }, f.actors.reporter, cst('2021-06-03'));
    await approveReport(h.db, h1.id, f.actors.dispatcher, cst('2021-06-04'));
    expect((await refused(reopenForUnit(h.db, round.id, f.units.guhan, { reason: '补报' }, f.actors.dispatcher, cst('2021-06-04')))).message).toMatch(/仍在填报中/);
    await closeRound(h.db, round.id, f.actors.dispatcher, cst('2021-06-08'));
    const s1 = await reportOf(round.id, school);
    const r3 = await reportOf(round.id, road);
    expect((await refused(saveReport(h.db, s1.id, { completedMonth: 1 }, f.actors.reporter))).message).toBe('本月月报已关闭，不能再修改');

    expect((await refused(reopenForUnit(h.db, round.id, f.units.guhan, { reason: '补报' }, f.actors.reporter, cst('2021-06-10')))).code).toBe('forbidden');
    expect((await refused(reopenForUnit(h.db, round.id, f.units.guhan, { reason: '补报' }, f.actors.otherCounty, cst('2021-06-10')))).code).toBe('forbidden');
    expect((await refused(reopenForUnit(h.db, round.id, f.units.guhan, { reason: ' ' }, f.actors.dispatcher, cst('2021-06-10')))).details[0]).toEqual({ field: 'reason', message: '原因：请说明重新开放的原因' });
    const pingshunUnit = (await listUnits(h.db, PINGSHUN))[0]!.id;
    expect((await refused(reopenForUnit(h.db, round.id, pingshunUnit, { reason: '补报' }, f.actors.dispatcher, cst('2021-06-10')))).details[0]!.field).toBe('unitId');

    const reopened = await reopenForUnit(h.db, round.id, f.units.guhan, { reason: '古韩镇系统故障未能按时填报' }, f.actors.dispatcher, cst('2021-06-10'));
    expect(reopened.status).toBe('closed');
    expect(reopened.reopenings.map((r) => [r.unitName, r.reason, r.deadline, r.graceUntil])).toEqual([
      ['古韩镇人民政府', '古韩镇系统故障未能按时填报', '2021-06-14T10:00:00.000Z', '2021-06-16T10:00:00.000Z'],
    ]);
    expect((await refused(reopenForUnit(h.db, round.id, f.units.guhan, { reason: '再次' }, f.actors.dispatcher, cst('2021-06-10')))).message).toBe('本月月报已为该单位重新开放');
    expect((await listNotices(h.db, f.actors.reporter)).map((n) => n.text)).toContain('2021年5月月报已为古韩镇人民政府重新开放（古韩镇系统故障未能按时填报），尚有1个项目待填报，请于2021年6月14日18:00前提交。');

    // 古韩镇's draft opens again under the reopening's deadline; its approved report and 王桥镇's stay locked.
    const page = await getReport(h.db, s1.id, f.actors.reporter);
    expect([page.roundStatus, page.deadline, page.canFill]).toEqual(['open', '2021-06-14T10:00:00.000Z', true]);
    await saveReport(h.db, s1.id, { completedMonth: 3_000_000 }, f.actors.reporter, cst('2021-06-11'));
    expect((await submitReport(h.db, s1.id, {}, f.actors.reporter, cst('2021-06-11'))).status).toBe('submitted');
    expect((await refused(saveReport(h.db, h1.id, { completedMonth: 1 }, f.actors.reporter, cst('2021-06-11')))).message).toBe('已审核通过，如需修改请提交更正');
    expect((await refused(saveReport(h.db, r3.id, { completedMonth: 1 }, f.actors.otherReporter, cst('2021-06-11')))).message).toBe('本月月报已关闭，不能再修改');

    // Its figures are incomplete while it is reopened: the completeness says so, and the current month stays May.
    const asOfMay = await poolSummary(h.db, { region: COUNTY, asOf: '2021-05' }, f.actors.dispatcher);
    expect(asOfMay.completeness.map((c) => c.label)).toEqual(['5月已审核 1/3']);

    expect((await refused(relockUnit(h.db, round.id, f.units.guhan, f.actors.dispatcher, cst('2021-06-12')))).message).toBe('该单位尚有1份月报已提交、待审核，请审核后再锁定');
    const ytdBefore = asOfMay.all.completedYtd;
    await approveReport(h.db, s1.id, f.actors.dispatcher, cst('2021-06-12'));
    expect((await poolSummary(h.db, { region: COUNTY, asOf: '2021-05' }, f.actors.dispatcher)).all.completedYtd).toBe(ytdBefore + 3_000_000);
    const relocked = await relockUnit(h.db, round.id, f.units.guhan, f.actors.dispatcher, cst('2021-06-12'));
    expect(relocked.reopenings).toEqual([]);
    expect((await refused(saveReport(h.db, s1.id, { completedMonth: 1 }, f.actors.reporter))).message).toBe('本月月报已关闭，不能再修改');
    expect((await poolSummary(h.db, { region: COUNTY, asOf: '2021-05' }, f.actors.dispatcher)).completeness).toEqual([]);
    // Reopened again later, it takes a fresh deadline from that day.
    const again = await reopenForUnit(h.db, round.id, f.units.wangqiao, { reason: '补报' }, f.actors.dispatcher, cst('2021-06-20'));
    expect(again.reopenings.map((r) => [r.unitName, r.deadline])).toEqual([['王桥镇人民政府', '2021-06-24T10:00:00.000Z']]);
  });
});

describe(`the county’s current month and the completeness of figures from an open round (${testDialect()})`, () => {
  it('is the latest settled month before any round closes, then the last closed round, never an open round’s month', async () => {
    expect(await getCurrentMonth(h.db, COUNTY, f.actors.viewer)).toMatchObject({ month: '2021-04', source: 'figures', openRounds: [] });

    const may = await openRound(h.db, { regionCode: COUNTY, month: '2021-05' }, f.actors.dispatcher, cst('2021-06-01'));
    const h1 = await reportOf(may.id, heating);
    await submitReport(h.db, h1.id, { completedMonth: 7_000_000 }, f.actors.reporter, cst('2021-06-03'));
    await approveReport(h.db, h1.id, f.actors.dispatcher, cst('2021-06-03'));
    // One approved report puts a May figure on record; May's round is still open, so the county stays on April.
    const during = await getCurrentMonth(h.db, COUNTY, f.actors.viewer);
    expect(during).toMatchObject({ month: '2021-04', source: 'figures', lastClosedMonth: null });
    expect(during.openRounds).toEqual([{ roundId: may.id, regionCode: COUNTY, month: '2021-05', approved: 1, due: 3, label: '5月已审核 1/3' }]);
    // A reporter's completeness is its own unit's.
    expect((await getCurrentMonth(h.db, COUNTY, f.actors.reporter)).openRounds.map((c) => c.label)).toEqual(['5月已审核 1/2']);
    expect((await countyContext(h.db, COUNTY, f.actors.viewer)).currentMonth.month).toBe('2021-04');

    // Figures drawn from May carry its completeness, in the pool and in the ledger; April's do not.
    const pool = await poolSummary(h.db, { region: COUNTY, asOf: '2021-05' }, f.actors.leader);
    expect(pool.completeness.map((c) => c.label)).toEqual(['5月已审核 1/3']);
    expect((await poolSummary(h.db, { region: COUNTY, asOf: '2021-04' }, f.actors.leader)).completeness).toEqual([]);
    expect((await poolSummary(h.db, { region: '140423101', asOf: '2021-05' }, f.actors.leader)).completeness.map((c) => c.label)).toEqual(['5月已审核 0/1']);
    expect((await listProjects(h.db, { region: COUNTY, asOf: '2021-06' }, f.actors.dispatcher)).completeness.map((c) => c.label)).toEqual(['5月已审核 1/3']);

    await closeRound(h.db, may.id, f.actors.dispatcher, cst('2021-06-08'));
    expect(await getCurrentMonth(h.db, COUNTY, f.actors.viewer)).toMatchObject({ month: '2021-05', source: 'closedRound', lastClosedMonth: '2021-05', openRounds: [] });
    const june = await openRound(h.db, { regionCode: COUNTY, month: '2021-06' }, f.actors.dispatcher, cst('2021-07-01'));
    const j1 = await reportOf(june.id, heating);
    await submitReport(h.db, j1.id, { completedMonth: 2_000_000 }, f.actors.reporter, cst('2021-07-02'));
    await approveReport(h.db, j1.id, f.actors.dispatcher, cst('2021-07-02'));
    const withJune = await getCurrentMonth(h.db, COUNTY, f.actors.viewer);
    expect([withJune.month, withJune.source, withJune.openRounds.map((c) => c.label)]).toEqual(['2021-05', 'closedRound', ['6月已审核 1/3']]);
  });

  it('follows the month the county’s dispatcher pins, until unpinned; another county’s dispatcher and a future month are refused', async () => {
    const pinned = await pinCurrentMonth(h.db, { region: COUNTY, month: '2021-03' }, f.actors.dispatcher, cst('2021-06-01'));
    expect([pinned.month, pinned.source, pinned.pinned]).toEqual(['2021-03', 'pinned', '2021-03']);
    expect((await refused(pinCurrentMonth(h.db, { region: COUNTY, month: '2021-05' }, f.actors.otherCounty, cst('2021-06-01')))).code).toBe('forbidden');
    expect((await refused(pinCurrentMonth(h.db, { region: COUNTY, month: '2021-05' }, f.actors.reporter, cst('2021-06-01')))).code).toBe('forbidden');
    expect((await refused(pinCurrentMonth(h.db, { region: COUNTY, month: '2021-07' }, f.actors.dispatcher, cst('2021-06-01')))).details[0]).toEqual({ field: 'month', message: '当前月份：该月尚未开始' });
    // 平顺县 is not touched by 襄垣县's pin.
    expect((await getCurrentMonth(h.db, PINGSHUN, f.actors.otherCounty)).source).toBe('none');
    expect((await pinCurrentMonth(h.db, { region: COUNTY, month: null }, f.actors.dispatcher, cst('2021-06-01'))).source).toBe('figures');
  });
});

describe(`settings per county (${testDialect()})`, () => {
  it('keeps each county’s round calendar and cut-offs its own, and refuses another county’s dispatcher', async () => {
    const changed = await updateRoundSettings(h.db, { region: COUNTY, deadlineDay: 8, graceDays: 1 }, f.actors.dispatcher);
    expect(changed).toMatchObject({ region: COUNTY, openDay: 1, deadlineDay: 8, graceDays: 1 });
    expect(await getRoundSettings(h.db, PINGSHUN, f.actors.otherCounty)).toMatchObject({ deadlineDay: 5, graceDays: 2 });

    // 平顺县's dispatcher may change 平顺县's calendar, not 襄垣县's: refused, and nothing changed.
    const cross = await refused(updateRoundSettings(h.db, { region: COUNTY, deadlineDay: 20 }, f.actors.otherCounty));
    expect([cross.code, cross.message]).toEqual(['forbidden', '只有襄垣县的管理员或调度员可以修改襄垣县的设置']);
    expect((await refused(updateRoundSettings(h.db, { region: COUNTY, deadlineDay: 20 }, f.actors.reporter))).code).toBe('forbidden');
    expect((await getRoundSettings(h.db, COUNTY, f.actors.viewer)).deadlineDay).toBe(8);
    expect((await refused(getRoundSettings(h.db, COUNTY, f.actors.otherCounty))).code).toBe('forbidden');
    await updateRoundSettings(h.db, { region: PINGSHUN, openDay: 3, deadlineDay: 10 }, f.actors.otherCounty);
    expect(await getRoundSettings(h.db, COUNTY, f.actors.viewer)).toMatchObject({ openDay: 1, deadlineDay: 8 });

    // The same one helper keeps the 入库 cut-offs per county.
    const crossCutOffs = await refused(setCutOffs(h.db, { region: COUNTY, materialsDay: 8, verificationDay: 20 }, f.actors.otherCounty, cst('2021-06-01')));
    expect(crossCutOffs.code).toBe('forbidden');
    await setCutOffs(h.db, { region: PINGSHUN, materialsDay: 8, verificationDay: 20 }, f.actors.otherCounty, cst('2021-06-01'));
    expect(await getCutOffs(h.db, { region: COUNTY }, f.actors.viewer, cst('2021-06-01'))).toMatchObject({ materialsDay: 10, verificationDay: 25 });
    expect(await getCutOffs(h.db, { region: PINGSHUN }, f.actors.otherCounty, cst('2021-06-01'))).toMatchObject({ materialsDay: 8, verificationDay: 20 });

    // Each county's rounds follow its own calendar: 襄垣县's May round is due on the 8th, and 平顺县 opens on the 3rd.
    const may = await openRound(h.db, { regionCode: COUNTY, month: '2021-05' }, f.actors.dispatcher, cst('2021-06-01'));
    expect([may.deadline, may.graceUntil]).toEqual(['2021-06-08T10:00:00.000Z', '2021-06-09T10:00:00.000Z']);
    const unit = (await listUnits(h.db, PINGSHUN))[0]!;
    await createProject(h.db, { regionCode: PINGSHUN, name: '平顺县旅游公路', unitId: unit.id, stage: 'underway', totalInvestment: 50_000_000, years: [{ year: 2021, phase: 'newStart', annualPlan: 10_000_000 }] }, SYSTEM_ACTOR);
    expect(await openDueRounds(h.db, new Date('2021-05-31T16:00:00Z'))).toEqual([]);
    expect((await openDueRounds(h.db, new Date('2021-06-02T16:00:00Z'))).map((r) => [r.regionCode, r.month, r.deadline])).toEqual([[PINGSHUN, '2021-05', '2021-06-10T10:00:00.000Z']]);
  });
});

describe(`a reporter’s own work (${testDialect()})`, () => {
  it('shows its unit’s due, late and returned reports with its reminders, and is refused to everyone else', async () => {
    const before = await getReporterWork(h.db, f.actors.reporter, cst('2021-05-20'));
    expect([before.unitName, before.rounds, before.nextOpensAt]).toEqual(['古韩镇人民政府', [], '2021-05-31T16:00:00.000Z']);
    expect(before.projects.map((p) => [p.projectName, p.status])).toEqual([['古韩镇中学新校区', null], ['古韩镇集中供热改造工程', null]]);

    const round = await openRound(h.db, { regionCode: COUNTY, month: '2021-05' }, f.actors.dispatcher, cst('2021-06-01'));
    const h1 = await reportOf(round.id, heating);
    await submitReport(h.db, h1.id, { completedMonth: 7_000_000 }, f.actors.reporter, cst('2021-06-03'));
    await returnReport(h.db, h1.id, { reason: '请附现场照片' }, f.actors.dispatcher, cst('2021-06-04'));

    const work = await getReporterWork(h.db, f.actors.reporter, cst('2021-06-06'));
    expect(work.rounds).toEqual([
      { roundId: round.id, month: '2021-05', status: 'open', reopened: false, deadline: '2021-06-05T10:00:00.000Z', graceUntil: '2021-06-07T10:00:00.000Z', counts: { due: 2, draft: 1, submitted: 0, approved: 0, returned: 1, late: 1 } },
    ]);
    expect(work.projects.map((p) => [p.projectName, p.status, p.late, p.returnReason])).toEqual([
      ['古韩镇中学新校区', 'draft', true, null],
      ['古韩镇集中供热改造工程', 'returned', false, '请附现场照片'],
    ]);
    expect(work.notices.map((n) => n.text)).toContain('2021年5月月报已开启，共3个项目，请于2021年6月5日18:00前提交。');
    expect(JSON.stringify(work)).not.toContain('王桥镇农村公路提质改造');

    for (const actor of [f.actors.dispatcher, f.actors.leader, f.actors.viewer]) {
      expect((await refused(getReporterWork(h.db, actor, cst('2021-06-06')))).code).toBe('forbidden');
    }
    // The county's totals stay out of a reporter's reach: the pool answers with its unit's figures only.
    expect((await poolSummary(h.db, { region: COUNTY, asOf: '2021-04' }, f.actors.reporter)).all).toMatchObject({ count: 2, completedYtd: 13_000_000 });
  });
});
