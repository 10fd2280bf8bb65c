// 各县排名: a city's (or province's) counties side by side for the as-of month — each county's pool, ranked by the share of its annual plan completed, against 时序进度.
import { Card, Col, Row, Table, Typography, type TableColumnsType } from 'antd';
import { useMemo, type CSSProperties, type HTMLAttributes } from 'react';
import { paceOf } from '../../domain/charts/chart-options.ts';
import { formatPoints } from '../../domain/format.ts';
import { rankByGrowth } from '../../domain/indicator/ranking.ts';
import type { Yuan } from '../../domain/money.ts';
import { regionPrefix } from '../../domain/region.ts';
import { api, type PoolSummary } from '../api.ts';
import { columnTitle, Figure, LoadError, PageSkeleton, PageTitle, StatCard } from '../components/common.tsx';
import { CompletenessTags } from '../components/CompletenessTags.tsx';
import { useAsOf } from '../hooks/use-as-of.ts';
import { useAsync } from '../hooks/use-async.ts';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useSession } from '../hooks/session.tsx';
import { useI18n, type I18n } from '../i18n.tsx';
import { rate, wan, yi } from '../lib/format.ts';

const DASH = '—';

interface CountyRow {
  code: string;
  name: string;
  rank: number | null;
  count: number;
  annualPlan: Yuan;
  completedYtd: Yuan;
  share: number | null;
}

/**
 * Every county of the account's region, with its pool figures when it has a pool. The rank is the competition ranking
 * the indicator rankings use (equal shares at one decimal of a percent share a rank); a county without a plan is unranked, last.
 */
function countyRows(s: PoolSummary, counties: { code: string; name: string }[]): CountyRow[] {
  const prefix = regionPrefix(s.region);
  const byCode = new Map((s.byCounty ?? []).map((r) => [r.key, r]));
  const rows = counties
    .filter((c) => c.code.startsWith(prefix))
    .map((c) => {
      const line = byCode.get(c.code);
      const f = line?.all;
      const annualPlan = f?.annualPlan ?? 0;
      const completedYtd = f?.completedYtd ?? 0;
      // The server's label names a province's county with its city (several cities have a 城区).
      return { code: c.code, name: line?.label ?? c.name, count: f?.count ?? 0, annualPlan, completedYtd, share: annualPlan > 0 ? completedYtd / annualPlan : null };
    });
  const ranking = rankByGrowth(rows.map((r) => ({ region: r.code, growth: r.share })));
  const rankOf = new Map(ranking.ranked.map((r) => [r.region, r.rank]));
  return rows
    .map((r) => ({ ...r, rank: rankOf.get(r.code) ?? null }))
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.code.localeCompare(b.code));
}

function gapText(i18n: I18n, share: number | null, timeProgress: number): string {
  if (share === null) return DASH;
  const gap = share - timeProgress;
  if (paceOf(share, timeProgress) === 'onPace') return i18n.t('dash.onPace');
  const points = i18n.lang === 'zh' ? formatPoints(gap) : formatPoints(gap).replace('个百分点', ' pp');
  return `${gap > 0 ? '+' : '−'}${points}`;
}

/** Green ahead of 时序进度, red behind it: the counties to chase stand out. */
function gapTone(share: number | null, timeProgress: number): 'success' | 'danger' | undefined {
  const pace = share === null ? 'onPace' : paceOf(share, timeProgress);
  return pace === 'onPace' ? undefined : pace === 'ahead' ? 'success' : 'danger';
}

function RankingTable({ s, rows }: { s: PoolSummary; rows: CountyRow[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const period = i18n.period(s.asOf);
  const columns: TableColumnsType<CountyRow> = [
    { key: 'rank', title: t('crank.rank'), width: 56, align: 'center', render: (_, r) => (r.rank === null ? DASH : <strong>{r.rank}</strong>) },
    { key: 'name', title: t('crank.county'), dataIndex: 'name', width: 104, onCell: () => ({ className: 'nowrap' }) },
    // The ranking's basis next to the name: on a phone it is what shows before the table scrolls.
    { key: 'share', title: t('dash.completion'), align: 'right', width: 104, render: (_, r) => (r.count === 0 ? t('crank.noPool') : <strong>{rate(r.share)}</strong>) },
    { key: 'gap', title: t('crank.gap'), align: 'right', width: 124, onCell: () => ({ className: 'nowrap' }), render: (_, r) => <Typography.Text type={gapTone(r.share, s.timeProgress)}>{gapText(i18n, r.share, s.timeProgress)}</Typography.Text> },
    { key: 'completed', title: columnTitle(t('col.completedWan', { period })), align: 'right', width: 116, render: (_, r) => (r.count === 0 ? DASH : wan(r.completedYtd)) },
    { key: 'plan', title: columnTitle(t('col.planWan')), align: 'right', width: 116, render: (_, r) => (r.count === 0 ? DASH : wan(r.annualPlan)) },
    { key: 'count', title: t('col.count'), align: 'right', width: 72, render: (_, r) => r.count },
  ];
  return (
    <Card size="small" title={t('crank.table')}>
      <section aria-label={t('crank.table')}>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
          {t('crank.basis', { period })} · {t('dash.timeProgress')} {rate(s.timeProgress)}
        </Typography.Paragraph>
        <Table<CountyRow>
          size="small"
          rowKey="code"
          columns={columns}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 690 }}
          onRow={(r) => ({ 'data-region': r.code }) as HTMLAttributes<HTMLElement>}
        />
      </section>
    </Card>
  );
}

export function CountyRankingPage() {
  const { user, counties } = useSession();
  const { asOf } = useAsOf();
  const i18n = useI18n();
  const { t, lang } = i18n;
  useDocumentTitle(t('nav.countyRanking'));
  const pool = useAsync(() => api.pool(user.regionCode, asOf), [user.regionCode, asOf]);
  const s = pool.data;
  const rows = useMemo(() => (s ? countyRows(s, counties) : []), [s, counties]);
  const period = s ? i18n.period(s.asOf) : '';

  return (
    <>
      <PageTitle title={t('crank.title')} sub={`${s?.regionName ?? ''} · ${t('header.asOf')} ${i18n.month(asOf)}`} />
      {pool.error && !s && <LoadError error={pool.error} onRetry={pool.reload} />}
      {!s && !pool.error && <PageSkeleton />}
      {s && (
        <div className={pool.loading ? 'stale' : undefined}>
          <Row gutter={[16, 16]}>
            <Col xs={24}>
              <StatCard title={t('crank.scope', { region: s.regionName })} value={t('common.items', { n: s.all.count })}>
                <div className="figure-grid" style={{ '--figure-min': lang === 'zh' ? '190px' : '260px' } as CSSProperties}>
                  <Figure label={t('crank.counties')} value={rows.length} />
                  <Figure label={t('dash.plan')} value={yi(s.all.annualPlan, lang)} />
                  <Figure label={t('dash.completed', { period })} value={yi(s.all.completedYtd, lang)} />
                  <Figure label={t('dash.completion')} value={rate(s.all.annualPlan > 0 ? s.all.completedYtd / s.all.annualPlan : null)} strong />
                  <Figure label={t('dash.timeProgress')} value={rate(s.timeProgress)} />
                </div>
                {s.completeness.length > 0 && <CompletenessTags items={s.completeness} />}
              </StatCard>
            </Col>
            <Col xs={24}>
              <RankingTable s={s} rows={rows} />
            </Col>
          </Row>
        </div>
      )}
    </>
  );
}
