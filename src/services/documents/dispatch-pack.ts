// The dispatch-meeting pack (调度会材料) of a county for a week or a month: the period's figures, the red projects, the
// overdue items and the late units, as one .docx (GB/T 9704 like the summary) and one .xlsx with the same tables.

import { z } from 'zod';
import type { Actor } from '../../domain/access.ts';
import { paragraphWriter, liveFigures, type Block, type DocFigure, type TableSpec } from '../../domain/document/document-model.ts';
import { dateLine, headingNumber } from '../../domain/document/gbt9704.ts';
import { reconciliationSentence } from '../../domain/document/investment-measures.ts';
import { isAppError } from '../../domain/errors.ts';
import { formatPoints, formatRate } from '../../domain/format.ts';
import { shown } from '../../domain/indicator/indicator-sentence.ts';
import { formatMoney } from '../../domain/money.ts';
import { cstInstant, isDay, isMonth, monthNumber, monthYear, ytdLabel, type Month } from '../../domain/months.ts';
import { writePoolParagraph } from '../../domain/pool/pool-sentence.ts';
import { DEADLINE_LABELS } from '../../domain/supervision/timers.ts';
import { parseInput } from '../../domain/validation.ts';
import { listUnits } from '../../db/repositories/region.repository.ts';
import type { Db } from '../../db/transaction.ts';
import { writeTablesWorkbook } from '../../io/tables-workbook.ts';
import { getRoundByMonth } from '../round/rounds.ts';
import { boardOrder, loadItemViews } from '../supervision/item-view.ts';
import { getRoundScoreboard } from '../round/scoreboard.ts';
import { listUnentered } from '../stats-entry.ts';
import { getDocumentTemplate, summaryContext, type DraftedDocument } from './draft-summary.ts';

export const PackInputSchema = z.object({
  region: z.string().regex(/^\d{6}$/, '应为6位县级区划代码'),
  asOf: z.string().refine(isMonth, '应为 YYYY-MM'),
  /** The meeting's day: what is overdue and who is late are judged on it. */
  on: z.string().refine(isDay, '应为 YYYY-MM-DD'),
  period: z.enum(['week', 'month']).default('month'),
});
export type PackInput = z.input<typeof PackInputSchema>;

export interface DispatchPack extends DraftedDocument {
  tables: TableSpec[];
}

function table(id: string, spec: TableSpec): Block {
  return { id, kind: 'table', runs: [], editable: false, table: spec };
}

function text(id: string, kind: Block['kind'], words: string): Block {
  return { id, kind, runs: [{ text: words }], editable: kind === 'body' };
}

/**
 * Drafts the pack: 一、主要数据 (seed 000's paragraph, the reconciliation of the three investment figures, the indicator
 * table), 二、红灯项目 (started and not 入库 for more than 2 months), 三、逾期事项 (supervision items late on a 13710 deadline),
 * 四、迟报单位 (the month's round). The supervision and alert areas' red items join here when they exist.
 */
