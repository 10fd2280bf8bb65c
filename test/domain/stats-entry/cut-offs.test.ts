// The statistics office's cut-offs: the next materials and verification days, and what a setting may hold.
import { describe, expect, it } from 'vitest';
import { cutOffProblems, DEFAULT_CUT_OFF_DAYS, nextCutOffs, parseCutOffDay } from '../../../src/domain/stats-entry/cut-offs.ts';

describe('nextCutOffs', () => {
  it.each([
    ['2021-06-01', '2021-06-10', '2021-06-25'],
    ['2021-06-10', '2021-06-10', '2021-06-25'], // the cut-off day itself still applies
    ['2021-06-11', '2021-07-10', '2021-06-25'],
    ['2021-06-26', '2021-07-10', '2021-07-25'],
    ['2021-12-28', '2022-01-10', '2022-01-25'],
  ])('on %s: materials by %s, verification by %s', (today, materialsBy, verificationBy) => {
    expect(nextCutOffs(today)).toEqual({ materialsDay: 10, verificationDay: 25, materialsBy, verificationBy });
  });

  it('follows a place’s own days', () => {
    expect(nextCutOffs('2021-02-16', { materialsDay: 5, verificationDay: 20 })).toMatchObject({ materialsBy: '2021-03-05', verificationBy: '2021-02-20' });
  });
});

describe('cut-off settings', () => {
  it.each([
    ['10', 10],
    [' 8 ', 8],
    ['28', 28],
    ['29', null],
    ['0', null],
    ['1.5', null],
    ['十', null],
    [undefined, null],
  ])('reads %j as %j', (text, day) => {
    expect(parseCutOffDay(text)).toBe(day);
  });

  it('refuses days some months lack, and verification before materials', () => {
    expect(cutOffProblems(DEFAULT_CUT_OFF_DAYS)).toEqual([]);
    expect(cutOffProblems({ materialsDay: 31, verificationDay: 25 }).map((p) => p.field)).toEqual(['materialsDay']);
    expect(cutOffProblems({ materialsDay: 20, verificationDay: 15 })).toEqual([{ field: 'verificationDay', message: '审核截止日应晚于材料报送截止日' }]);
  });
});
