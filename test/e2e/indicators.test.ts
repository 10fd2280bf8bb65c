// The indicators dashboard in the browser: 襄垣县 as of 2021年6月 shows, panel by panel, the figures the API computes (value, (sources quoted in docs/sources.md)
// 同比, share of the target against 时序进度, ranks, the monthly need, the forecast); the indicator template's sentences carry the API's
// numbers, each traced to its panel; the zone shows the zone’s half-year report’s published figures; the target reader proposes the 2021 work report's
// targets; a city account sees the city's units ranked; and a 390 px phone stacks the panels without sideways scrolling.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPoints, formatRate } from '../../src/domain/format.ts';
import type { IndicatorCode } from '../../src/domain/indicator/catalogue.ts';
import { shown } from '../../src/domain/indicator/indicator-sentence.ts';
import { DESKTOP, openPage, overflow, PHONE, region, ROOT, shot, signInAt, signInFirstTime, startApp, type E2eApp } from './support.ts';

let app: E2eApp | undefined;
let base = '';
const COUNTY = '140423';
const ZONE = '140423402';
const MONTH = '2021-06';
const WORK_REPORT_TARGETS = '地区生产总值增长8%，固定资产投资增长8.5%，社会消费品零售总额增长10%，一般公共预算收入增长5%，城镇居民、农村居民人均可支配收入分别增长8%和8%以上';

const open = (viewport: { width: number; height: number }) => openPage(app!.browser, viewport);

beforeAll(async () => {
  app = await startApp();
  base = app.base;
});

afterAll(async () => {
  await app?.stop();
});

// The API's shapes, as far as the test reads them.
interface Rank {
  rank: number;
  peerCount: number | null;
}
interface Item {
  indicator: string;
  code: IndicatorCode;
  value: number;
  lastYearValue: number | null;
  target: number | null;
  timeProgressSource: 'linear' | 'planCurve';
  yoy: number | null;
  yoySource: 'official' | 'computed' | null;
  computedYoy: number | null;
  yoyDiffers: boolean;
  targetShare: number | null;
  timeProgress: number;
  progressGap: number | null;
  ranks: { inCity: Rank | null; amongCounties: Rank | null };
  need: { met: boolean; perPeriod: number | null } | null;
  yearForecast: { value: number; yoy: number | null; method: string } | null;
  reasons: Record<string, { code: string; message: string }>;
}
interface Part {
  text: string;
  figure: string;
  indicator: string;
  region: string;
  month: string;
  value: number;
}
interface Sentence {
  kind: string;
  indicator: string;
  text: string;
  parts: Part[];
}

/** A GET of the API from inside the page, with the page's session. */
function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => {
    const res = await fetch(`/api${p}`);
    if (!res.ok) throw new Error(`${p}: HTTP ${res.status}`);
    return (await res.json()) as unknown;
  }, path) as Promise<T>;
}

/** Growth as the page prints it: signed, one decimal, a true minus sign. */
function signed(rate: number): string {
  const text = formatRate(Math.abs(rate));
  return text === '0%' ? text : `${rate > 0 ? '+' : '\u2212'}${text}`;
}

/** The gap to 时序进度 as the page words it. */
function gapWords(gap: number): string {
  const points = formatPoints(gap);
  if (points.startsWith('0个')) return '与时序进度持平';
  return gap > 0 ? `超时序进度${points}` : `低于时序进度${points}`;
}

/**
 * A rate as exact as the API's integers give it (value ÷ target, value ÷ last year's − 1), checked against the API's
 * four-decimal rate: the page rounds once, from these, as the drafted sentences do.
 */
