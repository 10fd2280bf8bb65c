// Units and leaders kept by a county's dispatchers: renaming keeps the old name as an alias, aliases never collide,
// merging re-points every row that names the merged one in one transaction, leaders retire and merge.
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/domain/access.ts';
import { isAppError } from '../../src/domain/errors.ts';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { createItem } from '../../src/services/supervision/items.ts';
import { findHistory, leadersOfProjects } from '../../src/db/repositories/project.repository.ts';
import { insertLeaders, listUnitAliases } from '../../src/db/repositories/region.repository.ts';
import { newId } from '../../src/db/transaction.ts';
import { openRound } from '../../src/services/round/rounds.ts';
import { addLeader, listCountyLeaders, mergeLeaders, updateCountyLeader } from '../../src/services/leaders.ts';
import { addUnitAlias, listCountyUnits, mergeUnits, removeUnitAlias, renameCountyUnit, resolveUnit, setUnitRobot } from '../../src/services/units.ts';
import { addProject, COUNTY, seedCounty, WANGQIAO, type CountyFixture } from '../support/factories.ts';
import { refused } from '../support/refused.ts';
import { openTestDatabase, testDialect } from '../support/test-db.ts';

let h: DatabaseHandle;
let f: CountyFixture;
const now = new Date('2021-06-10T08:00:00Z');

beforeEach(async () => {
  h = await openTestDatabase();
  f = await seedCounty(h.db);
});
afterEach(async () => {
  await h.close();
});

async function refusal(work: Promise<unknown>): Promise<{ code: string; message: string }> {
  const e = await work.then(() => null, (x: unknown) => x);
  if (!isAppError(e)) throw new Error(`expected a refusal, got ${String(e)}`);
  return { code: e.code, message: e.message };
}

