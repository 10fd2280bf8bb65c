// 文稿 on the demo: the summary as of 2021-06 through the API — its numbers equal the API's own figures, its totals the
// sums of their parts, its .docx laid out to GB/T 9704 — editions whose live numbers follow the data, the template,
// access, the dispatch pack, and `tiaodu summary --pdf` through LibreOffice with 虒亭镇 really drawn on its page.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/connect.ts';
import { runsText, type DocFigure } from '../../src/domain/document/document-model.ts';
import { createDemo } from '../../src/demo/create-demo.ts';
import { call, signInAs, testApp, type TestApp } from '../support/api.ts';
import { tiaodu } from '../support/cli.ts';
import { testDatabaseTarget, testDialect } from '../support/test-db.ts';

let dir: string;
let target: string;
let drop: () => Promise<void>;
let h: DatabaseHandle;
let app: TestApp;
let dispatcher: string;
let leader: string;
let reporter: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiaodu-documents-'));
  ({ target, drop } = await testDatabaseTarget(dir));
  h = await openDatabase(target, { poolSize: 4 });
  await createDemo(h.db, new Date('2021-06-01T08:00:00Z'));
  app = testApp(h.db);
  [dispatcher, leader, reporter] = await Promise.all([signInAs(app, 'dispatcher', 'demo1234'), signInAs(app, 'leader', 'demo1234'), signInAs(app, 'reporter', 'demo1234')]);
});
afterAll(async () => {
  await h?.close();
  await drop?.();
  fs.rmSync(dir, { recursive: true, force: true });
});

const Q = 'region=140423&asOf=2021-06';

