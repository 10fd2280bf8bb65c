// 审计日志: an administrator reads who changed what, when and from where, with the values before and after, filtered by
// dates, action and account, and exports it. On a phone each row is one stacked cell, so nothing overflows the screen.
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Grid, Result, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, AUDIT_SUBJECT_LABELS, auditFieldsText, noActor, type AuditAction } from '../../domain/audit/audit-actions.ts';
import { ApiError } from '../api.ts';
import { LoadError, PageTitle } from '../components/common.tsx';
import { useAsync } from '../hooks/use-async.ts';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useFilters } from '../hooks/use-filters.ts';
import { useSession } from '../hooks/session.tsx';
import { useI18n } from '../i18n.tsx';
import { auditApi, type AuditRow } from '../lib/audit-api.ts';
import { EN_AUDIT_ACTION } from '../lib/audit-messages.ts';
import { dateTime } from '../lib/format.ts';
import { peopleApi } from '../lib/people-api.ts';

const PAGE_SIZE = 50;

export function AuditPage() {
  const { county, user } = useSession();
  const i18n = useI18n();
  const { t, lang } = i18n;
  const { message } = App.useApp();
  const { params, update } = useFilters();
  const [exporting, setExporting] = useState(false);
  useDocumentTitle(t('audit.title'));
  const phone = !Grid.useBreakpoint().md;
  const admin = user.role === 'admin';
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const action = (params.get('action') ?? undefined) as AuditAction | undefined;
  const actor = params.get('actor') ?? undefined;
  const page = Number(params.get('page') ?? 1) || 1;
  const filters = { region: county.code, from, to, action, actor };
  const list = useAsync(
    () => (admin ? auditApi.list({ ...filters, page: String(page), pageSize: String(PAGE_SIZE) }) : Promise.resolve(null)),
    [admin, county.code, from, to, action, actor, page],
  );
  const accounts = useAsync(() => (admin ? peopleApi.accounts(county.code) : Promise.resolve({ accounts: [] })), [admin, county.code]);

  if (!admin) return <Result status="403" title={t('audit.adminOnly')} />;

  const actionLabel = (a: AuditAction) => (lang === 'zh' ? AUDIT_ACTION_LABELS[a] : EN_AUDIT_ACTION[a]);
  const who = (e: AuditRow) => (e.actorName ? `${e.actorName}${e.actorRole ? `（${i18n.role(e.actorRole)}）` : ''}` : t(noActor(e.action) === 'system' ? 'audit.system' : 'audit.anonymous'));
  const change = (e: AuditRow) => (
    <>
      {e.before && <div className="audit-change">{t('audit.before')}：{auditFieldsText(e.before) || '—'}</div>}
      {e.after && <div className="audit-change">{t('audit.after')}：{auditFieldsText(e.after) || '—'}</div>}
    </>
  );
  const subject = (e: AuditRow) => (
    <span className="audit-subject">
      {lang === 'zh' ? (AUDIT_SUBJECT_LABELS[e.subjectKind] ?? e.subjectKind) : e.subjectKind} · {e.subjectId}
    </span>
  );
  const actionTag = (e: AuditRow) => <Tag color={e.action === 'sign_in.fail' ? 'red' : 'blue'}>{actionLabel(e.action)}</Tag>;
  const columns: TableColumnsType<AuditRow> = phone
    ? [
        {
          key: 'event',
          title: t('audit.title'),
          render: (_, e) => (
            <div className="stacked-cell">
              <Space size={4} wrap>
                {actionTag(e)}
                <Typography.Text strong>{who(e)}</Typography.Text>
              </Space>
              <Typography.Text type="secondary">
                {dateTime(e.at)}
                {e.address ? ` · ${e.address}` : ''}
              </Typography.Text>
              <Typography.Text type="secondary">{subject(e)}</Typography.Text>
              {change(e)}
            </div>
          ),
        },
      ]
    : [
        { key: 'at', title: t('audit.at'), width: 140, onCell: () => ({ className: 'nowrap' }), render: (_, e) => dateTime(e.at) },
        { key: 'actor', title: t('audit.actor'), width: 150, render: (_, e) => who(e) },
        { key: 'action', title: t('audit.action'), width: 140, render: (_, e) => actionTag(e) },
        { key: 'subject', title: t('audit.subject'), width: 220, render: (_, e) => subject(e) },
        { key: 'change', title: `${t('audit.before')} → ${t('audit.after')}`, render: (_, e) => change(e) },
        { key: 'address', title: t('audit.address'), width: 120, render: (_, e) => e.address ?? '—' },
      ];

  /** A filter kept in the address: choosing one goes back to the first page. */
  const filter = (key: 'action' | 'actor', label: string, placeholder: string, options: { value: string; label: string }[]) => (
    <Select allowClear showSearch optionFilterProp="label" placeholder={placeholder} aria-label={label} value={params.get(key) ?? undefined} onChange={(v?: string) => update({ [key]: v, page: null })} options={options} style={{ width: 200, maxWidth: '100%' }} />
  );

  const download = async () => {
    setExporting(true);
    try {
      await auditApi.export(filters);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      message.error(e.message);
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageTitle
        title={t('audit.title')}
        sub={list.data ? t('audit.sub', { county: county.name, n: list.data.total }) : undefined}
        extra={
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void download()}>
            {t('audit.export')}
          </Button>
        }
      />
      {list.error && !list.data && <LoadError error={list.error} onRetry={list.reload} />}
      <Card size="small">
        <Space wrap style={{ marginBottom: 12, maxWidth: '100%' }}>
          <DatePicker.RangePicker
            aria-label={t('audit.dates')}
            value={from && to ? [dayjs(from), dayjs(to)] : null}
            onChange={(r) => update({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD'), page: null })}
            style={{ maxWidth: '100%' }}
          />
          {filter('action', t('audit.action'), t('audit.allActions'), AUDIT_ACTIONS.map((a) => ({ value: a, label: actionLabel(a) })))}
          {filter('actor', t('audit.actor'), t('audit.allActors'), (accounts.data?.accounts ?? []).map((a) => ({ value: a.id, label: `${a.displayName}（${a.username}）` })))}
        </Space>
        <Table<AuditRow>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={list.data?.events ?? []}
          loading={list.loading}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, hideOnSinglePage: true, showSizeChanger: false, onChange: (p) => update({ page: p === 1 ? null : p }) }}
          scroll={phone ? undefined : { x: 'max-content' }}
          locale={{ emptyText: t('common.noData') }}
        />
      </Card>
    </>
  );
}
