// A ledger's leaders and units, and the 是否开工 it writes: names resolved or refused with the reason, several leaders
// per project kept through an edit, an export and a re-import.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { SYSTEM_ACTOR } from '../../src/domain/access.ts';
import { isAppError } from '../../src/domain/errors.ts';
import { loadCountyProjects } from '../../src/db/repositories/ledger.repository.ts';
import { findProject, projectsOfLeader } from '../../src/db/repositories/project.repository.ts';
import { insertLeaders, insertUnits, listLeaders } from '../../src/db/repositories/region.repository.ts';
import { newId } from '../../src/db/transaction.ts';
import { exportLedger } from '../../src/services/export-ledger.ts';
import { importLedger } from '../../src/services/import-ledger.ts';
import { updateProject } from '../../src/services/update-project.ts';
import { COUNTY, seedCounty, type CountyFixture } from '../support/factories.ts';
import { projectFormXls } from '../support/ledger-files.ts';
import { openTestDatabase, testDialect } from '../support/test-db.ts';

let h: DatabaseHandle;
let f: CountyFixture;

const HEADERS = ['序号', '项目名称', '项目性质', '是否开工', '总投资', '2022年计划投资', '1-6月完成投资', '开工时间', '包联领导', '责任单位'];

async function ledger(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const preview = async (file: Buffer) => importLedger(h.db, { file, regionCode: COUNTY, skipInvalid: false, commit: false }, SYSTEM_ACTOR);

beforeAll(async () => {
  h = await openTestDatabase();
  f = await seedCounty(h.db);
});
afterAll(async () => {
  await h?.close();
});

describe(`ledger people (${testDialect()})`, () => {
  it('refuses an ambiguous unit naming both, and a leader two people answer to, and creates nothing for a refused row', async () => {
    await insertUnits(h.db, [{ id: newId(), regionCode: COUNTY, name: '襄垣县发展改革局', kind: 'department', townshipCode: null, sortOrder: 99 }]);
    await insertLeaders(h.db, [
      { id: newId(), regionCode: COUNTY, name: '李强', title: '副县长', sortOrder: 5 },
      { id: newId(), regionCode: COUNTY, name: '李 强', title: '县委常委', sortOrder: 6 },
    ]);
    const report = await preview(await ledger([
      [1, '甲项目', '新建', '否', 100, 50, 0, null, '王志强', '县发改局'],
      [2, '乙项目', '新建', '否', 100, 50, 0, null, '李强', '古韩镇政府'],
      [3, '丙项目', '新建', '否', 100, 50, 0, null, '新领导', '新单位'],
    ]));
    expect(report.rejected).toEqual([
      { row: 2, reason: '第2行：责任单位“县发改局”可指“发展和改革局”或“襄垣县发展改革局”，请写全称' },
      { row: 3, reason: '第3行：包联领导“李强”在本县有2位同名领导（副县长、县委常委），请在系统中区分后再导入' },
    ]);
    expect(report.created).toEqual({ leaders: [{ name: '新领导', title: null }], units: ['新单位'] });
  });

  it('refuses 是否开工 否 beside a start date already past, and a word it cannot read', async () => {
    const report = await preview(await ledger([
      [1, '丁项目', '新建', '否', 100, 50, 0, '2022-03-01', null, null],
      [2, '戊项目', '新建', '也许', 100, 50, 0, null, null, null],
      [3, '己项目', '新建', '否', 100, 50, 0, '2022-09-01', null, null],
    ]));
    expect(report.rejected.map((r) => r.reason)).toEqual(['第2行：是否开工为“否”，开工时间却是2022-03-01', '第3行：是否开工“也许”无法识别，应为是或否']);
  });

  it('keeps several leaders through an edit, the exported ledger and a re-import, and answers who leads what', async () => {
    const file = await ledger([[1, '两位领导的项目', '新建', '是', 1000, 500, 100, '2022-04-01', '王志强、许  波', '古韩镇政府']]);
    const first = await importLedger(h.db, { file, regionCode: COUNTY, skipInvalid: false, commit: true }, SYSTEM_ACTOR);
    expect(first).toMatchObject({ committed: true, new: 1, created: { leaders: [{ name: '许波', title: null }], units: [] } });
    const leaders = await listLeaders(h.db, COUNTY);
    const xu = leaders.find((l) => l.name === '许波')!.id;
    const id = (await loadCountyProjects(h.db, COUNTY)).find((p) => p.project.name === '两位领导的项目')!.project.id;
    expect((await findProject(h.db, id))!.leaderIds).toEqual([f.leaderId, xu]);
    expect(await projectsOfLeader(h.db, xu)).toEqual([id]);

    const exported = await exportLedger(h.db, { region: COUNTY, asOf: '2022-06' }, SYSTEM_ACTOR);
    const again = await importLedger(h.db, { file: exported.buffer, regionCode: COUNTY, skipInvalid: false, commit: true }, SYSTEM_ACTOR);
    expect(again.rows.find((r) => r.name === '两位领导的项目')?.action).toBe('unchanged');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.buffer as unknown as ArrayBuffer);
    const values = wb.worksheets[0]!.getSheetValues().flat().filter((v) => typeof v === 'string');
    expect(values).toContain('王志强、许波');

    const edited = await updateProject(h.db, { id, patch: { leaderIds: [xu] } }, f.actors.dispatcher);
    expect(edited.leaderIds).toEqual([xu]);
    expect(await projectsOfLeader(h.db, f.leaderId)).not.toContain(id);
    const refused = await updateProject(h.db, { id, patch: { leaderIds: ['nobody'] } }, f.actors.dispatcher).catch((e) => e);
    expect(isAppError(refused) && refused.details).toEqual([{ field: 'leaderIds', message: '包联领导不存在' }]);
  });

  it('says once that a form about one project is not a ledger', async () => {
    const e = await preview(projectFormXls()).catch((x) => x);
    expect(isAppError(e) && e.message).toBe('工作表“项目信息表”是单个项目的信息表，不是台账：台账应每行一个项目，表头有“项目名称”等列');
  });
});
