// tiaodu alerts, items, reserve, export items and import items as scripts drive them (ACCEPTANCE.md): the JSON
// shapes, the filters, exit 2 on wrong usage, a task sheet taken or refused row by row.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tiaodu } from '../support/cli.ts';
import { commandDatabase } from '../support/cli-database.ts';
import { testDialect } from '../support/test-db.ts';

const home = commandDatabase('tiaodu-cli-sv-', ['demo']);

const json = async (...args: string[]) => {
  const r = await tiaodu(...args, '--db', home.target, '--json');
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

describe(`supervision and alerts on the command line (${testDialect()})`, () => {
  it('prints one alert per lit project and rule, red first, each with its reason', async () => {
    const alerts = await json('alerts', '--region', '140423', '--as-of', '2021-05', '--on', '2021-06-10');
    expect(Object.keys(alerts[0]).sort()).toEqual(['leader', 'level', 'projectId', 'projectName', 'reason', 'rule', 'unit']);
    const firstYellow = alerts.findIndex((a: { level: string }) => a.level === 'yellow');
    expect(alerts.slice(firstYellow).every((a: { level: string }) => a.level === 'yellow')).toBe(true);
    expect(alerts).toContainEqual(expect.objectContaining({
      rule: 'stoppedAfterStart',
      level: 'yellow',
      projectName: '山西襄垣恒泰焦化有限公司化产回收系统升级改造项目',
      unit: '侯堡镇人民政府',
      leader: '李宏伟',
      reason: '2021年3月11日开工，2021年5月25日停工，停工不满1个月',
    }));
    // A month later the same stop is a month old: red.
    const june = await json('alerts', '--region', '140423', '--as-of', '2021-06', '--on', '2021-07-01');
    expect(june.find((a: { rule: string; projectName: string }) => a.rule === 'stoppedAfterStart' && a.projectName.includes('化产回收')).level).toBe('red');
  });

  it('prints the items with their 13710 deadlines, filtered by status on a day', async () => {
    const overdue = await json('items', '--region', '140423', '--status', 'overdue', '--on', '2021-06-10');
    expect(overdue.map((i: { title: string }) => i.title)).toEqual(['施工用电线路未接入，影响设备安装', '焦化限产后项目停工，复工时间不明', '迁建地块3户未签订征收协议', '项目用地规划性质需调整，影响供地']);
    expect(Object.keys(overdue[0]).sort()).toEqual(['assignedOn', 'feedbackDue', 'id', 'kind', 'leader', 'level', 'overdue', 'projectId', 'solveDue', 'status', 'title', 'unit'].sort());
    expect(overdue[0]).toMatchObject({ kind: 'problem', unit: '侯堡镇人民政府', leader: '李宏伟', level: 'ordinary', status: 'assigned', assignedOn: '2021-05-24', feedbackDue: '2021-05-27', solveDue: '2021-06-02', overdue: true });
    const closed = await json('items', '--region', '140423', '--status', 'closed', '--on', '2021-06-10');
    expect(closed.map((i: { status: string }) => i.status)).toEqual(['closed', 'closed']);
    expect((await json('items', '--region', '140423', '--on', '2021-06-10')).length).toBe(17);
  });

  it('prints the reserve with its five figures first', async () => {
    const r = await json('reserve', '--region', '140423', '--as-of', '2021-05');
    expect(Object.keys(r).slice(0, 5)).toEqual(['remainingInvestment', 'remainingTask', 'coverageRatio', 'gap', 'effectiveBalance']);
    expect(r).toMatchObject({ coverageRatio: 2.7, required: 27_000_000_000, task: 10_000_000_000, remainingTask: 10_000_000_000 - 3_439_000_000 });
    expect(r.gap).toBe(r.required - r.remainingInvestment);
  });

  it('exits 2 on wrong usage', async () => {
    for (const args of [['items', '--region', '140423', '--status', 'late'], ['alerts', '--region', '140423', '--as-of', '2021-5'], ['alerts', '--region', '140423', '--as-of', '2021-05', '--on', '6月10日']]) {
      const r = await tiaodu(...args, '--db', home.target, '--json');
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
    }
  });

  it('exports the rectification ledger as a county prints it', async () => {
    const out = path.join(home.dir, '整改台账.xlsx');
    const r = await json('export', 'items', '--region', '140423', '--view', 'rectification', '--on', '2021-06-10', '--out', out);
    // The 9 problems less the 2 not yet assigned.
    expect(r.rows).toBe(7);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const ws = book.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('襄垣县整改台账');
    expect(String(ws.getCell('A2').value)).toContain('截至2021年6月10日');
    const header = (ws.getRow(3).values as unknown[]).filter(Boolean);
    expect(header).toEqual(expect.arrayContaining(['存在问题', '整改时限', '整改措施', '整改情况', '是否逾期']));
  });

  it('imports a task list row by row, nothing when a row is refused unless told to skip it', async () => {
    const file = path.join(home.dir, '任务清单.xlsx');
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('任务');
    ws.addRow(['2021年重点工作任务清单']);
    ws.addRow(['序号', '重点任务', '牵头单位', '分管领导', '交办日期', '完成时限', '所属清单']);
    ws.addRow([1, '建成滨河小学', '教育局', '陈丽娟', '2021-03-01', '2021年8月', '民生实事']);
    ws.addRow([2, '新增通公交行政村10个', '交通运输局', '牛向东', '2021-03-01', '2021-12-31', '民生实事']);
    ws.addRow([3, '建成5G基站200个', '通信管理办', null, '2021-03-01', '2021-12-31', '民生实事']);
    await book.xlsx.writeFile(file);
    const refused = await tiaodu('import', 'items', file, '--region', '140423', '--db', home.target, '--json');
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ committed: false, imported: 0, rejected: [{ row: 5, reason: '责任单位“通信管理办”不是本县的单位' }] });
    const taken = await json('import', 'items', file, '--region', '140423', '--skip-invalid');
    expect(taken).toMatchObject({ committed: true, imported: 2 });
    const items = await json('items', '--region', '140423', '--on', '2021-06-10');
    expect(items.filter((i: { title: string }) => ['建成滨河小学', '新增通公交行政村10个'].includes(i.title)).map((i: { unit: string; solveDue: string; kind: string }) => [i.unit, i.solveDue, i.kind])).toEqual(
      expect.arrayContaining([['教育局', '2021-08-01', 'task'], ['交通运输局', '2021-12-31', 'task']]),
    );
  });
});
