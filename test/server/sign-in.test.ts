// Sign-in hardening through the API: lockouts per account and per address that say when to retry, an unknown user
// answered as slowly as a wrong password, a capped password, idle sessions, the Secure cookie, the record of every
// attempt, the forced change of an initial password, disabled accounts, and the demo's public accounts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { putSetting } from '../../src/db/repositories/region.repository.ts';
import { PASSWORD, seedCounty, type CountyFixture } from '../support/factories.ts';
import { call, signInAs } from '../support/api.ts';
import { openTestDatabase, testDialect } from '../support/test-db.ts';

let h: DatabaseHandle;
let f: CountyFixture;
let clock: Date;
const app = () => createApp({ db: h.db, now: () => clock, sessionIdleMinutes: 120 });
let server: ReturnType<typeof createApp>;

const minutes = (n: number) => new Date(clock.getTime() + n * 60_000);

/** A sign-in from an address (the socket's, as @hono/node-server hands it over), a second after the one before. */
async function login(username: string, password: string, address = '10.0.0.1', headers: Record<string, string> = {}, url = 'http://localhost/api/auth/login') {
  clock = new Date(clock.getTime() + 1000);
  const res = await server.request(
    url,
    { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ username, password }) },
    { incoming: { socket: { remoteAddress: address } } },
  );
  return { status: res.status, json: (await res.json()) as any, headers: res.headers };
}

async function events(username: string) {
  return h.db.selectFrom('sign_in_event').select(['outcome', 'address', 'user_id']).where('username', '=', username).orderBy('at').orderBy('id').execute();
}

beforeAll(async () => {
  h = await openTestDatabase();
  f = await seedCounty(h.db);
  clock = new Date('2021-06-10T08:00:00Z');
  server = app();
});
afterAll(async () => {
  await h.close();
});

