// 招商引资 in the browser: the funnel page of 襄垣经开区 2023 shows seed 001's figures as the API computes them, reached
// and now-in-stage side by side; a lead's page shows its life with the evidence of each move; both at desktop width
// and within a 390 px phone.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, openPage, overflow, PHONE, region, shot, signInAt, startApp, type E2eApp } from './support.ts';

let app: E2eApp | undefined;

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

interface ApiFunnel {
  stages: { stage: string; reached: { count: number; amount: number }; current: { count: number; amount: number } }[];
  rates: Record<string, number | null>;
}

function apiFunnel(page: Page): Promise<ApiFunnel> {
  return page.evaluate(async () => (await fetch('/api/attraction/funnel?region=140423402&year=2023')).json() as Promise<ApiFunnel>);
}

/** The stage table's rows as the clerk reads them: 阶段, 到达个数, 到达金额, 现处个数, 现处金额. */
async function stageRows(page: Page): Promise<string[][]> {
  const rows = region(page, '招商引资漏斗').locator('tbody tr.ant-table-row');
  await rows.first().waitFor();
  const out: string[][] = [];
  for (const row of await rows.all()) out.push((await row.locator('td').allInnerTexts()).map((s) => s.trim()));
  return out;
}

describe('招商漏斗', () => {
  it('shows seed 001’s funnel of 襄垣经开区 in 2023 as the API computes it, at desktop width', async () => {
    const { context, page } = await openPage(app!.browser, DESKTOP);
    await signInAt(page, app!.base, 'dispatcher');
    await page.getByRole('menuitem', { name: '招商漏斗' }).click();
    await page.waitForURL(/\/attraction/);
    await page.goto(`${app!.base}/attraction?year=2023&region=140423402`);
    const api = await apiFunnel(page);
    const rows = await stageRows(page);
    expect(rows.map((r) => r[0])).toEqual(['线索', '洽谈', '签约', '开工', '投产']);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([['洽谈', '16', '149'], ['签约', '12', '53.8'], ['开工', '5', '18'], ['投产', '2', '46.98']]);
    expect(rows.map((r) => Number(r[3]))).toEqual(api.stages.map((s) => s.current.count));
    await expect.poll(() => page.getByText('开工落地率').first().isVisible()).toBe(true);
    await expect.poll(() => page.locator('body').innerText()).toContain('41.7%');
    await expect.poll(() => page.locator('body').innerText()).toContain('到达：2023-01-01至2023-12-31期间到达该阶段（或更进一步）的线索');
    await shot(page, 'attraction-funnel', 'desktop');
    await context.close();
  });

  it('fits a 390 px phone without sideways scrolling', async () => {
    const { context, page } = await openPage(app!.browser, PHONE);
    await signInAt(page, app!.base, 'dispatcher');
    await page.goto(`${app!.base}/attraction?year=2023&region=140423402`);
    expect((await stageRows(page))[1]).toEqual(['洽谈', '16', '149', '4', '92.4']);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'attraction-funnel', 'phone');
    await context.close();
  });
});

describe('a lead’s page', () => {
  const NAME = '深圳精密数控装备标准化厂房项目';

  it('is reached from the leads ledger and shows the lead’s life, each move with its evidence, at desktop width', async () => {
    const { context, page } = await openPage(app!.browser, DESKTOP);
    await signInAt(page, app!.base, 'dispatcher');
    await page.getByRole('menuitem', { name: '招商线索' }).click();
    await page.waitForURL(/\/leads/);
    await page.getByLabel('搜索项目或投资方').fill('深圳精密');
    await page.getByLabel('搜索项目或投资方').press('Enter');
    await page.getByRole('link', { name: NAME }).click();
    await page.waitForURL(/\/leads\/[0-9a-f-]+$/);
    const life = region(page, '线索历程');
    await expect.poll(() => life.innerText()).toContain('2023-03-16 签约（正式合同）');
    const text = await life.innerText();
    expect(text).toContain('依据：营业执照');
    expect(text).toContain('2023-05-06 开工');
    await expect.poll(() => region(page, '跟进时限').innerText()).toContain('响应登记');
    await shot(page, 'attraction-lead', 'desktop');
    await context.close();
  });

  it('fits a 390 px phone without sideways scrolling', async () => {
    const { context, page } = await openPage(app!.browser, PHONE);
    await signInAt(page, app!.base, 'dispatcher');
    await page.goto(`${app!.base}/leads`);
    await page.getByRole('link', { name: NAME }).click();
    await expect.poll(() => region(page, '线索历程').innerText()).toContain('开工');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'attraction-lead', 'phone');
    await context.close();
  });
});
