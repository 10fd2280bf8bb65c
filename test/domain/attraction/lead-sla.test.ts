// The response timers (江门's rule): 1 day to answer, 3 to assess, 7 to answer the referrer, a report every 2 weeks while
// open — judged on a day passed in, so the clock is the test's.
import { describe, expect, it } from 'vitest';
import { leadTimers, overdueLeads, type LeadSlaFacts } from '../../../src/domain/attraction/lead-sla.ts';

const lead: LeadSlaFacts = { receivedOn: '2023-03-01', stage: 'lead', referrer: '王先生', events: [] };
const brief = (day: string, l: LeadSlaFacts = lead, s?: Parameters<typeof leadTimers>[2]) => leadTimers(l, day, s).map((t) => [t.kind, t.dueOn, t.doneOn, t.overdue, t.daysOverdue]);

describe('leadTimers', () => {
  it('runs every timer from the day the lead came in', () => {
    expect(brief('2023-03-02')).toEqual([
      ['response', '2023-03-02', null, false, 0],
      ['assessment', '2023-03-04', null, false, 0],
      ['referrerAnswer', '2023-03-08', null, false, 0],
      ['progress', '2023-03-15', null, false, 0],
    ]);
  });

  it('counts a day late the day after the deadline, and every day after', () => {
    expect(brief('2023-03-03')[0]).toEqual(['response', '2023-03-02', null, true, 1]);
    expect(brief('2023-03-10').filter((t) => t[3]).map((t) => [t[0], t[4]])).toEqual([['response', 8], ['assessment', 6], ['referrerAnswer', 2]]);
  });

  it('is met by the follow-ups, a move past 线索 meeting the assessment, and the next report falls due two weeks after the last', () => {
    const l = { ...lead, stage: 'negotiating' as const, events: [{ kind: 'response' as const, on: '2023-03-01' }, { kind: 'stage' as const, on: '2023-03-03' }, { kind: 'referrerAnswer' as const, on: '2023-03-09' }] };
    expect(brief('2023-03-20', l)).toEqual([
      ['response', '2023-03-02', '2023-03-01', false, 0],
      ['assessment', '2023-03-04', '2023-03-03', false, 0],
      ['referrerAnswer', '2023-03-08', '2023-03-09', false, 0],
      ['progress', '2023-03-23', null, false, 0],
    ]);
    expect(brief('2023-03-25', l)[3]).toEqual(['progress', '2023-03-23', null, true, 2]);
  });

  it('stops the reports once work has started, and every running timer once the lead has ended', () => {
    expect(brief('2023-09-01', { ...lead, stage: 'started', events: [{ kind: 'response', on: '2023-03-01' }] }).map((t) => t[0])).toEqual(['response', 'assessment', 'referrerAnswer']);
    expect(brief('2023-09-01', { ...lead, stage: 'terminated', events: [{ kind: 'response', on: '2023-03-01' }] }).map((t) => t[0])).toEqual(['response']);
  });

  it('takes a county’s own time limits', () => {
    expect(brief('2023-03-02', { ...lead, referrer: null }, { respondDays: 2, assessDays: 5, referrerDays: 10, reportEveryDays: 30 })).toEqual([
      ['response', '2023-03-03', null, false, 0],
      ['assessment', '2023-03-06', null, false, 0],
      ['progress', '2023-03-31', null, false, 0],
    ]);
  });
});

describe('overdueLeads', () => {
  it('lists each late timer with its reason, the longest overdue first', () => {
    const rows = overdueLeads([{ ...lead, id: 'a', name: '高端装备厂房', referrer: null }, { ...lead, id: 'b', name: '氢能换电站', receivedOn: '2023-03-03', referrer: null }], '2023-03-05');
    expect(rows.map((r) => [r.leadId, r.kind, r.daysOverdue])).toEqual([['a', 'response', 3], ['b', 'response', 1], ['a', 'assessment', 1]]);
    expect(rows[0]!.reason).toBe('线索“高端装备厂房”响应登记应于2023-03-02前完成，已逾期3天（当前阶段：线索）');
  });
});
