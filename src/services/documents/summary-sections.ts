// The sections of a work summary, one builder each: a builder draws its figures from one service and returns
// paragraphs whose numbers carry their source. A section whose data do not exist returns null and is left out.
// Adding a section (招商引资, 督办, 预警, 项目储备) is one more builder in SUMMARY_SECTIONS.

import type { Actor } from '../../domain/access.ts';
import { progressChartOption, standingChartHeight, standingChartOption, townshipChartHeight, townshipChartOption } from '../../domain/charts/chart-options.ts';
import { paragraphWriter, type ChartSpec, type DocFigure, type ParagraphWriter, type Run } from '../../domain/document/document-model.ts';
import { countFigure, indicatorPartFigure, indicatorPartSource, moneyFigure, pointsFigure, rateFigure } from '../../domain/document/figures.ts';
import { reconciliationSentence } from '../../domain/document/investment-measures.ts';
import { SENTENCE_FIGURE_LABELS, type SummaryPart } from '../../domain/document/summary-wording.ts';
import type { DraftedSentence } from '../../domain/indicator/indicator-sentence.ts';
import { monthNumber, ytdLabel, type Month } from '../../domain/months.ts';
import { poolSource, writeBatchParagraph, writePoolParagraph } from '../../domain/pool/pool-sentence.ts';
import { poolProjectRows } from '../../db/repositories/pool.repository.ts';
import type { RegionRow } from '../../db/repositories/region.repository.ts';
import type { Db } from '../../db/transaction.ts';
import { computePoolDraws } from '../indicator/draw-from-pool.ts';
import { indicatorReport, indicatorStanding, indicatorSentences, type IndicatorReport, type StandingReport } from '../indicator/indicator-metrics.ts';
import { poolQueryOf, type PoolSummary } from '../pool-summary.ts';
import { listUnentered, type UnenteredList } from '../stats-entry.ts';

/** What every builder may read: the region, the month, the actor, and the figures several sections share. */
export interface SummaryContext {
  db: Db;
  actor: Actor;
  now: Date;
  region: RegionRow & { level: string };
  regionName: string;
  /** 全县 / 全区 / 全市. */
  scopeWord: string;
  asOf: Month;
  /** The pool analysis with its breakdowns, loaded once. */
  pool: PoolSummary;
  /** Loaded on first use and shared by the sections that need them. */
  shared: {
    indicators: () => Promise<IndicatorReport>;
    standing: () => Promise<StandingReport>;
    unentered: () => Promise<UnenteredList | null>;
    enteredCompletion: () => Promise<{ count: number; completed: number } | null>;
  };
}

export interface DraftParagraph {
  runs: Run[];
  figures: DocFigure[];
}

export interface SectionDraft {
  /** Stable id: block ids are made from it, so an edition's edits find their paragraph again. */
  id: string;
  part: SummaryPart;
  /** The heading under the part ("主要经济指标完成情况"), numbered when assembled; null for none. */
  heading: string | null;
  paragraphs: DraftParagraph[];
  charts: ChartSpec[];
}

/** A section of the summary: null when its data do not exist for the region and month. */
export type SectionBuilder = (ctx: SummaryContext) => Promise<SectionDraft | null>;

function write(fill: (w: ParagraphWriter) => void): DraftParagraph {
  const w = paragraphWriter();
  fill(w);
  return w.done();
}

/** A drafted indicator sentence (text with located parts) as runs whose numbers are figures. */
function sentenceParagraph(s: DraftedSentence, label: (part: DraftedSentence['parts'][number]) => string): DraftParagraph {
  const w = paragraphWriter();
  let at = 0;
  // A period ("1-6月") names the sentence's months, not a figure of the data.
  for (const part of [...s.parts].filter((p) => p.figure !== 'period').sort((a, b) => a.start - b.start)) {
    w.say(s.text.slice(at, part.start));
    w.figure(indicatorPartFigure(part, label(part)));
    at = part.end;
  }
  w.say(s.text.slice(at));
  return w.done();
}

