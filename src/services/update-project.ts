// Edits a project: validates the whole new state, keeps the old one if any rule fails, records every change.

import { canEditProject, type Actor } from '../domain/access.ts';
import { AppError, forbidden, invalidInput } from '../domain/errors.ts';
import { normaliseProjectCode } from '../domain/project/project-code.ts';
import { FIELD_LABELS, type Project, type ProjectYear } from '../domain/project/project.ts';
import { ProjectPatchSchema } from '../domain/project/project-input.ts';
import { projectProblems } from '../domain/project/validate-project.ts';
import { parseInput } from '../domain/validation.ts';
import { findProjectYears, insertHistory, replaceProjectYears, updateProjectRow } from '../db/repositories/project.repository.ts';
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
    const problems = projectProblems({ ...after, years: afterYears }, await loadProjectContext(trx, before.regionCode));
    if (problems.length > 0) throw invalidInput(problems);

    const history = diffProject({ ...before, years: beforeYears }, { ...after, years: afterYears }, actor.userId === 'system' ? null : actor.userId, after.updatedAt);
    if (history.length === 0) return before;
    if (!(await updateProjectRow(trx, after, before.version))) throw new AppError('conflict', '该项目已被他人修改，请刷新后重试');
    if (patchYears) await replaceProjectYears(trx, after.id, afterYears);
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
