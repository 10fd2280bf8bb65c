// The indicator API on the demo database: the numbers of /indicators are the command line's, every x of the indicator template is (sources quoted in docs/sources.md)
// filled with a number equal to the API's figure, and writing is the region's dispatchers' (401 without a session, 403).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/connect.ts';
import { createDemo } from '../../src/demo/create-demo.ts';
import { WORK_REPORT_TARGETS_TEXT } from '../../src/demo/indicators.ts';
import { call, signInAs, testApp, type TestApp } from '../support/api.ts';
import { tiaodu } from '../support/cli.ts';
import { testDatabaseTarget, testDialect } from '../support/test-db.ts';

let dir: string;
let target: string;
let drop: () => Promise<void>;
let h: DatabaseHandle;
let app: TestApp;
let dispatcher: string;
let reporter: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiaodu-indicators-'));
  ({ target, drop } = await testDatabaseTarget(dir));
  h = await openDatabase(target, { poolSize: 4 });
  await createDemo(h.db, new Date('2021-06-01T08:00:00Z'));
  app = testApp(h.db);
  dispatcher = await signInAs(app, 'dispatcher', 'demo1234');
  reporter = await signInAs(app, 'reporter', 'demo1234');
});
afterAll(async () => {
  await h?.close();
  await drop?.();
  fs.rmSync(dir, { recursive: true, force: true });
});

const ACCEPTANCE_KEYS = ['indicator', 'unit', 'value', 'yoy', 'yoySource', 'target', 'targetShare', 'timeProgress', 'progressGap', 'rankInCity', 'rankAmongCounties'];
const pick = (o: Record<string, unknown>) => Object.fromEntries(ACCEPTANCE_KEYS.map((k) => [k, o[k]]));

describe(`GET /api/indicators (${testDialect()})`, () => {
  it('gives the same numbers as tiaodu indicators --json, for the county and for the zone', async () => {
    for (const [region, asOf] of [['140423', '2021-06'], ['140423402', '2023-06'], ['140423100', '2021-06']] as const) {
      const api = await call(app, reporter, 'GET', `/api/indicators?region=${region}&asOf=${asOf}`);
      expect(api.status).toBe(200);
      const cli = await tiaodu('indicators', '--db', target, '--region', region, '--as-of', asOf, '--json');
      expect(cli.code, cli.stderr).toBe(0);
      expect(api.json.indicators.length).toBeGreaterThan(0);
      expect(api.json.indicators.map(pick)).toEqual(JSON.parse(cli.stdout));
    }
  });

  it('explains every figure it leaves empty', async () => {
    const res = await call(app, reporter, 'GET', '/api/indicators?region=140423402&asOf=2023-06');
    const iva = res.json.indicators.find((i: any) => i.code === 'industrial-value-added');
    expect(iva).toMatchObject({ value: 4_440_000_000, yoy: 0.148, yoySource: 'official', officialYoy: 0.148, computedYoy: 0.1479, target: null });
    expect(iva.reasons.target).toEqual({ code: 'no-target', message: '未设定年度目标' });
  });

  it('answers 422 for a malformed month, 403 outside the scope', async () => {
    expect((await call(app, reporter, 'GET', '/api/indicators?region=140423&asOf=2021-6')).status).toBe(422);
    expect((await call(app, reporter, 'GET', '/api/indicators?region=140425&asOf=2021-06')).status).toBe(403);
  });
});

/** Where a sentence's figure is in the API's report of the same indicator. */
function apiFigure(item: any, figure: string): unknown {
  switch (figure) {
    case 'value':
    case 'yoy':
    case 'targetShare':
    case 'progressGap':
    case 'yoyAboveTargetGrowth':
    case 'rankInCity':
    case 'rankAmongCounties':
      return item[figure];
    case 'quarterValue':
      return item.qoq.value;
    case 'previousQuarterValue':
      return item.qoq.previousValue;
    case 'qoq':
      return item.qoq.rate;
    case 'cityPeerCount':
      return item.ranks.inCity.peerCount;
    case 'countyPeerCount':
      return item.ranks.amongCounties.peerCount;
    case 'halfYearForecast':
      return item.halfYearForecast.value;
    case 'halfYearForecastYoy':
      return item.halfYearForecast.yoy;
    case 'yearForecast':
      return item.yearForecast.value;
    case 'yearForecastYoy':
      return item.yearForecast.yoy;
    default:
      throw new Error(`a figure the test does not know: ${figure}`);
  }
}