function exact(item: Item): { yoy: number | null; share: number | null; gap: number | null } {
  const share = item.targetShare === null || item.target === null ? null : item.value / item.target;
  if (share !== null) expect(Math.abs(share - item.targetShare!), `${item.indicator} share`).toBeLessThanOrEqual(0.00005);
  const gap = share === null || item.progressGap === null ? item.progressGap : item.timeProgressSource === 'linear' ? share - Number(MONTH.slice(5)) / 12 : item.progressGap;
  if (gap !== null) expect(Math.abs(gap - item.progressGap!), `${item.indicator} gap`).toBeLessThanOrEqual(0.00005);
  const yoy = item.yoySource === 'computed' && item.lastYearValue ? item.value / item.lastYearValue - 1 : item.yoy;
  if (yoy !== null) expect(Math.abs(yoy - item.yoy!), `${item.indicator} yoy`).toBeLessThanOrEqual(0.00005);
  return { yoy, share, gap };
}

/** A sentence's number read back: "14.8%" or "4.1个百分点" is the part's figure at one decimal of a percent. */
function showsRate(text: string, value: number): boolean {
  const n = Number(/[\d.]+/.exec(text)?.[0]);
  return Math.abs(n - Math.abs(value) * 100) <= 0.05 + 0.005 + 1e-9;
}

function figure(panel: Locator, name: string): Locator {
  return panel.locator(`[data-figure="${name}"]`).first();
}

/** Chooses a month in the header's picker, as a clerk types it. */
async function chooseMonth(page: Page, month: string): Promise<void> {
  const picker = page.getByLabel('截至');
  await picker.click();
  await picker.fill(`${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`);
  await picker.press('Enter');
  await page.waitForURL((u) => u.searchParams.get('asOf') === month);
}

/** Opens an antd select by its label and picks an option by its text. */
async function choose(page: Page, scope: Page | Locator, label: string, option: string, search = false): Promise<void> {
  await scope.locator('.ant-select').filter({ has: page.getByRole('combobox', { name: label, exact: true }) }).first().click();
  // The list is virtual: an option below its fold is found by typing.
  if (search) await page.keyboard.type(option);
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
}

async function chooseRegion(page: Page, name: string): Promise<void> {
  await choose(page, page, '地区', name, true);
}

