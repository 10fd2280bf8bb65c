// The app's current month of a county, and the words of completeness every figure from an open round carries.
import { describe, expect, it } from 'vitest';
import { completenessLabel, currentMonth, figureWindow } from '../../../src/domain/round/current-month.ts';

describe('currentMonth', () => {
  it.each([
    [{ pinned: '2021-04', lastClosedRound: '2021-06', settledFigures: '2021-06' }, { month: '2021-04', source: 'pinned' }],
    [{ pinned: null, lastClosedRound: '2021-06', settledFigures: '2021-07' }, { month: '2021-06', source: 'closedRound' }],
    [{ pinned: null, lastClosedRound: null, settledFigures: '2021-05' }, { month: '2021-05', source: 'figures' }],
    [{ pinned: null, lastClosedRound: null, settledFigures: null }, { month: null, source: 'none' }],
  ] as const)('%o → %o', (input, expected) => {
    expect(currentMonth(input)).toEqual(expected);
  });
});

describe('completeness', () => {
  it('reads as the clerk writes it', () => {
    expect(completenessLabel({ month: '2021-07', approved: 12, due: 229 })).toBe('7月已审核 12/229');
    expect(completenessLabel({ month: '2021-12', approved: 0, due: 3 })).toBe('12月已审核 0/3');
  });

  it('draws the year-to-date figures from January to the month', () => {
    expect(figureWindow('2021-06')).toEqual({ fromMonth: '2021-01', toMonth: '2021-06' });
    expect(figureWindow('2022-01')).toEqual({ fromMonth: '2022-01', toMonth: '2022-01' });
  });
});
