// One project's alerts and supervision items, for its own page; and its planned start month (开工计划落实到月), which
// 计划开工未开工 judges against.

import { z } from 'zod';
import { canEditProject, type Actor } from '../../domain/access.ts';
import { forbidden, invalidInput } from '../../domain/errors.ts';
import { dayOf, isDay, isMonth, monthYear, type Day, type Month } from '../../domain/months.ts';
import { monthInput, parseInput, yearInput } from '../../domain/validation.ts';
import { findProjectYears } from '../../db/repositories/project.repository.ts';
import { findStartPlans, putStartPlans } from '../../db/repositories/supervision.repository.ts';
import type { Db } from '../../db/transaction.ts';
import { loadReadableProject } from '../get-project.ts';
import { boardOrder, loadItemViews, type ItemView } from '../supervision/item-view.ts';
import { canReadItem } from '../supervision/item-access.ts';
import { listAlerts, type Alert } from './alerts.ts';

export interface ProjectAlerts {
  projectId: string;
  asOf: Month;
  day: Day;
  on: Day;
  alerts: Alert[];
  /** The month the project is planned to start in the as-of year, when it has a plan for that year. */
  plannedStart: Month | null;
  canEdit: boolean;
  items: ItemView[];
}

export async function projectAlerts(db: Db, input: { id: string; asOf: string; on?: string }, actor: Actor, now: Date = new Date()): Promise<ProjectAlerts> {
  if (!isMonth(input.asOf)) throw invalidInput([{ field: 'asOf', message: '截至月份：应为 YYYY-MM' }]);
  if (input.on !== undefined && !isDay(input.on)) throw invalidInput([{ field: 'on', message: '日期：应为 YYYY-MM-DD' }]);
  const project = await loadReadableProject(db, input.id, actor);
  const on = input.on ?? dayOf(now);
  const list = await listAlerts(db, { region: project.regionCode, asOf: input.asOf, on, project: project.id }, actor, now);
  const plans = await findStartPlans(db, [project.id], monthYear(input.asOf));
  const items = (await loadItemViews(db, { lo: project.regionCode, hi: project.regionCode, projectId: project.id }, on)).filter((i) => canReadItem(actor, i)).sort(boardOrder);
  return {
    projectId: project.id,
    asOf: input.asOf,
    day: list.day,
    on,
    alerts: list.alerts,
    plannedStart: plans.get(project.id) ?? null,
    canEdit: canEditProject(actor, project),
    items,
  };
}

export const StartPlanInputSchema = z
  .object({
    year: yearInput(),
    /** The planned start month, in the year; null removes the plan. */
    month: monthInput().nullable(),
  })
  .strict();

/** Sets a project's planned start month for a year: only a new project of that year's pool has one. */
export async function setPlannedStart(db: Db, id: string, input: unknown, actor: Actor): Promise<{ year: number; month: Month | null }> {
  const q = parseInput(StartPlanInputSchema, input, { year: '年度', month: '计划开工月份' });
  const project = await loadReadableProject(db, id, actor);
  if (!canEditProject(actor, project)) throw forbidden('无权修改该项目');
  if (q.month && monthYear(q.month) !== q.year) throw invalidInput([{ field: 'month', message: `计划开工月份应在${q.year}年` }]);
  const year = (await findProjectYears(db, id)).find((y) => y.year === q.year);
  if (q.month && year?.phase !== 'newStart') throw invalidInput([{ field: 'month', message: `该项目不是${q.year}年的新建项目，无需开工计划` }]);
  await putStartPlans(db, [{ projectId: id, year: q.year, month: q.month }]);
  return { year: q.year, month: q.month };
}
