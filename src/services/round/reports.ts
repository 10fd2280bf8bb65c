// A unit's monthly reports: the list for a round, one report with its figures and checks, saving a draft, submitting.

import { canRunRound, unitFilter, writerId, type Actor } from '../../domain/access.ts';
import { AppError, invalidInput } from '../../domain/errors.ts';
import type { Yuan } from '../../domain/money.ts';
import type { EnteredAs } from '../../domain/project/project.ts';
import { figureBase, figuresOfEntry, monthFromYtd, type ReportFigures } from '../../domain/round/monthly-figure.ts';
import { reportFlags, type ReportFlag } from '../../domain/round/report-flags.ts';
import { ReportInputSchema } from '../../domain/round/report-input.ts';
import { canSave, canSubmit, type ReportStatus } from '../../domain/round/round.ts';
import { applyStageEvents } from '../../domain/round/stage-events.ts';
import { parseInput } from '../../domain/validation.ts';
import {
  findReportViews,
  listAttachments,
  monthHistory,
  updateReportRow,
  type AttachmentMeta,
  type Report,
  type ReportView,
} from '../../db/repositories/round.repository.ts';
import { inTransaction, type Db } from '../../db/transaction.ts';
import { reportProblems, syncReportProblems, type ReportProblem } from '../supervision/report-problems.ts';
import { loadReportToFill, loadReportView, loadRound, mayFill } from './round-access.ts';

/** A report as its form and the review list show it: stored fields, the three figures, and the checks. */
export interface ReportDetail extends ReportView {
  figures: ReportFigures | null;
  flags: ReportFlag[];
}

export interface ReportPage extends ReportDetail {
  attachments: AttachmentMeta[];
  problems: ReportProblem[];
  canFill: boolean;
  canReview: boolean;
}

/** The report's figures and checks, from the project's months on record other than the report's own. */
function describe(view: ReportView, history: readonly { month: string; completed: Yuan }[]): ReportDetail {
  const base = figureBase(view.month, view.completedBefore, history);
  const figures = view.completedMonth === null ? null : figuresOfEntry(base, 'month', view.completedMonth);
  const checked = figures ?? figuresOfEntry(base, 'month', 0);
  // An empty month is checked for silence only (the project has reported nothing for three months running): the
  // other checks would flag every form the unit simply has not filled in yet.
  const checks = reportFlags({
    month: view.month,
    completedMonth: view.completedMonth,
    ytd: checked.ytd,
    sinceStart: checked.sinceStart,
    annualPlan: view.annualPlan,
    totalInvestment: view.totalInvestment,
    history: history.filter((h) => h.month < view.month),
    stage: view.stage,
    started: view.startedOn !== null,
    startedOn: view.startedOn,
    stageEvents: view.stageEvents,
  });
  const flags = view.completedMonth === null ? checks.filter((f) => f.code === 'silentThreeMonths') : checks;
  return { ...view, figures, flags };
}

async function describeAll(db: Db, views: readonly ReportView[]): Promise<ReportDetail[]> {
  const history = await monthHistory(db, views.map((v) => v.projectId));
  return views.map((v) => describe(v, history.get(v.projectId) ?? []));
}

/** A round's reports the actor may see (a reporter: its unit's), with their figures and checks. */
export async function listRoundReports(db: Db, roundId: string, actor: Actor, q: { unitId?: string | null; status?: ReportStatus | null } = {}): Promise<ReportDetail[]> {
  await loadRound(db, roundId, actor);
  return describeAll(db, await findReportViews(db, { roundId, unitId: unitFilter(actor, q.unitId ?? null), status: q.status ?? null }));
}

export async function getReport(db: Db, id: string, actor: Actor): Promise<ReportPage> {
  return reportPage(db, await loadReportView(db, id, actor), actor);
}

/** The page of a report the actor may read, as `view` has it: what a read returns, and a save or submit once written. */
async function reportPage(db: Db, view: ReportView, actor: Actor): Promise<ReportPage> {
  // Three reads that need only the report: at once (on PostgreSQL, one round trip's wait instead of two).
  const [[detail], attachments, problems] = await Promise.all([describeAll(db, [view]), listAttachments(db, view.id), reportProblems(db, view.id)]);
  const canFill = canSave(view.status, view.roundStatus) === null && mayFill(actor, view);
  return { ...detail!, attachments, problems, canFill, canReview: canRunRound(actor, view.regionCode) };
}

/** The figures of a saved form: a year-to-date entry becomes the month's amount here, once, against the months on record. */
async function monthAmount(db: Db, view: ReportView, enteredAs: EnteredAs, completedMonth: Yuan | null, ytd: Yuan | null): Promise<Yuan | null> {
  if (enteredAs === 'month') return completedMonth;
  if (ytd === null) return null;
  const history = (await monthHistory(db, [view.projectId])).get(view.projectId) ?? [];
  return monthFromYtd(ytd, figureBase(view.month, view.completedBefore, history).earlier, view.month);
}

