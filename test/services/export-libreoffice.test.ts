// LibreOffice opens the exported ledger headless and shows the same figures: what a clerk without Excel prints.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/domain/access.ts';
import { LEDGER_COLUMNS } from '../../src/domain/ledger/ledger-columns.ts';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { createDemo, DEMO_AS_OF, DEMO_REGION } from '../../src/demo/create-demo.ts';
import { exportLedger, ledgerTemplate } from '../../src/services/export-ledger.ts';
import { poolSummary, type PoolSummary } from '../../src/services/pool-summary.ts';
import { openTestDatabase, testDialect } from '../support/test-db.ts';

/**
 * The LibreOffice binary. Missing is a failure, not a skip: the promise that every reader shows the figures is only
 * checked here. CI installs the Debian package libreoffice-calc-nogui.
 */
function soffice(): string {
  for (const name of ['soffice', 'libreoffice']) {
    for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
      const candidate = path.join(dir, name);
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        return candidate;
      } catch {
        // not in this directory
      }
    }
  }
  throw new Error('LibreOffice is not installed (neither soffice nor libreoffice is on PATH): install the Debian package libreoffice-calc-nogui to run this test');
}

// CSV filter options: comma, double quote, UTF-8 (76), from line 1, default cell formats, en-US (1033) so the
// thousands separator is a comma, quoted text as text, detect special numbers, and save cells as shown (true).
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,true';

let work: string;
let handle: DatabaseHandle;
let summary: PoolSummary;

/** Converts a workbook to CSV with a fresh LibreOffice profile, and parses the CSV. */
function convert(file: string): string[][] {
  const binary = soffice();
  const profile = pathToFileURL(path.join(work, 'profile')).href;
  const outDir = path.join(work, 'csv');
  execFileSync(binary, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', CSV_FILTER, '--outdir', outDir, file], {
    stdio: 'pipe',
    timeout: 120_000,
  });
  const csv = path.join(outDir, `${path.basename(file, '.xlsx')}.csv`);
  if (!fs.existsSync(csv)) throw new Error(`LibreOffice wrote no CSV for ${path.basename(file)}`);
  return parseCsv(fs.readFileSync(csv, 'utf8'));
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

const shown = (yuan: number) => (yuan / 10_000).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const col = (key: string) => LEDGER_COLUMNS.findIndex((c) => c.key === key);

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-lo-'));
  handle = await openTestDatabase();
  await createDemo(handle.db, new Date('2021-06-01T08:00:00Z'));
  summary = await poolSummary(handle.db, { region: DEMO_REGION, asOf: DEMO_AS_OF }, SYSTEM_ACTOR);
});

afterAll(async () => {
  await handle?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe(`the exported ledger in LibreOffice (${testDialect()})`, () => {
  it('shows the title, the header and the pool analysis figures with two decimals', { timeout: 180_000 }, async () => {
    const file = path.join(work, 'ledger.xlsx');
    fs.writeFileSync(file, (await exportLedger(handle.db, { region: DEMO_REGION, asOf: DEMO_AS_OF }, SYSTEM_ACTOR)).buffer);
    const rows = convert(file);
    expect(rows[0]![0]).toBe('襄垣县2021年重点项目建设台账');
    expect(rows[1]![0]).toBe('单位：万元    截至2021年5月');
    expect(rows[2]![col('totalInvestment')]).toBe('投资情况（万元）');
    expect(rows[3]![col('completedYtd')]).toBe('1-5月完成投资');

    const total = rows[4]!;
    expect(total[0]).toBe('合计');
    expect(total[col('totalInvestment')]).toBe('4,028,000.00');
    expect(total[col('totalInvestment')]).toBe(shown(summary.all.totalInvestment));
    expect(total[col('annualPlan')]).toBe(shown(summary.all.annualPlan));
    expect(total[col('completedYtd')]).toBe(shown(summary.all.completedYtd));

    const byLabel = new Map(rows.map((r) => [r[0], r]));
    expect(byLabel.get('一、续建项目（86个）')![col('totalInvestment')]).toBe(shown(summary.continuing.totalInvestment));
    expect(byLabel.get('二、新建项目（143个）')![col('annualPlan')]).toBe(shown(summary.newStart.annualPlan));
    // 229 project rows, each numbered within its section, and nothing LibreOffice would show as an error.
    expect(rows.filter((r) => /^\d+$/.test(r[0] ?? '')).length).toBe(229);
    expect(rows.flat().some((v) => /^(#|Err:)/.test(v))).toBe(false);
  });

  it('opens the template with its header block', { timeout: 180_000 }, async () => {
    const file = path.join(work, 'template.xlsx');
    fs.writeFileSync(file, (await ledgerTemplate({ asOf: '2021-05', regionName: '襄垣县' })).buffer);
    const rows = convert(file);
    expect(rows[0]![0]).toBe('襄垣县2021年重点项目建设台账');
    expect(rows[3]![col('annualPlan')]).toBe('2021年计划投资');
  });
});
