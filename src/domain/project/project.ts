// The project of the pool: its vocabulary (phase, stage, construction type, 入库 status) and field rules.

import type { Yuan } from '../money.ts';
import type { Day, Month } from '../months.ts';

export const PHASES = ['continuing', 'newStart', 'reserve'] as const;
/** 续建 (复工, 结转) / 新建 (新开工) / 储备: a project's phase in one year. */
export type Phase = (typeof PHASES)[number];

export const PHASE_LABELS: Record<Phase, string> = { continuing: '续建', newStart: '新建', reserve: '储备' };

export const STAGES = ['planned', 'preparing', 'signed', 'underway', 'completed', 'operating', 'suspended', 'cancelled'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  planned: '谋划储备',
  preparing: '前期',
  signed: '签约',
  underway: '在建',
  completed: '竣工',
  operating: '投产',
  suspended: '停工',
  cancelled: '撤销',
};

export const CONSTRUCTION_TYPES = ['new', 'expansion', 'renovation', 'technicalUpgrade', 'relocation'] as const;
/** 建设性质: what is built, a separate question from the phase. */
export type ConstructionType = (typeof CONSTRUCTION_TYPES)[number];

export const CONSTRUCTION_TYPE_LABELS: Record<ConstructionType, string> = {
  new: '新建',
  expansion: '扩建',
  renovation: '改建',
  technicalUpgrade: '技术改造',
  relocation: '迁建',
};

export const STATS_ENTRY_STATUSES = ['none', 'preparing', 'submitted', 'entered', 'refused'] as const;
/** 入库: the project's status in the fixed-asset-investment statistics database. */
export type StatsEntryStatus = (typeof STATS_ENTRY_STATUSES)[number];

export const STATS_ENTRY_LABELS: Record<StatsEntryStatus, string> = {
  none: '未入库',
  preparing: '材料准备中',
  submitted: '已报送',
  entered: '已入库',
  refused: '不予入库',
};

export const APPROVAL_KINDS = ['approval', 'authorization', 'filing'] as const;
/** 审批 / 核准 / 备案: how the project was cleared, kept apart from the 项目代码. */
export type ApprovalKind = (typeof APPROVAL_KINDS)[number];
export const APPROVAL_KIND_LABELS: Record<ApprovalKind, string> = { approval: '审批', authorization: '核准', filing: '备案' };

export const KEY_LEVELS = ['province', 'city', 'county'] as const;
/** 层次: whose list of key projects (重点项目) the project is on — the province's, the city's or the county's. */
export type KeyLevel = (typeof KEY_LEVELS)[number];
export const KEY_LEVEL_LABELS: Record<KeyLevel, string> = { province: '省重点', city: '市重点', county: '县重点' };

export const MILESTONES = ['signedOn', 'landSuppliedOn', 'permitOn', 'startedOn', 'suspendedOn', 'completedOn', 'operatingOn'] as const;
export type Milestone = (typeof MILESTONES)[number];
export const MILESTONE_LABELS: Record<Milestone, string> = {
  signedOn: '签约日期',
  landSuppliedOn: '供地日期',
  permitOn: '施工许可日期',
  startedOn: '开工日期',
  suspendedOn: '停工日期',
  completedOn: '竣工日期',
  operatingOn: '投产日期',
};

export const BATCH_KINDS = ['signed', 'started', 'operating'] as const;
/** 三个一批: a project signed, started or put into production at a batch event. */
export type BatchKind = (typeof BATCH_KINDS)[number];

export const FUND_KINDS = ['specialBond', 'centralBudget', 'other'] as const;
/** A fund applied for: 专项债, 中央预算内投资, or another. */
export type FundKind = (typeof FUND_KINDS)[number];

/** Projects of this size and more are entered in the investment statistics (入库). */
export const STATS_ENTRY_THRESHOLD: Yuan = 5_000_000;

/** The year-specific part of a project: phase, annual plan, the day it resumed that year. */
export interface ProjectYear {
  year: number;
  phase: Phase;
  annualPlan: Yuan;
  /** 复工 is yearly: the day work resumed in this year (continuing projects). */
  resumedOn: Day | null;
}

export const ENTERED_AS = ['month', 'ytd'] as const;
/** How a unit entered a month's investment: the month's own amount, or the year-to-date (1-M月累计) it follows from. */
export type EnteredAs = (typeof ENTERED_AS)[number];

/** Investment completed in one month; `enteredAs` records whether the unit typed the month or a year-to-date figure. */
export interface MonthlyCompletion {
  month: Month;
  completed: Yuan;
  enteredAs: EnteredAs;
}

/** Every field of a project as the domain sees it. */
export interface Project {
  id: string;
  regionCode: string;
  name: string;
  projectCode: string | null;
  approvalKind: ApprovalKind | null;
  owner: string | null;
  townshipCode: string | null;
  industryCode: string | null;
  chain: string | null;
  constructionType: ConstructionType | null;
  category: string | null;
  stage: Stage;
  signedOn: Day | null;
  landSuppliedOn: Day | null;
  permitOn: Day | null;
  startedOn: Day | null;
  suspendedOn: Day | null;
  completedOn: Day | null;
  operatingOn: Day | null;
  totalInvestment: Yuan;
  /** Investment completed before tiaodu tracked the project month by month. */
  completedBefore: Yuan;
  statsEntry: StatsEntryStatus;
  /** The 包联领导, in the order the project lists them (project_leader); a project may have several or none. */
  leaderIds: string[];
  unitId: string | null;
  /** 层次: 省重点 / 市重点 / 县重点. */
  keyLevel: KeyLevel | null;
  /** 形象进度 as the ledger or the unit words it: free text, never read as a stage. */
  progressNote: string | null;
  landAreaMu: number | null;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** The fields people edit, and which the history records. */
export const EDITABLE_FIELDS = [
  'name', 'projectCode', 'approvalKind', 'owner', 'townshipCode', 'industryCode', 'chain', 'constructionType',
  'category', 'stage', ...MILESTONES, 'totalInvestment', 'completedBefore', 'statsEntry', 'leaderIds', 'unitId',
  'keyLevel', 'progressNote', 'landAreaMu', 'notes',
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

export const FIELD_LABELS: Record<EditableField | 'annualPlan' | 'phase' | 'resumedOn' | 'completed', string> = {
  name: '项目名称',
  projectCode: '项目代码',
  approvalKind: '审批类型',
  owner: '建设单位',
  townshipCode: '所在乡镇',
  industryCode: '所属行业',
  chain: '产业链',
  constructionType: '建设性质',
  category: '项目类别',
  stage: '项目阶段',
  ...MILESTONE_LABELS,
  totalInvestment: '总投资',
  completedBefore: '以前年度累计完成投资',
  statsEntry: '入库状态',
  leaderIds: '包联领导',
  unitId: '责任单位',
  keyLevel: '层次',
  progressNote: '形象进度',
  landAreaMu: '用地面积',
  notes: '备注',
  annualPlan: '年度计划投资',
  phase: '年度性质',
  resumedOn: '复工日期',
  completed: '完成投资',
};

/** Whether a project counts as started (开工) by the end of a day: it has a start date on or before it. */
export function startedBy(startedOn: Day | null, day: Day): boolean {
  return startedOn !== null && startedOn <= day;
}

/**
 * Whether a ledger's 是否开工 says 是 for a project as of a day: a continuing project has resumed that year, any other
 * has started.
 */
export function startedForLedger(phase: Phase | null, startedOn: Day | null, resumedOn: Day | null, day: Day): boolean {
  return phase === 'continuing' ? resumedOn !== null && resumedOn <= day : startedBy(startedOn, day);
}
