// 文稿 in the browser: the menu leads a dispatcher to the summary of 2021-06 whose numbers are the API's; a paragraph
// rewritten and a number frozen become edition 1; the first page's preview comes from LibreOffice; a leader reads it
// on a phone without sideways scrolling; a reporter has no such menu entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, openPage, overflow, PHONE, shot, signInAt, startApp, type E2eApp } from './support.ts';

let app: E2eApp | undefined;

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

describe('文稿', () => {
  it('drafts the summary from the data, takes an edit and a frozen number, and saves edition 1', { timeout: 240_000 }, async () => {
    const { context, page } = await openPage(app!.browser, DESKTOP);
    await signInAt(page, app!.base, 'dispatcher');
    await page.goto(`${app!.base}/?asOf=2021-06`);
    await page.getByRole('menuitem', { name: '文稿' }).click();
    await page.waitForURL(/\/documents\?asOf=2021-06/);
    const paragraph = page.locator('p.doc-body', { hasText: '全县拟实施项目共229项' });
    await paragraph.waitFor();
    const pool = await page.evaluate(async () => (await (await fetch('/api/pool?region=140423&asOf=2021-06')).json()) as { all: { completedYtd: number; annualPlan: number } });
    const completed = paragraph.locator('[data-source="pool:140423:2021-06:all.completedYtd"]');
    expect(await completed.innerText()).toBe(`${Number((pool.all.completedYtd / 1e8).toFixed(2))}亿元`);
    await expect.poll(() => page.locator('article.doc-page h3').allInnerTexts()).toEqual(['一、上半年工作总结', '二、存在问题', '三、下半年工作打算']);
    expect(await page.locator('figure.doc-chart canvas').count()).toBe(3);

    // Freeze the annual plan with a note.
    await paragraph.locator('[data-source="pool:140423:2021-06:all.annualPlan"]').click();
    await page.getByRole('switch', { name: '冻结此数' }).click();
    await page.getByPlaceholder('冻结说明').fill('以县政府下达计划为准');
    await page.keyboard.press('Escape');
    await expect.poll(() => paragraph.locator('.doc-figure-frozen').count()).toBe(1);

    // Rewrite the paragraph's opening words; its numbers stay {{n}} placeholders.
    await paragraph.getByRole('button', { name: '修改' }).click();
    const box = page.getByRole('textbox', { name: '修改' });
    const text = await box.inputValue();
    expect(text).toMatch(/^截至6月底，全县拟实施项目共\{\{\d+\}\}项，总投资\{\{\d+\}\}亿?/);
    await box.fill(text.replace('截至6月底，', '上半年，截至6月底，'));
    await page.getByRole('button', { name: '完成' }).click();
    await page.locator('p.doc-body', { hasText: '上半年，截至6月底，全县拟实施项目共229项' }).waitFor();
    await page.getByText('有未保存的修改').waitFor();

    await page.getByPlaceholder('版本说明（可不填）').fill('报县委办稿');
    await page.getByRole('button', { name: '保存为新版本' }).click();
    await page.getByText('已保存第1版').waitFor();
    await expect.poll(() => page.locator('.doc-toolbar .ant-select-selection-item').innerText()).toContain('第1版');
    const saved = await page.evaluate(async () => (await (await fetch('/api/documents/editions?region=140423&asOf=2021-06')).json()) as { editions: { id: string; number: number; note: string }[] });
    expect(saved.editions.map((e) => [e.number, e.note])).toEqual([[1, '报县委办稿']]);
    const edition = await page.evaluate(async (id) => (await (await fetch(`/api/documents/editions/${id}`)).json()) as { document: { content: { figures: { source: string; frozen: { note: string } | null }[] } } }, saved.editions[0]!.id);
    expect(edition.document.content.figures.find((f) => f.source === 'pool:140423:2021-06:all.annualPlan')?.frozen?.note).toBe('以县政府下达计划为准');

    // The first page as LibreOffice prints it.
    await page.getByRole('button', { name: '生成预览' }).click();
    const preview = page.getByRole('img', { name: '第一页预览' });
    await preview.waitFor({ timeout: 180_000 });
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 180_000 }).toBeGreaterThan(400);
    await shot(page, 'documents', 'desktop');
    await context.close();
  });

  it('reads on a phone for a leader, with no save and no sideways scrolling', { timeout: 120_000 }, async () => {
    const { context, page } = await openPage(app!.browser, PHONE);
    await signInAt(page, app!.base, 'leader');
    await page.goto(`${app!.base}/documents?asOf=2021-06`);
    await page.locator('p.doc-body', { hasText: '全县拟实施项目共229项' }).waitFor();
    expect(await page.getByRole('button', { name: '保存为新版本' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '修改' }).count()).toBe(0);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'documents', 'phone');
    await context.close();
  });

  it('offers a reporter no 文稿 entry', async () => {
    const { context, page } = await openPage(app!.browser, DESKTOP);
    await signInAt(page, app!.base, 'reporter');
    await page.getByRole('menuitem', { name: '开工未入库' }).waitFor();
    expect(await page.getByRole('menuitem', { name: '文稿' }).count()).toBe(0);
    await context.close();
  });
});
