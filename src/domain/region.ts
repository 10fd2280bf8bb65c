// Administrative-division codes (GB/T 2260 plus the statistics bureau's 9-digit 乡级 codes): levels, parents and name matching.

/** The four levels the app knows. 村级 is never used. */
export type RegionLevel = 'province' | 'city' | 'county' | 'township';

// Province part 11–82 in practice; only 00 is impossible. A county must sit in a real city
// (XX00YY is no code), and a township suffix of 000 would just repeat its county.
const SIX_DIGIT = /^(?!00)\d{2}(?:0000|(?!00)\d{2}00|(?!00)\d{2}(?!00)\d{2})$/;
const NINE_DIGIT = /^(?!00)\d{2}(?!00)\d{4}(?!000)\d{3}$/;

/** True when `code` is a well-formed 6-digit province/city/county code or 9-digit township code. */
export function isRegionCode(code: string): boolean {
  return SIX_DIGIT.test(code) || NINE_DIGIT.test(code);
}

/**
 * The level a code denotes, from its shape alone: XX0000 province, XXXX00 city, any other
 * 6 digits county, 9 digits township.
 *
 * 直辖市 and 省直辖 pseudo-cities (110100 市辖区, 500200 县, 419000 省直辖县级行政区划) are 'city' by
 * shape, which is also how the statistics data lists them.
 * @throws RangeError on a malformed code.
 */
