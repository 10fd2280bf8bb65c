// 审计日志 in the browser: a failed sign-in made earlier shows on the administrator's page, in Chinese, filtered by its
// action, at desktop width and as stacked cells at 390 px phone width without sideways scrolling; a reporter has no menu
// entry and is refused the page.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, noSidewaysScroll, openPage, PHONE, shot, signInAt, startApp, type E2eApp } from './support.ts';

let app: E2eApp | undefined;

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

async function failSignIn(page: Page): Promise<void> {
  await page.goto(`${app!.base}/login`);
  await page.getByLabel('用户名').fill('dispatcher');
  await page.getByLabel('密码').fill('not-the-password');
  await page.locator('form').getByRole('button', { name: '登录' }).click();
  await page.getByRole('alert').waitFor();
}

describe('the audit trail page', () => {
  it('shows the administrator a failed sign-in made before, filtered by action, at desktop width', async () => {
    const { context, page } = await openPage(app!.browser, DESKTOP);
    await failSignIn(page);
    await signInAt(page, app!.base, 'admin');
    await page.getByRole('menuitem', { name: '审计日志' }).click();
    await page.waitForURL(/\/admin\/audit/);
    await page.locator('.ant-select').filter({ has: page.getByRole('combobox', { name: '操作', exact: true }) }).click();
    await page.keyboard.type('登录失败');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="登录失败"]').click();
    await page.waitForURL(/action=sign_in.fail/);
    // The unfiltered page shows the same row among others: the filtered answer is in once the total says 1.
    await page.getByText(/共 1 条/).waitFor();
    const row = page.getByRole('row').filter({ hasText: '登录失败' });
    expect(await row.count()).toBe(1);
    expect(await row.first().innerText()).toMatch(/未登录者\s+登录失败[\s\S]*修改后：用户名: dispatcher；结果: wrong_password/);
    expect(await page.getByText(/共 1 条/).count()).toBe(1);
    await shot(page, 'audit', 'desktop');
    await context.close();
  });

  it('shows the same rows as stacked cells on a phone, and refuses a reporter', async () => {
    const { context, page } = await openPage(app!.browser, PHONE);
    await signInAt(page, app!.base, 'admin');
    await page.goto(`${app!.base}/admin/audit?action=sign_in.fail`);
    const cell = page.locator('.stacked-cell').filter({ hasText: '登录失败' });
    await cell.first().waitFor();
    expect(await cell.first().innerText()).toMatch(/用户名: dispatcher/);
    await page.goto(`${app!.base}/admin/audit`);
    await page.locator('.stacked-cell').filter({ hasText: '登录成功' }).first().waitFor();
    await noSidewaysScroll(page, 'the audit trail');
    await shot(page, 'audit', 'phone');
    await context.close();

    const reporter = await openPage(app!.browser, DESKTOP);
    await signInAt(reporter.page, app!.base, 'reporter');
    expect(await reporter.page.getByRole('menuitem', { name: '审计日志' }).count()).toBe(0);
    await reporter.page.goto(`${app!.base}/admin/audit`);
    await reporter.page.getByText('只有管理员可以查看审计日志').waitFor();
    await reporter.context.close();
  });
});