describe(`units (${testDialect()})`, () => {
  it('keeps the old name as an alias when a unit is renamed, so it is still found by it', async () => {
    const renamed = await renameCountyUnit(h.db, f.units.drc, { name: '发展和改革局（粮食和物资储备局）' }, f.actors.dispatcher, now);
    expect(renamed).toMatchObject({ name: '发展和改革局（粮食和物资储备局）', aliases: ['发展和改革局'] });
    expect((await resolveUnit(h.db, COUNTY, '发展和改革局')).id).toBe(f.units.drc);
    // Back to the old name: it stops being an alias of itself.
    const back = await renameCountyUnit(h.db, f.units.drc, { name: '发展和改革局' }, f.actors.dispatcher, now);
    expect(back).toMatchObject({ name: '发展和改革局', aliases: ['发展和改革局（粮食和物资储备局）'] });
  });

  it('refuses a name or alias another unit already answers to', async () => {
    expect(await refusal(renameCountyUnit(h.db, f.units.drc, { name: '古韩镇人民政府' }, f.actors.dispatcher, now))).toEqual({ code: 'conflict', message: '已有单位叫“古韩镇人民政府”；若是同一单位，请合并' });
    await addUnitAlias(h.db, f.units.guhan, { alias: '古韩镇' }, f.actors.dispatcher, now);
    expect(await refusal(addUnitAlias(h.db, f.units.wangqiao, { alias: '古韩镇' }, f.actors.dispatcher, now))).toEqual({ code: 'conflict', message: '“古韩镇”已是“古韩镇人民政府”的别名' });
    expect(await refusal(addUnitAlias(h.db, f.units.wangqiao, { alias: '古韩镇人民政府' }, f.actors.dispatcher, now))).toMatchObject({ code: 'conflict' });
    expect((await removeUnitAlias(h.db, f.units.guhan, '古韩镇', f.actors.dispatcher)).aliases).toEqual([]);
  });

  it('keeps a robot’s signing secret when a change leaves it out, and drops it when told to', async () => {
    const url = 'https://oapi.dingtalk.com/robot/send?access_token=gh';
    await setUnitRobot(h.db, f.units.guhan, { kind: 'dingtalk', url, secret: 'SECgh' }, f.actors.dispatcher);
    const moved = await setUnitRobot(h.db, f.units.guhan, { kind: 'dingtalk', url: `${url}2` }, f.actors.dispatcher);
    expect(moved.robot).toEqual({ kind: 'dingtalk', url: `${url}2`, signed: true });
    expect((await h.db.selectFrom('unit').select('webhook_secret').where('id', '=', f.units.guhan).executeTakeFirstOrThrow()).webhook_secret).toBe('SECgh');
    expect((await setUnitRobot(h.db, f.units.guhan, { kind: 'dingtalk', url, secret: null }, f.actors.dispatcher)).robot).toEqual({ kind: 'dingtalk', url, signed: false });
    expect((await setUnitRobot(h.db, f.units.guhan, null, f.actors.dispatcher)).robot).toBeNull();
    expect((await refusal(setUnitRobot(h.db, f.units.guhan, { kind: 'dingtalk', url: 'not a url' }, f.actors.dispatcher))).code).toBe('invalid_input');
  });

  it('refuses a robot on this machine, the intranet or plain http, naming the field, and keeps the one set before', async () => {
    const url = 'https://oapi.dingtalk.com/robot/send?access_token=gh';
    await setUnitRobot(h.db, f.units.guhan, { kind: 'dingtalk', url }, f.actors.dispatcher);
    const cases: [string, string][] = [
      ['https://127.0.0.1/robot', '不能指向本机'],
      ['https://localhost:8443/robot', '不能指向本机'],
      ['https://[::1]/robot', '不能指向本机'],
      ['https://192.168.1.20/cgi-bin/webhook/send?key=x', '不能指向内网'],
      ['https://169.254.169.254/latest/meta-data', '不能指向内网'],
      ['https://[fd00::1]/robot', '不能指向内网'],
      ['https://0.0.0.0/robot', '不能指向内网'],
      ['http://oapi.dingtalk.com/robot/send?access_token=gh', '只接受 https://'],
      ['https://oa/robot', '应为公网域名'],
    ];
    for (const [bad, words] of cases) {
      const e = await refused(setUnitRobot(h.db, f.units.guhan, { kind: 'wecom', url: bad }, f.actors.dispatcher));
      expect(e.code, bad).toBe('invalid_input');
      expect(e.details, bad).toEqual([{ field: 'url', message: expect.stringContaining(`机器人地址：${words}`) }]);
    }
    expect((await listCountyUnits(h.db, COUNTY, f.actors.dispatcher)).find((u) => u.id === f.units.guhan)!.robot).toEqual({ kind: 'dingtalk', url, signed: false });
  });

  it('merges a unit into another: every row that named it, in one go, and its name becomes an alias', async () => {
    const { drc: keep, wangqiao: gone } = f.units;
    const project = await addProject(h.db, { name: '王桥镇污水处理厂提标改造工程', unitId: gone, townshipCode: WANGQIAO, totalInvestment: 300_000_000, phase: 'newStart', annualPlan: 20_000_000 });
    await addProject(h.db, { name: '县城集中供热管网', unitId: keep, totalInvestment: 80_000_000, phase: 'newStart', annualPlan: 8_000_000 });
    const round = await openRound(h.db, { regionCode: COUNTY, month: '2021-05' }, SYSTEM_ACTOR, now);
    await createItem(h.db, { region: COUNTY, kind: 'problem', title: '征地未完成', source: 'meeting', projectId: project, unitId: gone }, f.actors.dispatcher, now);
    await h.db.insertInto('notification').values({ id: newId(), region_code: COUNTY, unit_id: gone, created_at: now.toISOString(), text: '请填报5月月报', link: null }).execute();
    await h.db.insertInto('reminder').values([
      { round_id: round.id, unit_id: gone, kind: 'before', channel: 'app', sent_at: now.toISOString(), ok: 1, detail: null },
      { round_id: round.id, unit_id: keep, kind: 'before', channel: 'app', sent_at: now.toISOString(), ok: 1, detail: null },
      { round_id: round.id, unit_id: gone, kind: 'deadline', channel: 'app', sent_at: now.toISOString(), ok: 1, detail: null },
    ]).execute();
    const assignment = (assignee: string, amount: number | null, share: number | null) => ({ indicator: 'fixed-asset-investment' as const, region_code: COUNTY, year: 2021, assignee_kind: 'unit' as const, assignee_id: assignee, amount, share_ppm: share, note: null, updated_at: now.toISOString(), updated_by: null });
    await h.db.insertInto('indicator_assignment').values([assignment(gone, 500_000_000, 100_000), assignment(keep, 1_000_000_000, null), { ...assignment(gone, 7, null), indicator: 'industrial-investment' as const }]).execute();
    await addUnitAlias(h.db, gone, { alias: '王桥镇' }, f.actors.dispatcher, now);
    await setUnitRobot(h.db, gone, { kind: 'dingtalk', url: 'https://oapi.dingtalk.com/robot/send?access_token=wq', secret: 'SECwq' }, f.actors.dispatcher);

    const merged = await mergeUnits(h.db, gone, keep, f.actors.dispatcher, now);
    expect(merged).toMatchObject({ id: keep, name: '发展和改革局', aliases: ['王桥镇', '王桥镇人民政府'], projects: 2, accounts: 2, movedProjects: 1, robot: { kind: 'dingtalk', signed: true } });

    const names = (table: 'project' | 'report' | 'supervision_item' | 'notification' | 'app_user') => h.db.selectFrom(table).select('unit_id').where('unit_id', '=', gone).execute();
    for (const table of ['project', 'report', 'supervision_item', 'notification', 'app_user'] as const) expect(await names(table), table).toEqual([]);
    expect((await h.db.selectFrom('app_user').select('unit_id').where('id', '=', f.users.otherReporter.id).executeTakeFirstOrThrow()).unit_id).toBe(keep);
    // One 'before' reminder per unit and round: the kept unit's stands; the merged unit's 'deadline' one is now the kept unit's.
    const reminders = await h.db.selectFrom('reminder').select(['unit_id', 'kind']).where('round_id', '=', round.id).orderBy('kind').execute();
    expect(reminders).toEqual([{ unit_id: keep, kind: 'before' }, { unit_id: keep, kind: 'deadline' }]);
    const assignments = await h.db.selectFrom('indicator_assignment').select(['indicator', 'assignee_id', 'amount', 'share_ppm']).orderBy('indicator').execute();
    expect(assignments).toEqual([
      { indicator: 'fixed-asset-investment' as const, assignee_id: keep, amount: 1_500_000_000, share_ppm: 100_000 },
      { indicator: 'industrial-investment' as const, assignee_id: keep, amount: 7, share_ppm: null },
    ]);
    expect(await h.db.selectFrom('unit').select('id').where('id', '=', gone).execute()).toEqual([]);
    expect((await listUnitAliases(h.db, COUNTY)).filter((a) => a.unitId === keep).map((a) => a.alias)).toEqual(['王桥镇', '王桥镇人民政府']);
    const history = await findHistory(h.db, project);
    expect(history.find((e) => e.field === 'unitId')).toMatchObject({ before: '王桥镇人民政府', after: keep, userId: f.users.dispatcher.id });
  });

  it('merges nothing when a step fails: a row the merge does not know of keeps both units as they were', async () => {
    const project = await addProject(h.db, { name: '王桥镇道路', unitId: f.units.wangqiao, totalInvestment: 10_000_000 });
    // A table some later work adds with a unit reference, not yet in reassignUnit's list: deleting the merged unit fails.
    await sql`create table later_item (id text primary key, unit_id text references unit(id))`.execute(h.db);
    await sql`insert into later_item (id, unit_id) values ('x', ${f.units.wangqiao})`.execute(h.db);
    await expect(mergeUnits(h.db, f.units.wangqiao, f.units.drc, f.actors.dispatcher, now)).rejects.toThrow();
    expect((await h.db.selectFrom('project').select('unit_id').where('id', '=', project).executeTakeFirstOrThrow()).unit_id).toBe(f.units.wangqiao);
    expect((await listCountyUnits(h.db, COUNTY, f.actors.dispatcher)).find((u) => u.id === f.units.wangqiao)).toMatchObject({ name: '王桥镇人民政府', projects: 1, accounts: 1, aliases: [] });
    expect(await findHistory(h.db, project)).toHaveLength(1);
  });
});

