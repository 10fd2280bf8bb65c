// Reads investment news (seed 003: a title, a date, a text) into candidate leads: the project, the event (签约/开工/投产/
// 洽谈), the amount with its unit, the enterprise and the region, each from the sentence that says it. Rules alone;
// docs/decisions/0005-news-reader.md says why and how well they do.

import { fromUnit, type MoneyUnit, type Yuan } from '../money.ts';
import { isDay, type Day } from '../months.ts';

export interface NewsItem {
  title: string;
  date: Day | null;
  text: string;
}

export const NEWS_EVENTS = ['签约', '开工', '投产', '洽谈'] as const;
export type NewsEvent = (typeof NEWS_EVENTS)[number];

/** The lead stage an event puts a candidate at when it is accepted. */
export const NEWS_EVENT_STAGE = { 签约: 'signed', 开工: 'started', 投产: 'operating', 洽谈: 'negotiating' } as const;

export interface NewsCandidate {
  /** Which item of the input (0-based). */
  item: number;
  title: string;
  date: Day | null;
  /** A division code, or null when the article names none the reader knows. */
  region: string | null;
  regionName: string | null;
  project: string;
  event: NewsEvent;
  /** Total investment in 元, or null when the sentence gives none. */
  amount: Yuan | null;
  /** The amount as written: "2亿元". */
  amountText: string | null;
  enterprise: string | null;
  /** The sentence the candidate was read from: the evidence a dispatcher checks. */
  sentence: string;
}

/** A division the reader may name: from the vendored table, chosen by the caller (a province, or the country). */
export interface Place {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county' | 'township';
  parentCode: string | null;
}

// ---------------------------------------------------------------------------------------------------------------
// Items: seed 003 separates items by a line "-", each a title, a text and a date line; anything after the date is
// the page's furniture. A file without separators is one item.

const DATE_LINE = /^\s*(\d{4})[-年./](\d{1,2})[-月./](\d{1,2})日?\s*$/;

function dateOf(line: string): Day | null {
  const m = DATE_LINE.exec(line);
  if (!m) return null;
  const day = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isDay(day) ? day : null;
}

/** The items of a news file: blocks between lines of a lone "-", each its first line as title, a date line, the rest as text. */
export function parseNewsItems(content: string): NewsItem[] {
  const lines = content.replace(/\r\n?/g, '\n').split('\n');
  const blocks: string[][] = [];
  let current: string[] | null = lines.some((l) => l.trim() === '-') ? null : [];
  if (current) blocks.push(current);
  for (const line of lines) {
    if (line.trim() === '-') {
      current = [];
      blocks.push(current);
    } else current?.push(line);
  }
  const items: NewsItem[] = [];
  for (const block of blocks) {
    const filled = block.map((l) => l.trim()).filter((l) => l !== '');
    const title = filled.find((l) => dateOf(l) === null);
    if (!title) continue;
    const dateAt = filled.findIndex((l) => dateOf(l) !== null);
    const titleAt = filled.indexOf(title);
    // Seed 003 puts the date after the text, and the page's furniture after the date; a date right under the title
    // opens the text instead.
    const textBeforeDate = dateAt > titleAt + 1;
    const body = (textBeforeDate ? filled.slice(titleAt + 1, dateAt) : filled.slice(titleAt + 1)).filter((l) => dateOf(l) === null);
    items.push({ title, date: dateAt >= 0 ? dateOf(filled[dateAt]!) : null, text: body.join('\n') });
  }
  return items.filter((i) => i.text !== '' || i.title !== '');
}

// ---------------------------------------------------------------------------------------------------------------
// Places: full names (代县, 忻州市, 阳明堡镇) and, for cities and counties, the name without 市/县 when two
// characters or more remain (忻州, 武乡); provinces only in the title's tag (【山西招商】).

interface PlaceName {
  name: string;
  place: Place;
}

const LEVEL_RANK: Record<Place['level'], number> = { province: 0, city: 1, county: 2, township: 3 };

export interface Gazetteer {
  /** Names by their first character, longest first. */
  byFirst: Map<string, PlaceName[]>;
  byName: Map<string, Place[]>;
  byCode: Map<string, Place>;
}

