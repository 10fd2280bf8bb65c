// 经济指标: a region's indicators as of a month — a panel per indicator (the indicator template's every x), the sentences drafted from (sources quoted in docs/sources.md)
// them with each number traced to its panel, the ranking in the city and the townships against 时序进度; for those who keep
// the figures, the target reader, value entry and the values sheet.
import { Card, Col, Empty, Row, Select, Tabs, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { regionLevel, shortTownshipName } from '../../domain/region.ts';
import { LoadError, PageSkeleton, PageTitle } from '../components/common.tsx';
import { IndicatorPanel } from '../components/IndicatorPanel.tsx';
import { CityRanking, SubRegionStanding } from '../components/IndicatorRanking.tsx';
import { IndicatorSentences, samePart } from '../components/IndicatorSentences.tsx';
import { IndicatorTargetReader } from '../components/IndicatorTargetReader.tsx';
import { IndicatorImport, IndicatorValueForm } from '../components/IndicatorValueEntry.tsx';
import { useAsOf } from '../hooks/use-as-of.ts';
import { useAsync } from '../hooks/use-async.ts';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useSession } from '../hooks/session.tsx';
import { useI18n } from '../i18n.tsx';
import { indicatorApi, type IndicatorValueRow, type PlanCurveRow, type SentencePart } from '../lib/indicator-api.ts';
import { panelFigureOf, panelId } from '../lib/indicator-view.ts';
import { useFilters } from '../hooks/use-filters.ts';

/** The panel lines a sentence's number can point at. */
const PANEL_FIGURES = new Set(['value', 'yoy', 'targetShare', 'targetGrowth', 'qoq', 'rankInCity', 'rankAmongCounties', 'halfYearForecast', 'yearForecast']);
const STANDING_ID = 'indicator-standing';

interface Series {
  values: IndicatorValueRow[];
  curves: PlanCurveRow[];
}

/** A region's values of the year and the year before, and the plan curves that apply to it (its own, else its county's). */
async function loadSeries(region: string, year: number): Promise<Series> {
  const county = region.slice(0, 6);
  const [now, before, own, ofCounty] = await Promise.all([
    indicatorApi.values({ region, year: String(year) }),
    indicatorApi.values({ region, year: String(year - 1) }),
    indicatorApi.planCurves(region, year),
    county === region ? Promise.resolve(null) : indicatorApi.planCurves(county, year),
  ]);
  return { values: [...before.values, ...now.values], curves: [...own.curves, ...(ofCounty?.curves ?? [])] };
}

