// The funnel on built data: reached and current per stage with their amounts, every rate over its own base, the
// targets against the year's signings; expected figures worked out by hand from the leads below.
import { describe, expect, it } from 'vitest';
import { funnelBreakdown, funnelFigures, funnelWindow, targetStandings, type FunnelLead } from '../../../src/domain/attraction/funnel.ts';
import { stageDays } from '../../../src/domain/attraction/lead.ts';

const YI = 100_000_000;
const lead = (id: string, receivedOn: string, moves: [string, string][], money: Partial<FunnelLead> = {}, terminatedOn: string | null = null): FunnelLead => ({
  id,
  days: stageDays(receivedOn, moves.map(([stage, on]) => ({ stage: stage as never, on }))),
  terminatedOn,
  intendedAmount: 0,
  contractedAmount: null,
  fundsInPlace: 0,
  expectedOutput: null,
  actualOutput: null,
  origin: 'local',
  ...money,
});

// A: a lead of 2022 still in talks at the start of 2023, signed and started in 2023.
// B: came and was negotiated in 2023, signed on a framework, not started.
// C: signed in 2021, started in 2022, in production in 2023 — counts only at 投产 in 2023.
// D: came in 2023, still a lead.  E: came in 2023, negotiated, ended.  F: in production since 2020: outside 2023.
// G: came in 2023, signed and registered in 2023, then ended.
const LEADS: FunnelLead[] = [
  lead('A', '2022-11-01', [['negotiating', '2022-12-01'], ['signed', '2023-02-01'], ['registered', '2023-03-01'], ['started', '2023-05-01']], { intendedAmount: 3 * YI, contractedAmount: 2 * YI, fundsInPlace: YI / 2, origin: 'outsideProvince' }),
  lead('B', '2023-01-10', [['negotiating', '2023-02-10'], ['signed', '2023-04-10']], { intendedAmount: 5 * YI, contractedAmount: 4 * YI, origin: 'outsideCity' }),
  lead('C', '2021-01-01', [['signed', '2021-03-01'], ['started', '2022-04-01'], ['operating', '2023-03-01']], { intendedAmount: 10 * YI, contractedAmount: 9 * YI, fundsInPlace: 9 * YI, expectedOutput: 20 * YI, actualOutput: 12 * YI }),
  lead('D', '2023-06-01', [], { intendedAmount: YI }),
  lead('E', '2023-02-01', [['negotiating', '2023-03-01']], { intendedAmount: 2 * YI }, '2023-04-01'),
  lead('F', '2019-01-01', [['signed', '2019-03-01'], ['started', '2019-06-01'], ['operating', '2020-06-01']], { intendedAmount: 6 * YI, contractedAmount: 6 * YI, expectedOutput: 10 * YI, actualOutput: 10 * YI }),
  lead('G', '2023-01-05', [['signed', '2023-02-05'], ['registered', '2023-03-05']], { intendedAmount: YI, contractedAmount: YI }, '2023-05-05'),
];

const W = funnelWindow(2023, '2023-06-30');

describe('funnelFigures', () => {
  const f = funnelFigures(LEADS, W);
  const stage = (s: string) => f.stages.find((x) => x.stage === s)!;

  it('counts a stage reached in the window, intended amounts before signing and contracted ones after', () => {
    expect(f.stages.map((s) => [s.stage, s.reached.count, s.reached.amount / YI])).toEqual([
      ['lead', 4, 9], // B 5 + D 1 + E 2 + G 1
      ['negotiating', 3, 8], // B 5, E 2, G (skipped to 签约) 1
      ['signed', 3, 7], // A 2, B 4, G 1
      ['started', 1, 2], // A
      ['operating', 1, 9], // C
    ]);
  });

  it('places the window’s leads at their stage on its last day, ended ones apart, one in production since 2020 not at all', () => {
    expect(f.stages.map((s) => [s.stage, s.current.count, s.current.amount / YI])).toEqual([
      ['lead', 1, 1],
      ['negotiating', 0, 0],
      ['signed', 1, 4],
      ['started', 1, 2],
      ['operating', 1, 9],
    ]);
    expect(f.terminated).toEqual({ count: 2, amount: 3 * YI });
    expect(f.leads).toBe(6);
    expect(stage('operating').reached.count).toBe(1);
  });

  it('computes every rate over its own base', () => {
    // Signed in 2023: A, B, G. Registered or beyond and not ended: A → 1/3. Started: A → 1/3.
    expect(f.rates.performance).toEqual({ value: 1 / 3, numerator: 1, denominator: 3 });
    expect(f.rates.landing).toEqual({ value: 1 / 3, numerator: 1, denominator: 3 });
    // Started in 2023: A, not yet in production → 0/1.
    expect(f.rates.production).toEqual({ value: 0, numerator: 0, denominator: 1 });
    // Funds in place of the year's signings: 0.5 of 2 + 4 + 1 = 7 亿.
    expect(f.rates.fundsInPlace).toEqual({ value: 0.5 / 7, numerator: YI / 2, denominator: 7 * YI });
    // In production at the window's end with an expected output: C (12 of 20 亿).
    expect(f.rates.attainment).toEqual({ value: 0.6, numerator: 12 * YI, denominator: 20 * YI });
  });

  it('says nothing it cannot divide', () => {
    const empty = funnelFigures([LEADS[3]!], W);
    expect(empty.rates.landing.value).toBeNull();
    expect(empty.rates.attainment.value).toBeNull();
  });

  it('stops at the day judged within the year', () => {
    const march = funnelFigures(LEADS, funnelWindow(2023, '2023-03-31'));
    expect(march.stages.find((s) => s.stage === 'signed')!.reached.count).toBe(2); // A and G; B signs in April
    expect(march.rates.landing.value).toBe(0);
  });
});

describe('funnelBreakdown and targetStandings', () => {
  it('splits the funnel by origin: money from outside the province and the city apart', () => {
    const groups = funnelBreakdown(LEADS, W, (l) => l.origin);
    expect(groups.map((g) => [g.key, g.stages.find((s) => s.stage === 'signed')!.reached.amount / YI])).toEqual([
      ['outsideProvince', 2],
      ['outsideCity', 4],
      ['local', 1],
    ]);
  });

  it('holds the year’s signings against the targets: large projects over a threshold, their total, the landing rate', () => {
    const f = funnelFigures(LEADS, W);
    const standings = targetStandings(LEADS, W, [
      { key: 'largeProjects', value: 2, threshold: 2 * YI, qualifier: null },
      { key: 'largeInvestment', value: 5 * YI, threshold: 2 * YI, qualifier: 'atLeast' },
      { key: 'signedProjects', value: 5, threshold: null, qualifier: null },
      { key: 'landingRate', value: 0.4, threshold: null, qualifier: 'atLeast' },
    ], f.rates.landing);
    expect(standings.map((t) => [t.key, t.actual, t.met])).toEqual([
      ['largeProjects', 2, true],
      ['largeInvestment', 6 * YI, true],
      ['signedProjects', 3, false],
      ['landingRate', 1 / 3, false],
    ]);
  });
});
