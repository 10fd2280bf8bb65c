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
import { findMonthFigures, findProject, findProjectYears, insertHistory, monthFigureKey, monthRow, replaceProjectYears, updateProjectRow, type HistoryEntry, type ProjectKey } from '../../db/repositories/project.repository.ts';
import { replaceFigureRows } from '../../db/repositories/figure-rows.ts';
import { findReportViews, monthHistory, updateReportRow, type Report, type ReportView } from '../../db/repositories/round.repository.ts';
import { inTransaction, type Db } from '../../db/transaction.ts';
import { historyEntry } from '../project-history.ts';
import { loadReportToReview, loadRoundToRun } from './round-access.ts';
import { getReport, type ReportPage } from './reports.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { AuditFields } from '../../domain/audit/audit-actions.ts';

/** A month's completed investment to write into its project. */
export interface MonthFigure {
  project: ProjectKey;
  month: string;
  completed: Yuan;
  enteredAs: EnteredAs;
}

/**
 * Writes months' completed investment into their projects, each with its history entry: what an approval (one report,
 * or a unit's at once) and an approved correction do, so every figure computed for the month follows. The stored rows
 * are read, and the changed ones written, a few statements for the lot rather than four a figure.
 */
export async function writeMonthFigures(db: Db, figures: readonly MonthFigure[], actor: Actor, now: Date): Promise<void> {
  const stored = await findMonthFigures(db, figures);
  const changed = figures.filter((f) => {
    const s = stored.get(monthFigureKey(f.project.id, f.month));
    return s?.completed !== f.completed || s.enteredAs !== f.enteredAs;
  });
  if (changed.length === 0) return;
  await replaceFigureRows(db, 'project_month', changed.map((f) => monthRow(f.project, { month: f.month, completed: f.completed, enteredAs: f.enteredAs })));
  await insertHistory(db, changed.flatMap((f) => {
    const before = stored.get(monthFigureKey(f.project.id, f.month))?.completed ?? null;
    return before === f.completed ? [] : [historyEntry(f.project.id, { kind: 'month', month: f.month }, before, f.completed, writerId(actor), now.toISOString())];
  }));
}

/** The months' amounts at approval: a year-to-date entry is measured again against the months on record now. */
async function approvedAmounts(db: Db, views: readonly ReportView[]): Promise<Yuan[]> {
  const ytd = views.filter((v) => v.enteredAs === 'ytd' && v.enteredYtd !== null);
  const history = ytd.length > 0 ? await monthHistory(db, ytd.map((v) => v.projectId)) : new Map<string, { month: string; completed: Yuan }[]>();
  return views.map((v) => v.enteredAs !== 'ytd' || v.enteredYtd === null
    ? (v.completedMonth ?? 0)
    : monthFromYtd(v.enteredYtd, figureBase(v.month, v.completedBefore, history.get(v.projectId) ?? []).earlier, v.month));
}

/** Puts an approved report's stage events into its project: the stage and dates they set. */
async function applyStageEventsOf(db: Db, view: ReportView, actor: Actor, now: Date): Promise<void> {
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

/**
 * Approves submitted reports, one or a unit's at once: each report's new state (checked against its version), then
 * the months' figures together, the stage events of those that have any, and a line of the trail each.
 */
async function approveViews(db: Db, views: readonly ReportView[], actor: Actor, now: Date): Promise<void> {
  for (const view of views) {
    const refusal = canApprove(view.status, view.roundStatus);
    if (refusal) throw new AppError('conflict', `${view.projectName}：${refusal}`);
  }
  const amounts = await approvedAmounts(db, views);
  for (const view of views) {
    const approved: Report = { ...view, status: 'approved', reviewedAt: now.toISOString(), reviewedBy: writerId(actor), returnReason: null, updatedAt: now.toISOString(), version: view.version + 1 };
    if (!(await updateReportRow(db, approved, view.version))) throw new AppError('conflict', '该月报已被他人修改，请刷新后重试');
  }
  await writeMonthFigures(db, views.map((v, i) => ({ project: { id: v.projectId, regionCode: v.regionCode }, month: v.month, completed: amounts[i]!, enteredAs: v.enteredAs })), actor, now);
  for (const view of views) await applyStageEventsOf(db, view, actor, now);
  await recordReviews(db, actor, 'report.approve', views, { status: 'approved' }, now);
}

/** One row of the trail per report reviewed, whether alone or with its unit's others. */
async function recordReviews(db: Db, actor: Actor, action: 'report.approve' | 'report.return', views: readonly ReportView[], after: AuditFields, now: Date): Promise<void> {
  await recordAudit(db, actor, views.map((view) => {
    const subject = { project: view.projectName, month: view.month };
    return { action, regionCode: view.regionCode, subjectKind: 'report', subjectId: view.id, before: { ...subject, status: view.status }, after: { ...subject, ...after } };
  }), now);
}

/** Approves a submitted report: its month's figure goes into the project, and the pool's figures follow. */
export async function approveReport(db: Db, id: string, actor: Actor, now: Date = new Date()): Promise<ReportPage> {
  await inTransaction(db, async (trx) => approveViews(trx, [await loadReportToReview(trx, id, actor)], actor, now));
  return getReport(db, id, actor);
}

/** Approves every submitted report of one unit in a round, in one transaction. @returns how many were approved */
export async function approveUnit(db: Db, roundId: string, unitId: string, actor: Actor, now: Date = new Date()): Promise<{ approved: number }> {
  return inTransaction(db, async (trx) => {
    await loadRoundToRun(trx, roundId, actor);
    const views = await findReportViews(trx, { roundId, unitId, status: 'submitted' });
    if (views.length === 0) throw invalidInput([{ field: 'unitId', message: '该单位没有待审核的月报' }]);
    await approveViews(trx, views, actor, now);
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
    await recordReviews(trx, actor, 'report.return', [view], { status: 'returned', returnReason: reason }, now);
  });
  return getReport(db, id, actor);
}
