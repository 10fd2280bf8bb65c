// The attraction targets read from a work report (seed 002's own words, kept in the indicator reader's fixture), and
// the other ways targets are written; past results are not targets.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readAttractionTargets } from '../../../src/domain/attraction/attraction-target-reader.ts';

const report = readFileSync(new URL('../indicator/fixtures/xiangyuan-2021-work-report.txt', import.meta.url), 'utf8');
const brief = (text: string, year?: number) => readAttractionTargets(text, year === undefined ? {} : { year }).map((p) => [p.key, p.value, p.threshold, p.qualifier]);

describe('readAttractionTargets', () => {
  it('reads seed 002: 亿元以上项目10个, 总投资50亿元以上, 开工落地率40%以上', () => {
    expect(brief(report, 2021)).toEqual([
      ['largeProjects', 10, 100_000_000, null],
      ['largeInvestment', 5_000_000_000, 100_000_000, 'atLeast'],
      ['landingRate', 0.4, null, 'atLeast'],
    ]);
    const [large] = readAttractionTargets(report, { year: 2021 });
    expect(report.slice(large!.span.start, large!.span.end)).toBe('亿元以上项目10个');
  });

  it.each([
    ['seed 000’s second half', '积极筹备第三期“三个一批”活动，力争年内引进亿元以上项目 10 个，总投资额达到 100 亿元以上，招商引资签约项目开工落地率达到60%以上。', [
      ['largeProjects', 10, 100_000_000, null], ['largeInvestment', 10_000_000_000, 100_000_000, 'atLeast'], ['landingRate', 0.6, null, 'atLeast'],
    ]],
    ['seed 003’s 武乡: a count of signings, of a size, and the same-year start rate', '全年要完成签约项目20个，其中5亿元以上4个、30亿元以上1个，签约项目当年开工率达到30%以上', [
      ['largeProjects', 4, 500_000_000, null], ['signedProjects', 20, null, null], ['landingRate', 0.3, null, 'atLeast'],
    ]],
    ['a year’s results', '全年累计签约项目 53 个、开工项目 115 个、投产项目 64 个。', []],
    ['another year’s target', '到2025年，力争引进亿元以上项目50个。', []],
  ] as const)('%s', (_what, text, expected) => {
    expect(brief(text, 2021)).toEqual(expected);
  });
});