/**
 * Saves a report's form (a draft, or a returned report being fixed). Fields left out keep their stored values.
 * Problems replace the report's earlier list; each becomes a supervision item of the report's unit, waiting to be assigned.
 */
export async function saveReport(db: Db, id: string, input: unknown, actor: Actor, now: Date = new Date()): Promise<ReportPage> {
  const patch = parseInput(ReportInputSchema, input);
  const saved = await inTransaction(db, async (trx) => {
    const view = await loadReportToFill(trx, id, actor);
    const refusal = canSave(view.status, view.roundStatus);
    if (refusal) throw new AppError('conflict', refusal);
    return writeReport(trx, view, await fillForm(trx, view, patch, actor, now), patch);
  });
  return reportPage(db, saved, actor);
}

type FormPatch = ReturnType<typeof ReportInputSchema.parse>;

/** The report with the form's fields applied (one version on): nothing is written yet. */
async function fillForm(db: Db, view: ReportView, patch: FormPatch, actor: Actor, now: Date): Promise<Report> {
  if (patch.version !== undefined && patch.version !== view.version) throw new AppError('conflict', '该月报已被他人修改，请刷新后重试');
  const enteredAs = patch.enteredAs ?? view.enteredAs;
  const ytd = patch.ytd !== undefined ? patch.ytd : view.enteredYtd;
  if (enteredAs === 'ytd' && patch.ytd === undefined && patch.completedMonth !== undefined) {
    throw invalidInput([{ field: 'ytd', message: '按累计填报时请填写年初至今累计完成投资' }]);
  }
  const completedMonth = await monthAmount(db, view, enteredAs, patch.completedMonth !== undefined ? patch.completedMonth : view.completedMonth, ytd);
  const stageEvents = patch.stageEvents ?? view.stageEvents;
  // Only the dates are checked here (the state applied to is a blank one and the result is dropped), so a bad date
  // is refused on its field when saved rather than at approval.
  applyStageEvents({ stage: view.stage, startedOn: null, suspendedOn: null, completedOn: null, operatingOn: null, resumedOn: null }, stageEvents, view.month);
  const next: Report = {
    ...view,
    completedMonth,
    enteredAs,
    enteredYtd: enteredAs === 'ytd' ? ytd : null,
    progress: patch.progress !== undefined ? patch.progress || null : view.progress,
    stageEvents,
    prefilled: view.prefilled && patch.completedMonth === undefined && patch.ytd === undefined && patch.progress === undefined,
    updatedAt: now.toISOString(),
    updatedBy: writerId(actor),
    version: view.version + 1,
  };
  return next;
}

/**
 * Writes a report's new state over `view` in one update, and the problems the form raised. Returns the view as
 * written (only the report's own fields change), so the page answered is not read back a second time.
 */
async function writeReport(db: Db, view: ReportView, next: Report, patch: FormPatch): Promise<ReportView> {
  if (!(await updateReportRow(db, next, view.version))) throw new AppError('conflict', '该月报已被他人修改，请刷新后重试');
  if (patch.problems !== undefined) {
    await syncReportProblems(db, { id: view.id, regionCode: view.regionCode, projectId: view.projectId, unitId: view.unitId }, patch.problems, next.updatedAt, next.updatedBy);
  }
  return { ...view, ...next };
}

/**
 * Submits a report, saving the form sent with it first (one request from a phone). The month's investment must be
 * filled; a reporter submits until the grace period ends, a dispatcher may take a report in after it.
 */
export async function submitReport(db: Db, id: string, input: unknown, actor: Actor, now: Date = new Date()): Promise<ReportPage> {
  const patch = parseInput(ReportInputSchema, input ?? {});
  const submitted = await inTransaction(db, async (trx) => {
    const view = await loadReportToFill(trx, id, actor);
    const refusal = canSubmit(view.status, view.roundStatus, now, view.graceUntil, canRunRound(actor, view.regionCode) ? 'dispatcher' : 'reporter');
    if (refusal) throw new AppError('conflict', refusal);
    // The form sent with the submit and the new status go in one update: the report moves one version on.
    const filled = await fillForm(trx, view, patch, actor, now);
    if (filled.completedMonth === null) throw invalidInput([{ field: 'completedMonth', message: '当月完成投资：提交前请填写（没有投资请填0）' }]);
    const next: Report = {
      ...filled,
      status: 'submitted',
      firstSubmittedAt: filled.firstSubmittedAt ?? now.toISOString(),
      submittedAt: now.toISOString(),
      submittedBy: writerId(actor),
    };
    return writeReport(trx, view, next, patch);
  });
  return reportPage(db, submitted, actor);
}
