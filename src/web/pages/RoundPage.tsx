// One month's round: a reporter's cards of its unit's projects; for the dispatcher and leaders the reports with their checks (approve, return, a whole unit at once), who reported, corrections, export and closing.
import { ArrowLeftOutlined, ClockCircleOutlined, DownloadOutlined, LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Grid, Popconfirm, Popover, Segmented, Select, Space, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../api.ts';
import { columnTitle, LoadError, NotFound, PageSkeleton, PageTitle } from '../components/common.tsx';
import { ReportCard } from '../components/ReportCard.tsx';
import { ReportReviewActions } from '../components/ReportReview.tsx';
import { ExtendDeadlineModal, ReopeningAlerts, ReopenModal } from '../components/RoundDeadlineActions.tsx';
import { RoundCorrections } from '../components/RoundCorrections.tsx';
import { RoundScoreboard } from '../components/RoundScoreboard.tsx';
import { useAsync } from '../hooks/use-async.ts';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useSession, useSessionApi } from '../hooks/session.tsx';
import { useI18n } from '../i18n.tsx';
import { deadlineBasisText } from '../lib/calendar-view.ts';
import { dateTime, wan } from '../lib/format.ts';
import { downloadRound, roundApi, type ReportStatus, type RoundReport, type RoundSummary } from '../lib/round-api.ts';
import { cstTime, flagLabel, reportStatusLabel, REPORT_STATUS_COLOURS, roundStatusLabel, ROUND_STATUS_COLOURS } from '../lib/round-view.ts';

const STATUS_ORDER: Record<ReportStatus, number> = { returned: 0, draft: 1, submitted: 2, approved: 3 };
type UnitFilter = 'all' | 'todo' | 'submitted' | 'approved';

function matches(filter: UnitFilter, status: ReportStatus): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'todo':
      return status === 'draft' || status === 'returned';
    case 'submitted':
      return status === 'submitted';
    case 'approved':
      return status === 'approved';
  }
}

/** A reporter's round: its unit's projects as cards, the returned first. */
function UnitReports({ round }: { round: RoundSummary }) {
  const i18n = useI18n();
  const { t } = i18n;
  const list = useAsync(() => roundApi.reports(round.id), [round.id]);
  const [filter, setFilter] = useState<UnitFilter>('all');
  const reports = useMemo(() => [...(list.data?.reports ?? [])].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]), [list.data]);
  if (list.error && !list.data) return <LoadError error={list.error} onRetry={list.reload} />;
  if (!list.data) return <PageSkeleton />;
  if (reports.length === 0) return <Alert type="info" showIcon message={t('round.noReports')} />;

  const n = (f: UnitFilter) => reports.filter((r) => matches(f, r.status)).length;
  const by = (s: ReportStatus) => reports.filter((r) => r.status === s).length;
  const shown = reports.filter((r) => matches(filter, r.status));
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {/* A reporter sees the reopenings of its own unit only: the round is open to it again, under the reopening's deadline. */}
      {round.status === 'closed' && round.reopenings.length === 0 && <Alert type="info" showIcon message={t('round.closedNote')} />}
      {round.reopenings.map((r) => (
        <Alert key={r.id} type="warning" showIcon message={t('reopen.mine', { time: `${cstTime(i18n, r.deadline)}${t('rounds.cst')}` })} />
      ))}
      <Typography.Text type="secondary">
        {t('round.mine', { due: reports.length, todo: by('draft'), returned: by('returned'), submitted: by('submitted'), approved: by('approved') })}
      </Typography.Text>
      <Segmented<UnitFilter>
        block
        value={filter}
        onChange={setFilter}
        options={[
          { value: 'all', label: `${t('round.filterAll')} ${n('all')}` },
          { value: 'todo', label: `${t('round.filterTodo')} ${n('todo')}` },
          { value: 'submitted', label: `${t('round.filterSubmitted')} ${n('submitted')}` },
          { value: 'approved', label: `${t('round.filterApproved')} ${n('approved')}` },
        ]}
      />
      {shown.length === 0 && <Typography.Text type="secondary">{t('round.nothingHere')}</Typography.Text>}
      {shown.map((r) => (
        <ReportCard key={r.id} report={r} />
      ))}
    </Space>
  );
}

