// The pool analysis counts the right projects: planned in the year, not cancelled; started and resumed by month end. Sources quoted in docs/sources.md.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { SYSTEM_ACTOR } from '../../src/domain/access.ts';
import { poolQueryOf, poolSummary } from '../../src/services/pool-summary.ts';
import { initCounty } from '../../src/services/init-county.ts';
import { groupPhaseFigures } from '../../src/domain/pool/pool-analysis.ts';
import { poolPhaseFigures, poolProjectRows } from '../../src/db/repositories/pool.repository.ts';
import { insertLeaders, listUnits } from '../../src/db/repositories/region.repository.ts';
import { newId } from '../../src/db/transaction.ts';
import { addProject, seedCounty, WANGQIAO, ZONE, type CountyFixture } from '../support/factories.ts';
import { openTestDatabase, testDialect } from '../support/test-db.ts';

let h: DatabaseHandle;
let f: CountyFixture;
beforeEach(async () => {
  h = await openTestDatabase();
  f = await seedCounty(h.db);
  const u = f.units;
  // Counted: two continuing, three new.
  await addProject(h.db, { name: '续建一', unitId: u.guhan, chain: '煤焦化', phase: 'continuing', totalInvestment: 1_000_000_000, annualPlan: 300_000_000, resumedOn: '2021-03-01', months: { '2020-12': 99, '2021-02': 10_000_000, '2021-05': 20_000_000, '2021-06': 77 } });
  await addProject(h.db, { name: '续建二', unitId: u.wangqiao, townshipCode: WANGQIAO, chain: '煤焦化', phase: 'continuing', totalInvestment: 500_000_000, annualPlan: 100_000_000, resumedOn: '2021-06-02', months: { '2021-03': 5_000_000 } });
  await addProject(h.db, { name: '新建一', unitId: u.guhan, chain: '新能源', phase: 'newStart', totalInvestment: 300_000_000, annualPlan: 150_000_000, startedOn: '2021-05-31', leaderId: f.leaderId, months: { '2021-04': 1_000_000 } });
  await addProject(h.db, { name: '新建二', unitId: u.drc, townshipCode: ZONE, phase: 'newStart', totalInvestment: 200_000_000, annualPlan: 50_000_000, startedOn: '2021-06-01', stage: 'preparing' });
  await addProject(h.db, { name: '新建三', unitId: u.wangqiao, townshipCode: WANGQIAO, phase: 'newStart', totalInvestment: 100_000_000, annualPlan: 40_000_000, stage: 'preparing' });
  // Not counted: reserve, cancelled, no plan this year, planned in another year.
  await addProject(h.db, { name: '储备', unitId: u.guhan, phase: 'reserve', totalInvestment: 900_000_000, annualPlan: 0, stage: 'planned' });
  await addProject(h.db, { name: '撤销', unitId: u.guhan, phase: 'newStart', totalInvestment: 900_000_000, annualPlan: 10, stage: 'cancelled', months: { '2021-02': 5 } });
  await addProject(h.db, { name: '无计划', unitId: u.guhan, totalInvestment: 900_000_000 });
  await addProject(h.db, { name: '明年', unitId: u.guhan, phase: 'newStart', year: 2022, totalInvestment: 900_000_000, annualPlan: 1 });
});
afterEach(async () => {
  await h.close();
});

describe(`pool by leader with several leaders per project (${testDialect()})`, () => {
  it('counts a project with two 包联领导 under each, so the lines add up to more than the pool', async () => {
    const handle = await openTestDatabase();
    try {
      const f = await seedCounty(handle.db);
      const second = newId();
      await insertLeaders(handle.db, [{ id: second, regionCode: '140423', name: '许波', title: null, sortOrder: 2 }]);
      await addProject(handle.db, { name: '两位领导', unitId: f.units.guhan, phase: 'newStart', totalInvestment: 300_000_000, annualPlan: 100_000_000, startedOn: '2021-03-01', leaderIds: [f.leaderId, second] });
      await addProject(handle.db, { name: '一位领导', unitId: f.units.guhan, phase: 'newStart', totalInvestment: 100_000_000, annualPlan: 50_000_000, leaderIds: [second] });
      const s = await poolSummary(handle.db, { region: '140423', asOf: '2021-05', breakdowns: true }, SYSTEM_ACTOR);
      expect(s.byLeader!.map((r) => [r.label, r.all.count, r.all.totalInvestment, r.newStart.started])).toEqual([['许波', 2, 400_000_000, 1], ['王志强', 1, 300_000_000, 1]]);
      expect(s.all.count).toBe(2);
      const q = { regionCode: '140423', year: 2021, fromMonth: '2021-01', toMonth: '2021-05', endDay: '2021-05-31' };
      expect((await poolPhaseFigures(handle.db, q, 'leader')).reduce((n, r) => n + r.count, 0)).toBe(3);
    } finally {
      await handle.close();
    }
  });
});

