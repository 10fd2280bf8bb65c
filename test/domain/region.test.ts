// Code arithmetic and township-name matching of the division helpers, on real codes.
import { describe, it, expect } from 'vitest';
import {
  ancestorCodes,
  countyLabels,
  isCityOrProvince,
  isRegionCode,
  isWithin,
  isZoneCode,
  parentCode,
  regionLevel,
  regionPrefix,
  shortTownshipName,
  townshipNameMatches,
} from '../../src/domain/region.ts';
import type { RegionLevel } from '../../src/domain/region.ts';

describe('regionLevel', () => {
  it.each<[string, RegionLevel]>([
    ['140000', 'province'],
    ['110000', 'province'],
    ['140400', 'city'],
    ['110100', 'city'], // 北京市 市辖区
    ['500200', 'city'], // 重庆市 县
    ['419000', 'city'], // 河南省 省直辖县级行政区划
    ['441900', 'city'], // 东莞市, which has no county level
    ['140423', 'county'],
    ['140403', 'county'],
    ['419001', 'county'], // 济源市
    ['140423100', 'township'],
    ['140423402', 'township'],
    ['441900003', 'township'], // a 东莞 street, directly under the city
  ])('%s is a %s', (code, level) => {
    expect(regionLevel(code)).toBe(level);
  });

  it.each(['', '14', '1404', '14042', '1404231', '14042310', '1404231000', '000000', '001400', '140023', '140423000', '110000001', 'l40423', ' 140423', '１４０４２３'])(
    'throws on malformed %j',
    (code) => {
      expect(() => regionLevel(code)).toThrow(RangeError);
      expect(isRegionCode(code)).toBe(false);
    },
  );

  it.each(['140000', '140400', '140423', '140423100', '441900003'])('isRegionCode(%s)', (code) => {
    expect(isRegionCode(code)).toBe(true);
  });
});

describe('countyLabels', () => {
  const yangquanChengqu = { code: '140302', name: '城区', cityName: '阳泉市' };
  const jinchengChengqu = { code: '140502', name: '城区', cityName: '晋城市' };
  const zezhou = { code: '140525', name: '泽州县', cityName: '晋城市' };

  it('names each county of a province’s list with its city, so two 城区 are told apart', () => {
    expect([...countyLabels('140000', [yangquanChengqu, jinchengChengqu, zezhou]).values()]).toEqual(['阳泉市城区', '晋城市城区', '晋城市泽州县']);
    expect([...countyLabels('000000', [zezhou]).values()]).toEqual(['晋城市泽州县']);
  });

  it('keeps the bare names in a city’s list, and where the city is only a 直辖 grouping', () => {
    expect([...countyLabels('140500', [jinchengChengqu, zezhou]).values()]).toEqual(['城区', '泽州县']);
    expect(countyLabels('410000', [{ code: '419001', name: '济源市', cityName: '省直辖县级行政区划' }]).get('419001')).toBe('济源市');
    expect(countyLabels('110000', [{ code: '110101', name: '东城区', cityName: '市辖区' }]).get('110101')).toBe('东城区');
  });
});

describe('isCityOrProvince', () => {
  it('is true for the accounts that have counties to compare: a city or a province', () => {
    expect(isCityOrProvince('140400')).toBe(true);
    expect(isCityOrProvince('140000')).toBe(true);
  });
  it('is false for a county, a township, the system scope and a malformed code', () => {
    expect(isCityOrProvince('140423')).toBe(false);
    expect(isCityOrProvince('140423100')).toBe(false);
    expect(isCityOrProvince('000000')).toBe(false);
    expect(isCityOrProvince('1404')).toBe(false);
  });
});

describe('isZoneCode', () => {
  it.each<[string, boolean]>([
    ['140423402', true],
    ['140423400', true],
    ['140423599', true],
    ['140423100', false],
    ['140423399', false],
    ['140423600', false],
    ['140423', false],
    ['14042340', false],
  ])('%s → %s', (code, zone) => {
    expect(isZoneCode(code)).toBe(zone);
  });
});

