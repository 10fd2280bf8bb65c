// The round's rules: settings from the settings table, its calendar in CST, who may save, submit, approve or return, and lateness.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/domain/errors.ts';
import {
  canApprove,
  canReturn,
  canSave,
  canSubmit,
  cstLabel,
  DEFAULT_ROUND_SETTINGS,
  isLate,
  parseRoundSettings,
  REPORT_STATUSES,
  roundSchedule,
  shouldOpenRound,
  type ReportStatus,
} from '../../../src/domain/round/round.ts';

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('parseRoundSettings', () => {
  it('takes the defaults for missing or blank keys', () => {
    expect(parseRoundSettings({})).toEqual({ openDay: 1, deadlineDay: 5, deadlineHour: 18, graceDays: 2, reminderLeadHours: 24 });
    expect(parseRoundSettings({ 'round.graceDays': '  ', 'round.openDay': undefined })).toEqual(DEFAULT_ROUND_SETTINGS);
  });

  it('reads the keys of the settings table, ignoring others', () => {
    const s = parseRoundSettings({ 'round.deadlineDay': '10', 'round.deadlineHour': ' 17 ', 'round.graceDays': '0', 'other.key': 'x' });
    expect(s).toEqual({ openDay: 1, deadlineDay: 10, deadlineHour: 17, graceDays: 0, reminderLeadHours: 24 });
  });

  it.each([
    ['round.openDay', '29'],
    ['round.openDay', '0'],
    ['round.deadlineDay', 'abc'],
    ['round.deadlineHour', '24'],
    ['round.graceDays', '1.5'],
    ['round.reminderLeadHours', '-1'],
  ])('refuses %s = %s, naming the key', (key, value) => {
    const e = refusal(() => parseRoundSettings({ [key]: value }));
    expect(e.code).toBe('invalid_input');
    expect(e.details).toHaveLength(1);
    expect(e.details[0]!.field).toBe(key);
    expect(e.message).toContain(key);
    expect(e.message).toContain(`“${value}”`);
  });

  it('refuses a deadline that is not after the opening', () => {
    const e = refusal(() => parseRoundSettings({ 'round.openDay': '10', 'round.deadlineDay': '5' }));
    expect(e.details[0]!.field).toBe('round.deadlineDay');
    expect(e.message).toContain('截止时间应晚于月报开启时间（每月10日0时）');
    expect(() => parseRoundSettings({ 'round.openDay': '5', 'round.deadlineDay': '5', 'round.deadlineHour': '0' })).toThrow(AppError);
    expect(parseRoundSettings({ 'round.openDay': '5', 'round.deadlineDay': '5', 'round.deadlineHour': '1' }).deadlineDay).toBe(5);
  });
});

describe('roundSchedule', () => {
  it('puts the May round in June, in China Standard Time', () => {
    // 2021-06-01 00:00 CST is 2021-05-31 16:00 UTC; 6月5日18:00 CST is 10:00 UTC.
    expect(roundSchedule('2021-05', DEFAULT_ROUND_SETTINGS)).toEqual({
      opensAt: '2021-05-31T16:00:00.000Z',
      deadline: '2021-06-05T10:00:00.000Z',
      graceUntil: '2021-06-07T10:00:00.000Z',
    });
  });

  it('crosses the year for December', () => {
    expect(roundSchedule('2021-12', DEFAULT_ROUND_SETTINGS)).toEqual({
      opensAt: '2021-12-31T16:00:00.000Z',
      deadline: '2022-01-05T10:00:00.000Z',
      graceUntil: '2022-01-07T10:00:00.000Z',
    });
  });

  it('lets the grace run into the month after (February has 28 days in 2021)', () => {
    const s = { ...DEFAULT_ROUND_SETTINGS, openDay: 20, deadlineDay: 27, deadlineHour: 9, graceDays: 3 };
    expect(roundSchedule('2021-01', s)).toEqual({
      opensAt: '2021-02-19T16:00:00.000Z',
      deadline: '2021-02-27T01:00:00.000Z',
      graceUntil: '2021-03-02T01:00:00.000Z',
    });
  });

  it('opens the round at its opening instant, not before', () => {
    expect(shouldOpenRound('2021-05', new Date('2021-05-31T15:59:59.999Z'), DEFAULT_ROUND_SETTINGS)).toBe(false);
    expect(shouldOpenRound('2021-05', new Date('2021-05-31T16:00:00.000Z'), DEFAULT_ROUND_SETTINGS)).toBe(true);
    expect(shouldOpenRound('2021-04', new Date('2021-05-31T15:00:00.000Z'), DEFAULT_ROUND_SETTINGS)).toBe(true);
  });

  it('shows an instant on a CST clock', () => {
    expect(cstLabel('2021-06-07T10:00:00.000Z')).toBe('6月7日18:00');
    expect(cstLabel('2021-06-04T16:30:00.000Z')).toBe('6月5日0:30');
  });
});

