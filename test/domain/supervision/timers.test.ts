// The 13710 timers: calendar or working days across a weekend and a holiday, deadlines replaced by a plan or an
// extension, where an item stands on a day, and the escalation steps taken once per missed deadline.
import { describe, expect, it } from 'vitest';
import { weekday } from '../../../src/domain/months.ts';
import {
  dueEscalations,
  escalationKey,
  escalationRefusal,
  extensionRefusal,
  itemTimers,
  planRefusal,
  reachedSteps,
  timerState,
  DEFAULT_ESCALATION,
  type ItemTimerFacts,
} from '../../../src/domain/supervision/timers.ts';
import { addTimerDays, daysLate, isWorkingDay, sameDayDue, CALENDAR_DAYS, type WorkCalendar } from '../../../src/domain/supervision/work-calendar.ts';

// 4 June 2021 was a Friday; 14 June 2021 the Dragon Boat Festival (端午节), a Monday off.
const FRIDAY = '2021-06-04';
const WORKING: WorkCalendar = { workingDays: true, holidays: new Set(), workdays: new Set() };
const WORKING_WITH_HOLIDAY: WorkCalendar = { workingDays: true, holidays: new Set(['2021-06-14']), workdays: new Set() };

const item = (over: Partial<ItemTimerFacts> = {}): ItemTimerFacts => ({
  status: 'assigned',
  level: 'ordinary',
  raisedOn: FRIDAY,
  assignedOn: FRIDAY,
  feedbackOn: null,
  dueOn: null,
  planDue: null,
  extendedDue: null,
  ...over,
});

describe('the working calendar', () => {
  it('knows the weekend, a holiday and a weekend day worked', () => {
    expect(weekday(FRIDAY)).toBe(5);
    expect(isWorkingDay('2021-06-05', WORKING)).toBe(false);
    expect(isWorkingDay('2021-06-14', WORKING_WITH_HOLIDAY)).toBe(false);
    expect(isWorkingDay('2021-06-14', WORKING)).toBe(true);
    // 2021-09-18 (a Saturday) was worked before the Mid-Autumn holiday.
    expect(isWorkingDay('2021-09-18', { workingDays: true, holidays: new Set(), workdays: new Set(['2021-09-18']) })).toBe(true);
  });

  it.each([
    [CALENDAR_DAYS, 3, '2021-06-07'],
    [WORKING, 3, '2021-06-09'],
    [CALENDAR_DAYS, 7, '2021-06-11'],
    [WORKING, 7, '2021-06-15'],
    [WORKING_WITH_HOLIDAY, 7, '2021-06-16'],
  ])('adds timer days to a Friday: %#', (cal, n, expected) => {
    expect(addTimerDays(FRIDAY, n, cal)).toBe(expected);
  });

  it('moves a same-day deadline raised on Saturday to Monday on working days only', () => {
    expect(sameDayDue('2021-06-05', CALENDAR_DAYS)).toBe('2021-06-05');
    expect(sameDayDue('2021-06-05', WORKING)).toBe('2021-06-07');
  });

  it('counts the days late over a weekend as the county counts them', () => {
    expect(daysLate('2021-06-04', '2021-06-07', CALENDAR_DAYS)).toBe(3);
    expect(daysLate('2021-06-04', '2021-06-07', WORKING)).toBe(1);
    expect(daysLate('2021-06-04', '2021-06-04', WORKING)).toBe(0);
    expect(daysLate('2021-06-11', '2021-06-15', WORKING_WITH_HOLIDAY)).toBe(1);
  });
});

describe('the 13710 deadlines', () => {
  it('assigns the same day, asks feedback in 3 days and a solution in 7, calendar days', () => {
    expect(itemTimers(item(), CALENDAR_DAYS)).toEqual({ assignDue: FRIDAY, feedbackDue: '2021-06-07', solveDue: '2021-06-11' });
  });

  it('counts working days across the weekend and the holiday', () => {
    expect(itemTimers(item(), WORKING_WITH_HOLIDAY)).toEqual({ assignDue: FRIDAY, feedbackDue: '2021-06-09', solveDue: '2021-06-16' });
  });

  it('gives a major item 30 days, or its dated plan, and an extension beats both', () => {
    expect(itemTimers(item({ level: 'major' }), CALENDAR_DAYS).solveDue).toBe('2021-07-04');
    expect(itemTimers(item({ level: 'major', planDue: '2021-09-30' }), CALENDAR_DAYS).solveDue).toBe('2021-09-30');
    // A plan is for major items: an ordinary item keeps its 7 days.
    expect(itemTimers(item({ planDue: '2021-09-30' }), CALENDAR_DAYS).solveDue).toBe('2021-06-11');
    expect(itemTimers(item({ level: 'major', planDue: '2021-09-30', extendedDue: '2021-10-31' }), CALENDAR_DAYS).solveDue).toBe('2021-10-31');
    expect(itemTimers(item({ dueOn: '2021-12-31' }), CALENDAR_DAYS).solveDue).toBe('2021-12-31');
  });

  it('has no feedback or solution deadline before assignment', () => {
    expect(itemTimers(item({ status: 'raised', assignedOn: null }), WORKING)).toEqual({ assignDue: FRIDAY, feedbackDue: null, solveDue: null });
  });
});

