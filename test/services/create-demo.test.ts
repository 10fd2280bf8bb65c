// The demo county 襄垣县: the pool report's figures computed from the data alone, every project valid, and no second build. Sources quoted in docs/sources.md.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, type Actor } from '../../src/domain/access.ts';
import { isAppError } from '../../src/domain/errors.ts';
import type { BreakdownRow } from '../../src/domain/pool/pool-analysis.ts';
import type { Project, ProjectYear, MonthlyCompletion } from '../../src/domain/project/project.ts';
import { projectProblems } from '../../src/domain/project/validate-project.ts';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { projectBatches, projectFundApplications } from '../../src/db/repositories/batch.repository.ts';
import { findProjectMonths, findProjectYears, listProjects } from '../../src/db/repositories/project.repository.ts';
import { getSetting, listLeaders, listUnits } from '../../src/db/repositories/region.repository.ts';
import { findUserByUsername } from '../../src/db/repositories/user.repository.ts';
import { verifyPassword } from '../../src/services/auth/password.ts';
import { createDemo, DEMO_ACCOUNTS, DEMO_AS_OF, DEMO_REGION, planDemo } from '../../src/demo/create-demo.ts';
import { poolSummary, type PoolSummary } from '../../src/services/pool-summary.ts';
import { loadProjectContext } from '../../src/services/project-context.ts';
import { openTestDatabase } from '../support/test-db.ts';

interface Loaded {
  project: Project;
  years: ProjectYear[];
  months: MonthlyCompletion[];
}

let handle: DatabaseHandle;
let summary: PoolSummary;
let created: { projects: number };
let all: Loaded[];

beforeAll(async () => {
  handle = await openTestDatabase();
  created = await createDemo(handle.db, new Date('2021-06-01T08:00:00Z'));
  summary = await poolSummary(handle.db, { region: DEMO_REGION, asOf: DEMO_AS_OF, breakdowns: true }, SYSTEM_ACTOR);
  const page = await listProjects(handle.db, {
    regionCode: DEMO_REGION, year: 2021, toMonth: DEMO_AS_OF, sort: 'name', order: 'asc', limit: 1_000, offset: 0,
  });
  all = [];
  for (const row of page.rows) {
    all.push({ project: row.project, years: await findProjectYears(handle.db, row.project.id), months: await findProjectMonths(handle.db, row.project.id) });
  }
});

afterAll(async () => {
  await handle?.close();
});

const yearOf = (l: Loaded, year: number) => l.years.find((y) => y.year === year);
const ytdOf = (l: Loaded) => l.months.filter((m) => m.month >= '2021-01' && m.month <= DEMO_AS_OF).reduce((s, m) => s + m.completed, 0);
const inPool = (l: Loaded) => {
  const y = yearOf(l, 2021);
  return !!y && (y.phase === 'continuing' || y.phase === 'newStart') && l.project.stage !== 'cancelled';
};

