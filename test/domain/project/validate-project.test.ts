// The field rules of a project: each broken rule names its field; a valid project passes.
import { describe, expect, it } from 'vitest';
import type { ProjectContext, ProjectState } from '../../../src/domain/project/validate-project.ts';
import { projectProblems } from '../../../src/domain/project/validate-project.ts';

const ctx: ProjectContext = {
  countyCode: '140423',
  townshipCodes: new Set(['140423100', '140423402']),
  unitIds: new Set(['u1']),
  leaderIds: new Set(['l1']),
};

const valid: ProjectState = {
  regionCode: '140423', name: '王桥镇污水处理厂提标改造工程', projectCode: '2103-140423-04-01-523618', approvalKind: 'filing',
  owner: '襄垣县水务局', townshipCode: '140423100', industryCode: '46', chain: '城乡基础设施', constructionType: 'renovation',
  category: '基础设施', stage: 'underway', signedOn: null, landSuppliedOn: null, permitOn: '2021-03-01', startedOn: '2021-03-20',
  suspendedOn: null, completedOn: null, operatingOn: null, totalInvestment: 120_000_000, completedBefore: 0, statsEntry: 'entered',
  leaderIds: ['l1'], unitId: 'u1', keyLevel: null, progressNote: null, landAreaMu: 12.5, notes: null,
  years: [{ year: 2021, phase: 'newStart', annualPlan: 80_000_000, resumedOn: null }],
};

describe('projectProblems', () => {
  it('passes a valid project', () => {
    expect(projectProblems(valid, ctx)).toEqual([]);
  });

  it.each<[string, Partial<ProjectState>, string, RegExp]>([
    ['negative money', { totalInvestment: -1 }, 'totalInvestment', /总投资不能为负数/],
    ['a fraction of 元', { totalInvestment: 1.5 }, 'totalInvestment', /整数元/],
    ['another county’s code', { projectCode: '2103-140425-04-01-523618' }, 'projectCode', /不属于本县/],
    ['an unknown township', { townshipCode: '140425100' }, 'townshipCode', /不是本县的乡镇或园区/],
    ['an unknown unit', { unitId: 'nope' }, 'unitId', /责任单位不存在/],
    ['an impossible date', { startedOn: '2021-02-30' }, 'startedOn', /开工日期不是有效日期/],
    ['completion before start', { completedOn: '2021-01-01' }, 'completedOn', /竣工日期不能早于开工日期/],
    ['an empty name', { name: '  ' }, 'name', /项目名称不能为空/],
  ])('refuses %s, naming the field', (_, change, field, message) => {
    const issues = projectProblems({ ...valid, ...change }, ctx);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.field).toBe(field);
    expect(issues[0]!.message).toMatch(message);
  });

  it('refuses a plan above the total', () => {
    const issues = projectProblems({ ...valid, years: [{ year: 2021, phase: 'newStart', annualPlan: 120_000_001, resumedOn: null }] }, ctx);
    expect(issues).toEqual([{ field: 'years.2021.annualPlan', message: '2021年计划投资不能超过总投资' }]);
  });
});
