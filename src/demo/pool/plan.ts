// The plan of the demo pool: every project with its years and months as plain data, the totals exactly the pool report's. Sources quoted in docs/sources.md.

import { YUAN_PER_WAN } from '../../domain/money.ts';
import { monthOfDay, monthRange, type Day, type Month } from '../../domain/months.ts';
import type { ApprovalKind, MonthlyCompletion, ProjectYear, StatsEntryStatus } from '../../domain/project/project.ts';
import { SeededRandom } from '../../domain/seeded-random.ts';
import { DEMO_REGION, DEMO_AS_OF, DEMO_BATCHES, DEMO_YEAR } from '../county.ts';
import { TARGETS, SEED } from './settings.ts';
import { sum, split, nice, niceSplit } from './allocation.ts';
import { dayBetween } from './days.ts';
import { type Spec, type DemoProjectData, demoSpecs } from './specs.ts';
import { type Timeline, timeline } from './timelines.ts';
import { projectCode, issueMonth } from './project-codes.ts';
import { CHAIN_LEADERS, DEMO_LEADERS, PRINCIPALS, TOWN_LEADERS } from './leaders.ts';
import { DEMO_TOWN_CODES } from './types.ts';

// Monthly figures: seasonal weights, January never reported (February carries 1–2月).

export const WEIGHTS_2020: Record<string, number> = {
  '02': 0.3, '03': 0.7, '04': 1.0, '05': 1.1, '06': 1.2, '07': 1.1, '08': 1.1, '09': 1.2, '10': 1.1, '11': 0.8, '12': 0.6,
};
export const WEIGHTS_2021: Record<string, number> = { '02': 0.45, '03': 0.9, '04': 1.2, '05': 1.35 };

/** The months a project reports in a year: from its first working month (February at the earliest) to `last`. */
export function reportMonths(year: number, firstWorking: Day, last: Month): Month[] {
  const from = monthOfDay(firstWorking) < `${year}-02` ? `${year}-02` : monthOfDay(firstWorking);
  return from > last ? [] : monthRange(from, last);
}

export function monthWeights(rng: SeededRandom, months: readonly Month[]): number[] {
  return months.map((m) => {
    const table = m.startsWith('2020') ? WEIGHTS_2020 : WEIGHTS_2021;
    return (table[m.slice(5, 7)] ?? 1) * rng.between(0.7, 1.3);
  });
}

export function sharesOfMonths(months: readonly Month[]): number {
  return sum(months.map((m) => (m.startsWith('2020') ? WEIGHTS_2020 : WEIGHTS_2021)[m.slice(5, 7)] ?? 1));
}


/** Share of the total planned for 2021: small projects finish within the year, large ones spread over several. */
export function planRatio(rng: SeededRandom, s: Spec, total: number, t: Timeline): number {
  const jitter = rng.between(0.8, 1.2);
  if (s.group === 'continuing') {
    if (t.stage === 'operating' || t.stage === 'completed') return rng.between(0.05, 0.18);
    return Math.min(0.6, Math.max(0.12, 0.55 - 0.08 * Math.log(total / 1_000))) * jitter;
  }
  const r = Math.min(1, Math.max(0.15, 0.95 - 0.1 * Math.log(total / 500))) * jitter;
  return t.startedOn ? r : r * 0.5;
}

/**
 * Weights for the generated totals: each keeps its drawn size and the gap to the seed's figure is shared in proportion
 * to size^1.5, so the large projects carry most of it (as they do in a real pool) and a village clinic stays a clinic.
 */
export function totalWeights(target: number, sizes: readonly number[]): number[] {
  const gap = target - sum(sizes);
  if (gap <= 0) return [...sizes];
  const lift = sizes.map((x) => Math.pow(x, 1.5));
  const liftSum = sum(lift);
  return sizes.map((x, i) => x + (gap * lift[i]!) / liftSum);
}

