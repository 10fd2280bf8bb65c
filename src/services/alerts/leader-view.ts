// The leader's own view (我的项目): the projects he answers for (包联), each with its light and what lit it, and his open
// supervision items with the overdue ones first — one screen on a phone.

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
import { listLeaders } from '../../db/repositories/region.repository.ts';
import type { Db } from '../../db/transaction.ts';
import { leaderProjectIds } from '../supervision/item-access.ts';
import { leaderItems, type ItemView } from '../supervision/items.ts';
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
  leader: { id: string; name: string; title: string | null };
  region: string;
  asOf: Month;
  on: Day;
  counts: { projects: number; red: number; yellow: number; green: number; openItems: number; overdueItems: number };
  projects: LeaderProject[];
  items: ItemView[];
}

const LIGHT_ORDER: Record<Light, number> = { red: 0, yellow: 1, green: 2 };

/**
 * A leader's projects with their lights (the worst of their alerts) as of a month, and his open items on a day:
 * red projects first, then yellow, then the rest by name.
 */
export async function leaderView(db: Db, input: LeaderViewInput, actor: Actor, now: Date = new Date()): Promise<LeaderView> {
  const q = parseInput(LeaderViewInputSchema, input, { asOf: '截至月份', on: '日期', leader: '包联领导' });
  const region = q.region ?? actor.regionCode;
  let leaderId: string | null;
  if (actor.role === 'leader') leaderId = actor.leaderId;
  else if (canRunRound(actor, region)) leaderId = q.leader ?? null;
  else throw forbidden('“我的项目”是包联领导的页面');
  if (!leaderId) throw invalidInput([{ field: 'leader', message: '请选择包联领导' }]);
  const leader = (await listLeaders(db, region)).find((l) => l.id === leaderId);
  if (!leader) throw notFound('包联领导');
  const on = q.on ?? dayOf(now);

  const ids = await leaderProjectIds(db, leaderId);
  const [alerts, standings, items] = await Promise.all([
    listAlerts(db, { region, asOf: q.asOf, on, leader: leaderId }, actor, now),
    projectStandings(db, ids, monthYear(q.asOf), q.asOf),
    leaderItems(db, region, leaderId, on),
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
    leader: { id: leader.id, name: leader.name, title: leader.title },
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
