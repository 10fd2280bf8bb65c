// The shapes the command line prints and scripts read (ACCEPTANCE.md): one alert per lit project and rule, one row
// per item with its 13710 deadlines, the reserve's figures in 元 with the ratio a fraction.

import type { ItemView } from '../../services/supervision/item-view.ts';
import type { Alert } from '../../services/alerts/alerts.ts';
import type { ReserveSummary } from '../../services/alerts/reserve.ts';

export function presentAlert(a: Alert) {
  return { rule: a.rule, level: a.level, projectId: a.projectId, projectName: a.projectName, unit: a.unit, leader: a.leader, reason: a.reason };
}

export function presentItemRow(i: ItemView) {
  return {
    id: i.id,
    kind: i.kind,
    title: i.title,
    projectId: i.projectId,
    unit: i.unitName,
    leader: i.leaderName,
    level: i.level,
    status: i.status,
    assignedOn: i.assignedOn,
    feedbackDue: i.feedbackDue,
    solveDue: i.solveDue,
    overdue: i.overdue !== null,
  };
}

/** The five figures first, as scripts read them; the rest follows. */
export function presentReserve(r: ReserveSummary) {
  const { remainingInvestment, remainingTask, coverageRatio, gap, effectiveBalance, ...rest } = r;
  return { remainingInvestment, remainingTask, coverageRatio, gap, effectiveBalance, ...rest };
}
