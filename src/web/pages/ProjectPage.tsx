// The project page: every field, the years, monthly completed investment (chart and table), batches, fund applications, the change history, and the edit form.
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Empty, Row, Space, Table, Tag, Timeline, Typography, type DescriptionsProps, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { MILESTONES } from '../../domain/project/project.ts';
import { monthYear } from '../../domain/months.ts';
import { figuresAsOf } from '../../domain/round/monthly-figure.ts';
import { api, type HistoryEntry, type ProjectDetail } from '../api.ts';
import { EChart, type EChartOption } from '../components/EChart.tsx';
import { ProjectAlertsCard } from '../components/ProjectAlertsCard.tsx';
import { ProjectEditDrawer } from '../components/ProjectEditDrawer.tsx';
import { StatsEntryPanel } from '../components/StatsEntryPanel.tsx';
import { LoadError, NotFound, PageSkeleton, PageTitle, StatCard } from '../components/common.tsx';
import { useAsOf } from '../hooks/use-as-of.ts';
import { useAsync } from '../hooks/use-async.ts';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useSession } from '../hooks/session.tsx';
import { useI18n } from '../i18n.tsx';
import { dateTime, groupDigits, rate, wan, wanPlain, wanWithUnit } from '../lib/format.ts';
import { lastLedgerView } from '../lib/ledger-view.ts';
import { historyHead, historyValue } from '../lib/history-view.ts';
import { industryText } from '../lib/project-view.ts';

type MonthRow = ProjectDetail['months'][number] & { cumulative: number };

/** Each month with the year's running total up to it (1-M月累计), restarting every January. */
function withCumulative(months: ProjectDetail['months']): MonthRow[] {
  return [...months].sort((a, b) => a.month.localeCompare(b.month)).map((m) => ({ ...m, cumulative: figuresAsOf(m.month, 0, months).ytd }));
}

function FieldsCard({ detail }: { detail: ProjectDetail }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const session = useSession();
  const p = detail.project;
  const leaderText = (id: string) => {
    const leader = session.context.leaders.find((l) => l.id === id);
    return leader ? `${leader.name}${leader.title ? `（${leader.title}）` : ''}` : session.names.leader(id);
  };
  const item = (key: string, label: string, children: React.ReactNode, span?: number): NonNullable<DescriptionsProps['items']>[number] => ({ key, label, children, span });
  const dash = (v: string | null) => v || '—';
  const basic: DescriptionsProps['items'] = [
    item('name', i18n.field('name'), p.name, 2),
    item('projectCode', i18n.field('projectCode'), p.projectCode ? <Typography.Text copyable>{p.projectCode}</Typography.Text> : '—'),
    item('approvalKind', i18n.field('approvalKind'), i18n.approvalKind(p.approvalKind)),
    item('owner', i18n.field('owner'), dash(p.owner)),
    item('townshipCode', i18n.field('townshipCode'), session.names.township(p.townshipCode)),
    item('industryCode', i18n.field('industryCode'), industryText(p.industryCode)),
    item('chain', i18n.field('chain'), dash(p.chain)),
    item('constructionType', i18n.field('constructionType'), i18n.constructionType(p.constructionType)),
    item('category', i18n.field('category'), dash(p.category)),
    item('stage', i18n.field('stage'), i18n.stage(p.stage)),
    item('keyLevel', i18n.field('keyLevel'), i18n.keyLevel(p.keyLevel)),
    item('landAreaMu', i18n.field('landAreaMu'), p.landAreaMu === null ? '—' : t('project.mu', { n: groupDigits(String(p.landAreaMu)) })),
  ];
  const money: DescriptionsProps['items'] = [
    item('totalInvestment', i18n.field('totalInvestment'), wanWithUnit(p.totalInvestment, lang)),
    item('completedBefore', i18n.field('completedBefore'), wanWithUnit(p.completedBefore, lang)),
    item('statsEntry', i18n.field('statsEntry'), i18n.statsEntry(p.statsEntry)),
  ];
  const responsibility: DescriptionsProps['items'] = [
    item('leaderIds', i18n.field('leaderIds'), p.leaderIds.length > 0 ? p.leaderIds.map(leaderText).join(lang === 'zh' ? '、' : ', ') : '—'),
    item('unitId', i18n.field('unitId'), session.names.unit(p.unitId)),
  ];
  const milestones: DescriptionsProps['items'] = MILESTONES.map((m) => item(m, i18n.field(m), dash(p[m])));
  // Two columns until the screen is wide: owners' names are long and should not wrap at every character.
  const column = { xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 3 };
  return (
    <Card size="small">
      <Descriptions size="small" title={t('project.basic')} items={basic} column={column} bordered />
      <Descriptions size="small" title={t('project.investment')} items={money} column={column} bordered style={{ marginTop: 16 }} />
      <Descriptions size="small" title={t('project.responsibility')} items={responsibility} column={column} bordered style={{ marginTop: 16 }} />
      <Descriptions size="small" title={t('project.milestones')} items={milestones} column={column} bordered style={{ marginTop: 16 }} />
      {p.progressNote && (
        <Descriptions size="small" items={[item('progressNote', i18n.field('progressNote'), <span style={{ whiteSpace: 'pre-wrap' }}>{p.progressNote}</span>)]} column={1} bordered style={{ marginTop: 16 }} />
      )}
      {p.notes && (
        <Descriptions size="small" items={[item('notes', i18n.field('notes'), <span style={{ whiteSpace: 'pre-wrap' }}>{p.notes}</span>)]} column={1} bordered style={{ marginTop: 16 }} />
      )}
    </Card>
  );
}

