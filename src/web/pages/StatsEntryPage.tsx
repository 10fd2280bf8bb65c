// 开工未入库: the county's started projects of 500 万元 and more not yet in the statistics, longest waiting first, with
// months since the start and the red/yellow/green flag; the statistics office's next cut-offs, set by the dispatcher.
import { SettingOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, Grid, InputNumber, Modal, Row, Segmented, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { formatMoney } from '../../domain/money.ts';
import { STATS_ENTRY_THRESHOLD } from '../../domain/project/project.ts';
import { FLAG_COLOURS, type FlagColour } from '../../domain/stats-entry/unentered-flag.ts';
import { ApiError, call, client } from '../api.ts';
import { columnTitle, LoadError, PageTitle, StatCard } from '../components/common.tsx';
import { useAsOf } from '../hooks/use-as-of.ts';
import { useAsync } from '../hooks/use-async.ts';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useSession } from '../hooks/session.tsx';
import { useI18n } from '../i18n.tsx';
import { wan } from '../lib/format.ts';
import { FLAG_TAG_COLOURS, STATUS_TAG_COLOURS } from '../lib/stats-entry-view.ts';
import { useFilters, type FilterChanges } from '../hooks/use-filters.ts';

type ListQuery = Parameters<(typeof client)['stats-entry']['unentered']['$get']>[0]['query'];
const listOf = (query: ListQuery) => call(client['stats-entry'].unentered.$get({ query }));
type UnenteredList = Awaited<ReturnType<typeof listOf>>;
type Row = UnenteredList['rows'][number];

const PAGE_SIZES = [20, 50, 100];
const ACCENTS: Record<FlagColour, string> = { red: '#f5222d', yellow: '#faad14', green: '#52c41a' };