export function gazetteer(places: readonly Place[]): Gazetteer {
  const names: PlaceName[] = [];
  for (const place of places) {
    if (place.level === 'province') continue;
    const generic = /^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$|^(?:经济|经济技术|高新技术|工业)?(?:开发区|园区)$/.test(place.name);
    if (place.name.length >= (place.level === 'township' ? 3 : 2) && !generic) names.push({ name: place.name, place });
    // Zones go by their short names: 襄垣经济技术开发区 is 襄垣经开区 in the news.
    const zone = place.name.replace(/经济技术开发区$|经济开发区$/, '经开区').replace(/高新技术产业开发区$/, '高新区');
    if (place.level === 'township' && zone !== place.name) names.push({ name: zone, place });
    const short = place.name.replace(/(市|县)$/, '');
    if ((place.level === 'city' || place.level === 'county') && short !== place.name && short.length >= 2) names.push({ name: short, place });
  }
  names.sort((a, b) => b.name.length - a.name.length);
  const byFirst = new Map<string, PlaceName[]>();
  const byName = new Map<string, Place[]>();
  for (const n of names) {
    byFirst.set(n.name[0]!, [...(byFirst.get(n.name[0]!) ?? []), n]);
    byName.set(n.name, [...(byName.get(n.name) ?? []), n.place]);
  }
  // One entry per distinct name in the scan list: the places behind it are in byName.
  for (const [k, list] of byFirst) byFirst.set(k, list.filter((n, i) => list.findIndex((m) => m.name === n.name) === i));
  return { byFirst, byName, byCode: new Map(places.map((p) => [p.code, p])) };
}

function within(place: Place, scope: Place | null, g: Gazetteer): boolean {
  if (!scope) return true;
  for (let p: Place | undefined = place; p; p = p.parentCode ? g.byCode.get(p.parentCode) : undefined) if (p.code === scope.code) return true;
  return false;
}

/** The places a text names, read left to right, the longest name at each point first (代县 inside 忻州市代县…). */
function placesIn(text: string, g: Gazetteer, scope: Place | null, article: Place | null = scope): Place[] {
  const found: Place[] = [];
  for (let at = 0; at < text.length; ) {
    let step = 1;
    for (const { name } of g.byFirst.get(text[at]!) ?? []) {
      if (!text.startsWith(name, at)) continue;
      // Of places sharing a name, the one inside the article's region; a township or zone only inside the article's
      // own region, since many share a name (开发区, 城关镇).
      const same = g.byName.get(name) ?? [];
      const pick = same.find((p) => within(p, p.level === 'township' ? article : scope, g)) ?? (scope ? undefined : same[0]);
      if (!pick) continue;
      found.push(pick);
      step = name.length;
      break;
    }
    at += step;
  }
  return found;
}

/** The most specific place among those found (the first of the deepest level). */
function deepest(places: readonly Place[]): Place | null {
  let best: Place | null = null;
  for (const p of places) if (!best || LEVEL_RANK[p.level] > LEVEL_RANK[best.level]) best = p;
  return best;
}

