// tiaodu import ledger as county IT staff script it: exit codes, --json on stdout, refused rows, --skip-invalid.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { combinedLedger, ledgerWithErrors } from '../support/ledger-files.ts';
import { tiaodu } from '../support/cli.ts';
import { testDatabaseTarget, testDialect } from '../support/test-db.ts';

let dir: string;
let db: string;
const drops: (() => Promise<void>)[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiaodu-import-'));
  const { target, drop } = await testDatabaseTarget(dir);
  drops.push(drop);
  db = target;
  fs.writeFileSync(path.join(dir, 'combined.xlsx'), await combinedLedger());
  fs.writeFileSync(path.join(dir, 'errors.xlsx'), await ledgerWithErrors());
  fs.writeFileSync(path.join(dir, 'old.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]));
  fs.writeFileSync(path.join(dir, 'no-year.csv'), '项目名称,项目性质,总投资,年度计划投资\n古韩镇集中供热改造工程,续建,20000,8000\n');
  const init = await tiaodu('init', '--db', db, '--region', '140423', '--admin-password', 'admin-pass-1');
  if (init.code !== 0) throw new Error(init.stderr);
}, 120_000);
afterAll(async () => {
  for (const d of drops) await d();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe(`tiaodu import ledger (${testDialect()})`, () => {
  it('has Chinese help', async () => {
    const help = await tiaodu('import', 'ledger', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--skip-invalid');
    expect(help.stdout).toContain('导入项目台账');
  });

  it('imports the combined ledger and prints the report with --json; a re-import finds the same projects', async () => {
    const first = await tiaodu('import', 'ledger', path.join(dir, 'combined.xlsx'), '--db', db, '--region', '140423', '--json');
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ committed: true, imported: 5, new: 5, updated: 0, unchanged: 0, rejected: [], sheet: '重点项目', unit: '万元', year: 2022, asOf: '2022-06' });
    const again = await tiaodu('import', 'ledger', path.join(dir, 'combined.xlsx'), '--db', db, '--region', '140423', '--json');
    expect(JSON.parse(again.stdout)).toMatchObject({ imported: 5, new: 0, unchanged: 5 });
  });

  it('exits 1 and imports nothing when a row is refused; --skip-invalid takes the valid rows', async () => {
    const refused = await tiaodu('import', 'ledger', path.join(dir, 'errors.xlsx'), '--db', db, '--region', '140423', '--json');
    expect(refused.code).toBe(1);
    const report = JSON.parse(refused.stdout);
    expect(report).toMatchObject({ committed: false, imported: 0 });
    expect(report.rejected).toContainEqual({ row: 4, reason: '第4行：总投资“abc”不是数字' });
    expect(refused.stderr).toContain('--skip-invalid');
    const skipped = await tiaodu('import', 'ledger', path.join(dir, 'errors.xlsx'), '--db', db, '--region', '140423', '--skip-invalid', '--json');
    expect(skipped.code).toBe(0);
    expect(JSON.parse(skipped.stdout)).toMatchObject({ committed: true, imported: 1, new: 1 });
  });

  it('refuses a damaged .xls with exit 1, names the flag a missing year needs; wrong usage exits 2', async () => {
    const xls = await tiaodu('import', 'ledger', path.join(dir, 'old.xls'), '--db', db, '--region', '140423');
    expect(xls.code).toBe(1);
    expect(xls.stderr).toContain('文件不是有效的 Excel 工作簿（.xls），可能已损坏');
    const noYear = await tiaodu('import', 'ledger', path.join(dir, 'no-year.csv'), '--db', db, '--region', '140423');
    expect(noYear.code).toBe(1);
    expect(noYear.stderr).toContain('无法看出台账的年度');
    expect(noYear.stderr).toContain('命令行用 --year，如 --year 2024');
    const noRegion = await tiaodu('import', 'ledger', path.join(dir, 'combined.xlsx'), '--db', db);
    expect(noRegion.code).toBe(2);
  });
});
