// A lead's page: who and what, where it stands (its project's 开工/投产 included), its life move by move with the
// evidence, its response timers, its history; move it, record a follow-up, make it a pool project.
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Row, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { FOLLOW_UP_KINDS, FOLLOW_UP_LABELS, INVESTOR_ORIGIN_LABELS, LEAD_SOURCE_LABELS, LEAD_STAGE_LABELS, LEAD_STATUSES, SIGN_KIND_LABELS, SIGN_KINDS } from '../../domain/attraction/lead.ts';
import { LEAD_FIELD_LABELS } from '../../domain/attraction/lead-input.ts';
import { fromUnit } from '../../domain/money.ts';
import { ApiError } from '../api.ts';
import { LoadError, PageSkeleton, PageTitle } from '../components/common.tsx';
import { useAsync } from '../hooks/use-async.ts';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useSession } from '../hooks/session.tsx';
import { useI18n } from '../i18n.tsx';
import { attractionApi, type LeadDetail } from '../lib/attraction-api.ts';
import { dateTime, wanWithUnit } from '../lib/format.ts';
import { STAGE_COLOURS } from './LeadsPage.tsx';

type Action = 'move' | 'followUp' | 'convert' | null;

function ActionModal({ action, detail, onClose, onDone }: { action: Exclude<Action, null>; detail: LeadDetail; onClose(): void; onDone(): void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const id = detail.lead.id;
  const to = Form.useWatch('to', form) as string | undefined;
  const submit = async (v: Record<string, unknown>) => {
    setBusy(true);
    setProblem(undefined);
    try {
      const on = (v.on as dayjs.Dayjs | undefined)?.format('YYYY-MM-DD') ?? detail.day;
      if (action === 'move') {
        await attractionApi.move(id, {
          to: v.to as (typeof LEAD_STATUSES)[number], on, evidence: (v.evidence as string) ?? null, signKind: (v.signKind as 'framework' | 'formal' | undefined) ?? null,
          reason: (v.reason as string | undefined) ?? null, contractedAmount: v.contractedWan === undefined || v.contractedWan === null ? undefined : fromUnit(v.contractedWan as number, '万元'),
        });
      } else if (action === 'followUp') {
        await attractionApi.followUp(id, { kind: v.kind as (typeof FOLLOW_UP_KINDS)[number], on, note: (v.note as string) ?? '' });
      } else {
        await attractionApi.convert(id, { year: v.year as number | undefined, annualPlan: v.planWan ? fromUnit(v.planWan as number, '万元') : undefined });
      }
      onDone();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setProblem(e.message);
    } finally {
      setBusy(false);
    }
  };
  const title = action === 'move' ? t('lead.move') : action === 'followUp' ? t('lead.followUp') : t('lead.convert');
  return (
    <Modal open title={title} onCancel={onClose} onOk={() => form.submit()} okText={t('lead.save')} cancelText={t('lead.cancel')} confirmLoading={busy} destroyOnHidden>
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ on: dayjs(detail.day), kind: 'progress', year: Number(detail.day.slice(0, 4)) }}>
        {action === 'move' && (
          <>
            <Form.Item name="to" label={t('lead.to')} rules={[{ required: true }]}>
              <Select options={LEAD_STATUSES.filter((s) => s !== 'lead').map((s) => ({ value: s, label: LEAD_STAGE_LABELS[s] }))} />
            </Form.Item>
            {to === 'signed' && (
              <>
                <Form.Item name="signKind" label={t('lead.signKind')} rules={[{ required: true }]}><Select options={SIGN_KINDS.map((k) => ({ value: k, label: SIGN_KIND_LABELS[k] }))} /></Form.Item>
                <Form.Item name="contractedWan" label={`${t('lead.contracted')}（万元）`}><InputNumber min={0} style={{ width: '100%' }} /></Form.Item>
              </>
            )}
            {to === 'terminated' && <Form.Item name="reason" label={t('lead.reason')} rules={[{ required: true }]}><Input /></Form.Item>}
            <Form.Item name="on" label={t('lead.on')} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
            <Form.Item name="evidence" label={t('lead.evidence')} rules={[{ required: true }]}><Input.TextArea rows={2} /></Form.Item>
          </>
        )}
        {action === 'followUp' && (
          <>
            <Form.Item name="kind" label={t('lead.kind')} rules={[{ required: true }]}><Select options={FOLLOW_UP_KINDS.map((k) => ({ value: k, label: FOLLOW_UP_LABELS[k] }))} /></Form.Item>
            <Form.Item name="on" label={t('lead.on')} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
            <Form.Item name="note" label={t('lead.note')} rules={[{ required: true }]}><Input.TextArea rows={2} /></Form.Item>
          </>
        )}
        {action === 'convert' && (
          <>
            <Typography.Paragraph type="secondary">{t('lead.convertHint')}</Typography.Paragraph>
            <Form.Item name="year" label={t('lead.year')}><InputNumber min={2000} max={2100} style={{ width: '100%' }} addonAfter={lang === 'zh' ? '年' : ''} /></Form.Item>
            <Form.Item name="planWan" label={t('lead.annualPlan')}><InputNumber min={0} style={{ width: '100%' }} /></Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

export function LeadPage() {
  const { id = '' } = useParams();
  const { names } = useSession();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const detail = useAsync(() => attractionApi.lead(id), [id]);
  const [action, setAction] = useState<Action>(null);
  const d = detail.data;
  useDocumentTitle(d?.lead.name ?? t('lead.title'));
  if (detail.error && !d) return <LoadError error={detail.error} onRetry={detail.reload} />;
  if (!d) return <PageSkeleton />;
  const l = d.lead;
  const signedOrBeyond = ['signed', 'registered', 'started', 'operating', 'attained'].includes(l.status);
  const money = (v: number | null) => (v === null ? '—' : wanWithUnit(v, lang));

  return (
    <>
      <PageTitle
        title={<Space wrap>{l.name}<Tag color={STAGE_COLOURS[l.status]}>{LEAD_STAGE_LABELS[l.status]}</Tag>{l.overdue && <Tag color="red">{t('lead.overdue')}</Tag>}</Space>}
        sub={<Link to="/leads">{t('lead.title')}</Link>}
        extra={
          d.canEdit && (
            <Space wrap>
              {l.status !== 'terminated' && <Button type="primary" onClick={() => setAction('move')}>{t('lead.move')}</Button>}
              <Button onClick={() => setAction('followUp')}>{t('lead.followUp')}</Button>
              {signedOrBeyond && !l.projectId && <Button onClick={() => setAction('convert')}>{t('lead.convert')}</Button>}
            </Space>
          )
        }
      />
      {d.project && (
        <Alert type="success" showIcon style={{ marginBottom: 16 }} message={<span>{t('lead.project')}：<Link to={`/projects/${d.project.id}`}>{d.project.name}</Link>{d.project.startedOn ? ` · 开工 ${d.project.startedOn}` : ''}{d.project.operatingOn ? ` · 投产 ${d.project.operatingOn}` : ''}</span>} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small">
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
              <Descriptions.Item label={t('lead.investor')}>{l.investor ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('lead.origin')}>{l.investorOrigin ? `${INVESTOR_ORIGIN_LABELS[l.investorOrigin]}${l.investorPlace ? `（${l.investorPlace}）` : ''}` : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('lead.chain')}>{l.chain ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('lead.township')}>{names.township(l.townshipCode)}</Descriptions.Item>
              <Descriptions.Item label={t('lead.unit')}>{names.unit(l.unitId)}</Descriptions.Item>
              <Descriptions.Item label={t('lead.team')}>{l.team ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('lead.leaders')}>{l.leaders.map((x) => x.name).join('、') || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('lead.source')}>{LEAD_SOURCE_LABELS[l.source]}{l.sourceDetail ? `：${l.sourceDetail}` : ''}</Descriptions.Item>
              <Descriptions.Item label={t('lead.referrer')}>{l.referrer ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('lead.receivedOn')}>{l.receivedOn}</Descriptions.Item>
              <Descriptions.Item label={t('lead.intended')}>{money(l.intendedAmount)}</Descriptions.Item>
              <Descriptions.Item label={t('lead.contracted')}>{money(l.contractedAmount)}{l.signKind ? `（${SIGN_KIND_LABELS[l.signKind]}）` : ''}</Descriptions.Item>
              <Descriptions.Item label={t('lead.inPlace')}>{money(l.fundsInPlace)}</Descriptions.Item>
              <Descriptions.Item label={t('lead.expectedOutput')}>{money(l.expectedOutput)}</Descriptions.Item>
              {l.terminatedReason && <Descriptions.Item label={t('lead.reason')}>{l.terminatedReason}</Descriptions.Item>}
              {l.notes && <Descriptions.Item label={t('lead.notes')}>{l.notes}</Descriptions.Item>}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('lead.timers')}>
            <section aria-label={t('lead.timers')}>
              {l.timers.map((x) => (
                <div key={x.kind} style={{ marginBottom: 4 }}>
                  <Typography.Text strong>{FOLLOW_UP_LABELS[x.kind]}</Typography.Text> {t('lead.due', { day: x.dueOn })}{' '}
                  {x.doneOn ? <Tag color={x.doneOn > x.dueOn ? 'orange' : 'green'}>{t('lead.done', { day: x.doneOn })}</Tag> : x.overdue ? <Tag color="red">{t('lead.late', { n: x.daysOverdue })}</Tag> : <Tag>{t('lead.pending')}</Tag>}
                </div>
              ))}
            </section>
          </Card>
          <Card size="small" title={t('lead.life')} style={{ marginTop: 16 }}>
            <section aria-label={t('lead.life')}>
              <Timeline
                items={[
                  { color: 'gray', children: `${l.receivedOn} ${LEAD_STAGE_LABELS.lead}` },
                  ...d.events.map((e) => ({
                    color: e.kind === 'stage' ? (e.stage === 'terminated' ? 'red' : 'blue') : 'gray',
                    children: (
                      <span>
                        {e.on} {e.kind === 'stage' && e.stage ? `${LEAD_STAGE_LABELS[e.stage]}${e.signKind ? `（${SIGN_KIND_LABELS[e.signKind]}）` : ''}` : FOLLOW_UP_LABELS[e.kind as (typeof FOLLOW_UP_KINDS)[number]]}
                        {e.evidence && <Typography.Text type="secondary"> · {t('lead.evidence')}：{e.evidence}</Typography.Text>}
                        {e.note && <Typography.Text type="secondary"> · {e.note}</Typography.Text>}
                      </span>
                    ),
                  })),
                  ...(d.project?.startedOn ? [{ color: 'green', children: `${d.project.startedOn} ${LEAD_STAGE_LABELS.started}（${t('lead.project')}）` }] : []),
                  ...(d.project?.operatingOn ? [{ color: 'green', children: `${d.project.operatingOn} ${LEAD_STAGE_LABELS.operating}（${t('lead.project')}）` }] : []),
                ]}
              />
            </section>
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('lead.history')} style={{ marginTop: 16 }}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: 560 }}
          dataSource={d.history}
          columns={[
            { key: 'at', title: t('lead.on'), width: 140, render: (_, h) => dateTime(h.changedAt) },
            { key: 'field', title: t('lead.field'), width: 110, render: (_, h) => LEAD_FIELD_LABELS[h.field] ?? h.field },
            { key: 'change', title: t('lead.change'), render: (_, h) => `${h.before ?? '—'} → ${h.after ?? '—'}` },
            { key: 'who', title: t('lead.who'), width: 110, render: (_, h) => h.userName ?? '—' },
          ]}
        />
      </Card>
      {action && (
        <ActionModal
          action={action}
          detail={d}
          onClose={() => setAction(null)}
          onDone={() => {
            setAction(null);
            message.success(t('at.saved'));
            detail.reload();
          }}
        />
      )}
    </>
  );
}