function MonthsCard({ detail, year }: { detail: ProjectDetail; year: number }) {
  const i18n = useI18n();
  const { t } = i18n;
  const rows = useMemo(() => withCumulative(detail.months), [detail.months]);
  const chartRows = rows.filter((r) => monthYear(r.month) === year);
  const shown = chartRows.length > 0 ? chartRows : rows;
  const option = useMemo<EChartOption>(
    () => ({
      color: ['#52c41a'],
      grid: { left: 8, right: 8, top: 28, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (i18n.lang === 'zh' ? `${String(v)}万元` : `${String(v)} ×10k yuan`) },
      xAxis: { type: 'category', data: shown.map((r) => i18n.month(r.month).replace(/^\d{4}年/, '')) },
      yAxis: { type: 'value', name: i18n.lang === 'zh' ? '万元' : '×10k yuan' },
      series: [{ type: 'bar', name: t('project.monthCompleted'), data: shown.map((r) => Number(wanPlain(r.completed))), barMaxWidth: 28 }],
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [shown, i18n.lang],
  );
  const columns: TableColumnsType<MonthRow> = [
    { title: t('project.month'), dataIndex: 'month', render: (m: string) => i18n.month(m) },
    { title: t('project.monthCompleted'), dataIndex: 'completed', align: 'right', render: (v: number) => wan(v) },
    {
      title: t('project.cumulative'),
      key: 'cumulative',
      align: 'right',
      render: (_, r) => (
        <span>
          <Typography.Text type="secondary" style={{ marginInlineEnd: 8 }}>
            {i18n.period(r.month)}
          </Typography.Text>
          {wan(r.cumulative)}
        </span>
      ),
    },
  ];
  return (
    <Card size="small" title={t('project.months')}>
      {rows.length === 0 ? (
        <Empty description={t('project.noMonths')} />
      ) : (
        <>
          <EChart option={option} height={200} label={t('project.months')} />
          <Table size="small" rowKey="month" columns={columns} dataSource={[...rows].reverse()} pagination={{ pageSize: 12, hideOnSinglePage: true, size: 'small' }} scroll={{ x: 'max-content' }} />
        </>
      )}
    </Card>
  );
}

function YearsCard({ detail }: { detail: ProjectDetail }) {
  const i18n = useI18n();
  const { t } = i18n;
  const columns: TableColumnsType<ProjectDetail['years'][number]> = [
    { title: t('project.year'), dataIndex: 'year', render: (y: number) => (i18n.lang === 'zh' ? `${y}年` : y) },
    { title: i18n.field('phase'), dataIndex: 'phase', render: (p: ProjectDetail['years'][number]['phase']) => i18n.phase(p) },
    { title: i18n.lang === 'zh' ? `${i18n.field('annualPlan')}（万元）` : `${i18n.field('annualPlan')} (10k yuan)`, dataIndex: 'annualPlan', align: 'right', render: (v: number) => wan(v) },
    { title: i18n.field('resumedOn'), dataIndex: 'resumedOn', render: (d: string | null) => d ?? '—' },
  ];
  return (
    <Card size="small" title={t('project.years')}>
      <Table size="small" rowKey="year" columns={columns} dataSource={detail.years} pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: t('common.noData') }} />
    </Card>
  );
}