describe(`sign-in (${testDialect()})`, () => {
  it('locks an account after five failures, says when to retry, and opens again after fifteen minutes', async () => {
    for (let i = 0; i < 5; i++) {
      const bad = await login('t-viewer', 'Wrong-pass-1', `10.0.1.${i}`);
      expect(bad.status).toBe(401);
      expect(bad.json.error.message).toBe('用户名或密码不正确');
    }
    // Even the right password is refused while locked, from any address, with the time to come back.
    const locked = await login('t-viewer', PASSWORD, '10.0.1.99');
    expect(locked.status).toBe(429);
    expect(locked.json.error).toMatchObject({ code: 'too_many_requests', message: '登录失败次数过多，该账号已暂时锁定，请于16:15后重试（约15分钟后）' });
    expect(locked.headers.get('retry-after')).toBe('899');
    clock = minutes(14);
    expect((await login('t-viewer', PASSWORD, '10.0.1.99')).json.error.message).toContain('约1分钟后');
    clock = minutes(1);
    expect((await login('t-viewer', PASSWORD, '10.0.1.99')).status).toBe(200);
    expect((await events('t-viewer')).map((e) => e.outcome)).toEqual(['wrong_password', 'wrong_password', 'wrong_password', 'wrong_password', 'wrong_password', 'locked', 'locked', 'ok']);
  });

  it('locks an unknown username the same way, so a lock tells nothing about who has an account', async () => {
    clock = minutes(60);
    for (let i = 0; i < 5; i++) expect((await login('nobody-here', 'Wrong-pass-1', `10.0.2.${i}`)).status).toBe(401);
    const locked = await login('nobody-here', 'Wrong-pass-1', '10.0.2.9');
    expect(locked.status).toBe(429);
    expect(locked.json.error.message).toContain('该账号已暂时锁定');
    expect((await events('nobody-here')).map((e) => [e.outcome, e.user_id])).toEqual([...Array(5).fill(['unknown_user', null]), ['locked', null]]);
  });

  it('locks an address after twenty failures over any usernames, not the accounts themselves', async () => {
    clock = minutes(60);
    for (let i = 0; i < 20; i++) expect((await login(`guess-${i % 4}`, 'Wrong-pass-1', '10.0.3.1')).status).toBe(401);
    const fromThere = await login('t-leader', PASSWORD, '10.0.3.1');
    expect(fromThere.status).toBe(429);
    expect(fromThere.json.error.message).toContain('本机所在网络地址已暂时锁定');
    expect((await login('t-leader', PASSWORD, '10.0.3.2')).status).toBe(200);
  });

  it('trusts X-Forwarded-For only behind a proxy it was told of', async () => {
    clock = minutes(60);
    const proxied = createApp({ db: h.db, now: () => clock, trustProxy: true });
    await proxied.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7, 10.0.0.1' }, body: JSON.stringify({ username: 'nobody-a', password: 'x' }) }, { incoming: { socket: { remoteAddress: '10.0.0.1' } } });
    await login('nobody-b', 'x', '10.0.0.1', { 'x-forwarded-for': '203.0.113.8' });
    expect((await events('nobody-a'))[0]!.address).toBe('203.0.113.7');
    expect((await events('nobody-b'))[0]!.address).toBe('10.0.0.1');
  });

  it('answers an unknown username as slowly as a wrong password', async () => {
    clock = minutes(60);
    const time = async (username: string, i: number) => {
      const t0 = performance.now();
      expect((await login(username, 'Wrong-pass-1', `10.0.4.${i}`)).status).toBe(401);
      return performance.now() - t0;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    // Alternate, so a busy moment of the machine weighs on both; four each stays under the lockout.
    for (let i = 0; i < 4; i++) {
      known.push(await time('t-dispatcher', i));
      unknown.push(await time(`ghost-${i}`, i));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    // A scrypt check costs tens of milliseconds; without the decoy check an unknown name answers in a few.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
    clock = minutes(60);
  });

  it('refuses an overlong password before hashing it, and takes usernames in any case', async () => {
    const long = await login('t-viewer', 'A1-'.repeat(50), '10.0.5.1');
    expect(long.status).toBe(422);
    expect(long.json.error.message).toContain('密码不能超过128位');
    expect((await login('T-Viewer', PASSWORD, '10.0.5.1')).json.user).toMatchObject({ username: 't-viewer' });
  });

  it('ends a session idle for the configured time, and writes its use at most once a minute', async () => {
    clock = minutes(60);
    const token = await signInAs(server, 't-dispatcher', PASSWORD);
    const lastSeen = async () => (await h.db.selectFrom('session').select('last_seen_at').where('user_id', '=', f.users.dispatcher.id).orderBy('created_at', 'desc').executeTakeFirstOrThrow()).last_seen_at;
    const signedInAt = await lastSeen();
    clock = minutes(0.5);
    expect((await call(server, token, 'GET', '/api/auth/me')).status).toBe(200);
    expect(await lastSeen()).toBe(signedInAt);
    clock = minutes(119);
    expect((await call(server, token, 'GET', '/api/auth/me')).status).toBe(200);
    expect(await lastSeen()).toBe(clock.toISOString());
    clock = minutes(119);
    expect((await call(server, token, 'GET', '/api/auth/me')).status).toBe(200);
    clock = minutes(121);
    const idle = await call(server, token, 'GET', '/api/auth/me');
    expect(idle.status).toBe(401);
    expect(idle.json.error.message).toBe('登录已过期，请重新登录');
  });

  it('sets a Secure cookie over HTTPS (or behind a trusted proxy that says so), a plain one over HTTP', async () => {
    clock = minutes(10);
    const plain = await login('t-viewer', PASSWORD, '10.0.6.1');
    expect(plain.headers.get('set-cookie')).toMatch(/tiaodu_session=.+HttpOnly/);
    expect(plain.headers.get('set-cookie')).not.toMatch(/Secure/i);
    const https = await login('t-viewer', PASSWORD, '10.0.6.1', {}, 'https://tiaodu.example.gov.cn/api/auth/login');
    expect(https.headers.get('set-cookie')).toMatch(/; Secure/);
    const spoofed = await login('t-viewer', PASSWORD, '10.0.6.1', { 'x-forwarded-proto': 'https' });
    expect(spoofed.headers.get('set-cookie')).not.toMatch(/Secure/i);
    const proxied = createApp({ db: h.db, now: () => clock, trustProxy: true });
    const behind = await proxied.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' }, body: JSON.stringify({ username: 't-viewer', password: PASSWORD }) });
    expect(behind.headers.get('set-cookie')).toMatch(/; Secure/);
  });

  it('holds a new account to its initial password’s change before anything else', async () => {
    clock = minutes(10);
    const admin = await signInAs(server, 't-admin', PASSWORD);
    const added = await call(server, admin, 'POST', '/api/admin/accounts', { username: 'GH-Wang', displayName: '王芳', role: 'reporter', regionCode: '140423', unit: '古韩镇人民政府', password: 'Start-2021-gh' });
    expect(added.status).toBe(201);
    expect(added.json.account).toMatchObject({ username: 'gh-wang', mustChangePassword: true, unitId: f.units.guhan });
    const first = await signInAs(server, 'gh-wang', 'Start-2021-gh');
    const second = await signInAs(server, 'GH-WANG', 'Start-2021-gh');
    expect((await call(server, first, 'GET', '/api/auth/me')).json.user.mustChangePassword).toBe(true);
    const blocked = await call(server, first, 'GET', '/api/counties');
    expect(blocked.status).toBe(403);
    expect(blocked.json.error.message).toBe('请先修改管理员给的初始密码，再使用系统');
    const weak = await call(server, first, 'POST', '/api/auth/password', { currentPassword: 'Start-2021-gh', newPassword: 'password1' });
    expect([weak.status, weak.json.error.details]).toEqual([422, [{ field: 'newPassword', message: '密码须包含大写字母、小写字母、数字、符号中的至少3类' }]]);
    const same = await call(server, first, 'POST', '/api/auth/password', { currentPassword: 'Start-2021-gh', newPassword: 'Start-2021-gh' });
    expect(same.json.error.details[0].message).toBe('新密码不能与当前密码相同');
    const wrong = await call(server, first, 'POST', '/api/auth/password', { currentPassword: 'not-it', newPassword: 'Mine-2021-wf' });
    expect(wrong.json.error.details).toEqual([{ field: 'currentPassword', message: '当前密码不正确' }]);
    const res = await server.request(
      '/api/auth/password',
      { method: 'POST', headers: { authorization: `Bearer ${first}`, 'content-type': 'application/json' }, body: JSON.stringify({ currentPassword: 'Start-2021-gh', newPassword: 'Mine-2021-wf' }) },
      { incoming: { socket: { remoteAddress: '10.0.7.9' } } },
    );
    const changed = { status: res.status, json: (await res.json()) as any };
    expect([changed.status, changed.json.user.mustChangePassword]).toEqual([200, false]);
    // The audit trail has the change, from the address it came from, and never the password.
    const audited = await h.db.selectFrom('audit_event').select(['actor_name', 'address', 'after_json']).where('action', '=', 'account.password').where('subject_id', '=', added.json.account.id).execute();
    expect(audited.map((a) => [a.actor_name, a.address, JSON.parse(a.after_json!).password])).toEqual([['王芳', '10.0.7.9', '已更改']]);
    expect((await call(server, first, 'GET', '/api/counties')).status).toBe(200);
    // The other session, opened with the given password, is over; the old password opens nothing.
    expect((await call(server, second, 'GET', '/api/auth/me')).status).toBe(401);
    expect((await login('gh-wang', 'Start-2021-gh', '10.0.7.1')).status).toBe(401);
    expect((await login('gh-wang', 'Mine-2021-wf', '10.0.7.1')).status).toBe(200);
  });

  it('refuses a disabled account, saying so only to whoever knows its password', async () => {
    clock = minutes(10);
    const admin = await signInAs(server, 't-admin', PASSWORD);
    const session = await signInAs(server, 't-reporter-wq', PASSWORD);
    expect((await call(server, admin, 'PATCH', `/api/admin/accounts/${f.users.otherReporter.id}`, { disabled: true })).json.account.disabled).toBe(true);
    expect((await call(server, session, 'GET', '/api/auth/me')).status).toBe(401);
    const right = await login('t-reporter-wq', PASSWORD, '10.0.8.1');
    expect([right.status, right.json.error.message]).toEqual([401, '该账号已停用，请联系管理员']);
    const wrong = await login('t-reporter-wq', 'Wrong-pass-1', '10.0.8.1');
    expect(wrong.json.error.message).toBe('用户名或密码不正确');
    expect((await events('t-reporter-wq')).slice(-2).map((e) => e.outcome)).toEqual(['disabled', 'wrong_password']);
  });

  it('has no demo-accounts route in a database that holds more than the demo', async () => {
    // Marked as the demo, but it holds two counties and accounts of its own: answered as any unknown path.
    await putSetting(h.db, 'demo', '140423');
    const res = await call(server, null, 'GET', '/api/auth/demo-accounts');
    const unknown = await call(server, null, 'GET', '/api/auth/nothing-here');
    expect([res.status, res.json.error.code, unknown.status]).toEqual([404, 'not_found', 404]);
    expect(res.json.error.message).toBe('没有这个接口：GET /api/auth/demo-accounts');
  });
});
