// 一个督办事项, one screen on a phone: what it is and who answers for it, its 13710 deadlines and where it stands, the
// steps its reader may take now, its evidence, its 督办函 and its whole history.
import { ArrowLeftOutlined, FileTextOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Empty, Row, Space, Tag, Timeline, Typography, type DescriptionsProps } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ItemActionModal } from '../components/ItemForms.tsx';
import { ItemStatusTag } from '../components/ItemList.tsx';
import { LoadError, NotFound, PageSkeleton, PageTitle } from '../components/common.tsx';
import { useAsOf } from '../hooks/use-as-of.ts';
import { useAsync } from '../hooks/use-async.ts';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useI18n } from '../i18n.tsx';
import { dateTime } from '../lib/format.ts';
import { itemAttachmentUrl, supervisionApi, type ItemAction, type ItemDetail } from '../lib/supervision-api.ts';
import { timerText, word } from '../lib/supervision-view.ts';

const EVENT_COLOURS: Record<string, string> = { reminded: 'orange', letter: 'red', meeting: 'red', close: 'green', return: 'volcano', reopen: 'magenta', instruct: 'purple' };

function eventLabel(i18n: ReturnType<typeof useI18n>, kind: ItemDetail['history'][number]['kind']): string {
  return kind === 'raised' || kind === 'reminded' || kind === 'letter' || kind === 'meeting' ? word(i18n, 'sv.event', kind) : word(i18n, 'sv.action', kind);
}

