// A phone on a bad network sends a submit again: with its Idempotency-Key it gets the first answer, never a second
// report or a 409 the clerk cannot understand; the key on another request is refused; the server's failure is retried.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { IDEMPOTENCY_POLICY } from '../../src/domain/idempotency.ts';
import { createApp } from '../../src/server/app.ts';
import { pruneOldIdempotencyKeys } from '../../src/services/idempotency.ts';
import { call, signInAs } from '../support/api.ts';
import { addProject, COUNTY, PASSWORD, seedCounty } from '../support/factories.ts';
import { openTestDatabase, testDialect } from '../support/test-db.ts';

let h: DatabaseHandle;
let clock: Date;
let app: ReturnType<typeof createApp>;
let reporter: string;
let dispatcher: string;
let reportId: string;

beforeEach(async () => {
  h = await openTestDatabase();
  const f = await seedCounty(h.db);
  await addProject(h.db, { name: '古韩镇集中供热改造工程', unitId: f.units.guhan, totalInvestment: 100_000_000, phase: 'newStart', annualPlan: 40_000_000, startedOn: '2021-03-01' });
  clock = new Date('2021-06-01T02:00:00Z');
  // The clock jumps days ahead between requests: sessions must not lapse for idleness meanwhile.
  app = createApp({ db: h.db, now: () => clock, sessionIdleMinutes: 7 * 24 * 60 });
  dispatcher = await signInAs(app, 't-dispatcher', PASSWORD);
  reporter = await signInAs(app, 't-reporter', PASSWORD);
  const opened = await call(app, dispatcher, 'POST', '/api/rounds', { regionCode: COUNTY, month: '2021-05' });
  const reports = (await call(app, dispatcher, 'GET', `/api/rounds/${opened.json.id}/reports`)).json.reports as { id: string }[];
  reportId = reports[0]!.id;
  clock = new Date('2021-06-03T02:00:00Z');
});
afterEach(async () => {
  await h.close();
});

async function send(token: string, path: string, body: unknown, key?: string) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  if (key !== undefined) headers['Idempotency-Key'] = key;
  const res = await app.request(path, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: res.status, replayed: res.headers.get('Idempotent-Replayed'), json: (await res.json()) as any };
}

async function reportRow() {
  return h.db.selectFrom('report').select(['status', 'version', 'completed_month']).where('id', '=', reportId).executeTakeFirstOrThrow();
}

describe(`a write sent again with its Idempotency-Key (${testDialect()})`, () => {
  it('answers every re-send of a submit with the first result, and submits once', async () => {
    const key = `${reportId}:submit:1`;
    const first = await send(reporter, `/api/reports/${reportId}/submit`, { completedMonth: 1_500_000 }, key);
    expect(first.status).toBe(200);
    expect(first.replayed).toBeNull();
    const before = await reportRow();
    expect(before.status).toBe('submitted');

    const resends = await Promise.all([1, 2, 3].map(() => send(reporter, `/api/reports/${reportId}/submit`, { completedMonth: 1_500_000 }, key)));
    for (const r of resends) {
      expect(r.status).toBe(200);
      expect(r.replayed).toBe('true');
      expect(r.json).toEqual(first.json);
    }
    // One submission: the report did not move another version on.
    expect(await reportRow()).toEqual(before);
  });

  it('still answers a re-send without the key as before: the report is already submitted', async () => {
    await send(reporter, `/api/reports/${reportId}/submit`, { completedMonth: 1_500_000 }, `${reportId}:submit:1`);
    const again = await send(reporter, `/api/reports/${reportId}/submit`, { completedMonth: 1_500_000 });
    expect(again.status).toBe(409);
  });

  it('runs concurrent first sends once: one does the work, the others wait for its answer', async () => {
    const key = `${reportId}:submit:race`;
    const all = await Promise.all([1, 2, 3, 4].map(() => send(reporter, `/api/reports/${reportId}/submit`, { completedMonth: 900_000 }, key)));
    expect(all.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(all.filter((r) => r.replayed === null)).toHaveLength(1);
    expect((await reportRow()).completed_month).toBe(900_000);
  });

  it('refuses the key sent with another request, saying so, and changes nothing', async () => {
    const key = `${reportId}:submit:2`;
    await send(reporter, `/api/reports/${reportId}/submit`, { completedMonth: 1_500_000 }, key);
    const before = await reportRow();
    const other = await send(reporter, `/api/reports/${reportId}/submit`, { completedMonth: 2_000_000 }, key);
    expect(other.status).toBe(409);
    expect(other.json.error.message).toMatch(/已用于另一个请求/);
    expect(await reportRow()).toEqual(before);
  });

  it('keeps keys per user: another user’s same key is a request of its own', async () => {
    const key = 'shared-key-0001';
    const saved = await send(reporter, `/api/reports/${reportId}/submit`, { completedMonth: 1_000_000 }, key);
    expect(saved.status).toBe(200);
    const returned = await send(dispatcher, `/api/reports/${reportId}/return`, { reason: '数据有误，请核实' }, key);
    expect(returned.status).toBe(200);
    expect(returned.replayed).toBeNull();
    expect((await reportRow()).status).toBe('returned');
  });

  it('keeps a refusal as the answer too: the re-send of a refused submit is refused the same way', async () => {
    const key = `${reportId}:submit:blank`;
    const first = await send(reporter, `/api/reports/${reportId}/submit`, {}, key);
    expect(first.status).toBe(422);
    const again = await send(reporter, `/api/reports/${reportId}/submit`, {}, key);
    expect([again.status, again.replayed]).toEqual([422, 'true']);
    expect(again.json).toEqual(first.json);
  });

  it('refuses a malformed key by the header’s name', async () => {
    const r = await send(reporter, `/api/reports/${reportId}/submit`, { completedMonth: 1 }, 'short');
    expect(r.status).toBe(422);
    expect(r.json.error.message).toMatch(/Idempotency-Key/);
    expect((await reportRow()).status).not.toBe('submitted');
  });

  it('forgets keys after a day, not before', async () => {
    const key = `${reportId}:submit:old`;
    await send(reporter, `/api/reports/${reportId}/submit`, { completedMonth: 1_000_000 }, key);
    expect(await pruneOldIdempotencyKeys(h.db, new Date(clock.getTime() + (IDEMPOTENCY_POLICY.keepHours - 1) * 3_600_000))).toBe(0);
    expect(await pruneOldIdempotencyKeys(h.db, new Date(clock.getTime() + (IDEMPOTENCY_POLICY.keepHours + 1) * 3_600_000))).toBe(1);
  });
});