describe('report actions', () => {
  const graceUntil = '2021-06-07T10:00:00.000Z';
  const inGrace = new Date('2021-06-06T00:00:00.000Z');
  const afterGrace = new Date('2021-06-07T10:00:00.001Z');

  it('saves drafts and returned reports in an open round only', () => {
    const open = Object.fromEntries(REPORT_STATUSES.map((s) => [s, canSave(s, 'open')]));
    expect(open).toEqual({
      draft: null,
      returned: null,
      submitted: '已提交，等待审核，不能修改',
      approved: '已审核通过，如需修改请提交更正',
    });
    for (const s of REPORT_STATUSES) expect(canSave(s, 'closed')).toBe('本月月报已关闭，不能再修改');
  });

  it('takes a reporter’s submission until the end of grace, then only the dispatcher’s', () => {
    expect(canSubmit('draft', 'open', inGrace, graceUntil)).toBeNull();
    expect(canSubmit('draft', 'open', new Date(graceUntil), graceUntil)).toBeNull();
    expect(canSubmit('draft', 'open', afterGrace, graceUntil)).toBe('已过宽限期（6月7日18:00），请联系调度员');
    expect(canSubmit('draft', 'open', afterGrace, graceUntil, 'dispatcher')).toBeNull();
  });

  it('takes a returned report back at any time while the round is open', () => {
    expect(canSubmit('returned', 'open', afterGrace, graceUntil)).toBeNull();
    expect(canSubmit('returned', 'closed', inGrace, graceUntil)).toBe('本月月报已关闭，不能再修改');
  });

  it('refuses to submit twice, after approval, or in a closed round', () => {
    expect(canSubmit('submitted', 'open', inGrace, graceUntil)).toBe('已提交，等待审核，不能修改');
    expect(canSubmit('approved', 'open', inGrace, graceUntil, 'dispatcher')).toBe('已审核通过，如需修改请提交更正');
    expect(canSubmit('draft', 'closed', inGrace, graceUntil, 'dispatcher')).toBe('本月月报已关闭，不能再修改');
  });

  it('reviews only submitted reports in an open round', () => {
    const table = (fn: (s: ReportStatus, r: 'open' | 'closed') => string | null) =>
      Object.fromEntries(REPORT_STATUSES.map((s) => [s, fn(s, 'open')]));
    const expected = {
      submitted: null,
      draft: '尚未提交，不能审核',
      returned: '已退回，等待填报单位修改后重新提交',
      approved: '已审核通过，如需修改请提交更正',
    };
    expect(table(canApprove)).toEqual(expected);
    expect(table(canReturn)).toEqual(expected);
    expect(canApprove('submitted', 'closed')).toBe('本月月报已关闭，不能再修改');
    expect(canReturn('submitted', 'closed')).toBe('本月月报已关闭，不能再修改');
  });
});

describe('isLate', () => {
  const deadline = '2021-06-05T10:00:00.000Z';
  it('is on time at the deadline itself and late a moment after', () => {
    const later = new Date('2021-06-20T00:00:00.000Z');
    expect(isLate('2021-06-05T10:00:00.000Z', deadline, later)).toBe(false);
    expect(isLate('2021-06-05T10:00:00.001Z', deadline, later)).toBe(true);
  });
  it('counts a report not yet submitted as late only once the deadline has passed', () => {
    expect(isLate(null, deadline, new Date('2021-06-05T10:00:00.000Z'))).toBe(false);
    expect(isLate(null, deadline, new Date('2021-06-05T10:00:00.001Z'))).toBe(true);
  });
});