export function ItemPage() {
  const { id = '' } = useParams();
  const i18n = useI18n();
  const { t } = i18n;
  const { link } = useAsOf();
  const state = useAsync(() => supervisionApi.item(id), [id]);
  const [latest, setLatest] = useState<ItemDetail>();
  const [acting, setActing] = useState<ItemAction>();
  const detail = latest && latest.item.id === id ? latest : state.data;
  useDocumentTitle(detail?.item.title ?? '');
  const back = (
    <Link to={link('/supervision')}>
      <ArrowLeftOutlined /> {t('sv.item.back')}
    </Link>
  );
  if (state.error && !detail) {
    if (state.error.status === 404) return <NotFound action={back} />;
    return (
      <>
        <PageTitle title={back} />
        <LoadError error={state.error} onRetry={state.reload} />
      </>
    );
  }
  if (!detail) return <PageSkeleton />;
  const item = detail.item;
  const timer = timerText(i18n, item);
  const dash = (v: string | null | undefined) => v || '—';
  const facts: DescriptionsProps['items'] = [
    { key: 'kind', label: t('sv.form.kind'), children: `${word(i18n, 'sv.kind', item.kind)} · ${word(i18n, 'sv.level', item.level)}` },
    { key: 'source', label: t('sv.form.source'), children: word(i18n, 'sv.source', item.source) },
    { key: 'unit', label: t('sv.form.unit'), children: item.unitName ?? t('sv.unassigned') },
    { key: 'leader', label: t('sv.form.leader'), children: dash(item.leaderName) },
    { key: 'project', label: t('sv.form.project'), children: item.projectId && item.projectName ? <Link to={link(`/projects/${item.projectId}`)}>{item.projectName}</Link> : '—' },
    ...(item.taskList ? [{ key: 'taskList', label: t('sv.form.taskList'), children: item.taskList }] : []),
    ...(item.description && item.description !== item.title ? [{ key: 'description', label: t('sv.form.description'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{item.description}</span> }] : []),
    ...(item.measures ? [{ key: 'measures', label: t('sv.form.measures'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{item.measures}</span> }] : []),
  ];
  const deadlines: DescriptionsProps['items'] = [
    { key: 'raisedOn', label: t('sv.item.raisedOn'), children: item.raisedOn },
    { key: 'assignDue', label: t('sv.item.assignDue'), children: item.assignDue },
    { key: 'assignedOn', label: t('sv.item.assignedOn'), children: dash(item.assignedOn) },
    { key: 'feedbackDue', label: t('sv.item.feedbackDue'), children: dash(item.feedbackDue) },
    { key: 'feedbackOn', label: t('sv.item.feedbackOn'), children: dash(item.feedbackOn) },
    {
      key: 'solveDue',
      label: t('sv.item.solveDue'),
      children: (
        <Space size={4} wrap>
          {dash(item.solveDue)}
          {item.extendedDue && <Tag>{t('sv.item.extended', { day: item.extendedDue })}</Tag>}
        </Space>
      ),
    },
    ...(item.planDue ? [{ key: 'plan', label: t('sv.item.plan'), children: `${item.planDue}：${dash(item.planText)}` }] : []),
    ...(item.closedOn ? [{ key: 'closedOn', label: t('sv.item.closedOn'), children: item.closedOn }] : []),
  ];
  const column = { xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 };
  return (
    <>
      <div style={{ marginBottom: 8 }}>{back}</div>
      <PageTitle
        title={item.title}
        sub={
          <Space size={6} wrap>
            <ItemStatusTag status={item.status} />
            {timer && <Typography.Text type={timer.late ? 'danger' : 'secondary'} strong={timer.late}>{timer.text}</Typography.Text>}
            {item.onMeetingList && <Tag color="red">{t('sv.onMeeting')}</Tag>}
            {item.reopenedCount > 0 && <Tag>{t('sv.item.reopened', { n: item.reopenedCount })}</Tag>}
            <Typography.Text type="secondary">{detail.workingDays ? t('sv.workingDays') : t('sv.calendarDays')}</Typography.Text>
          </Space>
        }
      />
      {detail.actions.length > 0 ? (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Space wrap>
            {detail.actions.map((a, i) => (
              <Button key={a} type={i === 0 ? 'primary' : 'default'} danger={a === 'return'} onClick={() => setActing(a)}>
                {word(i18n, 'sv.action', a)}
              </Button>
            ))}
          </Space>
        </Card>
      ) : (
        !detail.role && <Alert type="info" showIcon message={t('sv.item.readOnly')} style={{ marginBottom: 16 }} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={13}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small">
              <Descriptions size="small" title={t('sv.item.facts')} items={facts} column={column} bordered />
              <Descriptions size="small" title={t('sv.item.deadlines')} items={deadlines} column={column} bordered style={{ marginTop: 16 }} />
            </Card>
            {detail.letters.length > 0 && (
              <Card size="small" title={t('sv.item.letters')}>
                <Space direction="vertical">
                  {detail.letters.map((l) => (
                    <Link key={l.id} to={link(`/letters/${l.id}`)}>
                      <FileTextOutlined /> {t('sv.item.letterLine', { number: l.number, day: l.issuedOn, n: l.daysLate })}
                    </Link>
                  ))}
                </Space>
              </Card>
            )}
            <Card size="small" title={t('sv.item.evidence')}>
              {detail.attachments.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.noData')} />
              ) : (
                <Space wrap>
                  {detail.attachments.map((a) =>
                    a.mimeType.startsWith('image/') && a.mimeType !== 'image/heic' ? (
                      <a key={a.id} href={itemAttachmentUrl(a.id)} target="_blank" rel="noreferrer">
                        <img src={itemAttachmentUrl(a.id)} alt={a.fileName} className="evidence-thumb" />
                      </a>
                    ) : (
                      <a key={a.id} href={itemAttachmentUrl(a.id)} target="_blank" rel="noreferrer">
                        <PaperClipOutlined /> {a.fileName}
                      </a>
                    ),
                  )}
                </Space>
              )}
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={11}>
          <Card size="small" title={t('sv.item.history')}>
            <Timeline
              className="history"
              items={detail.history.map((e) => ({
                key: e.id,
                color: EVENT_COLOURS[e.kind] ?? 'blue',
                children: (
                  <div>
                    <div className="history-head">
                      <Typography.Text type="secondary">{dateTime(e.at)}</Typography.Text> <Typography.Text strong>{eventLabel(i18n, e.kind)}</Typography.Text>{' '}
                      <Typography.Text type="secondary">{e.userName ?? t('sv.item.system')}</Typography.Text>
                    </div>
                    {e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus && (
                      <div className="history-change">{t('sv.item.statusChange', { from: word(i18n, 'sv.status', e.fromStatus), to: word(i18n, 'sv.status', e.toStatus) })}</div>
                    )}
                    {e.due && <div className="history-change">{t('sv.item.due', { day: e.due })}</div>}
                    {e.note && <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div>}
                    {detail.attachments
                      .filter((a) => a.eventId === e.id)
                      .map((a) => (
                        <div key={a.id}>
                          <a href={itemAttachmentUrl(a.id)} target="_blank" rel="noreferrer">
                            <PaperClipOutlined /> {a.fileName}
                          </a>
                        </div>
                      ))}
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      {acting && (
        <ItemActionModal
          detail={detail}
          action={acting}
          onClose={() => setActing(undefined)}
          onDone={(d) => {
            setActing(undefined);
            setLatest(d);
          }}
        />
      )}
    </>
  );
}

// A new id is a new item: nothing of the previous one may linger while the next loads.
export function ItemRoute() {
  const { id = '' } = useParams();
  return <ItemPage key={id} />;
}
