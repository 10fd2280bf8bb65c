// The dispatcher's review: approve a report (its figures and stage changes go into the project), approve a whole
// unit's at once, or return one to its reporter with the reason.

import { writerId, type Actor } from '../../domain/access.ts';
import { AppError, invalidInput } from '../../domain/errors.ts';
import type { Yuan } from '../../domain/money.ts';
import { monthYear } from '../../domain/months.ts';
import type { EnteredAs, Project, ProjectYear } from '../../domain/project/project.ts';
import { figureBase, monthFromYtd } from '../../domain/round/monthly-figure.ts';
import { ReturnInputSchema } from '../../domain/round/report-input.ts';
import { canApprove, canReturn } from '../../domain/round/round.ts';
import { applyStageEvents } from '../../domain/round/stage-events.ts';
import { parseInput } from '../../domain/validation.ts';
import { findProject, findProjectMonths, findProjectYears, insertHistory, replaceProjectYears, updateProjectRow, upsertProjectMonths, type HistoryEntry, type ProjectKey } from '../../db/repositories/project.repository.ts';
import { findReportViews, updateReportRow, type Report, type ReportView } from '../../db/repositories/round.repository.ts';
import { inTransaction, type Db } from '../../db/transaction.ts';
import { historyEntry } from '../project-history.ts';
import { loadReportToReview, loadRoundToRun } from './round-access.ts';
import { getReport, type ReportPage } from './reports.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { AuditFields } from '../../domain/audit/audit-actions.ts';

/**
 * Writes a month's completed investment into the project, with its history entry: what an approval and an approved
 * correction both do, so every figure computed for the month follows.
 */
export async function writeMonthFigure(db: Db, project: ProjectKey, month: string, completed: Yuan, enteredAs: EnteredAs, actor: Actor, now: Date): Promise<void> {
  const stored = (await findProjectMonths(db, project.id)).find((m) => m.month === month);
  if (stored?.completed === completed && stored.enteredAs === enteredAs) return;
  await upsertProjectMonths(db, project, [{ month, completed, enteredAs }]);
  if (stored?.completed !== completed) {
    await insertHistory(db, [historyEntry(project.id, { kind: 'month', month }, stored?.completed ?? null, completed, writerId(actor), now.toISOString())]);
  }
}

/** The month's amount at approval: a year-to-date entry is measured again against the months on record now. */
async function approvedAmount(db: Db, view: ReportView): Promise<Yuan> {
  if (view.enteredAs !== 'ytd' || view.enteredYtd === null) return view.completedMonth ?? 0;
  const months = await findProjectMonths(db, view.projectId);
  return monthFromYtd(view.enteredYtd, figureBase(view.month, view.completedBefore, months).earlier, view.month);
}

/** Puts an approved report into its project: the month's figure, and the stage and dates its events set. */
async function applyToProject(db: Db, view: ReportView, actor: Actor, now: Date): Promise<void> {
  await writeMonthFigure(db, { id: view.projectId, regionCode: view.regionCode }, view.month, await approvedAmount(db, view), view.enteredAs, actor, now);
  if (view.stageEvents.length === 0) return;

  const project = await findProject(db, view.projectId);
  if (!project) throw new AppError('not_found', '项目不存在');
  const year = monthYear(view.month);
  const years = await findProjectYears(db, view.projectId);
  const thisYear = years.find((y) => y.year === year);
  const next = applyStageEvents(
    { stage: project.stage, startedOn: project.startedOn, suspendedOn: project.suspendedOn, completedOn: project.completedOn, operatingOn: project.operatingOn, resumedOn: thisYear?.resumedOn ?? null },
    view.stageEvents,
    view.month,
  );
  const after: Project = { ...project, stage: next.stage, startedOn: next.startedOn, suspendedOn: next.suspendedOn, completedOn: next.completedOn, operatingOn: next.operatingOn, updatedAt: now.toISOString(), version: project.version + 1 };
  const history: HistoryEntry[] = [];
  for (const field of ['stage', 'startedOn', 'suspendedOn', 'completedOn', 'operatingOn'] as const) {
    if (project[field] !== after[field]) history.push(historyEntry(project.id, { kind: 'field', field }, project[field], after[field], writerId(actor), now.toISOString()));
  }
  if (history.length > 0 && !(await updateProjectRow(db, after, project.version))) throw new AppError('conflict', '该项目已被他人修改，请重试');
  if (thisYear && thisYear.resumedOn !== next.resumedOn) {
    const nextYears: ProjectYear[] = years.map((y) => (y.year === year ? { ...y, resumedOn: next.resumedOn } : y));
    await replaceProjectYears(db, project, nextYears);
    history.push(historyEntry(project.id, { kind: 'year', year, field: 'resumedOn' }, thisYear.resumedOn, next.resumedOn, writerId(actor), now.toISOString()));
  }
  await insertHistory(db, history);
}

