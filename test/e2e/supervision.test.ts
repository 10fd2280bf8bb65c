// Supervision and alerts in the browser: the dispatcher's 督办台账 of the demo, figure by figure equal to the API; a problem
// raised by 古韩镇's reporter on a phone, assigned by the dispatcher, received, answered with a site photo, asked to close,
// sent back once and closed out; a 督办函 as printed; the 预警中心 row by row equal to the API; a reporter's and a leader's
// 我的项目; every page within a 390 px phone.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sitePhoto } from './site-photo.ts';
import { apiGet, DESKTOP, noSidewaysScroll, openPage, PHONE, region, shot, signInAt, startApp, type E2eApp } from './support.ts';

let app: E2eApp | undefined;
let base = '';
const COUNTY = '140423';
const MONTH = '2021-05';
const PROBLEM = '村道拓宽涉及两处电杆迁移，施工受阻';
const PROGRESS = '已与供电公司现场踏勘，迁移方案已确定';
const RESULT = '两处电杆已迁移完毕，道路恢复施工';
const RETURN_REASON = '请补充供电公司的验收意见';

interface Item {
  id: string;
  title: string;
  status: string;
  unitName: string | null;
  overdue: { kind: string; daysLate: number } | null;
}
interface Board {
  day: string;
  counts: Record<string, number>;
  byUnit: { unitName: string | null; open: number; overdue: number; closed: number }[];
  items: Item[];
}
interface Detail {
  item: Item & { version: number };
  actions: string[];
  history: { kind: string; note: string | null; fromStatus: string | null; toStatus: string | null }[];
  attachments: { fileName: string; mimeType: string }[];
  letters: { id: string; number: string }[];
}
interface AlertList {
  total: { red: number; yellow: number; projects: number };
  counts: Record<string, { red: number; yellow: number }>;
  alerts: { rule: string; level: string; projectName: string; reason: string }[];
}
interface LeaderView {
  counts: { projects: number; red: number; yellow: number; green: number; openItems: number; overdueItems: number };
  projects: { name: string; light: string }[];
  items: Item[];
}

/** What the steps hand on to each other. */
const s = { itemId: '' };

beforeAll(async () => {
  app = await startApp();
  base = app.base;
});

afterAll(async () => {
  await app?.stop();
});

async function signedIn(viewport: { width: number; height: number }, username: string): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await openPage(app!.browser, viewport);
  await signInAt(opened.page, base, username);
  return opened;
}

/** Waits for a figure of a page that loads while the machine is busy (the default second is too short for that). */
function poll<T>(read: () => Promise<T>) {
  return expect.poll(read, { timeout: 15_000 });
}

/** The figure a stat card states, as the user reads it ("15项"). */
async function statValue(page: Page, title: string): Promise<string> {
  const card = region(page, title).locator('.stat-value');
  await card.waitFor();
  return (await card.innerText()).trim();
}

/** The texts of one column of the first table under `scope`, by its header. */
async function tableColumn(page: Page, scope: ReturnType<Page['locator']>, header: string): Promise<string[]> {
  const headers = (await scope.locator('thead th').allInnerTexts()).map((h) => h.trim());
  const index = headers.indexOf(header);
  expect(index, `column ${header} among ${headers.join(' | ')}`).toBeGreaterThanOrEqual(0);
  const out: string[] = [];
  for (const row of await scope.locator('tbody tr.ant-table-row').all()) {
    out.push((await row.locator('td').nth(index).innerText()).trim());
  }
  return out;
}

