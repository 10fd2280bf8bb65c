// A round on today's calendar: the deadline of a month opened late, extensions, reopening for one unit — on injected days.
import { describe, expect, it } from 'vitest';
import {
  canExtend,
  canRelock,
  canReopen,
  deadlineFromDay,
  defaultDeadline,
  openedDeadlineNote,
  reportingDays,
  roundForUnit,
} from '../../../src/domain/round/deadlines.ts';
import { canSave, canSubmit, DEFAULT_ROUND_SETTINGS, type RoundSettings } from '../../../src/domain/round/round.ts';

const S = DEFAULT_ROUND_SETTINGS;
/** 10:00 in 襄垣 on a day: 02:00 UTC. */
const cstMorning = (day: string) => new Date(`${day}T02:00:00Z`);

describe('defaultDeadline', () => {
  it('keeps the month’s own calendar while its deadline is ahead', () => {
    // May's round opened on 1 June: due 5 June 18:00 CST, grace to the 7th.
    expect(defaultDeadline('2021-05', cstMorning('2021-06-01'), S)).toEqual({
      basis: 'calendar',
      deadline: '2021-06-05T10:00:00.000Z',
      graceUntil: '2021-06-07T10:00:00.000Z',
      calendarDeadline: '2021-06-05T10:00:00.000Z',
    });
    // One minute before the deadline the calendar still stands.
    expect(defaultDeadline('2021-05', new Date('2021-06-05T09:59:00Z'), S).basis).toBe('calendar');
  });

  it('counts the calendar from the opening day once the month’s deadline has passed', () => {
    // June 2021 opened on 7 December 2026: the calendar's 4 days run from the 7th, due the 11th at 18:00 CST.
    expect(defaultDeadline('2021-06', cstMorning('2026-12-07'), S)).toEqual({
      basis: 'opening',
      deadline: '2026-12-11T10:00:00.000Z',
      graceUntil: '2026-12-13T10:00:00.000Z',
      calendarDeadline: '2021-07-05T10:00:00.000Z',
    });
    // At the deadline itself the month's own calendar is over.
    expect(defaultDeadline('2021-05', new Date('2021-06-05T10:00:00Z'), S)).toMatchObject({ basis: 'opening', deadline: '2021-06-09T10:00:00.000Z' });
  });

  it('takes the day in China Standard Time: 07:00 on the 1st in 襄垣 is still the last day of the month in UTC', () => {
    // 2026-12-01 07:00 CST = 2026-11-30 23:00 UTC: the opening day is the 1st, so the deadline is the 5th.
    expect(deadlineFromDay(new Date('2026-11-30T23:00:00Z'), S).deadline).toBe('2026-12-05T10:00:00.000Z');
  });

  it('follows a county’s own calendar, and never falls at or before the moment of opening', () => {
    const tight: RoundSettings = { ...S, openDay: 5, deadlineDay: 5, deadlineHour: 12, graceDays: 0 };
    expect(reportingDays(tight)).toBe(0);
    // Opened at 10:00: due at noon the same day.
    expect(deadlineFromDay(cstMorning('2026-12-07'), tight)).toEqual({ deadline: '2026-12-07T04:00:00.000Z', graceUntil: '2026-12-07T04:00:00.000Z' });
    // Opened at 15:00, after the hour: due at noon the next day.
    expect(deadlineFromDay(new Date('2026-12-07T07:00:00Z'), tight).deadline).toBe('2026-12-08T04:00:00.000Z');
    const long: RoundSettings = { ...S, deadlineDay: 10, deadlineHour: 17, graceDays: 3 };
    expect(deadlineFromDay(cstMorning('2026-12-07'), long)).toEqual({ deadline: '2026-12-16T09:00:00.000Z', graceUntil: '2026-12-19T09:00:00.000Z' });
  });

  it('says how the deadline was set', () => {
    const d = defaultDeadline('2021-06', cstMorning('2026-12-07'), S);
    expect(openedDeadlineNote({ month: '2021-06', ...d }, reportingDays(S))).toBe(
      '2021年6月的日历截止时间（2021年7月5日18:00）在开启时已过，截止时间按开启之日起算4天：2026年12月11日18:00，宽限至2026年12月13日18:00。',
    );
    const c = defaultDeadline('2021-05', cstMorning('2021-06-01'), S);
    expect(openedDeadlineNote({ month: '2021-05', ...c }, 4)).toBe('截止时间按月报日历：2021年6月5日18:00，宽限至2021年6月7日18:00。');
  });
});

