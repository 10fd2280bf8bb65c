// A lead's whole life through the API, on SQLite and PostgreSQL: registered, answered, negotiated, signed (framework,
// then formal), converted to a pool project with nothing typed twice, started through the project, and counted in the
// funnel; refusals that name their reason; the response timers on the test's clock; batches; news accepted as leads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { sendLeadNotices } from '../../src/services/attraction/lead-sla.ts';
import { COUNTY, PASSWORD, ZONE, addProject, seedCounty, type CountyFixture } from '../support/factories.ts';
import { call, signInAs, testApp, type TestApp } from '../support/api.ts';
import { openTestDatabase, testDialect } from '../support/test-db.ts';

let h: DatabaseHandle;
let f: CountyFixture;
let app: TestApp;
let dispatcher: string;
let reporter: string;
let other: string;
const YI = 100_000_000;

beforeAll(async () => {
  h = await openTestDatabase();
  f = await seedCounty(h.db);
  app = testApp(h.db); // the clock stands at 2021-06-10 (16:00 in 襄垣)
  dispatcher = await signInAs(app, 't-dispatcher', PASSWORD);
  reporter = await signInAs(app, 't-reporter', PASSWORD);
  other = await signInAs(app, 't-pingshun', PASSWORD);
});
afterAll(async () => {
  await h.close();
});

const NEW_LEAD = {
  regionCode: COUNTY,
  name: '高端装备制造标准化厂房项目',
  investor: '深圳市精工数控装备有限公司',
  investorOrigin: 'outsideProvince',
  investorPlace: '深圳市',
  chain: '装备制造',
  townshipCode: ZONE,
  team: '驻深圳招商小分队',
  source: 'byBusiness',
  referrer: '深圳襄垣商会',
  intendedAmount: 4 * YI,
  receivedOn: '2021-03-01',
};

