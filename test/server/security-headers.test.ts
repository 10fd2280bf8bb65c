// The headers a browser enforces for us, on the web client's page and on every kind of API answer: a
// Content-Security-Policy that runs no inline script, no plugin and no framing, nosniff and a same-origin referrer; the
// API docs page keeps to it, its assets served from the package and its start-up a file, not inline.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/transaction.ts';
import { createApp } from '../../src/server/app.ts';

let webRoot: string;
let app: ReturnType<typeof createApp>;

beforeAll(() => {
  webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'tiaodu-csp-'));
  fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><html><body><div id="root"></div><script type="module" src="/assets/index-A1.js"></script></body></html>');
  // Neither the page nor the refusals below reach the database.
  app = createApp({ db: {} as Db, webRoot });
});
afterAll(() => fs.rmSync(webRoot, { recursive: true, force: true }));

/** The policy as directive → sources. */
function policy(res: Response): Map<string, string[]> {
  const header = res.headers.get('content-security-policy');
  expect(header).toBeTruthy();
  return new Map(header!.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name!, sources]));
}

function expectLockedDown(res: Response, what: string) {
  const p = policy(res);
  expect(p.get('script-src'), what).toEqual(["'self'"]);
  expect(p.get('default-src'), what).toEqual(["'self'"]);
  expect(p.get('object-src'), what).toEqual(["'none'"]);
  expect(p.get('frame-ancestors'), what).toEqual(["'none'"]);
  expect(p.get('img-src'), what).toEqual(["'self'", 'data:', 'blob:']);
  expect(p.get('style-src'), what).toEqual(["'self'", "'unsafe-inline'"]);
  for (const [name, sources] of p) expect(sources, `${what} ${name}`).not.toContain("'unsafe-eval'");
  expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(res.headers.get('referrer-policy'), what).toBe('same-origin');
  expect(res.headers.get('x-frame-options'), what).toBe('DENY');
}

describe('the security headers', () => {
  it('come with the web client’s page, an API refusal, the API document and a missing route', async () => {
    const cases: [string, number][] = [
      ['/', 200],
      ['/projects/p-1', 200],
      ['/api/projects', 401],
      ['/api/openapi.json', 200],
      ['/api/no-such-route', 404],
    ];
    for (const [url, status] of cases) {
      const res = await app.request(url);
      expect(res.status, url).toBe(status);
      expectLockedDown(res, url);
    }
    const refused = await app.request('/api/projects');
    expect(refused.headers.get('content-type')).toMatch(/^application\/json/);
  });
});

describe('the API docs page', () => {
  it('loads Swagger UI from this server under the same policy, with no inline script and no outside address', async () => {
    const res = await app.request('/api/docs');
    expect(res.status).toBe(200);
    expectLockedDown(res, '/api/docs');
    const html = await res.text();
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map((m) => /src="([^"]+)"/.exec(m[1]!)?.[1])).toEqual(['/api/docs/swagger-ui-bundle.js', '/api/docs/start.js']);
    for (const m of scripts) expect(m[2]!.trim()).toBe('');
    expect(html).not.toMatch(/https?:\/\//);

    const bundle = await app.request('/api/docs/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await bundle.text()).toContain('SwaggerUIBundle');
    const css = await app.request('/api/docs/swagger-ui.css');
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    const start = await (await app.request('/api/docs/start.js')).text();
    expect(start).toContain("url: '/api/openapi.json'");
    // Only the two files: no path into the package or beyond.
    for (const url of ['/api/docs/package.json', '/api/docs/..%2F..%2Fpackage.json', '/api/docs/index.html']) expect((await app.request(url)).status, url).toBe(404);
  });
});
