// The attraction funnel of a region and year from its leads (never from typed totals), with its rates, the county's
// targets against them, the breakdowns by unit, chain, team and origin, and the attraction targets read from a work
// report's text.

import { coversRegion, type Actor } from '../../domain/access.ts';
import { readAttractionTargets, type AttractionTargetProposal } from '../../domain/attraction/attraction-target-reader.ts';
import {
  ATTRACTION_TARGET_KEYS, funnelBreakdown, funnelFigures, funnelWindow, RATE_BASIS, RATE_KEYS, targetStandings,
  type FunnelFigures, type FunnelGroup, type FunnelLead, type RateKey, type TargetStanding,
} from '../../domain/attraction/funnel.ts';
import { INVESTOR_ORIGIN_LABELS, type Lead } from '../../domain/attraction/lead.ts';
import { forbidden, invalidInput } from '../../domain/errors.ts';
import type { Day } from '../../domain/months.ts';
import { isDay } from '../../domain/months.ts';
import { canCreateProject } from '../../domain/access.ts';
import { z } from 'zod';
import { figureInput, optionalPlainText, parseInput, plainText, yearInput, yuanAmount } from '../../domain/validation.ts';
import { leadEvents, listAttractionTargets, listLeads, upsertAttractionTargets, type StoredAttractionTarget } from '../../db/repositories/lead.repository.ts';
import { findRegion, listUnits } from '../../db/repositories/region.repository.ts';
import type { Db } from '../../db/transaction.ts';
import { cstToday, leadProgress } from './leads.ts';

export const FUNNEL_GROUPS = ['unit', 'chain', 'team', 'origin', 'township'] as const;
export type FunnelGroupKey = (typeof FUNNEL_GROUPS)[number];

export interface FunnelQuery {
  region: string;
  year: number;
  /** The day judged (default today): within the year, the figures stop there. */
  on?: Day;
}

export interface FunnelGroupView extends FunnelGroup {
  label: string;
}

export interface FunnelReport extends FunnelFigures {
  region: string;
  regionName: string;
  year: number;
  from: Day;
  to: Day;
  /** What `reached` and `current` count, in words. */
  basis: { reached: string; current: string; rates: Record<RateKey, string> };
  targets: TargetStanding[];
  /** Money from outside the province, from outside the city, local — counted apart. */
  byOrigin: FunnelGroupView[];
  byUnit: FunnelGroupView[];
  byChain: FunnelGroupView[];
  byTeam: FunnelGroupView[];
  byTownship: FunnelGroupView[];
}

type LeadRow = FunnelLead & { lead: Lead };

/** The funnel's leads of a region as the actor may see them (a reporter its own unit's), with the days they reached each stage. */
async function funnelLeads(db: Db, region: string, actor: Actor): Promise<LeadRow[]> {
  const leads = await listLeads(db, { regionCode: region, unitId: actor.role === 'reporter' ? (actor.unitId ?? '-') : null, townshipCode: region.length === 9 ? region : null });
  const events = await leadEvents(db, leads.map((l) => l.id));
  const progress = await leadProgress(db, leads, events);
  return leads.map((lead) => {
    const p = progress.get(lead.id)!;
    return {
      lead,
      id: lead.id,
      days: p.days,
      terminatedOn: p.terminatedOn,
      intendedAmount: lead.intendedAmount,
      contractedAmount: lead.contractedAmount,
      fundsInPlace: lead.fundsInPlace,
      expectedOutput: lead.expectedOutput,
      actualOutput: lead.actualOutput,
      origin: lead.investorOrigin,
    };
  });
}

/**
 * The funnel of a region's leads for a year as of a day: stages 线索, 洽谈, 签约, 开工, 投产 with `reached` (got to the
 * stage in the year, maybe beyond) and `current` (stand at it on the day), the rates, the county's targets, and the
 * breakdowns. A township or zone code (140423402) gives that place's leads.
 */
