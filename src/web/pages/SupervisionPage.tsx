// 督办台账, the dispatcher's board: items by unit and status, overdue first, in the four ledgers counties keep (督办事项,
// 问题, 整改, 任务); new items, a task list read in, and the ledger printed to Excel.
import { DownloadOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, Input, Modal, Row, Segmented, Select, Space, Switch, Table, Typography, Upload, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../api.ts';
import { ItemCreateModal } from '../components/ItemForms.tsx';
import { ItemList } from '../components/ItemList.tsx';
import { LoadError, PageTitle, StatCard } from '../components/common.tsx';
import { UnitFilter } from '../components/UnitFilter.tsx';
import { useAsOf } from '../hooks/use-as-of.ts';
import { useAsync } from '../hooks/use-async.ts';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useFilters } from '../hooks/use-filters.ts';
import { useSession } from '../hooks/session.tsx';
import { useI18n } from '../i18n.tsx';
import { downloadItemLedger, importTaskSheet, supervisionApi, type Board, type BoardQuery } from '../lib/supervision-api.ts';
import { word } from '../lib/supervision-view.ts';

const VIEWS = ['all', 'problems', 'rectification', 'tasks'] as const;
const STATUSES = ['all', 'open', 'overdue', 'raised', 'closeRequested', 'closed'] as const;

