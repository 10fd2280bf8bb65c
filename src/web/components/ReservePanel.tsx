// The reserve as of the month (seed 000's 存在问题 1, seed 004's 有效投资余额): what the library holds against coverage ×
// the year's task, the gap, what can be reported this year, by category, and the paragraph drafted from them.
import { Alert, Card, Col, Row, Table, Typography, type TableColumnsType } from 'antd';
import { columnTitle, LoadError, StatCard } from './common.tsx';
import { useAsync } from '../hooks/use-async.ts';
import { useI18n } from '../i18n.tsx';
import { wan, yi } from '../lib/format.ts';
import { supervisionApi, type Reserve } from '../lib/supervision-api.ts';

type Line = Reserve['byCategory'][number];

export function ReservePanel({ region, asOf }: { region: string; asOf: string }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const state = useAsync(() => supervisionApi.reserve(region, asOf), [region, asOf]);
  const r = state.data;
  const wanTitle = (key: Parameters<typeof t>[0]) => columnTitle(lang === 'zh' ? `${t(key)}（万元）` : `${t(key)} (10k yuan)`);
  const columns: TableColumnsType<Line> = [
    { key: 'category', title: t('rs.category'), render: (_, l) => l.category ?? t('rs.uncategorised') },
    { key: 'count', title: t('col.count'), align: 'right', render: (_, l) => l.count },
    { key: 'remaining', title: wanTitle('rs.remaining'), align: 'right', render: (_, l) => wan(l.remainingInvestment) },
    { key: 'effective', title: wanTitle('rs.effective'), align: 'right', render: (_, l) => wan(l.effectiveBalance) },
    { key: 'required', title: wanTitle('rs.task'), align: 'right', render: (_, l) => wan(l.task) },
    { key: 'gap', title: wanTitle('rs.gap'), align: 'right', render: (_, l) => (l.gap > 0 ? <Typography.Text type="danger">{wan(l.gap)}</Typography.Text> : '0') },
  ];
  return (
    <Card size="small" title={`${t('rs.title')} · ${i18n.month(asOf)}`}>
      {state.error && !r && <LoadError error={state.error} onRetry={state.reload} />}
      {r && (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            <Col xs={12} lg={6}>
              <StatCard title={t('rs.remaining')} value={yi(r.remainingInvestment, lang)} accent="#1677ff">
                {t('rs.newlyEntered', { n: r.newlyEntered.count, amount: yi(r.newlyEntered.totalInvestment, lang) })}
              </StatCard>
            </Col>
            <Col xs={12} lg={6}>
              <StatCard title={t('rs.required', { ratio: r.coverageRatio })} value={yi(r.required, lang)} accent="#722ed1">
                {t('rs.task')} {yi(r.task, lang)}
              </StatCard>
            </Col>
            <Col xs={12} lg={6}>
              <StatCard title={t('rs.gap')} value={yi(r.gap, lang)} accent={r.gap > 0 ? '#f5222d' : '#52c41a'}>
                {t('rs.remainingTask', { amount: yi(r.remainingTask, lang) })}
              </StatCard>
            </Col>
            <Col xs={12} lg={6}>
              <StatCard title={t('rs.effective')} value={yi(r.effectiveBalance, lang)} accent="#52c41a" />
            </Col>
          </Row>
          {r.taskSource === 'poolPlan' && <Alert type="info" showIcon message={t('rs.taskFromPlan')} style={{ marginBottom: 12 }} />}
          <Table size="small" rowKey={(l) => l.category ?? '-'} columns={columns} dataSource={r.byCategory} pagination={false} scroll={{ x: 'max-content' }} />
          <section aria-label={t('rs.sentence')} style={{ marginTop: 12 }}>
            <Typography.Text type="secondary">{t('rs.sentence')}</Typography.Text>
            <Typography.Paragraph copyable className="drafted" style={{ marginTop: 4 }}>
              {r.sentence}
            </Typography.Paragraph>
          </section>
        </>
      )}
    </Card>
  );
}
