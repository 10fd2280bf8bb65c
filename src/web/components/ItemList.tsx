// A list of supervision items: a table on a desk, cards on a phone — the item, its unit and leader, its status and its
// timer in words, overdue ones marked; each links to the item's page.
import { Empty, Grid, List, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { useAsOf } from '../hooks/use-as-of.ts';
import { useI18n } from '../i18n.tsx';
import type { Item } from '../lib/supervision-api.ts';
import { STATUS_COLOURS, timerText, word } from '../lib/supervision-view.ts';

function Timer({ item }: { item: Item }) {
  const i18n = useI18n();
  const timer = timerText(i18n, item);
  return (
    <Space size={4} wrap>
      {timer && <Typography.Text type={timer.late ? 'danger' : 'secondary'} strong={timer.late}>{timer.text}</Typography.Text>}
      {item.onMeetingList && <Tag color="red">{i18n.t('sv.onMeeting')}</Tag>}
    </Space>
  );
}

export function ItemStatusTag({ status }: { status: Item['status'] }) {
  const i18n = useI18n();
  return <Tag color={STATUS_COLOURS[status]}>{word(i18n, 'sv.status', status)}</Tag>;
}

export function ItemList({ items, loading, empty }: { items: Item[]; loading?: boolean; empty?: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { link } = useAsOf();
  const phone = !Grid.useBreakpoint().md;
  if (phone) {
    return (
      <List
        loading={loading}
        dataSource={items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty ?? t('sv.empty')} /> }}
        renderItem={(item) => (
          <List.Item className={item.overdue ? 'item-card item-card-late' : 'item-card'}>
            <div style={{ width: '100%', minWidth: 0 }}>
              <Link to={link(`/items/${item.id}`)} className="item-card-title">
                {item.title}
              </Link>
              <div className="item-card-meta">
                <ItemStatusTag status={item.status} />
                <Typography.Text type="secondary">
                  {item.unitName ?? t('sv.unassigned')}
                  {item.leaderName ? ` · ${item.leaderName}` : ''}
                </Typography.Text>
              </div>
              {item.projectName && item.projectId && (
                <div className="item-card-project">
                  <Link to={link(`/projects/${item.projectId}`)}>{item.projectName}</Link>
                </div>
              )}
              <Timer item={item} />
            </div>
          </List.Item>
        )}
      />
    );
  }
  // Kind and project under the title, leader under the unit: the timer keeps its room beside the board's unit table.
  const columns: TableColumnsType<Item> = [
    {
      key: 'title',
      title: t('sv.col.title'),
      render: (_, item) => (
        <div style={{ minWidth: 0 }}>
          <Link to={link(`/items/${item.id}`)}>{item.title}</Link>
          <div className="item-row-sub">
            <Typography.Text type="secondary">{word(i18n, 'sv.kind', item.kind)}</Typography.Text>
            {item.projectName && item.projectId && (
              <Link to={link(`/projects/${item.projectId}`)}>
                <Typography.Text type="secondary">{item.projectName}</Typography.Text>
              </Link>
            )}
          </div>
        </div>
      ),
    },
    {
      key: 'unit',
      title: t('sv.col.unit'),
      width: 150,
      render: (_, item) => (
        <>
          <div>{item.unitName ?? <Typography.Text type="secondary">{t('sv.unassigned')}</Typography.Text>}</div>
          {item.leaderName && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{item.leaderName}</Typography.Text>}
        </>
      ),
    },
    { key: 'status', title: t('sv.col.status'), width: 92, render: (_, item) => <ItemStatusTag status={item.status} /> },
    { key: 'due', title: t('sv.col.due'), width: 104, className: 'nowrap', render: (_, item) => item.solveDue ?? '—' },
    { key: 'timer', title: t('sv.col.timer'), width: 150, render: (_, item) => <Timer item={item} /> },
  ];
  return (
    <Table<Item>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={items}
      loading={loading}
      rowClassName={(item) => (item.overdue ? 'row-late' : '')}
      pagination={{ pageSize: 50, hideOnSinglePage: true, size: 'small' }}
      scroll={{ x: 720 }}
      locale={{ emptyText: empty ?? t('sv.empty') }}
    />
  );
}
