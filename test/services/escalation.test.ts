// Escalation of overdue items on an injected clock, on both databases: the reminder to the unit (in the app and on
// its group robot, a local receiver standing in for WeCom), the numbered 督办函 to its leader, the dispatch meeting's
// list — each once per missed deadline however often the timer runs — and again from the start after an extension.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { createPostWebhook, type PostWebhook } from '../../src/io/webhook.ts';
import { configureUnitWebhook, listNotices } from '../../src/services/round/notices.ts';
import { extendItem, reportProgress } from '../../src/services/supervision/item-actions.ts';
import { createItem, getItem, itemBoard } from '../../src/services/supervision/items.ts';
import { sendDueEscalations } from '../../src/services/supervision/escalation.ts';
import { getLetter } from '../../src/services/supervision/letters.ts';
import { saveSupervisionSettings } from '../../src/services/supervision/settings.ts';
import { addProject, COUNTY, seedCounty, type CountyFixture } from '../support/factories.ts';
import { openTestDatabase, testDialect } from '../support/test-db.ts';

let h: DatabaseHandle;
let f: CountyFixture;
let server: http.Server;
let received: string[] = [];
let itemId = '';
// 09:00 in 襄垣 on a day.
const at = (day: string) => new Date(`${day}T01:00:00Z`);

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      received.push((JSON.parse(body) as { text: { content: string } }).text.content);
      res.setHeader('content-type', 'application/json');
      res.end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  h = await openTestDatabase();
  f = await seedCounty(h.db);
  await configureUnitWebhook(h.db, f.units.wangqiao, { kind: 'wecom', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=wq', secret: null }, f.actors.dispatcher);
  // Working days, with the Dragon Boat Festival (Monday 14 June 2021) off.
  await saveSupervisionSettings(h.db, { region: COUNTY, year: 2021, workingDays: true, days: [{ day: '2021-06-14', kind: 'holiday', note: '端午节' }] }, f.actors.dispatcher);
  const projectId = await addProject(h.db, { name: '王桥镇污水处理厂', unitId: f.units.wangqiao, totalInvestment: 30_000_000, phase: 'newStart', annualPlan: 10_000_000, leaderId: f.leaderId });
  // Assigned on Friday 4 June: feedback due Wednesday the 9th, solution (7 working days) Wednesday the 16th.
  const created = await createItem(h.db, { region: COUNTY, kind: 'problem', title: '施工便道未打通', source: 'meeting', projectId, unitId: f.units.wangqiao }, f.actors.dispatcher, at('2021-06-04'));
  itemId = created.item.id;
  expect(created.item).toMatchObject({ feedbackDue: '2021-06-09', solveDue: '2021-06-16', leaderName: '王志强' });
});

