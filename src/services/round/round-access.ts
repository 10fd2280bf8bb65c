// Loading a round or a report the actor may see, and the refusals when they may not: one place for the round's access rules.

import { canEditProject, canReadProject, canRunRound, inScope, type Actor } from '../../domain/access.ts';
import { forbidden, notFound } from '../../domain/errors.ts';
import { findReportViews, findRound, type ReportView, type Round } from '../../db/repositories/round.repository.ts';
import type { Db } from '../../db/transaction.ts';

export async function loadRound(db: Db, id: string, actor: Actor): Promise<Round> {
  const round = await findRound(db, id);
  if (!round) throw notFound('月报轮次');
  if (!inScope(actor, round.regionCode)) throw forbidden('无权查看该地区的月报');
  return round;
}

/** A round the actor may run (open, review, close): dispatchers and admins of its county. */
export async function loadRoundToRun(db: Db, id: string, actor: Actor): Promise<Round> {
  const round = await loadRound(db, id, actor);
  if (!canRunRound(actor, round.regionCode)) throw forbidden('只有调度员可以审核、关闭月报');
  return round;
}

/** A report the actor may read: a reporter only its own unit's, everyone else those of their region. */
export async function loadReportView(db: Db, id: string, actor: Actor): Promise<ReportView> {
  const [view] = await findReportViews(db, { reportId: id });
  if (!view) throw notFound('月报');
  if (!canReadProject(actor, { regionCode: view.regionCode, unitId: view.unitId })) throw forbidden('无权查看该月报');
  return view;
}

/** Whether the actor may fill in this report: its unit's reporter, or a dispatcher of its county filling in for the unit. */
export function mayFill(actor: Actor, view: ReportView): boolean {
  return canEditProject(actor, { regionCode: view.regionCode, unitId: view.unitId });
}

/** A report the actor may fill in (`mayFill`). */
export async function loadReportToFill(db: Db, id: string, actor: Actor): Promise<ReportView> {
  const view = await loadReportView(db, id, actor);
  if (!mayFill(actor, view)) throw forbidden('无权填报该项目的月报');
  return view;
}

/** A report the actor may review: a dispatcher or admin of its county. */
export async function loadReportToReview(db: Db, id: string, actor: Actor): Promise<ReportView> {
  const view = await loadReportView(db, id, actor);
  if (!canRunRound(actor, view.regionCode)) throw forbidden('只有调度员可以审核月报');
  return view;
}
