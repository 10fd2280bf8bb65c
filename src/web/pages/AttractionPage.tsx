// 招商漏斗: a year's funnel of a county or one of its townships and zones, from its leads — reached and now-in-stage
// counts and amounts per stage (chart and table, each saying which), the rates with what they divide, the targets,
// and the breakdowns by origin, unit, chain, team and township; the targets read from the work report's words.
import { Alert, App, Button, Card, Col, Input, InputNumber, Row, Segmented, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { formatRate } from '../../domain/format.ts';
import { formatMoney } from '../../domain/money.ts';
import { ApiError } from '../api.ts';
import { EChart, type EChartOption } from '../components/EChart.tsx';
import { LoadError, PageTitle, StatCard } from '../components/common.tsx';
import { useAsOf } from '../hooks/use-as-of.ts';
import { useAsync } from '../hooks/use-async.ts';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useSession } from '../hooks/session.tsx';
import { useI18n } from '../i18n.tsx';
import { attractionApi, type Funnel, type FunnelGroup, type TargetProposal } from '../lib/attraction-api.ts';
import { useFilters } from '../hooks/use-filters.ts';

const yiText = (yuan: number) => formatMoney(yuan, '亿元');
const GROUPS = ['origin', 'unit', 'chain', 'team', 'township'] as const;
type GroupKey = (typeof GROUPS)[number];
const GROUP_FIELD: Record<GroupKey, 'byOrigin' | 'byUnit' | 'byChain' | 'byTeam' | 'byTownship'> = { origin: 'byOrigin', unit: 'byUnit', chain: 'byChain', team: 'byTeam', township: 'byTownship' };