export async function attractionFunnel(db: Db, q: FunnelQuery, actor: Actor, now: Date = new Date()): Promise<FunnelReport> {
  if (!coversRegion(actor, q.region)) throw forbidden('无权查看该地区的招商数据');
  if (q.on !== undefined && !isDay(q.on)) throw invalidInput([{ field: 'on', message: '日期应为 YYYY-MM-DD' }]);
  const w = funnelWindow(q.year, q.on ?? cstToday(now));
  const rows = await funnelLeads(db, q.region, actor);
  const figures = funnelFigures(rows, w);
  const county = q.region.slice(0, 6);
  const [region, targets, units] = await Promise.all([findRegion(db, q.region), listAttractionTargets(db, q.region, q.year), listUnits(db, county)]);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const regionName = new Map<string, string>();
  for (const r of rows) if (r.lead.townshipCode && !regionName.has(r.lead.townshipCode)) regionName.set(r.lead.townshipCode, (await findRegion(db, r.lead.townshipCode))?.name ?? r.lead.townshipCode);
  const group = (key: (l: LeadRow) => string | null, label: (k: string) => string): FunnelGroupView[] =>
    funnelBreakdown(rows, w, key).map((g) => ({ ...g, label: g.key === null ? '未填' : label(g.key) }));
  return {
    region: q.region,
    regionName: region?.name ?? q.region,
    year: q.year,
    from: w.from,
    to: w.to,
    ...figures,
    basis: {
      reached: `${w.from}至${w.to}期间到达该阶段（或更进一步）的线索；此前年度已到达的不再计入`,
      current: `本年有变动或年初尚未开工的线索，在${w.to}所处的阶段（注册计入签约，达效计入投产）`,
      rates: RATE_BASIS,
    },
    targets: targetStandings(rows, w, targets, figures.rates.landing),
    byOrigin: group((l) => l.lead.investorOrigin, (k) => INVESTOR_ORIGIN_LABELS[k as keyof typeof INVESTOR_ORIGIN_LABELS] ?? k),
    byUnit: group((l) => l.lead.unitId, (k) => unitName.get(k) ?? k),
    byChain: group((l) => l.lead.chain, (k) => k),
    byTeam: group((l) => l.lead.team, (k) => k),
    byTownship: group((l) => l.lead.townshipCode, (k) => regionName.get(k) ?? k),
  };
}

/** The rates as the command line prints them: fractions, null when there is nothing to divide by. */
export function rateValues(report: FunnelFigures): Record<RateKey, number | null> {
  return Object.fromEntries(RATE_KEYS.map((k) => [k, report.rates[k].value])) as Record<RateKey, number | null>;
}

// ---------------------------------------------------------------------------------------------------------------
// Targets.

export const AttractionTargetsReadSchema = z.object({ region: z.string().regex(/^\d{6}(\d{3})?$/, '应为县或乡镇（园区）代码'), year: yearInput(), text: plainText(500_000, { multiline: true }).min(1, '请粘贴工作报告的文字') }).strict();

/** The attraction targets a work report's text sets for the year, for the user to confirm. */
export function proposeAttractionTargets(input: unknown, actor: Actor): { region: string; year: number; proposals: AttractionTargetProposal[] } {
  const q = parseInput(AttractionTargetsReadSchema, input, { region: '地区', year: '年度', text: '文字' });
  if (!coversRegion(actor, q.region)) throw forbidden('无权设置该地区的目标');
  return { region: q.region, year: q.year, proposals: readAttractionTargets(q.text, { year: q.year }) };
}

const TargetSchema = z.object({
  key: z.enum(ATTRACTION_TARGET_KEYS),
  value: figureInput().min(0, '不能为负数'),
  threshold: yuanAmount().min(0, '不能为负数').nullable().default(null),
  qualifier: z.enum(['atLeast', 'about']).nullable().default(null),
  sourceText: optionalPlainText(2000, { multiline: true }).default(null),
});
export const AttractionTargetsConfirmSchema = z.object({ region: z.string().regex(/^\d{6}(\d{3})?$/), year: yearInput(), targets: z.array(TargetSchema).max(20) }).strict();

/** A region's attraction targets of a year. */
export async function getAttractionTargets(db: Db, q: { region: string; year: number }, actor: Actor): Promise<StoredAttractionTarget[]> {
  if (!coversRegion(actor, q.region)) throw forbidden('无权查看该地区的目标');
  return listAttractionTargets(db, q.region, q.year);
}

/** Sets a region's attraction targets of a year (dispatchers and admins); a target with its words came from a report. */
export async function confirmAttractionTargets(db: Db, input: unknown, actor: Actor, now: Date = new Date()): Promise<StoredAttractionTarget[]> {
  const q = parseInput(AttractionTargetsConfirmSchema, input, { region: '地区', year: '年度', targets: '目标' });
  if (!canCreateProject(actor, q.region.slice(0, 6))) throw forbidden('只有调度员可以设置招商目标');
  const issues = q.targets.flatMap((t, i) => (t.key === 'landingRate' ? (t.value > 1 ? [{ field: `targets.${i}.value`, message: '开工落地率应为0到1之间的小数' }] : []) : Number.isInteger(t.value) ? [] : [{ field: `targets.${i}.value`, message: '项目数和金额应为整数（金额为元）' }]));
  if (issues.length > 0) throw invalidInput(issues);
  await upsertAttractionTargets(
    db,
    q.targets.map((t) => ({ ...t, regionCode: q.region, year: q.year, source: t.sourceText ? 'report' : 'entered' })),
    now.toISOString(),
    actor.userId === 'system' ? null : actor.userId,
  );
  return listAttractionTargets(db, q.region, q.year);
}
