// The exported demo ledger: sections 86/143, subtotals and total equal to the pool analysis in 万元, scope, filters (by name too), streaming, the template and the API.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, type Actor } from '../../src/domain/access.ts';
import { isAppError } from '../../src/domain/errors.ts';
import { LEDGER_COLUMNS } from '../../src/domain/ledger/ledger-columns.ts';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { listLeaders, listUnits } from '../../src/db/repositories/region.repository.ts';
import { findUserByUsername } from '../../src/db/repositories/user.repository.ts';
import { FIRST_DATA_ROW, writeLedgerWorkbook } from '../../src/io/ledger-writer.ts';
import { actorOf } from '../../src/services/auth/sessions.ts';
import { createDemo, DEMO_AS_OF, DEMO_REGION } from '../../src/demo/create-demo.ts';
import { exportLedger, ledgerFilterIds, ledgerLayout, ledgerTemplate, ledgerTemplateFor, prepareLedgerExport } from '../../src/services/export-ledger.ts';
import { poolSummary, type PoolSummary } from '../../src/services/pool-summary.ts';
import { signInAs, testApp } from '../support/api.ts';
import { seedCounty } from '../support/factories.ts';
import { openTestDatabase, testDialect } from '../support/test-db.ts';

let handle: DatabaseHandle;
let summary: PoolSummary;

const col = (key: string) => LEDGER_COLUMNS.findIndex((c) => c.key === key) + 1;
const wan = (yuan: number) => yuan / 10_000;

interface SheetRow {
  label: unknown;
  cells: unknown[];
}

async function rowsOf(buffer: Buffer): Promise<{ ws: ExcelJS.Worksheet; rows: SheetRow[] }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  const ws = book.worksheets[0]!;
  const rows: SheetRow[] = [];
  for (let r = FIRST_DATA_ROW; r <= ws.rowCount; r += 1) {
    const row = ws.getRow(r);
    const cells = LEDGER_COLUMNS.map((_c, i) => row.getCell(i + 1).value);
    rows.push({ label: cells[0], cells });
  }
  return { ws, rows };
}

const sumOf = (rows: SheetRow[], key: string) => rows.reduce((s, r) => s + ((r.cells[col(key) - 1] as number | null) ?? 0), 0);
const isSection = (r: SheetRow) => typeof r.label === 'string' && /^[一二三四五]、/.test(r.label);
/** The project rows under a section row, up to the next section. */
function sectionRows(rows: SheetRow[], index: number): SheetRow[] {
  const out: SheetRow[] = [];
  for (let i = index + 1; i < rows.length && !isSection(rows[i]!); i += 1) out.push(rows[i]!);
  return out;
}

async function demoActor(username: string): Promise<Actor> {
  return actorOf((await findUserByUsername(handle.db, username))!);
}

beforeAll(async () => {
  handle = await openTestDatabase();
  await createDemo(handle.db, new Date('2021-06-01T08:00:00Z'));
  summary = await poolSummary(handle.db, { region: DEMO_REGION, asOf: DEMO_AS_OF }, SYSTEM_ACTOR);
});

afterAll(async () => {
  await handle?.close();
});