describe('the indicators dashboard at desktop width', () => {
  it('shows 襄垣县 as of 2021年6月 with the API’s figures in every panel, sentences traced to them, and the zone’s half-year report figures', async () => {
    const { context, page } = await open(DESKTOP);
    await signInAt(page, base, 'dispatcher');
    await page.getByRole('menuitem', { name: '经济指标' }).click();
    await page.waitForURL(/\/indicators/);
    await chooseMonth(page, MONTH);

    const api = await apiGet<{ regionName: string; indicators: Item[] }>(page, `/indicators?region=${COUNTY}&asOf=${MONTH}`);
    expect(api.regionName).toBe('襄垣县');
    expect(api.indicators.length).toBeGreaterThanOrEqual(10);
    await expect.poll(() => page.locator('[id^="indicator-panel-"]').count()).toBe(api.indicators.length);

    for (const item of api.indicators) {
      const panel = region(page, item.indicator);
      const label = `${item.indicator}: `;
      const x = exact(item);
      expect(await figure(panel, 'value').innerText(), `${label}value`).toContain(shown(item.code, item.value));
      const yoy = await figure(panel, 'yoy').innerText();
      if (item.yoy === null) expect(yoy, `${label}yoy`).toContain('—');
      else {
        expect(yoy, `${label}yoy`).toContain(signed(x.yoy!));
        expect(yoy, `${label}yoy source`).toContain(item.yoySource === 'official' ? '官方' : '计算');
      }
      if (item.yoyDiffers && item.computedYoy !== null) expect(yoy, `${label}both rates`).toContain(`按数值计算${signed(item.computedYoy)}`);
      const share = await figure(panel, 'targetShare').innerText();
      if (item.targetShare === null) expect(share).toContain('—');
      else {
        expect(share, `${label}share`).toContain(formatRate(x.share));
        expect(share, `${label}time progress`).toContain(`时序进度 ${formatRate(item.timeProgress)}`);
        if (x.gap !== null) expect(share, `${label}gap`).toContain(gapWords(x.gap));
      }
      const city = await figure(panel, 'rankInCity').innerText();
      const counties = await figure(panel, 'rankAmongCounties').innerText();
      if (item.ranks.inCity) expect(city, `${label}rank in city`).toContain(`居全市第${item.ranks.inCity.rank}位`);
      else expect(city).toContain('—');
      if (item.ranks.amongCounties) expect(counties, `${label}rank among counties`).toContain(`${item.ranks.amongCounties.peerCount ?? ''}县(市)第${item.ranks.amongCounties.rank}位`);
      else expect(counties).toContain('—');
      if (item.need?.perPeriod && !item.need.met) expect(await figure(panel, 'need').innerText(), `${label}need`).toContain(shown(item.code, item.need.perPeriod));
      if (item.yearForecast) {
        const forecast = await figure(panel, 'yearForecast').innerText();
        expect(forecast, `${label}forecast`).toContain(shown(item.code, item.yearForecast.value));
        expect(forecast, `${label}method`).toContain(item.yearForecast.method);
      }
    }
    // A money value is never a bare number, a count has its 家.
    expect(await figure(region(page, '固定资产投资'), 'value').innerText()).toMatch(/亿元|万元/);
    expect(await figure(region(page, '新增规上企业数'), 'value').innerText()).toMatch(/\d+家/);

    // The sentences: the API's text, and every number a link carrying the API's part.
    const drafted = await apiGet<{ sentences: Sentence[] }>(page, `/indicators/sentences?region=${COUNTY}&asOf=${MONTH}`);
    const sentences = page.locator('.ind-sentence');
    await expect.poll(() => sentences.count()).toBe(drafted.sentences.length);
    expect(drafted.sentences.some((s) => s.kind === 'standing' && s.text.includes('达到时序进度的只有'))).toBe(true);
    for (const [i, s] of drafted.sentences.entries()) {
      const shownSentence = sentences.nth(i);
      expect((await shownSentence.innerText()).trim()).toBe(s.text);
      const links = shownSentence.locator('.ind-part');
      expect(await links.count()).toBe(s.parts.length);
      for (const [j, part] of s.parts.entries()) {
        const link = links.nth(j);
        expect(await link.innerText()).toBe(part.text);
        expect(await link.getAttribute('data-figure')).toBe(part.figure);
        expect(Number(await link.getAttribute('data-value'))).toBe(part.value);
        if (/yoy|targetShare|qoq|progressGap|yoyAboveTargetGrowth/i.test(part.figure)) expect(showsRate(part.text, part.value), `${s.indicator} ${part.figure} ${part.text} ${part.value}`).toBe(true);
      }
      // The sentence says what the panel says, number for number.
      const item = api.indicators.find((x) => x.code === s.indicator);
      if (s.kind === 'indicator' && item) {
        const panel = region(page, item.indicator);
        const rows: Record<string, string> = { value: 'value', yoy: 'yoy', targetShare: 'targetShare', progressGap: 'targetShare', yoyAboveTargetGrowth: 'targetGrowth', qoq: 'qoq', yearForecast: 'yearForecast', yearForecastYoy: 'yearForecast' };
        for (const part of s.parts.filter((p) => p.figure in rows)) {
          expect(await figure(panel, rows[part.figure]!).innerText(), `${item.indicator} ${part.figure}`).toContain(part.text);
        }
        expect(s.parts.find((p) => p.figure === 'value')?.value).toBe(item.value);
        const yoyPart = s.parts.find((p) => p.figure === 'yoy');
        if (yoyPart) expect(yoyPart.value).toBe(item.yoy);
        const rankPart = s.parts.find((p) => p.figure === 'rankInCity');
        if (rankPart) expect(rankPart.value).toBe(item.ranks.inCity?.rank);
      }
    }

    // Hovering a number names its source and lights the line of the panel it came from.
    const gdpYoy = sentences.first().locator('.ind-part[data-figure="yoy"]');
    await gdpYoy.scrollIntoViewIfNeeded();
    await gdpYoy.hover();
    const tip = page.getByRole('tooltip').filter({ hasText: '数据项' }).last();
    await tip.waitFor();
    const tipText = await tip.innerText();
    for (const words of ['数据项：同比', '指标：地区生产总值', '地区：襄垣县', '月份：2021年6月', `数值：${signed(api.indicators.find((x) => x.code === 'gdp')!.yoy!)}`]) expect(tipText).toContain(words);
    await expect.poll(() => figure(region(page, '地区生产总值'), 'yoy').getAttribute('data-active')).toBe('true');
    // Clicking pins it, so it stays lit after the pointer leaves.
    const invShare = sentences.nth(2).locator('.ind-part[data-figure="targetShare"]');
    await invShare.click();
    await page.mouse.move(2, 2);
    await expect.poll(() => figure(region(page, '工业投资'), 'targetShare').getAttribute('data-active')).toBe('true');

    // The ranking (this account sees its county only: its rank for each indicator) and the townships against 时序进度.
    const ranking = region(page, '全市排名');
    const rankingText = await ranking.innerText();
    for (const item of api.indicators.filter((x) => x.ranks.inCity)) expect(rankingText).toContain(`居全市第${item.ranks.inCity!.rank}位`);
    const standing = await apiGet<{ standings: { indicator: string; ranked: { region: string; rank: number; targetShare: number; standing: string }[] }[] }>(
      page,
      `/indicators/standing?region=${COUNTY}&asOf=${MONTH}`,
    );
    const first = standing.standings[0]!;
    const words = { ahead: '达到', near: '接近', behind: '落后' } as Record<string, string>;
    const standingCard = region(page, '乡镇（园区）对照时序进度');
    for (const row of first.ranked) {
      const shownRow = standingCard.locator(`tr[data-region="${row.region}"]`);
      const cells = await shownRow.getByRole('cell').allInnerTexts();
      expect(cells[0]?.trim()).toBe(String(row.rank));
      expect(cells[2]?.trim()).toBe(formatRate(row.targetShare));
      expect(cells[4]?.trim()).toBe(words[row.standing]);
      expect(await shownRow.getAttribute('data-standing')).toBe(row.standing);
    }
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.mouse.move(2, 2);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'indicators', 'desktop');

    // The zone in 2023: the zone’s half-year report’s published figures, and a figure without a target is a dash with the API's reason.
    await chooseRegion(page, '襄垣经开区');
    await page.waitForURL((u) => u.searchParams.get('region') === ZONE);
    await chooseMonth(page, '2023-06');
    await expect.poll(() => page.locator('.page-sub').innerText()).toContain('襄垣经开区');
    const iva = region(page, '规上工业增加值');
    await expect.poll(() => figure(iva, 'value').innerText()).toContain('44.4亿元');
    expect(await figure(iva, 'yoy').innerText()).toContain('+14.8%');
    const inv = region(page, '工业投资');
    expect(await figure(inv, 'value').innerText()).toContain('10.8亿元');
    expect(await figure(inv, 'yoy').innerText()).toContain('\u221258.3%');
    const zoneApi = await apiGet<{ indicators: Item[] }>(page, `/indicators?region=${ZONE}&asOf=2023-06`);
    const zoneInv = zoneApi.indicators.find((x) => x.code === 'industrial-investment')!;
    expect(zoneInv.targetShare).toBeNull();
    const dash = figure(inv, 'targetShare').locator('.ind-missing');
    expect(await dash.innerText()).toBe('—');
    expect(await dash.getAttribute('data-reason')).toBe(zoneInv.reasons.targetShare!.message);
    await dash.hover();
    await page.getByRole('tooltip').filter({ hasText: zoneInv.reasons.targetShare!.message }).last().waitFor();
    await page.mouse.move(2, 2);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'indicators-zone', 'desktop');
    await context.close();
  });

  it('reads the 2021 work report’s targets from pasted text, confirms them, and takes a typed value', async () => {
    const { context, page } = await open(DESKTOP);
    await signInAt(page, base, 'dispatcher');
    await page.goto(`${base}/indicators?asOf=${MONTH}`);
    await page.getByRole('tab', { name: '目标与数据' }).click();
    const reader = region(page, '从政府工作报告读取目标');
    await reader.getByLabel('报告原文').fill(`今年全县经济社会发展的主要目标是：${WORK_REPORT_TARGETS}。`);
    await reader.getByRole('button', { name: '读取目标' }).click();
    await reader.getByText('读出6项目标').first().waitFor();
    const rows = await reader.locator('tbody tr').allInnerTexts();
    const expected: [string, string][] = [
      ['地区生产总值', '增长8%'],
      ['固定资产投资', '增长8.5%'],
      ['社会消费品零售总额', '增长10%'],
      ['一般公共预算收入', '增长5%'],
      ['城镇居民人均可支配收入', '增长8%'],
      ['农村居民人均可支配收入', '增长8%以上'],
    ];
    for (const [name, target] of expected) expect(rows.some((r) => r.includes(name) && r.includes(target)), `${name} ${target} in ${rows.join(' | ')}`).toBe(true);
    const marks = await reader.locator('mark').allInnerTexts();
    expect(marks).toContain('地区生产总值增长8%');
    expect(marks).toContain('固定资产投资增长8.5%');
    await shot(page, 'indicators-targets', 'desktop');
    await reader.getByRole('button', { name: '确认所选（6项）' }).click();
    await page.getByText('已保存6项目标').waitFor();
    const targets = await apiGet<{ targets: { indicator: string; kind: string; value: number; sourceText: string | null }[] }>(page, `/indicators/targets?region=${COUNTY}&year=2021`);
    const gdp = targets.targets.find((t) => t.indicator === 'gdp');
    expect(gdp).toMatchObject({ kind: 'growth', value: 0.08, sourceText: '地区生产总值增长8%' });

    // A value typed in the form shows on the dashboard: 高新技术企业数 for 2021年6月.
    const entry = region(page, '录入数值');
    await entry.locator('.ant-select').filter({ has: page.getByLabel('指标', { exact: true }) }).first().click();
    await page.keyboard.type('高新技术企业数');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="高新技术企业数"]').click();
    await entry.getByLabel('累计值').fill('31');
    await entry.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存', { exact: true }).waitFor();
    // The year's values sheet goes out and comes back unchanged: the preview finds nothing to write and refuses no row.
    const sheet = region(page, '导入指标数据表');
    const [download] = await Promise.all([page.waitForEvent('download'), sheet.getByRole('button', { name: '下载2021年数据表' }).click()]);
    const file = path.join(os.tmpdir(), `indicators-${Date.now()}.xlsx`);
    await download.saveAs(file);
    await sheet.locator('input[type="file"]').setInputFiles(file);
    await sheet.getByText(/新增0 · 更新0 · 不变\d+ · 有误0/).waitFor();
    await sheet.getByText('没有需要写入的数值').waitFor();
    fs.rmSync(file, { force: true });

    await page.getByRole('tab', { name: '指标看板' }).click();
    await expect.poll(() => figure(region(page, '高新技术企业数'), 'value').innerText()).toContain('31家');
    await context.close();
  });

  it('shows a city account the city’s units ranked by growth, ties sharing a rank', async () => {
    execFileSync('node', ['bin/tiaodu.js', 'user', 'add', '--db', app!.database, '--username', 'city', '--name', '市发改委', '--role', 'viewer', '--region', '140400', '--password', 'Shi-2021-given'], {
      cwd: ROOT,
      stdio: 'pipe',
    });
    const { context, page } = await open(DESKTOP);
    await signInFirstTime(page, base, 'city', 'Shi-2021-given', 'Shi-2021-own');
    await choose(page, page, '县', '襄垣县');
    await page.goto(`${base}/indicators?asOf=${MONTH}`);
    const api = await apiGet<{ indicators: Item[] }>(page, `/indicators?region=${COUNTY}&asOf=${MONTH}`);
    const ranking = region(page, '全市排名');
    for (const [code, name] of [['gdp', '地区生产总值'], ['public-budget-revenue', '一般公共预算收入']] as const) {
      const item = api.indicators.find((x) => x.code === code)!;
      await choose(page, ranking, '指标', name);
      // The last indicator's rows stay while the chosen one loads, so the rows are read once the table is no longer busy,
      // all in one go.
      await ranking.locator('[aria-busy="false"]').waitFor();
      const rows = ranking.locator('tbody tr[data-region]');
      const cellsByRow = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText)));
      expect(cellsByRow).toHaveLength(12);
      const ranks = cellsByRow.map((cells) => Number(cells[0]));
      const growths = cellsByRow.map((cells) => cells[3]!.trim());
      // Competition ranking: equal growth shares a rank, and the next rank skips.
      ranks.forEach((r, i) => expect(r).toBe(i > 0 && growths[i] === growths[i - 1] ? ranks[i - 1] : i + 1));
      const own = await ranking.locator(`tr[data-region="${COUNTY}"]`).getByRole('cell').allInnerTexts();
      expect(Number(own[0]), name).toBe(item.ranks.inCity!.rank);
      expect(own[3]?.trim()).toBe(signed(item.yoy!));
      expect(Number(own[4]), name).toBe(item.ranks.amongCounties!.rank);
    }
    await ranking.scrollIntoViewIfNeeded();
    await shot(page, 'indicators-city-ranking', 'desktop');
    await context.close();
  });
});

