// The built web client as the server sends it: the brotli or gzip copy the browser accepts, hashed assets cached for
// good, the page itself revalidated, and a missing asset a 404 rather than the page.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/transaction.ts';
import { createApp } from '../../src/server/app.ts';

let webRoot: string;
let app: ReturnType<typeof createApp>;
// A script long enough to be worth compressing, as Vite writes it under a hashed name.
const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `项目${i}`))};\n`;
const INDEX = '<!doctype html><html lang="zh-CN"><body><div id="root"></div><script type="module" src="/assets/index-Ab12Cd34.js"></script></body></html>';

beforeAll(() => {
  webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'tiaodu-web-'));
  fs.mkdirSync(path.join(webRoot, 'assets'));
  fs.writeFileSync(path.join(webRoot, 'index.html'), INDEX);
  const js = path.join(webRoot, 'assets', 'index-Ab12Cd34.js');
  fs.writeFileSync(js, script);
  fs.writeFileSync(`${js}.br`, zlib.brotliCompressSync(script));
  fs.writeFileSync(`${js}.gz`, zlib.gzipSync(script));
  fs.writeFileSync(path.join(webRoot, 'assets', 'index-Ef56Gh78.css'), 'body{margin:0}');
  // The static files never reach the database.
  app = createApp({ db: {} as Db, webRoot });
});
afterAll(() => fs.rmSync(webRoot, { recursive: true, force: true }));

const get = (url: string, acceptEncoding?: string) => app.request(url, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });
const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

describe('the web client as served', () => {
  it('sends the brotli copy to a browser that takes it, gzip to one that takes only gzip, and the file itself otherwise', async () => {
    const br = await get('/assets/index-Ab12Cd34.js', 'gzip, deflate, br, zstd');
    expect(br.status).toBe(200);
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('content-type')).toMatch(/^text\/javascript/);
    const brBody = await bytes(br);
    expect(brBody.length).toBeLessThan(Buffer.byteLength(script) / 3);
    expect(zlib.brotliDecompressSync(brBody).toString()).toBe(script);

    const gz = await get('/assets/index-Ab12Cd34.js', 'gzip, deflate');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(zlib.gunzipSync(await bytes(gz)).toString()).toBe(script);

    const plain = await get('/assets/index-Ab12Cd34.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect((await bytes(plain)).toString()).toBe(script);
    // Every answer says it depends on Accept-Encoding, so no cache hands one browser's copy to another.
    for (const res of [br, gz, plain]) expect(res.headers.get('vary')).toBe('Accept-Encoding');
  });

  it('lets the browser keep a hashed asset for a year without asking, and asks anew for the page', async () => {
    for (const url of ['/assets/index-Ab12Cd34.js', '/assets/index-Ef56Gh78.css']) {
      expect((await get(url, 'br')).headers.get('cache-control'), url).toBe('public, max-age=31536000, immutable');
    }
    for (const url of ['/', '/index.html', '/projects/p-1', '/rounds']) {
      const res = await get(url, 'br');
      expect(res.status, url).toBe(200);
      expect(res.headers.get('cache-control'), url).toBe('no-cache');
      expect(await res.text(), url).toBe(INDEX);
    }
  });

  it('answers 404 for an asset that is not there (one of an earlier release), not the page', async () => {
    const res = await get('/assets/index-Old00000.js', 'br');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).not.toMatch(/html/);
  });
});
