// Who is late: a round built with on-time, late, missing and returned reports, every count checked by hand.
import { describe, expect, it } from 'vitest';
import { roundScoreboard, scoreboardTotal, TOTAL_UNIT_ID, yearTimeliness, type ReportForScore, type UnitScore } from '../../../src/domain/round/scoreboard.ts';

// The May 2021 round is due 2021-06-05 18:00 CST = 10:00 UTC.
const deadline = '2021-06-05T10:00:00.000Z';
const afterDeadline = new Date('2021-06-06T00:00:00.000Z');

const may: ReportForScore[] = [
  // 王桥镇 (A): five projects.
  { unitId: 'A', status: 'approved', firstSubmittedAt: '2021-06-03T02:00:00.000Z' }, // on time, approved
  { unitId: 'A', status: 'submitted', firstSubmittedAt: '2021-06-05T10:00:00.000Z' }, // at the deadline: on time
  { unitId: 'A', status: 'submitted', firstSubmittedAt: '2021-06-05T12:00:00.000Z', returnedCount: 0 }, // late
  { unitId: 'A', status: 'returned', firstSubmittedAt: '2021-06-04T08:00:00.000Z', returnedCount: 1 }, // on time, now back with the unit
  { unitId: 'A', status: 'draft', firstSubmittedAt: null }, // missing
  // 侯堡镇 (B): two projects.
  { unitId: 'B', status: 'submitted', firstSubmittedAt: '2021-06-02T01:00:00.000Z', returnedCount: 2 }, // returned twice, resubmitted: on time
  { unitId: 'B', status: 'draft', firstSubmittedAt: '2021-06-05T11:00:00.000Z', returnedCount: 1 }, // late, returned, saved back to draft
  // 夏店镇 (C): nothing submitted.
  { unitId: 'C', status: 'draft', firstSubmittedAt: null },
  { unitId: 'C', status: 'draft', firstSubmittedAt: null },
];

function score(unitId: string, counts: Omit<UnitScore, 'unitId'>): UnitScore {
  return { unitId, ...counts };
}

function partitionsHold(s: UnitScore) {
  expect(s.submitted + s.returned + s.pending + s.missing).toBe(s.due);
  expect(s.onTime + s.late + s.pending + s.missing).toBe(s.due);
}

describe('roundScoreboard', () => {
  it('counts every report once per column after the deadline', () => {
    const rows = roundScoreboard(may, deadline, afterDeadline);
    expect(rows).toEqual([
      score('A', { due: 5, submitted: 3, approved: 1, returned: 1, late: 1, onTime: 3, missing: 1, pending: 0, returnCount: 1, timelinessRate: 3 / 5 }),
      score('B', { due: 2, submitted: 1, approved: 0, returned: 1, late: 1, onTime: 1, missing: 0, pending: 0, returnCount: 3, timelinessRate: 1 / 2 }),
      score('C', { due: 2, submitted: 0, approved: 0, returned: 0, late: 0, onTime: 0, missing: 2, pending: 0, returnCount: 0, timelinessRate: 0 }),
    ]);
    rows.forEach(partitionsHold);
  });

  it('sums the units into a total row, the rate from the sums', () => {
    const total = scoreboardTotal(roundScoreboard(may, deadline, afterDeadline), deadline, afterDeadline);
    expect(total).toEqual(
      score(TOTAL_UNIT_ID, { due: 9, submitted: 4, approved: 1, returned: 2, late: 2, onTime: 4, missing: 3, pending: 0, returnCount: 4, timelinessRate: 4 / 9 }),
    );
    partitionsHold(total);
  });

  it('calls reports not yet submitted pending, not missing, before the deadline, and gives no rate yet', () => {
    const before = new Date('2021-06-05T09:00:00.000Z');
    const early = may.filter((r) => r.firstSubmittedAt === null || r.firstSubmittedAt < '2021-06-05T09:00:00.000Z');
    const rows = roundScoreboard(early, deadline, before);
    expect(rows).toEqual([
      score('A', { due: 3, submitted: 1, approved: 1, returned: 1, late: 0, onTime: 2, missing: 0, pending: 1, returnCount: 1, timelinessRate: null }),
      score('B', { due: 1, submitted: 1, approved: 0, returned: 0, late: 0, onTime: 1, missing: 0, pending: 0, returnCount: 2, timelinessRate: null }),
      score('C', { due: 2, submitted: 0, approved: 0, returned: 0, late: 0, onTime: 0, missing: 0, pending: 2, returnCount: 0, timelinessRate: null }),
    ]);
    expect(scoreboardTotal(rows, deadline, before).timelinessRate).toBeNull();
  });

  it('is empty for a round without reports, with a total of zeros', () => {
    expect(roundScoreboard([], deadline, afterDeadline)).toEqual([]);
    expect(scoreboardTotal([], deadline, afterDeadline).timelinessRate).toBeNull();
  });
});

describe('yearTimeliness', () => {
  const june: ReportForScore[] = [
    { unitId: 'A', status: 'approved', firstSubmittedAt: '2021-07-01T00:00:00.000Z' },
    { unitId: 'A', status: 'approved', firstSubmittedAt: '2021-07-05T09:59:59.000Z' },
    { unitId: 'B', status: 'draft', firstSubmittedAt: null },
  ];
  const july: ReportForScore[] = [
    { unitId: 'A', status: 'draft', firstSubmittedAt: null },
    { unitId: 'D', status: 'submitted', firstSubmittedAt: '2021-08-01T00:00:00.000Z' },
  ];
  const rounds = [
    { deadline, reports: may },
    { deadline: '2021-07-05T10:00:00.000Z', reports: june },
    { deadline: '2021-08-05T10:00:00.000Z', reports: july }, // still running on 2021-08-02
  ];

  it('divides on-time reports by reports due over the rounds whose deadline has passed', () => {
    expect(yearTimeliness(rounds, new Date('2021-08-02T00:00:00.000Z'))).toEqual([
      { unitId: 'A', rounds: 2, due: 7, onTime: 5, late: 1, missing: 1, timelinessRate: 5 / 7 },
      { unitId: 'B', rounds: 2, due: 3, onTime: 1, late: 1, missing: 1, timelinessRate: 1 / 3 },
      { unitId: 'C', rounds: 1, due: 2, onTime: 0, late: 0, missing: 2, timelinessRate: 0 },
      { unitId: 'D', rounds: 0, due: 0, onTime: 0, late: 0, missing: 0, timelinessRate: null },
    ]);
  });

  it('counts the running round once its deadline has passed', () => {
    const a = yearTimeliness(rounds, new Date('2021-08-06T00:00:00.000Z')).find((r) => r.unitId === 'A');
    expect(a).toEqual({ unitId: 'A', rounds: 3, due: 8, onTime: 5, late: 1, missing: 2, timelinessRate: 5 / 8 });
  });
});
