// A document's figures: written with their sources, edited as {{n}} placeholders, refreshed from the data with the
// list of what moved, and never two numbers for one source.
import { describe, expect, it } from 'vitest';
import { editableText, liveFigures, paragraphWriter, parseEditableText, refreshFigures, runsText, usedFigureSources, type DocFigure, type EditionFigure } from '../../../src/domain/document/document-model.ts';
import { reconciliationSentence } from '../../../src/domain/document/investment-measures.ts';
import { moneyFigure } from '../../../src/domain/document/figures.ts';
import { batchSentence, poolSentence } from '../../../src/domain/pool/pool-sentence.ts';
import { poolFigures } from '../../../src/domain/pool/pool-analysis.ts';

const completed = moneyFigure('pool:140423:2021-06:all.completedYtd', '项目库1-6月完成投资', 3_439_000_000, '亿元');
const plan = moneyFigure('pool:140423:2021-06:all.annualPlan', '项目库年度计划', 10_338_000_000, '亿元');

function paragraph() {
  const w = paragraphWriter();
  w.say('年度计划');
  w.figure(plan);
  w.say('，已完成');
  w.figure(completed);
  w.say('。');
  return w.done();
}

describe('paragraphs of figures', () => {
  it('prints each figure’s text and keeps the words between', () => {
    const p = paragraph();
    expect(runsText(p.runs, new Map(p.figures.map((f) => [f.source, f])))).toBe('年度计划103.38亿元，已完成34.39亿元。');
    expect(usedFigureSources([{ id: 'a', kind: 'body', runs: p.runs, editable: true }])).toEqual([plan.source, completed.source]);
  });

  it('round-trips an edit: words rewritten, placeholders kept, a placeholder of no figure refused', () => {
    const p = paragraph();
    const order = [plan.source, completed.source];
    const text = editableText(p.runs, order);
    expect(text).toBe('年度计划{{1}}，已完成{{2}}。');
    const edited = parseEditableText('全年计划投资{{1}}，上半年完成{{2}}，进度偏慢。', order);
    expect(edited).toEqual({ runs: [{ text: '全年计划投资' }, { figure: plan.source }, { text: '，上半年完成' }, { figure: completed.source }, { text: '，进度偏慢。' }] });
    expect(parseEditableText('完成{{3}}', order)).toEqual({ problem: '{{3}} 不是本文稿中的数字（共 2 个）' });
  });

  it('refuses a draft that would print two numbers for one source', () => {
    const other: DocFigure = { ...completed, value: 3_500_000_000, text: '35亿元' };
    expect(() => liveFigures([completed, other])).toThrow(/one source, two numbers/);
    expect(liveFigures([completed, { ...completed }])).toHaveLength(1);
  });
});

describe('refreshing an edition', () => {
  const kept: EditionFigure[] = [
    { ...completed, frozen: null },
    { ...plan, frozen: { note: '以县政府下达计划为准', on: '2021-07-01' } },
    { source: 'pool:140423:2021-06:idle.count', label: '无投资项目数', value: 4, text: '4', frozen: null },
  ];

  it('moves live figures to the data, keeps frozen ones, and freezes a figure the data no longer give', () => {
    const fresh = new Map<string, DocFigure>([
      [completed.source, { ...completed, value: 3_512_000_000, text: '35.12亿元' }],
      [plan.source, { ...plan, value: 10_400_000_000, text: '104亿元' }],
    ]);
    const { figures, moved } = refreshFigures(kept, fresh, '2021-07-10');
    expect(figures.map((f) => f.text)).toEqual(['35.12亿元', '103.38亿元', '4']);
    expect(figures[2]!.frozen).toEqual({ note: '数据中已无此数，保留原值', on: '2021-07-10' });
    expect(moved).toEqual([
      { source: completed.source, label: completed.label, before: { text: '34.39亿元', value: 3_439_000_000 }, after: { text: '35.12亿元', value: 3_512_000_000 }, frozen: false },
      { source: plan.source, label: plan.label, before: { text: '103.38亿元', value: 10_338_000_000 }, after: { text: '104亿元', value: 10_400_000_000 }, frozen: true },
      { source: 'pool:140423:2021-06:idle.count', label: '无投资项目数', before: { text: '4', value: 4 }, after: null, frozen: true },
    ]);
  });

  it('lists nothing when the data did not move', () => {
    const fresh = new Map<string, DocFigure>(kept.slice(0, 2).map((f) => [f.source, f]));
    fresh.set(kept[2]!.source, kept[2]!);
    expect(refreshFigures(kept, fresh, '2021-07-10').moved).toEqual([]);
  });
});