describe('an item on a day', () => {
  it('is late for feedback after 3 days without a note, then late for the solution', () => {
    expect(timerState(item(), '2021-06-07', CALENDAR_DAYS).overdue).toBeNull();
    expect(timerState(item(), '2021-06-08', CALENDAR_DAYS).overdue).toEqual({ kind: 'feedback', due: '2021-06-07', daysLate: 1 });
    expect(timerState(item(), '2021-06-13', CALENDAR_DAYS).overdue).toEqual({ kind: 'solve', due: '2021-06-11', daysLate: 2 });
    // On working days the same Tuesday is within the feedback deadline.
    expect(timerState(item(), '2021-06-08', WORKING).overdue).toBeNull();
  });

  it('stops the feedback timer at the first note, and every timer while the close-out waits or once closed', () => {
    expect(timerState(item({ feedbackOn: '2021-06-05' }), '2021-06-09', CALENDAR_DAYS).overdue).toBeNull();
    expect(timerState(item({ status: 'closeRequested', feedbackOn: '2021-06-05' }), '2021-06-20', CALENDAR_DAYS).overdue).toBeNull();
    expect(timerState(item({ status: 'closed', feedbackOn: '2021-06-05' }), '2021-06-20', CALENDAR_DAYS).overdue).toBeNull();
  });

  it('runs the assignment deadline while the dispatcher has not assigned', () => {
    const raised = item({ status: 'raised', assignedOn: null });
    expect(timerState(raised, FRIDAY, CALENDAR_DAYS).next).toEqual({ kind: 'assign', due: FRIDAY, daysLeft: 0 });
    expect(timerState(raised, '2021-06-05', CALENDAR_DAYS).overdue).toEqual({ kind: 'assign', due: FRIDAY, daysLate: 1 });
  });

  it('names the next deadline and the days left to it', () => {
    expect(timerState(item(), '2021-06-05', CALENDAR_DAYS).next).toEqual({ kind: 'feedback', due: '2021-06-07', daysLeft: 2 });
    expect(timerState(item({ feedbackOn: FRIDAY }), '2021-06-10', WORKING).next).toEqual({ kind: 'solve', due: '2021-06-15', daysLeft: 3 });
  });

  it('refuses an extension that is not later and a plan before the assignment', () => {
    expect(extensionRefusal('2021-06-11', '2021-06-11')).toBe('延期后的期限应晚于原期限（2021-06-11）');
    expect(extensionRefusal('2021-06-11', '2021-06-31')).toBe('新的期限不是有效日期');
    expect(extensionRefusal('2021-06-11', '2021-06-20')).toBeNull();
    expect(planRefusal(FRIDAY, '2021-06-04')).toBe('计划解决日期应晚于交办日期（2021-06-04）');
  });
});

describe('escalation', () => {
  it('reaches the reminder on the first day late, the letter on the third, the meeting on the seventh', () => {
    expect(reachedSteps(0, DEFAULT_ESCALATION)).toEqual([]);
    expect(reachedSteps(1, DEFAULT_ESCALATION)).toEqual(['reminder']);
    expect(reachedSteps(3, DEFAULT_ESCALATION)).toEqual(['reminder', 'letter']);
    expect(reachedSteps(7, DEFAULT_ESCALATION)).toEqual(['reminder', 'letter', 'meeting']);
  });

  it('takes each step once per missed deadline, and again from the start for an extension', () => {
    const late = timerState(item({ feedbackOn: FRIDAY }), '2021-06-15', CALENDAR_DAYS);
    const due = dueEscalations(late, new Set(), DEFAULT_ESCALATION);
    expect(due.map((d) => d.step)).toEqual(['reminder', 'letter']);
    const taken = new Set(due.map((d) => escalationKey(d.step, d.kind, d.due)));
    expect(dueEscalations(late, taken, DEFAULT_ESCALATION)).toEqual([]);
    const extended = timerState(item({ feedbackOn: FRIDAY, extendedDue: '2021-06-20' }), '2021-06-21', CALENDAR_DAYS);
    expect(dueEscalations(extended, taken, DEFAULT_ESCALATION)).toEqual([{ step: 'reminder', kind: 'solve', due: '2021-06-20', daysLate: 1 }]);
  });

  it('does not escalate the dispatcher\'s own late assignment', () => {
    expect(dueEscalations(timerState(item({ status: 'raised', assignedOn: null }), '2021-06-20', CALENDAR_DAYS), new Set(), DEFAULT_ESCALATION)).toEqual([]);
  });

  it('refuses steps out of order', () => {
    expect(escalationRefusal({ reminderAfterDays: 1, letterAfterDays: 5, meetingAfterDays: 3 })).toBe('应先提醒，再发督办函，最后列入调度会');
    expect(escalationRefusal(DEFAULT_ESCALATION)).toBeNull();
  });
});
