// Roles scoped to regions and units.
import { describe, expect, it } from 'vitest';
import {
  canAddProject,
  canEditProject,
  canReadProject,
  coversRegion,
  reporterUnit,
  scopePrefix,
  seesUnit,
  SYSTEM_ACTOR,
  unitFilter,
  writerId,
  type Actor,
} from '../../src/domain/access.ts';

const actor = (role: Actor['role'], regionCode = '140423', unitId: string | null = null): Actor => ({ userId: 'u', role, regionCode, unitId, leaderId: null });
const own = { regionCode: '140423', unitId: 'gh' };
const other = { regionCode: '140423', unitId: 'wq' };
const elsewhere = { regionCode: '140425', unitId: 'gh' };

describe('access', () => {
  it('scopes by region code prefix', () => {
    expect(scopePrefix('140000')).toBe('14');
    expect(scopePrefix('140400')).toBe('1404');
    expect(scopePrefix('140423')).toBe('140423');
    expect(coversRegion(actor('viewer', '140400'), '140423')).toBe(true);
    expect(coversRegion(actor('viewer', '140423'), '140400')).toBe(false);
  });

  it('keeps a township whose code ends in 00 inside its county, not its city', () => {
    // 古韩镇 140423100 ends in "00" like a city code; it lies in 襄垣县 all the same.
    expect(scopePrefix('140423100')).toBe('140423');
    expect(coversRegion(actor('viewer', '140423'), '140423100')).toBe(true);
    expect(coversRegion(actor('viewer', '140425'), '140423100')).toBe(false);
    expect(coversRegion(actor('viewer', '140400'), '140423402')).toBe(true);
  });

  it.each<[Actor['role'], boolean, boolean, boolean]>([
    // role, reads another unit's project, edits own unit's, edits another unit's
    ['admin', true, true, true],
    ['dispatcher', true, true, true],
    ['reporter', false, true, false],
    ['leader', true, false, false],
    ['viewer', true, false, false],
  ])('%s', (role, readsOther, editsOwn, editsOther) => {
    const a = actor(role, '140423', 'gh');
    expect(canReadProject(a, other)).toBe(readsOther);
    expect(canEditProject(a, own)).toBe(editsOwn);
    expect(canEditProject(a, other)).toBe(editsOther);
    expect(canReadProject(a, elsewhere)).toBe(false);
  });
});

describe('the scope helpers every service narrows by', () => {
  const reporter = actor('reporter', '140423', 'gh');
  const unitless = actor('reporter', '140423', null);

  it.each<[string, Actor, string | null, string | null]>([
    ['a reporter, asking for nothing', reporter, null, 'gh'],
    ['a reporter, asking for another unit', reporter, 'wq', 'gh'],
    ['a dispatcher, asking for nothing', actor('dispatcher'), null, null],
    ['a dispatcher, asking for a unit', actor('dispatcher'), 'wq', 'wq'],
    ['a leader, asking for a unit', actor('leader'), 'wq', 'wq'],
  ])('narrows %s to %j → %j', (_, who, asked, unit) => {
    expect(unitFilter(who, asked)).toBe(unit);
  });

  it('narrows a reporter without a unit to no unit at all, never to every unit', () => {
    const unit = unitFilter(unitless, 'gh');
    expect(unit).not.toBeNull();
    expect(['gh', 'wq']).not.toContain(unit);
  });

  it.each<[string, Actor, string | null, boolean]>([
    ['a reporter, its own unit', reporter, 'gh', true],
    ['a reporter, another unit', reporter, 'wq', false],
    ['a reporter, no unit', reporter, null, false],
    ['a reporter without a unit, no unit', unitless, null, false],
    ['a viewer, any unit', actor('viewer'), 'wq', true],
    ['a dispatcher, no unit', actor('dispatcher'), null, true],
  ])('lets %s see %j: %s', (_, who, unit, sees) => {
    expect(seesUnit(who, unit)).toBe(sees);
  });

  it('gives a reporter’s new project its unit, and records no account for the system', () => {
    expect(reporterUnit(reporter)).toBe('gh');
    expect(reporterUnit(actor('dispatcher', '140423', 'drc'))).toBeNull();
    expect(writerId(SYSTEM_ACTOR)).toBeNull();
    expect(writerId(reporter)).toBe('u');
  });

  it.each<[string, Actor, { regionCode: string; unitId: string | null }, boolean]>([
    ['a dispatcher, in its county', actor('dispatcher'), other, true],
    ['a dispatcher, elsewhere', actor('dispatcher'), elsewhere, false],
    ['a reporter, for its unit', reporter, own, true],
    ['a reporter, for another unit', reporter, other, false],
    ['a leader', actor('leader'), own, false],
  ])('lets %s add a project: %s', (_, who, project, may) => {
    expect(canAddProject(who, project)).toBe(may);
  });
});
