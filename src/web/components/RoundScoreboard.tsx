// Who reported: a round's counts per unit (due, submitted, approved, returned, late, missing, pending, 按时率) with the total row, and the dispatcher's 整单位通过.
import { Alert, Button, Popconfirm, Table, Typography, type TableColumnsType } from 'antd';
import { columnTitle, LoadError } from './common.tsx';
import { useAsync } from '../hooks/use-async.ts';
import { useI18n } from '../i18n.tsx';
import { rate } from '../lib/format.ts';
import { roundApi, type ScoreRow } from '../lib/round-api.ts';
import { cstTime } from '../lib/round-view.ts';

type Counted = Omit<ScoreRow, 'unitName'>;

export function RoundScoreboard({ roundId, refresh, onApproveUnit }: { roundId: string; refresh: number; onApproveUnit?: (unitId: string, unitName: string) => Promise<void> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const board = useAsync(() => roundApi.scoreboard(roundId), [roundId, refresh]);
  if (board.error && !board.data) return <LoadError error={board.error} onRetry={board.reload} />;
  const data = board.data;

  const count = (key: keyof Counted, title: string, width = 64) => ({
    key,
    title,
    dataIndex: key,
    align: 'right' as const,
    width,
    render: (v: number) => v,
  });
  const columns: TableColumnsType<ScoreRow> = [
    { key: 'unit', title: t('score.unit'), dataIndex: 'unitName', width: 150, fixed: 'left' },
    count('due', t('score.due')),
    count('submitted', t('score.submitted')),
    count('approved', t('score.approved')),
    count('returned', t('score.returned')),
    {
      ...count('late', t('score.late')),
      render: (v: number) => (v > 0 ? <Typography.Text type="danger">{v}</Typography.Text> : v),
    },
    {
      ...count('missing', t('score.missing')),
      render: (v: number) => (v > 0 ? <Typography.Text type="danger">{v}</Typography.Text> : v),
    },
    count('pending', t('score.pending')),
    { key: 'rate', title: columnTitle(t('score.rate')), dataIndex: 'timelinessRate', align: 'right', width: 80, render: (v: number | null) => rate(v) },
  ];
  if (onApproveUnit) {
    columns.push({
      key: 'approve',
      title: t('rcol.actions'),
      width: 150,
      render: (_, r) => {
        const waiting = r.submitted - r.approved;
        if (waiting <= 0) return null;
        return (
          <Popconfirm title={t('round.approveUnitConfirm', { unit: r.unitName })} okText={t('review.approve')} cancelText={t('edit.cancel')} onConfirm={() => onApproveUnit(r.unitId, r.unitName)}>
            <Button size="small" type="link" style={{ paddingInline: 0 }}>
              {t('round.approveUnit')}（{t('score.waiting', { n: waiting })}）
            </Button>
          </Popconfirm>
        );
      },
    });
  }

  return (
    <div className={board.loading ? 'stale' : undefined}>
      {data && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('score.note', { time: `${cstTime(i18n, new Date().toISOString())}${t('rounds.cst')}` })} />}
      <Table
        size="small"
        rowKey="unitId"
        columns={columns}
        dataSource={data?.rows ?? []}
        loading={!data}
        pagination={false}
        scroll={{ x: 'max-content' }}
        aria-label={t('round.tabScoreboard')}
        summary={() =>
          data ? (
            <Table.Summary fixed>
              <Table.Summary.Row style={{ fontWeight: 600 }}>
                <Table.Summary.Cell index={0}>{t('score.total')}</Table.Summary.Cell>
                {(['due', 'submitted', 'approved', 'returned', 'late', 'missing', 'pending'] as const).map((k, i) => (
                  <Table.Summary.Cell key={k} index={i + 1} align="right">
                    {data.total[k]}
                  </Table.Summary.Cell>
                ))}
                <Table.Summary.Cell index={8} align="right">
                  {rate(data.total.timelinessRate)}
                </Table.Summary.Cell>
                {onApproveUnit && <Table.Summary.Cell index={9} />}
              </Table.Summary.Row>
            </Table.Summary>
          ) : null
        }
      />
    </div>
  );
}
