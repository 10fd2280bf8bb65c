// The audit trail: each class of change that matters leaves exactly its row, with who, before and after; the database
// refuses to edit a row or to remove a young one; only administrators read it, each within their region; the export
// holds the rows.
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, type Actor } from '../../src/domain/access.ts';
import type { AuditAction } from '../../src/domain/audit/audit-actions.ts';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { insertAuditEvents, pruneOlderThan, type AuditEvent } from '../../src/db/repositories/audit.repository.ts';
import { findUserByUsername } from '../../src/db/repositories/user.repository.ts';
import { newId } from '../../src/db/transaction.ts';
import { exportAudit, listAudit } from '../../src/services/audit/audit-trail.ts';
import { changeOwnPassword } from '../../src/services/auth/change-password.ts';
import { actorOf } from '../../src/services/auth/sessions.ts';
import { signIn } from '../../src/services/auth/sign-in.ts';
import { deleteIndicatorTarget, saveIndicatorTargets } from '../../src/services/indicator/indicator-targets.ts';
import { deleteIndicatorValue, saveIndicatorValues } from '../../src/services/indicator/indicator-values.ts';
import { addUser, resetPassword, updateAccount } from '../../src/services/manage-users.ts';
import { decideCorrection, requestCorrection } from '../../src/services/round/corrections.ts';
import { listRoundReports, submitReport } from '../../src/services/round/reports.ts';
import { approveUnit, returnReport } from '../../src/services/round/review.ts';
import { closeRound, openDueRounds, openRound, updateRoundSettings } from '../../src/services/round/rounds.ts';
import { setUnitRobot } from '../../src/services/units.ts';
import { addRoundProjects, COUNTY, PASSWORD, seedCounty, type CountyFixture } from '../support/factories.ts';
import { refused } from '../support/refused.ts';
import { openTestDatabase, testDialect } from '../support/test-db.ts';

let h: DatabaseHandle;
let f: CountyFixture;
const NOW = new Date('2021-07-05T08:00:00Z');
const DAY_MS = 86_400_000;
// Rows of one instant come in no particular order: each change here is a minute after the one before.
let minutes = 0;
const tick = () => new Date(NOW.getTime() + ++minutes * 60_000);

beforeEach(async () => {
  h = await openTestDatabase();
  f = await seedCounty(h.db);
});
afterEach(async () => {
  await h.close();
});

/** The rows of one action, oldest first, as the system reads them (every region). */
async function events(action: AuditAction) {
  const page = await listAudit(h.db, { action, pageSize: 200 }, SYSTEM_ACTOR);
  return page.events.reverse();
}
const brief = (e: { actorName: string | null; before: unknown; after: unknown }) => ({ actor: e.actorName, before: e.before, after: e.after });

function row(at: Date, action: AuditAction = 'setting.change'): AuditEvent {
  return { id: newId(), regionCode: COUNTY, at: at.toISOString(), actorId: null, actorName: null, actorRole: null, address: null, action, subjectKind: 'setting', subjectId: COUNTY, before: null, after: { x: 1 } };
}

