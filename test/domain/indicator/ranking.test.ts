// Rankings by growth within a peer group (ties share a rank, no growth means unranked) and the 时序进度 standing of townships. Sources quoted in docs/sources.md.
import { describe, expect, it } from 'vitest';
import {
  cityPeerGroups,
  isCountyOrCountyLevelCity,
  progressStanding,
  rankByGrowth,
  rankOf,
} from '../../../src/domain/indicator/ranking.ts';

describe('rankByGrowth', () => {
  it('ranks descending, ties sharing a rank (1, 2, 2, 4)', () => {
    const r = rankByGrowth([
      { region: '140425', growth: 0.05 },
      { region: '140423', growth: 0.148 },
      { region: '140426', growth: 0.09 },
      { region: '140427', growth: 0.09 },
    ]);
    expect(r.ranked.map((x) => [x.region, x.rank])).toEqual([
      ['140423', 1],
      ['140426', 2],
      ['140427', 2],
      ['140425', 4],
    ]);
    expect(r.peerCount).toBe(4);
  });

  it('treats growths that show the same at one decimal as a tie', () => {
    const r = rankByGrowth([
      { region: 'a', growth: 0.1481 },
      { region: 'b', growth: 0.1479 },
      { region: 'c', growth: 0.1484 },
    ]);
    expect(r.ranked.map((x) => [x.region, x.rank])).toEqual([['a', 1], ['b', 1], ['c', 1]]);
    const fine = rankByGrowth([{ region: 'a', growth: 0.1481 }, { region: 'b', growth: 0.1479 }], { decimals: 2 });
    expect(fine.ranked.map((x) => [x.region, x.rank])).toEqual([['a', 1], ['b', 2]]);
  });

  it('lists regions without growth apart, unranked, but counts them in the peer group', () => {
    const r = rankByGrowth([
      { region: '140423', growth: -0.583 },
      { region: '140425', growth: null },
      { region: '140426', growth: 0.01 },
    ]);
    expect(r.ranked.map((x) => [x.region, x.rank])).toEqual([['140426', 1], ['140423', 2]]);
    expect(r.unranked).toEqual(['140425']);
    expect(r.peerCount).toBe(3);
    expect(rankOf(r, '140423')).toBe(2);
    expect(rankOf(r, '140425')).toBeNull();
    expect(rankOf(r, '999999')).toBeNull();
  });

  it('refuses a region listed twice', () => {
    expect(() => rankByGrowth([{ region: 'a', growth: 1 }, { region: 'a', growth: 2 }])).toThrow(RangeError);
  });
});

describe('peer groups of 长治市', () => {
  const regions = [
    { code: '140403', name: '潞州区' },
    { code: '140404', name: '上党区' },
    { code: '140405', name: '屯留区' },
    { code: '140406', name: '潞城区' },
    { code: '140423', name: '襄垣县' },
    { code: '140425', name: '平顺县' },
    { code: '140426', name: '黎城县' },
    { code: '140427', name: '壶关县' },
    { code: '140428', name: '长子县' },
    { code: '140429', name: '武乡县' },
    { code: '140430', name: '沁县' },
    { code: '140431', name: '沁源县' },
    { code: '140400', name: '长治市' },
    { code: '140423100', name: '古韩镇' },
    { code: '140523', name: '阳城县' },
  ];

  it('has 12 units in the city and 8 县(市)', () => {
    const g = cityPeerGroups('140400', regions);
    expect(g.cityUnits).toHaveLength(12);
    expect(g.counties).toEqual(['140423', '140425', '140426', '140427', '140428', '140429', '140430', '140431']);
  });

  it('tells a county from a district by name, or by code without one', () => {
    expect(isCountyOrCountyLevelCity({ code: '140404', name: '上党区' })).toBe(false);
    expect(isCountyOrCountyLevelCity({ code: '140423' })).toBe(true);
    expect(isCountyOrCountyLevelCity({ code: '140481' })).toBe(true);
    expect(isCountyOrCountyLevelCity({ code: '140403' })).toBe(false);
    expect(isCountyOrCountyLevelCity({ code: '140400' })).toBe(false);
  });
});

describe('progressStanding (the indicator template: 达到时序进度的只有…)', () => {
  // 1—5月: 时序进度 41.7%.
  const t = 5 / 12;
  const units = [
    { region: '140423100', name: '古韩镇', share: 0.52 },
    { region: '140423101', name: '王桥镇', share: 0.45 },
    { region: '140423102', name: '侯堡镇', share: 5 / 12 },
    { region: '140423402', name: '襄垣经开区', share: 0.39 },
    { region: '140423103', name: '夏店镇', share: 0.38 },
    { region: '140423104', name: '虒亭镇', share: 0.2 },
    { region: '140423105', name: '西营镇', share: 0.123 },
    { region: '140423106', name: '王村镇', share: null },
  ].map((u) => ({ region: u.region, name: u.name, targetShare: u.share, progressGap: u.share === null ? null : u.share - t }));

  it('ranks by the gap and sorts into ahead, near and behind', () => {
    const s = progressStanding(units);
    expect(s.ranked.map((u) => [u.name, u.rank, u.standing])).toEqual([
      ['古韩镇', 1, 'ahead'],
      ['王桥镇', 2, 'ahead'],
      ['侯堡镇', 3, 'ahead'],
      ['襄垣经开区', 4, 'near'],
      ['夏店镇', 5, 'near'],
      ['虒亭镇', 6, 'behind'],
      ['西营镇', 7, 'behind'],
    ]);
    expect(s.unranked.map((u) => u.name)).toEqual(['王村镇']);
  });

  it('counts a unit exactly on 时序进度 as ahead despite binary fractions', () => {
    const s = progressStanding([{ region: 'x', name: 'x', targetShare: 0.41666666666666663, progressGap: 0.41666666666666663 - 5 / 12 }]);
    expect(s.ranked[0]?.standing).toBe('ahead');
  });

  it('takes the margin of 接近 as an option, and ties by the shown gap', () => {
    const s = progressStanding(units, { nearWithin: 0.03 });
    expect(s.ranked.filter((u) => u.standing === 'near').map((u) => u.name)).toEqual(['襄垣经开区']);
    const tie = progressStanding([
      { region: 'a', name: 'a', targetShare: null, progressGap: 0.0101 },
      { region: 'b', name: 'b', targetShare: null, progressGap: 0.0099 },
    ]);
    expect(tie.ranked.map((u) => u.rank)).toEqual([1, 1]);
  });
});
