// tiaodu audit as an operator scripts it: Chinese help, the trail listed and exported, pruning refused inside six months.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tiaodu } from '../support/cli.ts';
import { commandDatabase } from '../support/cli-database.ts';
import { testDialect } from '../support/test-db.ts';

const home = commandDatabase('tiaodu-audit-', ['init', '--region', '140423'], 600_000);
beforeAll(async () => {
  const added = await tiaodu('user', 'add', '--db', home.target, '--username', 'gh-clerk', '--name', '李会计', '--role', 'viewer', '--region', '140423', '--password', 'Start-2021-lk');
  expect(added.code, added.stderr).toBe(0);
});

describe(`tiaodu audit (${testDialect()})`, () => {
  it('explains itself in Chinese and refuses a malformed day as usage', async () => {
    const help = await tiaodu('audit', '--help');
    expect(help.code).toBe(0);
    for (const name of ['list', 'export', 'prune']) expect(help.stdout).toMatch(new RegExp(`\\n\\s+${name}\\b.*[\u4e00-\u9fff]`));
    expect((await tiaodu('audit', 'list', '--db', home.target, '--from', '2026-1-1')).code).toBe(2);
  }, 600_000);

  it('lists and exports the account the command line added, by the system', async () => {
    const listed = await tiaodu('audit', 'list', '--db', home.target, '--action', 'account.create', '--json');
    expect(listed.code, listed.stderr).toBe(0);
    const page = JSON.parse(listed.stdout);
    expect(page.events.map((e: { actorName: string | null; after: { username: string } }) => [e.actorName, e.after.username])).toEqual([[null, 'gh-clerk']]);
    const text = await tiaodu('audit', 'list', '--db', home.target);
    expect(text.stdout).toMatch(/系统\t\t\t新建账号\t账号\t.*用户名: gh-clerk/);

    const out = path.join(home.dir, 'audit.csv');
    const exported = await tiaodu('audit', 'export', '--db', home.target, '--out', out, '--action', 'account.create');
    expect(exported.code, exported.stderr).toBe(0);
    const csv = fs.readFileSync(out, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\ufeff"时间","地区","操作人","角色","地址","操作","对象","对象编号","修改前","修改后"');
    expect(csv).toContain('"140423","系统","","","新建账号","账号"');
    expect((await tiaodu('audit', 'export', '--db', home.target, '--out', path.join(home.dir, 'audit.txt'))).code).toBe(2);
  }, 600_000);

  it('refuses to prune inside six months, and records a prune it does', async () => {
    const young = await tiaodu('audit', 'prune', '--db', home.target, '--before', new Date().toISOString().slice(0, 10));
    expect(young.code).toBe(1);
    expect(young.stderr).toMatch(/至少保存183天/);
    const old = await tiaodu('audit', 'prune', '--db', home.target, '--before', '2020-01-01', '--json');
    expect(old.code, old.stderr).toBe(0);
    expect(JSON.parse(old.stdout)).toEqual({ before: '2020-01-01', removed: 0 });
    const listed = JSON.parse((await tiaodu('audit', 'list', '--db', home.target, '--action', 'audit.prune', '--json')).stdout);
    expect(listed.events.map((e: { after: unknown }) => e.after)).toEqual([{ before: '2020-01-01', removed: 0 }]);
  }, 600_000);
});
