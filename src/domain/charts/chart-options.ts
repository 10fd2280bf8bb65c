// The charts' ECharts options, built once for the web client (drawn on a canvas) and the documents (drawn on the server
// as SVG, then PNG), so a chart in the summary is the chart on the dashboard by construction. Plain data in, plain
// option out: the words come from the caller (Chinese or English), interaction (tooltips) is added by the web.

import { formatRate, roundHalfUp } from '../format.ts';
import { formatMoney, type Yuan } from '../money.ts';

export type ChartOption = Record<string, unknown>;

export const CHART_COLOURS = {
  total: '#1677ff',
  plan: '#faad14',
  completed: '#52c41a',
  behind: '#fa8c16',
  continuing: '#722ed1',
  newStart: '#13c2c2',
  time: '#f5222d',
  thisYear: '#1d4ed8',
  lastYear: '#9ca3af',
  planLine: '#fa8c16',
} as const;

export const STANDING_COLOURS = { ahead: '#52c41a', near: '#faad14', behind: '#f5222d' } as const;

/** A gap that rounds to 0.0 points is no gap: saying "低于时序进度0个百分点" would read as an alarm. */
const ON_PACE = 0.0005;

/** Where a completion stands against 时序进度, as it shows to one decimal of a point. */
export function paceOf(completion: number, timeProgress: number): 'ahead' | 'onPace' | 'behind' {
  const gap = completion - timeProgress;
  return gap <= -ON_PACE ? 'behind' : gap >= ON_PACE ? 'ahead' : 'onPace';
}

/** Behind 时序进度 by at least a shown 0.1 point. */
export function isBehindTime(completion: number, timeProgress: number): boolean {
  return paceOf(completion, timeProgress) === 'behind';
}

/** Five points below 时序进度 still counts as 接近, as the sub-regions' standing does. */
export function standingOfGap(gap: number): keyof typeof STANDING_COLOURS {
  if (gap >= -1e-9) return 'ahead';
  if (gap >= -0.05 - 1e-9) return 'near';
  return 'behind';
}

/** 元 as a plain number of 亿元 for an axis, rounded as the figures are shown. */
export function yiValue(yuan: Yuan): number {
  return Number(formatMoney(yuan, '亿元'));
}

const pct = (fraction: number) => roundHalfUp(fraction * 100, 1);

/** 时序进度 as a dashed red line across a horizontal bar chart, labelled "时序进度 50%". */
function timeProgressLine(timeProgress: number, label: string) {
  return {
    symbol: 'none',
    lineStyle: { color: CHART_COLOURS.time, type: 'dashed', width: 2 },
    label: { formatter: `${label} ${formatRate(timeProgress)}`, position: 'end', color: CHART_COLOURS.time, distance: 4 },
    data: [{ xAxis: pct(timeProgress) }],
  };
}

export interface ProgressRow {
  name: string;
  /** Completed ÷ annual plan; null without a plan. */
  share: number | null;
}

/**
 * 时序进度: each group's share of its annual plan as a bar (orange when behind) against a dashed line at 时序进度.
 * Rows are given top to bottom.
 */
export function progressChartOption(rows: readonly ProgressRow[], timeProgress: number, labels: { completion: string; timeProgress: string }): ChartOption {
  // Bottom to top, so the time-progress label sits above the bars, clear of the axis.
  const ordered = [...rows].reverse();
  const values = ordered.map((r) => (r.share === null ? 0 : pct(r.share)));
  return {
    animation: false,
    grid: { left: 8, right: 40, top: 30, bottom: 4, containLabel: true },
    xAxis: { type: 'value', max: Math.max(100, ...values), axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: ordered.map((r) => r.name) },
    series: [
      {
        type: 'bar',
        name: labels.completion,
        barWidth: 18,
        data: values.map((v, i) => {
          const raw = ordered[i]?.share ?? null;
          return { value: v, itemStyle: { color: raw !== null && isBehindTime(raw, timeProgress) ? CHART_COLOURS.behind : CHART_COLOURS.completed } };
        }),
        label: { show: true, position: 'right', formatter: '{c}%' },
        markLine: timeProgressLine(timeProgress, labels.timeProgress),
      },
    ],
  };
}

export interface AmountRow {
  label: string;
  total: Yuan;
  plan: Yuan;
  completed: Yuan;
}

/** By township: total investment, annual plan and completion side by side, in 亿元, largest first as given. */
export function townshipChartOption(rows: readonly AmountRow[], labels: { total: string; plan: string; completed: string }): ChartOption {
  return {
    animation: false,
    color: [CHART_COLOURS.total, CHART_COLOURS.plan, CHART_COLOURS.completed],
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.label), axisLabel: { width: 110, overflow: 'truncate' } },
    series: [
      { type: 'bar', name: labels.total, data: rows.map((r) => yiValue(r.total)) },
      { type: 'bar', name: labels.plan, data: rows.map((r) => yiValue(r.plan)) },
      { type: 'bar', name: labels.completed, data: rows.map((r) => yiValue(r.completed)) },
    ],
  };
}

/** The chart's height for a number of township rows, so every bar has room. */
export function townshipChartHeight(rows: number): number {
  return 60 + rows * 54;
}

export interface StandingRow {
  name: string;
  /** Share of its own annual target. */
  targetShare: number;
}

