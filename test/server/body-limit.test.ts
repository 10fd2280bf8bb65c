// Request bodies limited while they stream: a big JSON body to the unauthenticated sign-in, a chunked body with no
// length (which a length check alone lets through), an upload over the largest any route takes and over its route's own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import zlib from 'node:zlib';
import { PASSWORD, seedCounty } from '../support/factories.ts';
import { signInAs, testApp, type TestApp } from '../support/api.ts';
import { zipOf } from '../support/zip-files.ts';
import { openTestDatabase, testDialect } from '../support/test-db.ts';

let h: DatabaseHandle;
let app: TestApp;

beforeAll(async () => {
  h = await openTestDatabase();
  await seedCounty(h.db);
  app = testApp(h.db);
});
afterAll(async () => {
  await h.close();
});

const CHUNK = 64 * 1024;

/** A body of `total` bytes sent in chunks with no Content-Length, as a chunked upload is; counts what the server pulled. */
function chunkedBody(total: number, head = '') {
  const filler = new Uint8Array(CHUNK).fill(0x20);
  const state = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= total) return controller.close();
      const chunk = state.pulled === 0 && head ? new TextEncoder().encode(head) : filler.subarray(0, Math.min(CHUNK, total - state.pulled));
      state.pulled += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { stream, state };
}

async function send(path: string, body: ReadableStream<Uint8Array> | string, contentType: string) {
  const init = { method: 'POST', headers: { 'content-type': contentType }, body, duplex: 'half' } as RequestInit;
  const res = await app.request(path, init);
  return { status: res.status, json: (await res.json()) as any, headers: res.headers };
}

describe(`request bodies (${testDialect()})`, () => {
  it('refuses a JSON body over 1 MB to the sign-in with 413 before reading it', async () => {
    const res = await send('/api/auth/login', JSON.stringify({ username: 't-viewer', password: 'x'.repeat(2 * 1024 * 1024) }), 'application/json');
    expect(res.status).toBe(413);
    expect(res.json).toEqual({ error: { code: 'too_large', message: '请求内容过大，不能超过 1 MB', details: [] } });
  });

  it('stops reading a chunked 300 MB body at the limit, and memory stays flat', async () => {
    const before = process.memoryUsage().rss;
    const { stream, state } = chunkedBody(300 * 1024 * 1024, '{"username":"t-viewer","password":"');
    const res = await send('/api/auth/login', stream, 'application/json');
    expect(res.status).toBe(413);
    expect(res.json.error).toMatchObject({ code: 'too_large', message: '请求内容过大，不能超过 1 MB' });
    // Read no further than the first chunk past the limit (the stream may have one more queued).
    expect(state.pulled).toBeLessThanOrEqual(1024 * 1024 + 2 * CHUNK);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('still reads a small chunked body in full', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        const text = new TextEncoder().encode(JSON.stringify({ username: 't-viewer', password: PASSWORD }));
        controller.enqueue(text.subarray(0, 10));
        controller.enqueue(text.subarray(10));
        controller.close();
      },
    });
    const res = await send('/api/auth/login', body, 'application/json');
    expect(res.status).toBe(200);
    expect(res.json.token).toEqual(expect.any(String));
  });

  it('refuses a chunked upload over the largest file any route takes, before the route or the sign-in check', async () => {
    const { stream, state } = chunkedBody(40 * 1024 * 1024, '--b\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\n');
    const res = await send('/api/ledger/import?region=140423&commit=false', stream, 'multipart/form-data; boundary=b');
    expect(res.status).toBe(413);
    expect(res.json.error).toMatchObject({ code: 'too_large', message: '文件过大，不能超过 20 MB', details: [{ field: 'file', message: '文件过大，不能超过 20 MB' }] });
    expect(state.pulled).toBeLessThanOrEqual(21 * 1024 * 1024 + 2 * CHUNK);
  });

  it("refuses a chunked upload under that but over its route's own limit with the route's message", async () => {
    const { stream, state } = chunkedBody(15 * 1024 * 1024, '--b\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n');
    const res = await send('/api/reports/r1/attachments', stream, 'multipart/form-data; boundary=b');
    expect(res.status).toBe(413);
    expect(res.json.error).toMatchObject({ code: 'too_large', message: '文件超过10MB，请压缩后再上传' });
    // The limit every upload shares has held the body so far; nothing past the largest file any route takes is read.
    expect(state.pulled).toBeLessThanOrEqual(21 * 1024 * 1024 + 2 * CHUNK);
  });

  it('refuses a non-upload body over 1 MB to a signed-in route just the same', async () => {
    const { stream } = chunkedBody(3 * 1024 * 1024, '{"name":"');
    const res = await send('/api/projects', stream, 'application/json');
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe('too_large');
  });

  // Every route that reads an uploaded workbook goes through the one reader, which checks the zip before unpacking it.
  it.each([
    ['ledger', '/api/ledger/import?region=140423&commit=false'],
    ['leads', '/api/leads/import?region=140423&commit=false'],
    ['indicators', '/api/indicators/import?region=140423&commit=false'],
    ['supervision items', '/api/item-ledger/import'],
  ])('refuses a zip bomb uploaded as a %s workbook with 413 and the reason', async (_, path) => {
    const sheet = zlib.deflateRawSync(Buffer.alloc(1024, 'a'));
    const file = zipOf([{ name: 'xl/worksheets/sheet1.xml', data: sheet, declared: 260 * 1024 * 1024 }]);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file)]), 'bomb.xlsx');
    form.append('region', '140423');
    const token = await signInAs(app, 't-dispatcher', PASSWORD);
    const res = await app.request(path, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    expect(res.status).toBe(413);
    const message = '文件解压后约 260 MB，超过 100 MB 的上限；请删去多余的空行、空列，或分成几个文件导入';
    expect(await res.json()).toEqual({ error: { code: 'too_large', message, details: [{ field: 'file', message }] } });
  });
});