function BatchesFundsCard({ detail }: { detail: ProjectDetail }) {
  const i18n = useI18n();
  const { t } = i18n;
  const batchColumns: TableColumnsType<ProjectDetail['batches'][number]> = [
    { title: t('batch.heldOn'), dataIndex: 'heldOn' },
    { title: t('batch.title'), dataIndex: 'title' },
    { title: t('batch.kind'), dataIndex: 'kind', render: (k: 'signed' | 'started' | 'operating') => <Tag>{t(`batchKind.${k}`)}</Tag> },
  ];
  const fundColumns: TableColumnsType<ProjectDetail['funds'][number]> = [
    { title: t('project.fundKind'), dataIndex: 'kind', render: (k: 'specialBond' | 'centralBudget' | 'other') => t(`fundKind.${k}`) },
    { title: t('project.year'), dataIndex: 'year' },
    { title: t('project.fundAmount'), dataIndex: 'amount', align: 'right', render: (v: number) => wan(v) },
    { title: t('project.fundStatus'), dataIndex: 'status' },
    { title: t('project.fundNotes'), dataIndex: 'notes', render: (n: string | null) => n ?? '—' },
  ];
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title={t('project.batches')}>
        <Table size="small" rowKey={(b) => `${b.heldOn}-${b.kind}`} columns={batchColumns} dataSource={detail.batches} pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: t('common.noData') }} />
      </Card>
      <Card size="small" title={t('project.funds')}>
        <Table size="small" rowKey="id" columns={fundColumns} dataSource={detail.funds} pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: t('common.noData') }} />
      </Card>
    </Space>
  );
}

