// An attraction lead (招商线索): its vocabulary, its stages in order, and the rules of a move from one stage to the next.

import type { Yuan } from '../money.ts';
import type { Day } from '../months.ts';

/**
 * 线索 → 洽谈 → 签约 → 注册 → 开工 (落地) → 投产 → 达效, in this order; 终止 (terminated) stands apart.
 * 注册 is the investor's company registered in the county; 达效 the expected output reached.
 */
export const LEAD_STAGES = ['lead', 'negotiating', 'signed', 'registered', 'started', 'operating', 'attained'] as const;
export type LeadStage = (typeof LEAD_STAGES)[number];
export type LeadStatus = LeadStage | 'terminated';
export const LEAD_STATUSES = [...LEAD_STAGES, 'terminated'] as const;

export const LEAD_STAGE_LABELS: Record<LeadStatus, string> = {
  lead: '线索',
  negotiating: '洽谈',
  signed: '签约',
  registered: '注册',
  started: '开工',
  operating: '投产',
  attained: '达效',
  terminated: '终止',
};

/** 框架协议 or 正式合同: how far a signing went (宜昌: 跟踪洽谈 → 签订框架协议 → 签订正式合同). */
export const SIGN_KINDS = ['framework', 'formal'] as const;
export type SignKind = (typeof SIGN_KINDS)[number];
export const SIGN_KIND_LABELS: Record<SignKind, string> = { framework: '框架协议', formal: '正式合同' };

/** Where the investor comes from: money from outside the province or the city is counted apart. */
export const INVESTOR_ORIGINS = ['outsideProvince', 'outsideCity', 'local'] as const;
export type InvestorOrigin = (typeof INVESTOR_ORIGINS)[number];
export const INVESTOR_ORIGIN_LABELS: Record<InvestorOrigin, string> = { outsideProvince: '省外', outsideCity: '市外', local: '本地' };

/** How the lead came in (seed 001: 以商招商、委托招商、乡情招商). */
export const LEAD_SOURCES = ['byBusiness', 'commissioned', 'hometown', 'expo', 'news', 'visit', 'other'] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];
export const LEAD_SOURCE_LABELS: Record<LeadSource, string> = {
  byBusiness: '以商招商',
  commissioned: '委托招商',
  hometown: '乡情招商',
  expo: '展会招商',
  news: '新闻线索',
  visit: '上门招商',
  other: '其他',
};

/** What a lead records beside its stage moves: the follow-ups the response timers wait for. */
export const FOLLOW_UP_KINDS = ['response', 'assessment', 'referrerAnswer', 'progress'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];
export const FOLLOW_UP_LABELS: Record<FollowUpKind, string> = {
  response: '响应登记',
  assessment: '研判评估',
  referrerAnswer: '答复推荐人',
  progress: '进展报告',
};