afterAll(async () => {
  await h?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

// The real sender without its address guard, the robot's public origin carried to where the test listens.
const unguarded = createPostWebhook({ url: () => null, address: () => null });
const toReceiver: PostWebhook = (target, text, now) =>
  unguarded({ ...target, url: target.url.replace('https://qyapi.weixin.qq.com', `http://127.0.0.1:${(server.address() as AddressInfo).port}`) }, text, now);

describe(`escalation (${testDialect()})`, () => {
  it('waits while the deadlines hold', async () => {
    expect(await sendDueEscalations(h.db, at('2021-06-09'), toReceiver)).toEqual([]);
    expect(received).toEqual([]);
  });

  it('reminds the unit the first working day after the missed feedback, once, in the app and on its robot', async () => {
    const sent = await sendDueEscalations(h.db, at('2021-06-10'), toReceiver);
    expect(sent.map((s) => [s.step, s.channel, s.ok])).toEqual([['reminder', 'app', true], ['reminder', 'webhook', true]]);
    expect(received).toEqual(['【襄垣县督办提醒】王桥镇人民政府：督办事项“施工便道未打通”应于6月9日前反馈，已逾期1天，请抓紧办理并反馈。']);
    expect(await sendDueEscalations(h.db, at('2021-06-10'), toReceiver)).toEqual([]);
    expect(await sendDueEscalations(h.db, new Date('2021-06-10T08:00:00Z'), toReceiver)).toEqual([]);
    const notices = await listNotices(h.db, f.actors.otherReporter);
    expect(notices.map((n) => [n.text, n.link])).toContainEqual([received[0], `/items/${itemId}`]);
  });

  it('sends the 督办函 three working days late, numbered, over the weekend', async () => {
    // Friday the 11th is 2 working days late; Monday the 14th is a holiday; Tuesday the 15th is the third.
    expect(await sendDueEscalations(h.db, at('2021-06-14'), toReceiver)).toEqual([]);
    const sent = await sendDueEscalations(h.db, at('2021-06-15'), toReceiver);
    expect(sent.map((s) => [s.step, s.channel])).toEqual([['letter', 'app'], ['letter', 'webhook']]);
    expect(received.at(-1)).toContain('已发出督办函（襄垣督办〔2021〕1号），呈包联领导王志强同志');
    const detail = await getItem(h.db, itemId, f.actors.dispatcher, at('2021-06-15'));
    expect(detail.letters.map((l) => [l.number, l.deadlineKind, l.dueOn, l.daysLate, l.issuedOn, l.answerBy])).toEqual([
      ['襄垣督办〔2021〕1号', 'feedback', '2021-06-09', 3, '2021-06-15', '2021-06-18'],
    ]);
    const letter = await getLetter(h.db, detail.letters[0]!.id, f.actors.leader);
    expect(letter.addressee).toBe('王桥镇人民政府、王志强同志：');
    expect(letter.paragraphs[0]).toContain('应于2021年6月9日前反馈，截至2021年6月15日已逾期3天，仍未反馈办理情况。');
    expect(letter.paragraphs).toContain('交办以来，责任单位未反馈办理情况。');
  });

  it('moves on to the solution\'s deadline once the unit reports back, and puts the item on the meeting\'s list when it is a week late', async () => {
    await reportProgress(h.db, itemId, { note: '已与村委协商，正在办理用地手续' }, f.actors.otherReporter, at('2021-06-15'));
    // Solution due the 16th: the 17th is one working day late.
    expect((await sendDueEscalations(h.db, at('2021-06-17'), toReceiver)).map((s) => [s.step, s.channel])).toEqual([['reminder', 'app'], ['reminder', 'webhook']]);
    const late = await sendDueEscalations(h.db, at('2021-06-25'), toReceiver);
    expect(late.map((s) => [s.step, s.channel])).toEqual([['letter', 'app'], ['meeting', 'app'], ['letter', 'webhook'], ['meeting', 'webhook']]);
    const board = await itemBoard(h.db, { region: COUNTY, meeting: true, on: '2021-06-25' }, f.actors.dispatcher, at('2021-06-25'));
    expect(board.items.map((i) => [i.title, i.onMeetingList, i.overdue?.daysLate])).toEqual([['施工便道未打通', true, 7]]);
    const detail = await getItem(h.db, itemId, f.actors.dispatcher, at('2021-06-25'));
    expect(detail.letters.map((l) => l.number)).toEqual(['襄垣督办〔2021〕1号', '襄垣督办〔2021〕2号']);
    expect(detail.history.filter((e) => ['reminded', 'letter', 'meeting'].includes(e.kind)).map((e) => [e.kind, e.on])).toEqual([
      ['reminded', '2021-06-10'],
      ['letter', '2021-06-15'],
      ['reminded', '2021-06-17'],
      ['letter', '2021-06-25'],
      ['meeting', '2021-06-25'],
    ]);
  });

  it('leaves the meeting\'s list while an extension holds, and starts again from the reminder when it is missed', async () => {
    await extendItem(h.db, itemId, { newDue: '2021-06-30', reason: '村委换届，用地协议推迟签订' }, f.actors.dispatcher, at('2021-06-25'));
    expect(await sendDueEscalations(h.db, at('2021-06-30'), toReceiver)).toEqual([]);
    const board = await itemBoard(h.db, { region: COUNTY, on: '2021-06-30' }, f.actors.dispatcher, at('2021-06-30'));
    expect(board.items[0]).toMatchObject({ overdue: null, onMeetingList: false });
    expect((await sendDueEscalations(h.db, at('2021-07-01'), toReceiver)).map((s) => s.step)).toEqual(['reminder', 'reminder']);
    expect(received).toHaveLength(6);
  });
});
