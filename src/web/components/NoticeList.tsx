// In-app notices of the monthly round (a round opened, a deadline near): the header's bell with the new ones counted, and the list itself.
import { BellOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useAsync } from '../hooks/use-async.ts';
import { useI18n } from '../i18n.tsx';
import { dateTime } from '../lib/format.ts';
import { roundApi, type Notice } from '../lib/round-api.ts';

const SEEN_KEY = 'tiaodu.noticesSeen';

function storedSeen(): string {
  try {
    return localStorage.getItem(SEEN_KEY) ?? '';
  } catch {
    return '';
  }
}

export function NoticeList({ notices, onOpen }: { notices: Pick<Notice, 'id' | 'createdAt' | 'text' | 'link'>[]; onOpen?: () => void }) {
  const { t } = useI18n();
  if (notices.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notice.empty')} />;
  return (
    <List
      size="small"
      dataSource={notices}
      renderItem={(n) => (
        <List.Item
          key={n.id}
          style={{ paddingInline: 0 }}
          actions={
            n.link
              ? [
                  <Link key="open" to={n.link} onClick={onOpen}>
                    {t('notice.open')}
                  </Link>,
                ]
              : undefined
          }
        >
          <div style={{ minWidth: 0 }}>
            <div style={{ overflowWrap: 'anywhere' }}>{n.text}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {dateTime(n.createdAt)}
            </Typography.Text>
          </div>
        </List.Item>
      )}
    />
  );
}

/** The bell in the header: notices newer than the last look are counted on it; opening it counts them as seen. */
export function NoticeBell() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  // Read again on every page change, so a round opened meanwhile shows without a reload.
  const notices = useAsync(() => roundApi.notices(), [pathname]);
  const [seen, setSeen] = useState(storedSeen);
  const [open, setOpen] = useState(false);
  const list = notices.data?.notices ?? [];
  const unread = list.filter((n) => n.createdAt > seen).length;

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next || list.length === 0) return;
    const latest = list.reduce((m, n) => (n.createdAt > m ? n.createdAt : m), seen);
    setSeen(latest);
    try {
      localStorage.setItem(SEEN_KEY, latest);
    } catch {
      // Without storage the count starts again next visit.
    }
  };

  const content = (
    <div style={{ width: 320, maxWidth: 'calc(100vw - 32px)', maxHeight: 420, overflow: 'auto' }}>
      {notices.error && !notices.data ? <Alert type="error" message={notices.error.message} /> : <NoticeList notices={list} onOpen={() => setOpen(false)} />}
    </div>
  );
  const label = unread > 0 ? `${t('notice.title')}（${t('notice.unread', { n: unread })}）` : t('notice.title');
  return (
    <Popover content={content} title={t('notice.title')} trigger="click" placement="bottomRight" open={open} onOpenChange={onOpenChange}>
      <Badge count={unread} size="small" offset={[-4, 4]}>
        <Button type="text" icon={<BellOutlined />} aria-label={label} />
      </Badge>
    </Popover>
  );
}
