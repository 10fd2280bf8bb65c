// The audit trail's rules: a change keeps only what changed, a secret is only ever marked, pruning stops at six months.
import { describe, expect, it } from 'vitest';
import { auditChange, auditDayBounds, auditFieldsText, latestPruneDay, pruneRefusal } from '../../../src/domain/audit/audit-actions.ts';

describe('auditChange', () => {
  it('keeps the changed fields of an update, all of a creation or a removal, and nothing of a non-change', () => {
    expect(auditChange({ amount: 8, source: 'entered' }, { amount: 9, source: 'entered' })).toEqual({ before: { amount: 8 }, after: { amount: 9 } });
    expect(auditChange(null, { amount: 9 })).toEqual({ before: null, after: { amount: 9 } });
    expect(auditChange({ amount: 9 }, null)).toEqual({ before: { amount: 9 }, after: null });
    expect(auditChange({ amount: 9, days: [1] }, { amount: 9, days: [1] })).toBeNull();
    // A field that appears counts as changed from null.
    expect(auditChange({ status: 'pending' }, { status: 'approved', note: '同意' })).toEqual({ before: { status: 'pending', note: null }, after: { status: 'approved', note: '同意' } });
  });

  it('never holds a secret: a changed or removed one is marked in after only', () => {
    expect(auditChange({ url: 'a', secret: 's1' }, { url: 'a', secret: 's2' }, ['secret'])).toEqual({ before: {}, after: { secret: '已更改' } });
    expect(auditChange({ url: 'a', secret: 's1' }, { url: 'a', secret: null }, ['secret'])).toEqual({ before: {}, after: { secret: '已更改' } });
    expect(auditChange(null, { url: 'a', secret: 's1' }, ['secret'])).toEqual({ before: null, after: { url: 'a', secret: '已更改' } });
    expect(auditChange({ url: 'a', secret: 's1' }, { url: 'a', secret: 's1' }, ['secret'])).toBeNull();
  });
});

describe('days and retention', () => {
  it('bounds a list by whole days in China Standard Time', () => {
    expect(auditDayBounds('2026-12-01', '2026-12-07')).toEqual({ fromAt: '2026-11-30T16:00:00.000Z', toAt: '2026-12-07T16:00:00.000Z' });
    expect(auditDayBounds(null, null)).toEqual({ fromAt: null, toAt: null });
  });

  it('refuses to prune inside 183 days', () => {
    const now = new Date('2026-12-07T02:00:00Z');
    expect(latestPruneDay(now)).toBe('2026-06-07');
    expect(pruneRefusal('2026-06-07', now)).toBeNull();
    expect(pruneRefusal('2026-06-08', now)).toBe('审计日志至少保存183天：只能清理2026-06-07之前的记录');
  });

  it('writes fields as people read them', () => {
    expect(auditFieldsText({ value: 0.085, 'round.deadlineDay': '9' })).toBe('数值: 0.085；round.deadlineDay: 9');
    expect(auditFieldsText(null)).toBe('');
  });
});
