// Text typed as markup stays text in a real browser: a 产业链 set to `<img src=x onerror=…>` shows as those characters
// in the dashboard chart's tooltip, builds no element and runs nothing — escaped by the client, and refused again by
// the Content-Security-Policy if it ever were not.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, openPage, SHOTS, signInAt, startApp, type E2eApp } from './support.ts';

let app: E2eApp | undefined;

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

const PAYLOAD = '<img src=x onerror=alert(1)>';

describe('a chain named as markup', () => {
  it('shows in the dashboard tooltip as its characters, with no script run', async () => {
    const { context, page } = await openPage(app!.browser, DESKTOP);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await signInAt(page, app!.base, 'dispatcher');
    // A policy the page broke would be the second line of defence at work: the first must already hold.
    await page.evaluate(() => document.addEventListener('securitypolicyviolation', (e) => ((window as unknown as { __violations: string[] }).__violations ??= []).push(e.violatedDirective)));

    // Forty projects on the payload's chain, through the API as the client calls it (same origin, the session's cookie).
    const changed = await page.evaluate(async (chain) => {
      const list = (await (await fetch('/api/projects?region=140423&asOf=2021-06&pageSize=40')).json()) as { rows: { project: { id: string } }[] };
      const refused: string[] = [];
      for (const { project: { id } } of list.rows) {
        const res = await fetch(`/api/projects/${id}`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ chain }) });
        if (!res.ok) refused.push(`${res.status} ${await res.text()}`);
      }
      return { listed: list.rows.length, refused };
    }, PAYLOAD);
    expect(changed).toEqual({ listed: 40, refused: [] });

    await page.goto(`${app!.base}/?asOf=2021-06`);
    const chart = page.getByRole('img', { name: '分产业链总投资占比' });
    await chart.scrollIntoViewIfNeeded();
    await page.waitForTimeout(1_200);
    const box = (await chart.boundingBox())!;
    // Around the ring (centre at 38 % across, radii 35–68 % of half the height) until the payload's slice answers.
    const r = ((0.35 + 0.68) / 2) * (Math.min(box.width, box.height) / 2);
    let tip = '';
    for (let deg = 0; deg < 360 && !tip.includes('onerror'); deg += 6) {
      const a = (deg * Math.PI) / 180;
      await page.mouse.move(box.x + box.width * 0.38 + r * Math.sin(a), box.y + box.height / 2 - r * Math.cos(a));
      await page.waitForTimeout(120);
      tip = await chart.innerText();
    }
    await page.screenshot({ path: path.join(SHOTS, 'script-injection-tooltip-desktop.png') });
    expect(tip).toContain(PAYLOAD);
    expect(tip).toMatch(/总投资 [\d.]+亿元/);
    expect(await chart.locator('img').count()).toBe(0);
    await page.waitForTimeout(500);
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? [])).toEqual([]);
    await context.close();
  });

  it('the API docs page draws from this server alone, its policy unbroken', async () => {
    const { context, page } = await openPage(app!.browser, DESKTOP);
    const outside: string[] = [];
    page.on('request', (req) => {
      if (!req.url().startsWith(app!.base) && !req.url().startsWith('data:')) outside.push(req.url());
    });
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(`${app!.base}/api/docs`);
    await page.getByText('tiaodu API').first().waitFor();
    // The operations are drawn (how many are open at first is swagger-ui's choice): the page's own script ran.
    await expect.poll(() => page.locator('.opblock').count()).toBeGreaterThan(0);
    expect(outside).toEqual([]);
    expect(errors.filter((e) => /Content Security Policy|Refused/.test(e))).toEqual([]);
    await context.close();
  });
});
