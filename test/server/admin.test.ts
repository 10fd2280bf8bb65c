// The administration area through the API: only a region's administrators manage its accounts; its dispatchers and
// administrators its units and leaders; nobody another county's. Every /admin route is walked for each refusal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { insertLeaders, listUnits } from '../../src/db/repositories/region.repository.ts';
import { insertUser } from '../../src/db/repositories/user.repository.ts';
import { newId } from '../../src/db/transaction.ts';
import { hashPassword } from '../../src/services/auth/password.ts';
import { PASSWORD, seedCounty, type CountyFixture } from '../support/factories.ts';
import { call, signInAs, testApp, type TestApp } from '../support/api.ts';
import { openTestDatabase, testDialect } from '../support/test-db.ts';

let h: DatabaseHandle;
let f: CountyFixture;
let app: TestApp;
const tokens: Record<string, string> = {};
let pingshunUnit: string;
let pingshunLeader: string;
let secondLeader: string;

beforeAll(async () => {
  h = await openTestDatabase();
  f = await seedCounty(h.db);
  pingshunUnit = (await listUnits(h.db, '140425'))[0]!.id;
  pingshunLeader = newId();
  secondLeader = newId();
  await insertLeaders(h.db, [
    { id: pingshunLeader, regionCode: '140425', name: '赵平', title: '副县长', sortOrder: 1 },
    { id: secondLeader, regionCode: '140423', name: '刘建国', title: '县委常委', sortOrder: 2 },
  ]);
  // 平顺县's administrator, to be refused everything of 襄垣县.
  await insertUser(h.db, { id: newId(), username: 't-pingshun-admin', displayName: '平顺管理员', passwordHash: hashPassword(PASSWORD), role: 'admin', regionCode: '140425', unitId: null, leaderId: null, disabled: false, createdAt: '2021-01-01T00:00:00.000Z' });
  app = testApp(h.db);
  for (const [key, username] of Object.entries({ admin: 't-admin', dispatcher: 't-dispatcher', reporter: 't-reporter', leader: 't-leader', viewer: 't-viewer', otherDispatcher: 't-pingshun', otherAdmin: 't-pingshun-admin' })) {
    tokens[key] = await signInAs(app, username, PASSWORD);
  }
});
afterAll(async () => {
  await h.close();
});

type Operation = { method: string; path: string };

async function adminOperations(): Promise<Operation[]> {
  const doc = (await call(app, null, 'GET', '/api/openapi.json')).json as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/admin/'))
    .flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })));
}

