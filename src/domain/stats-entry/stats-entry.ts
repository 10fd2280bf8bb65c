// 入库 as a workflow: the materials the statistics office asks for, and the rules a status change must keep.

import type { FieldIssue } from '../errors.ts';
import { isDay, type Day } from '../months.ts';
import { STATS_ENTRY_LABELS, STATS_ENTRY_THRESHOLD, type StatsEntryStatus } from '../project/project.ts';
import { formatMoney, type Yuan } from '../money.ts';

export const STATS_ENTRY_MATERIALS = ['approvalDocument', 'constructionContract', 'sitePhotos', 'businessLicence'] as const;
/** One item of the materials checklist the statistics office needs before it enters a project. */
export type StatsEntryMaterial = (typeof STATS_ENTRY_MATERIALS)[number];

export const STATS_ENTRY_MATERIAL_LABELS: Record<StatsEntryMaterial, string> = {
  approvalDocument: '立项/核准/备案文件',
  constructionContract: '施工合同',
  sitePhotos: '现场照片（注明日期）',
  businessLicence: '营业执照',
};

/** Statuses that are only reached with every material in hand: the office takes no incomplete file. */
export const STATUSES_NEEDING_MATERIALS: readonly StatsEntryStatus[] = ['submitted'];

/** The longest refusal reason and note kept. */
export const STATS_ENTRY_TEXT_MAX = 500;

/** Whether the 入库 workflow applies at all: projects of 500 万元 and more. */
export function statsEntryApplies(totalInvestment: Yuan): boolean {
  return totalInvestment >= STATS_ENTRY_THRESHOLD;
}

/** The materials not yet done, in checklist order. */
export function missingMaterials(done: ReadonlySet<StatsEntryMaterial>): StatsEntryMaterial[] {
  return STATS_ENTRY_MATERIALS.filter((m) => !done.has(m));
}

/** What a status change needs to be judged: the project, the change asked for, its materials and today. */
export interface StatusChange {
  totalInvestment: Yuan;
  from: StatsEntryStatus;
  to: StatsEntryStatus;
  /** The day of the new status (报送日、入库日…); null only for 未入库. */
  on: Day | null;
  /** Why the office refused; required for 不予入库. */
  reason: string | null;
  /** The materials marked done once the change is applied. */
  materialsDone: ReadonlySet<StatsEntryMaterial>;
  today: Day;
}

/**
 * Every rule a status change breaks, each naming its field; empty when it may be saved.
 * @example statusChangeProblems({ ...change, to: 'submitted', materialsDone: new Set(['approvalDocument']) })
 *   → [{ field: 'status', message: '报送入库前须备齐材料，尚缺：施工合同、现场照片（注明日期）、营业执照' }]
 */
export function statusChangeProblems(c: StatusChange): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (field: string, message: string) => issues.push({ field, message });
  const label = STATS_ENTRY_LABELS[c.to];

  // What a status needs before it is reached is asked when it is reached, not again at every later correction.
  const moving = c.from !== c.to;
  if (moving && c.to !== 'none' && !statsEntryApplies(c.totalInvestment)) {
    add('status', `总投资不足${formatMoney(STATS_ENTRY_THRESHOLD, '万元')}万元的项目不纳入固定资产投资统计，不能设为“${label}”`);
  }
  if (moving && STATUSES_NEEDING_MATERIALS.includes(c.to)) {
    const missing = missingMaterials(c.materialsDone);
    if (missing.length > 0) {
      add('status', `报送入库前须备齐材料，尚缺：${missing.map((m) => STATS_ENTRY_MATERIAL_LABELS[m]).join('、')}`);
    }
  }
  if (c.to === 'refused' && !c.reason?.trim()) add('reason', '不予入库须填写原因');
  if (c.to !== 'none') {
    if (c.on === null) add('on', `请填写${label}的日期`);
    else if (!isDay(c.on)) add('on', `${label}日期不是有效日期（应为 YYYY-MM-DD）`);
    else if (c.on > c.today) add('on', `${label}日期不能晚于今天（${c.today}）`);
  }
  return issues;
}
