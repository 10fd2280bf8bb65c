// The indicator catalogue: stable codes, the names users write, units, periodicity, and what the pool can supply.
import { describe, expect, it } from 'vitest';
import {
  countsInPoolDraw,
  INDICATOR_CODES,
  INDICATORS,
  indicatorByCode,
  indicatorByName,
  isIndicatorCode,
  normalizeIndicatorName,
} from '../../../src/domain/indicator/catalogue.ts';

describe('catalogue', () => {
  it('has one entry per code, in the order of the code list', () => {
    expect(INDICATORS.map((d) => d.code)).toEqual([...INDICATOR_CODES]);
    expect(isIndicatorCode('gdp')).toBe(true);
    expect(isIndicatorCode('GDP')).toBe(false);
  });

  it.each([
    ['地区生产总值', 'gdp'],
    ['GDP', 'gdp'],
    ['ＧＤＰ', 'gdp'],
    ['gdp', 'gdp'],
    ['固投', 'fixed-asset-investment'],
    ['固定资产投资', 'fixed-asset-investment'],
    ['工业投资', 'industrial-investment'],
    ['技术改造投资', 'technical-upgrade-investment'],
    ['规模以上工业增加值', 'industrial-value-added'],
    ['规上工业增加值', 'industrial-value-added'],
    ['工业增加值', 'industrial-value-added'],
    ['高新产业增加值', 'high-tech-value-added'],
    ['社零额', 'retail-sales'],
    ['社会消费品零售总额', 'retail-sales'],
    ['一般公共预算收入', 'public-budget-revenue'],
    ['城镇常住居民人均可支配收入', 'urban-disposable-income'],
    ['农村居民人均可支配收入', 'rural-disposable-income'],
    ['规模工业产值', 'industrial-output'],
    ['新增规模工业企业数', 'new-industrial-enterprises'],
    ['高新技术企业', 'high-tech-enterprises'],
    ['产出强度', 'output-intensity'],
    ['招商引资到位资金', 'attracted-funds'],
    [' 社会消费品 零售总额 ', 'retail-sales'],
  ])('%s names %s', (name, code) => {
    expect(indicatorByName(name)?.code).toBe(code);
  });

  it('knows nothing of a name it has not been told', () => {
    expect(indicatorByName('粮食产量')).toBeUndefined();
    expect(normalizeIndicatorName('Ｇ Ｄ Ｐ')).toBe('GDP');
  });

  it('states unit, periodicity and comparable prices', () => {
    expect(indicatorByCode('gdp')).toMatchObject({ name: '地区生产总值', unitKind: 'money', unit: '元', periodicity: 'quarterly', comparablePrices: true });
    expect(indicatorByCode('industrial-value-added')).toMatchObject({ periodicity: 'monthly', comparablePrices: true });
    expect(indicatorByCode('fixed-asset-investment').comparablePrices).toBe(false);
    expect(indicatorByCode('rural-disposable-income')).toMatchObject({ unitKind: 'moneyPerPerson', unit: '元/人', periodicity: 'quarterly' });
    expect(indicatorByCode('new-industrial-enterprises')).toMatchObject({ unitKind: 'count', unit: '家', accumulation: 'cumulative' });
    expect(indicatorByCode('high-tech-enterprises')).toMatchObject({ unitKind: 'count', accumulation: 'level' });
    expect(indicatorByCode('output-intensity')).toMatchObject({ unitKind: 'moneyPerMu', unit: '元/亩', accumulation: 'level' });
  });

  it('says which indicators can be drawn from the pool', () => {
    expect(INDICATORS.filter((d) => d.poolDraw).map((d) => d.code)).toEqual([
      'fixed-asset-investment',
      'industrial-investment',
      'technical-upgrade-investment',
    ]);
  });
});

describe('countsInPoolDraw', () => {
  const entered = { industryCode: '26', constructionType: 'new' as const, statsEntry: 'entered' as const };

  it('counts an entered project in 固定资产投资 whatever its industry', () => {
    expect(countsInPoolDraw('fixed-asset-investment', { ...entered, industryCode: null })).toBe(true);
  });
  it('counts 采矿业, 制造业 and 电力… in 工业投资, nothing else', () => {
    expect(countsInPoolDraw('industrial-investment', entered)).toBe(true);
    expect(countsInPoolDraw('industrial-investment', { ...entered, industryCode: '06' })).toBe(true);
    expect(countsInPoolDraw('industrial-investment', { ...entered, industryCode: 'D' })).toBe(true);
    expect(countsInPoolDraw('industrial-investment', { ...entered, industryCode: '48' })).toBe(false);
    expect(countsInPoolDraw('industrial-investment', { ...entered, industryCode: null })).toBe(false);
  });
  it('counts only 技术改造 in 技改投资', () => {
    expect(countsInPoolDraw('technical-upgrade-investment', entered)).toBe(false);
    expect(countsInPoolDraw('technical-upgrade-investment', { ...entered, constructionType: 'technicalUpgrade' })).toBe(true);
  });
  it('counts nothing before 入库, and nothing for an indicator the pool cannot supply', () => {
    expect(countsInPoolDraw('fixed-asset-investment', { ...entered, statsEntry: 'submitted' })).toBe(false);
    expect(countsInPoolDraw('retail-sales', entered)).toBe(false);
  });
});
