// What the sign-in page costs a clerk on a slow county network: the bytes that cross the wire (compressed) until it is
// ready, none of the charts' or the signed-in pages' code, and assets a browser keeps for good.
import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, openPage, signInAt, startApp, type E2eApp } from './support.ts';

let app: E2eApp | undefined;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.stop();
});

const BUDGET = 400 * 1024;

interface Transfer {
  url: string;
  bytes: number;
  encoding: string | null;
  cacheControl: string | null;
}

/** Every response the page receives from now on, with the bytes it took on the wire (headers and encoded body). */
function recordTransfers(page: Page): Promise<Transfer>[] {
  const seen: Promise<Transfer>[] = [];
  page.on('response', (res: Response) => {
    seen.push(
      (async () => {
        await res.finished();
        const sizes = await res.request().sizes();
        const headers = await res.allHeaders();
        return { url: new URL(res.url()).pathname, bytes: sizes.responseHeadersSize + sizes.responseBodySize, encoding: headers['content-encoding'] ?? null, cacheControl: headers['cache-control'] ?? null };
      })(),
    );
  });
  return seen;
}

describe('the sign-in page', () => {
  it(`loads in under ${BUDGET / 1024} kB transferred, compressed, without ECharts or the signed-in pages`, async () => {
    const { context, page } = await openPage(app!.browser, DESKTOP);
    const seen = recordTransfers(page);
    await page.goto(`${app!.base}/login`, { waitUntil: 'networkidle' });
    await page.getByText('演示账号').first().waitFor();
    await page.locator('form').getByRole('button', { name: '登录' }).waitFor();
    const transfers = await Promise.all(seen);
    const total = transfers.reduce((sum, t) => sum + t.bytes, 0);
    const list = transfers.map((t) => `${t.url} ${t.bytes} ${t.encoding ?? '-'}`).join('\n');
    console.log(`sign-in page: ${transfers.length} responses, ${(total / 1024).toFixed(1)} kB transferred\n${list}`);

    expect(total, list).toBeLessThan(BUDGET);
    const assets = transfers.filter((t) => t.url.startsWith('/assets/'));
    expect(assets.length).toBeGreaterThan(1);
    expect(assets.map((t) => t.url).filter((u) => /echarts|AppLayout|Dashboard|LedgerPage|Table/.test(u))).toEqual([]);
    for (const t of assets) {
      if (t.bytes > 2048) expect(t.encoding, t.url).toMatch(/^(br|gzip)$/);
      expect(t.cacheControl, t.url).toBe('public, max-age=31536000, immutable');
    }
    expect(transfers.find((t) => t.url === '/login')?.cacheControl).toBe('no-cache');

    // Signing in then brings the pages' own chunks: the menu, the landing page and the dashboard's charts.
    const more = recordTransfers(page);
    await signInAt(page, app!.base, 'dispatcher');
    await page.getByRole('region', { name: '拟实施项目' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect((await Promise.all(more)).map((t) => t.url).filter((u) => /\/assets\/(echarts|AppLayout|HomePage)-/.test(u))).toHaveLength(3);
    await context.close();
  });
});
