// 项目台账: the ledger with filters, search, server-side sort and paging, a column chooser, and the CSV and Excel exports of the current view.
import { DownloadOutlined, FileExcelOutlined, SettingOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Col, Grid, Input, Popover, Row, Select, Space, Table, Tag, Tooltip, type TableColumnsType, type TablePaginationConfig } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useEffect, useMemo, useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { PHASES, STAGES, type Phase, type Stage } from '../../domain/project/project.ts';
import { api, ApiError, type ProjectListQuery, type ProjectListRow } from '../api.ts';
import { columnTitle, LoadError, PageTitle } from '../components/common.tsx';
import { CompletenessTags } from '../components/CompletenessTags.tsx';
import { useAsOf } from '../hooks/use-as-of.ts';
import { useAsync } from '../hooks/use-async.ts';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useSession, type Session } from '../hooks/session.tsx';
import { useI18n, type I18n } from '../i18n.tsx';
import { csvCell, csvText, downloadText } from '../lib/csv.ts';
import { downloadFile, exportLedgerPath } from '../lib/ledger-files.ts';
import { rememberLedgerView } from '../lib/ledger-view.ts';
import { wan, wanPlain } from '../lib/format.ts';
import { useFilters, type FilterChanges } from '../hooks/use-filters.ts';

type SortKey = NonNullable<ProjectListQuery['sort']>;

const COLUMN_KEYS = [
  'name', 'projectCode', 'owner', 'township', 'chain', 'phase', 'stage', 'totalInvestment', 'annualPlan', 'completedYtd', 'startedOn', 'leader', 'unit', 'statsEntry',
] as const;
type ColumnKey = (typeof COLUMN_KEYS)[number];

// The 24-character code is for looking a project up (the search covers it); hidden at first so the amounts fit a desktop screen.
const DEFAULT_HIDDEN: ColumnKey[] = ['projectCode'];
const COLUMNS_KEY = 'tiaodu.ledger.columns';
const FILTER_KEYS = ['q', 'phase', 'stage', 'township', 'chain', 'unit', 'leader'] as const;
const SORT_KEYS: readonly SortKey[] = ['name', 'totalInvestment', 'annualPlan', 'completedYtd', 'startedOn', 'stage', 'township', 'updatedAt'];
const EXPORT_PAGE_SIZE = 500;

interface ColumnDef {
  key: ColumnKey;
  title: string;
  sortKey?: SortKey;
  width: number;
  align?: 'right';
  /** Amounts, dates and short codes stay on one line; names may wrap. */
  nowrap?: boolean;
  /** The cell as text: the same words in the table and in the CSV. */
  text(row: ProjectListRow): string;
  /** The CSV cell, when it differs from the table (numbers without grouping). */
  csv?(row: ProjectListRow): string;
  kind?: 'number';
}

