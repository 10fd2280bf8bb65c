// 入库 in the browser: the menu leads to 开工未入库, whose colour counts are the server's; a reporter sees its own
// unit's projects only, on a phone without sideways scrolling.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, openPage, overflow, PHONE, region, shot, signInAt, startApp, type E2eApp } from './support.ts';

let app: E2eApp | undefined;
const s = { countyTotal: 0 };

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

interface Unentered {
  counts: Record<'total' | 'red' | 'yellow' | 'green', number>;
  rows: { name: string; unitId: string | null }[];
}

async function unentered(page: Page): Promise<Unentered> {
  return page.evaluate(async () => {
    const res = await fetch('/api/stats-entry/unentered?region=140423&asOf=2021-05&pageSize=200');
    return (await res.json()) as Unentered;
  });
}

describe('开工未入库', () => {
  it('is reached from the menu and shows the server’s colour counts', async () => {
    const { context, page } = await openPage(app!.browser, DESKTOP);
    await signInAt(page, app!.base, 'dispatcher');
    await page.getByRole('menuitem', { name: '开工未入库' }).click();
    await page.waitForURL(/\/stats-entry/);
    const expected = await unentered(page);
    expect(expected.counts.total).toBeGreaterThan(0);
    s.countyTotal = expected.counts.total;
    for (const [colour, label] of [['red', '红灯'], ['yellow', '黄灯'], ['green', '绿灯']] as const) {
      await expect.poll(() => region(page, label).innerText()).toContain(`${expected.counts[colour]}项`);
    }
    await page.getByRole('link', { name: expected.rows[0]!.name, exact: true }).first().waitFor();
    await shot(page, 'stats-entry', 'desktop');
    await context.close();
  });

  it('shows a reporter its own unit’s projects only, within a phone’s width', async () => {
    const { context, page } = await openPage(app!.browser, PHONE);
    await signInAt(page, app!.base, 'reporter');
    await page.goto(`${app!.base}/stats-entry`);
    const mine = await unentered(page);
    // 古韩镇 has some of the county's started projects not yet entered: all of one unit, fewer than the county's.
    expect(mine.counts.total).toBeGreaterThan(0);
    expect(new Set(mine.rows.map((r) => r.unitId)).size).toBe(1);
    expect(mine.counts.total).toBeLessThan(s.countyTotal);
    for (const [colour, label] of [['yellow', '黄灯'], ['green', '绿灯']] as const) {
      await expect.poll(() => region(page, label).innerText()).toContain(`${mine.counts[colour]}项`);
    }
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'stats-entry', 'phone');
    await context.close();
  });
});
