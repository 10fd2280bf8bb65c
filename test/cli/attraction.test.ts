// The attraction commands as county IT staff script them: the funnel as JSON, seed 003 read into candidates, the
// leads ledger exported and imported back, and an import refusing its bad rows by row number.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connect.ts';
import { insertLeaders } from '../../src/db/repositories/region.repository.ts';
import { DEMO_LEADERS } from '../../src/demo/pool/leaders.ts';
import { tiaodu } from '../support/cli.ts';
import { testDatabaseTarget, testDialect } from '../support/test-db.ts';

let dir: string;
let demo: string;
const drops: (() => Promise<void>)[] = [];
const NEWS = path.resolve('test/domain/attraction/fixtures/seed-003-news.txt');

async function freshTarget(): Promise<string> {
  const { target, drop } = await testDatabaseTarget(dir);
  drops.push(drop);
  return target;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiaodu-attract-'));
  demo = await freshTarget();
  expect((await tiaodu('demo', '--db', demo)).code).toBe(0);
}, 300_000);
afterAll(async () => {
  for (const d of drops) await d();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe(`attraction commands (${testDialect()})`, { timeout: 300_000 }, () => {
  it('prints the funnel as one JSON document: stages in order with reached and current, the rates, the targets', async () => {
    const r = await tiaodu('funnel', '--db', demo, '--region', '140423402', '--year', '2023', '--on', '2023-06-30', '--json');
    expect(r.code).toBe(0);
    const f = JSON.parse(r.stdout);
    expect(f.stages.map((s: { stage: string }) => s.stage)).toEqual(['线索', '洽谈', '签约', '开工', '投产']);
    expect(f.stages[2]).toEqual({ stage: '签约', code: 'signed', reached: { count: 12, amount: 5_380_000_000 }, current: { count: 8, amount: 4_030_000_000 } });
    expect(Object.keys(f.rates)).toEqual(['performance', 'landing', 'production', 'fundsInPlace', 'attainment']);
    const county = JSON.parse((await tiaodu('funnel', '--db', demo, '--region', '140423', '--year', '2021', '--json')).stdout);
    expect(county.targets.landingRate).toMatchObject({ target: 0.4, met: true });
    expect((await tiaodu('funnel', '--db', demo, '--region', '140423', '--year', '21')).code).toBe(2);
  });

  it('reads seed 003 into candidates with region, event and amount in 元', async () => {
    const r = await tiaodu('news', 'read', NEWS, '--region', '140423', '--json');
    expect(r.code).toBe(0);
    const candidates = JSON.parse(r.stdout) as { title: string; date: string; region: string; project: string; event: string; amount: number | null; enterprise: string | null }[];
    expect(candidates).toHaveLength(27);
    expect(candidates.find((c) => c.project === '3D增材打印示范项目')).toMatchObject({ region: '140429', event: '开工', amount: 200_000_000, date: '2025-07-09' });
    expect(candidates[0]).toMatchObject({ region: '140923', project: '忻州市代县雁门10万千瓦光伏电站项目', event: '开工', enterprise: '山西建投建工集团公司' });
    expect((await tiaodu('news', 'read', path.join(dir, 'missing.txt'))).code).toBe(1);
  });

  it('exports the leads ledger and imports it back into another county database, every row taken', async () => {
    const file = path.join(dir, '线索台账.xlsx');
    const out = await tiaodu('leads', 'export', '--db', demo, '--region', '140423', '--out', file, '--json');
    expect(out.code).toBe(0);
    const exported = JSON.parse(out.stdout).rows as number;
    expect(exported).toBe(32);
    const fresh = await freshTarget();
    expect((await tiaodu('init', '--db', fresh, '--region', '140423')).code).toBe(0);
    // Without the county's leaders the rows naming them are refused, each with its row number, and nothing is written.
    const refused = await tiaodu('leads', 'import', file, '--db', fresh, '--region', '140423', '--json');
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout).committed).toBe(false);
    expect(JSON.parse(refused.stdout).rejected[0].reason).toMatch(/^第3行：包联领导“.+”不是本县的包联领导$/);
    const h = await openDatabase(fresh);
    await insertLeaders(h.db, DEMO_LEADERS.map((l, i) => ({ id: `leader-${i}`, regionCode: '140423', name: l.name, title: l.title, sortOrder: i })));
    await h.close();
    const r = await tiaodu('leads', 'import', file, '--db', fresh, '--region', '140423', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ committed: true, imported: exported, rejected: [] });
    // The same funnel from the ledger as from the demo's own leads.
    const funnel = (target: string) => tiaodu('funnel', '--db', target, '--region', '140423402', '--year', '2023', '--on', '2023-06-30', '--json').then((x) => JSON.parse(x.stdout).stages);
    expect(await funnel(fresh)).toEqual(await funnel(demo));
  });

  it('refuses bad rows by their row number and imports nothing, unless asked to skip them', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('线索');
    ws.addRow(['襄垣县招商引资项目台账']);
    ws.addRow(['项目名称', '投资方', '投资方来源', '线索来源', '获得线索日期', '意向投资额（亿元）', '洽谈日期', '签约日期', '签约类型']);
    ws.addRow(['碳纤维复合材料项目', '江苏恒神股份有限公司', '省外', '展会招商', '2023-05-22', 5, '2023-06-01', null, null]);
    ws.addRow(['废旧轮胎热裂解项目', '山东双星再生资源有限公司', '境内', '展会', '2023-06-09', 3, null, null, null]);
    ws.addRow(['氢能重卡换电站项目', '山西美锦氢能科技有限公司', '市外', '上门招商', '2023-01-05', 2.4, '2023-02-01', '2023-01-20', '正式合同']);
    ws.addRow(['碳纤维复合材料项目', null, null, null, '2023-05-22', 5, null, null, null]);
    const file = path.join(dir, 'bad.xlsx');
    await wb.xlsx.writeFile(file);
    const db = await freshTarget();
    expect((await tiaodu('init', '--db', db, '--region', '140423')).code).toBe(0);
    const r = await tiaodu('leads', 'import', file, '--db', db, '--region', '140423', '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).rejected).toEqual([
      { row: 4, reason: '第4行：投资方来源“境内”无法识别，应为省外、市外或本地' },
      { row: 5, reason: '第5行：签约日期2023-01-20早于前一阶段（2023-02-01）' },
      { row: 6, reason: '第6行：与第3行是同一线索' },
    ]);
    const skipped = JSON.parse((await tiaodu('leads', 'import', file, '--db', db, '--region', '140423', '--skip-invalid', '--json')).stdout);
    expect([skipped.committed, skipped.imported]).toEqual([true, 1]);
  });
});