/** Builds the whole demo as data: deterministic, no database needed. */
export function planDemo(): DemoProjectData[] {
  const rng = new SeededRandom(SEED);
  const specs = demoSpecs(rng);

  // Totals: hand-set ones as written, generated ones scaled so each group's total is the pool report's.
  const totals = new Map<Spec, number>();
  for (const s of specs) if (s.fixedTotal !== null) totals.set(s, s.fixedTotal);
  for (const group of ['continuing', 'newStart'] as const) {
    const free = specs.filter((s) => s.group === group && s.fixedTotal === null);
    const fixed = sum(specs.filter((s) => s.group === group && s.fixedTotal !== null).map((s) => s.fixedTotal!));
    const values = niceSplit(
      TARGETS[group].total - fixed,
      totalWeights(TARGETS[group].total - fixed, free.map((s) => s.size)),
      free.map((s) => s.sizeCap),
      free.map(() => 100),
    );
    free.forEach((s, i) => totals.set(s, values[i]!));
  }
  const totalOf = (s: Spec) => totals.get(s)!;

  // A few generated projects have already finished: small new works done within the spring, continuing ones closed out.
  const finishable = specs.filter((s) => s.fixedTotal === null && s.group === 'newStart' && totalOf(s) < 800).slice(0, 3);
  for (const s of finishable) {
    s.stage = 'completed';
    s.startMonth = rng.pick(['2021-03', '2021-04']);
  }
  for (const s of specs.filter((x) => x.fixedTotal === null && x.group === 'continuing' && totalOf(x) < 3_000).slice(0, 2)) s.stage = 'completed';

  const timelines = new Map<Spec, Timeline>(specs.map((s) => [s, timeline(rng, s)]));
  const tl = (s: Spec) => timelines.get(s)!;

  // Annual plans of 2021, exact per group; continuing projects keep room for what they did before.
  const plans = new Map<Spec, number>();
  for (const group of ['continuing', 'newStart'] as const) {
    const list = specs.filter((s) => s.group === group);
    const caps = list.map((s) => {
      const total = totalOf(s);
      if (group === 'newStart') return s.notStarted ? Math.floor(total * 0.5) : total;
      const t = tl(s);
      return t.stage === 'operating' || t.stage === 'completed' ? Math.floor(total * 0.3) : Math.floor(total * 0.85);
    });
    const values = niceSplit(
      TARGETS[group].plan,
      list.map((s) => totalOf(s) * planRatio(rng, s, totalOf(s), tl(s))),
      caps,
      list.map(() => 1),
    );
    list.forEach((s, i) => plans.set(s, values[i]!));
  }
  for (const s of specs.filter((x) => x.group === 'cancelled')) plans.set(s, nice(totalOf(s) * rng.between(0.2, 0.3)));

  // 2021 year-to-date, exact per group, spread over the months each project worked; never above its plan.
  const months2021 = new Map<Spec, Month[]>();
  for (const s of specs) {
    const t = tl(s);
    const first = s.group === 'continuing' ? t.resumedOn : s.group === 'newStart' ? t.startedOn : null;
    if (!first) continue;
    const last = t.suspendedOn ? monthOfDay(t.suspendedOn) : t.completedOn && s.group === 'newStart' ? monthOfDay(t.completedOn) : DEMO_AS_OF;
    months2021.set(s, reportMonths(DEMO_YEAR, first, last));
  }
  const ytd = new Map<Spec, number>();
  for (const group of ['continuing', 'newStart'] as const) {
    const list = specs.filter((s) => s.group === group && (months2021.get(s)?.length ?? 0) > 0);
    const full = sharesOfMonths(monthRange('2021-02', DEMO_AS_OF));
    const weights = list.map((s) => {
      const finishing = tl(s).stage === 'operating' || tl(s).stage === 'completed';
      return plans.get(s)! * (sharesOfMonths(months2021.get(s)!) / full) * (finishing ? 1.6 : rng.between(0.6, 1.4));
    });
    const values = split(TARGETS[group].ytd, weights, list.map((s) => plans.get(s)!));
    list.forEach((s, i) => ytd.set(s, values[i]!));
  }

  const usedCodes = new Set<string>();
  let refusedGiven = false;
  return specs.map((s): DemoProjectData => {
    const t = tl(s);
    const total = totalOf(s);
    const plan = plans.get(s) ?? 0;
    const approval: ApprovalKind = s.approval ?? (s.gov ? 'approval' : 'filing');
    const issued = issueMonth(rng, s, t);
    const withoutCode = issued === null || (s.gov && total < 1_000 && rng.chance(0.4)) || (s.notStarted === 'plain' && rng.chance(0.5));
    const code = withoutCode ? null : projectCode(rng, s, approval, issued, usedCodes);

    const years: ProjectYear[] = [];
    const months: MonthlyCompletion[] = [];
    const enteredAs: MonthlyCompletion['enteredAs'] = s.town === '经开区' ? 'ytd' : 'month';
    let completedBefore = 0;

    if (s.group === 'continuing') {
      const startedOn = t.startedOn!;
      const startYear = Number(startedOn.slice(0, 4));
      const finishing = t.stage === 'operating' || t.stage === 'completed';
      // Work done before 2021: all but this year's plan for a project finishing now, a share of the rest otherwise.
      const room = total - plan;
      const done = finishing ? room : Math.floor(room * Math.min(0.95, 0.35 + 0.12 * (2020 - startYear) + rng.between(0, 0.35)));
      const in2020 = startYear === 2020 ? done : Math.round(done * rng.between(0.3, 0.6));
      completedBefore = done - in2020;
      const plan2020 = Math.max(in2020, Math.min(total - completedBefore, nice(in2020 * rng.between(1.0, 1.3))));
      years.push({
        year: 2020,
        phase: startYear === 2020 ? 'newStart' : 'continuing',
        annualPlan: plan2020 * YUAN_PER_WAN,
        resumedOn: startYear === 2020 ? null : dayBetween(rng, '2020-03-02', '2020-03-31'),
      });
      const m2020 = reportMonths(2020, startYear === 2020 ? startedOn : '2020-02-01', '2020-12');
      split(in2020, monthWeights(rng, m2020)).forEach((v, i) => months.push({ month: m2020[i]!, completed: v * YUAN_PER_WAN, enteredAs }));
      years.push({ year: DEMO_YEAR, phase: 'continuing', annualPlan: plan * YUAN_PER_WAN, resumedOn: t.resumedOn });
    } else if (s.group === 'newStart' || s.group === 'cancelled') {
      years.push({ year: DEMO_YEAR, phase: 'newStart', annualPlan: plan * YUAN_PER_WAN, resumedOn: null });
    } else {
      years.push({ year: DEMO_YEAR, phase: 'reserve', annualPlan: 0, resumedOn: null });
    }
    const m2021 = months2021.get(s) ?? [];
    const ytdValue = ytd.get(s) ?? 0;
    if (m2021.length > 0) {
      split(ytdValue, monthWeights(rng, m2021)).forEach((v, i) => months.push({ month: m2021[i]!, completed: v * YUAN_PER_WAN, enteredAs }));
    }

    // 入库: "先入库，后有数" — projects of 500 万元 and more, entered a month or so after they start.
    let statsEntry: StatsEntryStatus = 'none';
    let notes = s.notes;
    if (total >= 500 && t.startedOn) {
      if (s.group === 'continuing') statsEntry = 'entered';
      else {
        const m = monthOfDay(t.startedOn);
        statsEntry =
          m <= '2021-03' ? 'entered'
          : m === '2021-04' ? rng.weighted([['entered', 0.75], ['submitted', 0.25]] as const)
          : rng.weighted([['entered', 0.1], ['submitted', 0.5], ['preparing', 0.4]] as const);
        if (!refusedGiven && m === '2021-04' && s.fixedTotal === null && total < 3_000) {
          statsEntry = 'refused';
          notes = '施工合同签订主体与备案主体不一致，统计部门不予入库，正在补正材料';
          refusedGiven = true;
        }
      }
    } else if (s.notStarted === 'permit' || s.notStarted === 'land') statsEntry = 'preparing';

    return {
      project: {
        regionCode: DEMO_REGION,
        name: s.name,
        projectCode: code,
        approvalKind: s.group === 'reserve' ? null : approval,
        owner: s.owner,
        townshipCode: s.town ? DEMO_TOWN_CODES[s.town] : null,
        industryCode: s.industry,
        chain: s.chain,
        constructionType: s.construction,
        category: s.category,
        stage: t.stage,
        signedOn: t.signedOn,
        landSuppliedOn: t.landSuppliedOn,
        permitOn: t.permitOn,
        startedOn: t.startedOn,
        suspendedOn: t.suspendedOn,
        completedOn: t.completedOn,
        operatingOn: t.operatingOn,
        totalInvestment: total * YUAN_PER_WAN,
        completedBefore: completedBefore * YUAN_PER_WAN,
        statsEntry,
        keyLevel: null,
        progressNote: null,
        landAreaMu: s.landMu,
        notes,
      },
      leaderName: s.leaderName === undefined ? chooseLeader(rng, s, total) : s.leaderName,
      unitName: s.unitName,
      years,
      months,
      batches: s.batch ? [{ heldOn: DEMO_BATCHES[s.batch.event - 1]!.heldOn, kind: s.batch.kind }] : [],
      fund: s.fund,
    };
  });
}

/** 包联: the chain's leader for most, the town's for many, a principal for the largest; small works often none. */
export function chooseLeader(rng: SeededRandom, s: Spec, total: number): string | null {
  if (total >= 100_000) return s.chain === '精细化工' || s.chain === '新材料' ? PRINCIPALS[0] : PRINCIPALS[1];
  if (total < 1_000 && rng.chance(0.5)) return null;
  const r = rng.float();
  if (r < 0.55) return CHAIN_LEADERS[s.chain];
  if (r < 0.9 && s.town) return TOWN_LEADERS[s.town];
  return rng.pick(DEMO_LEADERS).name;
}
