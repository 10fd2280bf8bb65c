// Reading the cells of a ledger row: money, dates, phase, stage and status words, section and total rows.

import { fromUnit, type MoneyUnit, type Yuan } from '../money.ts';
import { isDay, makeMonth, type Day } from '../months.ts';
import type { ApprovalKind, ConstructionType, KeyLevel, Phase, Stage, StatsEntryStatus } from '../project/project.ts';

/** A cell as the reader hands it over: text, a number, a boolean, or nothing. Excel dates arrive as 'YYYY-MM-DD'. */
export type LedgerCell = string | number | boolean | null;

/** A value read from a cell, or why it could not be read (a clause the row's reason is built from). */
export type CellResult<T> = { ok: true; value: T } | { ok: false; problem: string };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const bad = <T>(problem: string): CellResult<T> => ({ ok: false, problem });

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text a spreadsheet could take for a formula (`=`, `+`, `-`, `@`, tab, carriage return first) is written with a
 * leading `'` (OWASP's rule against formula injection), so it stays inert after a copy-paste or a CSV round trip.
 * @example inertText('=1+1') === "'=1+1"
 */
export function inertText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The text of a cell, trimmed, with full-width spaces removed at the ends and the `'` of {@link inertText} undone; '' for nothing. */
export function cellText(cell: LedgerCell): string {
  if (cell === null) return '';
  const text = String(cell).replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

export function isBlank(cell: LedgerCell): boolean {
  return cellText(cell) === '' || /^[-—/／\\－]+$/.test(cellText(cell));
}

/**
 * An amount written in `unit`, as whole 元; blank is null. Thousands separators and a trailing unit are
 * accepted ('1,200', '3.5亿元' in an 亿元 column); anything else is refused.
 * @example parseMoney('12.5', '亿元') → { ok: true, value: 1_250_000_000 }
 */
export function parseMoney(cell: LedgerCell, unit: MoneyUnit, label: string): CellResult<Yuan | null> {
  if (isBlank(cell)) return ok(null);
  let amount: number;
  if (typeof cell === 'number') amount = cell;
  else {
    const text = cellText(cell).normalize('NFKC').replace(/[,\s]/g, '');
    const m = /^(-?\d+(?:\.\d+)?)(亿元|万元|元)?$/.exec(text);
    if (!m) return bad(`${label}“${cellText(cell)}”不是数字`);
    amount = Number(m[1]);
    if (m[2] && m[2] !== unit) return ok(fromUnit(amount, m[2] as MoneyUnit));
  }
  if (!Number.isFinite(amount)) return bad(`${label}“${cellText(cell)}”不是数字`);
  if (amount < 0) return bad(`${label}不能为负数`);
  const yuan = fromUnit(amount, unit);
  if (!Number.isSafeInteger(yuan)) return bad(`${label}“${cellText(cell)}”超出范围`);
  return ok(yuan);
}

/** A plain number (亩); blank is null. */
export function parseNumber(cell: LedgerCell, label: string): CellResult<number | null> {
  if (isBlank(cell)) return ok(null);
  const n = typeof cell === 'number' ? cell : Number(cellText(cell).normalize('NFKC').replace(/[,\s]/g, '').replace(/亩$/, ''));
  if (!Number.isFinite(n)) return bad(`${label}“${cellText(cell)}”不是数字`);
  if (n < 0) return bad(`${label}不能为负数`);
  return ok(n);
}

// Days since 1970-01-01 → civil date, integer arithmetic only (H. Hinnant's algorithm), so no Date is needed here.
function civilFromDays(z0: number): Day {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${makeMonth(y, m)}-${String(d).padStart(2, '0')}`;
}

/** An Excel serial day number (1900 system: 25569 is 1970-01-01) as a day. */
export function dayFromExcelSerial(serial: number): Day {
  return civilFromDays(Math.floor(serial) - 25569);
}

/**
 * A date as ledgers write it: an Excel date, 2022-05-10, 2022/5/10, 2022.5.10, 2022年5月10日, a month
 * (2022年3月, 2022.4, 2022-04 → the first day of the month) or a year (2021年 → 01-01). Blank is null.
 * @example parseLedgerDate('2022.4', '开工时间') → { ok: true, value: '2022-04-01' }
 */
export function parseLedgerDate(cell: LedgerCell, label: string): CellResult<Day | null> {
  if (isBlank(cell)) return ok(null);
  const refuse = bad<Day | null>(`${label}“${cellText(cell)}”不是有效日期`);
  if (typeof cell === 'number') {
    // A year typed as a number (2021), a month typed as a decimal (2022.4 or 2022.10), or an Excel serial.
    if (Number.isInteger(cell) && cell >= 1990 && cell <= 2100) return ok(`${cell}-01-01`);
    if (cell > 1990 && cell < 2101) return parseLedgerDate(String(cell), label);
    if (cell > 20000 && cell < 80000) return ok(dayFromExcelSerial(cell));
    return refuse;
  }
  const text = cellText(cell).normalize('NFKC').replace(/\s+/g, '');
  const m = /^(\d{4})(?:[-./年](\d{1,2})(?:[-./月](\d{1,2})日?|月)?)?年?(?:底|初|份)?$/.exec(text);
  if (!m) return refuse;
  const year = Number(m[1]);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const dayNo = m[3] === undefined ? 1 : Number(m[3]);
  if (month < 1 || month > 12 || year < 1990 || year > 2100) return refuse;
  const day = `${makeMonth(year, month)}-${String(dayNo).padStart(2, '0')}`;
  return isDay(day) ? ok(day) : refuse;
}

function words<T>(table: readonly (readonly [readonly string[], T])[]): (text: string) => T | undefined {
  return (text) => table.find(([ws]) => ws.includes(text))?.[1];
}

/** 续建 / 复工 / 结转 / 在建 → continuing; 新建 / 新开工 → newStart; 储备 / 预备 / 谋划 → reserve. */
export const phaseWord = words<Phase>([
  [['续建', '复工', '结转', '在建', '续建项目', '复工项目', '结转项目', '在建项目', '续建（复工）', '续建(复工)'], 'continuing'],
  [['新建', '新开工', '新建项目', '新开工项目', '计划新开工', '新建（新开工）', '新建(新开工)'], 'newStart'],
  [['储备', '预备', '谋划', '储备项目', '预备项目', '谋划项目'], 'reserve'],
]);

/**
 * The phase and construction type a 建设性质 cell gives: 续建/复工/结转/新开工 name the phase, 新建 names both
 * (the construction type, and the phase when nothing else gives one), 扩建/改建/技术改造/迁建 only the type.
 */
export function readConstructionCell(text: string): { phase: Phase | null; constructionType: ConstructionType | null } | null {
  const t = text.replace(/\s+/g, '');
  const type = constructionTypeWord(t);
  if (t === '新建') return { phase: 'newStart', constructionType: 'new' };
  if (type) return { phase: null, constructionType: type };
  const phase = phaseWord(t);
  return phase ? { phase, constructionType: null } : null;
}

const constructionTypeWord = words<ConstructionType>([
  [['新建'], 'new'],
  [['扩建', '改扩建'], 'expansion'],
  [['改建', '改造'], 'renovation'],
  [['技术改造', '技改'], 'technicalUpgrade'],
  [['迁建', '搬迁'], 'relocation'],
]);

// Checked in order: 未开工 before 开工, 复工 and 停工 before the generic words.
const STAGE_WORDS: readonly (readonly [string, Stage])[] = [
  ['撤销', 'cancelled'], ['取消', 'cancelled'],
  ['未开工', 'preparing'], ['未复工', 'preparing'],
  ['停工', 'suspended'], ['停建', 'suspended'], ['缓建', 'suspended'],
  ['投产', 'operating'], ['运营', 'operating'], ['达产', 'operating'],
  ['竣工', 'completed'], ['完工', 'completed'], ['建成', 'completed'],
  ['复工', 'underway'], ['在建', 'underway'], ['开工', 'underway'], ['施工', 'underway'], ['续建', 'underway'],
  ['签约', 'signed'],
  ['前期', 'preparing'], ['手续', 'preparing'],
  ['谋划', 'planned'], ['储备', 'planned'],
];

/**
 * The stage a status word names: 已开工/在建/已复工 → underway, 未开工/前期 → preparing, 停工 → suspended,
 * 竣工 → completed, 已投产 → operating, 签约 → signed, 谋划/储备 → planned, 撤销 → cancelled.
 * Longer texts (形象进度) are read by the first of these words they contain.
 */
export function stageWord(text: string): Stage | undefined {
  const t = text.replace(/\s+/g, '');
  return STAGE_WORDS.find(([w]) => t.includes(w))?.[1];
}

/** Whether a status word says work is going on that year (for 复工 of a continuing project). */
export function saysWorkGoingOn(text: string): boolean {
  return stageWord(text) === 'underway';
}

export const statsEntryWord = words<StatsEntryStatus>([
  [['是', '已入库', '入库', '√', '✓'], 'entered'],
  [['否', '未入库', '无'], 'none'],
  [['已报送', '已申报', '报送'], 'submitted'],
  [['材料准备中', '准备中', '正在准备'], 'preparing'],
  [['不予入库', '不入库'], 'refused'],
]);

export const approvalKindWord = words<ApprovalKind>([
  [['审批', '审批制'], 'approval'],
  [['核准', '核准制'], 'authorization'],
  [['备案', '备案制'], 'filing'],
]);

const CHINESE_ORDINAL = '[一二三四五六七八九十百]+';
const SECTION_RE = new RegExp(`^(?:${CHINESE_ORDINAL}[、.．,，]|[(（]${CHINESE_ORDINAL}[)）]|第${CHINESE_ORDINAL}[部类]分?|其中[:：]?)`);
// An ordinal standing alone in its cell, its heading in the next cell: "一" | "工业".
const BARE_ORDINAL_RE = new RegExp(`^(?:${CHINESE_ORDINAL}|[(（]${CHINESE_ORDINAL}[)）])$`);
// A count after a heading or a total: （52个）, (100项), 37个.
const COUNT_TAIL = '(?:[(（]\\d+[个项]?[)）]|\\d+[个项])';
const COUNT_TAIL_RE = new RegExp(`${COUNT_TAIL}$`);

const SECTION_PHASE_WORDS = [
  ['续建', 'continuing'], ['复工', 'continuing'], ['结转', 'continuing'], ['在建', 'continuing'],
  ['新开工', 'newStart'], ['新建', 'newStart'], ['储备', 'reserve'], ['预备', 'reserve'], ['谋划', 'reserve'],
] as const;

/**
 * Whether a row is a section heading (一、续建项目（52个）, （二）新开工项目, （一）在建（11项）, "一" | "工业" in two cells,
 * 其中：在建重点项目（90项）, 续建项目), and the phase it gives the rows under it (null when it gives none: 一、工业项目).
 * Undefined when the row is not a section.
 */
export function sectionPhase(texts: readonly string[]): Phase | null | undefined {
  const filled = texts.map((t) => t.replace(/\s+/g, '')).filter((t) => t !== '');
  const at = filled.findIndex((t) => !/^\d+(\.\d+)?$/.test(t));
  if (at < 0) return undefined;
  let head = filled[at]!;
  if (BARE_ORDINAL_RE.test(head) && filled[at + 1] !== undefined && !/^\d/.test(filled[at + 1]!)) head = `${head}、${filled[at + 1]}`;
  const bare = head.replace(/[:：]$/, '').replace(COUNT_TAIL_RE, '').replace(/[:：]$/, '');
  const looksLikeSection = SECTION_RE.test(bare) || phaseWord(bare) !== undefined;
  if (!looksLikeSection) return undefined;
  const rest = bare.replace(SECTION_RE, '');
  for (const [word, phase] of SECTION_PHASE_WORDS) {
    if (rest.startsWith(word) || rest.includes(`${word}项目`) || rest.includes(`${word}重点项目`)) return phase;
  }
  return null;
}

/**
 * Whether a row is a total (合计, 总计, 小计, 共计, 续建项目小计, 合计37个, 龙海市合计14个, 合计（100项）), by any of its
 * first texts.
 */
export function isTotalRow(texts: readonly string[]): boolean {
  // The word ends the cell, a count aside (合计, 合计（52个）, 合计37个), so a project called 合计划… is not a total.
  const totalRe = new RegExp(`(合计|总计|小计|共计)${COUNT_TAIL}?[:：]?$`);
  return texts.slice(0, 4).some((t) => {
    const bare = t.replace(/\s+/g, '');
    return bare.length <= 16 && totalRe.test(bare);
  });
}

/**
 * Whether a row is a note under (or inside) the table: 备注：…, 注：…, 说明：…, 填表说明, or a numbered explanation
 * (1、项目性质：指…) standing alone in the row (a merged cell repeats it across the row).
 */
export function isNoteRow(texts: readonly string[]): boolean {
  const distinct = [...new Set(texts.map((t) => t.replace(/\s+/g, '')).filter((t) => t !== ''))];
  if (distinct.length === 0) return false;
  const first = distinct[0]!;
  if (/^(备注|注|说明|填表说明|数据来源|资料来源)\d?[:：]/.test(first) || /^填表(说明|人)/.test(first)) return distinct.length <= 2;
  return distinct.length === 1 && /^\d{1,2}[、.．][^:：]{1,12}[:：]/.test(first);
}

/** Whether a row holds nothing but zeros (and perhaps a 序号): a blank line of a sheet whose formulas gave 0. */
export function isZeroRow(cells: readonly LedgerCell[]): boolean {
  const filled = cells.filter((c) => !isBlank(c));
  return filled.length > 0 && filled.every((c) => (typeof c === 'number' ? c === 0 : /^0+(\.0+)?$/.test(cellText(c))));
}

/** Whether a row numbers the columns under the header (1 2 3 …, or 甲 乙 丙 …) rather than holding a project. */
export function isColumnNumberRow(cells: readonly LedgerCell[]): boolean {
  const filled = cells.map((c) => cellText(c)).filter((t) => t !== '');
  if (filled.length < 3) return false;
  if (filled.every((t) => /^[甲乙丙丁戊己庚辛壬癸]$/.test(t) || /^[A-Z]$/.test(t))) return true;
  const numbers = filled.map((t) => (/^\d+$/.test(t) ? Number(t) : Number.NaN));
  return numbers.every((n, i) => n === numbers[0]! + i);
}

/** A leader named in a 包联领导 cell, with the title written beside the name, if any: 王志强（副县长）. */
export interface WrittenLeader {
  name: string;
  title: string | null;
}

const TITLE_RE = /(书记|县长|区长|市长|主任|主席|部长|委员|局长|镇长|乡长|常委|调研员|政委|秘书长|检察长|院长)$/;

/**
 * The leaders a 包联领导 cell names: names separated by line breaks, 、，,;；/ or spaces between whole names; a
 * two-character name padded to three (许  波) is one name; a title in brackets or before the name is kept apart.
 * @example leaderNames('许  波、王志强（副县长）') → [{ name: '许波', title: null }, { name: '王志强', title: '副县长' }]
 */
export function leaderNames(text: string): WrittenLeader[] {
  const out: WrittenLeader[] = [];
  for (const part of text.normalize('NFKC').split(/[\n\r、,，;；/／|]+/)) {
    let rest = part.replace(/\u3000/g, ' ').trim();
    if (!rest) continue;
    const bracket = /[(（]([^)）]*)[)）]/.exec(rest);
    let title = bracket?.[1]?.trim() || null;
    rest = rest.replace(/[(（][^)）]*[)）]/g, ' ').trim();
    const tokens = rest.split(/\s+/).filter(Boolean);
    // Single characters are padding inside one name (许  波); whole names of two or more characters stand apart.
    const groups = tokens.some((t) => t.length === 1) ? [tokens.join('')] : tokens;
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i]!;
      if (TITLE_RE.test(g) && i + 1 < groups.length) {
        title = g;
        continue;
      }
      out.push({ name: g, title });
      title = null;
    }
  }
  return out;
}

/** 是 / 否 (and 已开工 / 未开工, √ / ×) → true / false; undefined when the word says neither. */
export const yesNoWord = words<boolean>([
  [['是', '已开工', '开工', '已', 'Y', 'y', '√', '✓', '✔'], true],
  [['否', '未开工', '未', '无', 'N', 'n', '×', '✗'], false],
]);

export const keyLevelWord = words<KeyLevel>([
  [['省重点', '省级重点', '省级', '省', '省重点项目'], 'province'],
  [['市重点', '市级重点', '市级', '市', '市重点项目'], 'city'],
  [['县重点', '县级重点', '县级', '县', '区重点', '区级', '县重点项目'], 'county'],
]);
