// The columns of the leads ledger (招商引资项目台账): the header tiaodu prints, the spellings people use, the field it
// carries. Import and export both read this one list, so what is exported imports back.

import { INVESTOR_ORIGIN_LABELS, LEAD_SOURCE_LABELS, SIGN_KIND_LABELS, type InvestorOrigin, type LeadSource, type SignKind } from './lead.ts';

export type LeadColumnKey =
  | 'name' | 'investor' | 'origin' | 'investorPlace' | 'chain' | 'township' | 'unit' | 'team' | 'leaders' | 'source' | 'sourceDetail' | 'referrer'
  | 'receivedOn' | 'intendedAmount' | 'contractedAmount' | 'fundsInPlace' | 'expectedOutput' | 'actualOutput' | 'stage'
  | 'negotiatingOn' | 'signedOn' | 'signKind' | 'registeredOn' | 'startedOn' | 'operatingOn' | 'attainedOn' | 'terminatedOn' | 'terminatedReason' | 'notes';

export type LeadColumnKind = 'text' | 'money' | 'date' | 'origin' | 'source' | 'signKind' | 'township' | 'unit' | 'leaders' | 'exportOnly';

export interface LeadColumn {
  key: LeadColumnKey;
  header: string;
  synonyms: readonly string[];
  kind: LeadColumnKind;
  width: number;
}

/** Money columns are in 万元 unless their header says 亿元 or 元. */
export const LEAD_COLUMNS: readonly LeadColumn[] = [
  { key: 'name', header: '项目名称', synonyms: ['线索名称', '项目', '招商项目'], kind: 'text', width: 30 },
  { key: 'investor', header: '投资方', synonyms: ['投资主体', '投资企业', '企业名称', '签约企业'], kind: 'text', width: 24 },
  { key: 'origin', header: '投资方来源', synonyms: ['资金来源', '来源地类别', '省外/市外/本地'], kind: 'origin', width: 10 },
  { key: 'investorPlace', header: '投资方所在地', synonyms: ['投资方所在地区', '客商来源地'], kind: 'text', width: 12 },
  { key: 'chain', header: '产业链', synonyms: ['所属产业链'], kind: 'text', width: 12 },
  { key: 'township', header: '拟落户乡镇（园区）', synonyms: ['所在乡镇', '落户地', '拟落户地', '乡镇（园区）'], kind: 'township', width: 14 },
  { key: 'unit', header: '责任单位', synonyms: ['牵头单位', '跟踪单位'], kind: 'unit', width: 18 },
  { key: 'team', header: '招商小分队', synonyms: ['小分队', '招商团队', '招商组'], kind: 'text', width: 12 },
  { key: 'leaders', header: '包联领导', synonyms: ['县级包联领导', '联系领导'], kind: 'leaders', width: 12 },
  { key: 'source', header: '线索来源', synonyms: ['招商方式', '来源'], kind: 'source', width: 10 },
  { key: 'sourceDetail', header: '来源说明', synonyms: ['线索出处'], kind: 'text', width: 20 },
  { key: 'referrer', header: '推荐人', synonyms: ['引荐人', '线索提供人'], kind: 'text', width: 10 },
  { key: 'receivedOn', header: '获得线索日期', synonyms: ['登记日期', '线索日期', '获得日期'], kind: 'date', width: 12 },
  { key: 'intendedAmount', header: '意向投资额（万元）', synonyms: ['意向投资', '计划投资', '拟投资额'], kind: 'money', width: 12 },
  { key: 'contractedAmount', header: '合同投资额（万元）', synonyms: ['签约投资额', '合同金额', '协议投资额'], kind: 'money', width: 12 },
  { key: 'fundsInPlace', header: '到位资金（万元）', synonyms: ['实际到位资金', '资金到位'], kind: 'money', width: 12 },
  { key: 'expectedOutput', header: '预计年产值（万元）', synonyms: ['达产后年产值', '预计产值'], kind: 'money', width: 12 },
  { key: 'actualOutput', header: '实际年产值（万元）', synonyms: ['实际产值'], kind: 'money', width: 12 },
  { key: 'stage', header: '当前阶段', synonyms: ['阶段', '进展阶段'], kind: 'exportOnly', width: 8 },
  { key: 'negotiatingOn', header: '洽谈日期', synonyms: ['开始洽谈日期'], kind: 'date', width: 12 },
  { key: 'signedOn', header: '签约日期', synonyms: ['签约时间'], kind: 'date', width: 12 },
  { key: 'signKind', header: '签约类型', synonyms: ['协议类型'], kind: 'signKind', width: 10 },
  { key: 'registeredOn', header: '注册日期', synonyms: ['注册时间', '工商注册日期'], kind: 'date', width: 12 },
  { key: 'startedOn', header: '开工日期', synonyms: ['开工时间', '落地日期'], kind: 'date', width: 12 },
  { key: 'operatingOn', header: '投产日期', synonyms: ['投产时间'], kind: 'date', width: 12 },
  { key: 'attainedOn', header: '达效日期', synonyms: ['达产日期'], kind: 'date', width: 12 },
  { key: 'terminatedOn', header: '终止日期', synonyms: [], kind: 'date', width: 12 },
  { key: 'terminatedReason', header: '终止原因', synonyms: [], kind: 'text', width: 20 },
  { key: 'notes', header: '备注', synonyms: ['说明'], kind: 'text', width: 24 },
];

/** A header as compared: spaces, brackets and their unit dropped ("意向投资额（亿元）" → "意向投资额"). */
export function headerKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').replace(/[(（][^)）]*[)）]$/, '');
}

/** The unit a money header names, or 万元 by default. */
export function headerUnit(text: string): '元' | '万元' | '亿元' {
  const m = /[(（](亿元|万元|元)[)）]/.exec(text.normalize('NFKC'));
  return (m?.[1] as '元' | '万元' | '亿元' | undefined) ?? '万元';
}

const byKey = new Map<string, LeadColumn>();
for (const c of LEAD_COLUMNS) for (const s of [c.header, ...c.synonyms]) byKey.set(headerKey(s), c);

/** The column a header names, or undefined. */
export function leadColumnOf(header: string): LeadColumn | undefined {
  return byKey.get(headerKey(header));
}

const wordOf = <T extends string>(labels: Record<T, string>, extra: Record<string, T> = {}) => (text: string): T | undefined => {
  const t = text.replace(/\s+/g, '');
  return (Object.entries(labels) as [T, string][]).find(([, l]) => l === t)?.[0] ?? extra[t];
};

export const originWord = wordOf<InvestorOrigin>(INVESTOR_ORIGIN_LABELS, { 省外: 'outsideProvince', 境外: 'outsideProvince', 国外: 'outsideProvince', 县外: 'outsideCity', 市内: 'local', 县内: 'local' });
export const sourceWord = wordOf<LeadSource>(LEAD_SOURCE_LABELS, { 展会: 'expo', 新闻: 'news', 上门: 'visit', 以商引商: 'byBusiness', 乡情: 'hometown', 委托: 'commissioned' });
export const signKindWord = wordOf<SignKind>(SIGN_KIND_LABELS, { 框架: 'framework', 正式: 'formal', 合同: 'formal', 协议: 'framework' });
