// Accounts in the browser: the administrator creates a reporter with an initial password; the reporter must change it
// before anything else; the administrator resets it and disables the account, which then cannot sign in. Units and
// leaders are kept on their own page. Desktop and 390 px phone width, without sideways scrolling.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, openPage, overflow, PHONE, shot, signInAt, startApp, type E2eApp } from './support.ts';

let app: E2eApp | undefined;
const USERNAME = 'gh-zhaomin';
const INITIAL = 'Start-2021-zm';
const OWN = 'Mine-2021-zm';
const s = { reset: '' };

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

/** Opens an antd select by its label inside a dialog and picks an option by its text. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('dialog').locator('.ant-select').filter({ has: page.getByRole('combobox', { name: label, exact: true }) }).first().click();
  await page.keyboard.type(option);
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
}

function accountRow(page: Page) {
  return page.getByRole('row').filter({ hasText: USERNAME });
}

async function openAccounts(page: Page): Promise<void> {
  await page.getByRole('menuitem', { name: '账号管理' }).click();
  await page.waitForURL(/\/admin\/accounts/);
  await page.getByRole('row').filter({ hasText: 'dispatcher' }).first().waitFor();
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.waitForURL(/\/login/);
}

async function loginAlert(page: Page, username: string, password: string): Promise<string> {
  await page.goto(`${app!.base}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.locator('form').getByRole('button', { name: '登录' }).click();
  return page.getByRole('alert').innerText();
}

describe('accounts', () => {
  it('lets the administrator create a reporter with an initial password', async () => {
    const { context, page } = await openPage(app!.browser, DESKTOP);
    await signInAt(page, app!.base, 'admin');
    await openAccounts(page);
    await page.getByRole('button', { name: '新建账号' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill('GH-ZhaoMin');
    await dialog.getByLabel('姓名').fill('赵敏');
    await choose(page, '单位', '古韩镇人民政府');
    // The rule is checked as it is typed, in the server's words.
    await dialog.getByLabel('初始密码').fill('Admin@123');
    await dialog.getByText('这是常见密码（或由常见密码加数字、符号组成），容易被猜中，请换一个').waitFor();
    await dialog.getByLabel('初始密码').fill(INITIAL);
    await dialog.getByRole('button', { name: '保存' }).click();
    await accountRow(page).waitFor();
    expect(await accountRow(page).innerText()).toMatch(/gh-zhaomin\s+赵敏\s+填报员\s+古韩镇人民政府\s+待改初始密码\s+从未登录/);
    await shot(page, 'accounts', 'desktop');
    await signOut(page);
    await context.close();
  });

  it('makes the reporter change the initial password before anything else, on a phone', async () => {
    const { context, page } = await openPage(app!.browser, PHONE);
    await signInAt(page, app!.base, 'GH-ZHAOMIN', INITIAL);
    await page.getByRole('heading', { name: '请先设置自己的密码' }).waitFor();
    // Any page asked for shows the change first.
    await page.goto(`${app!.base}/projects`);
    await page.getByRole('heading', { name: '请先设置自己的密码' }).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'password-forced', 'phone');
    await page.getByLabel('初始密码').fill(INITIAL);
    await page.getByLabel('新密码', { exact: true }).fill('zhaomin2021');
    await page.getByText('密码须包含大写字母、小写字母、数字、符号中的至少3类').waitFor();
    await page.getByLabel('新密码', { exact: true }).fill(OWN);
    await page.getByLabel('再次输入新密码').fill(OWN);
    await page.getByRole('button', { name: '设置密码并进入' }).click();
    // Now the ledger asked for, with its own unit's projects.
    await page.getByRole('columnheader', { name: '项目名称' }).first().waitFor();
    expect(new URL(page.url()).pathname).toBe('/projects');
    await context.close();
  });

  it('resets the password and disables the account; the account then cannot sign in', async () => {
    const admin = await openPage(app!.browser, PHONE);
    await signInAt(admin.page, app!.base, 'admin');
    await admin.page.getByRole('button', { name: '菜单' }).click();
    await openAccounts(admin.page);
    await expect.poll(() => accountRow(admin.page).innerText()).toMatch(/正常/);
    expect(await overflow(admin.page)).toBeLessThanOrEqual(0);
    await shot(admin.page, 'accounts', 'phone');

    // The reporter is signed in elsewhere when the password is reset.
    const reporter = await openPage(app!.browser, DESKTOP);
    await signInAt(reporter.page, app!.base, USERNAME, OWN);

    await accountRow(admin.page).getByRole('button', { name: '重置密码' }).click();
    await admin.page.getByRole('dialog').getByRole('button', { name: '重置密码' }).click();
    const shown = admin.page.getByRole('dialog').filter({ hasText: '密码只显示这一次' });
    s.reset = (await shown.getByLabel('初始密码').innerText()).trim();
    expect(s.reset).toMatch(/^.{12}$/);
    await shown.getByRole('button', { name: '我已记下' }).click();
    await expect.poll(() => accountRow(admin.page).innerText()).toMatch(/待改初始密码/);

    // Its session ended with the reset; the old password opens nothing, the new one asks to be changed.
    await reporter.page.reload();
    await reporter.page.waitForURL(/\/login/);
    expect(await loginAlert(reporter.page, USERNAME, OWN)).toContain('用户名或密码不正确');
    await signInAt(reporter.page, app!.base, USERNAME, s.reset);
    await reporter.page.getByRole('heading', { name: '请先设置自己的密码' }).waitFor();
    await shot(reporter.page, 'password-forced', 'desktop');

    await accountRow(admin.page).getByRole('button', { name: '停用' }).click();
    await admin.page.locator('.ant-popconfirm').getByRole('button', { name: '停用' }).click();
    await expect.poll(() => accountRow(admin.page).innerText()).toMatch(/已停用/);

    await reporter.page.reload();
    await reporter.page.waitForURL(/\/login/);
    expect(await loginAlert(reporter.page, USERNAME, s.reset)).toContain('该账号已停用，请联系管理员');
    await admin.context.close();
    await reporter.context.close();
  });
});

describe('units and leaders', () => {
  it('lets the dispatcher give a unit another name and see the leaders, on a phone', async () => {
    const { context, page } = await openPage(app!.browser, PHONE);
    await signInAt(page, app!.base, 'dispatcher');
    await page.getByRole('button', { name: '菜单' }).click();
    await page.getByRole('menuitem', { name: '单位与领导' }).click();
    await page.waitForURL(/\/admin\/units/);
    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: /^发展和改革局/ }) });
    await row.getByRole('button', { name: '添加别名 发展和改革局' }).click();
    await page.getByRole('dialog').getByLabel('别名').fill('县发改局');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await row.getByText('县发改局', { exact: true }).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'units', 'phone');
    await page.getByRole('tab', { name: '包联领导' }).click();
    await page.getByRole('row').filter({ hasText: '李宏伟' }).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'leaders', 'phone');
    await context.close();
  });

  it('shows the units with their names, robots and counts at desktop width', async () => {
    const { context, page } = await openPage(app!.browser, DESKTOP);
    await signInAt(page, app!.base, 'admin');
    await page.getByRole('menuitem', { name: '单位与领导' }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: /^古韩镇人民政府/ }) });
    await row.waitFor();
    const counts = await page.evaluate(async () => {
      const res = await fetch('/api/admin/units?region=140423');
      return ((await res.json()) as { units: { name: string; projects: number }[] }).units.find((u) => u.name === '古韩镇人民政府')!.projects;
    });
    expect(counts).toBeGreaterThan(0);
    expect(await row.innerText()).toContain(String(counts));
    await shot(page, 'units', 'desktop');
    await page.getByRole('tab', { name: '包联领导' }).click();
    await page.getByRole('row').filter({ hasText: '李宏伟' }).waitFor();
    await shot(page, 'leaders', 'desktop');
    await context.close();
  });
});
