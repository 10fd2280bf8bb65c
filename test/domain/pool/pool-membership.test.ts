// Which projects are in a year's pool, which count as started or resumed by an as-of month, and the bounds SQL filters by.
import { describe, expect, it } from 'vitest';
import {
  asksBeyondPool,
  inPool,
  poolBounds,
  resumedWithin,
  startedWithin,
} from '../../../src/domain/pool/pool-membership.ts';
import { PHASES, STAGES, type Phase, type Stage } from '../../../src/domain/project/project.ts';

describe('the pool of a year', () => {
  it.each([
    ['continuing', 'underway', true],
    ['newStart', 'preparing', true],
    ['newStart', 'suspended', true],
    ['continuing', 'completed', true],
    ['newStart', 'cancelled', false],
    ['continuing', 'cancelled', false],
    ['reserve', 'planned', false],
    ['reserve', 'underway', false],
    [null, 'underway', false],
  ] as const)('a project of phase %s at stage %s is in it: %s', (phase, stage, expected) => {
    expect(inPool({ phase, stage })).toBe(expected);
  });

  it('holds 续建 and 新建 at every stage but 撤销, and no 储备', () => {
    const members = PHASES.flatMap((phase) => STAGES.map((stage) => ({ phase, stage }))).filter(inPool);
    expect(members).toHaveLength(2 * (STAGES.length - 1));
    expect(members.some((m) => m.phase === 'reserve' || m.stage === 'cancelled')).toBe(false);
  });

  it.each([
    [{}, false],
    [{ phase: 'continuing' }, false],
    [{ phase: 'newStart', stage: 'underway' }, false],
    [{ phase: 'reserve' }, true],
    [{ stage: 'cancelled' }, true],
    [{ phase: null, stage: null }, false],
  ] as { phase?: Phase | null; stage?: Stage | null }[][])('a ledger filter %j looks beyond the pool: %s', (filter, expected) => {
    expect(asksBeyondPool(filter as { phase?: Phase | null; stage?: Stage | null })).toBe(expected);
  });
});

describe('the bounds of an as-of month', () => {
  it.each([
    ['2021-05', { year: 2021, fromMonth: '2021-01', toMonth: '2021-05', endDay: '2021-05-31' }],
    ['2021-01', { year: 2021, fromMonth: '2021-01', toMonth: '2021-01', endDay: '2021-01-31' }],
    ['2020-02', { year: 2020, fromMonth: '2020-01', toMonth: '2020-02', endDay: '2020-02-29' }],
    ['2021-12', { year: 2021, fromMonth: '2021-01', toMonth: '2021-12', endDay: '2021-12-31' }],
  ])('%s: %j', (asOf, bounds) => {
    expect(poolBounds(asOf)).toEqual(bounds);
  });

  it.each([
    ['2021-05-31', true],
    ['2021-05-01', true],
    ['2020-11-15', true],
    ['2021-06-01', false],
    [null, false],
  ])('a project started on %s counts as started by May 2021: %s', (startedOn, expected) => {
    expect(startedWithin(startedOn, poolBounds('2021-05'))).toBe(expected);
  });

  it.each([
    ['2021-02-20', true],
    ['2021-05-31', true],
    ['2021-06-01', false],
    [null, false],
  ])('a project resumed on %s counts as resumed by May 2021: %s', (resumedOn, expected) => {
    expect(resumedWithin(resumedOn, poolBounds('2021-05'))).toBe(expected);
  });
});
