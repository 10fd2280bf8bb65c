// A county's first day, as a new user tries it: `tiaodu init` for a county that is not the demo, then its own ledger
// (.xls as WPS saves it, .csv in GBK) imported as it is, and the pool's figures equal to the file's.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connect.ts';
import { loadCountyProjects } from '../../src/db/repositories/ledger.repository.ts';
import { listLeaders, listUnitAliases, listUnits } from '../../src/db/repositories/region.repository.ts';
import { tiaodu } from '../support/cli.ts';
import {
  OWN_COUNTY, OWN_COUNTY_AS_OF, OWN_COUNTY_PROJECTS, ownCountyCsv, ownCountyXls, type CountyLedgerProject,
} from '../support/ledger-files.ts';
import { testDatabaseTarget, testDialect } from '../support/test-db.ts';

let dir: string;
const drops: (() => Promise<void>)[] = [];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiaodu-first-day-'));
});
afterAll(async () => {
  for (const d of drops) await d();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** 万元 as the file writes them → 元, summed: the figures the file itself gives, worked out here from its rows. */
function fileFigures(ps: readonly CountyLedgerProject[]) {
  const yuan = (wan: number) => Math.round(wan * 10_000);
  const sum = (rows: readonly CountyLedgerProject[], key: 'total' | 'plan' | 'ytd') => rows.reduce((s, p) => s + yuan(p[key]), 0);
  const continuing = ps.filter((p) => p.phase === '在建');
  const newStart = ps.filter((p) => p.phase === '新开工');
  const yes = (rows: readonly CountyLedgerProject[]) => rows.filter((p) => p.started === '是').length;
  return {
    all: { count: ps.length, totalInvestment: sum(ps, 'total'), annualPlan: sum(ps, 'plan'), completedYtd: sum(ps, 'ytd') },
    continuing: { count: continuing.length, totalInvestment: sum(continuing, 'total'), annualPlan: sum(continuing, 'plan'), completedYtd: sum(continuing, 'ytd'), resumed: yes(continuing), resumeRate: Number((yes(continuing) / continuing.length).toFixed(4)) },
    newStart: { count: newStart.length, totalInvestment: sum(newStart, 'total'), annualPlan: sum(newStart, 'plan'), completedYtd: sum(newStart, 'ytd'), started: yes(newStart), startRate: Number((yes(newStart) / newStart.length).toFixed(4)) },
  };
}

describe.each([
  ['.xls', 'ledger.xls', ownCountyXls],
  ['.csv in GBK', 'ledger.csv', () => ownCountyCsv('gbk')],
])(`a fresh county imports its own ledger, %s (${testDialect()})`, (_, fileName, build) => {
  let db: string;
  let file: string;

  beforeAll(async () => {
    const { target, drop } = await testDatabaseTarget(dir);
    drops.push(drop);
    db = target;
    file = path.join(dir, `${drops.length}-${fileName}`);
    fs.writeFileSync(file, build());
    const init = await tiaodu('init', '--db', db, '--region', OWN_COUNTY, '--admin-password', 'admin-pass-1');
    if (init.code !== 0) throw new Error(init.stderr);
  }, 120_000);

  it('previews what it will create, then imports every row, creating the leaders and the units it does not know', async () => {
    const preview = await tiaodu('import', 'ledger', file, '--db', db, '--region', OWN_COUNTY, '--dry-run');
    expect(preview.code, preview.stderr).toBe(0);
    expect(preview.stderr).toContain('将新建包联领导 9 位：许波、张建国、李明、王志强、赵刚、刘洋、陈静、孙伟、周涛');
    expect(preview.stderr).toContain('将新建责任单位 2 个：水务局、平顺县城投公司项目建设指挥部');

    const run = await tiaodu('import', 'ledger', file, '--db', db, '--region', OWN_COUNTY, '--json');
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ committed: true, imported: 12, new: 12, rejected: [], year: 2024, asOf: OWN_COUNTY_AS_OF, unit: '万元' });
    expect(report.created.units).toEqual(['水务局', '平顺县城投公司项目建设指挥部']);
    expect(report.created.leaders.map((l: { name: string }) => l.name)).toEqual(['许波', '张建国', '李明', '王志强', '赵刚', '刘洋', '陈静', '孙伟', '周涛']);
    // 是 without a start date still starts the project, and the report says which day it took.
    expect(report.rows.find((r: { name: string }) => r.name === '平顺县中药材加工园').notes).toEqual(['开工时间未填，按“是否开工：是”记为2024-06-01']);
  });

  it('gives the pool the counts, 元 sums, 开工率 and 复工率 of the file', async () => {
    const pool = await tiaodu('pool', '--db', db, '--region', OWN_COUNTY, '--as-of', OWN_COUNTY_AS_OF, '--breakdowns', '--json');
    expect(pool.code, pool.stderr).toBe(0);
    const figures = JSON.parse(pool.stdout);
    const expected = fileFigures(OWN_COUNTY_PROJECTS);
    expect(figures.all).toMatchObject(expected.all);
    expect(figures.continuing).toMatchObject(expected.continuing);
    expect(figures.newStart).toMatchObject(expected.newStart);
    // The file: 6 of 7 在建 resumed, 3 of 5 新开工 started.
    expect([figures.continuing.resumed, figures.newStart.started]).toEqual([6, 3]);
    // 许波 leads four projects, two of them with another leader: each counts under both.
    const xu = figures.byLeader.find((r: { label: string }) => r.label === '许波');
    expect(xu.all.count).toBe(OWN_COUNTY_PROJECTS.filter((p) => p.leaders.replace(/\s+/g, '').includes('许波')).length);
    expect(xu.all.count).toBe(4);
  });

  it('links abbreviated units to the county’s own, several leaders to one project, and keeps the file’s words', async () => {
    const handle = await openDatabase(db);
    try {
      const [projects, units, leaders, aliases] = await Promise.all([
        loadCountyProjects(handle.db, OWN_COUNTY), listUnits(handle.db, OWN_COUNTY), listLeaders(handle.db, OWN_COUNTY), listUnitAliases(handle.db, OWN_COUNTY),
      ]);
      const unitName = new Map(units.map((u) => [u.id, u.name]));
      const leaderName = new Map(leaders.map((l) => [l.id, l.name]));
      const of = (name: string) => projects.find((p) => p.project.name === name)!.project;
      const unitOf = (name: string) => unitName.get(of(name).unitId!);
      expect(unitOf('平顺经开区标准化厂房二期')).toBe('平顺经济技术开发区管委会');
      expect(unitOf('平顺县城区集中供热管网改造工程')).toBe('住房和城乡建设局');
      expect(unitOf('平顺县中医院综合楼')).toBe('青羊镇人民政府');
      expect(unitOf('平顺县中药材加工园')).toBe('工业和信息化局');
      expect(unitOf('平顺县100MW光伏发电项目')).toBe('发展和改革局');
      expect(unitOf('平顺县冷链物流中心')).toBe('商务局');
      expect(unitOf('青羊镇农村供水保障工程')).toBe('水务局');
      expect(of('平顺经开区标准化厂房二期').leaderIds.map((id) => leaderName.get(id))).toEqual(['张建国', '李明']);
      expect(of('太行山旅游公路平顺段').leaderIds.map((id) => leaderName.get(id))).toEqual(['王志强', '赵刚']);
      expect(of('通天峡景区提质升级').leaderIds.map((id) => leaderName.get(id))).toEqual(['刘洋', '陈静']);
      expect(of('青羊镇农村供水保障工程').leaderIds.map((id) => leaderName.get(id))).toEqual(['孙伟', '周涛']);
      expect(of('平顺县城区集中供热管网改造工程').leaderIds.map((id) => leaderName.get(id))).toEqual(['许波']);
      expect(of('太行山旅游公路平顺段')).toMatchObject({ keyLevel: 'province', progressNote: '路基完成，正在铺设面层', owner: '平顺县交通运输局' });
      // 至上年底累计完成投资 is what was done before the year: 51 000 万元 then, 8 800 万元 in 2024.
      expect(of('太行山旅游公路平顺段').completedBefore).toBe(510_000_000);
      // The abbreviations met are kept as the county's own names for its units.
      expect(aliases.map((a) => [a.alias, unitName.get(a.unitId)])).toContainEqual(['经开区管委会', '平顺经济技术开发区管委会']);
    } finally {
      await handle.close();
    }
  });
});