/**
 * Township rankings against 时序进度: each one's share of its target as a bar coloured ahead / near / behind, best
 * first, with 时序进度 as a dashed line.
 */
export function standingChartOption(rows: readonly StandingRow[], timeProgress: number, labels: { share: string; timeProgress: string }): ChartOption {
  const values = rows.map((r) => pct(r.targetShare));
  return {
    animation: false,
    grid: { left: 8, right: 48, top: 28, bottom: 4, containLabel: true },
    xAxis: { type: 'value', max: Math.max(100, ...values), axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.name) },
    series: [
      {
        type: 'bar',
        name: labels.share,
        barWidth: 14,
        data: rows.map((r, i) => ({ value: values[i], itemStyle: { color: STANDING_COLOURS[standingOfGap(r.targetShare - timeProgress)] } })),
        label: { show: true, position: 'right', formatter: '{c}%' },
        markLine: timeProgressLine(timeProgress, labels.timeProgress),
      },
    ],
  };
}

export function standingChartHeight(rows: number): number {
  return 50 + rows * 30;
}

export interface CurvePoint {
  month: string;
  value: number;
}

export interface CurveInput {
  asOf: string;
  thisYear: readonly CurvePoint[];
  lastYear: readonly CurvePoint[];
  /** The absolute annual target; no plan line without it. */
  target: number | null;
  /** Cumulative planned shares January to December; linear (n/12) when null. */
  shares: readonly number[] | null;
  /** Divides values for the axis ("亿元": 1e8) and the decimals they keep. */
  scale: { factor: number; decimals: number };
}

/** The largest value the curve shows, so the caller picks the axis unit. */
export function curveLargest(c: Omit<CurveInput, 'scale'>): number {
  const plan = c.target === null ? [] : planPoints(c.target, c.shares);
  return Math.max(0, ...c.thisYear.map((p) => p.value), ...c.lastYear.map((p) => p.value), ...plan);
}

function planPoints(target: number, shares: readonly number[] | null): number[] {
  return Array.from({ length: 12 }, (_, i) => Math.round(target * (shares ? (shares[i] ?? 0) : (i + 1) / 12)));
}

/** This year's 1—M月 values up to the as-of month, last year's whole year, and the plan: target × the month's share. */
export function curveChartOption(c: CurveInput, labels: { thisYear: string; lastYear: string; plan: string; month: (m: number) => string }): ChartOption {
  const monthNo = Number(c.asOf.slice(5, 7));
  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  const at = (points: readonly CurvePoint[], m: number) => points.find((p) => Number(p.month.slice(5, 7)) === m)?.value ?? null;
  const scaled = (v: number | null) => (v === null ? null : roundHalfUp(v / c.scale.factor, c.scale.decimals));
  const series: object[] = [
    {
      type: 'line',
      name: labels.thisYear,
      data: months.map((m) => (m <= monthNo ? scaled(at(c.thisYear, m)) : null)),
      connectNulls: true,
      symbolSize: 6,
      lineStyle: { width: 3, color: CHART_COLOURS.thisYear },
      itemStyle: { color: CHART_COLOURS.thisYear },
    },
    {
      type: 'line',
      name: labels.lastYear,
      data: months.map((m) => scaled(at(c.lastYear, m))),
      connectNulls: true,
      symbol: 'none',
      lineStyle: { width: 1.5, color: CHART_COLOURS.lastYear, type: 'dashed' },
      itemStyle: { color: CHART_COLOURS.lastYear },
    },
  ];
  if (c.target !== null) {
    series.push({
      type: 'line',
      name: labels.plan,
      data: planPoints(c.target, c.shares).map(scaled),
      symbol: 'none',
      lineStyle: { width: 2, color: CHART_COLOURS.planLine, type: 'dotted' },
      itemStyle: { color: CHART_COLOURS.planLine },
    });
  }
  return {
    animation: false,
    legend: { top: 0, itemWidth: 16, itemHeight: 8, textStyle: { fontSize: 11 } },
    grid: { left: 4, right: 12, top: 26, bottom: 4, containLabel: true },
    xAxis: { type: 'category', data: months.map(labels.month), axisLabel: { fontSize: 10, interval: 1 } },
    yAxis: { type: 'value', axisLabel: { fontSize: 10 } },
    series,
  };
}

export interface FunnelStage {
  name: string;
  count: number;
  amount: Yuan;
}

/** The attraction funnel of seed 001 (洽谈 → 签约 → 开工 → 投产): widths by count, labels with count and 亿元. */
export function funnelChartOption(stages: readonly FunnelStage[], labels: { items: (n: number) => string; yi: string }): ChartOption {
  const largest = Math.max(1, ...stages.map((s) => s.count));
  return {
    animation: false,
    color: ['#1677ff', '#13c2c2', '#52c41a', '#faad14', '#722ed1'],
    series: [
      {
        type: 'funnel',
        sort: 'none',
        left: '10%',
        width: '80%',
        top: 8,
        bottom: 8,
        min: 0,
        max: largest,
        gap: 2,
        label: { show: true, position: 'inside', color: '#fff' },
        data: stages.map((s) => ({ name: `${s.name} ${labels.items(s.count)} ${formatMoney(s.amount, '亿元')}${labels.yi}`, value: s.count })),
      },
    ],
  };
}