describe(`the audit trail (${testDialect()})`, () => {
  it('records an indicator target changed from X to Y and removed, and a value set and removed; an unchanged save leaves no row', async () => {
    const target = (value: number) => saveIndicatorTargets(h.db, { targets: [{ indicator: 'gdp', region: COUNTY, year: 2021, kind: 'growth', value }] }, f.actors.dispatcher, tick());
    await target(0.08);
    await target(0.085);
    await target(0.085);
    await deleteIndicatorTarget(h.db, { indicator: 'gdp', region: COUNTY, year: 2021 }, f.actors.dispatcher, NOW);
    expect((await events('indicator.target.set')).map(brief)).toEqual([
      { actor: 't-dispatcher', before: null, after: { kind: 'growth', value: 0.08, upper: null, qualifier: null } },
      { actor: 't-dispatcher', before: { value: 0.08 }, after: { value: 0.085 } },
    ]);
    expect((await events('indicator.target.delete')).map(brief)).toEqual([{ actor: 't-dispatcher', before: { kind: 'growth', value: 0.085, upper: null, qualifier: null }, after: null }]);

    await saveIndicatorValues(h.db, { values: [{ indicator: 'gdp', region: COUNTY, month: '2021-06', value: 11_800_000_000, officialYoy: 0.121 }] }, f.actors.dispatcher, NOW);
    await deleteIndicatorValue(h.db, { indicator: 'gdp', region: COUNTY, month: '2021-06' }, f.actors.admin, NOW);
    const [set] = await events('indicator.value.set');
    expect(set).toMatchObject({ regionCode: COUNTY, subjectKind: 'indicatorValue', subjectId: `gdp:${COUNTY}:2021-06`, before: null, after: { value: 11_800_000_000, officialYoy: 0.121 } });
    expect((await events('indicator.value.delete')).map(brief)).toEqual([{ actor: 't-admin', before: { value: 11_800_000_000, officialYoy: 0.121 }, after: null }]);
  });

  it('records a setting by the fields that changed, and a robot without its secret', async () => {
    await updateRoundSettings(h.db, { region: COUNTY, deadlineDay: 8 }, f.actors.dispatcher, tick());
    await updateRoundSettings(h.db, { region: COUNTY, deadlineDay: 9 }, f.actors.dispatcher, tick());
    expect((await events('setting.change')).at(-1)).toMatchObject({ before: { 'round.deadlineDay': '8' }, after: { 'round.deadlineDay': '9' } });

    const url = 'https://oapi.dingtalk.com/robot/send?access_token=gh';
    await setUnitRobot(h.db, f.units.guhan, { kind: 'dingtalk', url, secret: 'SEC-very-secret' }, f.actors.dispatcher, tick());
    await setUnitRobot(h.db, f.units.guhan, { kind: 'dingtalk', url }, f.actors.dispatcher, tick());
    await setUnitRobot(h.db, f.units.guhan, { kind: 'dingtalk', url, secret: 'SEC-other-secret' }, f.actors.dispatcher, tick());
    expect((await events('webhook.change')).map((e) => [e.subjectId, e.before, e.after])).toEqual([
      [f.units.guhan, { kind: null, url: null }, { kind: 'dingtalk', url, secret: '已更改' }],
      [f.units.guhan, {}, { secret: '已更改' }],
    ]);
    const stored = await h.db.selectFrom('audit_event').select(['before_json', 'after_json']).execute();
    expect(JSON.stringify(stored)).not.toMatch(/SEC-/);
  });

  it('records accounts created, changed, disabled, and passwords reset and changed, never a password or its hash', async () => {
    const { account } = await addUser(h.db, { username: 'clerk', displayName: '李会计', password: 'Init-pass-123', role: 'viewer', regionCode: COUNTY }, f.actors.admin, tick());
    await updateAccount(h.db, account.id, { displayName: '李明' }, f.actors.admin, tick());
    await updateAccount(h.db, account.id, { disabled: true }, f.actors.admin, tick());
    await resetPassword(h.db, account.id, { password: 'Reset-pass-456' }, f.actors.admin, tick());
    await changeOwnPassword(h.db, account.id, { currentPassword: 'Reset-pass-456', newPassword: 'Own-pass-789x' }, null, tick());
    const page = await listAudit(h.db, { subjectId: account.id }, f.actors.admin);
    expect(page.events.reverse().map((e) => [e.action, e.actorName, e.before, e.after])).toEqual([
      ['account.create', 't-admin', null, { username: 'clerk', displayName: '李会计', role: 'viewer', regionCode: COUNTY, unitId: null, leaderId: null, disabled: false }],
      ['account.update', 't-admin', { displayName: '李会计' }, { displayName: '李明' }],
      ['account.disable', 't-admin', { disabled: false }, { disabled: true }],
      ['account.password', 't-admin', {}, { password: '已更改' }],
      ['account.password', '李明', {}, { password: '已更改' }],
    ]);
    const hash = (await findUserByUsername(h.db, 'clerk'))!.passwordHash;
    const stored = JSON.stringify(await h.db.selectFrom('audit_event').selectAll().execute());
    expect(stored).not.toContain(hash);
    expect(stored).not.toMatch(/pass-\d/);
  });

  it('records sign-ins, ok with the account and failed with the address', async () => {
    await signIn(h.db, { username: 't-viewer', password: PASSWORD }, { address: '10.0.0.7', now: tick() });
    await refused(signIn(h.db, { username: 't-viewer', password: 'wrong-one' }, { address: '10.0.0.8', now: tick() }));
    await refused(signIn(h.db, { username: 'nobody', password: 'wrong-one' }, { address: '10.0.0.9', now: tick() }));
    expect((await events('sign_in.ok')).map((e) => [e.actorName, e.actorRole, e.address, e.regionCode])).toEqual([['t-viewer', 'viewer', '10.0.0.7', COUNTY]]);
    expect((await events('sign_in.fail')).map((e) => [e.actorName, e.address, e.regionCode, e.after])).toEqual([
      [null, '10.0.0.8', COUNTY, { username: 't-viewer', outcome: 'wrong_password' }],
      [null, '10.0.0.9', null, { username: 'nobody', outcome: 'unknown_user' }],
    ]);
  });

  it('records rounds opened by the calendar (系统) and by hand, closed, each report approved or returned, and corrections decided', async () => {
    await addRoundProjects(h.db, f);
    const [april] = await openDueRounds(h.db, new Date('2021-05-31T15:00:00Z'));
    const may = await openRound(h.db, { regionCode: COUNTY, month: '2021-05' }, f.actors.dispatcher, new Date('2021-06-01T01:00:00Z'));
    expect((await events('round.open')).map((e) => [e.subjectId, e.actorId, e.actorName, e.after?.month])).toEqual([
      [april!.id, null, null, '2021-04'],
      [may.id, f.users.dispatcher.id, 't-dispatcher', '2021-05'],
    ]);
    const when = new Date('2021-06-03T02:00:00Z');
    const mine = await listRoundReports(h.db, may.id, f.actors.reporter);
    for (const r of mine) await submitReport(h.db, r.id, { completedMonth: 1_000_000 }, f.actors.reporter, when);
    await returnReport(h.db, mine[0]!.id, { reason: '请核实' }, f.actors.dispatcher, when);
    await submitReport(h.db, mine[0]!.id, {}, f.actors.reporter, when);
    expect(await approveUnit(h.db, may.id, f.units.guhan, f.actors.dispatcher, when)).toEqual({ approved: mine.length });
    expect((await events('report.return')).map((e) => [e.subjectId, e.before?.status, e.after?.status, e.after?.returnReason])).toEqual([[mine[0]!.id, 'submitted', 'returned', '请核实']]);
    expect((await events('report.approve')).map((e) => e.subjectId).sort()).toEqual(mine.map((r) => r.id).sort());

    await closeRound(h.db, april!.id, f.actors.dispatcher, when);
    expect((await events('round.close')).map((e) => [e.subjectId, e.before, e.after])).toEqual([[april!.id, { status: 'open' }, { status: 'closed' }]]);

    const c1 = await requestCorrection(h.db, mine[0]!.id, { completedMonth: 1_200_000, reason: '补录' }, f.actors.reporter, when);
    await decideCorrection(h.db, c1.id, { approve: true }, f.actors.dispatcher, when);
    const c2 = await requestCorrection(h.db, mine[0]!.id, { completedMonth: 1_300_000, reason: '再补录' }, f.actors.reporter, when);
    await decideCorrection(h.db, c2.id, { approve: false, note: '无依据' }, f.actors.dispatcher, when);
    expect((await events('correction.approve')).map((e) => [e.subjectId, e.after])).toEqual([[c1.id, { status: 'approved', newValue: 1_200_000 }]]);
    expect((await events('correction.refuse')).map((e) => [e.subjectId, e.after])).toEqual([[c2.id, { status: 'rejected', newValue: 1_300_000, note: '无依据' }]]);
  });

  it('is refused by the database any edit, and any removal of a row younger than six months', async () => {
    const now = new Date();
    await insertAuditEvents(h.db, [row(now)]);
    await expect(sql`update audit_event set action = 'round.open'`.execute(h.db)).rejects.toThrow(/审计日志不可修改/);
    await expect(sql`delete from audit_event`.execute(h.db)).rejects.toThrow(/不可删除/);
    expect((await h.db.selectFrom('audit_event').select('action').execute()).map((r) => r.action)).toEqual(['setting.change']);
  });

  it('prunes only rows older than the retention, and refuses a younger cutoff', async () => {
    const now = new Date();
    await insertAuditEvents(h.db, [row(new Date(now.getTime() - 200 * DAY_MS)), row(new Date(now.getTime() - 10 * DAY_MS))]);
    const young = new Date(now.getTime() - 100 * DAY_MS).toISOString().slice(0, 10);
    expect((await refused(pruneOlderThan(h.db, young, now))).details[0]!.message).toMatch(/至少保存183天/);
    const cutoff = new Date(now.getTime() - 190 * DAY_MS).toISOString().slice(0, 10);
    expect(await pruneOlderThan(h.db, cutoff, now)).toBe(1);
    expect((await h.db.selectFrom('audit_event').select('at').execute()).map((r) => r.at)).toEqual([new Date(now.getTime() - 10 * DAY_MS).toISOString()]);
  });

  it('is read by administrators only, each within their region, and exported with its rows', async () => {
    await saveIndicatorTargets(h.db, { targets: [{ indicator: 'gdp', region: COUNTY, year: 2021, kind: 'growth', value: 0.08 }] }, f.actors.dispatcher, NOW);
    for (const role of ['reporter', 'leader', 'viewer', 'dispatcher'] as const) {
      expect((await refused(listAudit(h.db, {}, f.actors[role]))).code).toBe('forbidden');
      expect((await refused(exportAudit(h.db, {}, f.actors[role]))).code).toBe('forbidden');
    }
    await addUser(h.db, { username: 'ps-admin', displayName: '平顺管理员', password: 'Init-pass-123', role: 'admin', regionCode: '140425' }, SYSTEM_ACTOR, NOW);
    const other: Actor = actorOf((await findUserByUsername(h.db, 'ps-admin'))!);
    const seen = await listAudit(h.db, {}, other);
    expect(seen.events.map((e) => e.regionCode)).toEqual(['140425']);
    expect((await refused(listAudit(h.db, { region: COUNTY }, other))).code).toBe('forbidden');
    const own = await listAudit(h.db, { action: 'indicator.target.set' }, f.actors.admin);
    expect(own.events.map((e) => [e.regionCode, e.actionLabel, e.after?.value])).toEqual([[COUNTY, '指标目标设定', 0.08]]);

    const file = await exportAudit(h.db, { from: '2021-07-05', to: '2021-07-05' }, f.actors.admin);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.content as never);
    const cells = wb.worksheets[0]!.getSheetValues().slice(3).map((r) => (r as unknown[]).slice(1));
    expect(cells).toEqual([['2021-07-05 16:00', COUNTY, 't-dispatcher', '调度员', '', '指标目标设定', '指标目标', `gdp:${COUNTY}:2021`, '', '类型: growth；数值: 0.08；上限: null；限定: null']]);
    expect((await exportAudit(h.db, { from: '2021-07-06' }, f.actors.admin)).rows).toBe(0);
  });
});
