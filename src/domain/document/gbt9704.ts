// GB/T 9704-2012 (党政机关公文格式) as numbers: the page, the type area's grid, the faces and sizes of each element,
// the 发文字号 and the date line. The .docx writer and the tests read the same values.

import { monthNumber, monthYear, lastDayOfMonth, type Day, type Month } from '../months.ts';

/** Millimetres per inch, and twentieths of a point (twips) per millimetre. */
const MM_PER_INCH = 25.4;
export const TWIPS_PER_MM = 1440 / MM_PER_INCH;

/** A4 and the margins of §5.2.1: 天头 37 mm, 订口 28 mm; the type area is 156 × 225 mm. */
export const PAGE_MM = { width: 210, height: 297 } as const;
export const MARGIN_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;

/** §5.2.2: 22 lines of 28 characters in the type area. */
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/** Chinese type sizes in points (号 → pt). */
export const SIZE_PT = { 二号: 22, 三号: 16, 四号: 14 } as const;

/** Whole twips of a length in millimetres, as a .docx stores page measures. */
export function mmToTwips(mm: number): number {
  return Math.round(mm * TWIPS_PER_MM);
}

/**
 * The document grid of the type area: 22 lines in 225 mm and 28 characters of 三号 (16 pt) in 156 mm.
 * Word's `charSpace` is the difference between the grid pitch and the body size, in 1/4096 pt.
 * @example typeAreaGrid() → { linePitchTwips: 579, charSpace: -848 } (templates in use carry 579 and about −849)
 */
export function typeAreaGrid(): { linePitchTwips: number; charSpace: number; charPitchPt: number; linePitchPt: number } {
  const heightPt = ((PAGE_MM.height - MARGIN_MM.top - MARGIN_MM.bottom) / MM_PER_INCH) * 72;
  const widthPt = ((PAGE_MM.width - MARGIN_MM.left - MARGIN_MM.right) / MM_PER_INCH) * 72;
  const linePitchPt = heightPt / LINES_PER_PAGE;
  const charPitchPt = widthPt / CHARS_PER_LINE;
  return {
    linePitchTwips: Math.floor(linePitchPt * 20),
    charSpace: Math.round((charPitchPt - SIZE_PT.三号) * 4096),
    charPitchPt,
    linePitchPt,
  };
}

/** A face as people's machines name it, and the free faces that stand in for it, in order. */
export interface Face {
  /** The name in the .docx (what Word on a government machine has). */
  name: string;
  /** Alternative names Word and LibreOffice try next. */
  fallbacks: readonly string[];
}

/**
 * The faces of §7 with their fallbacks. Noto (Debian's fonts-noto-cjk) covers rare characters such as 虒 (虒亭镇);
 * Fandol's faces do not, so they are never the last resort.
 */
export const FACES = {
  title: { name: '方正小标宋简体', fallbacks: ['方正小标宋_GBK', '华文中宋', 'Noto Serif CJK SC'] },
  body: { name: '仿宋_GB2312', fallbacks: ['仿宋', 'FangSong', 'FandolFang', 'Noto Serif CJK SC'] },
  heading1: { name: '黑体', fallbacks: ['SimHei', 'FandolHei', 'Noto Sans CJK SC'] },
  heading2: { name: '楷体_GB2312', fallbacks: ['楷体', 'KaiTi', 'FandolKai', 'Noto Serif CJK SC'] },
  pageNumber: { name: '宋体', fallbacks: ['SimSun', 'FandolSong', 'Noto Serif CJK SC'] },
} as const satisfies Record<string, Face>;

export type ElementKind = 'title' | 'docNumber' | 'recipient' | 'body' | 'heading1' | 'heading2' | 'heading3' | 'signature' | 'date' | 'pageNumber' | 'caption';