/** The report's status; a returned one tells its reason on hover or tap. */
function StatusTag({ report }: { report: RoundReport }) {
  const i18n = useI18n();
  const tag = <Tag color={REPORT_STATUS_COLOURS[report.status]}>{reportStatusLabel(i18n, report.status)}</Tag>;
  if (report.status !== 'returned' || !report.returnReason) return tag;
  return (
    <Popover content={<div style={{ maxWidth: 320 }}>{i18n.t('report.returned', { reason: report.returnReason })}</div>} trigger={['hover', 'click']}>
      {tag}
    </Popover>
  );
}

function Flags({ report }: { report: RoundReport }) {
  const i18n = useI18n();
  if (report.flags.length === 0) return null;
  return (
    <Space size={[4, 4]} wrap>
      {report.flags.map((f, i) => (
        <Popover key={`${f.code}-${i}`} content={<div style={{ maxWidth: 320 }}>{f.message}</div>} trigger={['hover', 'click']}>
          <Tag color={f.severity === 'error' ? 'red' : 'orange'} style={{ cursor: 'help', marginInlineEnd: 0 }}>
            {flagLabel(i18n, f)}
          </Tag>
        </Popover>
      ))}
    </Space>
  );
}

/** The dispatcher's (and leaders') list of a round's reports, filtered by unit and status. */
function ReportsTable({ round, canRun, refresh, onChanged, onApproveUnit }: { round: RoundSummary; canRun: boolean; refresh: number; onChanged(): void; onApproveUnit(unitId: string, unitName: string): Promise<void> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { context, names } = useSession();
  // On a phone the unit and the status go under the project's name, so the amounts are in sight without scrolling.
  const phone = !Grid.useBreakpoint().md;
  const [unit, setUnit] = useState<string>();
  const [status, setStatus] = useState<ReportStatus>();
  const list = useAsync(() => roundApi.reports(round.id, { unit, status }), [round.id, unit, status, refresh]);
  // A closed round reopened for a unit is reviewed like an open one, for that unit's reports (their roundStatus says so).
  const reviewing = canRun && (round.status === 'open' || round.reopenings.length > 0);
  const changed = () => {
    list.reload();
    onChanged();
  };

  const columns: TableColumnsType<RoundReport> = [
    {
      key: 'project',
      title: t('rcol.project'),
      width: 240,
      render: (_, r) => (
        <div style={{ minWidth: phone ? 150 : 160, maxWidth: phone ? 190 : undefined }}>
          <Link to={`/reports/${encodeURIComponent(r.id)}`}>{r.projectName}</Link>
          {r.prefilled && (
            <Tag color="blue" style={{ marginInlineStart: 6 }}>
              {t('report.prefilled')}
            </Tag>
          )}
          {phone && (
            <div style={{ marginTop: 4 }}>
              <StatusTag report={r} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.unitName ?? '—'}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    ...(phone
      ? []
      : [
          { key: 'unit', title: t('rcol.unit'), width: 140, render: (_: unknown, r: RoundReport) => r.unitName ?? '—' },
          { key: 'status', title: t('rcol.status'), width: 90, render: (_: unknown, r: RoundReport) => <StatusTag report={r} /> },
        ]),
    { key: 'month', title: columnTitle(t('rcol.month')), width: 110, align: 'right', onCell: () => ({ className: 'nowrap' }), render: (_, r) => wan(r.figures?.month ?? r.completedMonth) },
    { key: 'ytd', title: columnTitle(t('rcol.ytd', { period: i18n.period(round.month) })), width: 120, align: 'right', onCell: () => ({ className: 'nowrap' }), render: (_, r) => wan(r.figures?.ytd) },
    { key: 'plan', title: columnTitle(t('rcol.plan')), width: 110, align: 'right', onCell: () => ({ className: 'nowrap' }), render: (_, r) => wan(r.annualPlan) },
    { key: 'flags', title: t('round.flags'), width: 170, render: (_, r) => <Flags report={r} /> },
    { key: 'submittedAt', title: t('rcol.submittedAt'), width: 130, onCell: () => ({ className: 'nowrap' }), render: (_, r) => (r.firstSubmittedAt ? dateTime(r.firstSubmittedAt) : '—') },
  ];
  if (reviewing) {
    columns.push({
      key: 'review',
      title: t('rcol.actions'),
      width: 140,
      render: (_, r) => (r.status === 'submitted' && r.roundStatus === 'open' ? <ReportReviewActions report={r} onDone={changed} /> : null),
    });
  }

  const unitName = unit ? names.unit(unit) : '';
  return (
    <>
      <Space wrap size={8} style={{ marginBottom: 12 }}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('round.allUnits')}
          aria-label={t('round.unit')}
          value={unit}
          onChange={(v?: string) => setUnit(v)}
          options={context.units.map((u) => ({ value: u.id, label: u.name }))}
          style={{ width: 200 }}
        />
        <Select<ReportStatus>
          allowClear
          placeholder={t('round.allStatuses')}
          aria-label={t('round.status')}
          value={status}
          onChange={(v?: ReportStatus) => setStatus(v)}
          options={(['draft', 'submitted', 'returned', 'approved'] as const).map((s) => ({ value: s, label: reportStatusLabel(i18n, s) }))}
          style={{ width: 140 }}
        />
        {canRun && round.status === 'open' && unit && (
          <Popconfirm
            title={t('round.approveUnitConfirm', { unit: unitName })}
            okText={t('review.approve')}
            cancelText={t('edit.cancel')}
            onConfirm={async () => {
              await onApproveUnit(unit, unitName);
              list.reload();
            }}
          >
            <Button>{t('round.approveUnit')}</Button>
          </Popconfirm>
        )}
      </Space>
      {list.error && !list.data && <LoadError error={list.error} onRetry={list.reload} />}
      <Table
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={list.data?.reports ?? []}
        loading={list.loading}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100], size: 'small', showTotal: (n) => t('round.total', { n }) }}
        scroll={{ x: 'max-content' }}
        aria-label={t('round.tabReports')}
      />
    </>
  );
}

