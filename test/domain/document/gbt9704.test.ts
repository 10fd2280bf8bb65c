// GB/T 9704-2012's numbers as the writer uses them: the page, the 22 × 28 grid, headings, 发文字号 and the date line.
import { describe, expect, it } from 'vitest';
import { chineseNumber, dateLine, docNumber, docNumberPatternProblem, headingNumber, mmToTwips, pageNumberText, summaryTitle, typeAreaGrid } from '../../../src/domain/document/gbt9704.ts';

describe('GB/T 9704 page and grid', () => {
  it('measures A4 and the margins in twips as Word stores them', () => {
    expect([mmToTwips(210), mmToTwips(297)]).toEqual([11906, 16838]);
    expect([mmToTwips(37), mmToTwips(35), mmToTwips(28), mmToTwips(26)]).toEqual([2098, 1984, 1587, 1474]);
  });

  it('fits 22 lines in the 225 mm type area and 28 characters of 三号 in 156 mm', () => {
    const g = typeAreaGrid();
    // 225 mm = 637.8 pt; ÷ 22 = 28.99 pt a line, 579 twips as the templates in use carry.
    expect(g.linePitchTwips).toBe(579);
    expect(Math.floor(637.795 / (g.linePitchTwips / 20))).toBe(22);
    // 156 mm = 442.2 pt; ÷ 28 = 15.79 pt a character, 0.21 pt under 16 pt.
    expect(g.charPitchPt).toBeCloseTo(15.793, 3);
    expect(g.charSpace).toBe(-848);
  });
});

describe('numbering, dates and 发文字号', () => {
  it.each([
    [1, 1, '一、'],
    [2, 3, '（三）'],
    [3, 2, '2.'],
    [4, 5, '（5）'],
    [1, 11, '十一、'],
  ] as const)('level %i number %i is %s', (level, n, text) => {
    expect(headingNumber(level, n)).toBe(text);
  });

  it('spells numbers to twenty-one and beyond', () => {
    expect([chineseNumber(10), chineseNumber(20), chineseNumber(21)]).toEqual(['十', '二十', '二十一']);
  });

  it('writes the date without leading zeros and the page number between dashes', () => {
    expect(dateLine('2021-06-30')).toBe('2021年6月30日');
    expect(dateLine('2021-07-05')).toBe('2021年7月5日');
    expect(pageNumberText(1)).toBe('— 1 —');
  });

  it('fills a county’s 发文字号 pattern with 〔〕 brackets whatever brackets were typed', () => {
    expect(docNumber('襄发改字〔{year}〕{n}号', 2021, 27)).toBe('襄发改字〔2021〕27号');
    expect(docNumber('襄发改字[{year}]{n}号', 2021, 27)).toBe('襄发改字〔2021〕27号');
    expect(docNumber('襄发改字（{year}）{n}号', 2021, null)).toBe('襄发改字〔2021〕　号');
    expect(docNumberPatternProblem('襄发改字{n}号')).toContain('{year}');
    expect(docNumberPatternProblem('襄发改字〔{year}〕号')).toContain('{n}');
    expect(docNumberPatternProblem('襄发改字〔{year}〕{n}号')).toBeNull();
  });

  it('titles the summary as seed 000 does, by the half, the year or the months', () => {
    expect(summaryTitle('襄垣县发展和改革局', '2021-06')).toBe('襄垣县发展和改革局2021年上半年工作总结和下半年工作计划');
    expect(summaryTitle('襄垣县发展和改革局', '2021-12')).toBe('襄垣县发展和改革局2021年工作总结和2022年工作计划');
    expect(summaryTitle('襄垣县发展和改革局', '2021-05')).toBe('襄垣县发展和改革局2021年1-5月工作总结和下一步工作计划');
  });
});
