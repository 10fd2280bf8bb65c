// The monthly round in the browser, phone first: the dispatcher opens 2021年6月, the reporter of 古韩镇 fills two reports on a
// 390 px phone (one with a photo), one is returned and fixed, both approved, the round closed; the pool's 1-6月 figure moves by
// exactly the amounts reported, and a later correction shows in the project's history and figures.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../src/domain/money.ts';
import { sitePhoto } from './site-photo.ts';
import { apiGet, DESKTOP, fillPicker, noSidewaysScroll, openPage, PHONE, region, shot, signInAt, startApp, type E2eApp } from './support.ts';

let app: E2eApp | undefined;
let base = '';
const COUNTY = '140423';
const MONTH = '2021-06';

/** What the steps hand on to each other: the round, the two reports and the pool before the round. */
const s = {
  roundId: '',
  reports: [] as { id: string; name: string; projectId: string }[],
  poolBefore: 0,
  dashboardBefore: '',
};

// Amounts typed in 万元 and what they are in 元: four decimals of 万元 are whole 元.
const A_TYPED = '123.4567';
const A_YUAN = 1_234_567;
// Report B's first figure is typed in 元 where 万元 were asked: 500 000万元, above any plan, which the review flags.
const B_FIRST = '500000';
const B_FIXED_YUAN = 800_000;
const A_CORRECTED = '130';
const A_CORRECTED_YUAN = 1_300_000;
const RETURN_REASON = '当月完成投资与形象进度不符，请核对';

const open = (viewport: { width: number; height: number }) => openPage(app!.browser, viewport);

beforeAll(async () => {
  app = await startApp();
  base = app.base;
});

afterAll(async () => {
  await app?.stop();
});

async function poolYtd(page: Page): Promise<number> {
  const pool = await apiGet<{ all: { completedYtd: number } }>(page, `/pool?region=${COUNTY}&asOf=${MONTH}`);
  return pool.all.completedYtd;
}

/** The dashboard's 1-6月 figure as the user reads it ("34.39亿元"). */
async function dashboardYtd(page: Page): Promise<string> {
  await page.goto(`${base}/?asOf=${MONTH}`);
  const card = region(page, '1-6月完成投资');
  await expect.poll(() => card.innerText()).toMatch(/亿元/);
  return (await card.innerText()).replace(/^1-6月完成投资\s*/, '').split('\n')[0]!.trim();
}

/** A wall-clock time in 北京时间 some days from now, as the deadline field takes it ("2026-11-26 18:00"). */
function cstDaysFromNow(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000);
  return `${d.toISOString().slice(0, 10)} 18:00`;
}

async function signedIn(viewport: { width: number; height: number }, username: string): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await open(viewport);
  await signInAt(opened.page, base, username);
  return opened;
}

/** The report's card on the reporter's round page. */
function card(page: Page, name: string) {
  return page.locator('a[href^="/reports/"]').filter({ hasText: name });
}

/** The dispatcher's table row of a report. */
function row(page: Page, name: string) {
  return page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
}