export function regionLevel(code: string): RegionLevel {
  if (NINE_DIGIT.test(code)) return 'township';
  if (!SIX_DIGIT.test(code)) throw new RangeError(`not an administrative-division code: ${JSON.stringify(code)}`);
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

// 直辖市' and 省直辖 pseudo-cities (110100 市辖区, 500200 县, 419000 省直辖县级行政区划) name no city a county belongs to.
const PSEUDO_CITY = /直辖县级行政区划$|^市辖区$|^县$/;

/**
 * Counties' names as a list over `scope` writes them: over a province (or the whole deployment) each with its city's
 * name, since several cities have a 城区 or 郊区 (阳泉市城区, 晋城市城区); over a city or a county the bare name.
 */
export function countyLabels(scope: string, counties: readonly { code: string; name: string; cityName: string | null }[]): Map<string, string> {
  // 000000 is the whole deployment (the system's scope), above every province.
  const withCity = scope === '000000' || regionLevel(scope) === 'province';
  return new Map(counties.map((c) => [c.code, withCity && c.cityName && !PSEUDO_CITY.test(c.cityName) ? `${c.cityName}${c.name}` : c.name]));
}

/** Whether an account's region holds several counties to compare: a city or a province (not the system's 000000). */
export function isCityOrProvince(code: string): boolean {
  return SIX_DIGIT.test(code) && regionLevel(code) !== 'county';
}

/**
 * True for a 9-digit code whose suffix is 400–599: the statistics bureau's codes for 开发区,
 * 园区, 农场 and other units it counts at 乡级 though they are not townships under GB/T 2260.
 */
export function isZoneCode(code: string): boolean {
  if (!NINE_DIGIT.test(code)) return false;
  const suffix = Number(code.slice(6));
  return suffix >= 400 && suffix <= 599;
}

/**
 * The parent by code arithmetic: township → its county (or, for 不设区的地级市 such as 东莞市
 * 441900, the city itself), county → city XXXX00, city → province XX0000, province → null.
 * @throws RangeError on a malformed code.
 */
export function parentCode(code: string): string | null {
  switch (regionLevel(code)) {
    case 'province':
      return null;
    case 'city':
      return `${code.slice(0, 2)}0000`;
    case 'county':
      return `${code.slice(0, 4)}00`;
    case 'township':
      return code.slice(0, 6);
  }
}

/**
 * The county a county or township code lies in: its first six digits, the key county tables are laid out by.
 * @example countyCodeOf('140423100') // '140423'
 */
export function countyCodeOf(regionCode: string): string {
  return regionCode.slice(0, 6);
}

/**
 * Every enclosing region, nearest first.
 * @example ancestorCodes('140423100') // ['140423', '140400', '140000']
 * @throws RangeError on a malformed code.
 */
export function ancestorCodes(code: string): string[] {
  const out: string[] = [];
  for (let p = parentCode(code); p !== null; p = parentCode(p)) out.push(p);
  return out;
}

/**
 * The code prefix shared by the region and everything inside it, for prefix queries:
 * '14' for 140000, '1404' for 140400, '140423' for 140423, all 9 digits for a township.
 * @throws RangeError on a malformed code.
 */
export function regionPrefix(code: string): string {
  switch (regionLevel(code)) {
    case 'province':
      return code.slice(0, 2);
    case 'city':
      return code.slice(0, 4);
    case 'county':
    case 'township':
      return code;
  }
}

/**
 * True when `code` is `scope` or lies inside it. False, not an error, when either is malformed,
 * so it can guard untrusted input directly.
 */
export function isWithin(code: string, scope: string): boolean {
  if (!isRegionCode(code) || !isRegionCode(scope)) return false;
  return code === scope || code.startsWith(regionPrefix(scope));
}

/** The kind a township-level name's suffix reveals; 'zone' is a 开发区 of unstated type. */
type TownshipKind = 'street' | 'town' | 'xiang' | 'sumu' | 'econ-zone' | 'hitech-zone' | 'zone';

/** Longest first, so 街道办事处 wins over 街道 and 经济技术开发区 over 开发区. */
const SUFFIXES: ReadonlyArray<readonly [suffix: string, kind: TownshipKind, short: string]> = [
  ['高新技术产业开发区', 'hitech-zone', '高新区'],
  ['高新技术开发区', 'hitech-zone', '高新区'],
  ['经济技术开发区', 'econ-zone', '经开区'],
  ['经济开发区', 'econ-zone', '经开区'],
  ['街道办事处', 'street', ''],
  ['经开区', 'econ-zone', '经开区'],
  ['高新区', 'hitech-zone', '高新区'],
  ['开发区', 'zone', '开发区'],
  ['街道', 'street', ''],
  ['苏木', 'sumu', ''],
  ['镇', 'town', ''],
  ['乡', 'xiang', ''],
];

function splitTownshipName(name: string): { stem: string; kind: TownshipKind | null; short: string } {
  const n = name.replace(/\s+/g, '');
  for (const [suffix, kind, short] of SUFFIXES) {
    if (n.endsWith(suffix)) return { stem: n.slice(0, -suffix.length), kind, short };
  }
  return { stem: n, kind: null, short: '' };
}

/**
 * The name as people say it in a county: the stem of a 镇/乡/街道/苏木 ('古韩镇' → '古韩'), and the
 * usual abbreviation of a zone ('襄垣经济技术开发区' → '襄垣经开区'). Other names come back unchanged.
 */
export function shortTownshipName(name: string): string {
  const trimmed = name.replace(/\s+/g, '');
  const { stem, short } = splitTownshipName(trimmed);
  // A bare suffix ('开发区', '镇') has no shorter form.
  if (stem === '') return trimmed;
  return stem + short;
}

/**
 * True when `input` names the township-level unit called `name`, in long or short form:
 * '古韩' and '古韩镇' match '古韩镇'; '经开区', '开发区', '襄垣经开区' and '襄垣经济技术开发区' match
 * '襄垣经济技术开发区'. A stated kind must agree ('古韩乡' does not match '古韩镇'), except that a
 * plain 开发区 matches any zone. An input that is only a zone suffix matches any zone of that
 * kind, because within one county people say just '经开区'. A bare place name matches only a
 * 镇/乡/街道/苏木, never a zone.
 */
export function townshipNameMatches(input: string, name: string): boolean {
  const a = splitTownshipName(input);
  const b = splitTownshipName(name);
  if (a.stem === '' && a.kind === null) return false;
  if (a.stem === b.stem && a.kind === b.kind) return true;
  // A bare stem stands for a 镇/乡/街道/苏木; nobody calls a 开发区 by its place name alone.
  if (a.kind === null) return a.stem === b.stem && b.kind !== null && !isZoneKind(b.kind);
  if (b.kind === null || !kindsAgree(a.kind, b.kind)) return false;
  if (a.stem === b.stem) return true;
  // '经开区' alone: the county's zone, whatever its place-name prefix.
  return a.stem === '' && isZoneKind(a.kind);
}

function isZoneKind(kind: TownshipKind): boolean {
  return kind === 'zone' || kind === 'econ-zone' || kind === 'hitech-zone';
}

function kindsAgree(a: TownshipKind, b: TownshipKind): boolean {
  if (a === b) return true;
  return isZoneKind(a) && isZoneKind(b) && (a === 'zone' || b === 'zone');
}
