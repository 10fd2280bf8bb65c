// Importing ledgers: the projects and figures that come out, the refused rows and why, re-imports, and no partial writes.
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { findProjectMonths, findProjectYears, findHistory } from '../../src/db/repositories/project.repository.ts';
import { loadCountyProjects } from '../../src/db/repositories/ledger.repository.ts';
import { isAppError } from '../../src/domain/errors.ts';
import { importLedger, type ImportLedgerInput } from '../../src/services/import-ledger.ts';
import { COUNTY, GUHAN, seedCounty, WANGQIAO, ZONE, type CountyFixture } from '../support/factories.ts';
import ExcelJS from 'exceljs';
import { combinedLedger, ledgerWithErrors, plainLedger, plainLedgerInYi } from '../support/ledger-files.ts';
import { openTestDatabase, testDialect } from '../support/test-db.ts';

let h: DatabaseHandle;
let f: CountyFixture;
const NOW = new Date('2022-07-05T08:00:00Z');
beforeEach(async () => {
  h = await openTestDatabase();
  f = await seedCounty(h.db);
});
afterEach(async () => {
  await h.close();
});

/** Makes the database refuse every insert into `table` with `message`, as a full disk would refuse them part-way. */
async function failInserts(table: string, message: string): Promise<void> {
  if (testDialect() === 'sqlite') {
    await sql`create trigger fail_insert before insert on ${sql.table(table)} begin select raise(abort, ${sql.lit(message)}); end`.execute(h.db);
  } else {
    await sql`create function fail_insert() returns trigger language plpgsql as ${sql.lit(`begin raise exception '${message}'; end`)}`.execute(h.db);
    await sql`create trigger fail_insert before insert on ${sql.table(table)} for each row execute function fail_insert()`.execute(h.db);
  }
}

function run(file: Buffer, extra: Partial<ImportLedgerInput> = {}) {
  return importLedger(h.db, { file, regionCode: COUNTY, skipInvalid: false, commit: true, ...extra }, f.actors.dispatcher, NOW);
}

async function projects() {
  const all = await loadCountyProjects(h.db, COUNTY);
  return new Map(all.map((s) => [s.project.name, s]));
}

