// The command line as county IT staff script it: exit codes, --json on stdout only, the seed-000 figures.
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
  it('prints help for every command', async () => {
    const top = await tiaodu('--help');
    expect(top.code).toBe(0);
    for (const command of ['init', 'demo', 'pool', 'serve']) {
      expect(top.stdout).toContain(command);
      const help = await tiaodu(command, '--help');
      expect(help.code, command).toBe(0);
      expect(help.stdout).toContain('--db');
    }
  });

  it('exits 2 on wrong usage and 1 on refused input, saying why', async () => {
    const missing = await tiaodu('pool', '--as-of', '2021-05');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--region');
    const unknown = await tiaodu('frobnicate');
    expect(unknown.code).toBe(2);
    const db = await freshTarget();
    const notACounty = await tiaodu('init', '--db', db, '--region', '140400');
    expect(notACounty.code).toBe(1);
    expect(notACounty.stderr).toContain('不是县级区划');
    const badMonth = await tiaodu('pool', '--db', db, '--region', '140423', '--as-of', '2021-5', '--json');
    expect(badMonth.code).toBe(1);
    expect(badMonth.stdout).toBe('');
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

  it('builds the demo and prints the seed-000 figures exactly as ACCEPTANCE.md shapes them', async () => {
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