function columnDefs(i18n: I18n, session: Session, asOf: string): ColumnDef[] {
  const { t } = i18n;
  const { names } = session;
  const dash = (v: string | null) => v || '—';
  return [
    { key: 'name', title: t('lcol.name'), sortKey: 'name', width: 230, text: (r) => r.project.name },
    { key: 'projectCode', title: t('lcol.projectCode'), width: 210, nowrap: true, text: (r) => dash(r.project.projectCode) },
    { key: 'owner', title: t('lcol.owner'), width: 170, text: (r) => dash(r.project.owner) },
    { key: 'township', title: t('lcol.township'), sortKey: 'township', width: 104, text: (r) => names.township(r.project.townshipCode) },
    { key: 'chain', title: t('lcol.chain'), width: 96, text: (r) => dash(r.project.chain) },
    { key: 'phase', title: t('lcol.phase'), width: 64, nowrap: true, text: (r) => i18n.phase(r.phase) },
    { key: 'stage', title: t('lcol.stage'), sortKey: 'stage', width: 88, nowrap: true, text: (r) => i18n.stage(r.project.stage) },
    { key: 'totalInvestment', title: t('lcol.totalInvestment'), sortKey: 'totalInvestment', width: 112, align: 'right', kind: 'number', nowrap: true, text: (r) => wan(r.project.totalInvestment), csv: (r) => wanPlain(r.project.totalInvestment) },
    { key: 'annualPlan', title: t('lcol.annualPlan'), sortKey: 'annualPlan', width: 112, align: 'right', kind: 'number', nowrap: true, text: (r) => wan(r.annualPlan), csv: (r) => wanPlain(r.annualPlan) },
    { key: 'completedYtd', title: t('lcol.completedYtd', { period: i18n.period(asOf) }), sortKey: 'completedYtd', width: 112, align: 'right', kind: 'number', nowrap: true, text: (r) => wan(r.completedYtd), csv: (r) => wanPlain(r.completedYtd) },
    { key: 'startedOn', title: t('lcol.startedOn'), sortKey: 'startedOn', width: 108, nowrap: true, text: (r) => dash(r.project.startedOn), csv: (r) => r.project.startedOn ?? '' },
    { key: 'leader', title: t('lcol.leader'), width: 84, text: (r) => (r.project.leaderIds.length > 0 ? r.project.leaderIds.map((id) => names.leader(id)).join('、') : '—') },
    { key: 'unit', title: t('lcol.unit'), width: 140, text: (r) => names.unit(r.project.unitId) },
    { key: 'statsEntry', title: t('lcol.statsEntry'), width: 96, nowrap: true, text: (r) => i18n.statsEntry(r.project.statsEntry) },
  ];
}

function storedVisible(): Set<ColumnKey> {
  try {
    const raw = localStorage.getItem(COLUMNS_KEY);
    if (raw) {
      const keys = (JSON.parse(raw) as unknown[]).filter((k): k is ColumnKey => COLUMN_KEYS.includes(k as ColumnKey));
      return new Set<ColumnKey>(['name', ...keys]);
    }
  } catch {
    // A damaged setting falls back to the default columns.
  }
  return new Set(COLUMN_KEYS.filter((k) => !DEFAULT_HIDDEN.includes(k)));
}

function useLedgerQuery(region: string, asOf: string) {
  const { params, update: change } = useFilters();
  const get = (k: string) => params.get(k) || undefined;
  const sortParam = get('sort') as SortKey | undefined;
  const query: ProjectListQuery = {
    region,
    asOf,
    q: get('q'),
    phase: PHASES.includes(get('phase') as Phase) ? (get('phase') as Phase) : undefined,
    stage: STAGES.includes(get('stage') as Stage) ? (get('stage') as Stage) : undefined,
    township: get('township'),
    chain: get('chain'),
    unit: get('unit'),
    leader: get('leader'),
    sort: sortParam && SORT_KEYS.includes(sortParam) ? sortParam : 'totalInvestment',
    order: get('order') === 'asc' ? 'asc' : 'desc',
    page: Math.max(1, Number(get('page') ?? 1) || 1),
    pageSize: [20, 50, 100].includes(Number(get('pageSize'))) ? Number(get('pageSize')) : 20,
  };
  const update = (changes: FilterChanges, resetPage = true) => change(resetPage && !('page' in changes) ? { ...changes, page: null } : changes);
  return { query, update, params };
}

