// 招商线索 ledger: the county's leads with where each stands today, its amount, its team and unit, and whether a
// response timer is overdue; register a new lead; download the ledger.
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Drawer, Form, Input, InputNumber, Select, Space, Switch, Table, Tag, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { INVESTOR_ORIGIN_LABELS, INVESTOR_ORIGINS, LEAD_SOURCE_LABELS, LEAD_SOURCES, LEAD_STAGE_LABELS, LEAD_STATUSES, type LeadStatus } from '../../domain/attraction/lead.ts';
import { fromUnit } from '../../domain/money.ts';
import { ApiError } from '../api.ts';
import { LoadError, PageTitle } from '../components/common.tsx';
import { useAsync } from '../hooks/use-async.ts';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useSession } from '../hooks/session.tsx';
import { useI18n } from '../i18n.tsx';
import { attractionApi, downloadLeads, type LeadRow } from '../lib/attraction-api.ts';
import { wan } from '../lib/format.ts';
import { useFilters } from '../hooks/use-filters.ts';

export const STAGE_COLOURS: Record<LeadStatus, string> = {
  lead: 'default', negotiating: 'blue', signed: 'geekblue', registered: 'cyan', started: 'green', operating: 'lime', attained: 'gold', terminated: 'red',
};

interface NewLead {
  name: string;
  investor?: string;
  investorOrigin?: (typeof INVESTOR_ORIGINS)[number];
  chain?: string;
  townshipCode?: string;
  unitId?: string;
  team?: string;
  leaderIds?: string[];
  source: (typeof LEAD_SOURCES)[number];
  referrer?: string;
  intendedWan?: number;
  receivedOn: dayjs.Dayjs;
}

function NewLeadDrawer({ onClose, onCreated }: { onClose(): void; onCreated(id: string): void }) {
  const { county, context } = useSession();
  const { t } = useI18n();
  const [form] = Form.useForm<NewLead>();
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  const save = async (v: NewLead) => {
    setSaving(true);
    setProblem(undefined);
    try {
      const lead = await attractionApi.create({
        regionCode: county.code, name: v.name, investor: v.investor ?? null, investorOrigin: v.investorOrigin ?? null, chain: v.chain ?? null,
        townshipCode: v.townshipCode ?? null, unitId: v.unitId ?? null, team: v.team ?? null, leaderIds: v.leaderIds ?? [], source: v.source,
        referrer: v.referrer ?? null, intendedAmount: v.intendedWan ? fromUnit(v.intendedWan, '万元') : 0, receivedOn: v.receivedOn.format('YYYY-MM-DD'),
      });
      onCreated(lead.id);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setProblem(e.message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Drawer open title={t('lead.new')} onClose={onClose} width={Math.min(480, window.innerWidth)} extra={<Button type="primary" loading={saving} onClick={() => form.submit()}>{t('lead.save')}</Button>}>
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ source: 'byBusiness', receivedOn: dayjs() }} onFinish={(v) => void save(v)}>
        <Form.Item name="name" label={t('lead.name')} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="investor" label={t('lead.investor')}><Input /></Form.Item>
        <Form.Item name="investorOrigin" label={t('lead.origin')}><Select allowClear options={INVESTOR_ORIGINS.map((o) => ({ value: o, label: INVESTOR_ORIGIN_LABELS[o] }))} /></Form.Item>
        <Form.Item name="chain" label={t('lead.chain')}><Select allowClear showSearch options={context.chains.map((c) => ({ value: c, label: c }))} /></Form.Item>
        <Form.Item name="townshipCode" label={t('lead.township')}><Select allowClear options={context.townships.map((x) => ({ value: x.code, label: x.name }))} /></Form.Item>
        <Form.Item name="unitId" label={t('lead.unit')}><Select allowClear showSearch optionFilterProp="label" options={context.units.map((u) => ({ value: u.id, label: u.name }))} /></Form.Item>
        <Form.Item name="team" label={t('lead.team')}><Input /></Form.Item>
        <Form.Item name="leaderIds" label={t('lead.leaders')}><Select mode="multiple" allowClear optionFilterProp="label" options={context.leaders.map((l) => ({ value: l.id, label: l.name }))} /></Form.Item>
        <Form.Item name="source" label={t('lead.source')} rules={[{ required: true }]}><Select options={LEAD_SOURCES.map((s) => ({ value: s, label: LEAD_SOURCE_LABELS[s] }))} /></Form.Item>
        <Form.Item name="referrer" label={t('lead.referrer')}><Input /></Form.Item>
        <Form.Item name="intendedWan" label={`${t('lead.intended')}（万元）`}><InputNumber min={0} style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="receivedOn" label={t('lead.receivedOn')} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
      </Form>
    </Drawer>
  );
}

