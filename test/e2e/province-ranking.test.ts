// A province's database (山西省, every county-level division set up by `init --all-counties`, each with a generated pool)
// serves a city leader of 长治市 the county ranking: the city's counties only, ranked by the share of the annual plan
// completed by June as computed here from the generated rows, with units and period, on a desktop and a 390 px phone;
// and a province leader all 121 counties, each named with its city. It runs on an SQLite file and, when the test cluster
// is there (npm test starts one), on PostgreSQL, the reference deployment of a province.
import { execFileSync } from 'node:child_process';
import type { Insertable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connect.ts';
import type { Database } from '../../src/db/schema.ts';
import { countyCodeOf } from '../../src/domain/region.ts';
import { formatRate } from '../../src/domain/format.ts';
import { SeededRandom } from '../../src/domain/seeded-random.ts';
import { postgresDatabaseTarget } from '../support/test-db.ts';
import { DESKTOP, noSidewaysScroll, openPage, PHONE, region, ROOT, shot, signInAt, signInFirstTime, startApp, type E2eApp } from './support.ts';

const PROVINCE = '140000';
const CITY = '140400';
const AS_OF = '2025-06';
const WAN = 10_000;
/** Two counties of the city generated from one seed: equal shares, one rank. */
const TWINS = ['140426', '140427'];
/** A county of the city with no project in its pool: listed, unranked. */
const EMPTY = '140431';
const GIVEN = 'Shi-2025-given';
const OWN = 'Shi-2025-own';

interface CountyPool {
  code: string;
  name: string;
  /** Its city's name, as a province's list writes it before the county's. */
  city: string;
  count: number;
  plan: number;
  completed: number;
}

const DATABASES = ['sqlite', ...(process.env.TIAODU_TEST_PG_URL ? ['postgres'] : [])] as const;

/** The tiaodu command line on the test's database. */
function cli(database: string, args: string[]): void {
  execFileSync('node', ['bin/tiaodu.js', ...args, '--db', database], { cwd: ROOT, stdio: 'pipe' });
}

/**
 * Writes a pool into every county of the province: projects of 2025 (续建 and 新建, a few cancelled), their annual plans
 * and their months from January to August, and returns each county's pool as of June as counted from those rows.
 */
async function fillProvince(database: string): Promise<CountyPool[]> {
  const { db, close } = await openDatabase(database);
  try {
    const counties = await db
      .selectFrom('region as c')
      .innerJoin('region as p', 'p.code', 'c.parent_code')
      .select(['c.code', 'c.name', 'p.name as city'])
      .where('c.level', '=', 'county')
      .orderBy('c.code')
      .execute();
    const projects: Insertable<Database['project']>[] = [];
    const years: Insertable<Database['project_year']>[] = [];
    const months: Insertable<Database['project_month']>[] = [];
    const out: CountyPool[] = [];
    for (const county of counties) {
      const pool: CountyPool = { code: county.code, name: county.name, city: county.city, count: 0, plan: 0, completed: 0 };
      out.push(pool);
      if (county.code === EMPTY) continue;
      const twin = TWINS.includes(county.code);
      const rng = SeededRandom.of(twin ? 7 : Number(county.code), 16);
      const n = rng.int(15, 40);
      // Counties work at different paces, so some are ahead of 时序进度 by June and some behind.
      const pace = 0.5 + rng.float();
      const countyCode = countyCodeOf(county.code);
      const at = '2025-01-01T00:00:00.000Z';
      for (let i = 0; i < n; i++) {
        const id = `${county.code}-${i}`;
        const cancelled = rng.chance(0.05);
        const continuing = rng.chance(0.6);
        const plan = rng.int(200, 30_000) * WAN;
        projects.push({ id, region_code: county.code, name: `${county.name}项目${i + 1}`, stage: cancelled ? 'cancelled' : 'underway', started_on: continuing ? '2024-04-01' : '2025-03-10', total_investment: plan * 3, completed_before: 0, stats_entry: 'none', version: 1, created_at: at, updated_at: at });
        years.push({ county_code: countyCode, project_id: id, year: 2025, phase: continuing ? 'continuing' : 'newStart', annual_plan: plan, resumed_on: continuing ? '2025-03-01' : null });
        let ytd = 0;
        for (let m = 1; m <= 8; m++) {
          const completed = Math.round(((plan / 12) * pace * 2 * rng.float()) / WAN) * WAN;
          const month = `2025-${String(m).padStart(2, '0')}`;
          months.push({ county_code: countyCode, project_id: id, month, completed, entered_as: 'month' });
          if (month <= AS_OF) ytd += completed;
        }
        if (cancelled) continue;
        pool.count += 1;
        pool.plan += plan;
        pool.completed += ytd;
      }
    }
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < projects.length; i += 1000) await trx.insertInto('project').values(projects.slice(i, i + 1000)).execute();
      for (let i = 0; i < years.length; i += 1000) await trx.insertInto('project_year').values(years.slice(i, i + 1000)).execute();
      for (let i = 0; i < months.length; i += 1000) await trx.insertInto('project_month').values(months.slice(i, i + 1000)).execute();
    });
    return out;
  } finally {
    await close();
  }
}

