// How people write a county's units (县发改局, 区住建局, 经开区管委会, 某某街办): the one alias table, and exact matching after it.

/**
 * The general abbreviations of unit names, each as [what people write, what it stands for]. Both a unit's full name
 * and a name written in a ledger are brought to the same key with them, so 发改局 and 发展和改革局 meet. A county's
 * own names (城投指挥部 for one of its units) are rows of its `unit_alias` table, not entries here.
 * Longer full forms come first, so 发展和改革委员会 is not read as 发展和改革局 plus a tail.
 */
export const UNIT_ABBREVIATIONS: readonly (readonly [short: string, full: string])[] = [
  ['管委会', '管理委员会'],
  ['开发区', '经济技术开发区'],
  ['开发区', '经济开发区'],
  ['开发区', '经开区'],
  ['高新区', '高新技术产业开发区'],
  ['发改委', '发展和改革委员会'],
  ['发改委', '发展改革委员会'],
  ['发改局', '发展和改革局'],
  ['发改局', '发展改革局'],
  ['发改局', '发改委'],
  ['工信局', '工业和信息化局'],
  ['工信局', '工业信息化局'],
  ['工信局', '经济和信息化局'],
  ['经信局', '经济和信息化局'],
  ['住建局', '住房和城乡建设局'],
  ['住建局', '住房城乡建设局'],
  ['文旅局', '文化和旅游局'],
  ['文旅局', '文化旅游局'],
  ['交通局', '交通运输局'],
  ['自然资源局', '自然资源和规划局'],
  ['规自局', '规划和自然资源局'],
  ['市场监管局', '市场监督管理局'],
  ['人社局', '人力资源和社会保障局'],
  ['卫健局', '卫生健康局'],
  ['卫健局', '卫生和健康局'],
  ['卫健委', '卫生健康委员会'],
  ['环境局', '生态环境局'],
  ['农业局', '农业农村局'],
  ['审批局', '行政审批服务管理局'],
  ['审批局', '行政审批局'],
  ['应急局', '应急管理局'],
  ['教科局', '教育科技局'],
  ['卫健局', '卫健委'],
  ['街办', '街道办事处'],
  ['政府', '人民政府'],
];

// Longest full form first: the first match at a position wins, and the longer form is the more specific one.
const EXPANSIONS = [...UNIT_ABBREVIATIONS].sort((a, b) => b[1].length - a[1].length);

/** Names compared as typed: full-width forms folded, spaces ignored. */
export function unitNameText(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u3000]+/g, '');
}

/**
 * The key a unit name is compared by, in one county: full forms shortened by {@link UNIT_ABBREVIATIONS}, the county's
 * own name in front dropped (平顺县, 平顺), then a leading 县/区/市 (县发改局 → 发改局) and 中共, and a township
 * office's 政府 after its 镇/乡 (古韩镇人民政府, 古韩镇政府 and 古韩镇 meet). Matching by key is exact: no substring
 * is ever taken for a unit.
 * @example unitNameKey('平顺县发展和改革局', '平顺县') === unitNameKey('县发改局', '平顺县') // '发改局'
 */
export function unitNameKey(name: string, countyName: string): string {
  let t = unitNameText(name);
  for (const [short, full] of EXPANSIONS) t = t.split(full).join(short);
  t = t.replace(/^中共/, '');
  const county = unitNameText(countyName);
  const short = county.length > 2 ? county.replace(/(县|区|市|旗|自治县)$/, '') : county;
  if (t.startsWith(county)) t = t.slice(county.length);
  else if (short.length >= 2 && t.startsWith(short) && t.length > short.length + 1) t = t.slice(short.length);
  // 县发改局, 区住建局, 市商务局 (a county-level city); 市场监管局 keeps its 市.
  if (/^(县|区|市)(?!场)./.test(t) && t.length > 2) t = t.slice(1);
  t = t.replace(/^(县|区|市)(?=开发区|高新区)/, '');
  t = t.replace(/([镇乡])政府$/, '$1').replace(/街(道)?办$/, '街道');
  return t;
}

/** A unit as the matcher sees it. */
export interface NamedUnit {
  id: string;
  name: string;
}

/** What a written name resolves to: one unit, none, or several (named, so the refusal can say which). */
export type UnitMatch<U extends NamedUnit> = { kind: 'one'; unit: U } | { kind: 'none' } | { kind: 'ambiguous'; units: U[] };

/**
 * Resolves names written in a county's files to its units: an exact name or county alias first, then the key of
 * {@link unitNameKey}. Two units with one key make a name ambiguous rather than a guess.
 */
export class UnitNameIndex<U extends NamedUnit> {
  private readonly exact = new Map<string, U>();
  private readonly byKey = new Map<string, U[]>();

  constructor(
    units: readonly U[],
    aliases: readonly { alias: string; unitId: string }[],
    private readonly countyName: string,
  ) {
    for (const u of units) this.add(u);
    const byId = new Map(units.map((u) => [u.id, u]));
    for (const a of aliases) {
      const u = byId.get(a.unitId);
      if (u) this.exact.set(unitNameText(a.alias), u);
    }
  }

  /** Makes a unit known (one created during an import), under its own name. */
  add(unit: U): void {
    this.exact.set(unitNameText(unit.name), unit);
    const key = unitNameKey(unit.name, this.countyName);
    const list = this.byKey.get(key) ?? [];
    if (!list.some((u) => u.id === unit.id)) list.push(unit);
    this.byKey.set(key, list);
  }

  /** Makes a written name point at a unit, as a county alias does. */
  alias(name: string, unit: U): void {
    this.exact.set(unitNameText(name), unit);
  }

  match(name: string): UnitMatch<U> {
    const exact = this.exact.get(unitNameText(name));
    if (exact) return { kind: 'one', unit: exact };
    const found = this.byKey.get(unitNameKey(name, this.countyName)) ?? [];
    if (found.length === 1) return { kind: 'one', unit: found[0]! };
    if (found.length > 1) return { kind: 'ambiguous', units: found };
    return { kind: 'none' };
  }
}

/** The refusal of an ambiguous unit name, naming the candidates. */
export function ambiguousUnitReason(name: string, units: readonly NamedUnit[]): string {
  return `责任单位“${name}”可指${units.map((u) => `“${u.name}”`).join('或')}，请写全称`;
}
