// 三个一批: a year's numbered events with their date and venue; per category (签约/开工/投产一批) count, total investment
// and expected output; the follow-up of each batch's projects (开工率, 投产率, 达效率, as Taiyuan publishes them).
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Empty, Form, Input, InputNumber, Modal, Row, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { BATCH_CATEGORIES, BATCH_CATEGORY_LABELS } from '../../domain/attraction/batch-follow-up.ts';
import { formatRate } from '../../domain/format.ts';
import { formatMoney } from '../../domain/money.ts';
import { ApiError } from '../api.ts';
import { LoadError, PageTitle } from '../components/common.tsx';
import { useAsOf } from '../hooks/use-as-of.ts';
import { useAsync } from '../hooks/use-async.ts';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useSession } from '../hooks/session.tsx';
import { useI18n } from '../i18n.tsx';
import { attractionApi, type Batch } from '../lib/attraction-api.ts';

const yi = (v: number) => formatMoney(v, '亿元');

function NewBatch({ region, onClose, onDone }: { region: string; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ title: string; heldOn: dayjs.Dayjs; edition?: number; venue?: string }>();
  const [problem, setProblem] = useState<string>();
  const save = async (v: { title: string; heldOn: dayjs.Dayjs; edition?: number; venue?: string }) => {
    try {
      await attractionApi.createBatch({ region, title: v.title, heldOn: v.heldOn.format('YYYY-MM-DD'), edition: v.edition ?? null, venue: v.venue ?? null });
      onDone();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setProblem(e.message);
    }
  };
  return (
    <Modal open title={t('batch.new')} onCancel={onClose} onOk={() => form.submit()} okText={t('lead.save')} cancelText={t('lead.cancel')} destroyOnHidden>
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
        <Form.Item name="title" label={t('batch.title')} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="heldOn" label={t('batch.heldOn')} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="edition" label={t('batch.edition')}><InputNumber min={1} max={99} style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="venue" label={t('batch.venue')}><Input /></Form.Item>
      </Form>
    </Modal>
  );
}

function BatchCard({ b }: { b: Batch }) {
  const { t } = useI18n();
  const f = b.followUp;
  return (
    <Card size="small" title={<Space wrap>{b.heldOn}<span>{b.title}</span>{b.edition && <Tag>{t('batch.editionLabel', { n: b.edition })}</Tag>}</Space>} extra={b.venue} style={{ marginBottom: 16 }}>
      <section aria-label={`${b.heldOn} ${b.title}`}>
        <Table
          size="small"
          pagination={false}
          rowKey="kind"
          scroll={{ x: 420 }}
          dataSource={BATCH_CATEGORIES.map((k) => ({ kind: k, ...f.categories[k] }))}
          columns={[
            { key: 'kind', title: t('batch.kind'), render: (_, r) => BATCH_CATEGORY_LABELS[r.kind] },
            { key: 'count', title: t('col.count'), align: 'right', dataIndex: 'count' },
            { key: 'total', title: t('batch.totalYi'), align: 'right', render: (_, r) => yi(r.totalInvestment) },
            { key: 'output', title: t('batch.outputYi'), align: 'right', render: (_, r) => yi(r.expectedOutput) },
          ]}
        />
        <Row gutter={[8, 8]} style={{ marginTop: 8 }}>
          {([['batch.startRate', f.startRate], ['batch.operatingRate', f.operatingRate], ['batch.attainmentRate', f.attainmentRate]] as const).map(([label, r]) => (
            <Col key={label} xs={24} sm={8}>
              <Typography.Text type="secondary">{t(label)}</Typography.Text> <Typography.Text strong>{formatRate(r.value)}</Typography.Text>
            </Col>
          ))}
        </Row>
        <details style={{ marginTop: 8 }}>
          <summary>{t('batch.items')}（{b.items.length}）</summary>
          <ul style={{ paddingLeft: 20, margin: '4px 0 0' }}>
            {b.items.map((i) => (
              <li key={`${i.kind}-${i.projectId ?? i.leadId}`}>
                <Tag>{BATCH_CATEGORY_LABELS[i.kind]}</Tag>
                {i.projectId ? <Link to={`/projects/${i.projectId}`}>{i.name}</Link> : i.leadId ? <Link to={`/leads/${i.leadId}`}>{i.name}</Link> : i.name} · {yi(i.totalInvestment)}亿元
              </li>
            ))}
          </ul>
        </details>
      </section>
    </Card>
  );
}

export function BatchesPage() {
  const { county, user } = useSession();
  const { asOf } = useAsOf();
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const year = Number(params.get('year')) || Number(asOf.slice(0, 4));
  const keeper = user.role === 'admin' || user.role === 'dispatcher';
  useDocumentTitle(t('batch.pageTitle'));
  const list = useAsync(() => attractionApi.batches(county.code, year), [county.code, year]);
  return (
    <>
      <PageTitle
        title={t('batch.pageTitle')}
        sub={list.data ? t('batch.pageSub', { county: county.name, day: list.data.day }) : undefined}
        extra={
          <Space wrap>
            <InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setParams({ year: String(v) })} addonAfter={lang === 'zh' ? '年' : ''} style={{ width: 120 }} aria-label={t('at.year')} />
            {keeper && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('batch.new')}</Button>}
          </Space>
        }
      />
      {list.error && !list.data && <LoadError error={list.error} onRetry={list.reload} />}
      {list.data && list.data.batches.length === 0 && <Empty description={t('batch.none')} />}
      {list.data?.batches.map((b) => <BatchCard key={b.id} b={b} />)}
      {creating && <NewBatch region={county.code} onClose={() => setCreating(false)} onDone={() => { setCreating(false); list.reload(); }} />}
    </>
  );
}
