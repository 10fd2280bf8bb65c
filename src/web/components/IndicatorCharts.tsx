// The indicator panel's two charts: a bullet of the share of the annual target against 时序进度, and the monthly
// cumulative curve against the plan curve (the target times the plan's shares, linear when there is none) and last year's.
import { LineChart } from 'echarts/charts';
import * as echarts from 'echarts/core';
import { useMemo } from 'react';
import { CHART_COLOURS, curveChartOption, curveLargest, STANDING_COLOURS, standingOfGap, type CurvePoint } from '../../domain/charts/chart-options.ts';
import { formatRate, roundHalfUp } from '../../domain/format.ts';
import type { IndicatorCode } from '../../domain/indicator/catalogue.ts';
import { useI18n } from '../i18n.tsx';
import { chartUnit } from '../lib/indicator-view.ts';
import { EChart, type EChartOption } from './EChart.tsx';

// EChart registers the bar and pie charts the pool needs; the curve is a line.
echarts.use([LineChart]);

export { STANDING_COLOURS, standingOfGap };
const TIME = CHART_COLOURS.time;

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

export type { CurvePoint };

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
    const unit = chartUnit(code, curveLargest({ asOf, thisYear, lastYear, target, shares }), lang);
    return {
      ...curveChartOption(
        { asOf, thisYear, lastYear, target, shares, scale: unit },
        {
          thisYear: t('ind.yearLine', { year }),
          lastYear: t('ind.yearLine', { year: year - 1 }),
          plan: shares ? t('ind.planLine') : t('ind.planLinear'),
          month: (m) => (lang === 'zh' ? `${m}月` : String(m)),
        },
      ),
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v === null || v === undefined || v === '-' ? '—' : `${String(v)}${lang === 'zh' ? '' : ' '}${unit.label}`) },
    };
  }, [code, asOf, thisYear, lastYear, target, shares, t, lang]);
  return <EChart option={option} height={190} label={label} />;
}