describe('the indicators dashboard at phone width', () => {
  it('stacks the panels within 390 px, with the sentences, the rankings and the target reader', async () => {
    const { context, page } = await open(PHONE);
    await signInAt(page, base, 'dispatcher');
    await page.getByRole('button', { name: '菜单' }).click();
    await page.getByRole('menuitem', { name: '经济指标' }).click();
    await page.waitForURL(/\/indicators/);
    await page.goto(`${base}/indicators?asOf=${MONTH}`);
    const panels = page.locator('[id^="indicator-panel-"]');
    await expect.poll(() => panels.count()).toBeGreaterThan(2);
    const a = (await panels.nth(0).boundingBox())!;
    const b = (await panels.nth(1).boundingBox())!;
    expect(Math.abs(a.x - b.x)).toBeLessThan(1);
    expect(b.y).toBeGreaterThan(a.y + a.height - 1);
    expect(a.x + a.width).toBeLessThanOrEqual(PHONE.width);
    await page.locator('.ind-sentence').first().waitFor();
    await region(page, '乡镇（园区）对照时序进度').locator('tbody tr[data-region]').first().waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'indicators', 'phone');

    await page.goto(`${base}/indicators?region=${ZONE}&asOf=2023-06`);
    await expect.poll(() => figure(region(page, '规上工业增加值'), 'value').innerText()).toContain('44.4亿元');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'indicators-zone', 'phone');

    await page.goto(`${base}/indicators?asOf=${MONTH}&tab=manage`);
    await region(page, '从政府工作报告读取目标').getByLabel('报告原文').fill(WORK_REPORT_TARGETS);
    await region(page, '从政府工作报告读取目标').getByRole('button', { name: '读取目标' }).click();
    await page.getByText('读出6项目标').first().waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'indicators-targets', 'phone');
    await context.close();
  });
});