describe(`exportLedger (${testDialect()})`, () => {
  it('prints the demo as 襄垣县 does: title, unit line, headers of the year and period', async () => {
    const file = await exportLedger(handle.db, { region: DEMO_REGION, asOf: DEMO_AS_OF }, SYSTEM_ACTOR);
    expect(file.rows).toBe(229);
    expect(file.filename).toBe('襄垣县2021年重点项目建设台账（截至5月）.xlsx');
    const { ws } = await rowsOf(file.buffer);
    expect(ws.getCell('A1').value).toBe('襄垣县2021年重点项目建设台账');
    expect(ws.getCell('A2').value).toBe('单位：万元    截至2021年5月');
    expect(ws.getRow(3).getCell(col('totalInvestment')).value).toBe('投资情况（万元）');
    expect(ws.getRow(3).getCell(col('signedOn')).value).toBe('时间节点');
    expect(ws.getRow(4).getCell(col('annualPlan')).value).toBe('2021年计划投资');
    expect(ws.getRow(4).getCell(col('completedYtd')).value).toBe('1-5月完成投资');
    expect(ws.getRow(3).getCell(col('name')).value).toBe('项目名称');
  });

  it('streams the same ledger to a file, naming the file and counting the rows before it writes one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'export-ledger-'));
    try {
      const ledger = await prepareLedgerExport(handle.db, { region: DEMO_REGION, asOf: DEMO_AS_OF }, SYSTEM_ACTOR);
      expect({ filename: ledger.filename, rows: ledger.rows }).toEqual({ filename: '襄垣县2021年重点项目建设台账（截至5月）.xlsx', rows: 229 });
      const file = path.join(dir, 'ledger.xlsx');
      await ledger.writeTo(file);
      const streamed = await rowsOf(fs.readFileSync(file));
      const whole = await rowsOf((await exportLedger(handle.db, { region: DEMO_REGION, asOf: DEMO_AS_OF }, SYSTEM_ACTOR)).buffer);
      expect(streamed.rows).toHaveLength(2 + 229 + 1);
      expect(streamed.rows).toEqual(whole.rows);
      expect(streamed.rows[0]!.cells[col('totalInvestment') - 1]).toBe(wan(summary.all.totalInvestment));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes the same ledger when it reads its projects a few at a time, ties in 总投资 included', async () => {
    const input = { region: DEMO_REGION, asOf: DEMO_AS_OF, includeReserve: true };
    const whole = await rowsOf((await exportLedger(handle.db, input, SYSTEM_ACTOR)).buffer);
    const data = whole.rows.filter((r) => typeof r.label === 'number');
    // Pages of 3 end between projects of equal 总投资 somewhere: the page after must start at the right one of them.
    const totals = data.map((r) => r.cells[col('totalInvestment') - 1]);
    expect(new Set(totals).size).toBeLessThan(totals.length);
    const paged = await ledgerLayout(handle.db, input, SYSTEM_ACTOR, 3);
    expect(paged.rows).toBe(data.length);
    const inPages = await rowsOf(await writeLedgerWorkbook(paged.sheet));
    expect(inPages.rows).toEqual(whole.rows);
    // Within each section, 总投资 from the largest down.
    for (const [i, r] of whole.rows.entries()) {
      if (!isSection(r)) continue;
      const under = sectionRows(whole.rows, i).map((u) => u.cells[col('totalInvestment') - 1] as number);
      expect(under).toEqual([...under].sort((a, b) => b - a));
    }
  });

  it('has sections 86 and 143 whose subtotals and total equal the pool analysis in 万元 and the sums of their rows', async () => {
    const { rows } = await rowsOf((await exportLedger(handle.db, { region: DEMO_REGION, asOf: DEMO_AS_OF }, SYSTEM_ACTOR)).buffer);
    expect(rows[0]!.label).toBe('合计');
    const sections = rows.map((r, i) => ({ r, i })).filter(({ r }) => isSection(r));
    expect(sections.map(({ r }) => r.label)).toEqual(['一、续建项目（86个）', '二、新建项目（143个）']);
    const expected = [summary.continuing, summary.newStart];
    sections.forEach(({ r, i }, k) => {
      const under = sectionRows(rows, i);
      expect(under).toHaveLength(expected[k]!.count);
      expect(under.map((u) => u.label)).toEqual(under.map((_u, n) => n + 1));
      for (const [key, figure] of [['totalInvestment', expected[k]!.totalInvestment], ['annualPlan', expected[k]!.annualPlan], ['completedYtd', expected[k]!.completedYtd]] as const) {
        expect(r.cells[col(key) - 1]).toBe(wan(figure));
        expect(sumOf(under, key)).toBeCloseTo(wan(figure), 6);
      }
      expect(sumOf(under, 'completedSinceStart')).toBeCloseTo(r.cells[col('completedSinceStart') - 1] as number, 6);
      expect(new Set(under.map((u) => u.cells[col('phase') - 1]))).toEqual(new Set([k === 0 ? '续建' : '新建']));
    });
    const total = rows[0]!.cells;
    expect(total[col('totalInvestment') - 1]).toBe(wan(summary.all.totalInvestment));
    expect(total[col('totalInvestment') - 1]).toBe(4_028_000);
    expect(total[col('annualPlan') - 1]).toBe(wan(summary.all.annualPlan));
    expect(total[col('completedYtd') - 1]).toBe(wan(summary.all.completedYtd));
    const since = sections.reduce((s, { r }) => s + (r.cells[col('completedSinceStart') - 1] as number), 0);
    expect(total[col('completedSinceStart') - 1]).toBeCloseTo(since, 6);
  });

  it('writes names and the labels the importer reads back, and 开工累计 is at least the year to date', async () => {
    const { rows } = await rowsOf((await exportLedger(handle.db, { region: DEMO_REGION, asOf: DEMO_AS_OF }, SYSTEM_ACTOR)).buffer);
    const data = rows.filter((r) => typeof r.label === 'number');
    const values = (key: string) => new Set(data.map((r) => r.cells[col(key) - 1]).filter((v) => v !== null));
    for (const v of values('stage')) expect(['在建', '已投产', '竣工', '停工', '前期', '谋划', '签约', '撤销']).toContain(v);
    for (const v of values('statsEntry')) expect(['已入库', '已报送', '材料准备中', '未入库', '不予入库']).toContain(v);
    for (const v of values('approvalKind')) expect(['审批', '核准', '备案']).toContain(v);
    expect(values('township')).toContain('古韩镇');
    expect(values('unit')).toContain('古韩镇人民政府');
    expect(values('leader')).toContain('李宏伟');
    // 教育 names both 门类 P and 大类 83: the demo's schools are written as 83 so they read back as 83.
    expect(values('industry')).toContain('83');
    expect(values('industry')).not.toContain('教育');
    for (const v of values('signedOn')) expect(v).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const r of data) {
      expect(r.cells[col('completedSinceStart') - 1] as number).toBeGreaterThanOrEqual(r.cells[col('completedYtd') - 1] as number);
    }
  });

  it('gives a reporter its own unit only, with the figures its pool analysis shows', async () => {
    const reporter = await demoActor('reporter');
    const own = await poolSummary(handle.db, { region: DEMO_REGION, asOf: DEMO_AS_OF }, reporter);
    // Asking for another unit changes nothing: the scope is the reporter's.
    const file = await exportLedger(handle.db, { region: DEMO_REGION, asOf: DEMO_AS_OF, unit: 'someone-else' }, reporter);
    expect(file.rows).toBe(own.all.count);
    expect(file.rows).toBeGreaterThan(0);
    const { rows } = await rowsOf(file.buffer);
    const data = rows.filter((r) => typeof r.label === 'number');
    expect(new Set(data.map((r) => r.cells[col('unit') - 1]))).toEqual(new Set(['古韩镇人民政府']));
    expect(rows[0]!.cells[col('totalInvestment') - 1]).toBe(wan(own.all.totalInvestment));
  });

  it('refuses a county outside the actor’s scope', async () => {
    const reporter = await demoActor('reporter');
    const e = await exportLedger(handle.db, { region: '140425', asOf: DEMO_AS_OF }, reporter).catch((x: unknown) => x);
    expect(isAppError(e) && e.code).toBe('forbidden');
  });

  it('filters by phase, and adds the 储备 section when asked', async () => {
    const newOnly = await rowsOf((await exportLedger(handle.db, { region: DEMO_REGION, asOf: DEMO_AS_OF, phase: 'newStart' }, SYSTEM_ACTOR)).buffer);
    expect(newOnly.rows.filter(isSection).map((r) => r.label)).toEqual(['一、新建项目（143个）']);
    const withReserve = await exportLedger(handle.db, { region: DEMO_REGION, asOf: DEMO_AS_OF, includeReserve: true }, SYSTEM_ACTOR);
    const labels = (await rowsOf(withReserve.buffer)).rows.filter(isSection).map((r) => String(r.label));
    expect(labels.slice(0, 2)).toEqual(['一、续建项目（86个）', '二、新建项目（143个）']);
    expect(labels[2]).toMatch(/^三、储备项目（\d+个）$/);
  });

  it('takes the unit and leader as a clerk names them, and refuses a name it cannot find, naming it', async () => {
    const units = await listUnits(handle.db, DEMO_REGION);
    const leaders = await listLeaders(handle.db, DEMO_REGION);
    const guhan = units.find((u) => u.name === '古韩镇人民政府')!.id;
    const drc = units.find((u) => u.name === '发展和改革局')!.id;
    const li = leaders.find((l) => l.name === '李宏伟')!.id;
    expect(await ledgerFilterIds(handle.db, { region: DEMO_REGION, unit: '古韩镇人民政府', leader: '李宏伟' })).toEqual({ unit: guhan, leader: li });
    // Short and long forms, stray spaces, a township's code as the region, and ids as before.
    expect(await ledgerFilterIds(handle.db, { region: DEMO_REGION, unit: ' 古韩镇 ' })).toEqual({ unit: guhan });
    expect(await ledgerFilterIds(handle.db, { region: '140423100', unit: '县发展和改革局' })).toEqual({ unit: drc });
    expect(await ledgerFilterIds(handle.db, { region: DEMO_REGION, unit: guhan, leader: li })).toEqual({ unit: guhan, leader: li });
    expect(await ledgerFilterIds(handle.db, { region: DEMO_REGION })).toEqual({});

    const unknown = await ledgerFilterIds(handle.db, { region: DEMO_REGION, unit: '不存在的局' }).catch((x: unknown) => x);
    expect(isAppError(unknown) && unknown.code).toBe('invalid_input');
    expect(isAppError(unknown) && unknown.message).toBe('襄垣县没有名为“不存在的局”的责任单位');
    expect(isAppError(unknown) && unknown.details).toEqual([{ field: 'unit', message: '襄垣县没有名为“不存在的局”的责任单位' }]);
    const nobody = await ledgerFilterIds(handle.db, { region: DEMO_REGION, leader: '王五' }).catch((x: unknown) => x);
    expect(isAppError(nobody) && nobody.message).toBe('襄垣县没有名为“王五”的包联领导');
    const vague = await ledgerFilterIds(handle.db, { region: DEMO_REGION, unit: '王' }).catch((x: unknown) => x);
    expect(isAppError(vague) && vague.message).toMatch(/^“王”可以指2个责任单位：(王桥镇人民政府、王村镇人民政府|王村镇人民政府、王桥镇人民政府)，请写出全名$/);

    // The names filter what the ids filter: the 古韩镇 ledger is the one its reporter sees.
    const own = await poolSummary(handle.db, { region: DEMO_REGION, asOf: DEMO_AS_OF }, await demoActor('reporter'));
    const { unit } = await ledgerFilterIds(handle.db, { region: DEMO_REGION, unit: '古韩镇' });
    const file = await exportLedger(handle.db, { region: DEMO_REGION, asOf: DEMO_AS_OF, unit }, SYSTEM_ACTOR);
    expect(file.rows).toBe(own.all.count);
    expect((await rowsOf(file.buffer)).rows[0]!.cells[col('totalInvestment') - 1]).toBe(wan(own.all.totalInvestment));
  });

  it('writes the template: the same header block, no rows, and 填表说明 for every column', async () => {
    const file = await ledgerTemplate({ asOf: '2022-06', regionName: '襄垣县' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.buffer as unknown as ArrayBuffer);
    const [ledger, notes] = book.worksheets;
    expect(ledger!.getCell('A1').value).toBe('襄垣县2022年重点项目建设台账');
    expect(ledger!.getRow(4).getCell(col('annualPlan')).value).toBe('2022年计划投资');
    expect(ledger!.getRow(4).getCell(col('completedYtd')).value).toBe('1-6月完成投资');
    expect(ledger!.rowCount).toBe(4);
    expect(notes!.name).toBe('填表说明');
    const headers = new Set<unknown>();
    notes!.eachRow((row, n) => n > 1 && headers.add(row.getCell(2).value));
    expect(headers).toContain('项目名称');
    expect(headers).toContain('投资情况 / 总投资');
    expect(notes!.getRow(col('stage') + 1).getCell(3).value).toContain('已投产');
    expect(LEDGER_COLUMNS).toHaveLength(33);
    expect(notes!.getRow(LEDGER_COLUMNS.length + 1).getCell(1).value).toBe('AG'); // the 33rd column
  });
});