function CutOffModal({ region, days, onClose, onSaved }: { region: string; days: { materialsDay: number; verificationDay: number }; onClose(): void; onSaved(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ materialsDay: number; verificationDay: number }>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const save = async (v: { materialsDay: number; verificationDay: number }) => {
    setSaving(true);
    setProblem(undefined);
    try {
      await call(client['stats-entry']['cut-offs'].$put({ json: { region, ...v } }));
      message.success(t('se.saved'));
      onSaved();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setProblem(e.message);
    } finally {
      setSaving(false);
    }
  };
  const dayInput = <InputNumber min={1} max={28} precision={0} addonAfter={t('se.dayOfMonth')} style={{ width: '100%' }} />;
  return (
    <Modal title={t('se.setCutOffs')} open onCancel={onClose} onOk={() => form.submit()} okText={t('edit.save')} cancelText={t('edit.cancel')} confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={days} onFinish={(v) => void save(v)}>
        {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 12 }} />}
        <Form.Item name="materialsDay" label={t('se.materialsDay')} rules={[{ required: true }]}>
          {dayInput}
        </Form.Item>
        <Form.Item name="verificationDay" label={t('se.verificationDay')} rules={[{ required: true }]}>
          {dayInput}
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function StatsEntryPage() {
  const { county, context, user, names } = useSession();
  const { asOf, link } = useAsOf();
  const i18n = useI18n();
  const { t } = i18n;
  const phone = !Grid.useBreakpoint().md;
  const { params, update: change } = useFilters();
  const [settingCutOffs, setSettingCutOffs] = useState(false);
  const reporter = user.role === 'reporter';
  const keeper = user.role === 'admin' || user.role === 'dispatcher';
  useDocumentTitle(t('se.pageTitle'));

  const colourParam = params.get('colour');
  const colour = FLAG_COLOURS.includes(colourParam as FlagColour) ? (colourParam as FlagColour) : undefined;
  const unit = reporter ? undefined : params.get('unit') || undefined;
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const pageSize = PAGE_SIZES.includes(Number(params.get('pageSize'))) ? Number(params.get('pageSize')) : 20;
  const query: ListQuery = { region: county.code, asOf, colour, unit, page: String(page), pageSize: String(pageSize) };
  const list = useAsync(() => listOf(query), [JSON.stringify(query)]);
  // Another filter is another list: start again at its first page.
  const update = (changes: FilterChanges) => change('page' in changes ? changes : { ...changes, page: null });

  const data = list.data;
  const threshold = i18n.lang === 'zh' ? `${formatMoney(STATS_ENTRY_THRESHOLD, '万元')}万元` : `${formatMoney(STATS_ENTRY_THRESHOLD, '万元')} ×10k yuan`;
  const columns: TableColumnsType<Row> = [
    {
      key: 'name',
      title: t('lcol.name'),
      width: 230,
      fixed: phone ? undefined : 'left',
      render: (_, r) => <Link to={link(`/projects/${r.id}`)}>{r.name}</Link>,
    },
    { key: 'unit', title: t('lcol.unit'), width: 140, render: (_, r) => names.unit(r.unitId) },
    { key: 'township', title: t('lcol.township'), width: 104, render: (_, r) => names.township(r.townshipCode) },
    { key: 'total', title: columnTitle(t('lcol.totalInvestment')), width: 112, align: 'right', onCell: () => ({ className: 'nowrap' }), render: (_, r) => wan(r.totalInvestment) },
    { key: 'startedOn', title: t('lcol.startedOn'), width: 108, onCell: () => ({ className: 'nowrap' }), render: (_, r) => r.startedOn },
    { key: 'months', title: t('se.col.months'), width: 88, align: 'right', onCell: () => ({ className: 'nowrap' }), render: (_, r) => t('se.monthsValue', { n: r.months }) },
    { key: 'flag', title: t('se.col.flag'), width: 72, onCell: () => ({ className: 'nowrap' }), render: (_, r) => <Tag color={FLAG_TAG_COLOURS[r.colour]}>{t(`se.colour.${r.colour}`)}</Tag> },
    {
      key: 'status',
      title: t('se.status'),
      width: 132,
      onCell: () => ({ className: 'nowrap' }),
      render: (_, r) => (
        <span>
          <Tag color={STATUS_TAG_COLOURS[r.statsEntry]}>{i18n.statsEntry(r.statsEntry)}</Tag>
          {r.statusOn && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.statusOn.slice(5)}</Typography.Text>}
        </span>
      ),
    },
    {
      key: 'materials',
      title: t('se.col.materials'),
      width: 72,
      align: 'right',
      onCell: () => ({ className: 'nowrap' }),
      render: (_, r) => <Typography.Text type={r.materialsDone === 4 ? 'success' : r.materialsDone === 0 ? 'danger' : undefined}>{r.materialsDone}/4</Typography.Text>,
    },
  ];

  return (
    <>
      <PageTitle
        title={t('se.pageTitle')}
        sub={data ? t('se.pageSub', { day: data.day, threshold }) : undefined}
        extra={
          keeper && data ? (
            <Button icon={<SettingOutlined />} onClick={() => setSettingCutOffs(true)}>
              {t('se.setCutOffs')}
            </Button>
          ) : undefined
        }
      />
      {list.error && !data && <LoadError error={list.error} onRetry={list.reload} />}
      {data && (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          {FLAG_COLOURS.map((c) => (
            <Col key={c} xs={8} lg={5}>
              <StatCard title={t(`se.colour.${c}`)} value={t('common.items', { n: data.counts[c] })} accent={ACCENTS[c]} />
            </Col>
          ))}
          <Col xs={24} lg={9}>
            <Card size="small" className="stat-card" style={{ height: '100%' }}>
              <section aria-label={t('se.cutOffs')}>
                <div className="stat-title">{t('se.cutOffs')}</div>
                <Space direction="vertical" size={0}>
                  <span>{t('se.materialsBy', { day: data.cutOffs.materialsBy })}</span>
                  <span>{t('se.verificationBy', { day: data.cutOffs.verificationBy })}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('se.cutOffRule', { m: data.cutOffs.materialsDay, v: data.cutOffs.verificationDay })}
                  </Typography.Text>
                </Space>
              </section>
            </Card>
          </Col>
        </Row>
      )}
      <Alert type="info" showIcon message={t('se.rule')} style={{ marginBottom: 12 }} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          value={colour ?? 'all'}
          onChange={(v) => update({ colour: v === 'all' ? undefined : String(v) })}
          options={[{ value: 'all', label: t('se.all') }, ...FLAG_COLOURS.map((c) => ({ value: c, label: t(`se.colour.${c}`) }))]}
        />
        {!reporter && (
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('ledger.unit')}
            value={unit}
            onChange={(v?: string) => update({ unit: v })}
            options={context.units.map((u) => ({ value: u.id, label: u.name }))}
            style={{ minWidth: 180 }}
            aria-label={t('ledger.unit')}
          />
        )}
      </Space>
      <Table<Row>
        size="small"
        bordered
        rowKey="id"
        columns={columns}
        dataSource={data?.rows ?? []}
        loading={list.loading}
        scroll={{ x: 1058 }}
        locale={{ emptyText: t('se.empty') }}
        pagination={{
          current: page,
          pageSize,
          total: data?.matching ?? 0,
          showSizeChanger: !phone,
          pageSizeOptions: PAGE_SIZES,
          showTotal: (n) => t('se.total', { n }),
          size: phone ? 'small' : 'default',
          showLessItems: phone,
          onChange: (p, size) => update({ page: p === 1 ? undefined : p, pageSize: size === 20 ? undefined : size }),
        }}
      />
      {settingCutOffs && data && (
        <CutOffModal
          region={county.code}
          days={{ materialsDay: data.cutOffs.materialsDay, verificationDay: data.cutOffs.verificationDay }}
          onClose={() => setSettingCutOffs(false)}
          onSaved={() => {
            setSettingCutOffs(false);
            list.reload();
          }}
        />
      )}
    </>
  );
}
