// Edits a project: validates the whole new state, keeps the old one if any rule fails, records every change.

import { canEditProject, reviewedFieldRefusals, statsEntryRefusal, writerId, type Actor } from '../domain/access.ts';
import { AppError, forbidden, invalidInput } from '../domain/errors.ts';
import { normaliseProjectCode } from '../domain/project/project-code.ts';
import { FIELD_LABELS, type Project, type ProjectYear } from '../domain/project/project.ts';
import { ProjectPatchSchema, type ProjectPatch } from '../domain/project/project-input.ts';
import { projectProblems } from '../domain/project/validate-project.ts';
import { parseInput } from '../domain/validation.ts';
import { findProjectYears, insertHistory, replaceProjectLeaders, replaceProjectYears, updateProjectRow } from '../db/repositories/project.repository.ts';
import { inTransaction, type Db } from '../db/transaction.ts';
import { loadReadableProject } from './get-project.ts';
import { loadProjectContext } from './project-context.ts';
import { diffProject } from './project-history.ts';

export interface UpdateProjectInput {
  id: string;
  patch: unknown;
  /** The version the editor saw; a newer stored version refuses the edit instead of overwriting it. */
  expectedVersion?: number;
}

/**
 * Applies a patch to a project. Refused edits change nothing: the error names each field at fault.
 * @example updateProject(db, { id, patch: { totalInvestment: -1 } }, actor) // throws invalid_input: 总投资不能为负数
 */
export async function updateProject(db: Db, input: UpdateProjectInput, actor: Actor, now: Date = new Date()): Promise<Project> {
  const patch = parseInput(ProjectPatchSchema, input.patch, FIELD_LABELS);
  return inTransaction(db, async (trx) => {
    // 入库 moves only through its workflow (services/stats-entry.ts), which checks the materials, the day and the
    // reason of a refusal; an edit that sends the status unchanged is fine.
    if (patch.statsEntry !== undefined && patch.statsEntry !== (await loadReadableProject(trx, input.id, actor)).statsEntry) {
      throw invalidInput([{ field: 'statsEntry', message: '入库状态请在项目的“入库”栏目中修改：报送须材料齐全，不予入库须说明原因' }]);
    }
    return changeProject(trx, input, patch, actor, now);
  });
}

/**
 * Applies a parsed patch: the edit's rules, its history and its version check. The 入库 workflow calls it directly for
 * the status it has checked; everything else goes through {@link updateProject}.
 */
export async function changeProject(db: Db, input: UpdateProjectInput, patch: ProjectPatch, actor: Actor, now: Date): Promise<Project> {
  return inTransaction(db, async (trx) => {
    const before = await loadReadableProject(trx, input.id, actor);
    if (!canEditProject(actor, before)) throw forbidden('无权修改该项目');
    const beforeYears = await findProjectYears(trx, input.id);
    if (input.expectedVersion !== undefined && input.expectedVersion !== before.version) {
      throw new AppError('conflict', '该项目已被他人修改，请刷新后重试');
    }

    const { years: patchYears, ...fields } = patch;
    const after: Project = {
      ...before,
      ...fields,
      projectCode: fields.projectCode === undefined ? before.projectCode : fields.projectCode && normaliseProjectCode(fields.projectCode),
      updatedAt: now.toISOString(),
      version: before.version + 1,
    };
    const afterYears: ProjectYear[] = patchYears ? mergeYears(beforeYears, patchYears) : beforeYears;

    if (!canEditProject(actor, after)) throw forbidden('不能把项目转给其他单位');
    const entryRefusal = statsEntryRefusal(actor, before.statsEntry, after.statsEntry);
    if (entryRefusal) throw forbidden(entryRefusal);
    const reviewed = reviewedFieldRefusals(actor, { ...before, years: beforeYears }, { ...after, years: afterYears });
    if (reviewed.length > 0) throw new AppError('forbidden', reviewed.map((d) => d.message).join('；'), reviewed);
    const problems = projectProblems({ ...after, years: afterYears }, await loadProjectContext(trx, before.regionCode));
    if (problems.length > 0) throw invalidInput(problems);

    const history = diffProject({ ...before, years: beforeYears }, { ...after, years: afterYears }, writerId(actor), after.updatedAt);
    if (history.length === 0) return before;
    if (!(await updateProjectRow(trx, after, before.version))) throw new AppError('conflict', '该项目已被他人修改，请刷新后重试');
    if (patchYears) await replaceProjectYears(trx, after, afterYears);
    if (fields.leaderIds !== undefined && fields.leaderIds.join() !== before.leaderIds.join()) await replaceProjectLeaders(trx, [{ projectId: after.id, leaderIds: after.leaderIds }]);
    await insertHistory(trx, history);
    return after;
  });
}

/** Years in a patch replace the stored ones of the same year; the others stay. */
function mergeYears(stored: readonly ProjectYear[], patch: readonly ProjectYear[]): ProjectYear[] {
  const byYear = new Map(stored.map((y) => [y.year, y]));
  for (const y of patch) byYear.set(y.year, y);
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}
