// 项目库总览: the pool figures of the pool report for the as-of month — cards, progress against 时序进度, the drafted paragraph, batches, charts and tables by township, chain, leader and unit. Sources quoted in docs/sources.md.
import { Card, Col, Grid, Row, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, type CSSProperties } from 'react';
import { api, type PoolBreakdownRow, type PoolSummary } from '../api.ts';
import { EChart, type EChartOption } from '../components/EChart.tsx';
import { columnTitle, Figure, LoadError, PageSkeleton, PageTitle, StatCard } from '../components/common.tsx';
import { CompletenessTags } from '../components/CompletenessTags.tsx';
import { MeasureNote } from '../components/MeasureNote.tsx';
import { RoundBanner } from '../components/RoundBanner.tsx';
import { useAsOf } from '../hooks/use-as-of.ts';
import { useAsync } from '../hooks/use-async.ts';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useSession } from '../hooks/session.tsx';
import { useI18n, type I18n } from '../i18n.tsx';
import { chainTooltip } from '../lib/chart-tooltips.ts';
import { rate, wan, yi, yiNumber } from '../lib/format.ts';
import { formatPoints } from '../../domain/format.ts';
import { CHART_COLOURS, isBehindTime, paceOf, progressChartOption, townshipChartHeight, townshipChartOption } from '../../domain/charts/chart-options.ts';

const COLORS = CHART_COLOURS;
// A county has a dozen chains; echarts' nine default colours would repeat within one pie.
const CHAIN_PALETTE = ['#5470c6', '#91cc75', '#fac858', '#ee6666', '#73c0de', '#3ba272', '#fc8452', '#9a60b4', '#ea7ccc', '#1d4ed8', '#b8860b', '#2f4554', '#c23531', '#61a0a8', '#6e7074', '#bda29a'];

function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

function gapText(i18n: I18n, completion: number | null, timeProgress: number): string | null {
  if (completion === null) return null;
  const gap = completion - timeProgress;
  if (paceOf(completion, timeProgress) === 'onPace') return i18n.t('dash.onPace');
  const points = i18n.lang === 'zh' ? formatPoints(gap) : formatPoints(gap).replace('个百分点', ' percentage points');
  return gap > 0 ? i18n.t('dash.ahead', { points }) : i18n.t('dash.behind', { points });
}

function FigureCards({ s }: { s: PoolSummary }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const period = i18n.period(s.asOf);
  // English labels and units are about half as long again as the Chinese ones.
  const gridStyle = { '--figure-min': lang === 'zh' ? '150px' : '240px' } as CSSProperties;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={12} md={12} xl={6}>
        <StatCard title={t('dash.count')} value={t('common.items', { n: s.all.count })} accent={COLORS.total}>
          {t('dash.continuing')} {s.continuing.count} · {t('dash.newStart')} {s.newStart.count}
        </StatCard>
      </Col>
      <Col xs={12} md={12} xl={6}>
        <StatCard title={t('dash.total')} value={yi(s.all.totalInvestment, lang)} accent={COLORS.total} />
      </Col>
      <Col xs={12} md={12} xl={6}>
        <StatCard title={t('dash.plan')} value={yi(s.all.annualPlan, lang)} accent={COLORS.plan} />
      </Col>
      <Col xs={12} md={12} xl={6}>
        <StatCard title={t('dash.completed', { period })} value={yi(s.all.completedYtd, lang)} accent={COLORS.completed}>
          {t('dash.planShare', { rate: rate(share(s.all.completedYtd, s.all.annualPlan)) })}
          {s.completeness.length > 0 && (
            <div>
              <CompletenessTags items={s.completeness} />
            </div>
          )}
          <MeasureNote measure="pool" />
        </StatCard>
      </Col>
      <Col xs={24} lg={12}>
        <StatCard title={t('dash.continuing')} value={t('common.items', { n: s.continuing.count })} accent={COLORS.continuing}>
          <div className="figure-grid" style={gridStyle}>
            <Figure label={t('dash.total')} value={yi(s.continuing.totalInvestment, lang)} />
            <Figure label={t('dash.plan')} value={yi(s.continuing.annualPlan, lang)} />
            <Figure label={t('dash.resumed')} value={t('common.items', { n: s.continuing.resumed })} />
            <Figure label={t('dash.resumeRate')} value={rate(s.continuing.resumeRate)} strong />
            <Figure label={t('dash.completed', { period })} value={yi(s.continuing.completedYtd, lang)} />
          </div>
        </StatCard>
      </Col>
      <Col xs={24} lg={12}>
        <StatCard title={t('dash.newStart')} value={t('common.items', { n: s.newStart.count })} accent={COLORS.newStart}>
          <div className="figure-grid" style={gridStyle}>
            <Figure label={t('dash.total')} value={yi(s.newStart.totalInvestment, lang)} />
            <Figure label={t('dash.plan')} value={yi(s.newStart.annualPlan, lang)} />
            <Figure label={t('dash.started')} value={t('common.items', { n: s.newStart.started })} />
            <Figure label={t('dash.startRate')} value={rate(s.newStart.startRate)} strong />
            <Figure label={t('dash.completed', { period })} value={yi(s.newStart.completedYtd, lang)} />
          </div>
        </StatCard>
      </Col>
    </Row>
  );
}

