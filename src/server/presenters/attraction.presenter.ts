// Attraction objects as the API and the command line print them: the funnel with its stages in order (线索, 洽谈,
// 签约, 开工, 投产), rates as fractions rounded once, targets keyed by name; a lead with its stage in words.

import { ATTRACTION_TARGET_LABELS, FUNNEL_STAGE_LABELS, RATE_KEYS, RATE_LABELS, type FunnelFigures } from '../../domain/attraction/funnel.ts';
import { jsonRate } from '../../domain/format.ts';
import type { FunnelGroupView, FunnelReport } from '../../services/attraction/funnel.ts';
import type { LeadView } from '../../services/attraction/leads.ts';

function presentFigures(f: FunnelFigures) {
  return {
    stages: f.stages.map((s) => ({ stage: FUNNEL_STAGE_LABELS[s.stage], code: s.stage, reached: s.reached, current: s.current })),
    terminated: f.terminated,
    leads: f.leads,
    rates: Object.fromEntries(RATE_KEYS.map((k) => [k, jsonRate(f.rates[k].value)])) as Record<(typeof RATE_KEYS)[number], number | null>,
    rateDetails: Object.fromEntries(RATE_KEYS.map((k) => [k, { label: RATE_LABELS[k], numerator: f.rates[k].numerator, denominator: f.rates[k].denominator }])) as Record<(typeof RATE_KEYS)[number], { label: string; numerator: number; denominator: number }>,
  };
}

const presentGroups = (groups: readonly FunnelGroupView[]) => groups.map((g) => ({ key: g.key, label: g.label, ...presentFigures(g) }));

export function presentFunnel(r: FunnelReport) {
  return {
    region: r.region,
    regionName: r.regionName,
    year: r.year,
    from: r.from,
    to: r.to,
    ...presentFigures(r),
    basis: r.basis,
    targets: Object.fromEntries(
      r.targets.map((t) => [t.key, { label: ATTRACTION_TARGET_LABELS[t.key], target: t.key === 'landingRate' ? jsonRate(t.value) : t.value, threshold: t.threshold, qualifier: t.qualifier, actual: t.key === 'landingRate' ? jsonRate(t.actual) : t.actual, met: t.met }]),
    ) as Record<string, { label: string; target: number | null; threshold: number | null; qualifier: string | null; actual: number | null; met: boolean | null }>,
    byOrigin: presentGroups(r.byOrigin),
    byUnit: presentGroups(r.byUnit),
    byChain: presentGroups(r.byChain),
    byTeam: presentGroups(r.byTeam),
    byTownship: presentGroups(r.byTownship),
  };
}

export function presentLeadView(v: LeadView) {
  const { version, createdAt: _c, ...lead } = v.lead;
  return {
    ...lead,
    version,
    status: v.stage,
    leaders: v.leaders,
    days: v.days,
    terminatedOn: v.terminatedOn,
    amount: v.amount,
    timers: v.timers,
    overdue: v.overdue,
  };
}