function HistoryCard({ entries, error }: { entries: HistoryEntry[] | undefined; error?: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSession();
  return (
    <Card size="small" title={t('project.history')}>
      {error && <Alert type="error" message={error} />}
      {entries && entries.length === 0 && <Empty description={t('project.noHistory')} image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      {entries && entries.length > 0 && (
        <Timeline
          className="history"
          items={entries.map((e) => {
            const user = e.userName ?? t('project.system');
            // The first entry of every project records its creation, not a field change.
            const created = e.field === 'created';
            return {
              key: e.id,
              color: created ? 'green' : 'blue',
              children: (
                <div>
                  <div className="history-head">
                    <Typography.Text type="secondary">{dateTime(e.changedAt)}</Typography.Text>{' '}
                    {historyHead(i18n, user, e.field)}
                  </div>
                  {!created && (
                    <div className="history-change">
                      <span className="before">{historyValue(i18n, session, e.field, e.before)}</span>
                      <span className="arrow"> → </span>
                      <span className="after">{historyValue(i18n, session, e.field, e.after)}</span>
                    </div>
                  )}
                </div>
              ),
            };
          })}
        />
      )}
    </Card>
  );
}

export function ProjectPage() {
  const { id = '' } = useParams();
  const { asOf, link } = useAsOf();
  const i18n = useI18n();
  const { t, lang } = i18n;
  const detailState = useAsync(() => api.project(id), [id]);
  const history = useAsync(() => api.history(id), [id]);
  // The detail returned by a save or a reload after a conflict: shown at once, until the page loads a newer one.
  const [latest, setLatest] = useState<ProjectDetail>();
  const [editKey, setEditKey] = useState(0);
  const [editing, setEditing] = useState(false);
  const detail =
    latest && latest.project.id === id && detailState.data && latest.project.version >= detailState.data.project.version ? latest : detailState.data;
  const year = monthYear(asOf);

  useDocumentTitle(detail?.project.name ?? '');
  const back = (
    <Link to={lastLedgerView(asOf) ?? link('/projects')}>
      <ArrowLeftOutlined /> {t('project.back')}
    </Link>
  );
  if (detailState.error && !detail) {
    if (detailState.error.status === 404) return <NotFound action={back} />;
    return (
      <>
        <PageTitle title={back} />
        <LoadError error={detailState.error} onRetry={detailState.reload} />
      </>
    );
  }
  if (!detail) return <PageSkeleton />;

  const p = detail.project;
  const thisYear = detail.years.find((y) => y.year === year);
  const { ytd, sinceStart } = figuresAsOf(asOf, p.completedBefore, detail.months);

  const reload = async () => {
    setLatest(await api.project(id));
    history.reload();
  };

  return (
    <>
      <div style={{ marginBottom: 8 }}>{back}</div>
      <PageTitle
        title={p.name}
        sub={
          <Space size={6} wrap>
            {thisYear && <Tag color={thisYear.phase === 'continuing' ? 'purple' : thisYear.phase === 'newStart' ? 'cyan' : 'default'}>{i18n.phase(thisYear.phase)}</Tag>}
            <Tag color="blue">{i18n.stage(p.stage)}</Tag>
            {p.projectCode && <Typography.Text type="secondary">{p.projectCode}</Typography.Text>}
          </Space>
        }
        extra={
          detail.canEdit ? (
            <Button
              type="primary"
              icon={<EditOutlined />}
              onClick={() => {
                setEditKey((k) => k + 1);
                setEditing(true);
              }}
            >
              {t('project.edit')}
            </Button>
          ) : (
            <Typography.Text type="secondary">{t('project.readOnly')}</Typography.Text>
          )
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={12} lg={6}>
          <StatCard title={i18n.field('totalInvestment')} value={wanWithUnit(p.totalInvestment, lang)} accent="#1677ff" />
        </Col>
        <Col xs={12} lg={6}>
          <StatCard title={t('project.yearPlan', { year })} value={thisYear ? wanWithUnit(thisYear.annualPlan, lang) : '—'} accent="#faad14" />
        </Col>
        <Col xs={12} lg={6}>
          <StatCard title={t('project.ytd', { period: i18n.period(asOf) })} value={wanWithUnit(ytd, lang)} accent="#52c41a">
            {thisYear && thisYear.annualPlan > 0 && t('project.ratePlan', { rate: rate(ytd / thisYear.annualPlan) })}
          </StatCard>
        </Col>
        <Col xs={12} lg={6}>
          <StatCard title={t('project.totalSoFar')} value={wanWithUnit(sinceStart, lang)} accent="#722ed1">
            {p.totalInvestment > 0 && t('project.shareOfTotal', { rate: rate(sinceStart / p.totalInvestment) })}
          </StatCard>
        </Col>
        {/* Two independent columns, so a long month table does not leave a gap beside the fields. */}
        <Col xs={24} xl={14}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <FieldsCard detail={detail} />
            <BatchesFundsCard detail={detail} />
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <ProjectAlertsCard projectId={p.id} newStart={thisYear?.phase === 'newStart'} />
            <StatsEntryPanel projectId={p.id} version={p.version} onChanged={() => void reload()} />
            <MonthsCard detail={detail} year={year} />
            <YearsCard detail={detail} />
            <HistoryCard entries={history.data?.entries} error={history.error?.message} />
          </Space>
        </Col>
      </Row>
      {detail.canEdit && (
        <ProjectEditDrawer
          key={editKey}
          detail={detail}
          year={year}
          open={editing}
          onClose={() => setEditing(false)}
          onSaved={(d) => {
            setLatest(d);
            setEditing(false);
            history.reload();
          }}
          onReload={reload}
        />
      )}
    </>
  );
}