/** A region's counties in the order the ranking must show them: highest share (at one decimal of a percent) first, equal shares by code. */
function expectedRanking(pools: readonly CountyPool[], prefix: string): (CountyPool & { share: string | null; rank: number | null })[] {
  const inRegion = pools.filter((p) => p.code.startsWith(prefix));
  const withShare = inRegion.map((p) => ({ ...p, share: p.plan > 0 ? formatRate(p.completed / p.plan) : null }));
  const key = (s: string) => Number.parseFloat(s);
  const ranked = withShare.filter((p) => p.share !== null).sort((a, b) => key(b.share!) - key(a.share!) || a.code.localeCompare(b.code));
  const out = ranked.map((p, i) => ({ ...p, rank: i + 1 }));
  // Competition ranking: an equal share takes the rank of the first with it.
  out.forEach((p, i) => {
    if (i > 0 && p.share === out[i - 1]!.share) p.rank = out[i - 1]!.rank;
  });
  return [...out, ...withShare.filter((p) => p.share === null).map((p) => ({ ...p, rank: null }))];
}

const numberOf = (text: string) => Number(text.replace(/,/g, ''));

describe.each(DATABASES)('a city leader on a province database (%s)', (dialect) => {
  let app: E2eApp | undefined;
  let pools: CountyPool[] = [];
  let prepareSeconds = 0;
  let dropDatabase = async () => {};

  beforeAll(async () => {
    const started = performance.now();
    let database: string | undefined;
    if (dialect === 'postgres') {
      const target = await postgresDatabaseTarget();
      database = target.target;
      dropDatabase = target.drop;
    }
    app = await startApp({
      database,
      prepare: async (db) => {
        cli(db, ['init', '--region', PROVINCE, '--all-counties', '--json']);
        cli(db, ['user', 'add', '--username', 'changzhi', '--name', '长治市领导', '--role', 'viewer', '--region', CITY, '--password', GIVEN]);
        cli(db, ['user', 'add', '--username', 'shanxi', '--name', '山西省领导', '--role', 'viewer', '--region', PROVINCE, '--password', GIVEN]);
        pools = await fillProvince(db);
      },
    });
    prepareSeconds = (performance.now() - started) / 1000;
  });

  afterAll(async () => {
    await app?.stop();
    await dropDatabase();
  });

  it('has the province in the database and the city’s counties in it', () => {
    expect(pools.length).toBeGreaterThanOrEqual(117);
    expect(pools.filter((p) => p.code.startsWith('1404'))).toHaveLength(12);
    expect(pools.filter((p) => p.count > 0).length).toBe(pools.length - 1);
    console.info(`${dialect}: province database of ${pools.length} counties, ${pools.reduce((s, p) => s + p.count, 0)} pool projects, app up in ${prepareSeconds.toFixed(1)} s`);
  });

  it('ranks the city’s counties by the share of the annual plan completed, as the generated rows give it', async () => {
    const { context, page } = await openPage(app!.browser, DESKTOP);
    await signInFirstTime(page, app!.base, 'changzhi', GIVEN, OWN);
    await page.goto(`${app!.base}/?asOf=${AS_OF}`);
    await page.getByRole('menuitem', { name: '各县排名' }).click();
    await page.waitForURL((u) => u.pathname === '/county-ranking');
    await page.getByRole('heading', { name: '各县（市、区）项目投资排名' }).waitFor();
    await expect.poll(() => page.getByText('长治市 · 截至 2025年6月').count()).toBe(1);

    const expected = expectedRanking(pools, CITY.slice(0, 4));
    // The data ranks the counties in an order of their own, not the order of their codes.
    expect(expected.map((e) => e.code)).not.toEqual(expected.map((e) => e.code).sort());
    const rows = page.locator('tbody tr[data-region]');
    await expect.poll(() => rows.count()).toBe(12);
    const headers = (await region(page, '各县排名').getByRole('columnheader').allInnerTexts()).map((h) => h.replace(/\s+/g, ''));
    expect(headers).toEqual(['排名', '县（市、区）', '完成年度计划', '较时序进度', '1-6月完成（万元）', '年度计划（万元）', '项目数']);

    const shown: { code: string | null; cells: string[] }[] = [];
    for (const row of await rows.all()) {
      const cells = (await row.getByRole('cell').allInnerTexts()).map((c) => c.trim());
      shown.push({ code: await row.getAttribute('data-region'), cells });
    }
    expect(shown.map((r) => r.cells[1])).toEqual(expected.map((e) => e.name));
    expect(shown.map((r) => r.code)).toEqual(expected.map((e) => e.code));
    expected.forEach((e, i) => {
      const [rank, , share, gap, completed, plan, count] = shown[i]!.cells;
      expect(rank, e.name).toBe(e.rank === null ? '—' : String(e.rank));
      expect(Number(count), e.name).toBe(e.count);
      if (e.share === null) {
        expect(share).toBe('无在库项目');
        return;
      }
      expect(numberOf(plan!), e.name).toBe(e.plan / WAN);
      expect(numberOf(completed!), e.name).toBe(e.completed / WAN);
      expect(share, e.name).toBe(e.share);
      // 时序进度 at the end of June is half the year.
      const points = Number.parseFloat(e.share) - 50;
      expect(gap, e.name).toBe(Math.abs(points) < 0.05 ? '与时序进度持平' : `${points > 0 ? '+' : '−'}${Math.abs(points).toFixed(1).replace(/\.0$/, '')}个百分点`);
    });
    // The twins share a rank; the county without a pool comes last, unranked.
    const twinRanks = shown.filter((r) => TWINS.includes(r.code!)).map((r) => r.cells[0]);
    expect(twinRanks[0]).toBe(twinRanks[1]);
    expect(shown.at(-1)?.code).toBe(EMPTY);

    // Nothing of the other cities: neither their counties nor their projects' money.
    const text = await page.locator('main').innerText();
    expect(text).not.toContain('小店区');
    expect(text).not.toContain('尧都区');

    // The city's total, in 亿元, is the sum of its counties only.
    const cityPlan = expected.reduce((s, p) => s + p.plan, 0);
    const cityCompleted = expected.reduce((s, p) => s + p.completed, 0);
    const card = region(page, '长治市汇总');
    const cardText = await card.innerText();
    expect(cardText).toContain(`${expected.filter((e) => e.count > 0).reduce((s, e) => s + e.count, 0)}项`);
    const [planYi, completedYi] = [...cardText.matchAll(/([\d.]+)亿元/g)].map((m) => Number(m[1]));
    expect(planYi).toBeCloseTo(cityPlan / 1e8, 2);
    expect(completedYi).toBeCloseTo(cityCompleted / 1e8, 2);
    expect(cardText).toContain('1-6月完成投资');
    expect(cardText).toContain(formatRate(cityCompleted / cityPlan));

    await shot(page, `province-ranking-${dialect}`, 'desktop');
    await context.close();
  });

  it('ranks a province’s counties for a province leader, each named with its city', async () => {
    const { context, page } = await openPage(app!.browser, DESKTOP);
    await signInFirstTime(page, app!.base, 'shanxi', GIVEN, OWN);
    await page.goto(`${app!.base}/county-ranking?asOf=${AS_OF}`);
    const rows = page.locator('tbody tr[data-region]');
    await expect.poll(() => rows.count()).toBe(pools.length);
    const expected = expectedRanking(pools, PROVINCE.slice(0, 2));
    const shown = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.trim())));
    // Two cities each have a 城区: the city's name tells them apart, on every line, a pool or not.
    expect(shown.map((cells) => cells[1])).toEqual(expected.map((e) => `${e.city}${e.name}`));
    expect(shown.map((cells) => cells[0])).toEqual(expected.map((e) => (e.rank === null ? '—' : String(e.rank))));
    expect(shown.map((cells) => cells[2])).toEqual(expected.map((e) => e.share ?? '无在库项目'));
    await shot(page, `province-ranking-province-${dialect}`, 'desktop');
    await context.close();
  });

  it('fits a 390 px phone without sideways scrolling', async () => {
    // The desktop test set the account's own password.
    const { context, page } = await openPage(app!.browser, PHONE);
    await signInAt(page, app!.base, 'changzhi', OWN);
    await page.goto(`${app!.base}/county-ranking?asOf=${AS_OF}`);
    await expect.poll(() => page.locator('tbody tr[data-region]').count()).toBe(12);
    await noSidewaysScroll(page, 'the county ranking');
    await shot(page, `province-ranking-${dialect}`, 'phone');
    await context.close();
  });
});
