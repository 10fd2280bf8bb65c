// 预警中心: every lit project and rule as of the month (supervision timers on today), red first, each with the
// sentence that lit it and a link to its project; the stalled-project audit of seed 000 counted apart; the reserve;
// the county's thresholds for those who keep the pool.
import { SettingOutlined } from '@ant-design/icons';
import { Alert as AntAlert, Button, Card, Col, Grid, List, Row, Segmented, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ALERT_RULES, STALLED_RULES } from '../../domain/alerts/alert-rules.ts';
import { LoadError, PageTitle, StatCard } from '../components/common.tsx';
import { UnitFilter } from '../components/UnitFilter.tsx';
import { ReservePanel } from '../components/ReservePanel.tsx';
import { SupervisionSettingsModal } from '../components/SupervisionSettingsModal.tsx';
import { useAsOf } from '../hooks/use-as-of.ts';
import { useAsync } from '../hooks/use-async.ts';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useFilters } from '../hooks/use-filters.ts';
import { useSession } from '../hooks/session.tsx';
import { useI18n } from '../i18n.tsx';
import { supervisionApi, type Alert, type SupervisionSettings } from '../lib/supervision-api.ts';
import { LIGHT_COLOURS, LIGHT_TAGS, ruleLabel } from '../lib/supervision-view.ts';

type Rule = (typeof ALERT_RULES)[number];

export function AlertsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { county, user } = useSession();
  const { asOf, link } = useAsOf();
  const phone = !Grid.useBreakpoint().md;
  const { params, update } = useFilters();
  const [settings, setSettings] = useState<SupervisionSettings>();
  // The reserve reads the settings too: a new key loads it again once they are saved.
  const [reserveKey, setReserveKey] = useState(0);
  useDocumentTitle(t('al.title'));
  const keeper = user.role === 'admin' || user.role === 'dispatcher';
  const rule = (ALERT_RULES as readonly string[]).includes(params.get('rule') ?? '') ? (params.get('rule') as Rule) : undefined;
  const level = params.get('level') === 'red' || params.get('level') === 'yellow' ? (params.get('level') as 'red' | 'yellow') : undefined;
  const unit = params.get('unit') ?? undefined;
  const state = useAsync(() => supervisionApi.alerts({ region: county.code, asOf, unit }), [county.code, asOf, unit]);
  const data = state.data;
  const shown = (data?.alerts ?? []).filter((a) => (!rule || a.rule === rule) && (!level || a.level === level));
  const count = (r: Rule) => (data ? data.counts[r]!.red + data.counts[r]!.yellow : 0);

  const columns: TableColumnsType<Alert> = [
    { key: 'level', title: '', width: 56, render: (_, a) => <Tag color={LIGHT_TAGS[a.level]}>{t(a.level === 'red' ? 'al.red' : 'al.yellow')}</Tag> },
    { key: 'rule', title: t('al.col.rule'), width: 136, render: (_, a) => ruleLabel(i18n, a.rule) },
    { key: 'project', title: t('al.col.project'), width: 260, render: (_, a) => <Link to={link(`/projects/${a.projectId}`)}>{a.projectName}</Link> },
    { key: 'reason', title: t('al.col.reason'), render: (_, a) => <span className="alert-reason">{a.reason}</span> },
    { key: 'unit', title: t('sv.col.unit'), width: 150, render: (_, a) => a.unit ?? '—' },
    { key: 'leader', title: t('al.col.leader'), width: 90, render: (_, a) => a.leader ?? '—' },
  ];

  return (
    <>
      <PageTitle
        title={t('al.title')}
        sub={data ? t('al.sub', { county: county.name, day: data.day, on: data.on }) : undefined}
        extra={
          keeper ? (
            <Button icon={<SettingOutlined />} onClick={() => void supervisionApi.settings(county.code, Number(asOf.slice(0, 4))).then(setSettings)}>
              {t('al.settings')}
            </Button>
          ) : undefined
        }
      />
      {state.error && !data && <LoadError error={state.error} onRetry={state.reload} />}
      {data && (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <Col xs={8} lg={4}>
            <StatCard title={t('al.red')} value={t('common.items', { n: data.total.red })} accent={LIGHT_COLOURS.red} />
          </Col>
          <Col xs={8} lg={4}>
            <StatCard title={t('al.yellow')} value={t('common.items', { n: data.total.yellow })} accent={LIGHT_COLOURS.yellow} />
          </Col>
          <Col xs={8} lg={4}>
            <StatCard title={t('al.projects')} value={t('common.items', { n: data.total.projects })} accent="#1677ff" />
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" className="stat-card" style={{ height: '100%' }}>
              <section aria-label={t('al.stalled')}>
                <div className="stat-title">{t('al.stalled')}</div>
                <Space wrap size={[16, 4]}>
                  {STALLED_RULES.map((r) => (
                    <Button key={r} type="link" size="small" style={{ padding: 0 }} onClick={() => update({ rule: r })}>
                      {ruleLabel(i18n, r)} {t('common.items', { n: count(r) })}
                    </Button>
                  ))}
                </Space>
              </section>
            </Card>
          </Col>
        </Row>
      )}
      <AntAlert type="info" showIcon message={t('al.rules')} style={{ marginBottom: 12 }} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            value={rule ?? 'all'}
            onChange={(v: string) => update({ rule: v === 'all' ? undefined : v })}
            options={[{ value: 'all', label: t('al.allRules') }, ...ALERT_RULES.map((r) => ({ value: r, label: `${ruleLabel(i18n, r)}（${count(r)}）` }))]}
            style={{ minWidth: 200 }}
            aria-label={t('al.col.rule')}
          />
          <Segmented
            value={level ?? 'all'}
            onChange={(v) => update({ level: v === 'all' ? undefined : String(v) })}
            options={[{ value: 'all', label: t('sv.all') }, { value: 'red', label: t('al.red') }, { value: 'yellow', label: t('al.yellow') }]}
          />
          {user.role !== 'reporter' && (
            <UnitFilter value={unit} onChange={(v) => update({ unit: v })} />
          )}
        </Space>
        {phone ? (
          <List
            loading={state.loading}
            dataSource={shown}
            pagination={{ pageSize: 30, size: 'small', hideOnSinglePage: true }}
            locale={{ emptyText: t('al.empty') }}
            renderItem={(a) => (
              <List.Item>
                <div style={{ minWidth: 0 }}>
                  <Space size={4} wrap>
                    <Tag color={LIGHT_TAGS[a.level]}>{ruleLabel(i18n, a.rule)}</Tag>
                    <Link to={link(`/projects/${a.projectId}`)}>{a.projectName}</Link>
                  </Space>
                  <div className="alert-reason">{a.reason}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[a.unit, a.leader].filter(Boolean).join(' · ')}
                  </Typography.Text>
                </div>
              </List.Item>
            )}
          />
        ) : (
          <Table<Alert>
            size="small"
            rowKey={(a) => `${a.rule}-${a.projectId}`}
            columns={columns}
            dataSource={shown}
            loading={state.loading}
            pagination={{ pageSize: 50, size: 'small', showSizeChanger: false, hideOnSinglePage: true }}
            scroll={{ x: 1000 }}
            locale={{ emptyText: t('al.empty') }}
          />
        )}
      </Card>
      <ReservePanel key={reserveKey} region={county.code} asOf={asOf} />
      {settings && (
        <SupervisionSettingsModal
          settings={settings}
          onClose={() => setSettings(undefined)}
          onSaved={() => {
            setSettings(undefined);
            setReserveKey((k) => k + 1);
            state.reload();
          }}
        />
      )}
    </>
  );
}