describe('createDemo', () => {
  it('reproduces the pool figures of the pool report exactly', () => {
    expect(summary.continuing).toMatchObject({
      count: 86, totalInvestment: 18_890_000_000, annualPlan: 4_438_000_000, completedYtd: 1_849_000_000, resumed: 86, resumeRate: 1,
    });
    expect(summary.newStart).toMatchObject({
      count: 143, totalInvestment: 21_390_000_000, annualPlan: 5_900_000_000, completedYtd: 1_590_000_000, started: 136,
    });
    expect(summary.newStart.startRate).toBeCloseTo(136 / 143, 12);
    expect(summary.all).toMatchObject({
      count: 229, totalInvestment: 40_280_000_000, annualPlan: 10_338_000_000, completedYtd: 3_439_000_000,
    });
  });

  it('holds the two batch events of 2021 with their counts', () => {
    expect(summary.batches.map(({ heldOn, title, signed, started, operating }) => ({ heldOn, title, signed, started, operating }))).toEqual([
      { heldOn: '2021-01-01', title: '第一批项目集中开工现场会', signed: 7, started: 3, operating: 4 },
      { heldOn: '2021-03-22', title: '第二批项目集中开工仪式', signed: 3, started: 3, operating: 1 },
    ]);
  });

  it('drafts the sentence of the pool report', () => {
    expect(summary.sentence).toContain('续建（复工）项目86个，总投资188.9亿元，年度计划44.38亿元，复工率100%');
    expect(summary.sentence).toContain('开工率95.1%');
    expect(summary.sentence).toContain('新建项目143个，总投资213.9亿元，年度计划59亿元，目前已开工136项');
    expect(summary.sentence).toContain('1-5月份完成投资34.39亿元');
    expect(summary.sentence).toContain('1月1日举行了第一批项目集中开工现场会，共签约7个，开工3个，投产4个。');
  });

  it('has breakdowns by township, chain, leader and unit that each sum to the whole', () => {
    const sums = (rows: BreakdownRow[] | undefined) => {
      expect(rows?.length).toBeGreaterThan(1);
      const pick = (k: 'all' | 'continuing' | 'newStart') => ({
        count: rows!.reduce((s, r) => s + r[k].count, 0),
        totalInvestment: rows!.reduce((s, r) => s + r[k].totalInvestment, 0),
        annualPlan: rows!.reduce((s, r) => s + r[k].annualPlan, 0),
        completedYtd: rows!.reduce((s, r) => s + r[k].completedYtd, 0),
      });
      return { all: pick('all'), continuing: pick('continuing'), newStart: pick('newStart') };
    };
    const whole = (k: 'all' | 'continuing' | 'newStart') => {
      const { count, totalInvestment, annualPlan, completedYtd } = summary[k];
      return { count, totalInvestment, annualPlan, completedYtd };
    };
    const expected = { all: whole('all'), continuing: whole('continuing'), newStart: whole('newStart') };
    for (const rows of [summary.byTownship, summary.byChain, summary.byLeader, summary.byUnit]) expect(sums(rows)).toEqual(expected);
    // The zone and the towns all carry projects; the chains are the county's own.
    expect(summary.byTownship!.map((r) => r.label)).toEqual(expect.arrayContaining(['襄垣经济技术开发区', '古韩镇', '王桥镇', '侯堡镇', '虒亭镇']));
    expect(summary.byChain!.map((r) => r.label).sort()).toEqual(
      ['煤焦化', '精细化工', '固废综合利用', '装备制造', '新能源', '新材料', '文旅康养', '现代农业', '现代物流', '城乡基础设施', '社会民生'].sort(),
    );
  });

  it('keeps every project within the project rules of the county', async () => {
    const ctx = await loadProjectContext(handle.db, DEMO_REGION);
    expect(all).toHaveLength(created.projects);
    for (const l of all) expect({ name: l.project.name, problems: projectProblems({ ...l.project, years: l.years }, ctx) }).toEqual({ name: l.project.name, problems: [] });
  });

  it('makes data a clerk would believe: money in 万元, milestones in order, figures within totals', () => {
    const names = new Set<string>();
    const codes = new Set<string>();
    for (const { project: p, years, months } of all) {
      const where = p.name;
      expect(names.has(p.name), where).toBe(false);
      names.add(p.name);
      if (p.projectCode) {
        expect(codes.has(p.projectCode), where).toBe(false);
        codes.add(p.projectCode);
      }
      for (const v of [p.totalInvestment, p.completedBefore, ...years.map((y) => y.annualPlan), ...months.map((m) => m.completed)]) {
        expect(v % 10_000, where).toBe(0);
      }
      const milestones = [p.signedOn, p.landSuppliedOn, p.permitOn, p.startedOn].filter((d): d is string => d !== null);
      expect(milestones, where).toEqual([...milestones].sort());
      if (p.completedOn) expect(p.completedOn >= p.startedOn!, where).toBe(true);
      if (p.operatingOn) expect(p.operatingOn >= p.completedOn!, where).toBe(true);
      for (const y of years) expect(y.annualPlan, where).toBeLessThanOrEqual(p.totalInvestment);
      // January is never reported: February carries 1–2月.
      expect(months.filter((m) => m.month.endsWith('-01')), where).toEqual([]);
      const sinceStart = p.completedBefore + months.reduce((s, m) => s + m.completed, 0);
      expect(sinceStart, where).toBeLessThanOrEqual(p.totalInvestment);
      const y2021 = yearOf({ project: p, years, months }, 2021);
      expect(y2021, where).toBeDefined();
      // No figures before the work started.
      if (months.length > 0) expect(p.startedOn !== null && p.startedOn.slice(0, 7) <= months[0]!.month, where).toBe(true);
    }
    const pool = all.filter(inPool);
    const overPlan = pool.filter((l) => ytdOf(l) > yearOf(l, 2021)!.annualPlan);
    expect(overPlan.length).toBeLessThanOrEqual(Math.floor(pool.length / 10));
    expect(codes.size / all.length).toBeGreaterThan(0.75);
  });

  it('keeps the phases apart as the pool counts them', () => {
    const continuing = all.filter((l) => inPool(l) && yearOf(l, 2021)!.phase === 'continuing');
    for (const l of continuing) {
      expect(yearOf(l, 2020), l.project.name).toBeDefined();
      expect(l.months.some((m) => m.month.startsWith('2020')), l.project.name).toBe(true);
      expect(l.project.startedOn! < '2021-01-01', l.project.name).toBe(true);
    }
    const fresh = all.filter((l) => inPool(l) && yearOf(l, 2021)!.phase === 'newStart');
    const notStarted = fresh.filter((l) => !(l.project.startedOn && l.project.startedOn <= '2021-05-31'));
    expect(notStarted).toHaveLength(7);
    for (const l of notStarted) {
      expect(l.project.stage).toBe('preparing');
      expect(l.months).toEqual([]);
    }
    for (const l of fresh) {
      expect(l.months.every((m) => m.month >= '2021-02'), l.project.name).toBe(true);
      if (l.project.startedOn) expect(l.project.startedOn >= '2021-01-01', l.project.name).toBe(true);
    }
    const reserve = all.filter((l) => yearOf(l, 2021)?.phase === 'reserve');
    expect(reserve.length).toBeGreaterThanOrEqual(12);
    for (const l of reserve) {
      expect(l.project.stage).toBe('planned');
      expect(yearOf(l, 2021)!.annualPlan).toBe(0);
      expect(l.months).toEqual([]);
    }
    const cancelled = all.filter((l) => l.project.stage === 'cancelled');
    expect(cancelled).toHaveLength(2);
    for (const l of cancelled) expect(yearOf(l, 2021)!.annualPlan).toBeGreaterThan(0);
  });

  it('ties each batch entry to the project milestone it reports', async () => {
    let entries = 0;
    for (const l of all) {
      for (const b of await projectBatches(handle.db, l.project.id)) {
        entries++;
        const phase = yearOf(l, 2021)!.phase;
        if (b.kind === 'signed') expect(l.project.signedOn).toBe(b.heldOn);
        if (b.kind === 'started') expect([phase, l.project.startedOn]).toEqual(['newStart', b.heldOn]);
        if (b.kind === 'operating') expect([phase, l.project.operatingOn, l.project.stage]).toEqual(['continuing', b.heldOn, 'operating']);
      }
    }
    expect(entries).toBe(21);
  });

  it('carries the fund applications the pool report names', async () => {
    const apps: { name: string; kind: string }[] = [];
    for (const l of all) for (const a of await projectFundApplications(handle.db, l.project.id)) {
      apps.push({ name: l.project.name, kind: a.kind });
      expect(a.amount).toBeLessThanOrEqual(l.project.totalInvestment);
    }
    const names = (kind: string) => apps.filter((a) => a.kind === kind).map((a) => a.name).join('|');
    expect(names('specialBond')).toMatch(/标准化厂房/);
    expect(names('specialBond')).toMatch(/王桥镇污水处理厂/);
    expect(names('specialBond')).toMatch(/朝阳院区/);
    expect(names('centralBudget')).toMatch(/垃圾中转站/);
    expect(names('centralBudget')).toMatch(/仙堂山国家森林公园/);
  });

  it('creates one account per role, each signing in with the demo password', async () => {
    const [units, leaders] = await Promise.all([listUnits(handle.db, DEMO_REGION), listLeaders(handle.db, DEMO_REGION)]);
    expect(leaders.length).toBeGreaterThanOrEqual(10);
    for (const a of DEMO_ACCOUNTS) {
      const u = await findUserByUsername(handle.db, a.username);
      expect(u, a.username).toBeDefined();
      expect(u!.role).toBe(a.role);
      expect(u!.regionCode).toBe(DEMO_REGION);
      expect(await verifyPassword(a.password, u!.passwordHash)).toBe(true);
      if ('unitName' in a) expect(units.find((x) => x.id === u!.unitId)?.name).toBe(a.unitName);
      if ('leaderName' in a) expect(leaders.find((x) => x.id === u!.leaderId)?.name).toBe(a.leaderName);
    }
    expect(await getSetting(handle.db, 'demo')).toBe(DEMO_REGION);
  });

  it('gives each reporter its own unit\'s projects', async () => {
    for (const username of ['reporter', 'reporter-zone']) {
      const u = (await findUserByUsername(handle.db, username))!;
      const actor: Actor = { userId: u.id, role: 'reporter', regionCode: u.regionCode, unitId: u.unitId, leaderId: null };
      const own = await poolSummary(handle.db, { region: DEMO_REGION, asOf: DEMO_AS_OF }, actor);
      expect(own.all.count, username).toBeGreaterThan(5);
      expect(own.all.count, username).toBeLessThan(summary.all.count);
    }
  });

  it('is the same county on every build', () => {
    expect(planDemo()).toEqual(planDemo());
  });

  it('refuses to build the demo a second time', async () => {
    const second = await createDemo(handle.db).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isAppError(second) && second.code).toBe('conflict');
    expect(String((second as Error).message)).toMatch(/已有.*项目/);
    const page = await listProjects(handle.db, {
      regionCode: DEMO_REGION, year: 2021, toMonth: DEMO_AS_OF, sort: 'name', order: 'asc', limit: 1, offset: 0,
    });
    expect(page.total).toBe(created.projects);
  });
});