describe(`GET /api/ledger/export (${testDialect()})`, () => {
  it('answers the workbook as an attachment with a UTF-8 file name, in the caller’s scope', async () => {
    const app = testApp(handle.db);
    const token = await signInAs(app, 'reporter', 'demo1234');
    const res = await app.request(`/api/ledger/export?region=${DEMO_REGION}&asOf=${DEMO_AS_OF}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('襄垣县2021年重点项目建设台账（截至5月）.xlsx')}`);
    const { rows } = await rowsOf(Buffer.from(await res.arrayBuffer()));
    expect(new Set(rows.filter((r) => typeof r.label === 'number').map((r) => r.cells[col('unit') - 1]))).toEqual(new Set(['古韩镇人民政府']));
    // The streamed body is the reporter's whole ledger: its pool's projects, sums and sections.
    const own = await poolSummary(handle.db, { region: DEMO_REGION, asOf: DEMO_AS_OF }, await demoActor('reporter'));
    expect(rows.filter((r) => typeof r.label === 'number')).toHaveLength(own.all.count);
    expect(rows[0]!.cells[col('totalInvestment') - 1]).toBe(wan(own.all.totalInvestment));
    expect(rows[0]!.cells[col('completedYtd') - 1]).toBe(wan(own.all.completedYtd));
    expect(rows.filter(isSection).map((r) => r.label)).toEqual(
      [own.continuing, own.newStart].filter((p) => p.count > 0).map((p, i) => `${['一', '二'][i]}、${p === own.continuing ? '续建' : '新建'}项目（${p.count}个）`),
    );

    const template = await app.request('/api/ledger/template?asOf=2021-05', { headers: { authorization: `Bearer ${token}` } });
    expect(template.status).toBe(200);
    expect(template.headers.get('content-disposition')).toMatch(/^attachment; filename="ledger-template-2021\.xlsx"; filename\*=UTF-8''/);
    // The template's title names the county of the signed-in person's region.
    const { ws: blank } = await rowsOf(Buffer.from(await template.arrayBuffer()));
    expect(blank.getCell('A1').value).toBe('襄垣县2021年重点项目建设台账');
    expect(blank.rowCount).toBe(4);

    const anonymous = await app.request(`/api/ledger/export?region=${DEMO_REGION}&asOf=${DEMO_AS_OF}`);
    expect(anonymous.status).toBe(401);
    const bad = await app.request(`/api/ledger/export?region=${DEMO_REGION}&asOf=2021-13`, { headers: { authorization: `Bearer ${token}` } });
    expect(bad.status).toBe(422);
  });
});

