// Adds a project to a county's pool, validated by the same rules as an edit.

import { canAddProject, reporterUnit, statsEntryRefusal, writerId, type Actor } from '../domain/access.ts';
import { forbidden, invalidInput } from '../domain/errors.ts';
import { normaliseProjectCode } from '../domain/project/project-code.ts';
import { FIELD_LABELS, type Project, type ProjectYear } from '../domain/project/project.ts';
import { ProjectCreateSchema } from '../domain/project/project-input.ts';
import { projectProblems } from '../domain/project/validate-project.ts';
import { parseInput } from '../domain/validation.ts';
import { insertHistory, insertProject, replaceProjectLeaders, replaceProjectYears } from '../db/repositories/project.repository.ts';
import { inTransaction, newId, type Db } from '../db/transaction.ts';
import { loadProjectContext } from './project-context.ts';
import { createdEntry } from './project-history.ts';

export async function createProject(db: Db, input: unknown, actor: Actor, now: Date = new Date()): Promise<Project> {
  const data = parseInput(ProjectCreateSchema, input, FIELD_LABELS);
  const stamp = now.toISOString();
  const project: Project = {
    id: newId(),
    regionCode: data.regionCode,
    name: data.name,
    projectCode: data.projectCode ? normaliseProjectCode(data.projectCode) : null,
    approvalKind: data.approvalKind ?? null,
    owner: data.owner ?? null,
    townshipCode: data.townshipCode ?? null,
    industryCode: data.industryCode ?? null,
    chain: data.chain ?? null,
    constructionType: data.constructionType ?? null,
    category: data.category ?? null,
    stage: data.stage ?? 'planned',
    signedOn: data.signedOn ?? null,
    landSuppliedOn: data.landSuppliedOn ?? null,
    permitOn: data.permitOn ?? null,
    startedOn: data.startedOn ?? null,
    suspendedOn: data.suspendedOn ?? null,
    completedOn: data.completedOn ?? null,
    operatingOn: data.operatingOn ?? null,
    totalInvestment: data.totalInvestment,
    completedBefore: data.completedBefore ?? 0,
    statsEntry: data.statsEntry ?? 'none',
    leaderIds: data.leaderIds ?? [],
    unitId: data.unitId ?? reporterUnit(actor),
    keyLevel: data.keyLevel ?? null,
    progressNote: data.progressNote ?? null,
    landAreaMu: data.landAreaMu ?? null,
    notes: data.notes ?? null,
    createdAt: stamp,
    updatedAt: stamp,
    version: 1,
  };
  const years: ProjectYear[] = (data.years ?? []).map((y) => ({ ...y, resumedOn: y.resumedOn ?? null }));
  if (!canAddProject(actor, project)) {
    throw forbidden('无权在该县新增项目');
  }
  const entryRefusal = statsEntryRefusal(actor, 'none', project.statsEntry);
  if (entryRefusal) throw forbidden(entryRefusal);
  return inTransaction(db, async (trx) => {
    const problems = projectProblems({ ...project, years }, await loadProjectContext(trx, project.regionCode));
    if (problems.length > 0) throw invalidInput(problems);
    await insertProject(trx, project);
    await replaceProjectYears(trx, project, years);
    await replaceProjectLeaders(trx, [{ projectId: project.id, leaderIds: project.leaderIds }]);
    await insertHistory(trx, [createdEntry(project, writerId(actor), stamp)]);
    return project;
  });
}