function ProgressCard({ s }: { s: PoolSummary }) {
  const i18n = useI18n();
  const { t } = i18n;
  const groups = [
    { name: t('dash.all'), f: s.all },
    { name: i18n.phase('continuing'), f: s.continuing },
    { name: i18n.phase('newStart'), f: s.newStart },
  ];
  const completion = share(s.all.completedYtd, s.all.annualPlan);
  const gap = gapText(i18n, completion, s.timeProgress);
  const behind = completion !== null && isBehindTime(completion, s.timeProgress);
  const option = useMemo<EChartOption>(
    () => ({
      ...progressChartOption(
        groups.map((g) => ({ name: g.name, share: share(g.f.completedYtd, g.f.annualPlan) })),
        s.timeProgress,
        { completion: t('dash.completion'), timeProgress: t('dash.timeProgress') },
      ),
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => `${String(v)}%` },
    }),
    // groups is derived from s and the language
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [s, i18n.lang],
  );
  return (
    <Card size="small" title={t('dash.progress')} className="fill-card">
      <section aria-label={t('dash.progress')}>
        <div className="progress-line">
          <Figure label={t('dash.completion')} value={rate(completion)} strong />
          <Figure label={t('dash.timeProgress')} value={rate(s.timeProgress)} />
          {gap && <Tag color={behind ? 'orange' : 'green'} style={{ marginInlineEnd: 0 }}>{gap}</Tag>}
        </div>
        <EChart option={option} height={170} label={`${t('dash.completion')} ${rate(completion)}，${t('dash.timeProgress')} ${rate(s.timeProgress)}`} />
      </section>
    </Card>
  );
}

function SentenceCard({ s }: { s: PoolSummary }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('dash.sentence')} className="fill-card">
      <Typography.Paragraph copyable={{ text: s.sentence }} className="sentence">
        {s.sentence}
      </Typography.Paragraph>
    </Card>
  );
}

function BatchesCard({ s }: { s: PoolSummary }) {
  const { t } = useI18n();
  const columns: TableColumnsType<PoolSummary['batches'][number]> = [
    { title: t('batch.heldOn'), dataIndex: 'heldOn', width: 110 },
    { title: t('batch.title'), dataIndex: 'title' },
    { title: t('batch.signed'), dataIndex: 'signed', align: 'right', width: 70 },
    { title: t('batch.started'), dataIndex: 'started', align: 'right', width: 70 },
    { title: t('batch.operating'), dataIndex: 'operating', align: 'right', width: 70 },
  ];
  return (
    <Card size="small" title={t('dash.batches')} className="fill-card">
      <Table size="small" rowKey="heldOn" columns={columns} dataSource={s.batches} pagination={false} scroll={{ x: 'max-content' }} />
    </Card>
  );
}