export interface Lead {
  id: string;
  /** The county the lead belongs to. */
  regionCode: string;
  /** The project as the investor names it. */
  name: string;
  investor: string | null;
  investorOrigin: InvestorOrigin | null;
  /** Where the investor is from, as written (深圳市). */
  investorPlace: string | null;
  chain: string | null;
  townshipCode: string | null;
  /** The responsible unit (责任单位). */
  unitId: string | null;
  /** 招商小分队. */
  team: string | null;
  source: LeadSource;
  /** The article, the fair, the business that referred it: what the source was, in words. */
  sourceDetail: string | null;
  /** The person who passed the lead on and is owed an answer within a week. */
  referrer: string | null;
  /** 意向投资额. */
  intendedAmount: Yuan;
  /** 合同投资额, once signed. */
  contractedAmount: Yuan | null;
  /** 到位资金. */
  fundsInPlace: Yuan;
  /** 预计年产值 when in full production. */
  expectedOutput: Yuan | null;
  /** 实际年产值. */
  actualOutput: Yuan | null;
  stage: LeadStatus;
  signKind: SignKind | null;
  terminatedReason: string | null;
  /** The day the lead came in: the response timers run from it. */
  receivedOn: Day;
  /** The pool project the signed lead became. */
  projectId: string | null;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** One dated move of a lead to a stage, or one follow-up, with its evidence. */
export interface LeadEvent {
  id: string;
  leadId: string;
  kind: 'stage' | FollowUpKind;
  /** The stage moved to (kind 'stage'). */
  stage: LeadStatus | null;
  signKind: SignKind | null;
  on: Day;
  evidence: string | null;
  note: string | null;
  recordedAt: string;
  recordedBy: string | null;
}

export function stageIndex(stage: LeadStage): number {
  return LEAD_STAGES.indexOf(stage);
}

export function isLeadStage(value: string): value is LeadStage {
  return (LEAD_STAGES as readonly string[]).includes(value);
}

/** A lead still in play: neither terminated nor as far as it can go. */
export function isOpen(stage: LeadStatus): boolean {
  return stage !== 'terminated' && stage !== 'attained';
}

/** What a move asks for. */
export interface MoveRequest {
  to: LeadStatus;
  on: Day;
  evidence: string | null;
  signKind?: SignKind | null;
  reason?: string | null;
}

/**
 * Why a move is refused, or null when it may be made. A lead moves forward only (it may skip stages: a lead
 * met at a signing ceremony goes from 线索 to 签约 at once), never back; a signed framework agreement may be
 * followed by the formal contract at the same stage. Every move is dated, not after today and not before the
 * lead's last move, and carries its evidence; a signing says which kind, a termination its reason.
 * @example moveProblem({ stage: 'lead', signKind: null, lastMoveOn: '2023-01-05' }, { to: 'signed', on: '2023-03-01', evidence: '协议', signKind: null }, '2023-06-30')
 * // '签约须注明是框架协议还是正式合同'
 */
export function moveProblem(
  lead: { stage: LeadStatus; signKind: SignKind | null; lastMoveOn: Day },
  move: MoveRequest,
  today: Day,
): string | null {
  if (lead.stage === 'terminated') return '线索已终止，不能再推进';
  if (move.on > today) return `日期${move.on}晚于今天（${today}）`;
  if (move.on < lead.lastMoveOn) return `日期${move.on}早于上一次变动（${lead.lastMoveOn}）`;
  if (!move.evidence || move.evidence.trim() === '') return '每次变动须写明依据（协议、会议纪要、营业执照、开工照片等）';
  if (move.to === 'terminated') {
    return move.reason && move.reason.trim() !== '' ? null : '终止须写明原因';
  }
  const from = stageIndex(lead.stage);
  const to = stageIndex(move.to);
  if (move.to === 'signed' && lead.stage === 'signed') {
    if (lead.signKind === 'framework' && move.signKind === 'formal') return null;
    return '已是签约阶段；框架协议之后可再登记正式合同';
  }
  if (to < from) return `不能从“${LEAD_STAGE_LABELS[lead.stage]}”退回“${LEAD_STAGE_LABELS[move.to]}”`;
  if (to === from) return `已处于“${LEAD_STAGE_LABELS[move.to]}”阶段`;
  if (move.to === 'signed' && !move.signKind) return '签约须注明是框架协议还是正式合同';
  return null;
}

/** The signing kind a lead holds after a move (a later stage keeps the contract it had, or a formal one if skipped). */
export function signKindAfter(current: SignKind | null, move: MoveRequest): SignKind | null {
  if (move.to === 'signed') return move.signKind ?? current;
  if (move.to === 'terminated' || current !== null) return current;
  return stageIndex(move.to) > stageIndex('signed') ? 'formal' : null;
}

/** The day a lead first reached each stage (or a later one, so a skipped stage is reached with the one after it). */
export type StageDays = Partial<Record<LeadStage, Day>>;

/**
 * The days a lead reached its stages: from its own stage moves and, once it is a pool project, from the
 * project's 开工 and 投产 dates (the monthly round records them), so the funnel follows a converted lead.
 * A stage is reached on the earliest day it or any later stage was reached; 线索 on the day the lead came in.
 */
export function stageDays(
  receivedOn: Day,
  moves: readonly { stage: LeadStatus | null; on: Day }[],
  project?: { startedOn: Day | null; operatingOn: Day | null } | null,
): StageDays {
  const first = new Map<LeadStage, Day>([['lead', receivedOn]]);
  const note = (stage: LeadStage, on: Day) => {
    const d = first.get(stage);
    if (d === undefined || on < d) first.set(stage, on);
  };
  for (const m of moves) if (m.stage && m.stage !== 'terminated') note(m.stage, m.on);
  if (project?.startedOn) note('started', project.startedOn);
  if (project?.operatingOn) note('operating', project.operatingOn);
  const out: StageDays = {};
  let later: Day | undefined;
  for (const stage of [...LEAD_STAGES].reverse()) {
    const own = first.get(stage);
    if (own !== undefined && (later === undefined || own < later)) later = own;
    if (later !== undefined) out[stage] = later;
  }
  return out;
}

/** The stage a lead stood at on a day: the furthest reached by then, or 终止 when it was terminated by then. */
export function stageOn(days: StageDays, terminatedOn: Day | null, day: Day): LeadStatus | null {
  if (terminatedOn !== null && terminatedOn <= day) return 'terminated';
  let at: LeadStage | null = null;
  for (const stage of LEAD_STAGES) {
    const d = days[stage];
    if (d !== undefined && d <= day) at = stage;
  }
  return at;
}

/** The amount a lead counts for at a stage: the intended amount before signing, the contracted one from signing on. */
export function amountAt(stage: LeadStage, lead: { intendedAmount: Yuan; contractedAmount: Yuan | null }): Yuan {
  return stageIndex(stage) >= stageIndex('signed') ? (lead.contractedAmount ?? lead.intendedAmount) : lead.intendedAmount;
}
