// Every service that writes a project's history names its fields from the one vocabulary, and the project page says
// each of them in words, in Chinese and in English: creation, edits, the year's figures, a ledger import, a round's
// approval and correction, and the 入库 workflow.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { parseHistoryField } from '../../src/domain/project/history-field.ts';
import { getProjectHistory } from '../../src/services/get-project.ts';
import { importLedger } from '../../src/services/import-ledger.ts';
import { decideCorrection, requestCorrection } from '../../src/services/round/corrections.ts';
import { listRoundReports, submitReport } from '../../src/services/round/reports.ts';
import { approveReport } from '../../src/services/round/review.ts';
import { openRound } from '../../src/services/round/rounds.ts';
import { changeStatsEntry } from '../../src/services/stats-entry.ts';
import { updateProject } from '../../src/services/update-project.ts';
import type { Session } from '../../src/web/hooks/session.tsx';
import { makeI18n } from '../../src/web/i18n.tsx';
import { historyHead, historyValue } from '../../src/web/lib/history-view.ts';
import { addProject, COUNTY, seedCounty, WANGQIAO, type CountyFixture } from '../support/factories.ts';
import { openTestDatabase, testDialect } from '../support/test-db.ts';

let h: DatabaseHandle;
let f: CountyFixture;
beforeEach(async () => {
  h = await openTestDatabase();
  f = await seedCounty(h.db);
});
afterEach(async () => {
  await h.close();
});

