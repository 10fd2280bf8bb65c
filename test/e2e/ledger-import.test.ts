// The ledger import as a dispatcher does it: a county-style Excel ledger built here, uploaded through the page, previewed row by row, confirmed, then found in the ledger.
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownCountyXls } from '../support/ledger-files.ts';
import { columnTexts, DESKTOP, ledgerTotal, openPage, overflow, PHONE, shot, signInAt, startApp, type E2eApp } from './support.ts';

let app: E2eApp | undefined;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADERS = ['序号', '项目名称', '建设单位', '所在乡镇', '项目性质', '总投资', '2021年计划投资', '1-5月完成投资', '开工时间', '责任单位'];

interface LedgerLine {
  name: string;
  owner: string;
  township: string;
  total: number;
  plan: number;
  completed: number;
  startedOn: string;
  unit: string;
}

/** The excel row the importer must name for the line without a project name: title, unit line, header, section, then the lines. */
const FAULTY_ROW = 4 + 3;

/** A ledger shaped like the ones counties pass around: a merged title, a unit line, one header row, a section row, then the projects. */
async function ledgerFile(lines: LedgerLine[]): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('重点项目');
  ws.addRow(['襄垣县2021年重点项目建设台账']);
  ws.mergeCells(1, 1, 1, HEADERS.length);
  ws.addRow(['单位：万元']);
  ws.addRow(HEADERS);
  ws.addRow([`二、新建项目（${lines.length}个）`]);
  ws.mergeCells(4, 1, 4, HEADERS.length);
  lines.forEach((l, i) => ws.addRow([i + 1, l.name, l.owner, l.township, '新建', l.total, l.plan, l.completed, l.startedOn, l.unit]));
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { name: '襄垣县2021年重点项目建设台账.xlsx', mimeType: XLSX, buffer };
}

/** Two good new projects and, third, a line whose name was left blank. */
function lines(first: string, second: string): LedgerLine[] {
  return [
    { name: first, owner: '襄垣县古韩新能源有限公司', township: '古韩', total: 12000, plan: 5000, completed: 800, startedOn: '2021年3月', unit: '古韩镇人民政府' },
    { name: second, owner: '山西王桥冷链物流有限公司', township: '王桥', total: 8600.5, plan: 3000, completed: 450, startedOn: '2021.4', unit: '王桥镇人民政府' },
    { name: '', owner: '襄垣县某建材有限公司', township: '古韩', total: 3000, plan: 1000, completed: 0, startedOn: '2021年5月', unit: '古韩镇人民政府' },
  ];
}

/** The texts under the 项目名称 header of a downloaded workbook's first sheet (the ledger; later sheets are explanations). */
async function workbookNames(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: string[] = [];
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('the workbook has no sheet');
  let column = 0;
  ws.eachRow((row) => {
    if (column === 0) {
      row.eachCell((cell, col) => {
        if (String(cell.text).replace(/\s/g, '') === '项目名称') column = col;
      });
      return;
    }
    const text = String(row.getCell(column).text).trim();
    if (text) out.push(text);
  });
  expect(column, 'a 项目名称 header').toBeGreaterThan(0);
  return out;
}

function bodyText(page: Page): Promise<string> {
  return page.locator('body').innerText();
}

/** Uploads through the page, checks the preview, skips the faulty line, confirms, and returns on the success screen. */
async function importThroughPage(page: Page, file: Awaited<ReturnType<typeof ledgerFile>>, width: 'desktop' | 'phone'): Promise<void> {
  await page.locator('.ant-upload input[type=file]').setInputFiles(file);
  await expect.poll(() => bodyText(page), { timeout: 30_000 }).toContain('将新增 2 个');
  const preview = await bodyText(page);
  expect(preview).toContain('有误 1 行');
  expect(preview).toContain(`第${FAULTY_ROW}行：项目名称为空`);
  expect(preview).toContain('万元');
  expect(preview).toMatch(/截至2021年5月/);
  // Every row of the ledger is listed with its Excel row number and what will happen to it.
  const table = page.locator('.import-rows');
  expect(await table.innerText()).toContain('新增');
  expect(await table.innerText()).toContain('有误');

  const confirm = page.getByRole('button', { name: '确认导入' });
  expect(await confirm.isDisabled()).toBe(true);
  if (width === 'phone') expect(await overflow(page)).toBeLessThanOrEqual(0);
  await shot(page, 'import-preview', width);

  await page.getByText('只看有误 1 行').click();
  await expect.poll(async () => (await table.locator('tbody tr.ant-table-row').count())).toBe(1);
  await page.getByText('全部 3 行').click();

  await page.getByRole('checkbox', { name: '跳过有误的行，导入其余各行' }).check();
  expect(await confirm.isDisabled()).toBe(false);
  await confirm.click();
  await page.getByText('导入完成').waitFor({ timeout: 30_000 });
  const done = await bodyText(page);
  expect(done).toContain('新增 2 个');
  expect(done).toContain('跳过有误的 1 行');
  if (width === 'phone') expect(await overflow(page)).toBeLessThanOrEqual(0);
  await shot(page, 'import-done', width);
}

