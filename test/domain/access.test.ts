// Roles scoped to regions and units.
import { describe, expect, it } from 'vitest';
import { canEditProject, canReadProject, coversRegion, scopePrefix, type Actor } from '../../src/domain/access.ts';

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
