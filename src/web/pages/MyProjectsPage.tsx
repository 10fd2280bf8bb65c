// 我的项目, phone first: a leader's projects (包联) — or a unit's, for its reporter — red first, each with its light and
// the sentence that lit it, then the open supervision items, overdue first. A dispatcher picks a leader to see his.
import { Card, Col, Empty, List, Row, Select, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { ItemList } from '../components/ItemList.tsx';
import { LoadError, PageTitle, StatCard } from '../components/common.tsx';
import { useAsOf } from '../hooks/use-as-of.ts';
import { useAsync } from '../hooks/use-async.ts';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useSession } from '../hooks/session.tsx';
import { useI18n } from '../i18n.tsx';
import { wanWithUnit } from '../lib/format.ts';
import { supervisionApi, type LeaderView } from '../lib/supervision-api.ts';
import { LIGHT_COLOURS, ruleLabel } from '../lib/supervision-view.ts';
import { useFilters } from '../hooks/use-filters.ts';

type Project = LeaderView['projects'][number];

function ProjectRow({ p }: { p: Project }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const { asOf, link } = useAsOf();
  return (
    <List.Item>
      <div style={{ minWidth: 0, width: '100%' }}>
        <div>
          <span className="light-dot" style={{ background: LIGHT_COLOURS[p.light] }} aria-label={t(p.light === 'red' ? 'al.red' : p.light === 'yellow' ? 'al.yellow' : 'mp.green')} />
          <Link to={link(`/projects/${p.id}`)}>{p.name}</Link>
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {[p.unit, i18n.stage(p.stage), p.annualPlan !== null ? t('mp.plan', { plan: wanWithUnit(p.annualPlan, lang), period: i18n.period(asOf), ytd: wanWithUnit(p.ytd, lang) }) : null].filter(Boolean).join(' · ')}
        </Typography.Text>
        {p.alerts.length === 0 ? null : (
          <ul className="problem-list" style={{ margin: '4px 0 0' }}>
            {p.alerts.map((a) => (
              <li key={a.rule}>
                <Tag color={a.level === 'red' ? 'red' : 'gold'} style={{ marginInlineEnd: 4 }}>
                  {ruleLabel(i18n, a.rule)}
                </Tag>
                <span className="alert-reason">{a.reason}</span>
              </li>
            ))}
          </ul>
        )}
        {p.openItems > 0 && (
          <Typography.Text type={p.overdueItems > 0 ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
            {t('mp.openItems')} {p.openItems}
            {p.overdueItems > 0 ? ` · ${t('mp.overdueItems')} ${p.overdueItems}` : ''}
          </Typography.Text>
        )}
      </div>
    </List.Item>
  );
}

export function MyProjectsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { user, context } = useSession();
  const { asOf } = useAsOf();
  const { params, update } = useFilters();
  const keeper = user.role === 'admin' || user.role === 'dispatcher';
  const leader = keeper ? (params.get('leader') ?? context.leaders[0]?.id) : undefined;
  const state = useAsync(() => supervisionApi.myProjects(asOf, leader), [asOf, leader]);
  const data = state.data;
  useDocumentTitle(t('mp.title'));
  const who = data ? (data.leader ? `${data.leader.name}${data.leader.title ? `（${data.leader.title}）` : ''}` : (data.unit?.name ?? '')) : '';
  return (
    <>
      <PageTitle
        title={t('mp.title')}
        sub={data ? t('mp.sub', { who, asOf: i18n.month(data.asOf), on: data.on }) : undefined}
        extra={
          keeper ? (
            <Select
              showSearch
              optionFilterProp="label"
              value={leader}
              onChange={(v: string) => update({ leader: v })}
              options={context.leaders.map((l) => ({ value: l.id, label: l.name }))}
              style={{ minWidth: 140 }}
              aria-label={t('mp.chooseLeader')}
            />
          ) : undefined
        }
      />
      {state.error && !data && <LoadError error={state.error} onRetry={state.reload} />}
      {data && (
        <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
          <Col xs={8} lg={4}>
            <StatCard title={t('al.red')} value={t('common.items', { n: data.counts.red })} accent={LIGHT_COLOURS.red} />
          </Col>
          <Col xs={8} lg={4}>
            <StatCard title={t('al.yellow')} value={t('common.items', { n: data.counts.yellow })} accent={LIGHT_COLOURS.yellow} />
          </Col>
          <Col xs={8} lg={4}>
            <StatCard title={t('mp.green')} value={t('common.items', { n: data.counts.green })} accent={LIGHT_COLOURS.green} />
          </Col>
          <Col xs={12} lg={6}>
            <StatCard title={t('mp.openItems')} value={t('common.items', { n: data.counts.openItems })} accent="#1677ff" />
          </Col>
          <Col xs={12} lg={6}>
            <StatCard title={t('mp.overdueItems')} value={t('common.items', { n: data.counts.overdueItems })} accent="#f5222d" />
          </Col>
        </Row>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={`${t('mp.projects')}（${data?.counts.projects ?? 0}）`}>
            {data && data.projects.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <List loading={state.loading} dataSource={data?.projects ?? []} renderItem={(p) => <ProjectRow p={p} />} pagination={{ pageSize: 20, size: 'small', hideOnSinglePage: true }} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('mp.items')}>
            <ItemList items={data?.items ?? []} loading={state.loading} empty={t('mp.noItems')} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