async function approveView(db: Db, view: ReportView, actor: Actor, now: Date): Promise<void> {
  const refusal = canApprove(view.status, view.roundStatus);
  if (refusal) throw new AppError('conflict', `${view.projectName}：${refusal}`);
  const approved: Report = { ...view, status: 'approved', reviewedAt: now.toISOString(), reviewedBy: writerId(actor), returnReason: null, updatedAt: now.toISOString(), version: view.version + 1 };
  if (!(await updateReportRow(db, approved, view.version))) throw new AppError('conflict', '该月报已被他人修改，请刷新后重试');
  await applyToProject(db, view, actor, now);
  await recordReview(db, actor, 'report.approve', view, { status: 'approved' }, now);
}

/** One row of the trail per report reviewed, whether alone or with its unit's others. */
async function recordReview(db: Db, actor: Actor, action: 'report.approve' | 'report.return', view: ReportView, after: AuditFields, now: Date): Promise<void> {
  const subject = { project: view.projectName, month: view.month };
  await recordAudit(db, actor, [{ action, regionCode: view.regionCode, subjectKind: 'report', subjectId: view.id, before: { ...subject, status: view.status }, after: { ...subject, ...after } }], now);
}

/** Approves a submitted report: its month's figure goes into the project, and the pool's figures follow. */
export async function approveReport(db: Db, id: string, actor: Actor, now: Date = new Date()): Promise<ReportPage> {
  await inTransaction(db, async (trx) => approveView(trx, await loadReportToReview(trx, id, actor), actor, now));
  return getReport(db, id, actor);
}

/** Approves every submitted report of one unit in a round, in one transaction. @returns how many were approved */
export async function approveUnit(db: Db, roundId: string, unitId: string, actor: Actor, now: Date = new Date()): Promise<{ approved: number }> {
  return inTransaction(db, async (trx) => {
    await loadRoundToRun(trx, roundId, actor);
    const views = await findReportViews(trx, { roundId, unitId, status: 'submitted' });
    if (views.length === 0) throw invalidInput([{ field: 'unitId', message: '该单位没有待审核的月报' }]);
    for (const view of views) await approveView(trx, view, actor, now);
    return { approved: views.length };
  });
}

/** Returns a submitted report to its reporter with the reason, which the reporter sees on the form. */
export async function returnReport(db: Db, id: string, input: unknown, actor: Actor, now: Date = new Date()): Promise<ReportPage> {
  const { reason } = parseInput(ReturnInputSchema, input, { reason: '退回原因' });
  await inTransaction(db, async (trx) => {
    const view = await loadReportToReview(trx, id, actor);
    const refusal = canReturn(view.status, view.roundStatus);
    if (refusal) throw new AppError('conflict', refusal);
    const returned: Report = {
      ...view,
      status: 'returned',
      reviewedAt: now.toISOString(),
      reviewedBy: writerId(actor),
      returnReason: reason,
      returnedCount: view.returnedCount + 1,
      updatedAt: now.toISOString(),
      version: view.version + 1,
    };
    if (!(await updateReportRow(trx, returned, view.version))) throw new AppError('conflict', '该月报已被他人修改，请刷新后重试');
    await recordReview(trx, actor, 'report.return', view, { status: 'returned', returnReason: reason }, now);
  });
  return getReport(db, id, actor);
}