describe(`a lead’s life through the API (${testDialect()})`, () => {
  let id = '';
  let projectId = '';

  it('registers a lead at 线索 with its 包联领导, and its history starts', async () => {
    const res = await call(app, dispatcher, 'POST', '/api/leads', { ...NEW_LEAD, unitId: f.units.drc, leaderIds: [f.leaderId] });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ name: NEW_LEAD.name, stage: 'lead', status: 'lead', leaders: [{ id: f.leaderId, name: '王志强' }], amount: 4 * YI });
    id = res.json.id;
  });

  it('refuses a move without evidence, a move back, a signing without its kind, each saying why', async () => {
    const noEvidence = await call(app, dispatcher, 'POST', `/api/leads/${id}/moves`, { to: 'negotiating', on: '2021-03-05', evidence: null });
    expect([noEvidence.status, noEvidence.json.error.message]).toEqual([422, '每次变动须写明依据（协议、会议纪要、营业执照、开工照片等）']);
    const future = await call(app, dispatcher, 'POST', `/api/leads/${id}/moves`, { to: 'negotiating', on: '2021-06-11', evidence: '纪要' });
    expect(future.json.error.message).toBe('日期2021-06-11晚于今天（2021-06-10）');
    expect((await call(app, dispatcher, 'POST', `/api/leads/${id}/moves`, { to: 'signed', on: '2021-03-05', evidence: '协议' })).json.error.message).toBe('签约须注明是框架协议还是正式合同');
  });

  it('records follow-ups and moves, each dated with its evidence, in order', async () => {
    expect((await call(app, dispatcher, 'POST', `/api/leads/${id}/follow-ups`, { kind: 'response', on: '2021-03-01', note: '电话联系投资方' })).status).toBe(200);
    expect((await call(app, dispatcher, 'POST', `/api/leads/${id}/moves`, { to: 'negotiating', on: '2021-03-05', evidence: '首轮洽谈会议纪要' })).json.status).toBe('negotiating');
    const framework = await call(app, dispatcher, 'POST', `/api/leads/${id}/moves`, { to: 'signed', on: '2021-04-01', evidence: '框架协议', signKind: 'framework', contractedAmount: 3.6 * YI });
    expect(framework.json).toMatchObject({ status: 'signed', signKind: 'framework', contractedAmount: 3.6 * YI, amount: 3.6 * YI });
    expect((await call(app, dispatcher, 'POST', `/api/leads/${id}/moves`, { to: 'signed', on: '2021-04-20', evidence: '正式投资合同', signKind: 'formal' })).json.signKind).toBe('formal');
    const back = await call(app, dispatcher, 'POST', `/api/leads/${id}/moves`, { to: 'negotiating', on: '2021-05-01', evidence: '纪要' });
    expect(back.json.error.message).toBe('不能从“签约”退回“洽谈”');
    const detail = await call(app, dispatcher, 'GET', `/api/leads/${id}`);
    expect(detail.json.events.map((e: { kind: string; stage: string | null; on: string; evidence: string | null }) => [e.kind, e.stage, e.on, e.evidence])).toEqual([
      ['response', null, '2021-03-01', null],
      ['stage', 'negotiating', '2021-03-05', '首轮洽谈会议纪要'],
      ['stage', 'signed', '2021-04-01', '框架协议'],
      ['stage', 'signed', '2021-04-20', '正式投资合同'],
    ]);
    expect(detail.json.lead.days).toMatchObject({ lead: '2021-03-01', negotiating: '2021-03-05', signed: '2021-04-01' });
  });

  it('keeps every edit in the history and refuses a stale version', async () => {
    const before = (await call(app, dispatcher, 'GET', `/api/leads/${id}`)).json.lead.version;
    const edit = await call(app, dispatcher, 'PATCH', `/api/leads/${id}`, { fundsInPlace: 0.8 * YI, version: before });
    expect(edit.json.fundsInPlace).toBe(0.8 * YI);
    expect((await call(app, dispatcher, 'PATCH', `/api/leads/${id}`, { fundsInPlace: YI, version: before })).status).toBe(409);
    const history = (await call(app, dispatcher, 'GET', `/api/leads/${id}`)).json.history as { field: string; before: string | null; after: string | null }[];
    expect(history.find((x) => x.field === 'fundsInPlace')).toMatchObject({ before: '0', after: String(0.8 * YI) });
    expect(history.filter((x) => x.field === 'stage').map((x) => x.after).sort()).toEqual(['洽谈（2021-03-05）', '签约（2021-04-01）', '签约（2021-04-20）']);
  });

  it('turns the signed lead into a pool project with every field taken from the lead, not typed again', async () => {
    const res = await call(app, dispatcher, 'POST', `/api/leads/${id}/convert`, { year: 2021, annualPlan: YI });
    expect(res.status).toBe(201);
    projectId = res.json.projectId;
    const project = (await call(app, dispatcher, 'GET', `/api/projects/${projectId}`)).json.project;
    expect(project).toMatchObject({
      name: NEW_LEAD.name, owner: NEW_LEAD.investor, chain: NEW_LEAD.chain, townshipCode: ZONE, unitId: f.units.drc, leaderIds: [f.leaderId],
      totalInvestment: 3.6 * YI, stage: 'signed', signedOn: '2021-04-01', startedOn: null,
    });
    expect((await call(app, dispatcher, 'GET', `/api/leads/${id}`)).json.project).toMatchObject({ id: projectId, name: NEW_LEAD.name });
    const twice = await call(app, dispatcher, 'POST', `/api/leads/${id}/convert`, {});
    expect([twice.status, twice.json.error.message]).toEqual([409, '该线索已转为项目，不能重复转入']);
  });

  it('follows the project to 开工: the lead stands at 开工 and the funnel counts it, with no move on the lead', async () => {
    const moved = await call(app, dispatcher, 'POST', `/api/leads/${id}/moves`, { to: 'started', on: '2021-05-20', evidence: '开工照片' });
    expect(moved.json.error.message).toBe('该线索已转为项目，开工、投产随项目的月报记录，请在项目中填报');
    const version = (await call(app, dispatcher, 'GET', `/api/projects/${projectId}`)).json.project.version;
    expect((await call(app, dispatcher, 'PATCH', `/api/projects/${projectId}`, { stage: 'underway', startedOn: '2021-05-20', version })).status).toBe(200);
    const lead = (await call(app, dispatcher, 'GET', `/api/leads/${id}`)).json.lead;
    expect([lead.stage, lead.status, lead.days.started]).toEqual(['signed', 'started', '2021-05-20']);
    const funnel = (await call(app, dispatcher, 'GET', `/api/attraction/funnel?region=${COUNTY}&year=2021`)).json;
    expect(funnel.stages.map((s: { stage: string; reached: { count: number; amount: number } }) => [s.stage, s.reached.count, s.reached.amount])).toEqual([
      ['线索', 1, 4 * YI], ['洽谈', 1, 4 * YI], ['签约', 1, 3.6 * YI], ['开工', 1, 3.6 * YI], ['投产', 0, 0],
    ]);
    expect(funnel.rates).toMatchObject({ landing: 1, performance: 1, fundsInPlace: 0.2222 });
  });

  it('ends another lead with its reason, which the funnel counts apart', async () => {
    const other = (await call(app, dispatcher, 'POST', '/api/leads', { ...NEW_LEAD, name: '铝基新材料项目', referrer: null, receivedOn: '2021-05-01' })).json.id;
    const ended = await call(app, dispatcher, 'POST', `/api/leads/${other}/moves`, { to: 'terminated', on: '2021-06-01', evidence: '投资方来函', reason: '投资方资金链紧张' });
    expect(ended.json).toMatchObject({ status: 'terminated', terminatedReason: '投资方资金链紧张' });
    const funnel = (await call(app, dispatcher, 'GET', `/api/attraction/funnel?region=${COUNTY}&year=2021&on=2021-06-10`)).json;
    expect(funnel.terminated).toEqual({ count: 1, amount: 4 * YI });
    expect(funnel.byOrigin.map((g: { label: string }) => g.label)).toEqual(['省外']);
  });

  it('shows a reporter only its unit’s leads and refuses another county', async () => {
    const mine = await call(app, reporter, 'POST', '/api/leads', { ...NEW_LEAD, name: '古韩镇农产品冷链物流项目', townshipCode: null, referrer: null, receivedOn: '2021-06-01' });
    expect(mine.status).toBe(201);
    const list = (await call(app, reporter, 'GET', `/api/leads?region=${COUNTY}`)).json.leads as { name: string; unitId: string }[];
    expect(list.map((l) => l.name)).toEqual(['古韩镇农产品冷链物流项目']);
    expect((await call(app, reporter, 'GET', `/api/leads/${id}`)).status).toBe(403);
    expect((await call(app, other, 'GET', `/api/attraction/funnel?region=${COUNTY}&year=2021`)).status).toBe(403);
  });
});

