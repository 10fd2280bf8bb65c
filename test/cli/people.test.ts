// tiaodu user, unit and leader as county IT staff script them: Chinese help, --json on stdout, exit 0 / 1 refused / 2 usage.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connect.ts';
import { verifyPassword } from '../../src/services/auth/password.ts';
import { findUserByUsername } from '../../src/db/repositories/user.repository.ts';
import { tiaodu } from '../support/cli.ts';
import { commandDatabase } from '../support/cli-database.ts';
import { testDialect } from '../support/test-db.ts';

const home = commandDatabase('tiaodu-people-', ['init', '--region', '140423']);

const json = async (...args: string[]) => {
  const res = await tiaodu(...args, '--db', home.target, '--json');
  expect(res.code, `${args.join(' ')}: ${res.stderr}`).toBe(0);
  return JSON.parse(res.stdout);
};

async function passwordOf(username: string, password: string): Promise<{ right: boolean; mustChange: boolean; disabled: boolean }> {
  const h = await openDatabase(home.target);
  try {
    const u = (await findUserByUsername(h.db, username))!;
    return { right: await verifyPassword(password, u.passwordHash), mustChange: u.mustChangePassword, disabled: u.disabled };
  } finally {
    await h.close();
  }
}

describe(`tiaodu user, unit, leader (${testDialect()})`, () => {
  it('explains every command in Chinese', async () => {
    const subcommands = { user: ['add', 'list', 'disable', 'enable', 'reset-password'], unit: ['list', 'add', 'rename', 'alias', 'merge', 'robot'], leader: ['list', 'add', 'rename', 'retire', 'merge'] };
    for (const [group, names] of Object.entries(subcommands)) {
      const help = await tiaodu(group, '--help');
      expect(help.code, group).toBe(0);
      // Each subcommand listed with its Chinese description.
      for (const name of names) expect(help.stdout, `${group} ${name}`).toMatch(new RegExp(`\\n\\s+${name}\\b.*[\u4e00-\u9fff]`));
    }
    const merge = await tiaodu('unit', 'merge', '--help');
    expect(merge.stdout).toContain('--into <unit>');
    expect(merge.stdout).toContain('一个事务内完成');
  }, 600_000);

  it('adds an account with a generated initial password shown once, then disables, enables and resets it', async () => {
    const added = await json('user', 'add', '--username', 'GH-Lina', '--name', '李娜', '--role', 'reporter', '--region', '140423', '--unit', '古韩镇人民政府');
    expect(added.account).toMatchObject({ username: 'gh-lina', mustChangePassword: true, disabled: false });
    expect(await passwordOf('gh-lina', added.generatedPassword)).toEqual({ right: true, mustChange: true, disabled: false });
    const text = await tiaodu('user', 'add', '--db', home.target, '--username', 'gh-wang', '--name', '王芳', '--role', 'viewer', '--region', '140423', '--password', 'Start-2021-wf');
    expect([text.code, text.stdout, text.stderr]).toEqual([0, '', '已添加账号 gh-wang（王芳，查看者）\n首次登录时须修改这个初始密码。\n']);
    expect((await json('user', 'disable', 'GH-LINA')).disabled).toBe(true);
    expect((await passwordOf('gh-lina', added.generatedPassword)).disabled).toBe(true);
    expect((await json('user', 'enable', 'gh-lina')).disabled).toBe(false);
    const reset = await tiaodu('user', 'reset-password', 'gh-lina', '--db', home.target);
    expect(reset.code).toBe(0);
    const shown = /初始密码：(\S+)（只显示这一次/.exec(reset.stderr)?.[1];
    expect(await passwordOf('gh-lina', shown!)).toEqual({ right: true, mustChange: true, disabled: false });
    const list = await tiaodu('user', 'list', '--db', home.target, '--region', '140423');
    expect(list.stdout).toContain('gh-lina\t李娜\t填报员\t140423\t待改初始密码\t从未登录');
  }, 600_000);

  it('refuses with exit 1 and the reason, and exits 2 on wrong usage', async () => {
    const weak = await tiaodu('user', 'add', '--db', home.target, '--username', 'xy-li', '--name', '李', '--role', 'viewer', '--region', '140423', '--password', 'abcdefgh');
    expect([weak.code, weak.stderr]).toEqual([1, '错误：密码须包含大写字母、小写字母、数字、符号中的至少3类\n']);
    const twin = await tiaodu('user', 'add', '--db', home.target, '--username', 'GH-WANG', '--name', '王', '--role', 'viewer', '--region', '140423');
    expect([twin.code, twin.stderr]).toEqual([1, '错误：用户名 gh-wang 已被使用\n']);
    expect((await tiaodu('user', 'disable', 'nobody', '--db', home.target)).stderr).toBe('错误：账号“nobody”不存在\n');
    expect((await tiaodu('user', 'disable', '--db', home.target)).code).toBe(2);
    const both = await tiaodu('unit', 'alias', '古韩镇人民政府', '--add', 'a', '--remove', 'b', '--region', '140423', '--db', home.target);
    expect([both.code, both.stderr]).toEqual([2, '错误：请给出 --add 或 --remove 之一\n']);
    expect((await tiaodu('unit', 'robot', '古韩镇人民政府', '--region', '140423', '--db', home.target)).code).toBe(2);
  }, 600_000);

  it('renames, aliases and merges units, and sets a unit’s robot', async () => {
    const renamed = await json('unit', 'rename', '发展和改革局', '--to', '发展和改革局（粮食和物资储备局）', '--region', '140423');
    expect(renamed.aliases).toEqual(['发展和改革局']);
    // Named by its old name, now an alias.
    expect((await json('unit', 'alias', '发展和改革局', '--add', '县发改局', '--region', '140423')).aliases).toEqual(['县发改局', '发展和改革局']);
    const robot = await json('unit', 'robot', '县发改局', '--kind', 'wecom', '--url', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc', '--region', '140423');
    expect(robot.robot).toEqual({ kind: 'wecom', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc', signed: false });
    const merged = await json('unit', 'merge', '能源局', '--into', '县发改局', '--region', '140423');
    expect(merged).toMatchObject({ name: '发展和改革局（粮食和物资储备局）', movedProjects: 0 });
    expect(merged.aliases).toContain('能源局');
    const units = await json('unit', 'list', '--region', '140423');
    expect(units.some((u: { name: string }) => u.name === '能源局')).toBe(false);
    expect((await json('unit', 'robot', '县发改局', '--off', '--region', '140423')).robot).toBeNull();
  }, 600_000);

  it('adds, renames, retires and merges leaders', async () => {
    const first = await json('leader', 'add', '王志强', '--title', '副县长', '--region', '140423');
    const twin = await json('leader', 'add', '王志刚', '--region', '140423');
    expect(await json('leader', 'rename', '王志强', '--title', '县委常委、副县长', '--region', '140423')).toMatchObject({ name: '王志强', title: '县委常委、副县长' });
    expect(await json('leader', 'retire', '王志刚', '--on', '2021-03-31', '--region', '140423')).toMatchObject({ retiredOn: '2021-03-31' });
    expect(await json('leader', 'retire', '王志刚', '--undo', '--region', '140423')).toMatchObject({ retiredOn: null });
    const merged = await json('leader', 'merge', twin.id, '--into', first.id, '--region', '140423');
    expect(merged).toMatchObject({ id: first.id, movedProjects: 0 });
    expect((await json('leader', 'list', '--region', '140423')).map((l: { name: string }) => l.name)).toEqual(['王志强']);
    const clash = await tiaodu('leader', 'add', '王志强', '--region', '140423', '--db', home.target);
    expect([clash.code, clash.stderr]).toEqual([1, '错误：已有领导叫“王志强”（县委常委、副县长）；若是同一人，请合并\n']);
  }, 600_000);
});
