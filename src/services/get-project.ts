// One project with everything a project page shows: fields, years, months, batches, funds, history.

import { canEditProject, canReadProject, type Actor } from '../domain/access.ts';
import { forbidden, notFound } from '../domain/errors.ts';
import type { MonthlyCompletion, Project, ProjectYear } from '../domain/project/project.ts';
import { projectBatches, projectFundApplications, type BatchKind, type FundApplication } from '../db/repositories/batch.repository.ts';
import { findHistory, findProject, findProjectMonths, findProjectYears, type HistoryEntry } from '../db/repositories/project.repository.ts';
import type { Db } from '../db/transaction.ts';

export interface ProjectDetail {
  project: Project;
  years: ProjectYear[];
  months: MonthlyCompletion[];
  batches: { heldOn: string; title: string; kind: BatchKind }[];
  funds: FundApplication[];
  canEdit: boolean;
}

/** Loads a project the actor may read, or refuses: not_found when absent, forbidden when outside the actor's scope. */
export async function loadReadableProject(db: Db, id: string, actor: Actor): Promise<Project> {
  const project = await findProject(db, id);
  if (!project) throw notFound('项目');
  if (!canReadProject(actor, project)) throw forbidden('无权查看该项目');
  return project;
}

export async function getProject(db: Db, id: string, actor: Actor): Promise<ProjectDetail> {
  const project = await loadReadableProject(db, id, actor);
  const [years, months, batches, funds] = await Promise.all([
    findProjectYears(db, id),
    findProjectMonths(db, id),
    projectBatches(db, id),
    projectFundApplications(db, id),
  ]);
  return { project, years, months, batches, funds, canEdit: canEditProject(actor, project) };
}

export async function getProjectHistory(db: Db, id: string, actor: Actor): Promise<(HistoryEntry & { userName: string | null })[]> {
  await loadReadableProject(db, id, actor);
  return findHistory(db, id);
}
