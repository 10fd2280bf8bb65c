// 开工未入库: whole months since the start, the colour after 1 and 2 months, which projects are flagged, on which day.
import { describe, expect, it } from 'vitest';
import {
  flagDay,
  isStartedNotEntered,
  monthsBefore,
  unenteredBounds,
  unenteredColour,
  unenteredFlag,
  wholeMonthsSince,
  type UnenteredFacts,
} from '../../../src/domain/stats-entry/unentered-flag.ts';

describe('whole months since the start', () => {
  it.each([
    ['2021-04-03', '2021-05-31', 1],
    ['2021-04-23', '2021-05-22', 0],
    ['2021-04-23', '2021-05-23', 1],
    ['2021-03-31', '2021-04-30', 1], // the last day of a month looks back to the last day of the one before
    ['2021-01-31', '2021-02-28', 1],
    ['2021-01-30', '2021-02-27', 0],
    ['2021-03-22', '2021-05-31', 2],
    ['2020-11-15', '2021-05-31', 6],
    ['2021-05-31', '2021-05-31', 0],
    ['2021-06-01', '2021-05-31', 0],
  ])('from %s to %s: %i', (start, day, months) => {
    expect(wholeMonthsSince(start, day)).toBe(months);
  });

  it('steps back whole months, clamping to the end of shorter months', () => {
    expect(monthsBefore('2021-05-31', 1)).toBe('2021-04-30');
    expect(monthsBefore('2021-03-30', 1)).toBe('2021-02-28');
    expect(monthsBefore('2021-05-15', 2)).toBe('2021-03-15');
    expect(monthsBefore('2021-01-10', 1)).toBe('2020-12-10');
  });
});

describe('the colour', () => {
  it.each([
    [0, 'green'],
    [1, 'yellow'],
    [2, 'red'],
    [7, 'red'],
  ] as const)('%i months: %s', (months, colour) => {
    expect(unenteredColour(months)).toBe(colour);
  });

  it('agrees with the bounds a database counts by', () => {
    const day = '2021-05-31';
    const b = unenteredBounds(day);
    expect(b).toEqual({ startedBy: '2021-05-31', yellowIfStartedBy: '2021-04-30', redIfStartedBy: '2021-03-31' });
    for (const start of ['2021-03-31', '2021-04-01', '2021-04-30', '2021-05-01', '2021-05-31']) {
      const colour = unenteredColour(wholeMonthsSince(start, day));
      const byBounds = start <= b.redIfStartedBy ? 'red' : start <= b.yellowIfStartedBy ? 'yellow' : 'green';
      expect(colour, start).toBe(byBounds);
    }
  });
});

describe('which projects are flagged', () => {
  const p: UnenteredFacts = { totalInvestment: 12_600_000, startedOn: '2021-04-23', statsEntry: 'submitted', stage: 'underway' };
  it('flags a started project of 500 万元 and more that is not entered', () => {
    expect(unenteredFlag(p, '2021-05-31')).toEqual({ months: 1, colour: 'yellow' });
    expect(unenteredFlag({ ...p, statsEntry: 'refused' }, '2021-06-30')).toEqual({ months: 2, colour: 'red' });
    expect(unenteredFlag(p, '2021-05-01')).toEqual({ months: 0, colour: 'green' });
  });

  it.each<[string, Partial<UnenteredFacts>]>([
    ['entered', { statsEntry: 'entered' }],
    ['under 500 万元', { totalInvestment: 4_990_000 }],
    ['not started', { startedOn: null }],
    ['started later', { startedOn: '2021-06-02' }],
    ['cancelled', { stage: 'cancelled' }],
  ])('leaves alone a project %s', (_, change) => {
    expect(isStartedNotEntered({ ...p, ...change }, '2021-05-31')).toBe(false);
  });
});

describe('the day a flag is judged on', () => {
  it('is the end of a past as-of month, or today in the current one', () => {
    expect(flagDay('2021-05', '2026-11-23')).toBe('2021-05-31');
    expect(flagDay('2026-11', '2026-11-23')).toBe('2026-11-23');
    expect(flagDay('2027-01', '2026-11-23')).toBe('2026-11-23');
    expect(flagDay(null, '2026-11-23')).toBe('2026-11-23');
  });
});