/** The article's own region: its title tag (【忻州招商】, 【山西招商】) and its title. */
function articleRegion(title: string, provinces: readonly Place[], g: Gazetteer): Place | null {
  const tag = /^【([^】]+?)(?:招商|新闻|动态)?】/.exec(title)?.[1] ?? '';
  const province = provinces.find((p) => tag.startsWith(p.name.replace(/(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)$/, '')));
  const scope = province ?? null;
  const inTitle = deepest(placesIn(title, g, scope));
  return inTitle ?? province ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Projects, events, amounts, enterprises.

/** Events as written, compounds first so 落地运营 and 建成投产 are not read as their first half. */
const EVENT_WORDS: readonly (readonly [string, NewsEvent])[] = [
  ['落地运营', '投产'], ['建成投产', '投产'], ['竣工投产', '投产'], ['完工投运', '投产'], ['建成投运', '投产'], ['投入运营', '投产'],
  ['投入运行', '投产'], ['投入生产', '投产'], ['试生产', '投产'], ['投产', '投产'], ['投运', '投产'], ['达产', '投产'], ['运营', '投产'],
  ['开工', '开工'], ['奠基', '开工'], ['动工', '开工'], ['落地', '开工'],
  ['签约', '签约'], ['签订', '签约'], ['签署', '签约'],
  // 对接 and 考察 are as often a county's own visits as an investor's: only 洽谈 itself is read.
  ['洽谈', '洽谈'], ['接洽', '洽谈'],
];
const EVENT_RE = new RegExp(EVENT_WORDS.map(([w]) => w).join('|'), 'g');
const EVENT_OF = new Map(EVENT_WORDS);

const BOUNDARY = /[，,。；;：:“”"‘’！？!?（）()\n\s]/;
/** Words a clause opens with before the project's own name. */
const LEAD_WORDS = /^(?:\s|[一二三四五六七八九十]+、|\d{4}年|全力|加快|加紧|积极|大力|着力|力争|确保|争取|要|将|已|今年|年内|年底|全面|推进|推动|抓好|实施|启动|建设|完成|新开工|开工建设|开工|其中|同时|并|的)+/;
/** Totals, targets and kinds of project: not one project. */
const AGGREGATE = /\d+\s*[个项]|[一两三四五六七八九十几多]+[个项批]|一批|等\d|多家|若干/;
const GENERIC = /^(?:重点|重大|转型|产业|招商|签约|开工|在建|新建|续建|储备|所有|各类|相关|示范|该|此|这些|以上|大|好|新兴产业|建设)*$/;
/** A phrase ending in a kind of project ("突出重大项目", "示范区项目") names none in particular. */
const GENERIC_TAIL = /(?:重大|重点|转型|新兴产业|招商|签约|示范区|园区|开发区|经开区)$/;
/** Public works: roads, railways, schools, hospitals, renewal of old housing — not attraction leads. */
const PUBLIC_WORKS = /棚户区|城中村|公路|高速|高铁|铁路|机场|停车场|污水|水源地|供水|供热管网|管网|学校|中学|小学|一中|学院|医院|卫生院|养老|福利院|光荣院|广场|公园|道路|大道|奥体|双修|步道|变电站|扶贫|安置|保障房|水利|河道/;
const AMOUNT = /(?:总投资|投资)(?:额|规模)?\s*(?:约|达|达到|为|超)?\s*(\d+(?:\.\d+)?)\s*(亿元|万元)/g;
const ENTERPRISE = /[\u4e00-\u9fa5A-Za-z0-9]{2,20}?(?:股份有限公司|有限责任公司|有限公司|集团公司|集团|公司)/g;
/** A name before a plant's capacity ("山予钙业年产10万吨…", "东正建材二期3000万…") is its enterprise when it says its trade. */
const TRADE_HEAD = /^([\u4e00-\u9fa5]{2,6}?(?:钙业|建材|煤业|化工|焦化|电力|能源|钢铁|实业|科技|材料))(?:[一二三四]期)?(?=年产|\d)/;

interface Phrase {
  start: number;
  end: number;
  text: string;
  /** An item of a list: its event, amount and place are read after the whole list, its enterprise in itself. */
  listEnd?: number;
}

/** The project phrases of a sentence: each "…项目" back to the clause's start, and the items of a list ("A、B等项目", "开工A、B项目"). */
function projectPhrases(sentence: string): Phrase[] {
  const out: Phrase[] = [];
  for (let i = sentence.indexOf('项目'); i >= 0; i = sentence.indexOf('项目', i + 2)) {
    const end = i + 2;
    if (/^\s*\d+\s*[个项]/.test(sentence.slice(end))) continue; // 签约项目24个
    let start = i;
    while (start > 0 && !BOUNDARY.test(sentence[start - 1]!)) start--;
    let raw = sentence.slice(start, end);
    const de = raw.lastIndexOf('的');
    let verbFirst = false;
    if (de >= 0) {
      // "等25个总装机169万千瓦的新能源项目": what the 的 qualifies is a total.
      if (AGGREGATE.test(raw.slice(0, de))) continue;
      start += de + 1;
      raw = raw.slice(de + 1);
    }
    const lead = LEAD_WORDS.exec(raw)?.[0] ?? '';
    if (/开工|新开工/.test(lead)) verbFirst = true;
    start += lead.length;
    raw = raw.slice(lead.length);
    const listed = /等(?:建设|产业|重点)?项目$/.test(raw) || (verbFirst && raw.includes('、'));
    if (listed) {
      const body = raw.replace(/等(?:建设|产业|重点)?项目$/, '');
      if (AGGREGATE.test(body)) continue;
      let at = start;
      for (const part of body.split('、')) {
        const text = part.trim();
        if (text) out.push({ start: at, end: at + part.length, text, listEnd: end });
        at += part.length + 1;
      }
      continue;
    }
    out.push({ start, end, text: raw.trim() });
  }
  return out;
}

function isProject(text: string): boolean {
  const core = text.replace(/项目$/, '');
  if (core.length < 3 || GENERIC.test(core)) return false;
  if (/[和与及、了把将对的为该此本+＋]$/.test(core) || /^[该此这为对在把将向从于以]/.test(core) || GENERIC_TAIL.test(core)) return false;
  if (AGGREGATE.test(core)) return false;
  return !PUBLIC_WORKS.test(core);
}

/** Where a project's event may be: the rest of its clause, and the next clause when it opens with the event's time ("，4月份开工建设"). */
function eventWindow(after: string): string {
  const [own = '', next = ''] = after.split(/[，,]/);
  return NEXT_CLAUSE_EVENT.test(next) ? `${own}，${next}` : own;
}

const NEXT_CLAUSE_EVENT = new RegExp(`^\\s*(?:\\d+月份?|\\d+月底前?|年内|年底|上半年|下半年|今年|明年|力争|计划|预计|将|已|正式|全面|并|当年)*\\s*(?:建成)?(?:${EVENT_WORDS.map(([w]) => w).join('|')})`);

function firstEvent(text: string): NewsEvent | null {
  EVENT_RE.lastIndex = 0;
  const m = EVENT_RE.exec(text);
  return m ? EVENT_OF.get(m[0]) ?? null : null;
}

function clauseStart(sentence: string, at: number): number {
  let s = at;
  while (s > 0 && !/[，,；;。]/.test(sentence[s - 1]!)) s--;
  return s;
}

function clauseAround(sentence: string, from: number, to: number): string {
  const s = clauseStart(sentence, from);
  let e = to;
  while (e < sentence.length && !/[，,；;。]/.test(sentence[e]!)) e++;
  return sentence.slice(s, e);
}

function amountIn(clause: string): { amount: Yuan; text: string } | null {
  for (const m of clause.matchAll(AMOUNT)) {
    // "完成投资5000万元" is the year's completed investment, not the project's size.
    if (/完成$|年内$|累计$/.test(clause.slice(0, m.index))) continue;
    return { amount: fromUnit(Number(m[1]), m[2] as MoneyUnit), text: `${m[1]}${m[2]}` };
  }
  return null;
}

function enterpriseIn(clause: string, project: string): string | null {
  const head = TRADE_HEAD.exec(project)?.[1];
  for (const m of clause.matchAll(ENTERPRISE)) {
    // The match starts at the clause's first letter: keep what follows the last word that joins or governs it.
    const name = m[0].replace(/^.*[与由在将对把向为是了的及和同]/, '').replace(LEAD_WORDS, '');
    if (name.length >= 4) return name;
  }
  return head ?? null;
}

/** Two spellings of one project: one holds the other, or they end alike for six characters and more ("…10万千瓦光伏电站项目"). */
export function sameProject(a: string, b: string): boolean {
  if (a.includes(b) || b.includes(a)) return true;
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n >= 6;
}

/**
 * The candidate leads of news items: one per named project whose sentence reports an event, in the order read,
 * a project named twice in one item (title and text) once. The region is the most specific place the sentence
 * names inside the article's region (its title's tag and title), else the article's; the amount is the project's
 * total investment when its clause gives one.
 */
export function readNews(items: readonly NewsItem[], places: readonly Place[]): NewsCandidate[] {
  const g = gazetteer(places);
  const provinces = places.filter((p) => p.level === 'province');
  const out: NewsCandidate[] = [];
  items.forEach((item, index) => {
    const region = articleRegion(item.title, provinces, g);
    const scope = region && region.level === 'province' ? region : region?.parentCode ? (g.byCode.get(region.parentCode) ?? region) : region;
    const title = item.title.replace(/^【[^】]*】/, '');
    // The text before the title: it says the same more fully (the place, the amount).
    const sentences = [...item.text.split(/[。；;！？!?\n]/), title].map((s) => s.trim()).filter((s) => s !== '');
    const seen: string[] = [];
    for (const sentence of sentences) {
      const phrases = projectPhrases(sentence);
      phrases.forEach((p, k) => {
        if (!isProject(p.text)) return;
        const from = p.listEnd ?? p.end;
        const next = phrases.slice(k + 1).find((q) => q.start >= from)?.start ?? sentence.length;
        const after = eventWindow(sentence.slice(from, Math.max(from, next)));
        const before = sentence.slice(clauseStart(sentence, p.start), p.start);
        const event = firstEvent(after) ?? firstEvent(before);
        // "新材料项目集中签约" heads a report of several signings: the projects are named after it.
        if (!event || /^\s*集中/.test(after)) return;
        const key = p.text.replace(/\s+/g, '');
        if (seen.some((s) => sameProject(s, key))) return;
        seen.push(key);
        const clause = clauseAround(sentence, p.start, p.listEnd ?? p.end);
        const amount = p.listEnd === undefined ? amountIn(clause) : null;
        const place = deepest(placesIn(sentence, g, scope, region)) ?? region;
        out.push({
          item: index,
          title: item.title,
          date: item.date,
          region: place?.code ?? null,
          regionName: place?.name ?? null,
          project: p.text,
          event,
          amount: amount?.amount ?? null,
          amountText: amount?.text ?? null,
          enterprise: enterpriseIn(p.listEnd === undefined ? clause : p.text, p.text),
          sentence,
        });
      });
    }
  });
  return out;
}