describe(`importLedger (${testDialect()})`, () => {
  it('reads the combined ledger: sheet, unit, year, as-of month, sections, totals, dates, townships, phases, stages', async () => {
    const report = await run(await combinedLedger());
    expect(report).toMatchObject({ committed: true, imported: 5, new: 5, updated: 0, unchanged: 0, rejected: [], sheet: '重点项目', unit: '万元', year: 2022, asOf: '2022-06' });
    expect(report.rows.map((r) => [r.row, r.action])).toEqual([[6, 'new'], [7, 'new'], [8, 'new'], [12, 'new'], [13, 'new']]);
    const p = await projects();
    const heat = p.get('古韩镇集中供热改造工程')!;
    expect(heat.project).toMatchObject({
      projectCode: '2103-140423-04-01-523618', owner: '襄垣县热力公司', townshipCode: GUHAN, stage: 'underway',
      totalInvestment: 200_000_000, startedOn: '2021-03-15', signedOn: '2020-01-01',
      // 开工累计 12000万 − the 3000万 tracked for 2022-06.
      completedBefore: 90_000_000,
    });
    // 续建 and 已复工 with no resume day: the first day of the year's first reported month.
    expect(heat.years).toEqual([{ year: 2022, phase: 'continuing', annualPlan: 80_000_000, resumedOn: '2022-06-01' }]);
    expect(heat.months).toEqual([{ month: '2022-06', completed: 30_000_000, enteredAs: 'ytd' }]);
    expect(p.get('经开区精细化工园')!.project).toMatchObject({ townshipCode: ZONE, constructionType: 'expansion', startedOn: '2021-03-01' });
    expect(p.get('王桥镇道路提升')!.project).toMatchObject({ townshipCode: WANGQIAO, stage: 'suspended', startedOn: '2021-04-01' });
    expect(p.get('王桥镇道路提升')!.years[0]).toMatchObject({ phase: 'continuing', resumedOn: null });
    const solar = p.get('古韩镇光伏电站')!;
    expect(solar.project).toMatchObject({ totalInvestment: 120_005_000, constructionType: 'new', stage: 'underway', startedOn: '2022-05-10', signedOn: '2022-01-01' });
    expect(solar.years[0]).toMatchObject({ phase: 'newStart', annualPlan: 60_000_000, resumedOn: null });
    expect(p.get('虒亭物流园')!.years[0]).toMatchObject({ phase: 'newStart' });
    expect(p.get('虒亭物流园')!.project.stage).toBe('preparing');
  });

  it('gives identical figures to the 元 from the same ledger in 万元 and in 亿元', async () => {
    await run(await combinedLedger('万元'));
    const wan = [...(await projects()).values()].map((s) => [s.project.name, s.project.totalInvestment, s.project.completedBefore, s.years, s.months]);
    await h.close();
    h = await openTestDatabase();
    f = await seedCounty(h.db);
    const report = await run(await combinedLedger('亿元'));
    expect(report.unit).toBe('亿元');
    const yi = [...(await projects()).values()].map((s) => [s.project.name, s.project.totalInvestment, s.project.completedBefore, s.years, s.months]);
    expect(yi.sort()).toEqual(wan.sort());

    await h.close();
    h = await openTestDatabase();
    f = await seedCounty(h.db);
    await run(await plainLedgerInYi());
    const headerYi = [...(await projects()).values()].map((s) => [s.project.totalInvestment, s.years[0]!.annualPlan, s.months[0]?.completed]);
    expect(headerYi.sort()).toEqual([[120_005_000, 60_000_000, 0], [200_000_000, 80_000_000, 30_000_000]].sort());
  });

  it('refuses bad rows by Excel row number with a reason a clerk understands, and imports nothing without skipInvalid', async () => {
    const report = await run(await ledgerWithErrors());
    expect(report.committed).toBe(false);
    expect(report.imported).toBe(0);
    expect(report.rejected).toEqual([
      { row: 3, reason: '第3行：项目名称为空' },
      { row: 4, reason: '第4行：总投资“abc”不是数字' },
      { row: 5, reason: '第5行：所在乡镇“东风”不是本县的乡镇或园区' },
      { row: 6, reason: '第6行：开工时间“明年”不是有效日期' },
      { row: 7, reason: '第7行：2022年计划投资不能超过总投资' },
    ]);
    expect((await projects()).size).toBe(0);

    const skipping = await run(await ledgerWithErrors(), { skipInvalid: true });
    expect(skipping).toMatchObject({ committed: true, imported: 1, new: 1 });
    expect([...(await projects()).keys()]).toEqual(['好项目']);
  });

  it('previews without writing', async () => {
    const report = await run(await combinedLedger(), { commit: false });
    expect(report).toMatchObject({ committed: false, imported: 5, new: 5 });
    expect((await projects()).size).toBe(0);
  });

  it('updates the same projects on re-import, counting new, updated and unchanged, with history', async () => {
    await run(await plainLedger());
    const again = await run(await plainLedger());
    expect(again).toMatchObject({ imported: 2, new: 0, updated: 0, unchanged: 2 });
    const changed = await run(await combinedLedger());
    // The combined ledger shares one name with the plain one (matched by name, the code added), and adds four.
    expect(changed).toMatchObject({ imported: 5, new: 4, updated: 1, unchanged: 0 });
    const p = await projects();
    expect(p.size).toBe(6);
    // Matched by its 项目代码 now, whatever its name.
    expect(await run(await combinedLedger())).toMatchObject({ new: 0, updated: 0, unchanged: 5 });
    const heat = p.get('古韩镇集中供热改造工程')!;
    const history = await findHistory(h.db, heat.project.id);
    expect(history.map((e) => e.field)).toEqual(expect.arrayContaining(['created', 'projectCode', 'owner', 'startedOn', 'completedBefore']));
    expect(await findProjectYears(h.db, heat.project.id)).toEqual([{ year: 2022, phase: 'continuing', annualPlan: 80_000_000, resumedOn: '2022-06-01' }]);
    expect(await findProjectMonths(h.db, heat.project.id)).toEqual([{ month: '2022-06', completed: 30_000_000, enteredAs: 'ytd' }]);
  });

  it('stores the year-to-date figure less the earlier months of the year', async () => {
    await run(await plainLedger(), { asOf: '2022-03' });
    const third = (await projects()).get('古韩镇集中供热改造工程')!;
    expect(third.months).toEqual([{ month: '2022-03', completed: 30_000_000, enteredAs: 'ytd' }]);
    // The same 3000万 as of June: nothing more was done in April–June, so there is nothing to store
    // (a zero where no figure was stored changes no sum, and a re-import stays 'unchanged').
    await run(await plainLedger(), { asOf: '2022-06' });
    const sixth = (await projects()).get('古韩镇集中供热改造工程')!;
    expect(sixth.months).toEqual([{ month: '2022-03', completed: 30_000_000, enteredAs: 'ytd' }]);
  });

  it('leaves the database as it was when a write fails mid-way', async () => {
    await run(await plainLedger());
    const before = await projects();
    await failInserts('project_history', 'disk full');
    await expect(run(await combinedLedger())).rejects.toThrow('disk full');
    const after = await projects();
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    expect(after.get('古韩镇集中供热改造工程')).toEqual(before.get('古韩镇集中供热改造工程'));
  });

  it('only lets the county’s admin or dispatcher import', async () => {
    for (const who of ['reporter', 'viewer', 'leader', 'otherCounty'] as const) {
      const e = await importLedger(h.db, { file: await plainLedger(), regionCode: COUNTY, skipInvalid: false, commit: true }, f.actors[who]).catch((x) => x);
      expect(isAppError(e) && e.code, who).toBe('forbidden');
    }
  });

  it.each<[string, Buffer, RegExp, string]>([
    ['a damaged .xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /不是有效的 Excel 工作簿（\.xls），可能已损坏/, 'invalid_input'],
    ['a file that is neither a workbook nor text', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), /不是 Excel 工作簿（\.xlsx、\.xls）或 CSV 表格/, 'invalid_input'],
    ['a broken zip', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), /可能已损坏/, 'invalid_input'],
    ['an oversized file', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(20 * 1024 * 1024)]), /不能超过 20 MB/, 'too_large'],
  ])('refuses %s before reading it', async (_, file, message, code) => {
    const e = await run(file).catch((x) => x);
    expect(isAppError(e) && e.code).toBe(code);
    expect(e.message).toMatch(message);
  });

  it('refuses an empty workbook and one without a ledger sheet', async () => {
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('Sheet1');
    const e1 = await run(Buffer.from(await empty.xlsx.writeBuffer())).catch((x) => x);
    expect(e1.message).toBe('工作簿是空的，没有任何数据');
    const other = new ExcelJS.Workbook();
    other.addWorksheet('说明').addRow(['请按时填报']);
    const e2 = await run(Buffer.from(await other.xlsx.writeBuffer())).catch((x) => x);
    expect(e2.message).toMatch(/没有找到项目台账/);
  });
});
