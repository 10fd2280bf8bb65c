// 我的项目, one screen on a phone: for a leader the projects he answers for (包联), for a unit's reporter its unit's
// projects of the year — each with its light and what lit it — and the open supervision items, the overdue ones first.

import { z } from 'zod';
import { canRunRound, type Actor } from '../../domain/access.ts';
import type { AlertLevel } from '../../domain/alerts/month-thresholds.ts';
import type { AlertRule } from '../../domain/alerts/alert-rules.ts';
import { forbidden, invalidInput, notFound } from '../../domain/errors.ts';
import { dayOf, isDay, isMonth, monthYear, type Day, type Month } from '../../domain/months.ts';
import type { Stage } from '../../domain/project/project.ts';
import { isOpenStatus } from '../../domain/supervision/item.ts';
import { parseInput } from '../../domain/validation.ts';
import { projectStandings } from '../../db/repositories/alert.repository.ts';
import { listProjects } from '../../db/repositories/project.repository.ts';
import { listLeaders, listUnits } from '../../db/repositories/region.repository.ts';
import type { Db } from '../../db/transaction.ts';
import { leaderProjectIds } from '../supervision/item-access.ts';
import { leaderItems, type ItemView } from '../supervision/items.ts';
import { boardOrder, loadItemViews } from '../supervision/item-view.ts';
import { listAlerts } from './alerts.ts';

export const LeaderViewInputSchema = z
  .object({
    asOf: z.string().refine(isMonth, '应为 YYYY-MM'),
    on: z.string().refine(isDay, '应为 YYYY-MM-DD').optional(),
    /** A dispatcher looks at a leader's view by naming him; a leader always sees his own. */
    leader: z.string().max(64).optional(),
    region: z.string().regex(/^\d{6}$/).optional(),
  })
  .strict();
export type LeaderViewInput = z.input<typeof LeaderViewInputSchema>;

export type Light = AlertLevel | 'green';

export interface LeaderProject {
  id: string;
  name: string;
  unit: string | null;
  stage: Stage;
  totalInvestment: number;
  annualPlan: number | null;
  ytd: number;
  light: Light;
  alerts: { rule: AlertRule; level: AlertLevel; reason: string }[];
  openItems: number;
  overdueItems: number;
}

export interface LeaderView {
  /** Whose projects: a leader's, or (for a reporter) a unit's. */
  leader: { id: string; name: string; title: string | null } | null;
  unit: { id: string; name: string } | null;
  region: string;
  asOf: Month;
  on: Day;
  counts: { projects: number; red: number; yellow: number; green: number; openItems: number; overdueItems: number };
  projects: LeaderProject[];
  items: ItemView[];
}

const LIGHT_ORDER: Record<Light, number> = { red: 0, yellow: 1, green: 2 };

/**
 * A leader's projects (or a reporter's unit's projects of the year) with their lights — the worst of their alerts —
 * as of a month, and the open items on a day: red projects first, then yellow, then the rest by name. A dispatcher
 * looks at a leader's by naming him.
 */
export async function leaderView(db: Db, input: LeaderViewInput, actor: Actor, now: Date = new Date()): Promise<LeaderView> {
  const q = parseInput(LeaderViewInputSchema, input, { asOf: '截至月份', on: '日期', leader: '包联领导' });
  const region = q.region ?? actor.regionCode;
  const on = q.on ?? dayOf(now);
  let who: Pick<LeaderView, 'leader' | 'unit'>;
  let ids: string[];
  let items: ItemView[];
  if (actor.role === 'reporter') {
    const unit = (await listUnits(db, region)).find((u) => u.id === actor.unitId);
    if (!unit) throw forbidden('账号没有所属单位');
    who = { leader: null, unit: { id: unit.id, name: unit.name } };
    const year = monthYear(q.asOf);
    ids = (await listProjects(db, { regionCode: region, year, toMonth: q.asOf, unitId: unit.id, poolOnly: true, sort: 'name', order: 'asc', limit: 100_000, offset: 0 })).rows.map((r) => r.project.id);
    items = (await loadItemViews(db, { lo: region, hi: region, unitId: unit.id }, on)).sort(boardOrder);
  } else {
    let leaderId: string | null;
    if (actor.role === 'leader') leaderId = actor.leaderId;
    else if (canRunRound(actor, region)) leaderId = q.leader ?? null;
    else throw forbidden('“我的项目”是包联领导和填报单位的页面');
    if (!leaderId) throw invalidInput([{ field: 'leader', message: '请选择包联领导' }]);
    const leader = (await listLeaders(db, region)).find((l) => l.id === leaderId);
    if (!leader) throw notFound('包联领导');
    who = { leader: { id: leader.id, name: leader.name, title: leader.title }, unit: null };
    ids = await leaderProjectIds(db, leaderId);
    items = await leaderItems(db, region, leaderId, on);
  }

  const [alerts, standings] = await Promise.all([
    listAlerts(db, { region, asOf: q.asOf, on, ...(who.leader ? { leader: who.leader.id } : {}) }, actor, now),
    projectStandings(db, ids, monthYear(q.asOf), q.asOf),
  ]);
  const open = items.filter((i) => isOpenStatus(i.status));
  const projects = standings
    .filter((p) => p.stage !== 'cancelled')
    .map((p): LeaderProject => {
      const own = alerts.alerts.filter((a) => a.projectId === p.id).map((a) => ({ rule: a.rule, level: a.level, reason: a.reason }));
      const mine = open.filter((i) => i.projectId === p.id);
      return {
        id: p.id,
        name: p.name,
        unit: p.unitName,
        stage: p.stage,
        totalInvestment: p.totalInvestment,
        annualPlan: p.annualPlan,
        ytd: p.ytd,
        light: own.some((a) => a.level === 'red') ? 'red' : own.length > 0 ? 'yellow' : 'green',
        alerts: own,
        openItems: mine.length,
        overdueItems: mine.filter((i) => i.overdue).length,
      };
    })
    .sort((a, b) => LIGHT_ORDER[a.light] - LIGHT_ORDER[b.light] || a.name.localeCompare(b.name, 'zh'));
  return {
    ...who,
    region,
    asOf: q.asOf,
    on,
    counts: {
      projects: projects.length,
      red: projects.filter((p) => p.light === 'red').length,
      yellow: projects.filter((p) => p.light === 'yellow').length,
      green: projects.filter((p) => p.light === 'green').length,
      openItems: open.length,
      overdueItems: open.filter((i) => i.overdue).length,
    },
    projects,
    items: open,
  };
}
