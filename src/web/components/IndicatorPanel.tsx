// One indicator's panel (the indicator template's every x for it): value with its unit and period, 同比 (official or computed, both when (sources quoted in docs/sources.md)
// they differ), the target and its share against 时序进度 as a bullet, ranks in the city, 环比, what each remaining month
// must add, the forecasts with their method, and the monthly curve against the plan. What cannot be computed is "—" with the reason.
import { Card, Tag, Tooltip, Typography } from 'antd';
import { MeasureNote } from './MeasureNote.tsx';
import type { ReactNode } from 'react';
import { formatRate } from '../../domain/format.ts';
import { indicatorByCode } from '../../domain/indicator/catalogue.ts';
import { regionLevel } from '../../domain/region.ts';
import { useI18n, type I18n } from '../i18n.tsx';
import type { IndicatorItem } from '../lib/indicator-api.ts';
import { aboveTargetText, chartUnit, cityRankText, countyRankText, DASH, exactFigures, gapText, panelId, periodText, signedRate, valueText, type RankView } from '../lib/indicator-view.ts';
import { CumulativeCurve, standingOfGap, TargetBullet, type CurvePoint } from './IndicatorCharts.tsx';

const TAG_COLOURS = { ahead: 'green', near: 'gold', behind: 'red' } as const;

/** A figure that cannot be computed: a dash, and the reason the API gives on hover or focus. */
export function Missing({ reason }: { reason: string }) {
  return (
    <Tooltip title={reason}>
      <span className="ind-missing" tabIndex={0} aria-label={`${DASH}（${reason}）`} data-reason={reason} style={{ cursor: 'help', color: 'rgba(0,0,0,0.45)', borderBottom: '1px dotted rgba(0,0,0,0.45)' }}>
        {DASH}
      </span>
    </Tooltip>
  );
}

function Row({ id, label, active, children }: { id: string; label: string; active: boolean; children: ReactNode }) {
  return (
    <div
      data-figure={id}
      data-active={active ? 'true' : undefined}
      style={{
        display: 'flex',
        flexWrap: 'wrap',
        alignItems: 'baseline',
        gap: '2px 10px',
        padding: '3px 6px',
        margin: '0 -6px',
        borderRadius: 4,
        background: active ? '#fff7cc' : undefined,
        boxShadow: active ? 'inset 0 0 0 1px #faad14' : undefined,
        transition: 'background 0.2s',
      }}
    >
      <span style={{ color: 'rgba(0,0,0,0.55)', flex: 'none', minWidth: 84 }}>{label}</span>
      <span style={{ minWidth: 0, flex: '1 1 160px', overflowWrap: 'anywhere' }}>{children}</span>
    </div>
  );
}

function Secondary({ children }: { children: ReactNode }) {
  return (
    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
      {children}
    </Typography.Text>
  );
}

function rankTooltip(i18n: I18n, r: RankView): string {
  const peers = r.peerCount === null ? '' : `${i18n.t('ind.rankPeers', { n: r.peerCount })}，`;
  return `${peers}${r.source === 'entered' ? i18n.t('ind.rankEntered') : i18n.t('ind.rankComputed')}`;
}

function Rank({ text, rank }: { text: string; rank: RankView }) {
  const i18n = useI18n();
  return (
    <Tooltip title={rankTooltip(i18n, rank)}>
      <span tabIndex={0}>
        <strong>{text}</strong>
        {rank.source === 'entered' && (
          <Tag style={{ marginInlineStart: 6 }} bordered={false}>
            {i18n.t('ind.entered')}
          </Tag>
        )}
      </span>
    </Tooltip>
  );
}

export interface IndicatorPanelProps {
  item: IndicatorItem;
  region: string;
  regionName: string;
  asOf: string;
  thisYear: readonly CurvePoint[];
  lastYear: readonly CurvePoint[];
  /** The plan curve's cumulative shares for the indicator, or null for the linear 时序进度. */
  shares: readonly number[] | null;
  /** The panel figure a sentence's number points at, when it is this panel's. */
  focus: string | null;
}

