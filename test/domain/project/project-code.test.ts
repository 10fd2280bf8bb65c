// 项目代码: both shapes, region checks, clear refusals.
import { describe, expect, it } from 'vitest';
import { parseProjectCode, projectCodeProblem } from '../../../src/domain/project/project-code.ts';

describe('parseProjectCode', () => {
  it('reads the current format', () => {
    expect(parseProjectCode('2103-140423-04-01-52361X')).toEqual({
      format: 'current', issued: '2021-03', regionCode: '140423', sectorCode: '04', typeCode: '01', serial: '52361X',
    });
  });
  it('reads the legacy format with 审批/核准/备案', () => {
    expect(parseProjectCode('2019-140423-44-03-012345')).toMatchObject({ format: 'legacy', issued: '2019', typeCode: '03' });
  });
  it.each([
    '2113-140423-04-01-523618', // month 13
    '2103-14042-04-01-523618', // short region
    '2019-140423-44-04-012345', // legacy type must be 01–03
    '2103140423040152361',
    '',
  ])('refuses %j', (code) => {
    expect(parseProjectCode(code)).toBeNull();
  });
});

describe('projectCodeProblem', () => {
  it('accepts the county and the levels above it', () => {
    expect(projectCodeProblem('2103-140423-04-01-523618', '140423')).toBeNull();
    expect(projectCodeProblem('2103-140400-04-01-523618', '140423')).toBeNull();
    expect(projectCodeProblem('2103-140000-04-01-523618', '140423')).toBeNull();
  });
  it('refuses another county, saying which', () => {
    expect(projectCodeProblem('2103-140425-04-01-523618', '140423')).toMatch(/140425.*不属于本县/);
  });
  it('refuses a malformed code with the expected shape', () => {
    expect(projectCodeProblem('ABC', '140423')).toMatch(/格式不正确/);
  });
});