describe(`GET /api/indicators/sentences (${testDialect()})`, () => {
  it('fills every x of the indicator template for 襄垣 as of 2021-06 with the API’s own figures', async () => {
    const [sentences, report, standing] = await Promise.all([
      call(app, reporter, 'GET', '/api/indicators/sentences?region=140423&asOf=2021-06'),
      call(app, reporter, 'GET', '/api/indicators?region=140423&asOf=2021-06'),
      call(app, reporter, 'GET', '/api/indicators/standing?region=140423&asOf=2021-06'),
    ]);
    const byName = new Map<string, any>(sentences.json.sentences.filter((s: any) => s.kind === 'indicator').map((s: any) => [s.name, s]));
    // The indicator template's sentences, each with the figures its x's stand for.
    const templateFigures: Record<string, string[]> = {
      规上工业总产值: ['period', 'value', 'yoy', 'targetShare', 'quarterValue', 'previousQuarterValue', 'qoq'],
      规上工业增加值: ['period', 'value', 'yoy', 'yoyAboveTargetGrowth', 'cityPeerCount', 'rankInCity', 'countyPeerCount', 'rankAmongCounties'],
      新增规上企业数: ['period', 'value', 'targetShare'],
      工业投资: ['period', 'value', 'yoy', 'targetShare', 'progressGap', 'cityPeerCount', 'rankInCity', 'countyPeerCount', 'rankAmongCounties', 'yearForecast', 'yearForecastYoy'],
      技改投资: ['period', 'value', 'yoy', 'rankInCity', 'rankAmongCounties', 'yearForecast', 'yearForecastYoy'],
      高新技术产业增加值: ['period', 'value', 'yoy', 'rankInCity', 'rankAmongCounties'],
    };
    for (const [name, figures] of Object.entries(templateFigures)) {
      const s = byName.get(name);
      expect(s, name).toBeDefined();
      expect(s.text, name).not.toMatch(/x|null|NaN|undefined/);
      for (const figure of figures) expect(s.parts.map((p: any) => p.figure), `${name} ${figure}`).toContain(figure);
    }
    // Every number of every sentence is the API's figure.
    for (const s of sentences.json.sentences.filter((x: any) => x.kind === 'indicator')) {
      const item = report.json.indicators.find((i: any) => i.code === s.indicator);
      for (const p of s.parts) {
        if (p.figure === 'period') expect([6, 12], `${s.name} ${p.text}`).toContain(p.value);
        else expect(p.value, `${s.name} ${p.figure} ${p.text}`).toBe(apiFigure(item, p.figure));
      }
    }
    // "五是乡镇工作不平衡": the townships against 时序进度, each share the standing's.
    const towns = sentences.json.sentences.find((s: any) => s.kind === 'standing' && s.indicator === 'industrial-investment');
    expect(towns.text).toMatch(/^从完成工业投资进度情况看，达到时序进度的只有.+等3个乡镇，.+接近时序进度，进度排在后3位的是.+。$/);
    const ranked = standing.json.standings.find((x: any) => x.indicator === 'industrial-investment').ranked;
    for (const p of towns.parts) {
      if (p.figure === 'targetShare') expect(p.value).toBe(ranked.find((r: any) => r.region === p.region).targetShare);
      if (p.figure === 'aheadCount') expect(p.value).toBe(ranked.filter((r: any) => r.standing === 'ahead').length);
    }
    expect(towns.parts.filter((p: any) => p.figure === 'targetShare')).toHaveLength(3);
  });
});