export function IndicatorPanel({ item, region, regionName, asOf, thisYear, lastYear, shares, focus }: IndicatorPanelProps) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const def = indicatorByCode(item.code);
  const reason = (figure: string): string => item.reasons[figure]?.message ?? t('ind.missing');
  const show = (value: number) => valueText(item.code, value, lang);
  const is = (figure: string) => focus === figure;
  const level = regionLevel(region);
  const active = focus !== null;
  const x = exactFigures(item, { asOf, shares, lastYear });

  const rankReasonCity = level === 'township' ? t('ind.noRankTownship') : t('ind.noRankCounty');
  const rankReasonCounties = level === 'township' ? t('ind.noRankTownship') : item.ranks.inCity && regionName.endsWith('区') ? t('ind.noRankDistrict') : t('ind.noRankCounty');

  const yoy =
    x.yoy === null ? (
      <Missing reason={reason(item.reasons.yoy ? 'yoy' : 'computedYoy')} />
    ) : (
      <>
        <strong style={{ fontSize: 16 }}>{signedRate(x.yoy)}</strong>
        <Tooltip title={item.yoySource === 'official' ? t('ind.officialHint') : t('ind.computedHint')}>
          <Tag style={{ marginInlineStart: 6 }} color={item.yoySource === 'official' ? 'blue' : 'default'} bordered={false}>
            {item.yoySource === 'official' ? t('ind.official') : t('ind.computed')}
          </Tag>
        </Tooltip>
        {item.yoySource === 'computed' && def.comparablePrices && <Secondary>{t('ind.nominal')}</Secondary>}
        {item.yoyDiffers && x.computedYoy !== null && (
          <Secondary>
            {t('ind.computedAlso', { rate: signedRate(x.computedYoy) })}
            {def.comparablePrices && t('ind.nominal')}
          </Secondary>
        )}
      </>
    );

  const gap = x.progressGap;
  const share =
    x.targetShare === null ? (
      <Missing reason={reason('targetShare')} />
    ) : (
      <>
        <strong style={{ fontSize: 16 }}>{formatRate(x.targetShare)}</strong>
        <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
          {t('ind.timeProgress')} {formatRate(x.timeProgress)}
          {item.timeProgressSource === 'planCurve' && `（${t('ind.planCurveNote')}）`}
        </Typography.Text>
        {gap !== null && (
          <div>
            <Tag color={TAG_COLOURS[standingOfGap(gap)]} style={{ marginInlineEnd: 0, marginTop: 2 }} data-gap={gap}>
              {gapText(i18n, gap)}
            </Tag>
          </div>
        )}
        {gap === null && item.reasons.progressGap && <Secondary>{item.reasons.progressGap.message}</Secondary>}
      </>
    );

  // The curve's unit, chosen as the chart chooses it, so its title carries it: "逐月累计与计划进度（亿元）".
  const curveTarget = def.accumulation === 'cumulative' ? item.target : null;
  const curveUnit = chartUnit(item.code, Math.max(0, ...thisYear.map((p) => p.value), ...lastYear.map((p) => p.value), curveTarget ?? 0), lang).label;

  const need = item.need;
  const needRow = (
    <Row id="need" label={need?.period === 'quarter' ? t('ind.needQuarter') : t('ind.needMonth')} active={is('need')}>
      {need === null ? (
        <Missing reason={reason('need')} />
      ) : need.met ? (
        <Tag color="green" bordered={false}>
          {t('ind.needMet')}
        </Tag>
      ) : need.perPeriod === null ? (
        <Missing reason={reason('need')} />
      ) : (
        <>
          <strong>{show(need.perPeriod)}</strong>
          <Secondary>{t(need.period === 'quarter' ? 'ind.needLeftQuarters' : 'ind.needLeftMonths', { n: need.periodsLeft, remaining: show(need.remaining) })}</Secondary>
        </>
      )}
    </Row>
  );

  const forecastRow = (kind: 'halfYearForecast' | 'yearForecast') => {
    const f = item[kind];
    const fYoy = kind === 'halfYearForecast' ? x.halfYearForecastYoy : x.yearForecastYoy;
    const why = item.reasons[kind];
    // Once the half year has its actual figure, its forecast is not missing: it is no longer a question.
    if (!f && why?.code === 'period-passed') return null;
    return (
      <Row key={kind} id={kind} label={kind === 'halfYearForecast' ? t('ind.forecastHalf') : t('ind.forecastYear')} active={is(kind)}>
        {f ? (
          <>
            <span>
              {fYoy === null
                ? t('ind.forecastValueNoRate', { period: i18n.period(f.month), value: show(f.value) })
                : t('ind.forecastValue', { period: i18n.period(f.month), value: show(f.value), rate: signedRate(fYoy) })}
            </span>
            <Secondary>
              {f.method}
              {def.comparablePrices && t('ind.nominal')}
            </Secondary>
          </>
        ) : (
          <Missing reason={why?.message ?? t('ind.missing')} />
        )}
      </Row>
    );
  };

  return (
    <Card
      size="small"
      id={panelId(item.code)}
      title={item.indicator}
      extra={
        item.source && (
          <Tag bordered={false} style={{ marginInlineEnd: 0 }}>
            {t(`ind.source.${item.source}`)}
          </Tag>
        )
      }
      style={{ height: '100%', borderColor: active ? '#faad14' : undefined, boxShadow: active ? '0 0 0 2px #ffe58f' : undefined, transition: 'box-shadow 0.2s' }}
    >
      <section aria-label={item.indicator}>
        {item.code === 'fixed-asset-investment' && <MeasureNote measure={item.source === 'pool' ? 'entered' : 'statistics'} />}
        <Row id="value" label={def.accumulation === 'level' ? periodText(i18n, item.code, asOf) : t('ind.cumulative', { period: periodText(i18n, item.code, asOf) })} active={is('value')}>
          {item.value === null ? <Missing reason={reason('value')} /> : <span className="stat-value" style={{ marginTop: 0, fontSize: 24 }}>{show(item.value)}</span>}
        </Row>
        <Row id="yoy" label={t('ind.yoy')} active={is('yoy')}>
          {yoy}
        </Row>
        {item.targetGrowth !== null && (
          <Row id="targetGrowth" label={t('ind.target')} active={is('targetGrowth')}>
            {t('ind.targetGrowth', { rate: formatRate(item.targetGrowth) })}
            {item.target !== null && `（${show(item.target)}）`}
            {x.yoyAboveTargetGrowth !== null && <Secondary>{aboveTargetText(i18n, x.yoyAboveTargetGrowth)}</Secondary>}
          </Row>
        )}
        {item.targetGrowth === null && (
          <Row id="target" label={t('ind.target')} active={is('target')}>
            {item.target === null ? <Missing reason={reason('target')} /> : show(item.target)}
          </Row>
        )}
        <Row id="targetShare" label={t('ind.targetShare')} active={is('targetShare')}>
          {share}
        </Row>
        {x.targetShare !== null && (
          <TargetBullet share={x.targetShare} timeProgress={x.timeProgress} label={`${t('ind.targetShare')} ${formatRate(x.targetShare)}，${t('ind.timeProgress')} ${formatRate(x.timeProgress)}`} />
        )}
        <Row id="rankInCity" label={t('ind.rankCity')} active={is('rankInCity')}>
          {item.ranks.inCity ? <Rank text={cityRankText(i18n, item.ranks.inCity)} rank={item.ranks.inCity} /> : <Missing reason={rankReasonCity} />}
        </Row>
        <Row id="rankAmongCounties" label={t('ind.rankCounties')} active={is('rankAmongCounties')}>
          {item.ranks.amongCounties ? <Rank text={countyRankText(i18n, item.ranks.amongCounties)} rank={item.ranks.amongCounties} /> : <Missing reason={rankReasonCounties} />}
        </Row>
        {item.qoq && (
          <Row id="qoq" label={t('ind.qoq')} active={is('qoq')}>
            {x.qoqRate === null ? <Missing reason={reason('qoq')} /> : <strong>{signedRate(x.qoqRate)}</strong>}
            <Secondary>
              {t('ind.qoqText', {
                quarter: lang === 'zh' ? `${'一二三四'[item.qoq.quarter - 1]}季度` : item.qoq.quarter,
                value: show(item.qoq.value),
                previous: show(item.qoq.previousValue),
              })}
            </Secondary>
          </Row>
        )}
        {/* A stock (高新技术企业数, 产出强度) is not added month by month: no monthly need, no forecast from seasonal shares. */}
        {def.accumulation === 'cumulative' && (
          <>
            {needRow}
            {forecastRow('halfYearForecast')}
            {forecastRow('yearForecast')}
          </>
        )}
        {thisYear.length > 0 && (
          <div style={{ marginTop: 8 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('ind.curve')}
              {curveUnit && (lang === 'zh' ? `（${curveUnit}）` : ` (${curveUnit})`)}
            </Typography.Text>
            <CumulativeCurve
              code={item.code}
              asOf={asOf}
              thisYear={thisYear}
              lastYear={lastYear}
              target={curveTarget}
              shares={shares}
              label={`${item.indicator} ${t('ind.curve')}`}
            />
          </div>
        )}
      </section>
    </Card>
  );
}