export function IndicatorsPage() {
  const { county, context, user } = useSession();
  const { asOf } = useAsOf();
  const i18n = useI18n();
  const { t } = i18n;
  const { params, update } = useFilters();
  const keeper = user.role === 'admin' || user.role === 'dispatcher';
  useDocumentTitle(t('ind.title'));

  const regions = useMemo(
    () => [{ value: county.code, label: county.name }, ...context.townships.map((tw) => ({ value: tw.code, label: tw.isZone ? shortTownshipName(tw.name) : tw.name }))],
    [county, context.townships],
  );
  const wanted = params.get('region');
  const region = wanted && regions.some((r) => r.value === wanted) ? wanted : county.code;
  const level = regionLevel(region);
  const setParam = useCallback((key: string, value: string | null) => update({ [key]: value }), [update]);
  const tab = keeper && params.get('tab') === 'manage' ? 'manage' : 'board';
  const year = Number(asOf.slice(0, 4));

  // Saving a target or a value reloads every figure drawn from it.
  const [saves, setSaves] = useState(0);
  const changed = useCallback(() => setSaves((n) => n + 1), []);
  const report = useAsync(() => indicatorApi.report(region, asOf), [region, asOf, saves]);
  const sentences = useAsync(() => indicatorApi.sentences(region, asOf), [region, asOf, saves]);
  const standing = useAsync(() => (level === 'township' ? Promise.resolve(undefined) : indicatorApi.standing(region, asOf)), [region, asOf, saves]);
  const series = useAsync(() => loadSeries(region, year), [region, year, saves]);

  const [hover, setHover] = useState<SentencePart | null>(null);
  const [pinned, setPinned] = useState<SentencePart | null>(null);
  const focus = hover ?? pinned;
  const activate = useCallback((part: SentencePart) => {
    setPinned((p) => (samePart(p, part) ? null : part));
    const onPanel = part.region === region && PANEL_FIGURES.has(panelFigureOf(part.figure));
    document.getElementById(onPanel ? panelId(part.indicator) : STANDING_ID)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  }, [region]);

  const regionName = useCallback((code: string) => regions.find((r) => r.value === code)?.label ?? code, [regions]);
  const data = report.data;
  const shownName = data?.regionName ?? regionName(region);

  const regionPicker = (
    <Select
      value={region}
      options={regions}
      onChange={(code) => {
        setPinned(null);
        setParam('region', code === county.code ? null : code);
      }}
      aria-label={t('ind.region')}
      style={{ minWidth: 140 }}
      showSearch
      optionFilterProp="label"
    />
  );

  const board = (
    <>
      {report.error && !data && <LoadError error={report.error} onRetry={report.reload} />}
      {!data && !report.error && <PageSkeleton />}
      {data && data.indicators.length === 0 && (
        <Card>
          <Empty description={t('ind.empty', { region: shownName, month: i18n.month(asOf) })}>
            <Typography.Text type="secondary">{t('ind.emptyHint')}</Typography.Text>
          </Empty>
        </Card>
      )}
      {data && data.indicators.length > 0 && (
        <div className={report.loading ? 'stale' : undefined}>
          <Row gutter={[16, 16]}>
            {data.indicators.map((item) => {
              const points = (series.data?.values ?? []).filter((v) => v.indicator === item.code && v.region === data.region);
              const curve = series.data?.curves.find((c) => c.subjectKind === 'indicator' && c.subject === item.code);
              const mine = focus && focus.indicator === item.code && focus.region === data.region && PANEL_FIGURES.has(panelFigureOf(focus.figure)) ? panelFigureOf(focus.figure) : null;
              return (
                <Col key={item.code} xs={24} md={12} xl={8}>
                  <IndicatorPanel
                    item={item}
                    region={data.region}
                    regionName={data.regionName}
                    asOf={data.asOf}
                    thisYear={points.filter((p) => p.month.startsWith(`${year}-`))}
                    lastYear={points.filter((p) => p.month.startsWith(`${year - 1}-`))}
                    shares={item.timeProgressSource === 'planCurve' ? (curve?.shares ?? null) : null}
                    focus={mine}
                  />
                </Col>
              );
            })}
          </Row>
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={24}>
              {sentences.error && !sentences.data && <LoadError error={sentences.error} onRetry={sentences.reload} />}
              {sentences.data && <IndicatorSentences report={sentences.data} regionName={regionName} active={focus} onHover={setHover} onActivate={activate} />}
            </Col>
            <Col xs={24} xl={12}>
              <CityRanking region={data.region} regionName={data.regionName} asOf={data.asOf} items={data.indicators} focus={focus} />
            </Col>
            {level !== 'township' && (
              <Col xs={24} xl={12} id={STANDING_ID}>
                <SubRegionStanding report={standing.data} focus={focus} error={standing.error} onRetry={standing.reload} />
              </Col>
            )}
          </Row>
        </div>
      )}
    </>
  );

  const manage = (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <IndicatorTargetReader region={region} regionName={regionName(region)} defaultYear={year} onSaved={changed} />
      </Col>
      <Col xs={24} xl={12}>
        <Row gutter={[16, 16]}>
          <Col xs={24}>
            <IndicatorValueForm key={`${region}-${asOf}`} regions={regions} region={region} asOf={asOf} onSaved={changed} />
          </Col>
          <Col xs={24}>
            <IndicatorImport county={county.code} year={year} onImported={changed} />
          </Col>
        </Row>
      </Col>
    </Row>
  );

  return (
    <>
      <PageTitle title={t('ind.title')} sub={`${shownName} · ${t('header.asOf')} ${i18n.month(asOf)}`} extra={regionPicker} />
      {keeper ? (
        <Tabs
          activeKey={tab}
          onChange={(k) => setParam('tab', k === 'manage' ? 'manage' : null)}
          items={[
            { key: 'board', label: t('ind.tabBoard'), children: board },
            { key: 'manage', label: t('ind.tabManage'), children: manage },
          ]}
        />
      ) : (
        board
      )}
    </>
  );
}