async function upload(file: Buffer | null, query: string, as = dispatcher): Promise<{ status: number; json: any }> {
  const form = new FormData();
  if (file) form.append('file', new Blob([new Uint8Array(file)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), '指标.xlsx');
  const res = await app.request(`/api/indicators/import?${query}`, { method: 'POST', headers: { authorization: `Bearer ${as}` }, body: form });
  return { status: res.status, json: await res.json() };
}

describe(`writing indicators through the API (${testDialect()})`, () => {
  it('answers 401 without a session on every indicator route', async () => {
    const doc = (await call(app, null, 'GET', '/api/openapi.json')).json as { paths: Record<string, Record<string, unknown>> };
    const ops = Object.entries(doc.paths).filter(([p]) => p.startsWith('/indicators')).flatMap(([p, methods]) => Object.keys(methods).map((m) => [m.toUpperCase(), p] as const));
    expect(ops.length).toBeGreaterThanOrEqual(19);
    for (const [method, p] of ops) expect((await call(app, null, method, `/api${p}?region=140423&asOf=2021-06&year=2021`, method === 'GET' ? undefined : {})).status, `${method} ${p}`).toBe(401);
  });

  it('lets a reporter read but not write: 403 on values, targets, ranks, the pool draw and the import', async () => {
    const value = { values: [{ indicator: 'gdp', region: '140423', month: '2021-09', value: 1 }] };
    expect((await call(app, reporter, 'PUT', '/api/indicators/values', value)).status).toBe(403);
    expect((await call(app, reporter, 'PUT', '/api/indicators/targets', { targets: [{ indicator: 'gdp', region: '140423', year: 2022, kind: 'growth', value: 0.06 }] })).status).toBe(403);
    expect((await call(app, reporter, 'PUT', '/api/indicators/ranks', { ranks: [{ indicator: 'gdp', region: '140423', month: '2021-06', rankInCity: 1, rankAmongCounties: 1 }] })).status).toBe(403);
    expect((await call(app, reporter, 'POST', '/api/indicators/draw-from-pool', { region: '140423', asOf: '2021-05' })).status).toBe(403);
    expect((await call(app, reporter, 'POST', '/api/indicators/targets/read', { region: '140423', year: 2021, text: WORK_REPORT_TARGETS_TEXT })).status).toBe(403);
    expect((await upload(Buffer.from('x'), 'region=140423&commit=true', reporter)).status).toBe(403);
    const own = await call(app, reporter, 'GET', '/api/indicators/targets?region=140423&year=2021');
    expect(own.status).toBe(200);
    // 古韩镇's reporter sees no decomposition to other units or leaders.
    expect(own.json.assignments).toEqual([]);
  });

  it('enters a value with its field errors as 422, and shows it', async () => {
    const bad = await call(app, dispatcher, 'PUT', '/api/indicators/values', { values: [{ indicator: 'gdp', region: '140423', month: '2022-08', value: 1.5 }] });
    expect(bad.status).toBe(422);
    expect(bad.json.error.details.map((d: any) => d.field)).toEqual(['values.0.month', 'values.0.value']);
    const ok = await call(app, dispatcher, 'PUT', '/api/indicators/values', { values: [{ indicator: 'attracted-funds', region: '140423', month: '2021-06', value: 1_230_000_000, officialYoy: null }] });
    expect(ok).toMatchObject({ status: 200, json: { saved: 1 } });
    const list = await call(app, reporter, 'GET', '/api/indicators/values?region=140423&year=2021&indicator=attracted-funds');
    expect(list.json.values).toEqual([expect.objectContaining({ name: '招商引资到位资金', month: '2021-06', value: 1_230_000_000, source: 'entered' })]);
    expect((await call(app, dispatcher, 'DELETE', '/api/indicators/values?indicator=attracted-funds&region=140423&month=2021-06')).status).toBe(200);
  });

  it('reads targets from a work report’s text, and saves the ones confirmed', async () => {
    const read = await call(app, dispatcher, 'POST', '/api/indicators/targets/read', { region: '140423', year: 2022, text: WORK_REPORT_TARGETS_TEXT });
    expect(read.status).toBe(200);
    expect(read.json.proposals).toHaveLength(6);
    const p = read.json.proposals[0];
    const saved = await call(app, dispatcher, 'POST', '/api/indicators/targets', { region: '140423', year: 2022, targets: [{ indicator: p.indicator, kind: p.kind, value: p.value, qualifier: p.qualifier, sourceText: p.span.text }] });
    expect(saved).toMatchObject({ status: 200, json: { saved: 1 } });
    const list = await call(app, reporter, 'GET', '/api/indicators/targets?region=140423&year=2022');
    expect(list.json.targets).toEqual([expect.objectContaining({ name: '地区生产总值', kind: 'growth', value: 0.08, source: 'report' })]);
  });

  it('previews the pool draw without saving it', async () => {
    const res = await call(app, dispatcher, 'POST', '/api/indicators/draw-from-pool', { region: '140423', asOf: '2021-05' });
    expect(res.status).toBe(200);
    expect(res.json.draws.map((d: any) => d.name)).toEqual(['固定资产投资', '工业投资']);
    expect(res.json.draws.every((d: any) => d.saved === false && d.value > 0 && d.value <= 3_439_000_000)).toBe(true);
  });

  it('exports the values sheet and takes it back unchanged; a bad row is refused with its row number', async () => {
    const res = await app.request('/api/indicators/export?region=140423&year=2021', { headers: { authorization: `Bearer ${reporter}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('襄垣县经济指标（2021年）.xlsx'));
    const file = Buffer.from(await res.arrayBuffer());
    const preview = await upload(file, 'region=140423&commit=false');
    expect(preview.status).toBe(200);
    expect(preview.json).toMatchObject({ committed: false, rejected: [], new: 0, updated: 0 });
    expect(preview.json.unchanged).toBeGreaterThan(300);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(file).buffer as ArrayBuffer);
    book.worksheets[0]!.getCell('D5').value = '2021-13';
    const broken = await upload(Buffer.from(await book.xlsx.writeBuffer()), 'region=140423&commit=true');
    expect(broken.status).toBe(200);
    expect(broken.json).toMatchObject({ committed: false, imported: 0, rejected: [{ row: 5, reason: '第5行：月份“2021-13”无法识别，应写作2021-06或2021年6月' }] });
    expect((await upload(null, 'region=140423&commit=true')).status).toBe(422);
  });
});
