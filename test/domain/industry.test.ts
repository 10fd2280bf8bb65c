// The GB/T 4754-2017 table: completeness, section ranges and lookups.
import { describe, it, expect } from 'vitest';
import {
  INDUSTRY_DIVISIONS,
  INDUSTRY_SECTIONS,
  industryName,
  industrySection,
  isIndustryCode,
  listIndustryDivisions,
  listIndustrySections,
} from '../../src/domain/industry.ts';

// 门类 → [first 大类, last 大类, name], as in the standard's table of contents.
const SECTIONS: Array<[string, number, number, string]> = [
  ['A', 1, 5, '农、林、牧、渔业'],
  ['B', 6, 12, '采矿业'],
  ['C', 13, 43, '制造业'],
  ['D', 44, 46, '电力、热力、燃气及水生产和供应业'],
  ['E', 47, 50, '建筑业'],
  ['F', 51, 52, '批发和零售业'],
  ['G', 53, 60, '交通运输、仓储和邮政业'],
  ['H', 61, 62, '住宿和餐饮业'],
  ['I', 63, 65, '信息传输、软件和信息技术服务业'],
  ['J', 66, 69, '金融业'],
  ['K', 70, 70, '房地产业'],
  ['L', 71, 72, '租赁和商务服务业'],
  ['M', 73, 75, '科学研究和技术服务业'],
  ['N', 76, 79, '水利、环境和公共设施管理业'],
  ['O', 80, 82, '居民服务、修理和其他服务业'],
  ['P', 83, 83, '教育'],
  ['Q', 84, 85, '卫生和社会工作'],
  ['R', 86, 90, '文化、体育和娱乐业'],
  ['S', 91, 96, '公共管理、社会保障和社会组织'],
  ['T', 97, 97, '国际组织'],
];

const pad = (n: number): string => String(n).padStart(2, '0');

describe('the table', () => {
  it('has 20 门类 A–T and 97 大类 01–97 in order', () => {
    expect(INDUSTRY_SECTIONS.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    expect(INDUSTRY_DIVISIONS.map((d) => d.code)).toEqual(Array.from({ length: 97 }, (_, i) => pad(i + 1)));
    expect(new Set(INDUSTRY_DIVISIONS.map((d) => d.name)).size).toBe(97);
  });

  it.each(SECTIONS)('门类 %s holds 大类 %i–%i and is called %s', (section, first, last, name) => {
    expect(industryName(section)).toBe(name);
    const codes = listIndustryDivisions(section).map((d) => d.code);
    expect(codes).toEqual(Array.from({ length: last - first + 1 }, (_, i) => pad(first + i)));
  });
});

describe('lookups', () => {
  it.each<[string, string, string]>([
    ['01', '农业', 'A'],
    ['05', '农、林、牧、渔专业及辅助性活动', 'A'],
    ['06', '煤炭开采和洗选业', 'B'],
    ['11', '开采专业及辅助性活动', 'B'],
    ['13', '农副食品加工业', 'C'],
    ['25', '石油、煤炭及其他燃料加工业', 'C'],
    ['26', '化学原料和化学制品制造业', 'C'],
    ['30', '非金属矿物制品业', 'C'],
    ['31', '黑色金属冶炼和压延加工业', 'C'],
    ['36', '汽车制造业', 'C'],
    ['38', '电气机械和器材制造业', 'C'],
    ['39', '计算机、通信和其他电子设备制造业', 'C'],
    ['43', '金属制品、机械和设备修理业', 'C'],
    ['44', '电力、热力生产和供应业', 'D'],
    ['45', '燃气生产和供应业', 'D'],
    ['46', '水的生产和供应业', 'D'],
    ['47', '房屋建筑业', 'E'],
    ['50', '建筑装饰、装修和其他建筑业', 'E'],
    ['52', '零售业', 'F'],
    ['58', '多式联运和运输代理业', 'G'],
    ['59', '装卸搬运和仓储业', 'G'],
    ['65', '软件和信息技术服务业', 'I'],
    ['70', '房地产业', 'K'],
    ['77', '生态保护和环境治理业', 'N'],
    ['87', '广播、电视、电影和录音制作业', 'R'],
    ['96', '基层群众自治组织及其他组织', 'S'],
    ['97', '国际组织', 'T'],
  ])('大类 %s is %s in 门类 %s', (code, name, section) => {
    expect(isIndustryCode(code)).toBe(true);
    expect(industryName(code)).toBe(name);
    expect(industrySection(code)).toBe(section);
  });

  it.each(['A', 'C', 'T'])('a 门类 letter %s is its own section', (code) => {
    expect(isIndustryCode(code)).toBe(true);
    expect(industrySection(code)).toBe(code);
  });

  it.each(['', '00', '98', '6', '006', '0601', 'c', 'U', 'AB', ' 06', 'C26'])('%j is no industry code', (code) => {
    expect(isIndustryCode(code)).toBe(false);
    expect(industryName(code)).toBeUndefined();
    expect(industrySection(code)).toBeUndefined();
  });

  it('lists copies, so callers cannot corrupt the table', () => {
    const sections = listIndustrySections();
    expect(sections).toHaveLength(20);
    expect(sections[1]).toEqual({ code: 'B', name: '采矿业' });
    sections[1]!.name = 'x';
    expect(industryName('B')).toBe('采矿业');
    expect(listIndustryDivisions()).toHaveLength(97);
    expect(listIndustryDivisions('Z')).toEqual([]);
    expect(listIndustryDivisions('D')).toEqual([
      { code: '44', name: '电力、热力生产和供应业', section: 'D' },
      { code: '45', name: '燃气生产和供应业', section: 'D' },
      { code: '46', name: '水的生产和供应业', section: 'D' },
    ]);
  });
});
