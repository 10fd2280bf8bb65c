// tiaodu export ledger as county IT staff script it: the file streamed to --out, filters by the names a clerk types, refusals.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/domain/access.ts';
import { LEDGER_COLUMNS } from '../../src/domain/ledger/ledger-columns.ts';
import { openDatabase, type DatabaseHandle } from '../../src/db/connect.ts';
import { listLeaders } from '../../src/db/repositories/region.repository.ts';
import { findUserByUsername } from '../../src/db/repositories/user.repository.ts';
import { FIRST_DATA_ROW } from '../../src/io/ledger-writer.ts';
import { actorOf } from '../../src/services/auth/sessions.ts';
import { exportLedger } from '../../src/services/export-ledger.ts';
import { poolSummary } from '../../src/services/pool-summary.ts';
import { tiaodu } from '../support/cli.ts';
import { testDatabaseTarget, testDialect } from '../support/test-db.ts';

let dir: string;
let db: string;
let handle: DatabaseHandle;
const drops: (() => Promise<void>)[] = [];

const col = (key: string) => LEDGER_COLUMNS.findIndex((c) => c.key === key) + 1;

/** The 合计 row's total investment (万元) and the project rows' 责任单位 and 包联领导 of an exported file. */
async function readLedger(file: string): Promise<{ total: unknown; units: Set<unknown>; leaders: Set<unknown>; projects: number }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const ws = book.worksheets[0]!;
  const units = new Set<unknown>();
  const leaders = new Set<unknown>();
  let projects = 0;
  for (let r = FIRST_DATA_ROW; r <= ws.rowCount; r += 1) {
    const row = ws.getRow(r);
    if (typeof row.getCell(1).value !== 'number') continue;
    projects += 1;
    units.add(row.getCell(col('unit')).value);
    leaders.add(row.getCell(col('leader')).value);
  }
  return { total: ws.getRow(FIRST_DATA_ROW).getCell(col('totalInvestment')).value, units, leaders, projects };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiaodu-export-'));
  const { target, drop } = await testDatabaseTarget(dir);
  drops.push(drop);
  db = target;
  const demo = await tiaodu('demo', '--db', db);
  if (demo.code !== 0) throw new Error(demo.stderr);
  handle = await openDatabase(db);
}, 120_000);
afterAll(async () => {
  await handle?.close();
  for (const d of drops) await d();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe(`tiaodu export ledger (${testDialect()})`, () => {
  it('says in its help that --unit and --leader take names', async () => {
    const help = await tiaodu('export', 'ledger', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--unit <name>');
    expect(help.stdout).toContain('--leader <name>');
  });

  it('writes the whole ledger to --out and reports it with --json', async () => {
    const out = path.join(dir, '台账.xlsx');
    const res = await tiaodu('export', 'ledger', '--db', db, '--region', '140423', '--as-of', '2021-05', '--out', out, '--json');
    expect(res.code, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual({ out, rows: 229, filename: '襄垣县2021年重点项目建设台账（截至5月）.xlsx' });
    const all = await poolSummary(handle.db, { region: '140423', asOf: '2021-05' }, SYSTEM_ACTOR);
    const ledger = await readLedger(out);
    expect(ledger.projects).toBe(229);
    expect(ledger.total).toBe(all.all.totalInvestment / 10_000);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('filters by the unit and the leader as a clerk names them', async () => {
    const reporter = actorOf((await findUserByUsername(handle.db, 'reporter'))!);
    const own = await poolSummary(handle.db, { region: '140423', asOf: '2021-05' }, reporter);
    const out = path.join(dir, '古韩镇.xlsx');
    const byUnit = await tiaodu('export', 'ledger', '--db', db, '--region', '140423', '--as-of', '2021-05', '--unit', '古韩镇人民政府', '--out', out, '--json');
    expect(byUnit.code, byUnit.stderr).toBe(0);
    expect(JSON.parse(byUnit.stdout).rows).toBe(own.all.count);
    const unitLedger = await readLedger(out);
    expect(unitLedger.units).toEqual(new Set(['古韩镇人民政府']));
    expect(unitLedger.total).toBe(own.all.totalInvestment / 10_000);

    const li = (await listLeaders(handle.db, '140423')).find((l) => l.name === '李宏伟')!;
    const expected = await exportLedger(handle.db, { region: '140423', asOf: '2021-05', leader: li.id }, SYSTEM_ACTOR);
    expect(expected.rows).toBeGreaterThan(0);
    const leaderOut = path.join(dir, '李宏伟.xlsx');
    const byName = await tiaodu('export', 'ledger', '--db', db, '--region', '140423', '--as-of', '2021-05', '--leader', '李宏伟', '--out', leaderOut, '--json');
    expect(byName.code, byName.stderr).toBe(0);
    expect(JSON.parse(byName.stdout).rows).toBe(expected.rows);
    expect((await readLedger(leaderOut)).leaders).toEqual(new Set(['李宏伟']));
    // An id still works.
    const byId = await tiaodu('export', 'ledger', '--db', db, '--region', '140423', '--as-of', '2021-05', '--leader', li.id, '--out', leaderOut, '--json');
    expect(JSON.parse(byId.stdout).rows).toBe(expected.rows);
  });

  it('refuses an unknown unit or leader with exit 1, naming it, and writes no file', async () => {
    const out = path.join(dir, 'refused.xlsx');
    const unit = await tiaodu('export', 'ledger', '--db', db, '--region', '140423', '--as-of', '2021-05', '--unit', '不存在的局', '--out', out);
    expect(unit.code).toBe(1);
    expect(unit.stderr).toContain('襄垣县没有名为“不存在的局”的责任单位');
    const leader = await tiaodu('export', 'ledger', '--db', db, '--region', '140423', '--as-of', '2021-05', '--leader', '王五', '--out', out, '--json');
    expect(leader.code).toBe(1);
    expect(leader.stdout).toBe('');
    expect(leader.stderr).toContain('“王五”');
    expect(fs.existsSync(out)).toBe(false);
  });
});
