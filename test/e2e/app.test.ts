// The browser suite: starts the app as a user would (`npm start` on a fresh database, demo data included) and checks what people see at desktop and phone widths.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnTexts, DESKTOP, ledgerTotal, openPage, overflow, PHONE, region, shot, signInAt, startApp, type E2eApp } from './support.ts';

let app: E2eApp | undefined;
let base = '';

const open = (viewport: { width: number; height: number }) => openPage(app!.browser, viewport);
const signIn = (page: Page, username: string) => signInAt(page, base, username);

beforeAll(async () => {
  app = await startApp();
  base = app.base;
});

afterAll(async () => {
  await app?.stop();
});

describe('the web application at desktop width', () => {
  it('sends the anonymous to sign-in, lists the demo accounts, and shows the dispatcher the seed figures', async () => {
    const { context, page } = await open(DESKTOP);
    await page.goto(`${base}/`);
    await page.waitForURL(/\/login/);
    await expect.poll(() => page.getByText('调度 · 县域经济工作平台').count()).toBeGreaterThan(0);
    await page.getByText('演示账号').first().waitFor();
    expect(await page.locator('body').innerText()).toContain('dispatcher');
    await shot(page, 'login', 'desktop');

    await page.getByLabel('用户名').fill('dispatcher');
    await page.getByLabel('密码').fill('wrong-password');
    await page.locator('form').getByRole('button', { name: '登录' }).click();
    await page.getByRole('alert').filter({ hasText: '用户名或密码不正确' }).waitFor();

    await signIn(page, 'dispatcher');
    expect(new URL(page.url()).pathname).toBe('/');
    await expect.poll(() => region(page, '拟实施项目').innerText()).toContain('229项');
    expect(await region(page, '总投资').innerText()).toContain('402.8亿元');
    expect(await region(page, '年度计划').innerText()).toContain('103.38亿元');
    expect(await region(page, '1-5月完成投资').innerText()).toContain('34.39亿元');
    const continuing = await region(page, '续建（复工）项目').innerText();
    expect(continuing).toContain('86项');
    expect(continuing).toMatch(/复工率\s*100%/);
    const newStart = await region(page, '新建项目').innerText();
    expect(newStart).toContain('143项');
    expect(newStart).toMatch(/已开工\s*136项/);
    expect(newStart).toMatch(/开工率\s*95\.1%/);
    const body = await page.locator('body').innerText();
    expect(body).toContain('时序进度');
    expect(body).toMatch(/(低于|超)时序进度[\d.]+个百分点/);
    expect(body).toContain('第一批');
    await shot(page, 'dashboard', 'desktop');
    await context.close();
  });

  it('lists projects in the ledger, narrows them by search, and pages through them', async () => {
    const { context, page } = await open(DESKTOP);
    await signIn(page, 'dispatcher');
    await page.getByRole('menuitem', { name: '项目台账' }).click();
    await page.waitForURL(/\/projects/);
    await expect.poll(() => ledgerTotal(page)).toBeGreaterThan(20);
    const total = await ledgerTotal(page);
    const names = await columnTexts(page, '项目名称');
    expect(names.length).toBe(20);
    await shot(page, 'ledger', 'desktop');

    const term = names[0]!.slice(0, 4);
    await page.getByPlaceholder('搜索名称、建设单位或项目代码').fill(term);
    await page.getByPlaceholder('搜索名称、建设单位或项目代码').press('Enter');
    await expect.poll(() => ledgerTotal(page)).toBeLessThan(total);
    const found = await columnTexts(page, '项目名称');
    expect(found.length).toBeGreaterThan(0);
    expect(found).toContain(names[0]);

    await page.getByPlaceholder('搜索名称、建设单位或项目代码').fill('');
    await page.getByPlaceholder('搜索名称、建设单位或项目代码').press('Enter');
    await expect.poll(() => ledgerTotal(page)).toBe(total);
    await page.getByTitle('下一页').click();
    await expect.poll(async () => (await columnTexts(page, '项目名称'))[0]).not.toBe(names[0]);
    expect(page.url()).toContain('page=2');
    const second = await columnTexts(page, '项目名称');
    expect(second.some((n) => names.includes(n))).toBe(false);
    await context.close();
  });

  it('shows a project, refuses a negative total investment on its field, and records a valid edit in the history', async () => {
    const { context, page } = await open(DESKTOP);
    await signIn(page, 'dispatcher');
    await page.goto(`${base}/projects`);
    await expect.poll(() => ledgerTotal(page)).toBeGreaterThan(0);
    const firstName = (await columnTexts(page, '项目名称'))[0]!;
    await page.getByRole('link', { name: firstName, exact: true }).first().click();
    await page.waitForURL(/\/projects\/[^/]+$/);
    await page.getByRole('heading', { name: firstName }).waitFor();
    const body = await page.locator('body').innerText();
    for (const label of ['项目代码', '建设单位', '所在乡镇', '项目阶段', '总投资', '入库状态', '包联领导', '责任单位', '开工日期', '月度完成投资', '修改历史']) {
      expect(body, label).toContain(label);
    }
    const totalBefore = await region(page, '总投资').innerText();
    expect(totalBefore).toMatch(/万元/);
    await shot(page, 'project', 'desktop');

    await page.getByRole('button', { name: '编辑' }).click();
    const total = page.getByRole('dialog').getByLabel('总投资', { exact: true });
    await total.fill('-100');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('总投资不能为负数').first().waitFor();
    await shot(page, 'project-edit', 'desktop');
    await page.getByRole('button', { name: '取消' }).click();
    await page.reload();
    await page.getByRole('heading', { name: firstName }).waitFor();
    expect(await region(page, '总投资').innerText()).toBe(totalBefore);

    await page.getByRole('button', { name: '编辑' }).click();
    const current = Number((await total.inputValue()).replace(/,/g, ''));
    // A whole number of 万元 that surely differs from the stored one.
    const next = Math.round(current) + 1;
    await total.fill(String(next));
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存').waitFor();
    await expect.poll(() => page.locator('body').innerText()).toContain('修改了总投资');
    const after = await page.locator('body').innerText();
    expect(after).toMatch(new RegExp(`修改了总投资\\s*${totalBefore.replace(/[^\d,.万元]/g, '')}\\s*→\\s*${next.toLocaleString('en-US')}万元`));
    await context.close();
  });

  it('shows a reporter only its own unit’s projects', async () => {
    const { context, page } = await open(DESKTOP);
    await signIn(page, 'reporter');
    await expect.poll(() => page.locator('body').innerText()).toContain('本单位（古韩镇人民政府）');
    await shot(page, 'dashboard-reporter', 'desktop');
    await page.goto(`${base}/projects?pageSize=100`);
    await expect.poll(() => ledgerTotal(page)).toBeGreaterThan(0);
    const units = await columnTexts(page, '责任单位');
    expect(units.length).toBeGreaterThan(0);
    expect(new Set(units)).toEqual(new Set(['古韩镇人民政府']));
    await shot(page, 'ledger-reporter', 'desktop');
    await context.close();
  });
});

describe('the web application at phone width', () => {
  it('renders every page within 390 px, with the menu in a drawer', async () => {
    const { context, page } = await open(PHONE);
    await page.goto(`${base}/login`);
    await page.getByText('演示账号').first().waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'login', 'phone');

    await signIn(page, 'dispatcher');
    await expect.poll(() => region(page, '拟实施项目').innerText()).toContain('229项');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'dashboard', 'phone');

    await page.getByRole('button', { name: '菜单' }).click();
    await page.getByRole('menuitem', { name: '项目台账' }).click();
    await page.waitForURL(/\/projects/);
    await expect.poll(() => ledgerTotal(page)).toBeGreaterThan(20);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'ledger', 'phone');

    const firstName = (await columnTexts(page, '项目名称'))[0]!;
    await page.getByRole('link', { name: firstName, exact: true }).first().click();
    await page.getByRole('heading', { name: firstName }).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'project', 'phone');
    await context.close();
  });
});
