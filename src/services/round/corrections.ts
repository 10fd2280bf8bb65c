// Corrections: the only way an approved month's figure changes — who, why, old and new value, decided by the dispatcher.

import { canRunRound, seesUnit, writerId, type Actor } from '../../domain/access.ts';
import { AppError, forbidden, invalidInput, notFound } from '../../domain/errors.ts';
import { money } from '../../domain/format.ts';
import { CorrectionDecisionSchema, CorrectionInputSchema } from '../../domain/round/report-input.ts';
import type { CorrectionStatus } from '../../domain/round/round.ts';
import { parseInput } from '../../domain/validation.ts';
import { findProjectMonths, insertHistory } from '../../db/repositories/project.repository.ts';
import {
  decideCorrectionRow,
  findCorrections,
  findReportViews,
  insertCorrection,
  updateReportRow,
  type CorrectionView,
} from '../../db/repositories/round.repository.ts';
import { countyRange } from '../../db/repositories/scope.ts';
import { inTransaction, newId, type Db } from '../../db/transaction.ts';
import { loadReportToFill } from './round-access.ts';
import { historyEntry } from '../project-history.ts';
import { writeMonthFigures } from './review.ts';
import { recordAudit } from '../audit/record-audit.ts';

/**
 * Asks to change an approved report's month figure. The figure stays as it is until the dispatcher approves;
 * one correction at a time per report.
 */
export async function requestCorrection(db: Db, reportId: string, input: unknown, actor: Actor, now: Date = new Date()): Promise<CorrectionView> {
  const q = parseInput(CorrectionInputSchema, input);
  const id = await inTransaction(db, async (trx) => {
    const view = await loadReportToFill(trx, reportId, actor);
    if (view.status !== 'approved') throw new AppError('conflict', '只有审核通过的月报需要更正；未通过的月报请直接修改');
    if ((await findCorrections(trx, { reportId, status: 'pending' })).length > 0) throw new AppError('conflict', '该月报已有一项更正在等待审核');
    const stored = (await findProjectMonths(trx, view.projectId)).find((m) => m.month === view.month)?.completed ?? 0;
    if (stored === q.completedMonth) throw invalidInput([{ field: 'completedMonth', message: `更正后的当月完成投资与现值相同（${money(stored, '万元', 2)}万元）` }]);
    const correctionId = newId();
    await insertCorrection(trx, {
      id: correctionId,
      reportId,
      oldValue: stored,
      newValue: q.completedMonth,
      reason: q.reason,
      status: 'pending',
      requestedAt: now.toISOString(),
      requestedBy: writerId(actor),
      decidedAt: null,
      decidedBy: null,
      decisionNote: null,
    });
    return correctionId;
  });
  return (await findCorrections(db, { id }))[0]!;
}

/** The corrections of the actor's region, optionally only those in one status (the dispatcher's queue: pending). */
export async function listCorrections(db: Db, actor: Actor, q: { status?: CorrectionStatus; reportId?: string } = {}): Promise<CorrectionView[]> {
  const [lo, hi] = countyRange(actor.regionCode);
  const rows = await findCorrections(db, { lo, hi, status: q.status, reportId: q.reportId });
  return rows.filter((r) => seesUnit(actor, r.unitId));
}

/**
 * Decides a correction. Approved, the new figure replaces the month's in the project and the report, the history
 * records it with its reason, and every figure computed for that month changes with it.
 */
export async function decideCorrection(db: Db, id: string, input: unknown, actor: Actor, now: Date = new Date()): Promise<CorrectionView> {
  const decision = parseInput(CorrectionDecisionSchema, input);
  await inTransaction(db, async (trx) => {
    const [c] = await findCorrections(trx, { id });
    if (!c) throw notFound('更正申请');
    if (!canRunRound(actor, c.regionCode)) throw forbidden('只有调度员可以审核更正');
    if (c.status !== 'pending') throw new AppError('conflict', '该更正已经审核过了');
    if (!(await decideCorrectionRow(trx, id, decision.approve ? 'approved' : 'rejected', now.toISOString(), writerId(actor), decision.note?.trim() || null))) {
      throw new AppError('conflict', '该更正已经审核过了');
    }
    const note = decision.note?.trim() || null;
    await recordAudit(trx, actor, [{
      action: decision.approve ? 'correction.approve' : 'correction.refuse',
      regionCode: c.regionCode,
      subjectKind: 'correction',
      subjectId: c.id,
      before: { status: c.status },
      after: { status: decision.approve ? 'approved' : 'rejected', newValue: c.newValue, note },
    }], now);
    if (!decision.approve) return;
    const [view] = await findReportViews(trx, { reportId: c.reportId });
    if (!view) throw notFound('月报');
    await writeMonthFigures(trx, [{ project: { id: view.projectId, regionCode: view.regionCode }, month: view.month, completed: c.newValue, enteredAs: 'month' }], actor, now);
    await insertHistory(trx, [
      historyEntry(view.projectId, { kind: 'monthReason', month: view.month }, null, `更正：${c.reason}`, writerId(actor), now.toISOString()),
    ]);
    const corrected = { ...view, completedMonth: c.newValue, enteredAs: 'month' as const, enteredYtd: null, updatedAt: now.toISOString(), updatedBy: writerId(actor), version: view.version + 1 };
    if (!(await updateReportRow(trx, corrected, view.version))) throw new AppError('conflict', '该月报已被他人修改，请重试');
  });
  return (await findCorrections(db, { id }))[0]!;
}