/** Takes a step of the item from its page: the step's button, its form, submit; waits for the status it leads to. */
async function step(page: Page, action: string, fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void>, status: string): Promise<void> {
  await page.getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await fill(dialog);
  await dialog.getByRole('button', { name: '提交' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await poll(() => page.locator('.page-sub .ant-tag').first().innerText()).toBe(status);
}

describe('the supervision board', () => {
  it('shows the demo’s items to the dispatcher with the API’s counts, by unit and item by item', async () => {
    const { context, page } = await signedIn(DESKTOP, 'dispatcher');
    await page.getByRole('menuitem', { name: '督办' }).click();
    await page.waitForURL(/\/supervision/);
    await page.getByRole('heading', { name: '督办台账' }).waitFor();
    const board = await apiGet<Board>(page, `/items?region=${COUNTY}`);
    expect(board.items.length).toBeGreaterThan(10);
    expect(await statValue(page, '未销号')).toBe(`${board.counts.open}项`);
    expect(await statValue(page, '已逾期')).toBe(`${board.counts.overdue}项`);
    expect(await statValue(page, '调度会')).toBe(`${board.counts.meeting}项`);
    expect(await statValue(page, '待交办')).toBe(`${board.counts.raised}项`);
    expect(await statValue(page, '申请销号')).toBe(`${board.counts.closeRequested}项`);
    expect(await statValue(page, '已销号')).toBe(`${board.counts.closed}项`);
    expect(await page.locator('.page-sub').innerText()).toContain(board.day);

    const list = page.locator('.ant-card').filter({ has: page.getByRole('columnheader', { name: '督办事项' }) });
    await poll(() => list.locator('tbody tr.ant-table-row').count()).toBe(board.items.length);
    expect((await tableColumn(page, list, '督办事项')).map((t) => t.split('\n')[0])).toEqual(board.items.map((i) => i.title));
    const timers = await tableColumn(page, list, '时限');
    board.items.forEach((item, n) => {
      if (item.overdue) expect(timers[n]).toContain(`逾期${item.overdue.daysLate}天`);
    });
    // Late rows are marked for the eye.
    expect(await list.locator('tbody tr.row-late').count()).toBe(board.items.filter((i) => i.overdue).length);

    const byUnit = page.locator('.ant-card').filter({ hasText: '各单位办理情况' });
    const units = await tableColumn(page, byUnit, '责任单位');
    expect(units).toEqual(board.byUnit.map((u) => u.unitName ?? '未交办'));
    expect((await tableColumn(page, byUnit, '逾期')).map(Number)).toEqual(board.byUnit.map((u) => u.overdue));
    expect((await tableColumn(page, byUnit, '未销号')).map(Number)).toEqual(board.byUnit.map((u) => u.open));
    await shot(page, 'supervision', 'desktop');

    // One unit's items: the filter the API applies, the page reads.
    const unit = board.byUnit.find((u) => u.unitName === '古韩镇人民政府')!;
    await byUnit.getByRole('button', { name: '古韩镇人民政府' }).click();
    await page.waitForURL(/unit=/);
    const unitId = new URL(page.url()).searchParams.get('unit')!;
    const ofUnit = await apiGet<Board>(page, `/items?region=${COUNTY}&unit=${unitId}`);
    expect(ofUnit.items.length).toBe(unit.open + unit.closed);
    await poll(() => list.locator('tbody tr.ant-table-row').count()).toBe(ofUnit.items.length);
    expect((await tableColumn(page, list, '督办事项')).map((t) => t.split('\n')[0])).toEqual(ofUnit.items.map((i) => i.title));

    // The meeting list.
    await page.goto(`${base}/supervision?meeting=true`);
    await poll(() => list.locator('tbody tr.ant-table-row').count()).toBe(board.counts.meeting);
    await context.close();
  });

  it('fits a phone: the items as cards, overdue ones marked', async () => {
    const { context, page } = await signedIn(PHONE, 'dispatcher');
    await page.goto(`${base}/supervision`);
    await page.getByRole('heading', { name: '督办台账' }).waitFor();
    const board = await apiGet<Board>(page, `/items?region=${COUNTY}`);
    await poll(() => page.locator('.item-card').count()).toBe(board.items.length);
    expect(await page.locator('.item-card-late').count()).toBe(board.items.filter((i) => i.overdue).length);
    expect(await page.locator('.item-card-title').first().innerText()).toBe(board.items[0]!.title);
    await noSidewaysScroll(page, 'the supervision board');
    await shot(page, 'supervision', 'phone');
    await context.close();
  });
});

describe('an item’s life', () => {
  it('lets 古韩镇’s reporter raise a problem on a phone, to be assigned', async () => {
    const { context, page } = await signedIn(PHONE, 'reporter');
    await page.goto(`${base}/supervision`);
    await page.getByRole('heading', { name: '督办台账' }).waitFor();
    await page.getByRole('button', { name: '新增事项' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('督办事项').fill(PROBLEM);
    await dialog.getByRole('button', { name: '提交' }).click();
    await page.waitForURL(/\/items\/[^/]+$/);
    s.itemId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('heading', { name: PROBLEM }).waitFor();
    const detail = await apiGet<Detail>(page, `/items/${s.itemId}`);
    expect(detail.item.status).toBe('raised');
    expect(await page.locator('.page-sub .ant-tag').first().innerText()).toBe('待交办');
    // The reporter may not assign: the page offers no step of the dispatcher's.
    expect(await page.getByRole('button', { name: '交办', exact: true }).count()).toBe(0);
    await noSidewaysScroll(page, 'a raised item');
    await shot(page, 'item-raised', 'phone');
    await context.close();
  });

  it('lets the dispatcher assign it to 古韩镇 with a deadline of seven days', async () => {
    const { context, page } = await signedIn(DESKTOP, 'dispatcher');
    await page.goto(`${base}/supervision?status=raised`);
    await page.getByRole('link', { name: PROBLEM }).click();
    await page.waitForURL(new RegExp(`/items/${s.itemId}$`));
    await step(
      page,
      '交办',
      async (dialog) => {
        const unit = dialog.getByLabel('责任单位');
        if ((await dialog.locator('.ant-select-selection-item').filter({ hasText: '古韩镇人民政府' }).count()) === 0) {
          await unit.fill('古韩镇');
          await page.locator('.ant-select-item-option').filter({ hasText: '古韩镇人民政府' }).click();
        }
        await dialog.getByLabel('说明').fill('请于3日内反馈');
      },
      '已交办',
    );
    const detail = await apiGet<Detail & { item: { assignedOn: string; feedbackDue: string; solveDue: string } }>(page, `/items/${s.itemId}`);
    expect(detail.item.status).toBe('assigned');
    expect(detail.item.unitName).toBe('古韩镇人民政府');
    const deadlines = page.locator('.ant-descriptions').filter({ hasText: '13710时限' });
    expect(await deadlines.innerText()).toContain(detail.item.feedbackDue);
    expect(await deadlines.innerText()).toContain(detail.item.solveDue);
    await page.getByText('请于3日内反馈').waitFor();
    await context.close();
  });

  it('lets the unit receive it, answer with a site photo and ask to close it out, on a phone', async () => {
    const { context, page } = await signedIn(PHONE, 'reporter');
    await page.goto(`${base}/items/${s.itemId}`);
    await page.getByRole('heading', { name: PROBLEM }).waitFor();
    await step(page, '签收', async () => {}, '已签收');
    await step(
      page,
      '反馈进展',
      async (dialog) => {
        await dialog.getByLabel('进展情况').fill(PROGRESS);
        await dialog.locator('input[type="file"]').setInputFiles({ name: '电杆迁移现场.png', mimeType: 'image/png', buffer: sitePhoto([0x52, 0xc4, 0x1a]) });
      },
      '办理中',
    );
    await page.getByRole('img', { name: '电杆迁移现场.png' }).waitFor();
    await step(page, '申请销号', async (dialog) => dialog.getByLabel('办理结果').fill(RESULT), '申请销号');
    const detail = await apiGet<Detail>(page, `/items/${s.itemId}`);
    expect(detail.item.status).toBe('closeRequested');
    expect(detail.attachments.map((a) => a.fileName)).toEqual(['电杆迁移现场.png']);
    expect(detail.history.map((h) => h.kind)).toEqual(['raised', 'assign', 'receive', 'progress', 'requestClose']);
    const history = page.locator('.ant-card').filter({ hasText: '办理经过' });
    for (const note of [PROGRESS, RESULT]) await history.getByText(note).waitFor();
    expect(detail.actions).not.toContain('close');
    expect(await page.getByRole('button', { name: '销号', exact: true }).count()).toBe(0);
    await noSidewaysScroll(page, 'an item in progress');
    await shot(page, 'item-close-requested', 'phone');
    await context.close();
  });

  it('lets the dispatcher send it back once with a reason, and close it out after the unit’s answer', async () => {
    const dispatcher = await signedIn(DESKTOP, 'dispatcher');
    await dispatcher.page.goto(`${base}/items/${s.itemId}`);
    await dispatcher.page.getByRole('heading', { name: PROBLEM }).waitFor();
    await step(dispatcher.page, '退回', async (dialog) => dialog.getByLabel('理由').fill(RETURN_REASON), '已退回');

    const reporter = await signedIn(PHONE, 'reporter');
    await reporter.page.goto(`${base}/items/${s.itemId}`);
    await reporter.page.getByText(RETURN_REASON).waitFor();
    await step(reporter.page, '申请销号', async (dialog) => dialog.getByLabel('办理结果').fill(`${RESULT}，已附供电公司验收意见`), '申请销号');
    await reporter.context.close();

    await dispatcher.page.reload();
    await step(dispatcher.page, '销号', async () => {}, '已销号');
    const detail = await apiGet<Detail & { item: { closedOn: string } }>(dispatcher.page, `/items/${s.itemId}`);
    expect(detail.item.status).toBe('closed');
    expect(detail.history.map((h) => h.kind)).toEqual(['raised', 'assign', 'receive', 'progress', 'requestClose', 'return', 'requestClose', 'close']);
    expect(await dispatcher.page.locator('.ant-descriptions').filter({ hasText: '13710时限' }).innerText()).toContain(detail.item.closedOn);
    expect(detail.actions).toContain('reopen');
    await dispatcher.page.getByRole('button', { name: '重新打开' }).waitFor();
    await shot(dispatcher.page, 'item-closed', 'desktop');

    // The board counts it among the closed.
    const board = await apiGet<Board>(dispatcher.page, `/items?region=${COUNTY}`);
    await dispatcher.page.goto(`${base}/supervision`);
    expect(await statValue(dispatcher.page, '已销号')).toBe(`${board.counts.closed}项`);
    expect(board.items.find((i) => i.id === s.itemId)?.status).toBe('closed');
    await dispatcher.context.close();
  });

  it('prints a 督办函 of a late item as the API drafts it, and shows it on a phone', async () => {
    const { context, page } = await signedIn(PHONE, 'dispatcher');
    await page.goto(`${base}/supervision`);
    const board = await apiGet<Board>(page, `/items?region=${COUNTY}`);
    let lettered: Detail | undefined;
    for (const item of board.items.filter((i) => i.overdue)) {
      const d = await apiGet<Detail>(page, `/items/${item.id}`);
      if (d.letters.length > 0) {
        lettered = d;
        break;
      }
    }
    expect(lettered, 'a late item of the demo with a 督办函').toBeDefined();
    await page.goto(`${base}/items/${lettered!.item.id}`);
    const letter = lettered!.letters[0]!;
    await page.getByRole('link', { name: new RegExp(letter.number.replace(/[〔〕]/g, '.')) }).click();
    await page.waitForURL(new RegExp(`/letters/${letter.id}$`));
    const text = await apiGet<{ title: string; number: string; addressee: string; paragraphs: string[]; signer: string }>(page, `/letters/${letter.id}`);
    const article = page.locator('article.official-letter');
    await article.waitFor();
    expect(await article.locator('h1').innerText()).toBe(text.title);
    expect(await article.locator('.official-letter-number').innerText()).toBe(text.number);
    expect(await article.locator('.official-letter-paragraph').allInnerTexts()).toEqual(text.paragraphs);
    expect(await article.innerText()).toContain(text.signer);
    await noSidewaysScroll(page, 'a 督办函');
    await shot(page, 'letter', 'phone');
    await context.close();
  });
});

describe('the alert centre', () => {
  it('lists the alerts of 2021年5月 exactly as the API, red first, each with its reason', async () => {
    const { context, page } = await signedIn(DESKTOP, 'dispatcher');
    await page.goto(`${base}/alerts?asOf=${MONTH}`);
    await page.getByRole('heading', { name: '预警中心' }).waitFor();
    const list = await apiGet<AlertList>(page, `/alerts?region=${COUNTY}&asOf=${MONTH}`);
    expect(list.alerts.length).toBeGreaterThan(0);
    expect(await statValue(page, '红灯')).toBe(`${list.total.red}项`);
    expect(await statValue(page, '黄灯')).toBe(`${list.total.yellow}项`);
    expect(await statValue(page, '涉及项目')).toBe(`${list.total.projects}项`);
    expect(list.total.red + list.total.yellow).toBe(list.alerts.length);

    const table = page.locator('.ant-card').filter({ has: page.getByRole('columnheader', { name: '亮灯理由' }) });
    const firstPage = list.alerts.slice(0, 50);
    await poll(() => table.locator('tbody tr.ant-table-row').count()).toBe(firstPage.length);
    expect(await tableColumn(page, table, '项目')).toEqual(firstPage.map((a) => a.projectName));
    expect(await tableColumn(page, table, '亮灯理由')).toEqual(firstPage.map((a) => a.reason));
    await shot(page, 'alerts', 'desktop');

    // One rule: 计划开工未开工, every one of them on the page.
    const startLate = list.alerts.filter((a) => a.rule === 'startLate');
    expect(startLate.length).toBe(list.counts.startLate!.red + list.counts.startLate!.yellow);
    await page.goto(`${base}/alerts?asOf=${MONTH}&rule=startLate`);
    await poll(() => table.locator('tbody tr.ant-table-row').count()).toBe(startLate.length);
    expect(await tableColumn(page, table, '亮灯理由')).toEqual(startLate.map((a) => a.reason));
    expect(await tableColumn(page, table, '预警')).toEqual(startLate.map(() => '计划开工未开工'));

    // The reserve beneath, in 亿元 and for the month.
    const reserve = await apiGet<{ remainingInvestment: number }>(page, `/reserve?region=${COUNTY}&asOf=${MONTH}`);
    expect(reserve.remainingInvestment).toBeGreaterThan(0);
    expect(await statValue(page, '在库项目剩余投资')).toMatch(/亿元$/);
    await page.getByText('项目储备与有效投资余额 · 2021年5月').waitFor();
    await context.close();
  });

  it('fits a phone', async () => {
    const { context, page } = await signedIn(PHONE, 'dispatcher');
    await page.goto(`${base}/alerts?asOf=${MONTH}&level=red`);
    await page.getByRole('heading', { name: '预警中心' }).waitFor();
    const list = await apiGet<AlertList>(page, `/alerts?region=${COUNTY}&asOf=${MONTH}`);
    const red = list.alerts.filter((a) => a.level === 'red');
    await poll(() => page.locator('.alert-reason').count()).toBe(red.length);
    expect(await page.locator('.alert-reason').allInnerTexts()).toEqual(red.map((a) => a.reason));
    await noSidewaysScroll(page, 'the alert centre');
    await shot(page, 'alerts', 'phone');
    await context.close();
  });
});

describe('我的项目', () => {
  it('shows 古韩镇’s reporter the unit’s projects and open items, as the API counts them, on a phone', async () => {
    const { context, page } = await signedIn(PHONE, 'reporter');
    await page.goto(`${base}/my-projects?asOf=${MONTH}`);
    await page.getByRole('heading', { name: '我的项目' }).waitFor();
    const view = await apiGet<LeaderView>(page, `/my-projects?asOf=${MONTH}`);
    expect(view.counts.projects).toBeGreaterThan(0);
    expect(await statValue(page, '红灯')).toBe(`${view.counts.red}项`);
    expect(await statValue(page, '黄灯')).toBe(`${view.counts.yellow}项`);
    expect(await statValue(page, '绿灯')).toBe(`${view.counts.green}项`);
    expect(await statValue(page, '未销号事项')).toBe(`${view.counts.openItems}项`);
    expect(await statValue(page, '逾期事项')).toBe(`${view.counts.overdueItems}项`);
    expect(await page.locator('.page-sub').innerText()).toContain('古韩镇人民政府');
    const projects = page.locator('.ant-card').filter({ hasText: '包联项目' });
    expect(await projects.locator('.ant-card-head').innerText()).toContain(`（${view.counts.projects}）`);
    const names = projects.locator('.ant-list-item a[href^="/projects/"]');
    await poll(() => names.count()).toBe(Math.min(view.projects.length, 20));
    expect(await names.allInnerTexts()).toEqual(view.projects.slice(0, 20).map((p) => p.name));
    // Each line of a year's plan says its unit and its period.
    expect(await projects.innerText()).toMatch(/年度计划[\d.]+(万元|亿元)，1-5月完成[\d.]+(万元|亿元)/);
    const items = page.locator('.ant-card').filter({ hasText: '督办事项（逾期在前）' });
    await poll(() => items.locator('.item-card').count()).toBe(view.items.length);
    expect(await items.locator('.item-card-title').allInnerTexts()).toEqual(view.items.map((i) => i.title));
    await noSidewaysScroll(page, '我的项目');
    await shot(page, 'my-projects', 'phone');
    await context.close();
  });

  it('puts a leader’s own projects first in the menu and shows them as the API does', async () => {
    const { context, page } = await signedIn(DESKTOP, 'leader');
    await page.getByRole('menuitem').first().waitFor();
    const entries = await page.getByRole('menuitem').allInnerTexts();
    expect(entries[0]?.trim()).toBe('我的项目');
    await page.getByRole('menuitem', { name: '我的项目' }).click();
    await page.waitForURL(/\/my-projects/);
    const view = await apiGet<LeaderView>(page, `/my-projects?asOf=${MONTH}`);
    await page.goto(`${base}/my-projects?asOf=${MONTH}`);
    await page.getByRole('heading', { name: '我的项目' }).waitFor();
    expect(await page.locator('.page-sub').innerText()).toContain('李宏伟');
    expect(await statValue(page, '红灯')).toBe(`${view.counts.red}项`);
    expect(await statValue(page, '逾期事项')).toBe(`${view.counts.overdueItems}项`);
    const items = page.locator('.ant-card').filter({ hasText: '督办事项（逾期在前）' });
    await poll(() => items.locator('tbody tr.ant-table-row').count()).toBe(view.items.length);
    await shot(page, 'my-projects', 'desktop');
    await context.close();
  });
});

describe('every page at 390 px', () => {
  it('keeps the project page’s alerts card, the boards and an item within a phone’s width', async () => {
    const { context, page } = await signedIn(PHONE, 'dispatcher');
    const board = await apiGet<Board>(page, `/items?region=${COUNTY}`);
    const late = board.items.find((i) => i.overdue)!;
    const projectItem = board.items.find((i) => (i as Item & { projectId: string | null }).projectId) as Item & { projectId: string };
    for (const [path, what] of [
      [`/supervision?status=overdue`, 'the overdue items'],
      [`/items/${late.id}`, 'a late item with its letters'],
      [`/alerts?asOf=${MONTH}`, 'the alert centre with the reserve'],
      [`/my-projects?asOf=${MONTH}`, 'a dispatcher’s view of a leader'],
      [`/projects/${projectItem.projectId}?asOf=${MONTH}`, 'a project with its alerts'],
    ] as const) {
      await page.goto(`${base}${path}`);
      await page.locator('h4').first().waitFor();
      await page.waitForLoadState('networkidle');
      await noSidewaysScroll(page, what);
    }
    const card = page.locator('.ant-card').filter({ hasText: '预警与督办' });
    await card.waitFor();
    await card.getByRole('link', { name: projectItem.title }).waitFor();
    await shot(page, 'project-alerts', 'phone');
    await context.close();
  });
});
