// The rules of a 入库 status change: materials before 已报送, a reason for 不予入库, a dated change, 500 万元 and more.
import { describe, expect, it } from 'vitest';
import {
  missingMaterials,
  STATS_ENTRY_MATERIALS,
  statsEntryApplies,
  statusChangeProblems,
  type StatsEntryMaterial,
  type StatusChange,
} from '../../../src/domain/stats-entry/stats-entry.ts';

const all = new Set<StatsEntryMaterial>(STATS_ENTRY_MATERIALS);
const base: StatusChange = {
  totalInvestment: 50_000_000,
  from: 'preparing',
  to: 'submitted',
  on: '2021-05-08',
  reason: null,
  materialsDone: all,
  today: '2021-05-10',
};

describe('statusChangeProblems', () => {
  it('accepts 已报送 with every material, dated today or before', () => {
    expect(statusChangeProblems(base)).toEqual([]);
    expect(statusChangeProblems({ ...base, on: '2021-05-10' })).toEqual([]);
  });

  it('refuses 已报送 naming each missing material in checklist order', () => {
    const issues = statusChangeProblems({ ...base, materialsDone: new Set(['approvalDocument', 'businessLicence']) });
    expect(issues).toEqual([{ field: 'status', message: '报送入库前须备齐材料，尚缺：施工合同、现场照片（注明日期）' }]);
    expect(statusChangeProblems({ ...base, materialsDone: new Set() })[0]!.message).toBe(
      '报送入库前须备齐材料，尚缺：立项/核准/备案文件、施工合同、现场照片（注明日期）、营业执照',
    );
  });

  it.each<[string, Partial<StatusChange>, string, RegExp]>([
    ['不予入库 without a reason', { to: 'refused', reason: null }, 'reason', /不予入库须填写原因/],
    ['不予入库 with a blank reason', { to: 'refused', reason: '  ' }, 'reason', /不予入库须填写原因/],
    ['a status without its day', { to: 'entered', on: null }, 'on', /请填写已入库的日期/],
    ['a day in the future', { to: 'entered', on: '2021-05-11' }, 'on', /不能晚于今天（2021-05-10）/],
    ['a day that does not exist', { to: 'preparing', on: '2021-02-30' }, 'on', /不是有效日期/],
    ['a project under 500 万元', { to: 'entered', totalInvestment: 4_999_999 }, 'status', /不足500万元/],
  ])('refuses %s, naming the field', (_, change, field, message) => {
    const issues = statusChangeProblems({ ...base, ...change });
    expect(issues.map((i) => i.field)).toContain(field);
    expect(issues.map((i) => i.message).join('；')).toMatch(message);
  });

  it('needs nothing to go back to 未入库, whatever the size', () => {
    expect(statusChangeProblems({ ...base, to: 'none', on: null, materialsDone: new Set(), totalInvestment: 1 })).toEqual([]);
  });

  it('enters without asking the checklist again, and refuses with a reason', () => {
    expect(statusChangeProblems({ ...base, from: 'submitted', to: 'entered', materialsDone: new Set() })).toEqual([]);
    expect(statusChangeProblems({ ...base, from: 'submitted', to: 'refused', reason: '施工合同主体与备案主体不一致' })).toEqual([]);
  });

  it('asks for the materials when 已报送 is reached, not when its day is corrected later', () => {
    expect(statusChangeProblems({ ...base, from: 'submitted', materialsDone: new Set(['approvalDocument']) })).toEqual([]);
    expect(statusChangeProblems({ ...base, from: 'submitted', on: '2021-05-12' }).map((i) => i.field)).toEqual(['on']);
  });
});

describe('materials and the threshold', () => {
  it('lists what is missing in checklist order', () => {
    expect(missingMaterials(new Set(['sitePhotos']))).toEqual(['approvalDocument', 'constructionContract', 'businessLicence']);
    expect(missingMaterials(all)).toEqual([]);
  });

  it('applies from 500 万元 exactly', () => {
    expect(statsEntryApplies(5_000_000)).toBe(true);
    expect(statsEntryApplies(4_999_999)).toBe(false);
  });
});
