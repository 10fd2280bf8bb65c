// Reminders of the monthly round: sent before and at the deadline, once each, in the app and to a unit's group
// robot — set at DingTalk's public address (no other is allowed), delivered to a local HTTP receiver that stands in
// for it, and the clock passed in, never slept on; a robot stored pointing inside is refused when sending.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { setUnitWebhook } from '../../src/db/repositories/round.repository.ts';
import { createPostWebhook, type PostWebhook } from '../../src/io/webhook.ts';
import { configureUnitWebhook, listNotices } from '../../src/services/round/notices.ts';
import { sendDueReminders } from '../../src/services/round/reminders.ts';
import { listRoundReports, submitReport } from '../../src/services/round/reports.ts';
import { closeRound, openRound } from '../../src/services/round/rounds.ts';
import { approveReport } from '../../src/services/round/review.ts';
import { addProject, COUNTY, seedCounty, WANGQIAO, type CountyFixture } from '../support/factories.ts';
import { openTestDatabase, testDialect } from '../support/test-db.ts';

let h: DatabaseHandle;
let f: CountyFixture;
let server: http.Server;
let receiver = '';
const robot = 'https://oapi.dingtalk.com/robot/send?access_token=wq';
let received: { url: string; content: string }[];

beforeEach(async () => {
  received = [];
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      received.push({ url: req.url ?? '', content: (JSON.parse(body) as { text: { content: string } }).text.content });
      res.setHeader('content-type', 'application/json');
      res.end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  h = await openTestDatabase();
  f = await seedCounty(h.db);
  await addProject(h.db, { name: '古韩镇集中供热改造工程', unitId: f.units.guhan, totalInvestment: 100_000_000, phase: 'newStart', annualPlan: 40_000_000 });
  await addProject(h.db, { name: '王桥镇污水处理厂', unitId: f.units.wangqiao, townshipCode: WANGQIAO, totalInvestment: 30_000_000, phase: 'newStart', annualPlan: 10_000_000 });
  await addProject(h.db, { name: '王桥镇农村公路', unitId: f.units.wangqiao, townshipCode: WANGQIAO, totalInvestment: 20_000_000, phase: 'newStart', annualPlan: 5_000_000 });
});
afterEach(async () => {
  await h.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

// The real sender without its address guard, each robot's public origin carried to where the test listens.
const unguarded = createPostWebhook({ url: () => null, address: () => null });
const toReceiver: PostWebhook = (target, text, now) =>
  unguarded({ ...target, url: target.url.replace('https://oapi.dingtalk.com', receiver).replace('https://qyapi.weixin.qq.com', 'http://127.0.0.1:9') }, text, now);

describe(`round reminders (${testDialect()})`, () => {
  it('reminds the units still missing reports 24 hours before the deadline and at it, once each, in the app and on their robot', async () => {
    await configureUnitWebhook(h.db, f.units.wangqiao, { kind: 'dingtalk', url: robot, secret: 'SEC-test' }, f.actors.dispatcher);
    const round = await openRound(h.db, { regionCode: COUNTY, month: '2021-05' }, f.actors.dispatcher, new Date('2021-06-01T01:00:00Z'));
    // 古韩镇 submits its one report: it is not reminded.
    const guhan = (await listRoundReports(h.db, round.id, f.actors.reporter))[0]!;
    await submitReport(h.db, guhan.id, { completedMonth: 1_000_000 }, f.actors.reporter, new Date('2021-06-02T01:00:00Z'));

    // The deadline is 5 June 18:00 CST (10:00 UTC): nothing is due a day and a minute before it.
    expect(await sendDueReminders(h.db, new Date('2021-06-04T09:59:00Z'), toReceiver)).toEqual([]);
    expect(received).toEqual([]);

    const before = await sendDueReminders(h.db, new Date('2021-06-04T10:00:00Z'), toReceiver);
    expect(before.map((r) => [r.unitId, r.kind, r.channel, r.ok])).toEqual([
      [f.units.wangqiao, 'before', 'app', true],
      [f.units.wangqiao, 'before', 'webhook', true],
    ]);
    expect(received).toHaveLength(1);
    expect(received[0]!.content).toBe('【襄垣县月报提醒】王桥镇人民政府：2021年5月月报截止时间为6月5日18:00，尚有2个项目未提交。');
    expect(received[0]!.url).toMatch(/^\/robot\/send\?access_token=wq&timestamp=1622800800000&sign=/);

    // The timer runs again an hour later: nothing is sent twice.
    expect(await sendDueReminders(h.db, new Date('2021-06-04T11:00:00Z'), toReceiver)).toEqual([]);
    expect(received).toHaveLength(1);

    const at = await sendDueReminders(h.db, new Date('2021-06-05T10:00:00Z'), toReceiver);
    expect(at.map((r) => [r.kind, r.channel])).toEqual([['deadline', 'app'], ['deadline', 'webhook']]);
    expect(received.at(-1)!.content).toBe('【襄垣县月报提醒】王桥镇人民政府：2021年5月月报已于6月5日18:00截止，尚有2个项目未提交，请于6月7日18:00前补报。');

    const notices = await listNotices(h.db, f.actors.otherReporter);
    expect(notices.map((n) => n.text)).toEqual(expect.arrayContaining([received[0]!.content, received[1]!.content]));
    // 古韩镇's reporter sees the round's opening notice, not 王桥镇's reminders.
    expect((await listNotices(h.db, f.actors.reporter)).map((n) => n.text).join()).not.toContain('王桥镇');

    // A closed round reminds nobody.
    await approveReport(h.db, guhan.id, f.actors.dispatcher, new Date('2021-06-05T11:00:00Z'));
    await closeRound(h.db, round.id, f.actors.dispatcher, new Date('2021-06-05T12:00:00Z'));
    expect(await sendDueReminders(h.db, new Date('2021-06-06T10:00:00Z'), toReceiver)).toEqual([]);
  });

  it('records a robot that cannot be reached as a failed reminder, and still reminds in the app', async () => {
    await configureUnitWebhook(h.db, f.units.wangqiao, { kind: 'wecom', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x' }, f.actors.dispatcher);
    await openRound(h.db, { regionCode: COUNTY, month: '2021-05' }, f.actors.dispatcher, new Date('2021-06-01T01:00:00Z'));
    const sent = await sendDueReminders(h.db, new Date('2021-06-04T12:00:00Z'), toReceiver);
    expect(sent.filter((r) => r.unitId === f.units.wangqiao).map((r) => [r.channel, r.ok])).toEqual([['app', true], ['webhook', false]]);
  });

  it('refuses at sending a robot stored pointing inside (set before the rule), records why, and still reminds in the app', async () => {
    await setUnitWebhook(h.db, f.units.wangqiao, { kind: 'wecom', url: `${receiver}/cgi-bin/webhook/send?key=x`, secret: null });
    await openRound(h.db, { regionCode: COUNTY, month: '2021-05' }, f.actors.dispatcher, new Date('2021-06-01T01:00:00Z'));
    // The default sender, as the server's timer uses it.
    const sent = await sendDueReminders(h.db, new Date('2021-06-04T12:00:00Z'));
    expect(sent.filter((r) => r.unitId === f.units.wangqiao).map((r) => [r.channel, r.ok])).toEqual([['app', true], ['webhook', false]]);
    expect(received).toEqual([]);
    const row = await h.db.selectFrom('reminder').select('detail').where('unit_id', '=', f.units.wangqiao).where('channel', '=', 'webhook').executeTakeFirstOrThrow();
    expect(row.detail).toBe('未发送：机器人地址只接受 https:// 开头的公网地址');
  });
});