describe(`another unit’s lead on every route (${testDialect()})`, () => {
  it('refuses a reporter every {id} route of another unit’s lead, batch and news candidate, and names nothing of them', async () => {
    const foreign = (await call(app, dispatcher, 'POST', '/api/leads', { ...NEW_LEAD, name: '王桥镇精细化工园区配套项目', unitId: f.units.wangqiao, referrer: null })).json.id as string;
    const batch = (await call(app, dispatcher, 'POST', '/api/batches', { region: COUNTY, heldOn: '2020-06-01', title: '2020年第二期“三个一批”活动' })).json.id as string;
    const candidate = (await call(app, dispatcher, 'POST', '/api/news', { region: COUNTY, text: '某县动态\n2021-06-01\n王桥镇年产5万吨精细化工中间体项目正式开工。' })).json.candidates[0].id as string;
    const doc = (await call(app, null, 'GET', '/api/openapi.json')).json as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })));
    const ids: Record<string, string> = { '/leads/{id}': foreign, '/batches/{id}': batch, '/news/candidates/{id}': candidate };
    const walked = routes.filter((r) => Object.keys(ids).some((prefix) => r.path.startsWith(prefix)));
    expect(walked.length).toBeGreaterThanOrEqual(9);
    for (const r of walked) {
      const id = ids[Object.keys(ids).find((prefix) => r.path.startsWith(prefix))!]!;
      // A body each route accepts, so a refusal can only come from the scope check.
      const body = r.method === 'GET' ? undefined
        : r.path.endsWith('/moves') ? { to: 'negotiating', on: '2021-06-02', evidence: '越权' }
          : r.path.endsWith('/follow-ups') ? { kind: 'progress', on: '2021-06-02', note: '越权' }
            : r.path.startsWith('/batches') ? { kind: 'signed' }
              : r.method === 'PATCH' ? { notes: '越权' } : {};
      const res = await call(app, reporter, r.method, `/api${r.path.replace('{id}', id)}`, body);
      expect([403, 404], `${r.method} ${r.path} answered ${res.status}`).toContain(res.status);
      expect(JSON.stringify(res.json)).not.toContain('王桥镇精细化工园区配套项目');
    }
    expect((await call(app, dispatcher, 'POST', `/api/news/candidates/${candidate}/reject`)).status).toBe(200);
  });
});