const CHART_WIDTH = 640;

/** （一）主要经济指标完成情况: seed 004's sentence per indicator, the townships against 时序进度, and their ranking chart. */
export const indicatorsSection: SectionBuilder = async (ctx) => {
  const sentences = await indicatorSentences(ctx.db, { region: ctx.region.code, asOf: ctx.asOf }, ctx.actor);
  if (sentences.sentences.length === 0) return null;
  const standing = await ctx.shared.standing();
  const names = new Map<string, string>();
  for (const st of standing.standings) for (const r of [...st.ranked, ...st.unranked]) names.set(r.region, r.name);
  const paragraphs = sentences.sentences.map((s) =>
    sentenceParagraph(s, (p) => `${p.region === ctx.region.code ? '' : (names.get(p.region) ?? p.region)}${s.name}·${SENTENCE_FIGURE_LABELS[p.figure]}`),
  );
  const charts: ChartSpec[] = [];
  const fai = standing.standings.find((st) => st.indicator === 'fixed-asset-investment') ?? standing.standings[0];
  const ranked = fai?.ranked.filter((r) => r.targetShare !== null) ?? [];
  if (fai && ranked.length > 0) {
    const timeProgress = (await ctx.shared.indicators()).items[0]?.metrics.timeProgress ?? monthNumber(ctx.asOf) / 12;
    charts.push({
      title: `各${standing.noun}${fai.name}完成年度目标进度（${ytdLabel(ctx.asOf)}）`,
      option: standingChartOption(
        ranked.map((r) => ({ name: r.name, targetShare: r.targetShare as number })),
        timeProgress,
        { share: '占年度目标', timeProgress: '时序进度' },
      ),
      width: CHART_WIDTH,
      height: standingChartHeight(ranked.length),
    });
  }
  return { id: 'indicators', part: 'work', heading: '主要经济指标完成情况', paragraphs, charts };
};

/** （二）项目建设情况: 三个一批, seed 000's pool paragraph, 入库 and the reconciliation of the three investment figures. */
export const projectsSection: SectionBuilder = async (ctx) => {
  const { pool, region, asOf } = ctx;
  if (pool.all.count === 0) return null;
  const paragraphs: DraftParagraph[] = [];
  if (pool.batches.length > 0) paragraphs.push(write((w) => writeBatchParagraph(w, pool.batches, region.code)));
  paragraphs.push(write((w) => writePoolParagraph(w, pool, region.code, asOf, ctx.scopeWord)));

  const entered = await ctx.shared.enteredCompletion();
  if (entered) {
    const statistics = (await ctx.shared.indicators()).items.find((i) => i.metrics.indicator === 'fixed-asset-investment')?.metrics.value ?? null;
    paragraphs.push(
      write((w) =>
        reconciliationSentence(w, {
          region: region.code,
          asOf,
          period: ytdLabel(asOf),
          scopeWord: ctx.scopeWord,
          pool: { count: pool.all.count, completed: pool.all.completedYtd },
          entered,
          statistics,
        }),
      ),
    );
  }
  const unentered = await ctx.shared.unentered();
  if (unentered && unentered.counts.total > 0) paragraphs.push(write((w) => unenteredSentence(w, ctx, unentered)));

  const charts: ChartSpec[] = [
    {
      title: `项目库完成年度计划进度与时序进度（${ytdLabel(asOf)}）`,
      option: progressChartOption(
        [
          { name: '全部项目', share: pool.all.planShare },
          { name: '续建项目', share: pool.continuing.planShare },
          { name: '新建项目', share: pool.newStart.planShare },
        ],
        pool.timeProgress,
        { completion: '完成年度计划', timeProgress: '时序进度' },
      ),
      width: CHART_WIDTH,
      height: 200,
    },
  ];
  const rows = pool.byTownship ?? pool.byCounty ?? [];
  if (rows.length > 0) {
    charts.push({
      title: `各${pool.byTownship ? '乡镇（园区）' : '县（市、区）'}项目投资（亿元，${ytdLabel(asOf)}）`,
      option: townshipChartOption(
        rows.map((r) => ({ label: r.label, total: r.all.totalInvestment, plan: r.all.annualPlan, completed: r.all.completedYtd })),
        { total: '总投资', plan: '年度计划', completed: `${ytdLabel(asOf)}完成` },
      ),
      width: CHART_WIDTH,
      height: Math.min(townshipChartHeight(rows.length), 760),
    });
  }
  return { id: 'projects', part: 'work', heading: '项目建设情况', paragraphs, charts };
};

