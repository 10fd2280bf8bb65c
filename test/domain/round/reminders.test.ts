// Reminders: which unit gets which reminder when (the clock injected), the words in CST, the robot body and DingTalk's signature.
import { describe, expect, it } from 'vitest';
import { dueReminders, reminderText, webhookMessage } from '../../../src/domain/round/reminders.ts';

// The May 2021 round: due 6月5日18:00 CST (10:00 UTC), grace until 6月7日18:00.
const round = { month: '2021-05', deadline: '2021-06-05T10:00:00.000Z', status: 'open' as const, graceUntil: '2021-06-07T10:00:00.000Z' };
const at = (iso: string) => new Date(iso);
const due = (now: string, sent: string[] = [], r: Parameters<typeof dueReminders>[0]['round'] = round) =>
  dueReminders({ round: r, pendingUnitIds: ['A', 'B', 'A'], sent: new Set(sent), now: at(now), leadHours: 24 });

describe('dueReminders', () => {
  it('sends nothing before the lead time', () => {
    expect(due('2021-06-04T09:59:59.999Z')).toEqual([]);
  });

  it('sends "before" from 24 hours ahead, once per unit', () => {
    expect(due('2021-06-04T10:00:00.000Z')).toEqual([{ unitId: 'A', kind: 'before' }, { unitId: 'B', kind: 'before' }]);
    expect(due('2021-06-05T09:59:59.999Z', ['A:before'])).toEqual([{ unitId: 'B', kind: 'before' }]);
  });

  it('sends "deadline" from the deadline until the end of grace, not a stale "before"', () => {
    expect(due('2021-06-05T10:00:00.000Z', ['A:before', 'B:before'])).toEqual([{ unitId: 'A', kind: 'deadline' }, { unitId: 'B', kind: 'deadline' }]);
    expect(due('2021-06-06T00:00:00.000Z', ['A:deadline'])).toEqual([{ unitId: 'B', kind: 'deadline' }]);
    expect(due('2021-06-07T10:00:00.000Z')).toHaveLength(2);
    expect(due('2021-06-07T10:00:00.001Z')).toEqual([]);
  });

  it('keeps sending "deadline" until the round closes when no grace is given', () => {
    const { graceUntil: _g, ...noGrace } = round;
    expect(due('2021-06-20T00:00:00.000Z', [], noGrace)).toHaveLength(2);
  });

  it('sends nothing for a closed round, or with nobody pending', () => {
    expect(due('2021-06-05T10:00:00.000Z', [], { ...round, status: 'closed' })).toEqual([]);
    expect(dueReminders({ round, pendingUnitIds: [], sent: new Set(), now: at('2021-06-05T10:00:00.000Z'), leadHours: 24 })).toEqual([]);
  });

  it('honours another lead time', () => {
    const two = (now: string) => dueReminders({ round, pendingUnitIds: ['A'], sent: new Set(), now: at(now), leadHours: 2 });
    expect(two('2021-06-05T07:59:59.999Z')).toEqual([]);
    expect(two('2021-06-05T08:00:00.000Z')).toEqual([{ unitId: 'A', kind: 'before' }]);
  });
});

describe('reminderText', () => {
  it('words the reminder before the deadline with the time in CST', () => {
    expect(reminderText({ regionName: '', unitName: '王桥镇', month: '2021-05', deadline: round.deadline, pending: 3, kind: 'before' })).toBe(
      '【月报提醒】王桥镇：2021年5月月报截止时间为6月5日18:00，尚有3个项目未提交。',
    );
  });

  it('words the reminder at the deadline, with the grace when known, the region in the head', () => {
    const base = { regionName: '襄垣县', unitName: '侯堡镇', month: '2021-05', deadline: round.deadline, pending: 1, kind: 'deadline' as const };
    expect(reminderText({ ...base, graceUntil: round.graceUntil })).toBe(
      '【襄垣县月报提醒】侯堡镇：2021年5月月报已于6月5日18:00截止，尚有1个项目未提交，请于6月7日18:00前补报。',
    );
    expect(reminderText(base)).toBe('【襄垣县月报提醒】侯堡镇：2021年5月月报已于6月5日18:00截止，尚有1个项目未提交，请尽快补报。');
  });

  it('names December’s round in the year it belongs to, due in January', () => {
    const text = reminderText({ regionName: '', unitName: '虒亭镇', month: '2021-12', deadline: '2022-01-05T10:00:00.000Z', pending: 2, kind: 'before' });
    expect(text).toBe('【月报提醒】虒亭镇：2021年12月月报截止时间为1月5日18:00，尚有2个项目未提交。');
  });
});

describe('webhooks', () => {
  it('builds the text body both group robots take', () => {
    expect(webhookMessage('dingtalk', '你好')).toEqual({ msgtype: 'text', text: { content: '你好' } });
    expect(JSON.stringify(webhookMessage('wecom', '你好'))).toBe('{"msgtype":"text","text":{"content":"你好"}}');
  });
});