export function LeadsPage() {
  const { county, names, user } = useSession();
  const { t } = useI18n();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { params, update } = useFilters();
  const [creating, setCreating] = useState(false);
  const stage = params.get('stage') as LeadStatus | null;
  const overdueOnly = params.get('overdue') === '1';
  const q = params.get('q') ?? '';
  const canAdd = user.role !== 'viewer' && user.role !== 'leader';
  useDocumentTitle(t('lead.title'));
  const list = useAsync(() => attractionApi.leads(county.code), [county.code]);
  const set = (k: string, v: string | null) => update({ [k]: v });
  const rows = (list.data?.leads ?? []).filter((l) => (!stage || l.status === stage) && (!overdueOnly || l.overdue) && (!q || l.name.includes(q) || (l.investor ?? '').includes(q)));

  const columns: TableColumnsType<LeadRow> = [
    { key: 'name', title: t('lead.name'), width: 220, render: (_, l) => <Link to={`/leads/${l.id}`}>{l.name}</Link> },
    { key: 'stage', title: t('lead.stage'), width: 80, render: (_, l) => <Tag color={STAGE_COLOURS[l.status]}>{LEAD_STAGE_LABELS[l.status]}</Tag> },
    { key: 'amount', title: t('lead.amountWan'), width: 110, align: 'right', render: (_, l) => wan(l.amount) },
    { key: 'investor', title: t('lead.investor'), width: 200, dataIndex: 'investor' },
    { key: 'origin', title: t('lead.origin'), width: 70, render: (_, l) => (l.investorOrigin ? INVESTOR_ORIGIN_LABELS[l.investorOrigin] : '—') },
    { key: 'chain', title: t('lead.chain'), width: 100, render: (_, l) => l.chain ?? '—' },
    { key: 'team', title: t('lead.team'), width: 130, render: (_, l) => l.team ?? '—' },
    { key: 'unit', title: t('lead.unit'), width: 150, render: (_, l) => names.unit(l.unitId) },
    { key: 'leaders', title: t('lead.leaders'), width: 90, render: (_, l) => l.leaders.map((x) => x.name).join('、') || '—' },
    { key: 'receivedOn', title: t('lead.receivedOn'), width: 104, dataIndex: 'receivedOn' },
    { key: 'overdue', title: t('lead.overdue'), width: 70, render: (_, l) => (l.overdue ? <Tag color="red">{t('lead.overdue')}</Tag> : null) },
  ];

  return (
    <>
      <PageTitle
        title={t('lead.title')}
        sub={list.data ? t('lead.sub', { county: county.name, n: list.data.leads.length, day: list.data.day }) : undefined}
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} onClick={() => void downloadLeads(county.code).then((name) => message.success(name))}>{t('lead.export')}</Button>
            {canAdd && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('lead.new')}</Button>}
          </Space>
        }
      />
      {list.error && !list.data && <LoadError error={list.error} onRetry={list.reload} />}
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('lead.search')} defaultValue={q} onSearch={(v) => set('q', v || null)} style={{ width: 220 }} aria-label={t('lead.search')} />
        <Select
          allowClear
          placeholder={t('lead.allStages')}
          value={stage ?? undefined}
          onChange={(v?: string) => set('stage', v ?? null)}
          options={LEAD_STATUSES.map((s) => ({ value: s, label: LEAD_STAGE_LABELS[s] }))}
          style={{ width: 120 }}
          aria-label={t('lead.stage')}
        />
        <Space size={4}>
          <Switch size="small" checked={overdueOnly} onChange={(v) => set('overdue', v ? '1' : null)} aria-label={t('lead.overdueOnly')} />
          <span>{t('lead.overdueOnly')}</span>
        </Space>
      </Space>
      <Table<LeadRow> size="small" bordered rowKey="id" columns={columns} dataSource={rows} loading={list.loading} scroll={{ x: 1320 }} locale={{ emptyText: t('lead.empty') }} pagination={{ pageSize: 20, size: 'small', showTotal: (n) => t('ledger.total', { n }) }} />
      {creating && <NewLeadDrawer onClose={() => setCreating(false)} onCreated={(id) => navigate(`/leads/${id}`)} />}
    </>
  );
}
