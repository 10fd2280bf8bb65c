// Timelines: milestones in order (签约 ≤ 供地 ≤ 施工许可 ≤ 开工), the year's resumption, completion and production.

import { addMonths, lastDayOfMonth, monthOfDay, type Day } from '../../domain/months.ts';
import type { Milestone, Project } from '../../domain/project/project.ts';
import { SeededRandom } from '../../domain/seeded-random.ts';
import { DEMO_BATCHES } from '../county.ts';
import { dayNo, makeDay, firstDay, dayBetween } from './days.ts';
import type { Spec } from './specs.ts';
import type { DemoBatchRole } from './types.ts';

export type Timeline = Pick<Project, 'stage' | Milestone> & { resumedOn: Day | null };

// Works along a line or on open land do not take a 建筑工程施工许可证.
export const NO_BUILDING_PERMIT = new Set(['01', '03', '06', '44', '45', '46', '48', '53', '63', '76', '77']);

export function needsPermit(s: Spec): boolean {
  return s.construction !== 'technicalUpgrade' && !NO_BUILDING_PERMIT.has(s.industry);
}

export function needsLand(s: Spec): boolean {
  return s.landMu !== null && s.construction !== 'technicalUpgrade' && s.construction !== 'renovation';
}

/** Enterprise projects of new capacity are investment deals, most of them signed. */
export function isDeal(s: Spec): boolean {
  return !s.gov && (s.construction === 'new' || s.construction === 'expansion' || s.construction === 'relocation');
}

export function later(a: Day, b: Day): Day {
  return a > b ? a : b;
}

/** Signing, land and permit before `start`, in order; a fixed signing day (a batch's) bounds the others from below. */
export function preStartMilestones(rng: SeededRandom, s: Spec, start: Day, fixedSigned: Day | null, signProbability: number) {
  const startMonth = monthOfDay(start);
  const monthsBefore = (n: number) => firstDay(addMonths(startMonth, -n));
  const signedOn =
    fixedSigned ?? (isDeal(s) && rng.chance(signProbability) ? dayBetween(rng, monthsBefore(14), lastDayOfMonth(addMonths(startMonth, -3))) : null);
  const floor = signedOn ?? monthsBefore(8);
  // Land comes months before the start, the permit in its last weeks; drawn apart, then put in order.
  const land = needsLand(s) ? dayBetween(rng, later(floor, monthsBefore(6)), start) : null;
  const permit = needsPermit(s) ? dayBetween(rng, later(floor, monthsBefore(2)), start) : null;
  if (land && permit && land > permit) return { signedOn, landSuppliedOn: permit, permitOn: land };
  return { signedOn, landSuppliedOn: land, permitOn: permit };
}

export function batchDay(role: DemoBatchRole | null, kind: DemoBatchRole['kind']): Day | null {
  if (!role || role.kind !== kind) return null;
  return DEMO_BATCHES[role.event - 1]!.heldOn;
}

export function continuingTimeline(rng: SeededRandom, s: Spec): Timeline {
  const operatingOn = batchDay(s.batch, 'operating');
  // A plant in production by the spring had started at least a year before; others started 2017–2020, most lately.
  const startYear = operatingOn
    ? operatingOn === '2021-01-01' ? 2019 : rng.pick([2019, 2020])
    : rng.weighted([[2017, 0.05], [2018, 0.15], [2019, 0.35], [2020, 0.45]] as const);
  const startMonth = `${startYear}-${String(startYear === 2020 ? rng.int(4, 9) : rng.int(3, 10)).padStart(2, '0')}`;
  const start = dayBetween(rng, firstDay(startMonth), lastDayOfMonth(startMonth));
  const pre = preStartMilestones(rng, s, start, null, 0.7);
  const t: Timeline = { stage: 'underway', ...pre, startedOn: start, suspendedOn: null, completedOn: null, operatingOn: null, resumedOn: null };
  if (operatingOn) {
    t.stage = 'operating';
    t.operatingOn = operatingOn;
    if (operatingOn === '2021-01-01') {
      t.completedOn = dayBetween(rng, '2020-12-01', '2020-12-28');
      t.resumedOn = operatingOn;
    } else {
      t.resumedOn = dayBetween(rng, '2021-02-22', '2021-03-05');
      t.completedOn = dayBetween(rng, t.resumedOn, '2021-03-20');
    }
    return t;
  }
  if (s.stage === 'suspended') {
    t.stage = 'suspended';
    t.resumedOn = dayBetween(rng, '2021-03-01', '2021-03-15');
    t.suspendedOn = dayBetween(rng, '2021-05-08', '2021-05-20');
    return t;
  }
  t.resumedOn = rng.weighted([
    [() => dayBetween(rng, '2021-02-20', '2021-02-28'), 0.25],
    [() => dayBetween(rng, '2021-03-01', '2021-03-31'), 0.6],
    [() => dayBetween(rng, '2021-04-01', '2021-04-15'), 0.15],
  ] as const)();
  if (s.stage === 'completed') {
    t.stage = 'completed';
    t.completedOn = dayBetween(rng, '2021-04-20', '2021-05-25');
  }
  return t;
}

