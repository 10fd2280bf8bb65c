// 月报: the county's rounds, newest first, with their deadline in 北京时间 and how far the reports have come; the dispatcher opens a month here and decides corrections; notices alongside.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Grid, List, Progress, Row, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { LoadError, PageSkeleton, PageTitle } from '../components/common.tsx';
import { CountyCalendarCard } from '../components/CountyCalendarCard.tsx';
import { NoticeList } from '../components/NoticeList.tsx';
import { RoundCorrections } from '../components/RoundCorrections.tsx';
import { RoundOpenModal } from '../components/RoundOpenModal.tsx';
import { useAsync } from '../hooks/use-async.ts';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useSession, useSessionApi } from '../hooks/session.tsx';
import { useI18n, type I18n } from '../i18n.tsx';
import { roundApi, type RoundSummary } from '../lib/round-api.ts';
import { cstTime, roundStatusLabel, ROUND_STATUS_COLOURS } from '../lib/round-view.ts';

/** The round's reports as a bar: approved in green, submitted and waiting in blue, of all due. */
export function RoundProgress({ round, width }: { round: RoundSummary; width?: number }) {
  const { due, awaitingReview: submitted, approved } = round.counts;
  const pct = (n: number) => (due > 0 ? Math.round((n / due) * 1000) / 10 : 0);
  return (
    <div style={{ width: width ?? '100%' }}>
      <Progress
        percent={pct(submitted + approved)}
        success={{ percent: pct(approved) }}
        size="small"
        style={{ marginBottom: 0 }}
        format={() => `${approved}/${due}`}
        aria-label={`${approved}/${due}`}
      />
    </div>
  );
}

function countsText(i18n: I18n, round: RoundSummary): string {
  return i18n.t('rounds.counts', { ...round.counts });
}

function roundTitle(i18n: I18n, round: RoundSummary): string {
  return i18n.t('round.title', { month: i18n.month(round.month) });
}

function RoundsTable({ rounds }: { rounds: RoundSummary[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const columns: TableColumnsType<RoundSummary> = [
    { key: 'month', title: t('rounds.month'), width: 140, render: (_, r) => <Link to={`/rounds/${encodeURIComponent(r.id)}`}>{roundTitle(i18n, r)}</Link> },
    { key: 'status', title: t('rounds.status'), width: 90, render: (_, r) => <Tag color={ROUND_STATUS_COLOURS[r.status]}>{roundStatusLabel(i18n, r.status)}</Tag> },
    { key: 'deadline', title: `${t('rounds.deadline')}${t('rounds.cst')}`, width: 180, render: (_, r) => cstTime(i18n, r.deadline) },
    {
      key: 'progress',
      title: t('rounds.progress'),
      width: 290,
      render: (_, r) => (
        <div>
          <RoundProgress round={r} width={240} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {countsText(i18n, r)}
          </Typography.Text>
        </div>
      ),
    },
  ];
  return <Table size="small" rowKey="id" columns={columns} dataSource={rounds} pagination={{ pageSize: 12, hideOnSinglePage: true }} scroll={{ x: 'max-content' }} />;
}

function RoundsList({ rounds }: { rounds: RoundSummary[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <List
      dataSource={rounds}
      renderItem={(r) => (
        <List.Item key={r.id} style={{ display: 'block', paddingInline: 0 }}>
          <Space size={8} wrap>
            <Link to={`/rounds/${encodeURIComponent(r.id)}`} style={{ fontSize: 16, fontWeight: 500 }}>
              {roundTitle(i18n, r)}
            </Link>
            <Tag color={ROUND_STATUS_COLOURS[r.status]}>{roundStatusLabel(i18n, r.status)}</Tag>
          </Space>
          <div style={{ marginTop: 4 }}>
            <Typography.Text type="secondary">
              {t('round.deadline', { time: `${cstTime(i18n, r.deadline)}${t('rounds.cst')}` })}
            </Typography.Text>
          </div>
          <RoundProgress round={r} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {countsText(i18n, r)}
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}

export function RoundsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { county, user } = useSession();
  const { refresh } = useSessionApi();
  const navigate = useNavigate();
  const phone = !Grid.useBreakpoint().md;
  const canRun = user.role === 'admin' || user.role === 'dispatcher';
  const rounds = useAsync(() => roundApi.rounds(county.code), [county.code]);
  const notices = useAsync(() => roundApi.notices(), []);
  const [opening, setOpening] = useState(false);
  useDocumentTitle(t('rounds.title'));

  const list = rounds.data?.rounds;
  return (
    <>
      <PageTitle
        title={t('rounds.title')}
        sub={t('rounds.sub', { county: county.name })}
        extra={
          canRun && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)}>
              {t('rounds.open')}
            </Button>
          )
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          {rounds.error && !list && <LoadError error={rounds.error} onRetry={rounds.reload} />}
          {!list && !rounds.error && <PageSkeleton />}
          {list && (
            <Card size="small" title={t('rounds.title')}>
              {list.length === 0 ? (
                <Empty description={canRun ? t('rounds.emptyDispatcher') : t('rounds.empty')} />
              ) : phone ? (
                <RoundsList rounds={list} />
              ) : (
                <RoundsTable rounds={list} />
              )}
            </Card>
          )}
        </Col>
        <Col xs={24} xl={8}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            {canRun && (
              <Card size="small" title={t('rounds.corrections')}>
                <RoundCorrections />
              </Card>
            )}
            {canRun && (
              <Card size="small" title={t('current.cardTitle')}>
                <CountyCalendarCard />
              </Card>
            )}
            <Card size="small" title={t('notice.title')}>
              {notices.error && !notices.data ? <LoadError error={notices.error} onRetry={notices.reload} /> : <NoticeList notices={(notices.data?.notices ?? []).slice(0, 8)} />}
            </Card>
          </Space>
        </Col>
      </Row>
      {canRun && (
        <RoundOpenModal
          open={opening}
          onClose={() => setOpening(false)}
          onOpened={(round) => {
            setOpening(false);
            // A new round open changes what the county's figures say of their completeness.
            void refresh();
            navigate(`/rounds/${encodeURIComponent(round.id)}`);
          }}
        />
      )}
    </>
  );
}
