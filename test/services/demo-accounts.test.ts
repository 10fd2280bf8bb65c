// The demo's accounts on the sign-in page: listed while the database holds nothing but the demo; after that the route is gone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/domain/access.ts';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { findUserByUsername } from '../../src/db/repositories/user.repository.ts';
import { changeOwnPassword } from '../../src/services/auth/change-password.ts';
import { createDemo, DEMO_ACCOUNTS } from '../../src/demo/create-demo.ts';
import { initCounty } from '../../src/services/init-county.ts';
import { addUser, updateAccount } from '../../src/services/manage-users.ts';
import { call, testApp } from '../support/api.ts';
import { openTestDatabase, testDialect } from '../support/test-db.ts';

let h: DatabaseHandle;
const now = new Date('2021-06-10T08:00:00Z');

beforeAll(async () => {
  h = await openTestDatabase();
  await createDemo(h.db, new Date('2021-06-01T08:00:00Z'));
});
afterAll(async () => {
  await h.close();
});

/** What the sign-in page gets: the list, or none when the route is not there (404). */
async function listed(): Promise<{ demo: boolean; accounts: { username: string }[] }> {
  const res = await call(testApp(h.db), null, 'GET', '/api/auth/demo-accounts');
  if (res.status === 404) return { demo: false, accounts: [] };
  expect(res.status).toBe(200);
  return res.json;
}

describe(`demo accounts (${testDialect()})`, () => {
  it('lists every demo account, none of them asked to change its public password', async () => {
    expect(await listed()).toEqual({ demo: true, accounts: DEMO_ACCOUNTS.map(({ username, password, role, displayName, note }) => ({ username, password, role, displayName, note })) });
    for (const a of DEMO_ACCOUNTS) expect((await findUserByUsername(h.db, a.username))!.mustChangePassword, a.username).toBe(false);
  });

  it('leaves out an account whose password is no longer the published one, or that is disabled', async () => {
    const viewer = (await findUserByUsername(h.db, 'viewer'))!;
    await changeOwnPassword(h.db, viewer.id, { currentPassword: 'demo1234', newPassword: 'Own-pass-2021' }, null, now);
    await updateAccount(h.db, 'leader', { disabled: true }, SYSTEM_ACTOR, now);
    expect((await listed()).accounts.map((a) => a.username)).toEqual(['admin', 'dispatcher', 'reporter', 'reporter-zone']);
  });

  it('lists none once the database holds an account of its own', async () => {
    const added = await addUser(h.db, { username: 'xy-zhang', displayName: '张敏', role: 'viewer', regionCode: '140423' }, SYSTEM_ACTOR, now);
    expect(await listed()).toEqual({ demo: false, accounts: [] });
    await h.db.deleteFrom('app_user').where('id', '=', added.account.id).execute();
    expect((await listed()).demo).toBe(true);
  });

  it('lists none once the database holds another county', async () => {
    await initCounty(h.db, { regionCode: '140425', adminUsername: null }, now);
    expect(await listed()).toEqual({ demo: false, accounts: [] });
  });
});
