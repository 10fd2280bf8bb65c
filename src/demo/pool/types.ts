// The vocabulary of the demo county's data: its chains, categories, places and the shapes the data modules share.

import type { ApprovalKind, ConstructionType } from '../../domain/project/project.ts';

/** 襄垣's industry chains (产业链) as its ledgers name them, plus the two public-works groupings. */
export const DEMO_CHAINS = [
  '煤焦化',
  '精细化工',
  '固废综合利用',
  '装备制造',
  '新能源',
  '新材料',
  '文旅康养',
  '现代农业',
  '现代物流',
  '城乡基础设施',
  '社会民生',
] as const;
export type DemoChain = (typeof DEMO_CHAINS)[number];

export const DEMO_CATEGORIES = ['产业项目', '基础设施', '民生项目', '生态环保'] as const;
export type DemoCategory = (typeof DEMO_CATEGORIES)[number];

/** The county's nine towns and its development zone, as people write them in a ledger. */
export type DemoTown = '古韩镇' | '王桥镇' | '侯堡镇' | '夏店镇' | '虒亭镇' | '西营镇' | '王村镇' | '下良镇' | '善福镇' | '经开区';

/** 9-digit codes of the statistics division table (the zone's is a statistics code, not GB/T 2260). */
export const DEMO_TOWN_CODES: Record<DemoTown, string> = {
  古韩镇: '140423100',
  王桥镇: '140423101',
  侯堡镇: '140423102',
  夏店镇: '140423103',
  虒亭镇: '140423104',
  西营镇: '140423105',
  王村镇: '140423106',
  下良镇: '140423107',
  善福镇: '140423108',
  经开区: '140423402',
};

/** The responsible office of a town or the zone, as initCounty names it. */
export function townOffice(town: DemoTown): string {
  return town === '经开区' ? '襄垣经济技术开发区管委会' : `${town}人民政府`;
}

/** A kind of project an owner builds: the tail of its name, its GB/T 4754 大类, and a size range in 万元. */
export interface ProjectKind {
  label: string;
  industry: string;
  construction: ConstructionType;
  size: readonly [number, number];
  /** Land taken, in 亩, for projects on new land. */
  land?: readonly [number, number];
  category?: DemoCategory;
}

/** Where a demo project sits in the 2021 pool. */
export type DemoGroup = 'continuing' | 'newStart' | 'reserve' | 'cancelled';

/** 三个一批: which of the two 2021 events (1 on 2021-01-01, 2 on 2021-03-22) and in which category. */
export interface DemoBatchRole {
  event: 1 | 2;
  kind: 'signed' | 'started' | 'operating';
}

/** A project written out by hand: the seed's own projects and the ones whose story matters. */
export interface NamedProject {
  group: DemoGroup;
  name: string;
  owner: string;
  /** Null for county-wide works (all towns' roads, transfer stations). */
  town: DemoTown | null;
  chain: DemoChain;
  industry: string;
  category: DemoCategory;
  construction: ConstructionType;
  /** Total investment in 万元. */
  total: number;
  /** Built with public money: cleared by 审批, no 招商 signing. */
  gov?: boolean;
  approval?: ApprovalKind;
  /** The level that issued the 项目代码 when it is not the county (核准 at city or province). */
  codeRegion?: '140400' | '140000';
  /** Responsible unit when it is a department (by the unit's name); the town's office otherwise. */
  unit?: string;
  leader?: string;
  landMu?: number;
  batch?: DemoBatchRole;
  /** A stage other than the usual one for the group. */
  stage?: 'completed' | 'suspended' | 'operating';
  /** For a new project not yet started: what it already has (land, a permit) or nothing. */
  notStarted?: 'land' | 'permit' | 'plain';
  /** First month of work for a new project, when its story fixes it. */
  startMonth?: string;
  notes?: string;
  fund?: { kind: 'specialBond' | 'centralBudget'; amount: number; notes: string };
}
