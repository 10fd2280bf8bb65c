// Stage events of a report: which go backwards, and the stage and dates after applying them in date order.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/domain/errors.ts';
import type { Stage } from '../../../src/domain/project/project.ts';
import { applyStageEvents, stageGoesBackwards, type StageEvent, type StageState } from '../../../src/domain/round/stage-events.ts';

describe('stageGoesBackwards', () => {
  it.each<[Stage, StageEvent, boolean]>([
    ['planned', 'started', false],
    ['planned', 'completed', false], // skips ahead: fine
    ['signed', 'started', false],
    ['underway', 'started', false],
    ['underway', 'suspended', false],
    ['suspended', 'resumed', false],
    ['suspended', 'started', false],
    ['suspended', 'completed', false],
    ['completed', 'operating', false],
    ['operating', 'operating', false],
    ['completed', 'started', true],
    ['completed', 'resumed', true],
    ['completed', 'suspended', true],
    ['operating', 'completed', true],
    ['operating', 'started', true],
    ['cancelled', 'started', true],
    ['cancelled', 'operating', true],
  ])('%s then %s: backwards %s', (stage, event, expected) => {
    expect(stageGoesBackwards(stage, event)).toBe(expected);
  });
});

const underway: StageState = {
  stage: 'underway',
  startedOn: '2020-04-01',
  suspendedOn: null,
  completedOn: null,
  operatingOn: null,
  resumedOn: null,
};

describe('applyStageEvents', () => {
  it('applies events in date order, whatever order they were typed in', () => {
    const next = applyStageEvents(underway, [
      { event: 'resumed', on: '2021-05-20' },
      { event: 'suspended', on: '2021-05-03' },
    ], '2021-05');
    expect(next).toEqual({ ...underway, stage: 'underway', suspendedOn: '2021-05-03', resumedOn: '2021-05-20' });
  });

  it('keeps the given order for events of the same day', () => {
    const next = applyStageEvents(underway, [
      { event: 'completed', on: '2021-05-31' },
      { event: 'operating', on: '2021-05-31' },
    ], '2021-05');
    expect(next.stage).toBe('operating');
    expect(next.completedOn).toBe('2021-05-31');
    expect(next.operatingOn).toBe('2021-05-31');
  });

  it('accepts an event of an earlier month reported late', () => {
    const signed: StageState = { ...underway, stage: 'signed', startedOn: null };
    expect(applyStageEvents(signed, [{ event: 'started', on: '2021-03-15' }], '2021-05')).toEqual({ ...signed, stage: 'underway', startedOn: '2021-03-15' });
  });

  it('applies a backwards event (the flags warn about it) without touching the input', () => {
    const done: StageState = { ...underway, stage: 'completed', completedOn: '2021-01-10' };
    const next = applyStageEvents(done, [{ event: 'suspended', on: '2021-05-02' }], '2021-05');
    expect(next).toEqual({ ...done, stage: 'suspended', suspendedOn: '2021-05-02' });
    expect(done.stage).toBe('completed');
  });

  it('refuses events after the month end, and impossible dates, one detail per event', () => {
    let error: unknown;
    try {
      applyStageEvents(underway, [
        { event: 'suspended', on: '2021-05-31' },
        { event: 'completed', on: '2021-06-01' },
        { event: 'operating', on: '2021-02-30' },
      ], '2021-05');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).details).toEqual([
      { field: 'stageEvents.1.on', message: '竣工日期2021-06-01晚于2021年5月月末；本月月报只报到月末为止发生的情况，请在下月月报中填报' },
      { field: 'stageEvents.2.on', message: '投产日期“2021-02-30”不是有效日期' },
    ]);
  });

  it('returns the state unchanged without events', () => {
    expect(applyStageEvents(underway, [], '2021-05')).toEqual(underway);
  });
});