function TownshipChart({ s }: { s: PoolSummary }) {
  const i18n = useI18n();
  const { t } = i18n;
  const rows = s.byTownship ?? [];
  const option = useMemo<EChartOption>(
    () => ({
      ...townshipChartOption(
        rows.map((r) => ({ label: r.label, total: r.all.totalInvestment, plan: r.all.annualPlan, completed: r.all.completedYtd })),
        { total: t('dash.total'), plan: t('dash.plan'), completed: t('dash.completed', { period: i18n.period(s.asOf) }) },
      ),
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => (i18n.lang === 'zh' ? `${String(v)}亿元` : `${String(v)} ×100M yuan`) },
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [s, i18n.lang],
  );
  if (rows.length === 0) return null;
  return (
    <Card size="small" title={t('dash.townshipChart')}>
      <EChart option={option} height={townshipChartHeight(rows.length)} label={t('dash.townshipChart')} />
    </Card>
  );
}

function ChainChart({ s }: { s: PoolSummary }) {
  const i18n = useI18n();
  const { t } = i18n;
  const phone = !Grid.useBreakpoint().md;
  const rows = s.byChain ?? [];
  const option = useMemo<EChartOption>(
    () => ({
      color: CHAIN_PALETTE,
      tooltip: {
        trigger: 'item',
        formatter: (p: Parameters<typeof chainTooltip>[0]) =>
          chainTooltip(p, { total: t('dash.total'), count: t('col.count'), yiUnit: i18n.lang === 'zh' ? '亿元' : ' ×100M yuan', zh: i18n.lang === 'zh' }),
      },
      legend: phone ? { bottom: 0, left: 'center', itemGap: 8, itemWidth: 14 } : { orient: 'vertical', right: 0, top: 'middle', type: 'scroll' },
      series: [
        {
          type: 'pie',
          radius: phone ? ['28%', '52%'] : ['35%', '68%'],
          center: phone ? ['50%', '36%'] : ['38%', '50%'],
          label: { formatter: '{d}%' },
          data: rows.map((r) => ({ name: r.key === null ? t('dash.noChain') : r.label, value: yiNumber(r.all.totalInvestment), count: r.all.count })),
        },
      ],
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [s, i18n.lang, phone],
  );
  if (rows.length === 0) return null;
  return (
    <Card size="small" title={t('dash.chainChart')} className="fill-card">
      <EChart option={option} height={phone ? 420 : 300} label={t('dash.chainChart')} />
    </Card>
  );
}

function PhaseChart({ s }: { s: PoolSummary }) {
  const i18n = useI18n();
  const { t } = i18n;
  const option = useMemo<EChartOption>(() => {
    const cats = [t('dash.total'), t('dash.plan'), t('dash.completed', { period: i18n.period(s.asOf) })];
    const values = (f: PoolSummary['all']) => [f.totalInvestment, f.annualPlan, f.completedYtd].map(yiNumber);
    return {
      color: [COLORS.continuing, COLORS.newStart],
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => (i18n.lang === 'zh' ? `${String(v)}亿元` : `${String(v)} ×100M yuan`) },
      xAxis: { type: 'category', data: cats, axisLabel: { interval: 0 } },
      yAxis: { type: 'value' },
      series: [
        { type: 'bar', name: `${t('dash.continuing')} ${t('common.items', { n: s.continuing.count })}`, data: values(s.continuing), label: { show: true, position: 'top' } },
        { type: 'bar', name: `${t('dash.newStart')} ${t('common.items', { n: s.newStart.count })}`, data: values(s.newStart), label: { show: true, position: 'top' } },
      ],
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [s, i18n.lang]);
  return (
    <Card size="small" title={t('dash.phaseChart')} className="fill-card">
      <EChart option={option} height={300} label={t('dash.phaseChart')} />
    </Card>
  );
}

function BreakdownTable({ title, rows, asOf }: { title: string; rows: PoolBreakdownRow[]; asOf: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const columns: TableColumnsType<PoolBreakdownRow> = [
    { title: t('col.name'), dataIndex: 'label', width: 140 },
    { title: t('col.count'), key: 'count', align: 'right', width: 84, render: (_, r) => r.all.count, sorter: (a, b) => a.all.count - b.all.count },
    { title: columnTitle(t('col.planWan')), key: 'plan', align: 'right', width: 112, render: (_, r) => wan(r.all.annualPlan), sorter: (a, b) => a.all.annualPlan - b.all.annualPlan, defaultSortOrder: 'descend' },
    {
      title: columnTitle(t('col.completedWan', { period: i18n.period(asOf) })),
      key: 'completed',
      align: 'right',
      width: 112,
      render: (_, r) => wan(r.all.completedYtd),
      sorter: (a, b) => a.all.completedYtd - b.all.completedYtd,
    },
    {
      title: <span className="nowrap">{t('col.planShare')}</span>,
      key: 'share',
      align: 'right',
      width: 112,
      render: (_, r) => rate(share(r.all.completedYtd, r.all.annualPlan)),
      sorter: (a, b) => (share(a.all.completedYtd, a.all.annualPlan) ?? -1) - (share(b.all.completedYtd, b.all.annualPlan) ?? -1),
    },
  ];
  return (
    <Card size="small" title={title} className="fill-card">
      <Table
        size="small"
        rowKey={(r) => r.key ?? '(none)'}
        columns={columns}
        dataSource={rows}
        pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small', showSizeChanger: false }}
        scroll={{ x: 560 }}
      />
    </Card>
  );
}

export function DashboardPage() {
  const { county, user, names, context } = useSession();
  const { asOf } = useAsOf();
  const i18n = useI18n();
  const { t } = i18n;
  const pool = useAsync(() => api.pool(county.code, asOf), [county.code, asOf]);
  const s = pool.data;
  // The server scopes a reporter's figures to its unit and says so with unitId.
  const ownUnitId = s?.unitId ?? (user.role === 'reporter' ? user.unitId : null);
  const ownUnit = ownUnitId ? names.unit(ownUnitId) : null;
  useDocumentTitle(t('dash.title'));

  const title = (
    <>
      {t('dash.title')}
      {ownUnit && (
        <Tag color="geekblue" style={{ marginInlineStart: 8, verticalAlign: 'middle' }}>
          {t('dash.ownUnit')}
        </Tag>
      )}
    </>
  );
  const sub = (
    <>
      {s?.regionName ?? county.name} · {t('header.asOf')} {i18n.month(asOf)}
      {asOf === context.currentMonth.month && ` · ${t('current.short', { source: t(`current.source.${context.currentMonth.source}`) })}`}
      {ownUnit && ` · ${t('dash.ownUnitHint', { unit: ownUnit })}`}
      {s && s.completeness.length > 0 && (
        <div style={{ marginTop: 4 }}>
          <CompletenessTags items={s.completeness} prefix />
        </div>
      )}
    </>
  );

  return (
    <>
      <PageTitle title={title} sub={sub} />
      <RoundBanner />
      {pool.error && !s && <LoadError error={pool.error} onRetry={pool.reload} />}
      {!s && !pool.error && <PageSkeleton />}
      {s && (
        <div className={pool.loading ? 'stale' : undefined}>
          <FigureCards s={s} />
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={24} lg={12}>
              <ProgressCard s={s} />
            </Col>
            <Col xs={24} lg={12}>
              <SentenceCard s={s} />
            </Col>
            <Col xs={24}>
              <TownshipChart s={s} />
            </Col>
            <Col xs={24} lg={12}>
              <ChainChart s={s} />
            </Col>
            <Col xs={24} lg={12}>
              <PhaseChart s={s} />
            </Col>
            <Col xs={24} lg={12}>
              <BreakdownTable title={t('dash.byLeader')} rows={s.byLeader ?? []} asOf={s.asOf} />
            </Col>
            <Col xs={24} lg={12}>
              <BreakdownTable title={t('dash.byUnit')} rows={s.byUnit ?? []} asOf={s.asOf} />
            </Col>
            <Col xs={24}>
              <BatchesCard s={s} />
            </Col>
          </Row>
        </div>
      )}
    </>
  );
}