describe(`poolSummary (${testDialect()})`, () => {
  it('counts what the pool report counts, and totals are sums of their parts', async () => {
    const s = await poolSummary(h.db, { region: '140423', asOf: '2021-05' }, SYSTEM_ACTOR);
    expect(s.continuing).toMatchObject({ count: 2, totalInvestment: 1_500_000_000, annualPlan: 400_000_000, completedYtd: 35_000_000, resumed: 1, resumeRate: 0.5 });
    expect(s.newStart).toMatchObject({ count: 3, totalInvestment: 600_000_000, annualPlan: 240_000_000, completedYtd: 1_000_000, started: 1 });
    expect(s.newStart.startRate).toBeCloseTo(1 / 3, 12);
    expect(s.all).toMatchObject({ count: 5, totalInvestment: 2_100_000_000, annualPlan: 640_000_000, completedYtd: 36_000_000 });
    expect(s.sentence).toContain('截至5月底，全县拟实施项目共5项，总投资21亿元，年度计划6.4亿元，1-5月份完成投资0.36亿元。');
  });

  it('moves with the as-of month', async () => {
    const s = await poolSummary(h.db, { region: '140423', asOf: '2021-06' }, SYSTEM_ACTOR);
    expect(s.continuing.resumed).toBe(2);
    expect(s.newStart.started).toBe(2);
    expect(s.all.completedYtd).toBe(36_000_077);
  });

  it('breaks down by township, chain, leader and unit, each adding up to the whole', async () => {
    const s = await poolSummary(h.db, { region: '140423', asOf: '2021-05', breakdowns: true }, SYSTEM_ACTOR);
    for (const rows of [s.byTownship, s.byChain, s.byLeader, s.byUnit]) {
      expect(rows!.reduce((n, r) => n + r.all.count, 0)).toBe(s.all.count);
      expect(rows!.reduce((n, r) => n + r.all.totalInvestment, 0)).toBe(s.all.totalInvestment);
      expect(rows!.reduce((n, r) => n + r.all.completedYtd, 0)).toBe(s.all.completedYtd);
    }
    expect(s.byTownship!.map((r) => [r.label, r.all.count])).toEqual([['古韩镇', 2], ['王桥镇', 2], ['襄垣经济技术开发区', 1]]);
    expect(s.byChain!.find((r) => r.label === '未填写')?.all.count).toBe(2);
    expect(s.byLeader!.find((r) => r.label === '王志强')?.all.count).toBe(1);
  });

  it('gives the same figures from one scan grouped in code as from the database’s own aggregates', async () => {
    const q = { regionCode: '140423', year: 2021, fromMonth: '2021-01', toMonth: '2021-05', endDay: '2021-05-31' };
    const projects = await poolProjectRows(h.db, q);
    const sorted = (rows: { phase: string; key: string | null }[]) => [...rows].sort((a, b) => `${a.phase}${a.key}`.localeCompare(`${b.phase}${b.key}`));
    expect(sorted(groupPhaseFigures(projects, (p) => p.township))).toEqual(sorted(await poolPhaseFigures(h.db, q, 'township')));
    expect(sorted(groupPhaseFigures(projects, (p) => p.chain))).toEqual(sorted(await poolPhaseFigures(h.db, q, 'chain')));
    expect(sorted(groupPhaseFigures(projects, (p) => p.leaders))).toEqual(sorted(await poolPhaseFigures(h.db, q, 'leader')));
    const plain = await poolSummary(h.db, { region: '140423', asOf: '2021-05' }, SYSTEM_ACTOR);
    const withBreakdowns = await poolSummary(h.db, { region: '140423', asOf: '2021-05', breakdowns: true }, SYSTEM_ACTOR);
    expect({ all: withBreakdowns.all, continuing: withBreakdowns.continuing, newStart: withBreakdowns.newStart }).toEqual({ all: plain.all, continuing: plain.continuing, newStart: plain.newStart });
  });

  it('breaks a city and a province down by county, each line named (with its city in a province), adding up to the whole', async () => {
    const county = await poolSummary(h.db, { region: '140423', asOf: '2021-05' }, SYSTEM_ACTOR);
    for (const [region, label] of [['140400', '襄垣县'], ['140000', '长治市襄垣县']] as const) {
      const s = await poolSummary(h.db, { region, asOf: '2021-05', breakdowns: true }, SYSTEM_ACTOR);
      // 140425, the fixture's other county, has no project in the pool: no line.
      expect(s.byCounty!.map((r) => [r.key, r.label, r.all.count, r.all.totalInvestment, r.newStart.started])).toEqual([['140423', label, 5, 2_100_000_000, 1]]);
      expect({ all: s.all, continuing: s.continuing, newStart: s.newStart }).toEqual({ all: county.all, continuing: county.continuing, newStart: county.newStart });
      expect(s.byTownship).toBeUndefined();
    }
  });

  it('groups the whole deployment by province, each province the sum of its counties', async () => {
    await initCounty(h.db, { regionCode: '110101', adminPassword: 'Unused-admin-1' });
    const unitId = (await listUnits(h.db, '110101'))[0]!.id;
    await addProject(h.db, { name: '东城一', unitId, phase: 'newStart', totalInvestment: 70_000_000, annualPlan: 7_000_000, months: { '2021-04': 3_000_000 }, fields: { regionCode: '110101', townshipCode: null } });
    const total = (rows: Awaited<ReturnType<typeof poolPhaseFigures>>) =>
      rows.reduce((t, r) => ({ count: t.count + r.count, totalInvestment: t.totalInvestment + r.totalInvestment, completedYtd: t.completedYtd + r.completedYtd }), { count: 0, totalInvestment: 0, completedYtd: 0 });
    const byProvince = await poolPhaseFigures(h.db, poolQueryOf('000000', '2021-05', null), 'province');
    const shanxi = await poolPhaseFigures(h.db, poolQueryOf('140000', '2021-05', null));
    expect([...new Set(byProvince.map((r) => r.key))].sort()).toEqual(['110000', '140000']);
    expect(total(byProvince.filter((r) => r.key === '110000'))).toEqual({ count: 1, totalInvestment: 70_000_000, completedYtd: 3_000_000 });
    expect(total(byProvince.filter((r) => r.key === '140000'))).toEqual(total(shanxi));
    expect(total(shanxi).count).toBe(5);
  });

  it('narrows to a township or zone', async () => {
    const s = await poolSummary(h.db, { region: WANGQIAO, asOf: '2021-05' }, SYSTEM_ACTOR);
    expect(s.all.count).toBe(2);
    expect(s.sentence).toContain('全镇');
  });

  it('gives a reporter its own unit’s figures and refuses another county', async () => {
    const s = await poolSummary(h.db, { region: '140423', asOf: '2021-05' }, f.actors.reporter);
    expect(s.all.count).toBe(2);
    expect(s.unitId).toBe(f.units.guhan);
    expect(s.sentence).toMatch(/^截至5月底，古韩镇人民政府拟实施项目共2项/);
    await expect(poolSummary(h.db, { region: '140423', asOf: '2021-05' }, f.actors.otherCounty)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('refuses a malformed month with the field named', async () => {
    await expect(poolSummary(h.db, { region: '140423', asOf: '2021-5' }, SYSTEM_ACTOR)).rejects.toMatchObject({ code: 'invalid_input', details: [{ field: 'asOf' }] });
  });
});