export async function draftPack(db: Db, input: PackInput, actor: Actor, now: Date = new Date()): Promise<DispatchPack> {
  const q = parseInput(PackInputSchema, input, { region: '地区', asOf: '截至月份', on: '会议日期', period: '周期' });
  const ctx = await summaryContext(db, { region: q.region, asOf: q.asOf }, actor, now);
  const template = await getDocumentTemplate(db, { region: ctx.region.code }, actor);
  const ytd = ytdLabel(q.asOf);
  const blocks: Block[] = [];
  const figures: DocFigure[] = [];
  const tables: TableSpec[] = [];
  const paragraph = (id: string, fill: (w: ReturnType<typeof paragraphWriter>) => void) => {
    const w = paragraphWriter();
    fill(w);
    const p = w.done();
    blocks.push({ id, kind: 'body', runs: p.runs, editable: true });
    figures.push(...p.figures);
  };
  let part = 0;
  const heading = (id: string, words: string) => blocks.push(text(id, 'heading1', `${headingNumber(1, ++part)}${words}`));

  // 一、主要数据
  heading('figures.heading', '主要数据');
  paragraph('figures.pool', (w) => writePoolParagraph(w, ctx.pool, ctx.region.code, q.asOf, ctx.scopeWord));
  const entered = await ctx.shared.enteredCompletion();
  const indicators = await ctx.shared.indicators();
  if (entered) {
    const statistics = indicators.items.find((i) => i.metrics.indicator === 'fixed-asset-investment')?.metrics.value ?? null;
    paragraph('figures.reconciliation', (w) =>
      reconciliationSentence(w, { region: ctx.region.code, asOf: q.asOf, period: ytd, scopeWord: ctx.scopeWord, pool: { count: ctx.pool.all.count, completed: ctx.pool.all.completedYtd }, entered, statistics }),
    );
  }
  if (indicators.items.length > 0) {
    const spec: TableSpec = {
      title: `主要经济指标（${ytd}）`,
      columns: ['指标', '累计值', '同比', '占年度目标', '与时序进度'],
      rows: indicators.items.map(({ metrics: m }) => [
        m.name,
        m.value === null ? '—' : shown(m.indicator, m.value),
        m.yoy === null ? '—' : formatRate(m.yoy),
        formatRate(m.targetShare),
        m.progressGap === null ? '—' : `${m.progressGap >= 0 ? '超' : '低于'}${formatPoints(m.progressGap)}`,
      ]),
      numeric: [false, true, true, true, false],
    };
    tables.push(spec);
    blocks.push(table('figures.indicators', spec));
  }

  // 二、红灯项目
  heading('red.heading', '红灯项目');
  const red = await listUnentered(db, { region: q.region, asOf: q.asOf, colour: 'red', pageSize: 500 }, actor, now);
  const units = new Map((await listUnits(db, q.region)).map((u) => [u.id, u.name]));
  blocks.push(text('red.intro', 'body', red.rows.length > 0 ? `已开工超过2个月仍未入库的项目${red.counts.red}个（开工未入库红灯），须发督办函限期入库：` : '暂无红灯项目。'));
  if (red.rows.length > 0) {
    const spec: TableSpec = {
      title: '红灯项目（开工未入库超过2个月）',
      columns: ['序号', '项目名称', '责任单位', '总投资（万元）', '开工日期', '开工月数'],
      rows: red.rows.map((r, i) => [i + 1, r.name, (r.unitId && units.get(r.unitId)) || '—', Number(formatMoney(r.totalInvestment, '万元')), r.startedOn, r.months]),
      numeric: [true, false, false, true, false, true],
    };
    tables.push(spec);
    blocks.push(table('red.table', spec));
  }

  // 三、逾期事项: the supervision items late on a 13710 deadline on the pack's day, judged as the board judges them.
  heading('overdue.heading', '逾期事项');
  const overdue = (await loadItemViews(db, { lo: q.region, hi: q.region }, q.on)).filter((v) => v.overdue !== null).sort(boardOrder);
  blocks.push(text('overdue.intro', 'body', overdue.length > 0 ? `督办事项逾期未办的${overdue.length}项（按“13710”时限）：` : '暂无逾期的督办事项。'));
  if (overdue.length > 0) {
    const spec: TableSpec = {
      title: '逾期督办事项',
      columns: ['序号', '事项', '项目', '责任单位', '逾期'],
      rows: overdue.map((v, i) => [i + 1, v.title, v.projectName ?? '—', v.unitName ?? '—', `${DEADLINE_LABELS[v.overdue!.kind]}逾期${v.overdue!.daysLate}天`]),
      numeric: [true, false, false, false, false],
    };
    tables.push(spec);
    blocks.push(table('overdue.table', spec));
  }

  // 四、迟报单位
  heading('late.heading', '迟报单位');
  const board = await lateUnits(db, q.region, q.asOf, actor, new Date(cstInstant(q.on, 23, 59)));
  if (board === null) blocks.push(text('late.intro', 'body', `${monthNumber(q.asOf)}月月报尚未开启。`));
  else {
    const late = board.rows.filter((r) => r.late + r.missing > 0);
    blocks.push(text('late.intro', 'body', late.length > 0 ? `${monthYear(q.asOf)}年${monthNumber(q.asOf)}月月报迟报、未报的单位${late.length}个：` : `${monthNumber(q.asOf)}月月报各单位均按时报送。`));
    if (late.length > 0) {
      const spec: TableSpec = {
        title: `迟报单位（${monthNumber(q.asOf)}月月报）`,
        columns: ['单位', '应报', '已报', '迟报', '未报'],
        rows: late.map((r) => [r.unitName, r.due, r.submitted, r.late, r.missing]),
        numeric: [false, true, true, true, true],
      };
      tables.push(spec);
      blocks.push(table('late.table', spec));
    }
  }

  const periodWord = q.period === 'week' ? `${dateLine(q.on)}周调度` : `${monthYear(q.asOf)}年${monthNumber(q.asOf)}月调度`;
  return {
    kind: 'pack',
    region: ctx.region.code,
    regionName: ctx.regionName,
    asOf: q.asOf,
    tables,
    content: {
      head: {
        title: `${ctx.regionName}重点项目调度会材料（${periodWord}）`,
        docNumber: '',
        recipient: '',
        opening: `数据截至${monthYear(q.asOf)}年${monthNumber(q.asOf)}月底，逾期、迟报情况截至${dateLine(q.on)}。`,
        signature: template.signature,
        date: dateLine(q.on),
      },
      blocks,
      figures: liveFigures(figures),
    },
  };
}

async function lateUnits(db: Db, region: string, month: Month, actor: Actor, at: Date) {
  try {
    const round = await getRoundByMonth(db, region, month, actor);
    return await getRoundScoreboard(db, round.id, actor, at);
  } catch (e) {
    if (isAppError(e) && e.code === 'not_found') return null;
    throw e;
  }
}

/** The pack's tables as a workbook, the figures on a first sheet with their sources. */
export function packXlsx(pack: DispatchPack): Promise<Buffer> {
  return writeTablesWorkbook([
    {
      sheet: '主要数据',
      title: pack.content.head.title,
      columns: ['数字', '数值', '原值', '来源'],
      rows: pack.content.figures.map((f) => [f.label, f.text, f.value, f.source]),
    },
    ...pack.tables.map((t) => ({ sheet: t.title.replace(/[（(].*$/, ''), title: t.title, columns: t.columns, rows: t.rows })),
  ]);
}


