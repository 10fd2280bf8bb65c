// 新闻线索: paste investment news, read it into candidate leads (region, project, event, amount, enterprise, each with
// the sentence it came from), and accept (after editing), or reject, each; accepted ones become leads.
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Segmented, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { NEWS_EVENTS } from '../../domain/attraction/news-reader.ts';
import { formatMoney, fromUnit } from '../../domain/money.ts';
import { ApiError } from '../api.ts';
import { LoadError, PageTitle } from '../components/common.tsx';
import { useAsync } from '../hooks/use-async.ts';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useSession } from '../hooks/session.tsx';
import { useI18n } from '../i18n.tsx';
import { attractionApi, type Candidate } from '../lib/attraction-api.ts';

type Status = 'pending' | 'accepted' | 'rejected';

function AcceptModal({ c, onClose, onDone }: { c: Candidate; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const { context } = useSession();
  const [form] = Form.useForm<{ project: string; enterprise?: string; amountWan?: number; event: (typeof NEWS_EVENTS)[number]; unitId?: string }>();
  const [problem, setProblem] = useState<string>();
  const save = async (v: { project: string; enterprise?: string; amountWan?: number; event: (typeof NEWS_EVENTS)[number]; unitId?: string }) => {
    try {
      await attractionApi.accept(c.id, { project: v.project, enterprise: v.enterprise ?? null, amount: v.amountWan === undefined || v.amountWan === null ? null : fromUnit(v.amountWan, '万元'), event: v.event, unitId: v.unitId ?? null });
      onDone();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setProblem(e.message);
    }
  };
  return (
    <Modal open title={t('news.acceptTitle')} onCancel={onClose} onOk={() => form.submit()} okText={t('news.accept')} cancelText={t('lead.cancel')} destroyOnHidden>
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary">{c.sentence}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} initialValues={{ project: c.project, enterprise: c.enterprise ?? undefined, amountWan: c.amount === null ? undefined : c.amount / 10_000, event: c.event }}>
        <Form.Item name="project" label={t('lead.name')} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="enterprise" label={t('news.enterprise')}><Input /></Form.Item>
        <Form.Item name="amountWan" label={`${t('news.amount')}（万元）`}><InputNumber min={0} style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="event" label={t('news.event')}><Select options={NEWS_EVENTS.map((e) => ({ value: e, label: e }))} /></Form.Item>
        <Form.Item name="unitId" label={t('lead.unit')}><Select allowClear showSearch optionFilterProp="label" options={context.units.map((u) => ({ value: u.id, label: u.name }))} /></Form.Item>
      </Form>
    </Modal>
  );
}

export function NewsPage() {
  const { county } = useSession();
  const { t } = useI18n();
  const { message } = App.useApp();
  const [status, setStatus] = useState<Status>('pending');
  const [text, setText] = useState('');
  const [reading, setReading] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [accepting, setAccepting] = useState<Candidate | null>(null);
  useDocumentTitle(t('news.title'));
  const list = useAsync(() => attractionApi.candidates(county.code, status), [county.code, status]);
  const read = async () => {
    setReading(true);
    setProblem(undefined);
    try {
      const r = await attractionApi.readNews(county.code, text);
      message.success(t('news.found', { n: r.candidates.length }));
      setText('');
      setStatus('pending');
      list.reload();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setProblem(e.message);
    } finally {
      setReading(false);
    }
  };
  const columns: TableColumnsType<Candidate> = [
    { key: 'project', title: t('lead.name'), width: 220, render: (_, c) => <span>{c.project}<br /><Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.articleTitle}{c.articleDate ? ` · ${c.articleDate}` : ''}</Typography.Text></span> },
    { key: 'place', title: t('news.place'), width: 90, render: (_, c) => c.placeName ?? '—' },
    { key: 'event', title: t('news.event'), width: 64, render: (_, c) => <Tag>{c.event}</Tag> },
    { key: 'amount', title: t('news.amount'), width: 90, align: 'right', render: (_, c) => (c.amount === null ? '—' : `${formatMoney(c.amount, '亿元')}亿元`) },
    { key: 'enterprise', title: t('news.enterprise'), width: 160, render: (_, c) => c.enterprise ?? '—' },
    { key: 'sentence', title: t('news.sentence'), width: 320, render: (_, c) => <Typography.Text style={{ fontSize: 12 }}>{c.sentence}</Typography.Text> },
    {
      key: 'act',
      title: '',
      width: 130,
      render: (_, c) =>
        c.status === 'pending' ? (
          <Space>
            <Button size="small" type="primary" onClick={() => setAccepting(c)}>{t('news.accept')}</Button>
            <Button size="small" onClick={() => void attractionApi.reject(c.id).then(list.reload)}>{t('news.reject')}</Button>
          </Space>
        ) : c.leadId ? <Link to={`/leads/${c.leadId}`}>{t('news.lead')}</Link> : null,
    },
  ];
  return (
    <>
      <PageTitle title={t('news.title')} sub={t('news.sub')} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Input.TextArea rows={4} value={text} onChange={(e) => setText(e.target.value)} aria-label={t('news.paste')} placeholder={t('news.paste')} />
        {problem && <Alert type="error" showIcon message={problem} style={{ marginTop: 8 }} />}
        <Button type="primary" style={{ marginTop: 8 }} loading={reading} disabled={!text.trim()} onClick={() => void read()}>{t('news.read')}</Button>
      </Card>
      <div style={{ overflowX: 'auto', marginBottom: 12 }}>
        <Segmented value={status} onChange={(v) => setStatus(v as Status)} options={(['pending', 'accepted', 'rejected'] as const).map((s) => ({ value: s, label: t(`news.${s}`) }))} />
      </div>
      {list.error && !list.data && <LoadError error={list.error} onRetry={list.reload} />}
      <Table<Candidate> size="small" bordered rowKey="id" columns={columns} dataSource={list.data?.candidates ?? []} loading={list.loading} scroll={{ x: 1080 }} pagination={{ pageSize: 20, size: 'small' }} />
      {accepting && <AcceptModal c={accepting} onClose={() => setAccepting(null)} onDone={() => { setAccepting(null); message.success(t('at.saved')); list.reload(); }} />}
    </>
  );
}