export function RoundRoute() {
  const { id = '' } = useParams();
  return <RoundPage key={id} id={id} />;
}

export function RoundPage({ id }: { id: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { user } = useSession();
  const { refresh: refreshContext } = useSessionApi();
  const { message, modal } = App.useApp();
  const canRun = user.role === 'admin' || user.role === 'dispatcher';
  const reporter = user.role === 'reporter';
  const [refresh, setRefresh] = useState(0);
  const [closeError, setCloseError] = useState<string>();
  const [exporting, setExporting] = useState(false);
  const [dialog, setDialog] = useState<'extend' | 'reopen'>();
  const state = useAsync(() => roundApi.round(id), [id, refresh]);
  const round = state.data;
  const bump = () => setRefresh((n) => n + 1);
  useDocumentTitle(round ? t('round.title', { month: i18n.month(round.month) }) : '');

  const back = (
    <Link to="/rounds">
      <ArrowLeftOutlined /> {t('round.back')}
    </Link>
  );
  if (state.error && !round) {
    if (state.error.status === 404) return <NotFound action={back} />;
    return (
      <>
        <PageTitle title={back} />
        <LoadError error={state.error} onRetry={state.reload} />
      </>
    );
  }
  if (!round) return <PageSkeleton />;

  const monthName = i18n.month(round.month);
  const approveUnit = async (unitId: string, unitName: string) => {
    try {
      const res = await roundApi.approveUnit(round.id, unitId);
      message.success(`${unitName}：${t('round.approvedUnit', { n: res.approved })}`);
      bump();
    } catch (e) {
      message.error(t('review.failed', { message: e instanceof ApiError ? e.message : String(e) }));
    }
  };
  const close = () =>
    modal.confirm({
      title: t('round.close'),
      content: t('round.closeConfirm', { month: monthName }),
      okText: t('round.close'),
      okButtonProps: { danger: true },
      cancelText: t('edit.cancel'),
      onOk: async () => {
        try {
          await roundApi.close(round.id);
          setCloseError(undefined);
          // The county's current month moves to a month once its round closes.
          void refreshContext();
          message.success(t('round.closed', { month: monthName }));
          bump();
        } catch (e) {
          const text = e instanceof ApiError ? e.message : String(e);
          setCloseError(text);
          message.error(t('round.closeFailed', { message: text }));
        }
      },
    });
  const exportRound = async () => {
    setExporting(true);
    try {
      const name = await downloadRound(round.id, `${round.regionName}${monthName}${t('round.exportFile')}.xlsx`);
      message.success(t('round.exported', { name }));
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setExporting(false);
    }
  };

  const cst = t('rounds.cst');
  const sub = (
    <Space size={[8, 2]} wrap>
      <span>{round.regionName}</span>
      <span>{t('round.deadline', { time: `${cstTime(i18n, round.deadline)}${cst}` })}</span>
      <span>{t('round.grace', { time: cstTime(i18n, round.graceUntil) })}</span>
      {round.closedAt && <span>{t('round.closedAt', { time: cstTime(i18n, round.closedAt) })}</span>}
      {(round.deadlineBasis === 'given' || round.deadlineBasis === 'extended') && <span>{deadlineBasisText(i18n, round.deadlineBasis)}</span>}
    </Space>
  );
  const extra = !reporter && (
    <Space wrap>
      <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportRound()}>
        {t('round.export')}
      </Button>
      {canRun && round.status === 'open' && (
        <Button icon={<ClockCircleOutlined />} onClick={() => setDialog('extend')}>
          {t('deadline.extend')}
        </Button>
      )}
      {canRun && round.status === 'closed' && (
        <Button icon={<UnlockOutlined />} onClick={() => setDialog('reopen')}>
          {t('reopen.button')}
        </Button>
      )}
      {canRun && round.status === 'open' && (
        <Button danger icon={<LockOutlined />} onClick={close}>
          {t('round.close')}
        </Button>
      )}
    </Space>
  );
  const dialogDone = () => {
    setDialog(undefined);
    bump();
  };

  return (
    <>
      <div style={{ marginBottom: 8 }}>{back}</div>
      <PageTitle
        title={
          <>
            {t('round.title', { month: monthName })}
            <Tag color={ROUND_STATUS_COLOURS[round.status]} style={{ marginInlineStart: 8, verticalAlign: 'middle' }}>
              {roundStatusLabel(i18n, round.status)}
            </Tag>
          </>
        }
        sub={sub}
        extra={extra}
      />
      {closeError && <Alert type="error" showIcon closable message={t('round.closeFailed', { message: closeError })} onClose={() => setCloseError(undefined)} style={{ marginBottom: 12 }} />}
      {round.deadlineBasis === 'opening' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={`${deadlineBasisText(i18n, 'opening')}：${t('work.deadline', { time: `${cstTime(i18n, round.deadline)}${cst}`, grace: cstTime(i18n, round.graceUntil) })}`}
        />
      )}
      {!reporter && <ReopeningAlerts round={round} canRun={canRun} onDone={bump} />}
      {canRun && <ExtendDeadlineModal round={round} open={dialog === 'extend'} onClose={() => setDialog(undefined)} onDone={dialogDone} />}
      {canRun && <ReopenModal round={round} open={dialog === 'reopen'} onClose={() => setDialog(undefined)} onDone={dialogDone} />}
      {reporter ? (
        <UnitReports round={round} />
      ) : (
        <Tabs
          items={[
            {
              key: 'reports',
              label: t('round.tabReports'),
              children: <ReportsTable round={round} canRun={canRun} refresh={refresh} onChanged={bump} onApproveUnit={approveUnit} />,
            },
            {
              key: 'scoreboard',
              label: t('round.tabScoreboard'),
              children: <RoundScoreboard roundId={round.id} refresh={refresh} onApproveUnit={canRun && round.status === 'open' ? approveUnit : undefined} />,
            },
            ...(canRun ? [{ key: 'corrections', label: t('round.tabCorrections'), children: <RoundCorrections month={round.month} refresh={refresh} onDecided={bump} /> }] : []),
          ]}
        />
      )}
    </>
  );
}