describe(`leaders (${testDialect()})`, () => {
  it('adds, retitles and retires a leader; a name already taken is refused', async () => {
    const added = await addLeader(h.db, COUNTY, { name: '刘建国', title: '县委常委' }, f.actors.dispatcher);
    expect(added).toMatchObject({ name: '刘建国', title: '县委常委', retiredOn: null, projects: 0 });
    expect(await refusal(addLeader(h.db, COUNTY, { name: '王志强' }, f.actors.dispatcher))).toEqual({ code: 'conflict', message: '已有领导叫“王志强”（副县长）；若是同一人，请合并' });
    expect(await updateCountyLeader(h.db, added.id, { title: '县委常委、副县长' }, f.actors.admin, now)).toMatchObject({ title: '县委常委、副县长' });
    expect(await updateCountyLeader(h.db, added.id, { retired: true }, f.actors.dispatcher, now)).toMatchObject({ retiredOn: '2021-06-10' });
    expect(await updateCountyLeader(h.db, added.id, { retired: '2021-03-31' }, f.actors.dispatcher, now)).toMatchObject({ retiredOn: '2021-03-31' });
    expect(await updateCountyLeader(h.db, added.id, { retired: false }, f.actors.dispatcher, now)).toMatchObject({ retiredOn: null });
    expect((await refusal(updateCountyLeader(h.db, added.id, { title: '越权' }, f.actors.reporter, now))).code).toBe('forbidden');
  });

  it('merges two records of one person: projects, accounts and 指标分解 follow, and a project both led keeps one link', async () => {
    const twin = newId();
    const other = newId();
    await insertLeaders(h.db, [{ id: twin, regionCode: COUNTY, name: '王志强 ', title: null, sortOrder: 2 }, { id: other, regionCode: COUNTY, name: '李华', title: null, sortOrder: 3 }]);
    const project = await addProject(h.db, { name: '古韩镇集中供热改造工程', unitId: f.units.guhan, totalInvestment: 100_000_000, leaderIds: [other, twin] });
    const shared = await addProject(h.db, { name: '古韩镇污水管网', unitId: f.units.guhan, totalInvestment: 50_000_000, leaderIds: [twin, f.leaderId] });
    await h.db.updateTable('app_user').set({ leader_id: twin }).where('id', '=', f.users.leader.id).execute();
    await h.db.insertInto('indicator_assignment').values({ indicator: 'gdp', region_code: COUNTY, year: 2021, assignee_kind: 'leader', assignee_id: twin, amount: null, share_ppm: 250_000, note: '分管', updated_at: now.toISOString(), updated_by: null }).execute();
    const merged = await mergeLeaders(h.db, twin, f.leaderId, f.actors.dispatcher, now);
    expect(merged).toMatchObject({ id: f.leaderId, name: '王志强', projects: 2, accounts: 1, movedProjects: 2 });
    const leaders = await leadersOfProjects(h.db, [project, shared]);
    // The twin's place among the project's leaders is kept; the project both led is not counted twice.
    expect([leaders.get(project), leaders.get(shared)]).toEqual([[other, f.leaderId], [f.leaderId]]);
    expect((await h.db.selectFrom('indicator_assignment').select('assignee_id').executeTakeFirstOrThrow()).assignee_id).toBe(f.leaderId);
    expect((await listCountyLeaders(h.db, COUNTY, f.actors.dispatcher)).map((l) => l.id)).toEqual([f.leaderId, other]);
    expect((await findHistory(h.db, project)).find((e) => e.field === 'leaderIds')).toMatchObject({ before: '王志强 ', after: f.leaderId });
  });
});
