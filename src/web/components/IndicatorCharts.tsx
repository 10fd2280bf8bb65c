// The indicator panel's two charts: a bullet of the share of the annual target against 时序进度, and the monthly
// cumulative curve against the plan curve (the target times the plan's shares, linear when there is none) and last year's.
import { LineChart } from 'echarts/charts';
import * as echarts from 'echarts/core';
import { useMemo } from 'react';
import { formatRate, roundHalfUp } from '../../domain/format.ts';
import type { IndicatorCode } from '../../domain/indicator/catalogue.ts';
import { useI18n } from '../i18n.tsx';
import { chartUnit } from '../lib/indicator-view.ts';
import { EChart, type EChartOption } from './EChart.tsx';

// EChart registers the bar and pie charts the pool needs; the curve is a line.
echarts.use([LineChart]);

export const STANDING_COLOURS = { ahead: '#52c41a', near: '#faad14', behind: '#f5222d' } as const;
const TIME = '#f5222d';
const PLAN = '#fa8c16';
const THIS_YEAR = '#1d4ed8';
const LAST_YEAR = '#9ca3af';

/** Five points below 时序进度 still counts as 接近, as the sub-regions' standing does. */
export function standingOfGap(gap: number): keyof typeof STANDING_COLOURS {
  if (gap >= -1e-9) return 'ahead';
  if (gap >= -0.05 - 1e-9) return 'near';
  return 'behind';
}

/** The share of the annual target as a bar against a dashed line at 时序进度. */
export function TargetBullet({ share, timeProgress, label }: { share: number; timeProgress: number; label: string }) {
  const { t } = useI18n();
  const option = useMemo<EChartOption>(() => {
    const pct = roundHalfUp(share * 100, 1);
    const timePct = roundHalfUp(timeProgress * 100, 1);
    return {
      animation: false,
      grid: { left: 4, right: 44, top: 22, bottom: 4, containLabel: false },
      xAxis: { type: 'value', min: 0, max: Math.max(100, Math.ceil(pct / 10) * 10), show: false },
      yAxis: { type: 'category', data: [''], show: false },
      series: [
        { type: 'bar', data: [100], barWidth: 16, itemStyle: { color: '#f0f0f0' }, silent: true, barGap: '-100%' },
        {
          type: 'bar',
          data: [{ value: pct, itemStyle: { color: STANDING_COLOURS[standingOfGap(share - timeProgress)] } }],
          barWidth: 16,
          barGap: '-100%',
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { color: TIME, type: 'dashed', width: 2 },
            label: { formatter: `${t('ind.timeProgress')} ${formatRate(timeProgress)}`, position: 'end', color: TIME, distance: 2, fontSize: 11 },
            data: [{ xAxis: timePct }],
          },
        },
      ],
    };
  }, [share, timeProgress, t]);
  return <EChart option={option} height={56} label={label} />;
}

export interface CurvePoint {
  month: string;
  value: number;
}

export interface CumulativeCurveProps {
  code: IndicatorCode;
  asOf: string;
  thisYear: readonly CurvePoint[];
  lastYear: readonly CurvePoint[];
  /** The absolute annual target; no plan line without it. */
  target: number | null;
  /** Cumulative planned shares January to December; linear (n/12) when null. */
  shares: readonly number[] | null;
  label: string;
}

/** This year's 1—M月 values up to the as-of month, last year's whole year, and the plan: target × the month's share. */
export function CumulativeCurve({ code, asOf, thisYear, lastYear, target, shares, label }: CumulativeCurveProps) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const option = useMemo<EChartOption>(() => {
    const year = Number(asOf.slice(0, 4));
    const monthNo = Number(asOf.slice(5, 7));
    const months = Array.from({ length: 12 }, (_, i) => i + 1);
    const at = (points: readonly CurvePoint[], m: number) => points.find((p) => Number(p.month.slice(5, 7)) === m)?.value ?? null;
    const plan = target === null ? null : months.map((m) => Math.round(target * (shares ? (shares[m - 1] ?? 0) : m / 12)));
    const largest = Math.max(0, ...thisYear.map((p) => p.value), ...lastYear.map((p) => p.value), ...(plan ?? []));
    const unit = chartUnit(code, largest, lang);
    const scaled = (v: number | null) => (v === null ? null : roundHalfUp(v / unit.factor, unit.decimals));
    const series: object[] = [
      {
        type: 'line',
        name: t('ind.yearLine', { year }),
        data: months.map((m) => (m <= monthNo ? scaled(at(thisYear, m)) : null)),
        connectNulls: true,
        symbolSize: 6,
        lineStyle: { width: 3, color: THIS_YEAR },
        itemStyle: { color: THIS_YEAR },
      },
      {
        type: 'line',
        name: t('ind.yearLine', { year: year - 1 }),
        data: months.map((m) => scaled(at(lastYear, m))),
        connectNulls: true,
        symbol: 'none',
        lineStyle: { width: 1.5, color: LAST_YEAR, type: 'dashed' },
        itemStyle: { color: LAST_YEAR },
      },
    ];
    if (plan) {
      series.push({
        type: 'line',
        name: shares ? t('ind.planLine') : t('ind.planLinear'),
        data: plan.map(scaled),
        symbol: 'none',
        lineStyle: { width: 2, color: PLAN, type: 'dotted' },
        itemStyle: { color: PLAN },
      });
    }
    return {
      animation: false,
      legend: { top: 0, itemWidth: 16, itemHeight: 8, textStyle: { fontSize: 11 } },
      grid: { left: 4, right: 12, top: 26, bottom: 4, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v === null || v === undefined || v === '-' ? '—' : `${String(v)}${lang === 'zh' ? '' : ' '}${unit.label}`) },
      xAxis: { type: 'category', data: months.map((m) => (lang === 'zh' ? `${m}月` : String(m))), axisLabel: { fontSize: 10, interval: 1 } },
      yAxis: { type: 'value', axisLabel: { fontSize: 10 } },
      series,
    };
  }, [code, asOf, thisYear, lastYear, target, shares, t, lang]);
  return <EChart option={option} height={190} label={label} />;
}