describe('extending, reopening and locking again', () => {
  const current = { deadline: '2021-07-05T10:00:00.000Z', graceUntil: '2021-07-07T10:00:00.000Z' };

  it('extends an open round only to a later deadline, with a grace not before it', () => {
    expect(canExtend('open', current, { deadline: '2021-07-08T10:00:00.000Z', graceUntil: '2021-07-10T10:00:00.000Z' })).toBeNull();
    expect(canExtend('open', current, { deadline: '2021-07-05T10:00:00.000Z', graceUntil: '2021-07-10T10:00:00.000Z' })).toBe('新的截止时间应晚于现在的截止时间（2021年7月5日18:00）');
    expect(canExtend('open', current, { deadline: '2021-07-08T10:00:00.000Z', graceUntil: '2021-07-08T09:00:00.000Z' })).toBe('宽限截止时间不能早于截止时间');
    expect(canExtend('closed', current, { deadline: '2021-07-08T10:00:00.000Z', graceUntil: '2021-07-10T10:00:00.000Z' })).toMatch(/已关闭.*重新开放/);
  });

  it('reopens only a closed round, for a unit with reports, once at a time; locks again only with nothing waiting', () => {
    expect(canReopen('closed', 3, false)).toBeNull();
    expect(canReopen('open', 3, false)).toMatch(/仍在填报中.*延长截止时间/);
    expect(canReopen('closed', 0, false)).toBe('该单位在本月没有月报');
    expect(canReopen('closed', 3, true)).toBe('本月月报已为该单位重新开放');
    expect(canRelock(true, 0)).toBeNull();
    expect(canRelock(true, 2)).toBe('该单位尚有2份月报已提交、待审核，请审核后再锁定');
    expect(canRelock(false, 0)).toBe('本月月报没有为该单位重新开放');
  });

  it('opens a reopened round to its unit only, under the reopening’s deadline; approved figures stay locked', () => {
    const closed = { status: 'closed' as const, ...current };
    const reopening = { deadline: '2026-12-11T10:00:00.000Z', graceUntil: '2026-12-13T10:00:00.000Z' };
    const forUnit = roundForUnit(closed, reopening);
    expect(forUnit).toEqual({ status: 'open', ...reopening });
    expect(roundForUnit(closed, null)).toEqual(closed);
    // The unit's draft can be saved and submitted before the reopening's grace ends; another unit's stays locked.
    expect(canSave('draft', forUnit.status)).toBeNull();
    expect(canSubmit('draft', forUnit.status, cstMorning('2026-12-08'), forUnit.graceUntil)).toBeNull();
    expect(canSubmit('draft', forUnit.status, cstMorning('2026-12-14'), forUnit.graceUntil)).toMatch(/已过宽限期/);
    expect(canSave('draft', roundForUnit(closed, null).status)).toBe('本月月报已关闭，不能再修改');
    expect(canSave('approved', forUnit.status)).toBe('已审核通过，如需修改请提交更正');
    // An open round is not changed by a reopening.
    expect(roundForUnit({ status: 'open', ...current }, reopening)).toEqual({ status: 'open', ...current });
  });

  it('never blocks saving a draft for a deadline: only submission is refused after the grace period', () => {
    const afterGrace = cstMorning('2021-07-20');
    expect(canSave('draft', 'open')).toBeNull();
    expect(canSave('returned', 'open')).toBeNull();
    expect(canSubmit('draft', 'open', afterGrace, current.graceUntil)).toMatch(/已过宽限期/);
  });
});