export function newStartTimeline(rng: SeededRandom, s: Spec): Timeline {
  const empty = { suspendedOn: null, completedOn: null, operatingOn: null, resumedOn: null };
  const signedAtBatch = batchDay(s.batch, 'signed');
  if (s.notStarted) {
    const signedOn = signedAtBatch ?? (s.notStarted === 'land' ? dayBetween(rng, '2020-09-01', '2020-11-30') : null);
    const landSuppliedOn = s.notStarted === 'land' ? dayBetween(rng, '2021-03-01', '2021-03-31') : s.notStarted === 'permit' ? dayBetween(rng, '2021-02-01', '2021-02-28') : null;
    const permitOn = s.notStarted === 'permit' ? dayBetween(rng, '2021-05-10', '2021-05-20') : null;
    return { stage: 'preparing', signedOn, landSuppliedOn, permitOn, startedOn: null, ...empty };
  }
  const startedAtBatch = batchDay(s.batch, 'started');
  let start: Day;
  if (startedAtBatch) start = startedAtBatch;
  else {
    const month =
      s.startMonth ??
      rng.weighted([['2021-02', 0.04], ['2021-03', 0.26], ['2021-04', 0.38], ['2021-05', 0.32]] as const);
    // February works start after the Spring Festival (12 February 2021); a batch's signing precedes its start.
    const from = month === '2021-02' ? '2021-02-20' : signedAtBatch && monthOfDay(signedAtBatch) === month ? addDayAfter(signedAtBatch) : firstDay(month);
    start = dayBetween(rng, from, lastDayOfMonth(month));
  }
  const pre = preStartMilestones(rng, s, start, signedAtBatch, 0.6);
  const t: Timeline = { stage: 'underway', ...pre, startedOn: start, ...empty };
  if (s.stage === 'suspended') {
    t.stage = 'suspended';
    t.suspendedOn = dayBetween(rng, '2021-05-06', '2021-05-25');
  } else if (s.stage === 'completed') {
    t.stage = 'completed';
    t.completedOn = dayBetween(rng, start > '2021-05-01' ? start : '2021-05-01', '2021-05-28');
  }
  return t;
}

export function addDayAfter(day: Day): Day {
  const month = monthOfDay(day);
  return dayNo(day) < dayNo(lastDayOfMonth(month)) ? makeDay(month, dayNo(day) + 1) : firstDay(addMonths(month, 1));
}

export function timeline(rng: SeededRandom, s: Spec): Timeline {
  switch (s.group) {
    case 'continuing':
      return continuingTimeline(rng, s);
    case 'newStart':
      return newStartTimeline(rng, s);
    case 'reserve':
      return { stage: 'planned', signedOn: null, landSuppliedOn: null, permitOn: null, startedOn: null, suspendedOn: null, completedOn: null, operatingOn: null, resumedOn: null };
    case 'cancelled':
      return {
        stage: 'cancelled',
        signedOn: isDeal(s) ? dayBetween(rng, '2020-07-01', '2020-10-31') : null,
        landSuppliedOn: null,
        permitOn: null,
        startedOn: null,
        suspendedOn: null,
        completedOn: null,
        operatingOn: null,
        resumedOn: null,
      };
  }
}