async function download(token: string, url: string): Promise<{ status: number; type: string | null; body: Buffer }> {
  const res = await app.request(url, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
}

/** The text of each paragraph of a .docx's body, footers aside. */
function paragraphTexts(documentXml: string): string[] {
  return [...documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
}

function styleXml(styles: string, id: string): string {
  const m = styles.match(new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`));
  if (!m) throw new Error(`no style ${id}`);
  return m[0];
}

const attr = (xml: string, element: string, name: string) => xml.match(new RegExp(`<w:${element} [^>]*w:${name}="([^"]+)"`))?.[1];

const close = (a: number, b: number) => Math.abs(a - b) < 5e-5;

describe(`文稿 on the demo (${testDialect()})`, () => {
  let summary: any;
  beforeAll(async () => {
    const r = await call(app, dispatcher, 'GET', `/api/documents/summary?${Q}`);
    expect(r.status).toBe(200);
    summary = r.json;
  });

  it('drafts seed 000’s pool paragraph and seed 004-shaped sentences with the demo’s figures, under GB/T 9704 headings', () => {
    const figures = new Map<string, DocFigure>(summary.content.figures.map((f: DocFigure) => [f.source, f]));
    const texts = summary.content.blocks.map((b: any) => runsText(b.runs, figures));
    expect(texts).toContain(
      '截至6月底，全县拟实施项目共229项，总投资402.8亿元，年度计划103.38亿元，1-6月份完成投资34.39亿元。续建（复工）项目86个，总投资188.9亿元，年度计划44.38亿元，复工率100%，1-6月份完成投资18.49亿元。新建项目143个，总投资213.9亿元，年度计划59亿元，目前已开工136项，开工率95.1%，1-6月份完成投资15.9亿元。',
    );
    expect(texts).toContain('1月1日举行了第一批项目集中开工现场会，共签约7个，开工3个，投产4个。3月22日举行了第二批项目集中开工仪式，共签约3个，开工3个，投产1个。');
    expect(texts.find((t: string) => t.startsWith('1-6月全县累计完成固定资产投资'))).toMatch(/^1-6月全县累计完成固定资产投资47\.99亿元，同比增长11\.6%，占年度目标任务51\.4%，超时序进度1\.4个百分点，.*累计增速在全市12个单位排第6位、8县（市）排第4位。/);
    expect(texts).toContain('从完成工业投资进度情况看，达到时序进度的只有王桥镇、侯堡镇、古韩镇等3个乡镇，夏店镇和襄垣经开区接近时序进度，进度排在后3位的是虒亭镇28.6%、下良镇19.7%和善福镇8.9%。');
    expect(texts.filter((_: string, i: number) => summary.content.blocks[i].kind === 'heading1')).toEqual(['一、上半年工作总结', '二、存在问题', '三、下半年工作打算']);
    expect(texts).toContain('（一）主要经济指标完成情况');
    expect(texts).toContain('（二）项目建设情况');
    expect(summary.content.head).toMatchObject({ title: '襄垣县发展和改革局2021年上半年工作总结和下半年工作计划', date: '2021年6月30日', signature: '襄垣县发展和改革局' });
    // The three investment figures, each with what it counts, reconciled where they meet.
    expect(texts.find((t: string) => t.includes('项目库口径'))).toMatch(/^1-6月，全县项目库229个项目完成投资34\.39亿元（项目库口径），其中已入库的\d+个项目完成投资[\d.]+亿元（入库口径），未入库项目[\d.]+亿元；统计部门公布的全县固定资产投资47\.99亿元（统计口径，含项目库以外的投资）/);
  });

  it('states totals that are the sums of their parts (where seed 000’s own were not)', () => {
    const v = (source: string) => {
      const f = summary.content.figures.find((x: DocFigure) => x.source === source);
      if (!f) throw new Error(`no figure ${source}`);
      return f.value as number;
    };
    const pool = (p: string) => v(`pool:140423:2021-06:${p}`);
    for (const field of ['count', 'totalInvestment', 'annualPlan', 'completedYtd']) {
      expect(pool(`all.${field}`)).toBe(pool(`continuing.${field}`) + pool(`newStart.${field}`));
    }
    // 402.8 亿元 and 103.38 亿元, not the seed's 406 and 104.
    expect(pool('all.totalInvestment')).toBe(40_280_000_000);
    expect(pool('all.annualPlan')).toBe(10_338_000_000);
    const inv = (p: string) => v(`investment:140423:2021-06:${p}`);
    expect(inv('entered.completed') + inv('notEntered.completed')).toBe(inv('pool.completed'));
    expect(inv('entered.completed') + inv('outside')).toBe(inv('statistics'));
    const u = (p: string) => v(`statsEntry:140423:2021-06:unentered.${p}`);
    expect(u('red') + u('yellow') + u('green')).toBe(u('total'));
    expect(pool('all.completedYtd') + pool('derived.remainingPlan')).toBe(pool('all.annualPlan'));
    expect(pool('newStart.started') + pool('derived.newStartNotStarted')).toBe(pool('newStart.count'));
  });

  it('prints no number the API does not give: each figure equals the figure of its service’s endpoint', async () => {
    const [pool, indicators, sentences, standing, unentered, draw] = await Promise.all([
      call(app, dispatcher, 'GET', `/api/pool?${Q}&breakdowns=true`),
      call(app, dispatcher, 'GET', `/api/indicators?${Q}`),
      call(app, dispatcher, 'GET', `/api/indicators/sentences?${Q}`),
      call(app, dispatcher, 'GET', `/api/indicators/standing?${Q}`),
      call(app, dispatcher, 'GET', `/api/stats-entry/unentered?${Q}`),
      call(app, dispatcher, 'POST', '/api/indicators/draw-from-pool', { region: '140423', asOf: '2021-06', indicators: ['fixed-asset-investment'] }),
    ]);
    for (const r of [pool, indicators, sentences, standing, unentered, draw]) expect(r.status).toBe(200);
    const parts = new Map<string, number>();
    for (const s of sentences.json.sentences) for (const p of s.parts) parts.set(`indicator:${p.region}:${p.month}:${p.indicator}.${p.figure}`, p.value);
    for (const st of standing.json.standings) for (const r of st.ranked) parts.set(`indicator:${r.region}:2021-06:${st.indicator}.targetShare`, r.targetShare);
    for (const i of indicators.json.indicators) {
      parts.set(`indicator:140423:2021-06:${i.code}.targetShare`, i.targetShare);
      parts.set(`indicator:140423:2021-06:${i.code}.progressGap`, i.progressGap);
    }
    const fai = indicators.json.indicators.find((i: any) => i.code === 'fixed-asset-investment');
    const drawn = draw.json.draws[0];
    const api = (source: string): number | undefined => {
      const [kind, , , field] = source.split(':') as [string, string, string, string];
      switch (kind) {
        case 'pool': {
          const [group, name] = field.split('.') as [string, string];
          if (group === 'derived') {
            const a = pool.json.all;
            return { remainingPlan: a.annualPlan - a.completedYtd, monthsLeft: 6, monthlyNeed: Math.round((a.annualPlan - a.completedYtd) / 6), newStartNotStarted: pool.json.newStart.count - pool.json.newStart.started, progressGap: a.planShare - pool.json.timeProgress }[name];
          }
          return group === 'idle' ? undefined : pool.json[group][name];
        }
        case 'batch': {
          const [, , id, what] = source.split(':') as [string, string, string, string];
          return pool.json.batches.find((b: any) => b.id === id || b.heldOn === id)?.[what];
        }
        case 'indicator':
          return parts.get(source);
        case 'statsEntry':
          return unentered.json.counts[field.split('.')[1]!];
        case 'investment':
          return {
            'pool.count': pool.json.all.count,
            'pool.completed': pool.json.all.completedYtd,
            'entered.count': drawn.projects,
            'entered.completed': drawn.value,
            'notEntered.completed': pool.json.all.completedYtd - drawn.value,
            statistics: fai.value,
            outside: fai.value - drawn.value,
          }[field];
      }
      return undefined;
    };
    const unchecked: string[] = [];
    for (const f of summary.content.figures as DocFigure[]) {
      const expected = api(f.source);
      if (expected === undefined) {
        unchecked.push(f.source);
        continue;
      }
      expect(close(f.value, expected), `${f.source}: ${f.value} ≠ ${expected}`).toBe(true);
    }
    // Only the count of started projects without investment has no endpoint of its own.
    expect(unchecked.every((s) => s.includes(':idle.'))).toBe(true);
    expect(summary.content.figures.length - unchecked.length).toBeGreaterThan(150);
  });

  it('writes a .docx to GB/T 9704: A4, margins 37/35/28/26 mm, 22 lines × 28 characters, the faces and sizes, "— 1 —"', { timeout: 240_000 }, async () => {
    const file = await download(dispatcher, `/api/documents/summary/file?${Q}&format=docx&serial=27`);
    expect(file.status).toBe(200);
    expect(file.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const zip = await JSZip.loadAsync(file.body);
    const doc = await zip.file('word/document.xml')!.async('string');
    const styles = await zip.file('word/styles.xml')!.async('string');
    const fonts = await zip.file('word/fontTable.xml')!.async('string');
    const settings = await zip.file('word/settings.xml')!.async('string');

    // A4 (210 × 297 mm) and the margins, in twips (1 mm = 56.69 twips).
    const sect = doc.match(/<w:sectPr>[\s\S]*<\/w:sectPr>/)![0];
    expect([attr(sect, 'pgSz', 'w'), attr(sect, 'pgSz', 'h')]).toEqual(['11906', '16838']);
    expect(['top', 'bottom', 'left', 'right'].map((s) => Number(attr(sect, 'pgMar', s)) / 56.6929)).toEqual([expect.closeTo(37, 1), expect.closeTo(35, 1), expect.closeTo(28, 1), expect.closeTo(26, 1)]);
    const typeHeightPt = ((297 - 37 - 35) / 25.4) * 72;
    const typeWidthPt = ((210 - 28 - 26) / 25.4) * 72;

    // 22 lines: the grid's pitch and the exact line height of every text style.
    expect(Math.floor(typeHeightPt / (Number(attr(sect, 'docGrid', 'linePitch')) / 20))).toBe(22);
    const expected: Record<string, { font: string; pt: number }> = {
      GbTitle: { font: '方正小标宋简体', pt: 22 },
      GbBody: { font: '仿宋_GB2312', pt: 16 },
      GbHeading1: { font: '黑体', pt: 16 },
      GbHeading2: { font: '楷体_GB2312', pt: 16 },
      GbDocNumber: { font: '仿宋_GB2312', pt: 16 },
      GbSignature: { font: '仿宋_GB2312', pt: 16 },
      GbDate: { font: '仿宋_GB2312', pt: 16 },
      GbPageNumber: { font: '宋体', pt: 14 },
    };
    for (const [id, e] of Object.entries(expected)) {
      const s = styleXml(styles, id);
      expect(attr(s, 'rFonts', 'eastAsia'), id).toBe(e.font);
      expect(Number(attr(s, 'sz', 'val')) / 2, id).toBe(e.pt);
      if (id !== 'GbPageNumber') expect(Math.floor(typeHeightPt / (Number(attr(s, 'spacing', 'line')) / 20)), id).toBe(22);
    }
    // 28 characters of 三号 a line: the body's size less its character spacing.
    const body = styleXml(styles, 'GbBody');
    const pitch = Number(attr(body, 'sz', 'val')) / 2 + Number(body.match(/<w:spacing w:val="(-?\d+)"/)![1]) / 20;
    expect(Math.floor(typeWidthPt / pitch)).toBe(28);

    // Every face names the faces to try next; Noto covers 虒 when nothing else does.
    for (const [face, next] of [['方正小标宋简体', '方正小标宋_GBK'], ['仿宋_GB2312', '仿宋'], ['黑体', 'SimHei'], ['楷体_GB2312', '楷体']]) {
      expect(fonts).toContain(`<w:font w:name="${face}"><w:altName w:val="${next}"/><w:charset w:val="86"/>`);
    }
    expect(fonts).toContain('w:name="Noto Serif CJK SC"');

    // Page numbers "— n —" outside: right on odd pages, left on even ones.
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    const footers = await Promise.all(Object.keys(zip.files).filter((n) => /^word\/footer\d+\.xml$/.test(n)).map((n) => zip.file(n)!.async('string')));
    expect(footers).toHaveLength(2);
    for (const f of footers) {
      expect(f).toMatch(/<w:t xml:space="preserve">— <\/w:t>[\s\S]*PAGE[\s\S]*<w:t xml:space="preserve"> —<\/w:t>/);
      expect(f).toContain('w:pStyle w:val="GbPageNumber"');
    }
    expect(footers.map((f) => attr(f, 'jc', 'val')).sort()).toEqual(['left', 'right']);

    // The head: 发文字号, title, recipient; the foot: signature and date; the charts as pictures.
    const texts = paragraphTexts(doc);
    expect(texts.slice(0, 6).filter(Boolean)).toEqual(['襄发改字〔2021〕27号', '襄垣县发展和改革局2021年上半年工作总结和下半年工作计划', '县委办、县政府办：', '按照通知要求，现将襄垣县发展和改革局上半年工作总结和下半年工作计划报告如下：']);
    expect(texts.filter(Boolean).slice(-2)).toEqual(['襄垣县发展和改革局', '2021年6月30日']);
    expect(Object.keys(zip.files).filter((n) => n.startsWith('word/media/') && n.endsWith('.png')).length).toBe(3);

    // Each paragraph of the draft is in the file, word for word, every number as the API drafted it.
    const figures = new Map<string, DocFigure>(summary.content.figures.map((f: DocFigure) => [f.source, f]));
    for (const b of summary.content.blocks.filter((x: any) => x.kind === 'body')) expect(texts).toContain(runsText(b.runs, figures));
  });

  it('keeps editions: narrative rewritten, a number frozen with its note, live numbers following the data with what moved', { timeout: 300_000 }, async () => {
    const blocks = summary.content.blocks;
    const projects = blocks.find((b: any) => b.id === 'projects.2');
    const completed = 'pool:140423:2021-06:all.completedYtd';
    const plan = 'pool:140423:2021-06:all.annualPlan';
    const edited = [{ text: '上半年，全县拟实施项目共' }, ...projects.runs.slice(1)];
    const saved = await call(app, dispatcher, 'POST', '/api/documents/editions', {
      region: '140423',
      asOf: '2021-06',
      note: '报县委办稿',
      head: summary.content.head,
      blocks: blocks.map((b: any) => (b.id === 'projects.2' ? { id: b.id, runs: edited } : { id: b.id, runs: b.runs })),
      frozen: [{ source: plan, note: '以县政府下达的年度计划为准' }],
    });
    expect(saved.status).toBe(200);
    expect(saved.json.edition).toMatchObject({ number: 1, note: '报县委办稿', title: summary.content.head.title });
    const id = saved.json.edition.id;

    // A leader reads editions but does not save them; a reporter sees no county document.
    expect((await call(app, leader, 'GET', `/api/documents/editions/${id}`)).status).toBe(200);
    expect((await call(app, leader, 'POST', '/api/documents/editions', { region: '140423', asOf: '2021-06', head: summary.content.head, blocks: [] })).json.error.message).toBe('只有管理员和调度员可以保存文稿版本和模板');
    expect((await call(app, reporter, 'GET', `/api/documents/summary?${Q}`)).status).toBe(403);
    const foreign = await call(app, reporter, 'GET', `/api/documents/editions/${id}`);
    expect(foreign.status).toBe(403);
    expect(JSON.stringify(foreign.json)).not.toContain('全县拟实施项目');

    // Data move: one project's March figure grows by 1 亿元 (and its plan by 2 亿元).
    const row = await h.db
      .selectFrom('project_month as m')
      .innerJoin('project_year as y', (j) => j.onRef('y.project_id', '=', 'm.project_id').on('y.year', '=', 2021))
      .select(['m.project_id', 'm.month', 'm.completed'])
      .where('m.month', '=', '2021-03')
      .where('y.phase', '=', 'continuing')
      .orderBy('m.project_id')
      .executeTakeFirstOrThrow();
    await h.db.updateTable('project_month').set({ completed: Number(row.completed) + 100_000_000 }).where('project_id', '=', row.project_id).where('month', '=', '2021-03').execute();
    await h.db.updateTable('project_year').set((eb) => ({ annual_plan: eb('annual_plan', '+', 200_000_000) })).where('project_id', '=', row.project_id).where('year', '=', 2021).execute();

    const opened = await call(app, dispatcher, 'GET', `/api/documents/editions/${id}`);
    expect(opened.status).toBe(200);
    const moved = new Map(opened.json.moved.map((m: any) => [m.source, m]));
    const before = summary.content.figures.find((f: any) => f.source === completed).value;
    expect(moved.get(completed)).toEqual({ source: completed, label: '项目库全部项目1-6月完成投资', before: { text: '34.39亿元', value: before }, after: { text: '35.39亿元', value: before + 100_000_000 }, frozen: false });
    expect(moved.get(plan)).toMatchObject({ before: { text: '103.38亿元' }, after: { text: '105.38亿元' }, frozen: true });
    const figures = new Map<string, any>(opened.json.document.content.figures.map((f: any) => [f.source, f]));
    expect(figures.get(plan)).toMatchObject({ text: '103.38亿元', frozen: { note: '以县政府下达的年度计划为准' } });
    const paragraph = opened.json.document.content.blocks.find((b: any) => b.id === 'projects.2');
    expect(runsText(paragraph.runs, figures)).toMatch(/^上半年，全县拟实施项目共229项，总投资402\.8亿元，年度计划103\.38亿元，1-6月份完成投资35\.39亿元。/);

    // The edition's .docx carries the frozen number with a comment saying so.
    const file = await download(dispatcher, `/api/documents/summary/file?${Q}&edition=${id}`);
    const zip = await JSZip.loadAsync(file.body);
    expect(await zip.file('word/comments.xml')!.async('string')).toContain('此数已冻结（2021-06-10），不随数据更新：项目库全部项目年度计划投资。以县政府下达的年度计划为准');
    expect(paragraphTexts(await zip.file('word/document.xml')!.async('string'))).toContain(runsText(paragraph.runs, figures));

    const list = await call(app, dispatcher, 'GET', `/api/documents/editions?${Q}`);
    expect(list.json.editions.map((e: any) => e.number)).toEqual([1]);
  });

  it('keeps a county’s template: unit, 发文字号 pattern, recipient and signature, refusing a pattern without {n}', async () => {
    const body = { region: '140423', unitName: '襄垣县发展和改革委员会', numberPattern: '襄发改字〔{year}〕{n}号', recipient: '县委办', signature: '襄垣县发展和改革委员会' };
    expect((await call(app, dispatcher, 'PUT', '/api/documents/template', { ...body, numberPattern: '襄发改字〔{year}〕号' })).json.error.details).toEqual([
      { field: 'numberPattern', message: '发文字号格式须含 {n}（序号），如 襄发改字〔{year}〕{n}号' },
    ]);
    expect((await call(app, leader, 'PUT', '/api/documents/template', body)).status).toBe(403);
    expect((await call(app, dispatcher, 'PUT', '/api/documents/template', body)).json).toEqual({ ...body, saved: true });
    const r = await call(app, dispatcher, 'GET', `/api/documents/summary?${Q}&serial=27`);
    expect(r.json.content.head).toMatchObject({ docNumber: '襄发改字〔2021〕27号', title: '襄垣县发展和改革委员会2021年上半年工作总结和下半年工作计划', recipient: '县委办', signature: '襄垣县发展和改革委员会' });
  });

  it('packs the dispatch meeting: figures, red projects, overdue items and late units as .docx and .xlsx', { timeout: 240_000 }, async () => {
    const docx = await download(dispatcher, '/api/documents/pack/file?region=140423&asOf=2021-06&on=2021-07-08&format=docx');
    expect(docx.status).toBe(200);
    const texts = paragraphTexts(await (await JSZip.loadAsync(docx.body)).file('word/document.xml')!.async('string'));
    expect(texts).toEqual(expect.arrayContaining(['一、主要数据', '二、红灯项目', '三、逾期事项', '四、迟报单位']));
    const unentered = await call(app, dispatcher, 'GET', `/api/stats-entry/unentered?${Q}&colour=red&pageSize=500`);
    const red = unentered.json.counts.red;
    expect(texts).toContain(`已开工超过2个月仍未入库的项目${red}个（开工未入库红灯），须发督办函限期入库：`);

    const xlsx = await download(dispatcher, '/api/documents/pack/file?region=140423&asOf=2021-06&on=2021-07-08&format=xlsx');
    expect(xlsx.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as any);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['主要数据', '主要经济指标', '红灯项目']));
    const sheet = wb.getWorksheet('红灯项目')!;
    expect(sheet.rowCount - 2).toBe(red);
    const names = unentered.json.rows.map((r: any) => r.name);
    expect(names).toContain(sheet.getRow(3).getCell(2).value);
    const main = wb.getWorksheet('主要数据')!;
    const completed = main.getRows(3, main.rowCount - 2)!.find((r) => r.getCell(4).value === 'pool:140423:2021-06:all.completedYtd');
    const pool = await call(app, dispatcher, 'GET', `/api/pool?${Q}`);
    expect(completed?.getCell(3).value).toBe(pool.json.all.completedYtd);
    expect(completed?.getCell(2).value).toBe(`${(pool.json.all.completedYtd / 1e8).toFixed(2).replace(/0+$/, '').replace(/\.$/, '')}亿元`);
  });

  it('`tiaodu pack` writes the .docx and the .xlsx beside it; a malformed day is wrong usage', { timeout: 240_000 }, async () => {
    const out = path.join(dir, '调度会.docx');
    const r = await tiaodu('pack', '--db', target, '--region', '140423', '--as-of', '2021-06', '--on', '2021-07-08', '--out', out, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ out, xlsx: out.replace(/\.docx$/, '.xlsx'), pdf: null, pages: null });
    expect(fs.statSync(out).size).toBeGreaterThan(5_000);
    expect(fs.statSync(json.xlsx).size).toBeGreaterThan(5_000);
    expect(json.figures.find((f: any) => f.source === 'pool:140423:2021-06:all.count')).toMatchObject({ text: '229', value: 229 });
    const bad = await tiaodu('pack', '--db', target, '--region', '140423', '--as-of', '2021-06', '--on', '2021-7-8', '--out', out);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--on 应为日期 YYYY-MM-DD');
  });

  it('`tiaodu summary --pdf --json` prints the figures and a PDF whose text layer and page image carry 虒亭镇 and the title', { timeout: 300_000 }, async () => {
    const out = path.join(dir, '总结.docx');
    const r = await tiaodu('summary', '--db', target, '--region', '140423', '--as-of', '2021-06', '--out', out, '--pdf', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.out).toBe(out);
    const pool = await call(app, dispatcher, 'GET', `/api/pool?${Q}`);
    expect(json.figures.find((f: any) => f.source === 'pool:140423:2021-06:all.completedYtd')).toMatchObject({ value: pool.json.all.completedYtd });
    const pdf = out.replace(/\.docx$/, '.pdf');
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(Number(info.match(/^Pages:\s+(\d+)/m)![1])).toBe(json.pages);
    expect(json.pages).toBeGreaterThanOrEqual(5);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);

    const page1 = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(page1).toContain('襄垣县发展和改革委员会2021年上半年工作总结和下半年工作计划');
    expect(page1).toContain('—1—');
    const all = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(all).toContain('虒亭镇');

    // The glyph itself: the box pdftotext gives for 虒, cut from the page image, holds strokes in its middle — a
    // missing glyph would print an empty box or nothing.
    const bbox = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
    let page = 0;
    let found: { page: number; x: number; y: number; w: number; h: number } | null = null;
    for (const line of bbox.split('\n')) {
      if (line.includes('<page ')) page += 1;
      const m = line.match(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/);
      if (!m || !m[5]!.includes('虒')) continue;
      const [x0, y0, x1, y1] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
      const chars = [...m[5]!];
      const w = (x1 - x0) / chars.length;
      found = { page, x: x0 + w * chars.indexOf('虒'), y: y0, w, h: y1 - y0 };
      break;
    }
    expect(found).not.toBeNull();
    const dpi = 288;
    const scale = dpi / 72;
    const crop = path.join(dir, 'glyph');
    execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(found!.page), '-l', String(found!.page), '-x', String(Math.round(found!.x * scale)), '-y', String(Math.round(found!.y * scale)), '-W', String(Math.round(found!.w * scale)), '-H', String(Math.round(found!.h * scale)), '-singlefile', pdf, crop]);
    const pgm = fs.readFileSync(`${crop}.pgm`);
    const header = pgm.toString('latin1', 0, 40).match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/)!;
    const [width, height] = [Number(header[1]), Number(header[2])];
    const pixels = pgm.subarray(header[0].length);
    const dark = (x0: number, x1: number, y0: number, y1: number) => {
      let n = 0;
      for (let y = Math.floor(y0 * height); y < Math.floor(y1 * height); y++) for (let x = Math.floor(x0 * width); x < Math.floor(x1 * width); x++) if (pixels[y * width + x]! < 128) n++;
      return n / ((Math.floor(x1 * width) - Math.floor(x0 * width)) * (Math.floor(y1 * height) - Math.floor(y0 * height)));
    };
    expect(dark(0, 1, 0, 1)).toBeGreaterThan(0.08);
    expect(dark(0.3, 0.7, 0.3, 0.7)).toBeGreaterThan(0.05);

    // Page 1 as a clerk sees it, for the docs.
    fs.mkdirSync('test-results/screenshots', { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, `test-results/screenshots/summary-page1-${testDialect()}`]);
    expect(fs.statSync(`test-results/screenshots/summary-page1-${testDialect()}.png`).size).toBeGreaterThan(20_000);
  });
});
