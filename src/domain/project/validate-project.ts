// Field rules of a project, checked the same way for a form, an API call and an imported row.

import type { FieldIssue } from '../errors.ts';
import { isDay } from '../months.ts';
import { FIELD_LABELS, MILESTONES, type Project, type ProjectYear } from './project.ts';
import { projectCodeProblem } from './project-code.ts';

/** What the rules need to know of the county: its townships and zones, units and leaders. */
export interface ProjectContext {
  countyCode: string;
  townshipCodes: ReadonlySet<string>;
  unitIds: ReadonlySet<string>;
  leaderIds: ReadonlySet<string>;
}

/** The state a project would be in after an edit: every field plus its years. */
export type ProjectState = Omit<Project, 'id' | 'createdAt' | 'updatedAt' | 'version'> & { years: ProjectYear[] };

/**
 * Every rule the project breaks, each naming its field; empty when the project may be saved.
 * @example projectProblems({ ...p, totalInvestment: -1 }, ctx) → [{ field: 'totalInvestment', message: '总投资不能为负数' }]
 */
export function projectProblems(p: ProjectState, ctx: ProjectContext): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (field: string, message: string) => issues.push({ field, message });

  if (!p.name.trim()) add('name', '项目名称不能为空');
  if (p.regionCode !== ctx.countyCode) add('regionCode', `项目所属县 ${p.regionCode} 与当前县 ${ctx.countyCode} 不符`);
  if (p.projectCode) {
    const problem = projectCodeProblem(p.projectCode, ctx.countyCode);
    if (problem) add('projectCode', problem);
  }
  for (const field of ['totalInvestment', 'completedBefore'] as const) {
    const v = p[field];
    if (!Number.isSafeInteger(v)) add(field, `${FIELD_LABELS[field]}必须是整数元`);
    else if (v < 0) add(field, `${FIELD_LABELS[field]}不能为负数`);
  }
  // Comparisons with the total only mean something once the total itself is valid.
  const totalValid = Number.isSafeInteger(p.totalInvestment) && p.totalInvestment >= 0;
  if (totalValid && p.completedBefore > p.totalInvestment) add('completedBefore', '以前年度累计完成投资不能超过总投资');
  if (p.landAreaMu !== null && (!Number.isFinite(p.landAreaMu) || p.landAreaMu < 0)) add('landAreaMu', '用地面积不能为负数');
  if (p.townshipCode !== null && !ctx.townshipCodes.has(p.townshipCode)) {
    add('townshipCode', `所在乡镇 ${p.townshipCode} 不是本县的乡镇或园区`);
  }
  if (p.unitId !== null && !ctx.unitIds.has(p.unitId)) add('unitId', '责任单位不存在');
  if (p.leaderIds.some((id) => !ctx.leaderIds.has(id))) add('leaderIds', '包联领导不存在');
  if (new Set(p.leaderIds).size !== p.leaderIds.length) add('leaderIds', '同一位包联领导列了两次');
  for (const m of MILESTONES) {
    const d = p[m];
    if (d !== null && !isDay(d)) add(m, `${FIELD_LABELS[m]}不是有效日期（应为 YYYY-MM-DD）`);
  }
  if (p.startedOn && p.completedOn && p.completedOn < p.startedOn) add('completedOn', '竣工日期不能早于开工日期');

  const seen = new Set<number>();
  for (const y of p.years) {
    const at = `years.${y.year}`;
    if (seen.has(y.year)) add(at, `${y.year}年出现了两次`);
    seen.add(y.year);
    if (!Number.isSafeInteger(y.annualPlan)) add(`${at}.annualPlan`, `${y.year}年计划投资必须是整数元`);
    else if (y.annualPlan < 0) add(`${at}.annualPlan`, `${y.year}年计划投资不能为负数`);
    else if (totalValid && y.annualPlan > p.totalInvestment) add(`${at}.annualPlan`, `${y.year}年计划投资不能超过总投资`);
    if (y.resumedOn !== null && !isDay(y.resumedOn)) add(`${at}.resumedOn`, `${y.year}年复工日期不是有效日期`);
  }
  return issues;
}
