// The attraction funnel of a year (seed 001: 洽谈 16 个 149 亿元, 签约 12 个 53.8 亿元, 开工 5 个, 投产 2 个): counts and
// amounts per stage, reached and now-in-stage, the conversion rates, and the county's targets against them.

import type { Yuan } from '../money.ts';
import type { Day } from '../months.ts';
import { amountAt, stageOn, type InvestorOrigin, type LeadStage, type LeadStatus, type StageDays } from './lead.ts';

/** The funnel's five columns; 注册 counts with 签约 and 达效 with 投产. */
export const FUNNEL_STAGES = ['lead', 'negotiating', 'signed', 'started', 'operating'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];
export const FUNNEL_STAGE_LABELS: Record<FunnelStage, string> = { lead: '线索', negotiating: '洽谈', signed: '签约', started: '开工', operating: '投产' };

/** The funnel column a lead's stage falls in. */
export function funnelColumn(stage: LeadStage): FunnelStage {
  if (stage === 'registered') return 'signed';
  if (stage === 'attained') return 'operating';
  return stage;
}

/** What the funnel needs of one lead. */
export interface FunnelLead {
  id: string;
  days: StageDays;
  terminatedOn: Day | null;
  intendedAmount: Yuan;
  contractedAmount: Yuan | null;
  fundsInPlace: Yuan;
  expectedOutput: Yuan | null;
  actualOutput: Yuan | null;
  origin: InvestorOrigin | null;
}

/** The days the funnel is counted over: a year, up to the day judged when the year is not over. */
export interface FunnelWindow {
  from: Day;
  to: Day;
}

export function funnelWindow(year: number, day: Day): FunnelWindow {
  const end = `${year}-12-31`;
  return { from: `${year}-01-01`, to: day < end ? day : end };
}

export interface CountAmount {
  count: number;
  amount: Yuan;
}

export interface FunnelStageFigures {
  stage: FunnelStage;
  /** Leads that reached the stage (or went past it) within the window: a stage reached in an earlier year is not counted again. */
  reached: CountAmount;
  /** Leads of the window standing at the stage on its last day. */
  current: CountAmount;
}

export const RATE_KEYS = ['performance', 'landing', 'production', 'fundsInPlace', 'attainment'] as const;
export type RateKey = (typeof RATE_KEYS)[number];
export const RATE_LABELS: Record<RateKey, string> = {
  performance: '履约率',
  landing: '开工落地率',
  production: '投产率',
  fundsInPlace: '资金到位率',
  attainment: '达效率',
};
/** What each rate divides, in words, so every screen says the same. */
export const RATE_BASIS: Record<RateKey, string> = {
  performance: '本年签约项目中已注册或更进一步（未终止）的比例',
  landing: '本年签约项目中已开工的比例',
  production: '本年开工项目中已投产的比例',
  fundsInPlace: '本年签约项目到位资金占合同投资额',
  attainment: '已投产项目实际年产值占预计年产值',
};

export interface Rate {
  value: number | null;
  numerator: number;
  denominator: number;
}

export interface FunnelFigures {
  stages: FunnelStageFigures[];
  /** Leads of the window terminated within it. */
  terminated: CountAmount;
  rates: Record<RateKey, Rate>;
  /** How many leads the window covers (moved in it, or still open at its start). */
  leads: number;
}

const inWindow = (day: Day | undefined, w: FunnelWindow): boolean => day !== undefined && day >= w.from && day <= w.to;

function dayBefore(day: Day): Day {
  // '2023-01-01' → '2022-12-31' without Date: the window always starts on 1 January.
  return `${Number(day.slice(0, 4)) - 1}-12-31`;
}

/** Whether a lead belongs to the window: it moved in it, or it was still short of 开工 and not terminated when it began. */
export function inFunnelWindow(lead: FunnelLead, w: FunnelWindow): boolean {
  if (Object.values(lead.days).some((d) => inWindow(d, w)) || inWindow(lead.terminatedOn ?? undefined, w)) return true;
  const before = stageOn(lead.days, lead.terminatedOn, dayBefore(w.from));
  return before === 'lead' || before === 'negotiating' || before === 'signed' || before === 'registered';
}

function rate(numerator: number, denominator: number): Rate {
  return { value: denominator === 0 ? null : numerator / denominator, numerator, denominator };
}

const reachedBy = (lead: FunnelLead, stage: LeadStage, day: Day): boolean => lead.days[stage] !== undefined && lead.days[stage]! <= day;

/**
 * The funnel of the leads over a window:
 * - `reached`: leads whose day of reaching the stage (or a later one) lies in the window, with the intended amount
 *   before signing and the contracted amount from signing on;
 * - `current`: the leads of the window (moved in it, or open at its start) by their stage on its last day;
 * - the rates, each over its own base ({@link RATE_BASIS}).
 */