const unenteredSource = (ctx: SummaryContext, what: string) => `statsEntry:${ctx.region.code}:${ctx.asOf}:unentered.${what}`;

/** "500万元以上已开工未入库项目12个，其中红灯（超过2个月）3个、黄灯（1至2个月）4个、绿灯（不足1个月）5个。" The colours add up to the total. */
function unenteredSentence(w: ParagraphWriter, ctx: SummaryContext, u: UnenteredList, lead = `截至${monthNumber(ctx.asOf)}月底，${ctx.scopeWord}500万元以上已开工未入库项目`): void {
  w.say(lead);
  w.figure(countFigure(unenteredSource(ctx, 'total'), '开工未入库项目数', u.counts.total));
  w.say('个，其中超过2个月（红灯）');
  w.figure(countFigure(unenteredSource(ctx, 'red'), '开工未入库红灯项目数', u.counts.red));
  w.say('个、1至2个月（黄灯）');
  w.figure(countFigure(unenteredSource(ctx, 'yellow'), '开工未入库黄灯项目数', u.counts.yellow));
  w.say('个、不足1个月');
  w.figure(countFigure(unenteredSource(ctx, 'green'), '开工未入库绿灯项目数', u.counts.green));
  w.say('个。');
}

/** The gap of completion to 时序进度 as "低于时序进度x个百分点" with the figure. */
function gapWords(w: ParagraphWriter, source: string, label: string, gap: number): void {
  w.say(gap < 0 ? '低于时序进度' : '超时序进度');
  w.figure(pointsFigure(source, label, gap));
}

/**
 * 二、存在问题, drafted from what the data show today: the pool behind 时序进度, 开工未入库, indicators and townships
 * behind 时序进度, and started projects without investment. The alert and reserve builders join this part.
 */