async function ledger(ytdWan: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(['序号', '项目名称', '所在乡镇', '项目性质', '总投资', '2021年计划投资', '1-5月完成投资', '项目状态']);
  ws.addRow([1, '古韩镇污水处理厂提标改造', '古韩', '新建', 6000, 3000, ytdWan, '在建']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Every history entry of the county's projects, after each writer has had its turn. */
async function writeEveryKind(): Promise<{ field: string; before: string | null; after: string | null }[]> {
  const d = f.actors.dispatcher;
  const heating = await addProject(h.db, {
    name: '古韩镇集中供热改造工程', unitId: f.units.guhan, totalInvestment: 200_000_000, phase: 'continuing', annualPlan: 80_000_000,
    stage: 'underway', startedOn: '2020-03-10', months: { '2021-03': 5_000_000 },
  });
  await updateProject(h.db, {
    id: heating,
    patch: {
      name: '古韩镇集中供热改造二期工程', approvalKind: 'filing', owner: '襄垣县热力公司', townshipCode: WANGQIAO, industryCode: '44', chain: '能源',
      constructionType: 'expansion', category: '基础设施', stage: 'suspended', signedOn: '2020-01-05', landSuppliedOn: '2020-02-01', permitOn: '2020-03-01',
      suspendedOn: '2021-02-01', totalInvestment: 210_000_000, completedBefore: 10_000_000, leaderIds: [f.leaderId], unitId: f.units.wangqiao,
      landAreaMu: 12.5, notes: '冬季停工', years: [{ year: 2021, phase: 'newStart', annualPlan: 90_000_000, resumedOn: null }],
    },
  }, d);
  await updateProject(h.db, { id: heating, patch: { stage: 'underway', years: [{ year: 2021, phase: 'continuing', annualPlan: 90_000_000, resumedOn: '2021-03-01' }] } }, d);

  await importLedger(h.db, { file: await ledger(1000), regionCode: COUNTY, skipInvalid: false, commit: true }, d);
  await importLedger(h.db, { file: await ledger(1200), regionCode: COUNTY, skipInvalid: false, commit: true }, d);

  const school = await addProject(h.db, { name: '古韩镇中学新校区', unitId: f.units.guhan, totalInvestment: 90_000_000, phase: 'newStart', annualPlan: 30_000_000, stage: 'preparing' });
  const resumed = await addProject(h.db, { name: '古韩镇道路', unitId: f.units.guhan, totalInvestment: 50_000_000, phase: 'continuing', annualPlan: 10_000_000, stage: 'suspended', startedOn: '2020-04-01' });
  const round = await openRound(h.db, { regionCode: COUNTY, month: '2021-05' }, d, new Date('2021-06-01T01:00:00Z'));
  const report = (await listRoundReports(h.db, round.id, d)).find((r) => r.projectId === school)!;
  await submitReport(h.db, report.id, { completedMonth: 1_000_000, stageEvents: [{ event: 'started', on: '2021-05-18' }, { event: 'completed', on: '2021-05-30' }, { event: 'operating', on: '2021-05-31' }] }, f.actors.reporter, new Date('2021-06-03T02:00:00Z'));
  await approveReport(h.db, report.id, d, new Date('2021-06-04T02:00:00Z'));
  const correction = await requestCorrection(h.db, report.id, { completedMonth: 1_200_000, reason: '补录设备款' }, f.actors.reporter, new Date('2021-06-10T02:00:00Z'));
  await decideCorrection(h.db, correction.id, { approve: true }, d, new Date('2021-06-11T02:00:00Z'));
  const resumedReport = (await listRoundReports(h.db, round.id, d)).find((r) => r.projectId === resumed)!;
  await submitReport(h.db, resumedReport.id, { completedMonth: 0, stageEvents: [{ event: 'resumed', on: '2021-05-10' }] }, f.actors.reporter, new Date('2021-06-03T02:00:00Z'));
  await approveReport(h.db, resumedReport.id, d, new Date('2021-06-04T02:00:00Z'));

  const now = new Date('2021-06-20T02:00:00Z');
  const big = await addProject(h.db, { name: '襄垣县物流园', unitId: f.units.guhan, totalInvestment: 300_000_000, phase: 'newStart', annualPlan: 50_000_000, startedOn: '2021-04-01' });
  const materials = ['approvalDocument', 'constructionContract', 'sitePhotos', 'businessLicence'].map((item) => ({ item, done: true, note: item === 'sitePhotos' ? '6月15日拍摄' : undefined }));
  await changeStatsEntry(h.db, { id: big, change: { materials, notes: '统计局已受理' } }, d, now);
  await changeStatsEntry(h.db, { id: big, change: { status: 'submitted', on: '2021-06-16' } }, d, now);
  await changeStatsEntry(h.db, { id: big, change: { status: 'refused', on: '2021-06-18', reason: '资料不全' } }, d, now);

  const ids = [heating, school, resumed, big];
  const imported = (await h.db.selectFrom('project').select('id').where('name', '=', '古韩镇污水处理厂提标改造').executeTakeFirstOrThrow()).id;
  const entries = [];
  for (const id of [...ids, imported]) entries.push(...(await getProjectHistory(h.db, id, d)));
  return entries;
}

const session = { names: { township: () => '王桥镇', unit: () => '王桥镇人民政府', leader: () => '王志强' } } as unknown as Session;

describe(`the history in words (${testDialect()})`, () => {
  it('names every field from the vocabulary, and says each in Chinese and English', async () => {
    const entries = await writeEveryKind();
    const fields = [...new Set(entries.map((e) => e.field))].sort();
    const kinds = new Set(fields.map((field) => parseHistoryField(field)?.kind));
    // Every writer had its say: creation, edits, year figures, months (import, approval, correction), the correction's
    // reason, and the 入库 record and checklist.
    expect([...kinds].sort()).toEqual(['created', 'field', 'material', 'month', 'monthReason', 'statsEntry', 'year']);
    expect(fields).toContain('months.2021-05.completed');
    expect(fields).toContain('years.2021.resumedOn');

    for (const lang of ['zh', 'en'] as const) {
      const i18n = makeI18n(lang);
      for (const field of fields) {
        expect(parseHistoryField(field), field).not.toBeNull();
        const head = historyHead(i18n, '张三', field);
        if (field !== 'created') expect(head, field).not.toBe(i18n.t('project.changed', { user: '张三', field }));
        // No stored name shows through: no dotted path, no camelCase code; Chinese reads without Latin letters.
        expect(head, field).not.toMatch(/\w\.\w|\b[a-z]+[A-Z]\w*/);
        if (lang === 'zh') expect(head.replace('张三', ''), field).not.toMatch(/[A-Za-z]/);
      }
      for (const e of entries.filter((x) => x.field !== 'created')) {
        for (const value of [e.before, e.after]) {
          const shown = historyValue(i18n, session, e.field, value);
          // A code (a stage, a phase, a status, a ticked item) reads as a word, never as itself.
          if (value !== null && /^[a-z][A-Za-z]*$/.test(value)) expect(shown, `${e.field}: ${value}`).not.toBe(value);
        }
      }
    }
  });

  it('shows an imported month as a month’s figure, like an approved one', async () => {
    await importLedger(h.db, { file: await ledger(1000), regionCode: COUNTY, skipInvalid: false, commit: true }, f.actors.dispatcher);
    await importLedger(h.db, { file: await ledger(1234.5), regionCode: COUNTY, skipInvalid: false, commit: true }, f.actors.dispatcher);
    const id = (await h.db.selectFrom('project').select('id').where('name', '=', '古韩镇污水处理厂提标改造').executeTakeFirstOrThrow()).id;
    const month = (await getProjectHistory(h.db, id, f.actors.dispatcher)).find((e) => e.field !== 'created')!;
    expect(month).toMatchObject({ field: 'months.2021-05.completed', before: '10000000', after: '12345000' });
    expect(historyHead(makeI18n('zh'), '张三', month.field)).toBe('张三 修改了2021年5月完成投资');
    expect(historyHead(makeI18n('en'), 'Zhang', month.field)).toBe('Zhang changed Investment in May 2021');
    expect(historyValue(makeI18n('zh'), session, month.field, month.after)).toBe('1,234.5万元');
  });
});