describe('the monthly round at phone width', () => {
  it('lets the dispatcher open the 2021年6月 round with a deadline of their own', async () => {
    const { context, page } = await signedIn(DESKTOP, 'dispatcher');
    s.poolBefore = await poolYtd(page);
    s.dashboardBefore = await dashboardYtd(page);
    expect(s.dashboardBefore).toBe(`${formatMoney(s.poolBefore, '亿元')}亿元`);

    await page.getByRole('menuitem', { name: '月报' }).click();
    await page.waitForURL(/\/rounds/);
    await page.getByText('点击“开启月报”').waitFor();
    await page.getByRole('button', { name: '开启月报' }).click();
    await fillPicker(page, '月报月份', MONTH);
    const deadline = cstDaysFromNow(3);
    await fillPicker(page, '截止时间（北京时间）', deadline);
    await page.getByRole('dialog').getByRole('button', { name: '开启' }).click();
    await page.waitForURL(/\/rounds\/[^/]+$/);
    s.roundId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('heading', { name: /2021年6月月报/ }).waitFor();
    const [day] = deadline.split(' ');
    const [y, m, d] = day!.split('-').map(Number);
    expect(await page.locator('.page-sub').innerText()).toContain(`截止 ${y}年${m}月${d}日 18:00（北京时间）`);
    await expect.poll(() => page.getByText(/^共\d+份$/).innerText()).toMatch(/^共2\d\d份$/);
    // Forms nobody has filled in yet carry no checks: the unit simply has not reported.
    expect(await page.getByText('超年度计划').count()).toBe(0);
    await shot(page, 'round-opened', 'desktop');

    await page.goto(`${base}/rounds`);
    await page.getByRole('link', { name: '2021年6月月报' }).waitFor();
    expect(await page.locator('body').innerText()).toContain('2021年6月月报已开启');
    await shot(page, 'rounds', 'desktop');
    await context.close();
  });

  it('lets the reporter fill two projects’ reports on a phone, one with a site photo, and submit them', async () => {
    const { context, page } = await signedIn(PHONE, 'reporter');
    // The dashboard says a round is open and leads to it.
    await page.getByRole('button', { name: '去填报' }).click();
    await page.waitForURL(new RegExp(`/rounds/${s.roundId}$`));
    const links = page.locator('a[href^="/reports/"]');
    await expect.poll(() => links.count()).toBeGreaterThanOrEqual(2);
    await noSidewaysScroll(page, 'the round page');
    await shot(page, 'round-reporter', 'phone');

    for (let i = 0; i < 2; i++) {
      const href = (await links.nth(i).getAttribute('href'))!;
      const name = (await links.nth(i).locator('strong').first().innerText()).trim();
      s.reports.push({ id: href.split('/').pop()!, name, projectId: '' });
    }
    const [a, b] = s.reports as [(typeof s.reports)[number], (typeof s.reports)[number]];

    // Report A: an amount with four decimals, progress, a problem, a photo from the camera.
    await card(page, a.name).click();
    await page.getByRole('heading', { name: a.name }).waitFor();
    const amount = page.getByLabel('当月完成投资', { exact: true });
    await amount.fill('12.34567');
    await page.getByLabel('形象进度').click();
    await page.getByText('万元最多4位小数（即精确到元）').waitFor();
    await amount.fill(A_TYPED);
    await expect.poll(() => page.getByRole('region', { name: '当月完成' }).innerText()).toMatch(new RegExp(`当月完成\\s*${A_TYPED.replace('.', '\\.')}万元`));
    await page.getByLabel('形象进度').fill('主体结构完成，设备进场安装');
    await page.getByLabel('存在问题').fill('施工用电尚未接通');
    await page.locator('input[type="file"]').setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: sitePhoto() });
    await page.getByText('已上传 现场照片.png').waitFor();
    await page.getByRole('img', { name: '现场照片.png' }).waitFor();
    expect(await page.locator('input[type="file"]').getAttribute('capture')).toBe('environment');
    await noSidewaysScroll(page, 'the report form');
    await shot(page, 'report-form', 'phone');
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByText('已提交，等待审核').first().waitFor();
    await page.getByText('已提交：不能修改').waitFor();
    const savedA = await apiGet<{ completedMonth: number; status: string; attachments: unknown[]; problems: { description: string }[]; projectId: string }>(page, `/reports/${a.id}`);
    expect([savedA.status, savedA.completedMonth, savedA.attachments.length, savedA.problems.map((p) => p.description)]).toEqual(['submitted', A_YUAN, 1, ['施工用电尚未接通']]);
    a.projectId = savedA.projectId;
    await shot(page, 'report-submitted', 'phone');

    // Report B: a figure typed in 元 by mistake, submitted straight away.
    await page.getByRole('link', { name: '返回2021年6月月报' }).click();
    await card(page, b.name).click();
    await page.getByRole('heading', { name: b.name }).waitFor();
    await page.getByLabel('当月完成投资', { exact: true }).fill(B_FIRST);
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByText('已提交：不能修改').waitFor();
    b.projectId = (await apiGet<{ projectId: string }>(page, `/reports/${b.id}`)).projectId;

    await page.getByRole('link', { name: '返回2021年6月月报' }).click();
    await expect.poll(() => card(page, a.name).innerText()).toContain('已提交');
    expect(await card(page, b.name).innerText()).toContain('已提交');
    await context.close();
  });

  it('lets the dispatcher return one report with a reason, and refuses to close while one waits for review', async () => {
    const { context, page } = await signedIn(DESKTOP, 'dispatcher');
    const [, b] = s.reports;
    await page.goto(`${base}/rounds/${s.roundId}`);
    await page.getByRole('combobox', { name: '状态' }).click();
    await page.getByTitle('已提交', { exact: true }).click();
    await expect.poll(() => page.getByText(/^共\d+份$/).innerText()).toBe('共2份');
    await shot(page, 'round-review', 'desktop');

    // The check before approval shows as a tag on B's row, its words on hover.
    await row(page, b!.name).getByText('超年度计划').hover();
    await page.getByText(/1-6月累计完成投资.*超过年度计划投资/).first().waitFor();
    await row(page, b!.name).getByRole('button', { name: '退回' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '退回' }).click();
    await page.getByText('请填写退回原因').waitFor();
    await page.getByRole('dialog').getByLabel('退回原因').fill(RETURN_REASON);
    await page.getByRole('dialog').getByRole('button', { name: '退回' }).click();
    await expect.poll(() => page.getByText(/^共\d+份$/).innerText()).toBe('共1份');

    await page.getByRole('button', { name: '关闭月报' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '关闭月报' }).click();
    await page.getByRole('alert').filter({ hasText: '尚有1份月报已提交、待审核' }).first().waitFor();
    expect(await page.locator('.page-title').innerText()).toContain('填报中');
    await context.close();
  });

  it('shows the reporter the reason in red, and takes the fix as a year-to-date figure', async () => {
    const { context, page } = await signedIn(PHONE, 'reporter');
    const [, b] = s.reports;
    await page.goto(`${base}/rounds/${s.roundId}`);
    const returned = card(page, b!.name);
    await expect.poll(() => returned.innerText()).toContain(`退回原因：${RETURN_REASON}`);
    expect(await returned.getByText(`退回原因：${RETURN_REASON}`).evaluate((el) => getComputedStyle(el).color)).toMatch(/rgb\(255, 77, 79\)/);
    await shot(page, 'round-returned', 'phone');

    await returned.click();
    await page.getByText('已退回，请修改后重新提交').waitFor();
    // Only the year-to-date is known: 1-6月 = the months before plus 80万元 this month.
    const before = await apiGet<{ figures: { month: number; ytd: number } }>(page, `/reports/${b!.id}`);
    const ytd = before.figures.ytd - before.figures.month + B_FIXED_YUAN;
    await page.getByRole('switch', { name: '只知道累计数' }).click();
    const field = page.getByLabel('1-6月累计完成投资', { exact: true });
    await field.fill(formatMoney(ytd, '万元', 4));
    await expect.poll(() => page.getByRole('region', { name: '当月完成' }).innerText()).toMatch(/当月完成\s*80万元/);
    await noSidewaysScroll(page, 'the returned report');
    await shot(page, 'report-returned', 'phone');
    await page.getByRole('button', { name: '重新提交' }).click();
    await page.getByText('已提交：不能修改').waitFor();
    const after = await apiGet<{ status: string; completedMonth: number; enteredAs: string; enteredYtd: number }>(page, `/reports/${b!.id}`);
    expect(after).toMatchObject({ status: 'submitted', completedMonth: B_FIXED_YUAN, enteredAs: 'ytd', enteredYtd: ytd });
    await context.close();
  });

  it('lets the dispatcher approve one report and the rest of the unit, read who reported, and close the round', async () => {
    const { context, page } = await signedIn(DESKTOP, 'dispatcher');
    const [a] = s.reports;
    await page.goto(`${base}/rounds/${s.roundId}`);
    await page.getByRole('combobox', { name: '状态' }).click();
    await page.getByTitle('已提交', { exact: true }).click();
    await expect.poll(() => page.getByText(/^共\d+份$/).innerText()).toBe('共2份');
    await row(page, a!.name).getByRole('button', { name: '通过' }).click();
    await expect.poll(() => page.getByText(/^共\d+份$/).innerText()).toBe('共1份');

    await page.getByRole('tab', { name: '填报情况' }).click();
    const guhan = page.getByRole('row').filter({ hasText: '古韩镇人民政府' });
    await guhan.getByRole('button', { name: /整单位通过/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '通过' }).click();
    await page.getByText('古韩镇人民政府：已通过1份月报').waitFor();
    await expect.poll(async () => (await guhan.getByRole('cell').allInnerTexts())[3]).toBe('2');
    const cells = await guhan.getByRole('cell').allInnerTexts();
    // 单位, 应报, 已报, 通过, 退回, 逾期, 未报, 待报, 按时率 — the deadline has not passed, so no rate yet.
    expect(cells.slice(2, 9)).toEqual(['2', '2', '0', '0', '0', String(Number(cells[1]) - 2), '—']);
    expect(await page.getByRole('row').filter({ hasText: '合计' }).count()).toBe(1);
    await shot(page, 'round-scoreboard', 'desktop');

    await page.getByRole('button', { name: '关闭月报' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '关闭月报' }).click();
    await page.getByText('2021年6月月报已关闭').first().waitFor();
    await expect.poll(() => page.locator('.page-title').innerText()).toContain('已关闭');

    // Exactly the amounts reported reach the pool: in 元 from the API, and in 亿元 on the dashboard.
    const after = await poolYtd(page);
    expect(after - s.poolBefore).toBe(A_YUAN + B_FIXED_YUAN);
    const shown = await dashboardYtd(page);
    expect(shown).toBe(`${formatMoney(after, '亿元')}亿元`);
    expect(shown).not.toBe(s.dashboardBefore);
    await shot(page, 'dashboard-after-round', 'desktop');
    await context.close();
  });

  it('takes a correction after the lock: asked by the reporter, approved by the dispatcher, seen in the history and the figures', async () => {
    const reporter = await signedIn(PHONE, 'reporter');
    const [a] = s.reports;
    await reporter.page.goto(`${base}/reports/${a!.id}`);
    await reporter.page.getByText('本月月报已关闭').first().waitFor();
    await reporter.page.getByRole('button', { name: '申请更正' }).click();
    const dialog = reporter.page.getByRole('dialog');
    await dialog.getByLabel('更正后的当月完成投资').fill(A_CORRECTED);
    await dialog.getByLabel('更正原因').fill('漏报设备款');
    await dialog.getByRole('button', { name: '提交' }).click();
    await reporter.page.getByText('已提交更正申请，等待调度员审核').waitFor();
    await reporter.page.getByText('待审核', { exact: true }).waitFor();
    expect(await reporter.page.locator('body').innerText()).toContain(`${A_TYPED}万元 → ${A_CORRECTED}万元`);
    await noSidewaysScroll(reporter.page, 'the approved report');
    await shot(reporter.page, 'report-correction', 'phone');

    const { context, page } = await signedIn(DESKTOP, 'dispatcher');
    const before = await poolYtd(page);
    await page.goto(`${base}/rounds`);
    const queue = page.getByRole('row').filter({ hasText: a!.name });
    await queue.getByRole('button', { name: '同意', exact: true }).click();
    await page.getByText(`${a!.name}：已审核`).waitFor();
    expect(await poolYtd(page)).toBe(before + A_CORRECTED_YUAN - A_YUAN);

    await page.goto(`${base}/projects/${a!.projectId}?asOf=${MONTH}`);
    await page.getByRole('heading', { name: a!.name }).waitFor();
    await expect.poll(() => page.locator('body').innerText()).toContain('修改了2021年6月完成投资');
    const body = await page.locator('body').innerText();
    expect(body).toMatch(new RegExp(`${A_TYPED.replace('.', '\\.')}万元\\s*→\\s*${A_CORRECTED}万元`));
    expect(body).toContain('更正：漏报设备款');
    const months = await page.getByRole('row').filter({ hasText: '2021年6月' }).first().innerText();
    expect(months).toContain(A_CORRECTED);
    await shot(page, 'project-corrected', 'desktop');

    await reporter.page.reload();
    await reporter.page.getByText('已同意', { exact: true }).waitFor();
    expect(await reporter.page.getByRole('region', { name: '当月完成' }).innerText()).toMatch(new RegExp(`当月完成\\s*${A_CORRECTED}万元`));
    await reporter.context.close();
    await context.close();
  });

  it('keeps every round page within 390 px for the dispatcher too', async () => {
    const { context, page } = await signedIn(PHONE, 'dispatcher');
    await page.goto(`${base}/rounds`);
    await page.getByRole('link', { name: '2021年6月月报' }).waitFor();
    await noSidewaysScroll(page, 'the rounds page');
    await shot(page, 'rounds', 'phone');
    await page.goto(`${base}/rounds/${s.roundId}`);
    await page.getByText(/^共\d+份$/).waitFor();
    await noSidewaysScroll(page, 'the dispatcher’s round page');
    await shot(page, 'round-dispatcher', 'phone');
    await page.getByRole('tab', { name: '填报情况' }).click();
    await page.getByRole('row').filter({ hasText: '合计' }).waitFor();
    await noSidewaysScroll(page, 'the scoreboard');
    await shot(page, 'round-scoreboard', 'phone');
    await page.goto(`${base}/reports/${s.reports[1]!.id}`);
    await page.getByRole('heading', { name: s.reports[1]!.name }).waitFor();
    await noSidewaysScroll(page, 'a report read by the dispatcher');
    await context.close();
  });

  it('shows a leader who reported, read-only', async () => {
    const { context, page } = await signedIn(PHONE, 'leader');
    await page.goto(`${base}/rounds/${s.roundId}`);
    await page.getByRole('tab', { name: '填报情况' }).click();
    const guhan = page.getByRole('row').filter({ hasText: '古韩镇人民政府' });
    await expect.poll(async () => (await guhan.getByRole('cell').allInnerTexts()).slice(2, 4)).toEqual(['2', '2']);
    await page.getByRole('row').filter({ hasText: '合计' }).waitFor();
    expect(await page.getByRole('button', { name: /整单位通过|关闭月报/ }).count()).toBe(0);
    expect(await page.getByRole('tab', { name: '更正申请' }).count()).toBe(0);
    await noSidewaysScroll(page, 'the leader’s scoreboard');
    await context.close();
  });
});