/** From the success screen to the ledger, searching the new names: both listed, with their 总投资 in 万元. */
async function findInLedger(page: Page, term: string, expected: Record<string, string>): Promise<void> {
  await page.getByRole('button', { name: '查看项目台账' }).click();
  await page.waitForURL(/\/projects/);
  await expect.poll(() => ledgerTotal(page)).toBeGreaterThan(0);
  const search = page.getByPlaceholder('搜索名称、建设单位或项目代码');
  await search.fill(term);
  await search.press('Enter');
  await expect.poll(() => ledgerTotal(page)).toBe(Object.keys(expected).length);
  const names = await columnTexts(page, '项目名称');
  const totals = await columnTexts(page, '总投资（万元）');
  const found = Object.fromEntries(names.map((n, i) => [n, totals[i]]));
  expect(found).toEqual(expected);
}

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.stop();
});

describe('importing an Excel ledger', () => {
  it('previews a ledger row by row, imports its good rows on confirmation, and the ledger then lists them', async () => {
    const { context, page } = await openPage(app!.browser, DESKTOP);
    await signInAt(page, app!.base, 'dispatcher');
    await page.getByRole('menuitem', { name: '导入台账' }).click();
    await page.waitForURL(/\/import/);
    await page.getByText('点击选择，或将台账文件拖到这里').waitFor();
    const [template] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载模板' }).click()]);
    expect(template.suggestedFilename()).toMatch(/\.xlsx$/);
    // An empty ledger to fill in: its first sheet has the 项目名称 header.
    await workbookNames(await template.path());

    await importThroughPage(page, await ledgerFile(lines('测试导入光伏电站项目', '测试导入冷链物流园项目')), 'desktop');
    await findInLedger(page, '测试导入', { 测试导入光伏电站项目: '12,000', 测试导入冷链物流园项目: '8,600.5' });
    // The Excel export carries the search: the file holds the two new projects and none of the demo's.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const names = await workbookNames(await download.path());
    expect(names.filter((n) => n.startsWith('测试导入')).sort()).toEqual(['测试导入光伏电站项目', '测试导入冷链物流园项目']);
    expect(names.some((n) => n.includes('煤'))).toBe(false);
    await context.close();
  });

  it('refuses what is not a ledger with a reason, before and after sending it', async () => {
    const { context, page } = await openPage(app!.browser, DESKTOP);
    await signInAt(page, app!.base, 'dispatcher');
    await page.goto(`${app!.base}/import`);
    const input = page.locator('.ant-upload input[type=file]');
    // Checked in the browser: no upload at all.
    await input.setInputFiles({ name: '台账.txt', mimeType: 'text/plain', buffer: Buffer.from('项目名称,总投资\n') });
    await page.getByRole('alert').filter({ hasText: '不是 Excel 文件' }).waitFor();
    // Named .xlsx but not one: the server's own words are shown.
    await input.setInputFiles({ name: '台账.xlsx', mimeType: XLSX, buffer: Buffer.from('这不是一个 Excel 文件') });
    const alert = page.getByRole('alert').filter({ hasText: '无法导入该文件' });
    await alert.waitFor({ timeout: 30_000 });
    expect((await alert.innerText()).replace('无法导入该文件', '').trim().length).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: '确认导入' }).count()).toBe(0);
    await context.close();
  });

  it('previews an .xls as WPS saves it, saying which leaders and units it will create, at desktop and phone width', async () => {
    for (const [viewport, width] of [[DESKTOP, 'desktop'], [PHONE, 'phone']] as const) {
      const { context, page } = await openPage(app!.browser, viewport);
      await signInAt(page, app!.base, 'dispatcher');
      await page.goto(`${app!.base}/import`);
      await page.locator('.ant-upload input[type=file]').setInputFiles({ name: '2024年重点项目.xls', mimeType: 'application/vnd.ms-excel', buffer: ownCountyXls() });
      await expect.poll(() => bodyText(page), { timeout: 30_000 }).toContain('将新增 12 个');
      const created = page.getByRole('list', { name: '将新建' });
      await created.waitFor();
      // The demo county has no 水务局 and no 指挥部; 县发改局, 经开区管委会 and 青羊镇政府's kind are matched or created by name.
      expect(await created.innerText()).toContain('责任单位');
      expect(await created.innerText()).toContain('平顺县城投公司项目建设指挥部');
      expect(await created.innerText()).toContain('包联领导');
      expect(await bodyText(page)).toContain('有误 0 行');
      if (width === 'phone') expect(await overflow(page)).toBeLessThanOrEqual(0);
      await shot(page, 'import-xls-preview', width);
      await context.close();
    }
  });

  it('does not offer the import to a reporter', async () => {
    const { context, page } = await openPage(app!.browser, DESKTOP);
    await signInAt(page, app!.base, 'reporter');
    await page.getByRole('menuitem', { name: '项目台账' }).waitFor();
    expect(await page.getByRole('menuitem', { name: '导入台账' }).count()).toBe(0);
    await page.goto(`${app!.base}/import`);
    await page.getByText('只有管理员和调度员可以导入台账').waitFor();
    await context.close();
  });

  it('works the same within a 390 px phone', async () => {
    const { context, page } = await openPage(app!.browser, PHONE);
    await signInAt(page, app!.base, 'dispatcher');
    await page.getByRole('button', { name: '菜单' }).click();
    await page.getByRole('menuitem', { name: '导入台账' }).click();
    await page.waitForURL(/\/import/);
    await page.getByText('点击选择，或将台账文件拖到这里').waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    await importThroughPage(page, await ledgerFile(lines('手机导入污水处理厂项目', '手机导入农产品加工园项目')), 'phone');
    await findInLedger(page, '手机导入', { 手机导入污水处理厂项目: '12,000', 手机导入农产品加工园项目: '8,600.5' });
    await context.close();
  });
});