function TargetReader({ region, year, onSaved }: { region: string; year: number; onSaved(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [proposals, setProposals] = useState<TargetProposal[] | null>(null);
  const [problem, setProblem] = useState<string>();
  const run = async (work: () => Promise<void>) => {
    setProblem(undefined);
    try {
      await work();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setProblem(e.message);
    }
  };
  return (
    <Card size="small" title={t('at.readTargets')} style={{ marginTop: 16 }}>
      <Input.TextArea rows={3} value={text} onChange={(e) => setText(e.target.value)} placeholder={t('at.readTargetsHint')} aria-label={t('at.readTargets')} />
      {problem && <Alert type="error" showIcon message={problem} style={{ marginTop: 8 }} />}
      <Space wrap style={{ marginTop: 8 }}>
        <Button onClick={() => void run(async () => setProposals((await attractionApi.readTargets(region, year, text)).proposals))}>{t('at.read')}</Button>
        {proposals && proposals.length > 0 && (
          <Button
            type="primary"
            onClick={() =>
              void run(async () => {
                await attractionApi.confirmTargets({ region, year, targets: proposals.map((p) => ({ key: p.key, value: p.value, threshold: p.threshold, qualifier: p.qualifier, sourceText: p.span.text })) });
                message.success(t('at.saved'));
                setProposals(null);
                onSaved();
              })
            }
          >
            {t('at.confirm')}
          </Button>
        )}
      </Space>
      {proposals && (
        <ul style={{ margin: '8px 0 0', paddingLeft: 20 }}>
          {proposals.map((p) => (
            <li key={p.key}>
              <Tag>{p.key}</Tag> {p.span.text}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function targetValue(key: string, v: number | null): string {
  if (v === null) return '—';
  if (key === 'landingRate') return formatRate(v);
  if (key === 'largeInvestment') return `${yiText(v)}亿元`;
  return `${v}个`;
}

export function AttractionPage() {
  const { county, context, user } = useSession();
  const { asOf } = useAsOf();
  const { t, lang } = useI18n();
  const { params, update } = useFilters();
  const year = Number(params.get('year')) || Number(asOf.slice(0, 4));
  const region = params.get('region') || county.code;
  const [group, setGroup] = useState<GroupKey>('origin');
  const keeper = user.role === 'admin' || user.role === 'dispatcher';
  useDocumentTitle(t('at.funnelTitle'));
  const funnel = useAsync(() => attractionApi.funnel(region, year), [region, year]);
  const set = (k: string, v: string) => update({ [k]: v });
  const f = funnel.data;

  const option = useMemo((): EChartOption | null => {
    if (!f) return null;
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('at.reached'), t('at.current')] },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: f.stages.map((s) => s.stage) },
      yAxis: { type: 'value', name: lang === 'zh' ? '亿元' : '100M yuan' },
      series: [
        { name: t('at.reached'), type: 'bar', data: f.stages.map((s) => Number(yiText(s.reached.amount))), label: { show: true, position: 'top', formatter: (p: { dataIndex: number }) => `${f.stages[p.dataIndex]!.reached.count}个` } },
        { name: t('at.current'), type: 'bar', data: f.stages.map((s) => Number(yiText(s.current.amount))), label: { show: true, position: 'top', formatter: (p: { dataIndex: number }) => `${f.stages[p.dataIndex]!.current.count}个` } },
      ],
    };
  }, [f, t, lang]);

  type StageRow = Funnel['stages'][number];
  const stageColumns: TableColumnsType<StageRow> = [
    { key: 'stage', title: t('at.stage'), dataIndex: 'stage', width: 64 },
    { key: 'rc', title: `${t('at.reached')} · ${t('at.count')}`, align: 'right', width: 80, render: (_, s) => s.reached.count },
    { key: 'ra', title: `${t('at.reached')} · ${t('at.amountYi')}`, align: 'right', width: 110, render: (_, s) => yiText(s.reached.amount) },
    { key: 'cc', title: `${t('at.current')} · ${t('at.count')}`, align: 'right', width: 80, render: (_, s) => s.current.count },
    { key: 'ca', title: `${t('at.current')} · ${t('at.amountYi')}`, align: 'right', width: 110, render: (_, s) => yiText(s.current.amount) },
  ];
  const groupColumns: TableColumnsType<FunnelGroup> = [
    { key: 'label', title: t('at.group'), dataIndex: 'label', width: 140 },
    ...(f?.stages ?? []).map((s, i) => ({
      key: s.code,
      title: `${s.stage}（${t('at.reached')}，${t('at.countAmount')}）`,
      align: 'right' as const,
      width: 110,
      render: (_: unknown, g: FunnelGroup) => `${g.stages[i]!.reached.count}个 / ${yiText(g.stages[i]!.reached.amount)}`,
    })),
    { key: 'landing', title: f?.rateDetails.landing.label ?? '', align: 'right', width: 96, render: (_, g) => formatRate(g.rates.landing) },
  ];

  return (
    <>
      <PageTitle
        title={t('at.funnelTitle')}
        sub={f ? t('at.funnelSub', { region: f.regionName, from: f.from, to: f.to }) : undefined}
        extra={
          <Space wrap>
            <Select
              value={region}
              onChange={(v: string) => set('region', v)}
              options={[{ value: county.code, label: `${county.name}（${t('at.wholeCounty')}）` }, ...context.townships.map((x) => ({ value: x.code, label: x.name }))]}
              style={{ minWidth: 150 }}
              aria-label={t('at.region')}
            />
            <InputNumber value={year} min={2000} max={2100} onChange={(v) => v && set('year', String(v))} addonAfter={lang === 'zh' ? '年' : ''} style={{ width: 120 }} aria-label={t('at.year')} />
          </Space>
        }
      />
      {funnel.error && !f && <LoadError error={funnel.error} onRetry={funnel.reload} />}
      {f && option && (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={13}>
              <Card size="small" title={t('at.chart')}>
                <EChart option={option} height={280} label={t('at.chart')} />
              </Card>
            </Col>
            <Col xs={24} lg={11}>
              <Card size="small" title={`${t('at.stage')} · ${t('at.terminated', { n: f.terminated.count })}`}>
                <section aria-label={t('at.funnelTitle')}>
                  <Table<StageRow> size="small" rowKey="code" columns={stageColumns} dataSource={f.stages} pagination={false} scroll={{ x: 440 }} />
                </section>
                <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
                  {t('at.reached')}：{f.basis.reached}。{t('at.current')}：{f.basis.current}。
                </Typography.Paragraph>
              </Card>
            </Col>
          </Row>
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            {(['performance', 'landing', 'production', 'fundsInPlace', 'attainment'] as const).map((k) => (
              <Col key={k} xs={12} md={8} lg={{ flex: '20%' }}>
                <StatCard title={f.rateDetails[k].label} value={formatRate(f.rates[k])}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{f.basis.rates[k]}</Typography.Text>
                </StatCard>
              </Col>
            ))}
          </Row>
          <Card size="small" title={t('at.targets')} style={{ marginTop: 16 }}>
            <section aria-label={t('at.targets')}>
              {Object.keys(f.targets).length === 0 ? (
                <Typography.Text type="secondary">{t('at.noTargets')}</Typography.Text>
              ) : (
                <Table
                  size="small"
                  rowKey="key"
                  pagination={false}
                  dataSource={Object.entries(f.targets).map(([key, v]) => ({ key, ...v }))}
                  columns={[
                    { key: 'label', title: t('at.target'), render: (_, r) => `${r.label}${r.threshold ? `（${yiText(r.threshold)}亿元以上）` : ''}` },
                    { key: 'target', title: t('at.target'), align: 'right', render: (_, r) => `${targetValue(r.key, r.target)}${r.qualifier === 'atLeast' ? '以上' : ''}` },
                    { key: 'actual', title: t('at.actual'), align: 'right', render: (_, r) => targetValue(r.key, r.actual) },
                    { key: 'met', title: '', render: (_, r) => (r.met === null ? '—' : <Tag color={r.met ? 'green' : 'orange'}>{r.met ? t('at.met') : t('at.notMet')}</Tag>) },
                  ]}
                />
              )}
            </section>
          </Card>
          <Card size="small" title={t('at.breakdown')} style={{ marginTop: 16 }}>
            <div style={{ overflowX: 'auto', marginBottom: 8 }}>
              <Segmented size="small" value={group} onChange={(v) => setGroup(v as GroupKey)} options={GROUPS.map((g) => ({ value: g, label: t(`at.by.${g}`) }))} />
            </div>
            <Table<FunnelGroup> size="small" rowKey={(g) => g.key ?? '-'} columns={groupColumns} dataSource={f[GROUP_FIELD[group]]} pagination={false} scroll={{ x: 800 }} />
          </Card>
          {keeper && <TargetReader region={region} year={year} onSaved={funnel.reload} />}
        </>
      )}
    </>
  );
}
