// Unit names as people write them: the alias rules meet the full names exactly, never by a substring.
import { describe, expect, it } from 'vitest';
import { UnitNameIndex, unitNameKey } from '../../src/domain/unit-names.ts';

const COUNTY = '平顺县';
const units = [
  { id: 'drc', name: '发展和改革局' },
  { id: 'mohurd', name: '住房和城乡建设局' },
  { id: 'miit', name: '工业和信息化局' },
  { id: 'culture', name: '文化和旅游局' },
  { id: 'transport', name: '交通运输局' },
  { id: 'land', name: '自然资源局' },
  { id: 'market', name: '市场监督管理局' },
  { id: 'zone', name: '平顺经济技术开发区管委会' },
  { id: 'eco', name: '平顺生态文化旅游示范区管委会' },
  { id: 'qingyang', name: '青羊镇人民政府' },
  { id: 'street', name: '城关街道办事处' },
];

describe('unitNameKey', () => {
  it.each([
    ['县发改局', '平顺县发展和改革局'],
    ['区住建局', '住房和城乡建设局'],
    ['平顺县工信局', '工业和信息化局'],
    ['县文旅局', '文化和旅游局'],
    ['县交通局', '交通运输局'],
    ['县自然资源局', '自然资源局'],
    ['县市场监管局', '市场监督管理局'],
    ['经开区管委会', '平顺经济技术开发区管委会'],
    ['开发区管委会', '平顺经济技术开发区管理委员会'],
    ['青羊镇政府', '青羊镇人民政府'],
    ['青羊镇', '青羊镇人民政府'],
    ['城关街办', '城关街道办事处'],
    ['县发改委', '发展和改革局'],
  ])('%s and %s meet', (written, full) => {
    expect(unitNameKey(written, COUNTY)).toBe(unitNameKey(full, COUNTY));
  });
  it('keeps different units apart', () => {
    expect(unitNameKey('市场监管局', COUNTY)).not.toBe(unitNameKey('商务局', COUNTY));
    expect(unitNameKey('经开区管委会', COUNTY)).not.toBe(unitNameKey('平顺生态文化旅游示范区管委会', COUNTY));
  });
});

describe('UnitNameIndex', () => {
  const index = new UnitNameIndex(units, [{ alias: '城投指挥部', unitId: 'drc' }], COUNTY);
  it('matches usual short names exactly after the rules, and the county’s own aliases', () => {
    expect(index.match('县发改局')).toEqual({ kind: 'one', unit: units[0] });
    expect(index.match('经开区管委会')).toEqual({ kind: 'one', unit: units[7] });
    expect(index.match('城投指挥部')).toEqual({ kind: 'one', unit: units[0] });
    expect(index.match('城关街办')).toEqual({ kind: 'one', unit: units[10] });
  });
  it('never takes a substring for a unit', () => {
    expect(index.match('发改').kind).toBe('none');
    expect(index.match('管委会').kind).toBe('none');
    expect(index.match('县水务局').kind).toBe('none');
  });
  it('calls a name two units answer to ambiguous, naming both', () => {
    const two = new UnitNameIndex([...units, { id: 'drc2', name: '平顺县发展改革局' }], [], COUNTY);
    const m = two.match('县发改局');
    expect(m.kind).toBe('ambiguous');
    expect(m.kind === 'ambiguous' && m.units.map((u) => u.name)).toEqual(['发展和改革局', '平顺县发展改革局']);
  });
});
