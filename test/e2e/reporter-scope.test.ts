// A reporter's project page on a phone: the stage, its days and the earlier years' completed investment are shown but
// not editable, with the note that the monthly report and the dispatcher change them; 已入库 is offered disabled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, noSidewaysScroll, openPage, PHONE, shot, signInAt, startApp, type E2eApp } from './support.ts';

let app: E2eApp | undefined;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.stop();
});

interface ProjectRows {
  rows: { project: { id: string; name: string; totalInvestment: number; statsEntry: string } }[];
}

describe('what a reporter changes only through the round', () => {
  it('shows the round-reviewed fields disabled with the note, and 已入库 not selectable', async () => {
    const { context, page } = await openPage(app!.browser, PHONE);
    await signInAt(page, app!.base, 'reporter');
    const list = await apiGet<ProjectRows>(page, '/projects?region=140423&asOf=2021-05&pageSize=100');
    const project = list.rows.map((r) => r.project).find((p) => p.totalInvestment >= 5_000_000 && p.statsEntry !== 'entered')!;
    await page.goto(`${app!.base}/projects/${project.id}`);
    await page.getByRole('heading', { name: project.name }).waitFor();

    await page.getByRole('button', { name: '编辑' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('随月报经调度员审核后更新，填报员在此不能修改').waitFor();
    for (const label of ['项目阶段', '以前年度累计完成投资', '开工日期', '竣工日期']) {
      expect(await drawer.getByLabel(label, { exact: true }).isDisabled(), label).toBe(true);
    }
    for (const label of ['总投资', '备注']) expect(await drawer.getByLabel(label, { exact: true }).isDisabled(), label).toBe(false);
    await shot(page, 'project-edit-reporter', 'phone');
    await noSidewaysScroll(page, 'the reporter’s project edit');
    await drawer.getByRole('button', { name: '取消' }).click();

    await page.getByRole('button', { name: '变更状态' }).click();
    const modal = page.getByRole('dialog', { name: '变更入库状态' });
    await modal.getByText('“已入库”由调度员根据统计部门的入库结果登记').waitFor();
    await modal.locator('.ant-select-selector').first().click();
    const option = (label: string) => page.locator('.ant-select-item-option', { hasText: label });
    await expect.poll(() => option('已入库').getAttribute('class')).toContain('ant-select-item-option-disabled');
    expect(await option('已报送').getAttribute('class')).not.toContain('ant-select-item-option-disabled');
    await shot(page, 'stats-entry-reporter', 'phone');
    await noSidewaysScroll(page, 'the reporter’s 入库 status');
    await context.close();
  });
});