describe('the reconciliation of the three investment figures', () => {
  function sentence(statistics: number | null) {
    const w = paragraphWriter();
    reconciliationSentence(w, {
      region: '140423',
      asOf: '2021-05',
      period: '1-5月',
      scopeWord: '全县',
      pool: { count: 229, completed: 3_439_000_000 },
      entered: { count: 180, completed: 3_282_000_000 },
      statistics,
    });
    const p = w.done();
    return { text: runsText(p.runs, new Map(p.figures.map((f) => [f.source, f]))), figures: new Map(p.figures.map((f) => [f.source.split(':').pop()!, f.value])) };
  }

  it('states each figure with what it counts, and the parts add up to each total', () => {
    const s = sentence(3_535_000_000);
    expect(s.text).toBe(
      '1-5月，全县项目库229个项目完成投资34.39亿元（项目库口径），其中已入库的180个项目完成投资32.82亿元（入库口径），未入库项目1.57亿元；' +
        '统计部门公布的全县固定资产投资35.35亿元（统计口径，含项目库以外的投资），比已入库项目完成投资多2.53亿元，主要为房地产开发、农户投资等项目库以外的投资。',
    );
    expect(s.figures.get('entered.completed')! + s.figures.get('notEntered.completed')!).toBe(s.figures.get('pool.completed'));
    expect(s.figures.get('entered.completed')! + s.figures.get('outside')!).toBe(s.figures.get('statistics'));
  });

  it('says less, not a negative amount, when the statistics are below the entered projects, and stops without them', () => {
    expect(sentence(3_200_000_000).text).toContain('比已入库项目完成投资少0.82亿元，主要因统计按财务支出计算');
    expect(sentence(null).text).toMatch(/未入库项目1\.57亿元。$/);
  });
});

describe('the pool paragraph as the screen shows it', () => {
  it('reads as seed 000 from the figures, written through the same writer the document uses', () => {
    const f = poolFigures([
      { phase: 'continuing', count: 86, totalInvestment: 18_890_000_000, annualPlan: 4_438_000_000, completedYtd: 1_849_000_000, started: 0, resumed: 86 },
      { phase: 'newStart', count: 143, totalInvestment: 21_390_000_000, annualPlan: 5_900_000_000, completedYtd: 1_590_000_000, started: 136, resumed: 0 },
    ]);
    expect(poolSentence(f, '2021-05')).toBe(
      '截至5月底，全县拟实施项目共229项，总投资402.8亿元，年度计划103.38亿元，1-5月份完成投资34.39亿元。续建（复工）项目86个，总投资188.9亿元，年度计划44.38亿元，复工率100%，1-5月份完成投资18.49亿元。新建项目143个，总投资213.9亿元，年度计划59亿元，目前已开工136项，开工率95.1%，1-5月份完成投资15.9亿元。',
    );
    expect(batchSentence([{ heldOn: '2021-03-22', title: '第二批项目集中开工仪式', signed: 3, started: 3, operating: 1 }, { heldOn: '2021-01-01', title: '第一批项目集中开工现场会', signed: 7, started: 3, operating: 4 }])).toBe(
      '1月1日举行了第一批项目集中开工现场会，共签约7个，开工3个，投产4个。3月22日举行了第二批项目集中开工仪式，共签约3个，开工3个，投产1个。',
    );
  });
});