/** The face and size of each element: title 2号小标宋; body, 发文字号, signature and date 3号仿宋; 一、黑体, （一）楷体, 1. 仿宋; page numbers 4号宋体. */
export const ELEMENT_STYLE: Record<ElementKind, { face: Face; sizePt: number }> = {
  title: { face: FACES.title, sizePt: SIZE_PT.二号 },
  docNumber: { face: FACES.body, sizePt: SIZE_PT.三号 },
  recipient: { face: FACES.body, sizePt: SIZE_PT.三号 },
  body: { face: FACES.body, sizePt: SIZE_PT.三号 },
  heading1: { face: FACES.heading1, sizePt: SIZE_PT.三号 },
  heading2: { face: FACES.heading2, sizePt: SIZE_PT.三号 },
  heading3: { face: FACES.body, sizePt: SIZE_PT.三号 },
  signature: { face: FACES.body, sizePt: SIZE_PT.三号 },
  date: { face: FACES.body, sizePt: SIZE_PT.三号 },
  pageNumber: { face: FACES.pageNumber, sizePt: SIZE_PT.四号 },
  caption: { face: FACES.body, sizePt: SIZE_PT.四号 },
};

/** The page number as §7.5 prints it: a one-character dash either side, "— 1 —". */
export function pageNumberText(n: number | string): string {
  return `— ${n} —`;
}

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 12 → 十二, 21 → 二十一 (headings rarely go past twenty). */
export function chineseNumber(n: number): string {
  if (n <= 10) return CHINESE_DIGITS[n] ?? String(n);
  if (n < 20) return `十${CHINESE_DIGITS[n - 10]}`;
  if (n < 100) return `${CHINESE_DIGITS[Math.floor(n / 10)]}十${n % 10 === 0 ? '' : CHINESE_DIGITS[n % 10]}`;
  return String(n);
}

/** The numbering of the levels of §7.3.3: "一、", "（一）", "1.", "（1）". */
export function headingNumber(level: 1 | 2 | 3 | 4, n: number): string {
  switch (level) {
    case 1:
      return `${chineseNumber(n)}、`;
    case 2:
      return `（${chineseNumber(n)}）`;
    case 3:
      return `${n}.`;
    case 4:
      return `（${n}）`;
  }
}

/** The date line of §7.3.5: Arabic numerals, no leading zeros, "2021年6月30日". */
export function dateLine(day: Day): string {
  return `${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
}

/**
 * A 发文字号 from a county's pattern: {year} and {n} are filled, brackets are 〔〕 as §7.2.4 requires.
 * @example docNumber('襄发改字〔{year}〕{n}号', 2021, 27) === '襄发改字〔2021〕27号'
 */
export function docNumber(pattern: string, year: number, n: number | null): string {
  return pattern
    .replace(/[[［(（]\{year\}[\]］)）]/g, '〔{year}〕')
    .replace('{year}', String(year))
    .replace('{n}', n === null ? '　' : String(n));
}

/** What a pattern must contain to make a 发文字号; the reason it refuses, or null. */
export function docNumberPatternProblem(pattern: string): string | null {
  if (!pattern.includes('{year}')) return '发文字号格式须含 {year}（年份），如 襄发改字〔{year}〕{n}号';
  if (!pattern.includes('{n}')) return '发文字号格式须含 {n}（序号），如 襄发改字〔{year}〕{n}号';
  return null;
}

/** The half or the year a summary covers: 上半年 up to June, 前三季度 up to September, else 1-M月 or 全年. */
export function summaryPeriodName(asOf: Month): string {
  const m = monthNumber(asOf);
  if (m === 12) return '全年';
  if (m === 6) return '上半年';
  if (m === 9) return '前三季度';
  return `1-${m}月`;
}

/** The title of a work summary, as seed 000 titles its own: "襄垣县发展和改革局2021年上半年工作总结和下半年工作计划". */
export function summaryTitle(unitName: string, asOf: Month): string {
  const year = monthYear(asOf);
  const m = monthNumber(asOf);
  if (m === 12) return `${unitName}${year}年工作总结和${year + 1}年工作计划`;
  if (m === 6) return `${unitName}${year}年上半年工作总结和下半年工作计划`;
  return `${unitName}${year}年${summaryPeriodName(asOf)}工作总结和下一步工作计划`;
}

/** The day a summary is dated by default: the last day of its month (seed 000: 2021年6月30日). */
export function defaultSummaryDay(asOf: Month): Day {
  return lastDayOfMonth(asOf);
}