export function funnelFigures(leads: readonly FunnelLead[], w: FunnelWindow): FunnelFigures {
  const scoped = leads.filter((l) => inFunnelWindow(l, w));
  const stages = FUNNEL_STAGES.map((stage): FunnelStageFigures => ({ stage, reached: { count: 0, amount: 0 }, current: { count: 0, amount: 0 } }));
  const byStage = new Map(stages.map((s) => [s.stage, s]));
  const terminated: CountAmount = { count: 0, amount: 0 };
  for (const lead of scoped) {
    for (const stage of FUNNEL_STAGES) {
      if (inWindow(lead.days[stage], w)) {
        const s = byStage.get(stage)!;
        s.reached.count += 1;
        s.reached.amount += amountAt(stage, lead);
      }
    }
    const now: LeadStatus | null = stageOn(lead.days, lead.terminatedOn, w.to);
    if (now === 'terminated') {
      terminated.count += 1;
      terminated.amount += lead.contractedAmount ?? lead.intendedAmount;
    } else if (now !== null) {
      const s = byStage.get(funnelColumn(now))!;
      s.current.count += 1;
      s.current.amount += amountAt(now, lead);
    }
  }

  const signed = scoped.filter((l) => inWindow(l.days.signed, w));
  const honoured = signed.filter((l) => {
    const now = stageOn(l.days, l.terminatedOn, w.to);
    return now !== null && now !== 'terminated' && reachedBy(l, 'registered', w.to);
  });
  const landed = signed.filter((l) => reachedBy(l, 'started', w.to));
  const started = scoped.filter((l) => inWindow(l.days.started, w));
  const producing = started.filter((l) => reachedBy(l, 'operating', w.to));
  const contracted = signed.reduce((s, l) => s + (l.contractedAmount ?? l.intendedAmount), 0);
  const inPlace = signed.reduce((s, l) => s + l.fundsInPlace, 0);
  const operating = scoped.filter((l) => {
    const now = stageOn(l.days, l.terminatedOn, w.to);
    return (now === 'operating' || now === 'attained') && (l.expectedOutput ?? 0) > 0;
  });
  const expected = operating.reduce((s, l) => s + (l.expectedOutput ?? 0), 0);
  const actual = operating.reduce((s, l) => s + (l.actualOutput ?? 0), 0);

  return {
    stages,
    terminated,
    leads: scoped.length,
    rates: {
      performance: rate(honoured.length, signed.length),
      landing: rate(landed.length, signed.length),
      production: rate(producing.length, started.length),
      fundsInPlace: rate(inPlace, contracted),
      attainment: rate(actual, expected),
    },
  };
}

/** One group of a breakdown: its key (a unit id, a chain, a team, an origin) and its own funnel. */
export interface FunnelGroup extends FunnelFigures {
  key: string | null;
}

/** The funnel of each group of leads, in the order the groups are first met; leads without a key form the null group. */
export function funnelBreakdown<L extends FunnelLead>(leads: readonly L[], w: FunnelWindow, keyOf: (lead: L) => string | null): FunnelGroup[] {
  const groups = new Map<string | null, L[]>();
  for (const lead of leads) {
    const key = keyOf(lead);
    const list = groups.get(key);
    if (list) list.push(lead);
    else groups.set(key, [lead]);
  }
  return [...groups.entries()]
    .map(([key, list]) => ({ key, ...funnelFigures(list, w) }))
    .filter((g) => g.leads > 0);
}

// -------------------------------------------------------------------------------------------------------------
// Targets (seed 002: 引进亿元以上项目10个，总投资额达到50亿元以上，签约项目开工落地率达到40%以上).

export const ATTRACTION_TARGET_KEYS = ['signedProjects', 'largeProjects', 'largeInvestment', 'landingRate'] as const;
export type AttractionTargetKey = (typeof ATTRACTION_TARGET_KEYS)[number];
export const ATTRACTION_TARGET_LABELS: Record<AttractionTargetKey, string> = {
  signedProjects: '签约项目数',
  largeProjects: '引进大项目数',
  largeInvestment: '引进大项目总投资',
  landingRate: '签约项目开工落地率',
};

export interface AttractionTarget {
  key: AttractionTargetKey;
  /** A count, an amount in 元, or a fraction for the rate. */
  value: number;
  /** The size a project must reach to count (亿元以上: 100 000 000 元); null for all projects. */
  threshold: Yuan | null;
  qualifier: 'atLeast' | 'about' | null;
}

export interface TargetStanding extends AttractionTarget {
  actual: number | null;
  met: boolean | null;
}

/**
 * Each target against the window's figures: 签约项目数 counts the leads signed in it; 大项目 those of them whose
 * contracted amount reaches the threshold, and their total; 开工落地率 is the funnel's landing rate.
 */
export function targetStandings(leads: readonly FunnelLead[], w: FunnelWindow, targets: readonly AttractionTarget[], landing: Rate): TargetStanding[] {
  const signed = leads.filter((l) => inWindow(l.days.signed, w));
  const size = (l: FunnelLead) => l.contractedAmount ?? l.intendedAmount;
  return targets.map((t) => {
    const large = signed.filter((l) => t.threshold === null || size(l) >= t.threshold);
    let actual: number | null;
    switch (t.key) {
      case 'signedProjects':
        actual = signed.length;
        break;
      case 'largeProjects':
        actual = large.length;
        break;
      case 'largeInvestment':
        actual = large.reduce((s, l) => s + size(l), 0);
        break;
      case 'landingRate':
        actual = landing.value;
        break;
    }
    return { ...t, actual, met: actual === null ? null : actual >= t.value };
  });
}
