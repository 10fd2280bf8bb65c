// What the importer says when a ledger leaves out its year or its as-of month: the field a clerk fills in, not a command-line flag.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/domain/access.ts';
import { isAppError } from '../../src/domain/errors.ts';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { importLedger } from '../../src/services/import-ledger.ts';
import { COUNTY, seedCounty } from '../support/factories.ts';
import { openTestDatabase, testDialect } from '../support/test-db.ts';

let handle: DatabaseHandle;

async function ledger(headers: string[], row: (string | number)[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(headers);
  ws.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function refusal(file: Buffer, options: { year?: number; asOf?: string } = {}): Promise<{ message: string; code: string }> {
  const e = await importLedger(handle.db, { file, regionCode: COUNTY, skipInvalid: false, commit: false, ...options }, SYSTEM_ACTOR).catch((x: unknown) => x);
  if (!isAppError(e)) throw new Error(`expected a refusal, got ${JSON.stringify(e)}`);
  return { message: e.message, code: e.code };
}

beforeAll(async () => {
  handle = await openTestDatabase();
  await seedCounty(handle.db);
});
afterAll(async () => {
  await handle?.close();
});

describe(`import messages (${testDialect()})`, () => {
  it('asks for the year when neither the headers nor a title give it, and takes the ledger once it is given', async () => {
    const file = await ledger(['序号', '项目名称', '项目性质', '总投资', '年度计划投资'], [1, '古韩镇集中供热改造工程', '续建', 20000, 8000]);
    expect(await refusal(file)).toEqual({ code: 'invalid_input', message: '无法看出台账的年度：请在表头写明年份（如“2024年计划投资”），或在标题写明“2024年”，或指定年度' });
    const report = await importLedger(handle.db, { file, regionCode: COUNTY, year: 2022, skipInvalid: false, commit: false }, SYSTEM_ACTOR);
    expect({ year: report.year, rejected: report.rejected, new: report.new }).toEqual({ year: 2022, rejected: [], new: 1 });
  });

  it('asks for the as-of month when the year-to-date header does not say which month it runs to', async () => {
    const file = await ledger(['序号', '项目名称', '项目性质', '总投资', '2022年计划投资', '本年累计完成'], [1, '古韩镇集中供热改造工程', '续建', 20000, 8000, 3000]);
    const { message } = await refusal(file);
    expect(message).toBe('无法看出累计完成投资截至哪个月：请在表头写明月份（如“1-6月完成投资”），或指定截至月份');
    expect(message).not.toMatch(/--/);
    const report = await importLedger(handle.db, { file, regionCode: COUNTY, asOf: '2022-06', skipInvalid: false, commit: false }, SYSTEM_ACTOR);
    expect({ asOf: report.asOf, rejected: report.rejected }).toEqual({ asOf: '2022-06', rejected: [] });
  });
});