describe(`response timers on the test’s clock (${testDialect()})`, () => {
  it('lists the leads late on a timer, and sends each notice once', async () => {
    const late = (await call(app, dispatcher, 'POST', '/api/leads', { ...NEW_LEAD, name: '氢能重卡换电站项目', receivedOn: '2021-06-05' })).json.id;
    const rows = (await call(app, dispatcher, 'GET', `/api/leads/overdue?region=${COUNTY}`)).json.overdue as { leadId: string; kind: string; daysOverdue: number; reason: string }[];
    expect(rows.filter((r) => r.leadId === late).map((r) => [r.kind, r.daysOverdue])).toEqual([['response', 4], ['assessment', 2]]);
    expect(rows.find((r) => r.leadId === late)!.reason).toBe('线索“氢能重卡换电站项目”响应登记应于2021-06-06前完成，已逾期4天（当前阶段：线索）');
    const sent = await sendLeadNotices(h.db, new Date('2021-06-10T08:00:00Z'));
    // The response and the assessment; the referrer's answer is due on 06-12, the first report on 06-19.
    expect(sent.filter((t) => t.includes('氢能重卡换电站项目'))).toEqual([
      '【招商线索提醒】“氢能重卡换电站项目”响应登记应于2021-06-06前完成，已逾期4天。',
      '【招商线索提醒】“氢能重卡换电站项目”研判评估应于2021-06-08前完成，已逾期2天。',
    ]);
    expect(await sendLeadNotices(h.db, new Date('2021-06-10T09:00:00Z'))).toEqual([]);
  });
});

describe(`三个一批 and news (${testDialect()})`, () => {
  it('creates a numbered batch, attaches a project and a lead, and follows it up', async () => {
    const projectId = await addProject(h.db, { name: '经开区精细化工中间体项目', unitId: f.units.drc, townshipCode: ZONE, totalInvestment: 6 * YI, stage: 'signed', phase: 'newStart', annualPlan: YI });
    const lead = (await call(app, dispatcher, 'POST', '/api/leads', { ...NEW_LEAD, name: '煤焦油深加工项目', referrer: null, intendedAmount: 2 * YI })).json.id;
    const batch = await call(app, dispatcher, 'POST', '/api/batches', { region: COUNTY, heldOn: '2021-06-08', title: '2021年第三期“三个一批”活动', edition: 3, venue: '襄垣经开区' });
    expect(batch.status).toBe(201);
    const attached = await call(app, dispatcher, 'POST', `/api/batches/${batch.json.id}/items`, { kind: 'signed', projectIds: [projectId], leadIds: [lead], expectedOutputs: { [projectId]: 12 * YI } });
    expect(attached.json.followUp.categories.signed).toEqual({ count: 2, totalInvestment: 8 * YI, expectedOutput: 12 * YI });
    expect(attached.json.followUp.startRate).toEqual({ value: 0, numerator: 0, denominator: 2 });
    const list = (await call(app, dispatcher, 'GET', `/api/batches?region=${COUNTY}&year=2021`)).json.batches;
    expect(list.map((b: { edition: number; venue: string }) => [b.edition, b.venue])).toEqual([[3, '襄垣经开区']]);
  });

  it('reads news into candidates; an accepted one becomes a lead with the article as its source, a rejected one is kept as such', async () => {
    const text = '-\n【长治招商】襄垣县新材料项目集中签约\n襄垣经开区与山西某某新材料有限公司签约总投资5亿元的年产10万吨碳基新材料项目。上党区某某集团高端铸造项目正式开工。\n2021-06-09\n';
    const read = await call(app, dispatcher, 'POST', '/api/news', { region: COUNTY, text });
    expect(read.json.candidates.map((c: { project: string; event: string; amount: number | null; placeCode: string | null }) => [c.project, c.event, c.amount, c.placeCode])).toEqual([
      ['年产10万吨碳基新材料项目', '签约', 5 * YI, '140423402'],
      ['上党区某某集团高端铸造项目', '开工', null, '140404'],
    ]);
    const [first, second] = read.json.candidates as { id: string }[];
    const accepted = await call(app, dispatcher, 'POST', `/api/news/candidates/${first!.id}/accept`, { project: '碳基新材料项目' });
    expect(accepted.json.lead).toMatchObject({ name: '碳基新材料项目', source: 'news', sourceDetail: '【长治招商】襄垣县新材料项目集中签约（2021-06-09）', intendedAmount: 5 * YI, investor: '山西某某新材料有限公司', status: 'lead' });
    expect((await call(app, dispatcher, 'POST', `/api/news/candidates/${first!.id}/accept`, {})).status).toBe(409);
    expect((await call(app, dispatcher, 'POST', `/api/news/candidates/${second!.id}/reject`)).json.status).toBe('rejected');
    const pending = (await call(app, dispatcher, 'GET', `/api/news/candidates?region=${COUNTY}&status=pending`)).json.candidates;
    expect(pending).toEqual([]);
  });
});