/** A body each route accepts from whoever may use it, so a refusal can only come from the access check. */
function bodyFor(op: Operation, target: { unit: string; leader: string; account: string }): unknown {
  if (op.method === 'GET' || op.method === 'DELETE') return undefined;
  if (op.path === '/admin/accounts') return { username: `x-${newId().slice(0, 8)}`, displayName: '越权', role: 'viewer', regionCode: '140423' };
  if (op.path === '/admin/accounts/{id}') return { displayName: '越权改名' };
  if (op.path === '/admin/accounts/{id}/password') return {};
  if (op.path === '/admin/units') return { region: '140423', name: `越权单位${newId().slice(0, 4)}` };
  if (op.path === '/admin/units/{id}') return { name: '越权改名单位' };
  if (op.path === '/admin/units/{id}/aliases') return { alias: '古韩镇政府' };
  if (op.path.endsWith('/merge')) return { into: op.path.startsWith('/admin/units') ? target.unit : target.leader };
  if (op.path === '/admin/units/{id}/robot') return { kind: 'wecom', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x' };
  if (op.path === '/admin/leaders') return { region: '140423', name: '越权领导' };
  if (op.path === '/admin/leaders/{id}') return { title: '越权职务' };
  throw new Error(`no body for ${op.method} ${op.path}: add one`);
}

function pathFor(op: Operation, ids: { unit: string; leader: string; account: string }): string {
  const id = op.path.startsWith('/admin/units') ? ids.unit : op.path.startsWith('/admin/leaders') ? ids.leader : ids.account;
  return `/api${op.path.replace('{id}', id).replace('{alias}', encodeURIComponent('古韩镇政府'))}${op.method === 'GET' ? '?region=140423' : ''}`;
}

describe(`administration refusals (${testDialect()})`, () => {
  it('walks every /admin route: reporters, leaders and viewers are refused all, another county’s staff too', async () => {
    const ops = await adminOperations();
    expect(ops.length).toBe(15);
    const ids = { unit: f.units.guhan, leader: f.leaderId, account: f.users.viewer.id };
    const target = { unit: f.units.drc, leader: secondLeader, account: f.users.viewer.id };
    for (const who of ['reporter', 'leader', 'viewer', 'otherDispatcher', 'otherAdmin']) {
      for (const op of ops) {
        const res = await call(app, tokens[who]!, op.method, pathFor(op, ids), bodyFor(op, target));
        expect([403, 404], `${who} ${op.method} ${op.path} answered ${res.status}`).toContain(res.status);
      }
    }
    // Nothing changed: the viewer's name, the unit's name and aliases, the leader's title.
    const accounts = (await call(app, tokens.admin!, 'GET', '/api/admin/accounts?region=140423')).json.accounts;
    expect(accounts.find((a: { id: string }) => a.id === f.users.viewer.id).displayName).toBe('t-viewer');
    expect(accounts.some((a: { displayName: string }) => a.displayName === '越权')).toBe(false);
    const units = (await call(app, tokens.dispatcher!, 'GET', '/api/admin/units?region=140423')).json.units;
    expect(units.find((u: { id: string }) => u.id === f.units.guhan)).toMatchObject({ name: '古韩镇人民政府', aliases: [], robot: null });
    expect(units.some((u: { name: string }) => u.name.startsWith('越权'))).toBe(false);
    const leaders = (await call(app, tokens.dispatcher!, 'GET', '/api/admin/leaders?region=140423')).json.leaders;
    expect(leaders.map((l: { name: string; title: string }) => `${l.name}（${l.title}）`)).toEqual(['王志强（副县长）', '刘建国（县委常委）']);
    // The same routes work for those they belong to: the refusals were about who asked. (Merges: test/services/people.test.ts.)
    for (const op of ops.filter((o) => !o.path.endsWith('/merge'))) {
      const keeper = op.path.startsWith('/admin/accounts') ? tokens.admin! : tokens.dispatcher!;
      const res = await call(app, keeper, op.method, pathFor(op, ids), bodyFor(op, target));
      expect(res.status, `${op.method} ${op.path}: ${JSON.stringify(res.json)}`).toBeLessThan(300);
    }
  });

  it('leaves accounts to administrators: a dispatcher keeps units and leaders but cannot touch an account', async () => {
    const ops = (await adminOperations()).filter((op) => op.path.startsWith('/admin/accounts'));
    for (const op of ops) {
      const res = await call(app, tokens.dispatcher!, op.method, pathFor(op, { unit: '', leader: '', account: f.users.viewer.id }), bodyFor(op, { unit: '', leader: '', account: '' }));
      expect(res.status, `${op.method} ${op.path}`).toBe(403);
      expect(res.json.error.message).toBe('只有本地区的管理员可以管理账号');
    }
  });

  it('refuses each county’s own keepers the other county’s units and leaders, by id and by list', async () => {
    const list = await call(app, tokens.dispatcher!, 'GET', '/api/admin/units?region=140425');
    expect([list.status, list.json.error.message]).toEqual([403, '只有本县的调度员或管理员可以管理单位和包联领导']);
    expect((await call(app, tokens.dispatcher!, 'PATCH', `/api/admin/units/${pingshunUnit}`, { name: '改平顺的单位' })).status).toBe(404);
    expect((await call(app, tokens.dispatcher!, 'PATCH', `/api/admin/leaders/${pingshunLeader}`, { title: '改平顺的领导' })).status).toBe(404);
    // Merging across counties is refused even for the system, and a unit of one county cannot absorb another's.
    const across = await call(app, tokens.otherDispatcher!, 'POST', `/api/admin/units/${pingshunUnit}/merge`, { into: f.units.guhan });
    expect(across.status).toBe(404);
    expect((await call(app, tokens.otherAdmin!, 'GET', '/api/admin/accounts?region=140423')).status).toBe(403);
    expect((await call(app, tokens.otherAdmin!, 'GET', '/api/admin/accounts?region=140425')).json.accounts.map((a: { username: string }) => a.username)).toEqual(['admin-140425', 't-pingshun-admin', 't-pingshun']);
  });

  it('lets an administrator create, reset and disable an account, each with its rule', async () => {
    const admin = tokens.admin!;
    const noUnit = await call(app, admin, 'POST', '/api/admin/accounts', { username: 'wq-li', displayName: '李强', role: 'reporter', regionCode: '140423', password: 'Start-2021-wq' });
    expect([noUnit.status, noUnit.json.error.details]).toEqual([422, [{ field: 'unit', message: '填报员必须属于一个单位' }]]);
    const weak = await call(app, admin, 'POST', '/api/admin/accounts', { username: 'wq-li', displayName: '李强', role: 'reporter', regionCode: '140423', unit: '王桥镇人民政府', password: 'Admin@123' });
    expect(weak.json.error.details).toEqual([{ field: 'password', message: '这是常见密码（或由常见密码加数字、符号组成），容易被猜中，请换一个' }]);
    const made = await call(app, admin, 'POST', '/api/admin/accounts', { username: 'wq-li', displayName: '李强', role: 'reporter', regionCode: '140423', unit: '王桥镇人民政府' });
    expect(made.status).toBe(201);
    expect(made.json.generatedPassword).toMatch(/^.{12}$/);
    expect(made.json.account).toMatchObject({ username: 'wq-li', mustChangePassword: true, disabled: false, lastSignInAt: null, unitId: f.units.wangqiao });
    const twin = await call(app, admin, 'POST', '/api/admin/accounts', { username: 'WQ-Li', displayName: '李强', role: 'viewer', regionCode: '140423' });
    expect([twin.status, twin.json.error.message]).toEqual([409, '用户名 wq-li 已被使用']);
    await signInAs(app, 'wq-li', made.json.generatedPassword);
    const id = made.json.account.id;
    const reset = await call(app, admin, 'POST', `/api/admin/accounts/${id}/password`, { password: 'Again-2021-wq' });
    expect([reset.status, reset.json.generatedPassword, reset.json.account.mustChangePassword]).toEqual([200, null, true]);
    expect(reset.json.account.lastSignInAt).toBe('2021-06-10T08:00:00.000Z');
    expect((await call(app, admin, 'PATCH', `/api/admin/accounts/${id}`, { disabled: true })).json.account.disabled).toBe(true);
    const self = await call(app, admin, 'PATCH', `/api/admin/accounts/${f.users.admin.id}`, { disabled: true });
    expect([self.status, self.json.error.message]).toEqual([403, '不能停用自己的账号']);
    const demote = await call(app, admin, 'PATCH', `/api/admin/accounts/${f.users.admin.id}`, { role: 'viewer' });
    expect(demote.json.error.message).toBe('不能修改自己的角色');
    const moved = await call(app, admin, 'PATCH', `/api/admin/accounts/${f.users.reporter.id}`, { unit: '王桥镇人民政府' });
    expect(moved.json.account.unitId).toBe(f.units.wangqiao);
    const toViewer = await call(app, admin, 'PATCH', `/api/admin/accounts/${f.users.reporter.id}`, { role: 'viewer', unit: null });
    expect(toViewer.json.account).toMatchObject({ role: 'viewer', unitId: null });
  });
});