export const problemsSection: SectionBuilder = async (ctx) => {
  const { pool, asOf, region } = ctx;
  const ytd = ytdLabel(asOf);
  const items: DraftParagraph[] = [];
  const numbered = (fill: (w: ParagraphWriter) => void) => items.push(write((w) => {
    w.say(`${items.length + 1}. `);
    fill(w);
  }));

  // The pool behind 时序进度.
  const share = pool.all.planShare;
  if (share !== null && share - pool.timeProgress <= -0.0005) {
    numbered((w) => {
      w.say('项目投资进度滞后于时序进度。项目库年度计划投资');
      w.figure(moneyFigure(poolSource(region.code, asOf, 'all.annualPlan'), '项目库全部项目年度计划投资', pool.all.annualPlan, '亿元'));
      w.say(`，${ytd}完成`);
      w.figure(moneyFigure(poolSource(region.code, asOf, 'all.completedYtd'), `项目库全部项目${ytd}完成投资`, pool.all.completedYtd, '亿元'));
      w.say('，占年度计划');
      w.figure(rateFigure(poolSource(region.code, asOf, 'all.planShare'), '项目库完成占年度计划', share));
      w.say('，');
      gapWords(w, `pool:${region.code}:${asOf}:derived.progressGap`, '项目库完成占年度计划与时序进度之差', share - pool.timeProgress);
      w.say('。');
    });
  }

  // 开工未入库: their investment is not counted.
  const unentered = await ctx.shared.unentered();
  if (unentered && unentered.counts.total > 0) {
    numbered((w) => {
      w.say('项目入库工作滞后。');
      unenteredSentence(w, ctx, unentered, '已开工未入库项目');
      w.say('未入库项目的投资不能计入固定资产投资统计，须尽快补齐入库材料。');
    });
  }

  // Indicators behind 时序进度.
  const report = await ctx.shared.indicators();
  const behind = report.items.filter((i) => i.metrics.progressGap !== null && i.metrics.progressGap <= -0.0005);
  if (behind.length > 0) {
    numbered((w) => {
      w.say('部分指标低于时序进度。');
      behind.forEach((i, n) => {
        const m = i.metrics;
        if (n > 0) w.say('，');
        w.say(`${m.name}完成年度目标`);
        w.figure(rateFigure(indicatorPartSource({ indicator: m.indicator, region: m.region, month: m.asOf, figure: 'targetShare' }), `${m.name}·占年度目标`, m.targetShare as number));
        w.say('，');
        gapWords(w, indicatorPartSource({ indicator: m.indicator, region: m.region, month: m.asOf, figure: 'progressGap' }), `${m.name}·与时序进度之差`, m.progressGap as number);
      });
      w.say('。');
    });
  }

  // Townships behind 时序进度 (more than 5 points below).
  const standing = await ctx.shared.standing();
  const lagging = standing.standings
    .map((st) => ({ st, behind: st.ranked.filter((r) => r.standing === 'behind' && r.targetShare !== null) }))
    .filter((x) => x.behind.length > 0)
    .slice(0, 2);
  if (lagging.length > 0) {
    numbered((w) => {
      w.say(`${standing.noun}工作不平衡。`);
      lagging.forEach(({ st, behind: list }, n) => {
        if (n > 0) w.say('；');
        w.say(`${st.name}完成进度低于时序进度5个百分点以上的有`);
        list.forEach((r, k) => {
          if (k > 0) w.say('、');
          w.say(`${r.name}（`);
          w.figure(rateFigure(indicatorPartSource({ indicator: st.indicator, region: r.region, month: asOf, figure: 'targetShare' }), `${r.name}${st.name}·占年度目标`, r.targetShare as number));
          w.say('）');
        });
      });
      w.say('。');
    });
  }

  // Started or resumed projects with no investment this year.
  const projects = await poolProjectRows(ctx.db, poolQueryOf(region.code, asOf, null));
  const idle = projects.filter((p) => (p.started || p.resumed) && p.completedYtd === 0);
  if (idle.length > 0) {
    numbered((w) => {
      w.say('部分项目投资进度缓慢。已开工（复工）项目中有');
      w.figure(countFigure(`pool:${region.code}:${asOf}:idle.count`, `已开工（复工）但${ytd}无完成投资的项目数`, idle.length));
      w.say(`个${ytd}尚无完成投资，涉及年度计划投资`);
      w.figure(moneyFigure(`pool:${region.code}:${asOf}:idle.annualPlan`, `${ytd}无完成投资项目的年度计划投资`, idle.reduce((s, p) => s + p.annualPlan, 0)));
      w.say('。');
    });
  }

  if (items.length === 0) items.push(write((w) => w.say(`截至${monthNumber(asOf)}月底，各项工作总体按计划推进，暂未发现突出问题。`)));
  return { id: 'problems', part: 'problems', heading: null, paragraphs: items, charts: [] };
};

