// POST /api/ledger/import through app.request() with a multipart body: preview, commit, refused rows as data, file refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { PASSWORD, seedCounty } from '../support/factories.ts';
import { signInAs, testApp, type TestApp } from '../support/api.ts';
import { combinedLedger, ledgerWithErrors } from '../support/ledger-files.ts';
import { openTestDatabase, testDialect } from '../support/test-db.ts';

let h: DatabaseHandle;
let app: TestApp;
let token: string;

beforeAll(async () => {
  h = await openTestDatabase();
  await seedCounty(h.db);
  app = testApp(h.db);
  token = await signInAs(app, 't-dispatcher', PASSWORD);
});
afterAll(async () => {
  await h.close();
});

async function upload(file: Buffer | null, query: string, as = token): Promise<{ status: number; json: any }> {
  const form = new FormData();
  if (file) form.append('file', new Blob([new Uint8Array(file)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), 'ledger.xlsx');
  const res = await app.request(`/api/ledger/import?${query}`, { method: 'POST', headers: { authorization: `Bearer ${as}` }, body: form });
  return { status: res.status, json: await res.json() };
}

describe(`POST /api/ledger/import (${testDialect()})`, () => {
  it('previews, then imports, the combined ledger', async () => {
    const preview = await upload(await combinedLedger(), 'region=140423&commit=false');
    expect(preview.status).toBe(200);
    expect(preview.json).toMatchObject({ committed: false, imported: 5, new: 5, sheet: '重点项目', unit: '万元', year: 2022, asOf: '2022-06' });
    const done = await upload(await combinedLedger(), 'region=140423&commit=true');
    expect(done.json).toMatchObject({ committed: true, imported: 5, new: 5 });
    const again = await upload(await combinedLedger(), 'region=140423&commit=true');
    expect(again.json).toMatchObject({ committed: true, imported: 5, new: 0, unchanged: 5 });
  });

  it('answers 200 with committed false and the refused rows when they block the import', async () => {
    const res = await upload(await ledgerWithErrors(), 'region=140423&commit=true');
    expect(res.status).toBe(200);
    expect(res.json.committed).toBe(false);
    expect(res.json.rejected).toContainEqual({ row: 3, reason: '第3行：项目名称为空' });
    const skipping = await upload(await ledgerWithErrors(), 'region=140423&commit=true&skipInvalid=true');
    expect(skipping.json).toMatchObject({ committed: true, imported: 1 });
  });

  it('refuses files that are not Excel with 422, too large with 413, and other roles with 403', async () => {
    const binary = await upload(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), 'region=140423&commit=false');
    expect(binary.status).toBe(422);
    expect(binary.json.error.message).toContain('不是 Excel');
    const text = await upload(Buffer.from('not a workbook'), 'region=140423&commit=false');
    expect(text.status).toBe(422);
    expect(text.json.error.message).toContain('没有找到项目台账');
    const xls = await upload(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]), 'region=140423&commit=false');
    expect(xls.status).toBe(422);
    expect(xls.json.error.message).toBe('文件不是有效的 Excel 工作簿（.xls），可能已损坏');
    const big = await upload(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(20 * 1024 * 1024 + 10)]), 'region=140423&commit=false');
    expect(big.status).toBe(413);
    const missing = await upload(null, 'region=140423&commit=false');
    expect(missing.status).toBe(422);
    const viewer = await upload(await combinedLedger(), 'region=140423&commit=true', await signInAs(app, 't-viewer', PASSWORD));
    expect(viewer.status).toBe(403);
  });
});