function ImportModal({ region, onClose, onDone }: { region: string; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File>();
  const [skip, setSkip] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ message: string; rows: string[]; ok: boolean }>();
  const run = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const r = await importTaskSheet(region, file, skip);
      const rows = r.rejected.map((x) => t('sv.row', x));
      setResult(r.committed ? { ok: true, message: t('sv.imported', { n: r.imported }), rows } : { ok: false, message: t('sv.importRefused', { n: r.rejected.length }), rows });
      if (r.committed) onDone();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setResult({ ok: false, message: e.message, rows: e.details.map((d) => d.message).filter((m) => m !== e.message) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title={t('sv.import')} open onCancel={onClose} onOk={() => void run()} okButtonProps={{ disabled: !file }} confirmLoading={busy} okText={t('sv.form.submit')} cancelText={t('sv.form.cancel')}>
      <Typography.Paragraph type="secondary">{t('sv.importHint')}</Typography.Paragraph>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Upload accept=".xlsx" maxCount={1} beforeUpload={(f) => (setFile(f), false)} onRemove={() => setFile(undefined)}>
          <Button icon={<ImportOutlined />}>{t('sv.import')}</Button>
        </Upload>
        <Checkbox checked={skip} onChange={(e) => setSkip(e.target.checked)}>
          {t('sv.skipInvalid')}
        </Checkbox>
        {result && (
          <Alert
            type={result.ok ? 'success' : 'error'}
            showIcon
            message={result.message}
            description={result.rows.length > 0 ? <ul className="problem-list">{result.rows.map((r) => <li key={r}>{r}</li>)}</ul> : undefined}
          />
        )}
      </Space>
    </Modal>
  );
}

export function SupervisionPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { county, user } = useSession();
  const { link } = useAsOf();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { params, update } = useFilters();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  useDocumentTitle(t('sv.title'));
  const keeper = user.role === 'admin' || user.role === 'dispatcher';

  const view = (VIEWS as readonly string[]).includes(params.get('view') ?? '') ? (params.get('view') as (typeof VIEWS)[number]) : 'all';
  const statusParam = params.get('status') ?? 'all';
  const status = (STATUSES as readonly string[]).includes(statusParam) ? (statusParam as (typeof STATUSES)[number]) : 'all';
  const unit = params.get('unit') ?? undefined;
  const meeting = params.get('meeting') === 'true';
  const q = params.get('q') ?? undefined;
  const query: BoardQuery = { region: county.code, view, status: status === 'all' ? undefined : status, unit, meeting: meeting ? 'true' : undefined, q };
  const board = useAsync(() => supervisionApi.board(query), [JSON.stringify(query)]);
  const data: Board | undefined = board.data;

  // The counts keep their headers on one line and take what they need; the unit's name wraps in the rest.
  const unitColumns: TableColumnsType<Board['byUnit'][number]> = [
    {
      key: 'unit',
      title: t('sv.col.unit'),
      render: (_, r) => (
        <Button type="link" size="small" className="wrap-link" onClick={() => update({ unit: r.unitId ?? undefined })}>
          {r.unitName ?? t('sv.unassigned')}
        </Button>
      ),
    },
    { key: 'open', title: t('sv.col.open'), align: 'right', className: 'nowrap', render: (_, r) => r.open },
    { key: 'overdue', title: t('sv.col.overdue'), align: 'right', className: 'nowrap', render: (_, r) => (r.overdue > 0 ? <Typography.Text type="danger" strong>{r.overdue}</Typography.Text> : 0) },
    { key: 'closed', title: t('sv.col.closed'), align: 'right', className: 'nowrap', render: (_, r) => r.closed },
  ];

  return (
    <>
      <PageTitle
        title={t('sv.title')}
        sub={data ? t('sv.sub', { county: county.name, day: data.day }) : undefined}
        extra={
          <Space wrap>
            {data?.canCreate && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('sv.new')}
              </Button>
            )}
            {keeper && (
              <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
                {t('sv.import')}
              </Button>
            )}
            <Button
              icon={<DownloadOutlined />}
              onClick={() =>
                void downloadItemLedger(query, `${county.name}${t(`sv.view.${view}`)}.xlsx`).then(
                  (name) => message.success(t('ledger.exportedFile', { name })),
                  (e: Error) => message.error(e.message),
                )
              }
            >
              {t('sv.export')}
            </Button>
          </Space>
        }
      />
      {board.error && !data && <LoadError error={board.error} onRetry={board.reload} />}
      {data && (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <Col xs={8} lg={4}>
            <StatCard title={t('sv.open')} value={t('common.items', { n: data.counts.open ?? 0 })} accent="#1677ff" />
          </Col>
          <Col xs={8} lg={4}>
            <StatCard title={t('sv.overdue')} value={t('common.items', { n: data.counts.overdue ?? 0 })} accent="#f5222d" />
          </Col>
          <Col xs={8} lg={4}>
            <StatCard title={t('sv.meeting')} value={t('common.items', { n: data.counts.meeting ?? 0 })} accent="#722ed1" />
          </Col>
          <Col xs={8} lg={4}>
            <StatCard title={word(i18n, 'sv.status', 'raised')} value={t('common.items', { n: data.counts.raised ?? 0 })} accent="#eb2f96" />
          </Col>
          <Col xs={8} lg={4}>
            <StatCard title={word(i18n, 'sv.status', 'closeRequested')} value={t('common.items', { n: data.counts.closeRequested ?? 0 })} accent="#faad14" />
          </Col>
          <Col xs={8} lg={4}>
            <StatCard title={t('sv.closedFilter')} value={t('common.items', { n: data.counts.closed ?? 0 })} accent="#52c41a" />
          </Col>
        </Row>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card size="small">
            <Space wrap style={{ marginBottom: 12 }}>
              <Segmented value={view} onChange={(v) => update({ view: v === 'all' ? undefined : String(v) })} options={VIEWS.map((v) => ({ value: v, label: t(`sv.view.${v}`) }))} />
              <Select
                value={status}
                onChange={(v: string) => update({ status: v === 'all' ? undefined : v })}
                options={STATUSES.map((s) => ({ value: s, label: s === 'all' ? t('sv.all') : s === 'open' ? t('sv.open') : s === 'overdue' ? t('sv.overdue') : word(i18n, 'sv.status', s) }))}
                style={{ width: 120 }}
                aria-label={t('sv.col.status')}
              />
              {user.role !== 'reporter' && (
                <UnitFilter value={unit} onChange={(v) => update({ unit: v })} />
              )}
              <Space size={4}>
                <Switch size="small" checked={meeting} onChange={(v) => update({ meeting: v ? 'true' : undefined })} aria-label={t('sv.meeting')} />
                <Typography.Text title={t('sv.meetingHint')}>{t('sv.meeting')}</Typography.Text>
              </Space>
              <Input.Search allowClear defaultValue={q} placeholder={t('sv.search')} onSearch={(v) => update({ q: v || undefined })} style={{ width: 200 }} />
            </Space>
            <ItemList items={data?.items ?? []} loading={board.loading} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('sv.byUnit')}>
            <Table size="small" rowKey={(r) => r.unitId ?? '-'} columns={unitColumns} dataSource={data?.byUnit ?? []} pagination={false} />
          </Card>
        </Col>
      </Row>
      {creating && (
        <ItemCreateModal
          region={county.code}
          onClose={() => setCreating(false)}
          onDone={(d) => {
            setCreating(false);
            navigate(link(`/items/${d.item.id}`));
          }}
        />
      )}
      {importing && (
        <ImportModal
          region={county.code}
          onClose={() => setImporting(false)}
          onDone={() => board.reload()}
        />
      )}
    </>
  );
}