/** 三、下半年工作打算: editable paragraphs, opened with what the data say remains to be done. */
export const planSection: SectionBuilder = async (ctx) => {
  const { pool, asOf, region } = ctx;
  const ytd = ytdLabel(asOf);
  const monthsLeft = 12 - monthNumber(asOf);
  const paragraphs: DraftParagraph[] = [];
  const remaining = pool.all.annualPlan - pool.all.completedYtd;
  paragraphs.push(
    write((w) => {
      w.say('（一）加快项目建设进度。全年项目库年度计划投资');
      w.figure(moneyFigure(poolSource(region.code, asOf, 'all.annualPlan'), '项目库全部项目年度计划投资', pool.all.annualPlan, '亿元'));
      w.say(`，${ytd}已完成`);
      w.figure(moneyFigure(poolSource(region.code, asOf, 'all.completedYtd'), `项目库全部项目${ytd}完成投资`, pool.all.completedYtd, '亿元'));
      if (remaining > 0 && monthsLeft > 0) {
        w.say('，尚余');
        w.figure(moneyFigure(`pool:${region.code}:${asOf}:derived.remainingPlan`, '年度计划尚余投资（年度计划减已完成）', remaining, '亿元'));
        w.say('，余下');
        w.figure(countFigure(`pool:${region.code}:${asOf}:derived.monthsLeft`, '年内余下月数', monthsLeft));
        w.say('个月月均需完成');
        w.figure(moneyFigure(`pool:${region.code}:${asOf}:derived.monthlyNeed`, '余下每月需完成投资', Math.round(remaining / monthsLeft), '亿元'));
      }
      w.say('。坚持周调度、月通报，对照时序进度倒排工期、挂图作战，形成更多实物工作量。');
    }),
  );
  const notStarted = pool.newStart.count - pool.newStart.started;
  if (notStarted > 0) {
    paragraphs.push(
      write((w) => {
        w.say('（二）推动新建项目尽快开工。对尚未开工的');
        w.figure(countFigure(`pool:${region.code}:${asOf}:derived.newStartNotStarted`, '尚未开工的新建项目数（新建项目数减已开工数）', notStarted));
        w.say('个新建项目逐一梳理前期手续，实行“一对一”帮扶，协调解决用地、环评、施工许可等问题，尽快落实开工条件。');
      }),
    );
  }
  const unentered = await ctx.shared.unentered();
  if (unentered && unentered.counts.total > 0) {
    paragraphs.push(
      write((w) => {
        w.say(`（${paragraphs.length === 1 ? '二' : '三'}）抓好项目入库。督促`);
        w.figure(countFigure(unenteredSource(ctx, 'total'), '开工未入库项目数', unentered.counts.total));
        w.say('个开工未入库项目补齐立项文件、施工合同、现场照片和营业执照等入库材料，做到应统尽统、应报尽报。');
      }),
    );
  }
  paragraphs.push(write((w) => w.say(`（${['一', '二', '三', '四'][paragraphs.length] ?? '五'}）加强谋划储备和督办落实。围绕产业链和补短板领域谋划储备一批重大项目，对调度中发现的问题建立台账、限时销号。`)));
  return { id: 'plan', part: 'plan', heading: null, paragraphs, charts: [] };
};

/**
 * The sections of a summary in order. 招商引资 (attraction), 督办 (supervision), alerts and the reserve gap join as
 * builders of the same shape, e.g. `attractionSection: SectionBuilder` (part 'work', heading 招商引资情况, null
 * without leads) and `alertsSection` / `reserveSection` (part 'problems').
 */
export const SUMMARY_SECTIONS: readonly SectionBuilder[] = [indicatorsSection, projectsSection, problemsSection, planSection];

/** The shared figures of a context, each loaded once on first use. */
export function sharedLoaders(db: Db, actor: Actor, now: Date, region: { code: string; level: string }, asOf: Month): SummaryContext['shared'] {
  const once = <T>(load: () => Promise<T>) => {
    let value: Promise<T> | null = null;
    return () => (value ??= load());
  };
  return {
    indicators: once(() => indicatorReport(db, { region: region.code, asOf }, actor)),
    standing: once(() => indicatorStanding(db, { region: region.code, asOf }, actor)),
    unentered: once(async () => (region.level === 'county' || region.level === 'township' ? listUnentered(db, { region: region.code, asOf, pageSize: 1 }, actor, now) : null)),
    enteredCompletion: once(async () => {
      if (region.level !== 'county' && region.level !== 'township') return null;
      const [draw] = await computePoolDraws(db, region, asOf, ['fixed-asset-investment']);
      return draw ? { count: draw.projects, completed: draw.value } : null;
    }),
  };
}
