// The command line as county IT staff script it: exit codes, --json on stdout only, the the pool report figures. Sources quoted in docs/sources.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tiaodu } from '../support/cli.ts';
import { testDatabaseTarget, testDialect } from '../support/test-db.ts';

let dir: string;
const drops: (() => Promise<void>)[] = [];

async function freshTarget(): Promise<string> {
  const { target, drop } = await testDatabaseTarget(dir);
  drops.push(drop);
  return target;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiaodu-cli-'));
});
afterAll(async () => {
  for (const d of drops) await d();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe(`tiaodu command line (${testDialect()})`, () => {
  it('prints help for every command, in Chinese', async () => {
    const top = await tiaodu('--help');
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/^用法：tiaodu \[选项\] \[命令\]\n/);
    expect(top.stdout).toContain('显示版本号');
    for (const command of ['init', 'demo', 'pool', 'serve', 'user', 'import', 'export', 'indicators', 'round']) {
      expect(top.stdout).toContain(`\n  ${command} `);
      const help = await tiaodu(command, '--help');
      expect(help.code, command).toBe(0);
      expect(help.stdout).toMatch(/^用法：tiaodu /);
      expect(help.stdout).toContain('-h, --help');
      expect(help.stdout).toContain('显示帮助');
      // Commander's own English words are all replaced.
      expect(help.stdout, command).not.toMatch(/Usage|Options:|Commands:|display help|\[options\]|default:/);
    }
    const pool = await tiaodu('pool', '--help');
    expect(pool.stdout).toContain('选项：');
    expect(pool.stdout).toContain('--db <target>');
    // A Chinese character takes two columns: the descriptions start in one column, [命令] or not in the term before them.
    const columns = (await tiaodu('user', '--help')).stdout
      .split('\n')
      .filter((l) => /^  (add|list|help) /.test(l))
      .map((l) => /^ {2}.+? {2,}(?=\S)/.exec(l)![0].replace(/[^\x00-\x7f]/g, '..').length);
    expect(columns).toHaveLength(3);
    expect(new Set(columns).size).toBe(1);
    expect((await tiaodu('--version')).stdout).toBe('0.1.0\n');
  });

  it('exits 2 on wrong usage, saying why in Chinese, and 1 on refused input', async () => {
    const missing = await tiaodu('pool', '--as-of', '2021-05');
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toBe('错误：缺少必填选项 --region <code>\n（用 --help 查看用法）\n');
    const unknown = await tiaodu('pol');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('错误：没有命令 pol\n（是不是要用 pool？）');
    const option = await tiaodu('pool', '--region', '140423', '--as-of', '2021-05', '--jsn');
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('错误：没有选项 --jsn');
    const extra = await tiaodu('pool', 'x', '--region', '140423', '--as-of', '2021-05');
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain('错误：pool 的参数过多：应有 0 个，给了 1 个');
    expect((await tiaodu('import', 'ledger', '--region', '140423')).stderr).toContain('错误：缺少参数 <file>');
    const db = await freshTarget();
    const notACounty = await tiaodu('init', '--db', db, '--region', '140400');
    expect(notACounty.code).toBe(1);
    expect(notACounty.stderr).toContain('不是县级区划');
    expect(notACounty.stderr).toContain('--all-counties');
    for (const [args, text] of [
      [['pool', '--as-of', '2021-5'], '--as-of 应为月份 YYYY-MM，如 2021-05，而不是“2021-5”'],
      [['pool', '--as-of', '2021-13'], '--as-of 应为月份'],
      [['export', 'indicators', '--year', '21', '--out', path.join(dir, 'x.xlsx')], '--year 应为年份，如 2021，而不是“21”'],
    ] as const) {
      const res = await tiaodu(...args, '--db', db, '--region', '140423', '--json');
      expect(res, args.join(' ')).toMatchObject({ code: 2, stdout: '' });
      expect(res.stderr).toContain(text);
    }
  });

  it('refuses a --db that names no database instead of creating an empty one; init and demo create theirs', async () => {
    const typo = path.join(dir, 'tiaodo.sqlite');
    for (const args of [['pool', '--region', '140423', '--as-of', '2021-05'], ['user', 'list', '--region', '140423'], ['round', 'remind'], ['serve', '--port', '1']]) {
      const res = await tiaodu(...args, '--db', typo);
      expect(res.code, args.join(' ')).toBe(2);
      expect(res.stderr).toContain(`没有这个数据库：${typo}`);
      expect(fs.existsSync(typo), args.join(' ')).toBe(false);
    }
    const created = path.join(dir, 'new', 'county.sqlite');
    expect((await tiaodu('init', '--db', created, '--region', '140423', '--json')).code).toBe(0);
    expect((await tiaodu('user', 'list', '--db', created, '--region', '140423', '--json')).code).toBe(0);
    const demo = path.join(dir, 'demo.sqlite');
    expect((await tiaodu('demo', '--db', demo)).code).toBe(0);
    expect(fs.existsSync(demo)).toBe(true);
  });

  it('sets up any county from the national division data', async () => {
    const db = await freshTarget();
    const weak = await tiaodu('init', '--db', db, '--region', '140423', '--admin-password', 'secret-123');
    expect([weak.code, weak.stderr]).toEqual([1, '错误：管理员密码：这是常见密码（或由常见密码加数字、符号组成），容易被猜中，请换一个\n']);
    const res = await tiaodu('init', '--db', db, '--region', '140423', '--admin-password', 'Xy-county-7', '--json');
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ regionCode: '140423', name: '襄垣县', townships: 9, zones: 1, admin: { username: 'admin-140423' } });
    const add = ['user', 'add', '--db', db, '--username', 'gh-li', '--name', '李娜', '--role', 'reporter', '--region', '140423', '--password', 'Gh-2021-lina'];
    const noUnit = await tiaodu(...add);
    expect(noUnit.code).toBe(1);
    expect(noUnit.stderr).toContain('填报员必须属于一个单位');
    expect((await tiaodu(...add, '--unit', '虒亭镇人民政府')).code).toBe(0);
    const list = await tiaodu('user', 'list', '--db', db, '--region', '140423', '--json');
    expect(JSON.parse(list.stdout)).toEqual(expect.arrayContaining([expect.objectContaining({ username: 'gh-li', role: 'reporter' })]));
  });

  it('sets up every county of a city in one database, with one administrator who sees across them', async () => {
    const db = await freshTarget();
    const notARegion = await tiaodu('init', '--db', db, '--region', '140423', '--all-counties');
    expect(notARegion.code).toBe(1);
    expect(notARegion.stderr).toContain('襄垣县（140423）不是市级或省级区划');
    const res = await tiaodu('init', '--db', db, '--region', '140400', '--all-counties', '--admin-password', 'Changzhi-city-7', '--json');
    expect(res.code).toBe(0);
    const city = JSON.parse(res.stdout);
    // 长治市's twelve county-level divisions, as GB/T 2260 lists them since 2019.
    expect(city.counties.map((c: { name: string }) => c.name)).toEqual(['潞州区', '上党区', '屯留区', '潞城区', '襄垣县', '平顺县', '黎城县', '壶关县', '长子县', '武乡县', '沁县', '沁源县']);
    expect(city.counties.find((c: { regionCode: string }) => c.regionCode === '140423')).toMatchObject({ townships: 9, zones: 1, units: 24 });
    expect(city.counties.every((c: { admin?: unknown }) => c.admin === undefined)).toBe(true);
    expect(city.admin).toEqual({ username: 'admin-140400', password: 'Changzhi-city-7' });
    expect(res.stderr).toContain('[12/12] 沁源县（140431）');
    // The city's administrator gives a county its people: a reporter of a unit of 襄垣县.
    const add = await tiaodu('user', 'add', '--db', db, '--username', 'xy-rep', '--name', '王芳', '--role', 'reporter', '--region', '140423', '--unit', '虒亭镇人民政府', '--password', 'Xy-2026-wangfang');
    expect(add.code).toBe(0);
    const users = JSON.parse((await tiaodu('user', 'list', '--db', db, '--region', '140400', '--json')).stdout);
    expect(users.map((u: { username: string }) => u.username).sort()).toEqual(['admin-140400', 'xy-rep']);
    // Run again (after a failure half-way, or by mistake): nothing twice, no second administrator.
    const again = JSON.parse((await tiaodu('init', '--db', db, '--region', '140400', '--all-counties', '--json')).stdout);
    expect(again.counties.map((c: { units: number }) => c.units)).toEqual(city.counties.map((c: { units: number }) => c.units));
    expect(again.admin).toBeUndefined();
  });

  it('builds the demo and prints the the pool report figures exactly as ACCEPTANCE.md shapes them', async () => {
    const db = await freshTarget();
    expect((await tiaodu('demo', '--db', db)).code).toBe(0);
    const res = await tiaodu('pool', '--db', db, '--region', '140423', '--as-of', '2021-05', '--json');
    expect(res.code).toBe(0);
    const pool = JSON.parse(res.stdout);
    expect(pool).toMatchObject({
      region: '140423',
      asOf: '2021-05',
      all: { count: 229, totalInvestment: 40_280_000_000, annualPlan: 10_338_000_000, completedYtd: 3_439_000_000 },
      continuing: { count: 86, totalInvestment: 18_890_000_000, annualPlan: 4_438_000_000, resumed: 86, resumeRate: 1 },
      newStart: { count: 143, totalInvestment: 21_390_000_000, annualPlan: 5_900_000_000, completedYtd: 1_590_000_000, started: 136, startRate: 0.951 },
    });
    const again = await tiaodu('demo', '--db', db);
    expect(again.code).toBe(1);
    const text = await tiaodu('pool', '--db', db, '--region', '140423', '--as-of', '2021-05');
    expect(text.stdout).toContain('开工率95.1%');
  });
});
