// The demo's attraction, from its leads alone: seed 001's funnel of 襄垣经开区 in 2023, seed 002's targets read from
// its own words, the 2021 signed batch projects followed through their leads, and the pool's batch figures unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/domain/access.ts';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { batchCounts } from '../../src/db/repositories/pool.repository.ts';
import { attractionFunnel } from '../../src/services/attraction/funnel.ts';
import { listBatches } from '../../src/services/attraction/batches.ts';
import { createDemo } from '../../src/demo/create-demo.ts';
import { presentFunnel } from '../../src/server/presenters/attraction.presenter.ts';
import { openTestDatabase, testDialect } from '../support/test-db.ts';

let h: DatabaseHandle;
const NOW = new Date('2026-12-06T02:00:00Z');
const YI = 100_000_000;

beforeAll(async () => {
  h = await openTestDatabase();
  await createDemo(h.db, NOW);
});
afterAll(async () => {
  await h.close();
});

describe(`the demo’s attraction (${testDialect()})`, () => {
  it('prints seed 001’s funnel for 襄垣经开区 in 2023: 洽谈 16 个 149 亿元, 签约 12 个 53.8 亿元, 开工 5 个 18 亿元, 投产 2 个 46.98 亿元', async () => {
    const f = presentFunnel(await attractionFunnel(h.db, { region: '140423402', year: 2023, on: '2023-06-30' }, SYSTEM_ACTOR, NOW));
    expect(f.stages.slice(1).map((s) => [s.stage, s.reached.count, s.reached.amount / YI])).toEqual([
      ['洽谈', 16, 149], ['签约', 12, 53.8], ['开工', 5, 18], ['投产', 2, 46.98],
    ]);
    // The 5 标准化厂房 of 深圳 are money from outside the province: 18 亿元 of the 53.8 signed.
    const outside = f.byOrigin.find((g) => g.key === 'outsideProvince')!;
    expect(outside.stages.find((s) => s.stage === '开工')!.reached).toEqual({ count: 5, amount: 18 * YI });
    expect(f.rates.landing).toBe(0.4167);
  });

  it('holds 2021 against seed 002’s targets, read from the report’s words: 亿元以上项目10个, 50亿元, 开工落地率40%', async () => {
    const f = presentFunnel(await attractionFunnel(h.db, { region: '140423', year: 2021 }, SYSTEM_ACTOR, NOW));
    expect(Object.fromEntries(Object.entries(f.targets).map(([k, t]) => [k, [t.target, t.threshold]]))).toEqual({
      largeProjects: [10, YI], largeInvestment: [50 * YI, YI], landingRate: [0.4, null],
    });
    // The projects signed at 2021's two batch events came from leads: the funnel follows them to 开工 through the pool.
    const signed = f.stages.find((s) => s.stage === '签约')!.reached.count;
    expect(signed).toBe(11);
    expect(f.targets.landingRate!.met).toBe(true);
  });

  it('leaves the pool’s batch figures as seed 000 gives them, and numbers the events', async () => {
    expect((await batchCounts(h.db, '140423', 2021)).map((b) => [b.heldOn, b.signed, b.started, b.operating])).toEqual([
      ['2021-01-01', 7, 3, 4],
      ['2021-03-22', 3, 3, 1],
    ]);
    const { batches } = await listBatches(h.db, { region: '140423', year: null, on: '2023-06-30' }, SYSTEM_ACTOR, NOW);
    expect(batches.map((b) => [b.heldOn, b.edition, b.followUp.categories.signed.count, b.followUp.categories.started.count, b.followUp.categories.operating.count])).toEqual([
      ['2021-01-01', 1, 7, 3, 4],
      ['2021-03-22', 2, 3, 3, 1],
      ['2023-06-16', 2, 4, 5, 2],
    ]);
    expect(batches[2]!.followUp.categories.started.totalInvestment).toBe(18 * YI);
  });
});
