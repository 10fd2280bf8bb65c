// 本单位工作台: a reporter's landing — its unit's reports due in the round to fill (to fill, returned, late), its projects with their
// status in that round, and its reminders. Never the county's totals: this page asks the server for the unit's own work only.
import { RightOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, List, Row, Space, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { Figure, LoadError, PageSkeleton, PageTitle } from '../components/common.tsx';
import { NoticeList } from '../components/NoticeList.tsx';
import { useAsync } from '../hooks/use-async.ts';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useI18n } from '../i18n.tsx';
import { roundApi, type ReporterWork } from '../lib/round-api.ts';
import { cstTime, reportStatusLabel, REPORT_STATUS_COLOURS, wanExact } from '../lib/round-view.ts';

type UnitRound = ReporterWork['rounds'][number];

function RoundWorkCard({ round }: { round: UnitRound }) {
  const i18n = useI18n();
  const { t } = i18n;
  const navigate = useNavigate();
  const c = round.counts;
  const danger = (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n);
  return (
    <Card
      size="small"
      title={
        <Space size={6} wrap>
          <span>{t('work.round', { month: i18n.month(round.month) })}</span>
          {round.reopened && <Tag color="orange">{t('work.reopened')}</Tag>}
        </Space>
      }
    >
      <section aria-label={t('work.round', { month: i18n.month(round.month) })}>
        <div className="figure-grid" style={{ ['--figure-min' as string]: i18n.lang === 'zh' ? '96px' : '130px' }}>
          <Figure label={t('work.due')} value={c.due} strong />
          <Figure label={t('work.todo')} value={c.draft} strong />
          <Figure label={t('work.returned')} value={danger(c.returned)} />
          <Figure label={t('work.submitted')} value={c.submitted} />
          <Figure label={t('work.approved')} value={c.approved} />
          <Figure label={t('work.late')} value={danger(c.late)} />
        </div>
        <Typography.Text type="secondary" style={{ display: 'block', margin: '8px 0' }}>
          {t('work.deadline', { time: `${cstTime(i18n, round.deadline)}${t('rounds.cst')}`, grace: cstTime(i18n, round.graceUntil) })}
        </Typography.Text>
        <Button type="primary" block onClick={() => navigate(`/rounds/${encodeURIComponent(round.roundId)}`)}>
          {t('work.go')}
        </Button>
      </section>
    </Card>
  );
}

function ProjectsCard({ work }: { work: ReporterWork }) {
  const i18n = useI18n();
  const { t } = i18n;
  const latest = work.rounds[0];
  return (
    <Card size="small" title={latest ? t('work.projectsIn', { month: i18n.month(latest.month) }) : t('work.projects')}>
      <List
        size="small"
        dataSource={work.projects}
        locale={{ emptyText: t('work.noProjects') }}
        renderItem={(p) => (
          <List.Item key={p.projectId} style={{ paddingInline: 0 }}>
            <Link to={p.reportId ? `/reports/${encodeURIComponent(p.reportId)}` : `/projects/${encodeURIComponent(p.projectId)}`} style={{ display: 'flex', alignItems: 'center', gap: 8, width: '100%', color: 'inherit' }}>
              <div style={{ flex: 1, minWidth: 0 }}>
                <Typography.Text strong style={{ display: 'block', overflowWrap: 'anywhere' }}>
                  {p.projectName}
                </Typography.Text>
                <Space size={[6, 4]} wrap style={{ marginTop: 4 }}>
                  {p.status && (
                    <Tag color={REPORT_STATUS_COLOURS[p.status]} style={{ marginInlineEnd: 0 }}>
                      {reportStatusLabel(i18n, p.status)}
                    </Tag>
                  )}
                  {p.late && (
                    <Tag color="red" style={{ marginInlineEnd: 0 }}>
                      {t('work.lateTag')}
                    </Tag>
                  )}
                  {p.completedMonth !== null && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('report.figMonth')} {wanExact(p.completedMonth, i18n)}
                    </Typography.Text>
                  )}
                </Space>
                {p.returnReason && (
                  <Typography.Text type="danger" style={{ display: 'block', marginTop: 4, overflowWrap: 'anywhere' }}>
                    {t('report.returned', { reason: p.returnReason })}
                  </Typography.Text>
                )}
              </div>
              <RightOutlined style={{ color: 'rgba(0,0,0,0.35)' }} />
            </Link>
          </List.Item>
        )}
      />
    </Card>
  );
}

export function ReporterHomePage() {
  const i18n = useI18n();
  const { t } = i18n;
  const state = useAsync(() => roundApi.myWork(), []);
  useDocumentTitle(t('work.title'));
  const work = state.data;
  return (
    <>
      <PageTitle title={t('work.title')} sub={work ? t('work.sub', { unit: work.unitName }) : undefined} />
      {state.error && !work && <LoadError error={state.error} onRetry={state.reload} />}
      {!work && !state.error && <PageSkeleton />}
      {work && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              {work.rounds.length === 0 && (
                <Alert
                  type="info"
                  showIcon
                  message={t('work.none')}
                  description={work.nextOpensAt ? t('work.next', { time: `${cstTime(i18n, work.nextOpensAt)}${t('rounds.cst')}` }) : undefined}
                />
              )}
              {work.rounds.map((r) => (
                <RoundWorkCard key={r.roundId} round={r} />
              ))}
              <ProjectsCard work={work} />
            </Space>
          </Col>
          <Col xs={24} xl={10}>
            <Card size="small" title={t('work.notices')}>
              <NoticeList notices={work.notices} />
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}