describe('parentCode and ancestorCodes', () => {
  it.each<[string, string | null, string[]]>([
    ['140000', null, []],
    ['140400', '140000', ['140000']],
    ['140423', '140400', ['140400', '140000']],
    ['140423104', '140423', ['140423', '140400', '140000']],
    ['140423402', '140423', ['140423', '140400', '140000']],
    ['110100', '110000', ['110000']],
    ['110101', '110100', ['110100', '110000']],
    ['110101001', '110101', ['110101', '110100', '110000']],
    ['419001', '419000', ['419000', '410000']],
    ['441900003', '441900', ['441900', '440000']],
  ])('%s → parent %s, ancestors %j', (code, parent, ancestors) => {
    expect(parentCode(code)).toBe(parent);
    expect(ancestorCodes(code)).toEqual(ancestors);
  });

  it('throws on a malformed code', () => {
    expect(() => parentCode('1404')).toThrow(RangeError);
    expect(() => ancestorCodes('abc')).toThrow(RangeError);
  });
});

describe('regionPrefix', () => {
  it.each([
    ['140000', '14'],
    ['140400', '1404'],
    ['110100', '1101'],
    ['140423', '140423'],
    ['140423100', '140423100'],
  ])('%s → %s', (code, prefix) => {
    expect(regionPrefix(code)).toBe(prefix);
  });
});

describe('isWithin', () => {
  it.each<[string, string, boolean]>([
    ['140423', '140423', true],
    ['140423100', '140423', true],
    ['140423402', '140400', true],
    ['140423', '140000', true],
    ['140423104', '140000', true],
    ['140400', '140400', true],
    ['140400', '140423', false],
    ['140000', '140400', false],
    ['140425', '140423', false],
    ['140403001', '140423', false],
    ['130423', '140000', false],
    ['141100', '140400', false],
    ['140423100', '140423101', false],
    ['441900003', '441900', true],
    ['110101', '110000', true],
    ['1404231', '140423', false],
    ['140423', 'x', false],
  ])('%s within %s → %s', (code, scope, within) => {
    expect(isWithin(code, scope)).toBe(within);
  });
});

describe('shortTownshipName', () => {
  it.each([
    ['古韩镇', '古韩'],
    ['虒亭镇', '虒亭'],
    ['西池乡', '西池'],
    ['东街街道', '东街'],
    ['漓东街道办事处', '漓东'],
    ['贡宝拉格苏木', '贡宝拉格'],
    ['襄垣经济技术开发区', '襄垣经开区'],
    ['长治高新技术产业开发区', '长治高新区'],
    ['大兴经济开发区', '大兴经开区'],
    ['开发区', '开发区'],
    ['城区', '城区'],
    ['长治经济技术开发区潞州区部分', '长治经济技术开发区潞州区部分'],
  ])('%s → %s', (name, short) => {
    expect(shortTownshipName(name)).toBe(short);
  });
});

describe('townshipNameMatches', () => {
  it.each<[string, string, boolean]>([
    ['古韩', '古韩镇', true],
    ['古韩镇', '古韩镇', true],
    [' 古韩镇 ', '古韩镇', true],
    ['虒亭', '虒亭镇', true],
    ['虒亭镇', '虒亭镇', true],
    ['善福', '善福镇', true],
    ['西池', '西池乡', true],
    ['西池乡', '西池乡', true],
    ['东街', '东街街道', true],
    ['东街街道', '东街街道', true],
    ['漓东街道', '漓东街道办事处', true],
    ['经开区', '襄垣经济技术开发区', true],
    ['开发区', '襄垣经济技术开发区', true],
    ['经济技术开发区', '襄垣经济技术开发区', true],
    ['襄垣经开区', '襄垣经济技术开发区', true],
    ['襄垣开发区', '襄垣经济技术开发区', true],
    ['襄垣经济技术开发区', '襄垣经济技术开发区', true],
    ['城区', '城区', true],
    // Wrong kind, wrong place or no name at all.
    ['古韩乡', '古韩镇', false],
    ['古韩街道', '古韩镇', false],
    ['王桥', '古韩镇', false],
    ['古', '古韩镇', false],
    ['襄垣', '襄垣经济技术开发区', false],
    ['高新区', '襄垣经济技术开发区', false],
    ['长治经开区', '襄垣经济技术开发区', false],
    ['经开区', '古韩镇', false],
    ['镇', '古韩镇', false],
    ['', '古韩镇', false],
    ['城区镇', '城区', false],
  ])('%j ~ %s → %s', (input, name, matches) => {
    expect(townshipNameMatches(input, name)).toBe(matches);
  });
});