export function LedgerPage() {
  const session = useSession();
  const { county, context, user } = session;
  const { asOf, link } = useAsOf();
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const phone = !Grid.useBreakpoint().md;
  const { query, update } = useLedgerQuery(county.code, asOf);
  const location = useLocation();
  const [visible, setVisible] = useState<Set<ColumnKey>>(storedVisible);
  const [exporting, setExporting] = useState(false);
  const [exportingExcel, setExportingExcel] = useState(false);
  const [search, setSearch] = useState(query.q ?? '');
  const reporter = user.role === 'reporter';

  useEffect(() => setSearch(query.q ?? ''), [query.q]);
  useDocumentTitle(t('ledger.title'));
  // The project page's "back" returns to this very view: same filters, sort and page.
  useEffect(() => rememberLedgerView(location.search), [location.search]);

  const list = useAsync(() => api.projects(query), [JSON.stringify(query)]);
  const defs = useMemo(() => columnDefs(i18n, session, asOf), [i18n, session, asOf]);
  const shown = defs.filter((d) => visible.has(d.key));

  const saveVisible = (keys: ColumnKey[]) => {
    const next = new Set<ColumnKey>(['name', ...keys]);
    setVisible(next);
    try {
      localStorage.setItem(COLUMNS_KEY, JSON.stringify([...next]));
    } catch {
      // Without storage the choice lasts for the visit.
    }
  };

  const columns: TableColumnsType<ProjectListRow> = shown.map((d) => ({
    key: d.key,
    title: columnTitle(d.title),
    width: d.width,
    align: d.align,
    onCell: d.nowrap ? () => ({ className: 'nowrap' }) : undefined,
    fixed: d.key === 'name' && !phone ? 'left' : undefined,
    sorter: d.sortKey ? true : undefined,
    sortOrder: d.sortKey && query.sort === d.sortKey ? (query.order === 'asc' ? 'ascend' : 'descend') : null,
    render: (_: unknown, row: ProjectListRow) =>
      d.key === 'name' ? <Link to={link(`/projects/${encodeURIComponent(row.project.id)}`)}>{row.project.name}</Link> : d.text(row),
  }));

  const onTableChange = (p: TablePaginationConfig, _f: unknown, sorter: SorterResult<ProjectListRow> | SorterResult<ProjectListRow>[]) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const def = defs.find((d) => d.key === s?.columnKey);
    const sortChanged = (def?.sortKey ?? 'totalInvestment') !== query.sort || (s?.order === 'ascend' ? 'asc' : 'desc') !== query.order;
    update(
      {
        page: sortChanged || p.pageSize !== query.pageSize ? 1 : p.current,
        pageSize: p.pageSize,
        sort: s?.order && def?.sortKey ? def.sortKey : undefined,
        order: s?.order && def?.sortKey ? (s.order === 'ascend' ? 'asc' : 'desc') : undefined,
      },
      false,
    );
  };

  const exportCsv = async () => {
    setExporting(true);
    try {
      const rows: ProjectListRow[] = [];
      let total = Infinity;
      for (let page = 1; rows.length < total; page++) {
        const res = await api.projects({ ...query, page, pageSize: EXPORT_PAGE_SIZE });
        total = res.total;
        rows.push(...res.rows);
        if (res.rows.length === 0) break;
      }
      const title = t('ledger.csvTitle', { county: county.name, month: i18n.month(asOf) });
      const lines = [
        [csvCell(title)],
        shown.map((d) => csvCell(d.title)),
        ...rows.map((r) => shown.map((d) => (d.kind === 'number' ? csvCell((d.csv ?? d.text)(r), 'number') : csvCell(d.csv ? d.csv(r) : d.text(r))))),
      ];
      downloadText(`${county.name}${t('ledger.csvFile')}_${asOf}.csv`, csvText(lines));
      message.success(t('ledger.exported', { n: rows.length }));
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setExporting(false);
    }
  };

  // The server builds the printable ledger: same filters and month as on screen, its own columns and styling.
  const exportExcel = async () => {
    setExportingExcel(true);
    try {
      const path = exportLedgerPath({
        region: query.region,
        asOf,
        phase: query.phase,
        stage: query.stage,
        township: query.township,
        chain: query.chain,
        unit: query.unit,
        leader: query.leader,
        q: query.q,
      });
      const name = await downloadFile(path, `${county.name}${t('ledger.excelFile')}_${asOf}.xlsx`);
      message.success(t('ledger.exportedFile', { name }));
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setExportingExcel(false);
    }
  };

  const filterSelect = (key: (typeof FILTER_KEYS)[number], placeholder: string, options: { value: string; label: string }[], searchable = false) => (
    <Select
      allowClear
      showSearch={searchable}
      optionFilterProp="label"
      placeholder={placeholder}
      aria-label={placeholder}
      value={(query[key] as string | undefined) ?? undefined}
      onChange={(v: string | undefined) => update({ [key]: v })}
      options={options}
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
    />
  );

  const anyFilter = FILTER_KEYS.some((k) => query[k]);
  const chooser = (
    <Checkbox.Group
      value={[...visible]}
      onChange={(v) => saveVisible(v as ColumnKey[])}
      options={defs.map((d) => ({ value: d.key, label: d.title, disabled: d.key === 'name' }))}
      className="column-chooser"
    />
  );

  return (
    <>
      <PageTitle
        title={t('ledger.title')}
        sub={
          <>
            {county.name} · {t('header.asOf')} {i18n.month(asOf)} · {t('common.unitWan')}
            {reporter && (
              <Tag color="geekblue" style={{ marginInlineStart: 8 }}>
                {t('ledger.ownUnit')}：{session.names.unit(user.unitId)}
              </Tag>
            )}
            {list.data && list.data.completeness.length > 0 && (
              <div style={{ marginTop: 4 }}>
                <CompletenessTags items={list.data.completeness} prefix />
              </div>
            )}
          </>
        }
        extra={
          <Space wrap>
            <Popover content={chooser} title={t('ledger.columns')} trigger="click" placement="bottomRight">
              <Button icon={<SettingOutlined />}>{t('ledger.columns')}</Button>
            </Popover>
            <Tooltip title={t('ledger.exportHint')}>
              <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportCsv()} disabled={!list.data || list.data.total === 0}>
                {t('ledger.export')}
              </Button>
            </Tooltip>
            <Tooltip title={t('ledger.exportExcelHint')}>
              <Button icon={<FileExcelOutlined />} loading={exportingExcel} onClick={() => void exportExcel()} disabled={!list.data || list.data.total === 0}>
                {t('ledger.exportExcel')}
              </Button>
            </Tooltip>
          </Space>
        }
      />
      <div className="filters">
        <Row gutter={[8, 8]}>
          <Col xs={24} md={12} xl={6}>
            <Input.Search
              allowClear
              placeholder={t('ledger.search')}
              aria-label={t('ledger.search')}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              onSearch={(v) => update({ q: v.trim() })}
            />
          </Col>
          <Col xs={12} md={6} xl={3}>
            {filterSelect('phase', t('ledger.phase'), PHASES.map((p) => ({ value: p, label: i18n.phase(p) })))}
          </Col>
          <Col xs={12} md={6} xl={3}>
            {filterSelect('stage', t('ledger.stage'), STAGES.map((s) => ({ value: s, label: i18n.stage(s) })))}
          </Col>
          <Col xs={12} md={6} xl={3}>
            {filterSelect('township', t('ledger.township'), context.townships.map((tw) => ({ value: tw.code, label: tw.name })), true)}
          </Col>
          <Col xs={12} md={6} xl={3}>
            {filterSelect('chain', t('ledger.chain'), context.chains.map((c) => ({ value: c, label: c })), true)}
          </Col>
          {!reporter && (
            <Col xs={12} md={6} xl={3}>
              {filterSelect('unit', t('ledger.unit'), context.units.map((u) => ({ value: u.id, label: u.name })), true)}
            </Col>
          )}
          <Col xs={12} md={6} xl={3}>
            {filterSelect('leader', t('ledger.leader'), context.leaders.map((l) => ({ value: l.id, label: l.title ? `${l.name}（${l.title}）` : l.name })), true)}
          </Col>
        </Row>
        {anyFilter && (
          <Button type="link" size="small" onClick={() => update(Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined])))} style={{ paddingInline: 0 }}>
            {t('ledger.reset')}
          </Button>
        )}
      </div>
      {list.error && <LoadError error={list.error} onRetry={list.reload} />}
      <Table<ProjectListRow>
        className="ledger-table"
        size="small"
        bordered
        rowKey={(r) => r.project.id}
        columns={columns}
        dataSource={list.data?.rows ?? []}
        loading={list.loading}
        onChange={onTableChange}
        scroll={{ x: shown.reduce((sum, d) => sum + d.width, 0) }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: !phone,
          pageSizeOptions: [20, 50, 100],
          showTotal: (n) => t('ledger.total', { n }),
          size: phone ? 'small' : 'default',
          showLessItems: phone,
        }}
      />
    </>
  );
}