describe(`a city of two counties (${testDialect()})`, () => {
  let city: DatabaseHandle;
  beforeAll(async () => {
    city = await openTestDatabase();
    await seedCounty(city.db); // 襄垣县 140423 and 平顺县 140425, both in 长治市 140400
  });
  afterAll(async () => {
    await city?.close();
  });

  it('titles the template with the county of a county account, and leaves the blank for a city account', async () => {
    const county = await ledgerTemplateFor(city.db, { asOf: '2022-06' }, { userId: 'u', role: 'viewer', regionCode: '140425', unitId: null, leaderId: null });
    const cityWide = await ledgerTemplateFor(city.db, { asOf: '2022-06' }, { userId: 'u', role: 'viewer', regionCode: '140400', unitId: null, leaderId: null });
    const title = async (buffer: Buffer) => (await rowsOf(buffer)).ws.getCell('A1').value;
    expect(await title(county.buffer)).toBe('平顺县2022年重点项目建设台账');
    expect(await title(cityWide.buffer)).toBe('____县2022年重点项目建设台账');
  });

  it('asks for one county when a unit name is found in several, and takes the name with its county in front', async () => {
    const e = await ledgerFilterIds(city.db, { region: '140400', unit: '发展和改革局' }).catch((x: unknown) => x);
    expect(isAppError(e) && e.message).toBe('责任单位“发展和改革局”在襄垣县、平顺县都有，请写上县名（如“襄垣县发展和改革局”），或只导出其中一个县');
    const units = await listUnits(city.db, '140425');
    const pingshun = units.find((u) => u.name === '发展和改革局')!.id;
    expect(await ledgerFilterIds(city.db, { region: '140400', unit: '平顺县发展和改革局' })).toEqual({ unit: pingshun });
    expect(await ledgerFilterIds(city.db, { region: '140425', unit: '发展和改革局' })).toEqual({ unit: pingshun });
  });
});
