// Corrections of approved figures: the dispatcher's queue of those waiting (approve, or reject with a note), and the decision buttons on their own.
import { App, Button, Empty, Form, Input, Modal, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../api.ts';
import { LoadError } from './common.tsx';
import { useAsync } from '../hooks/use-async.ts';
import { useI18n } from '../i18n.tsx';
import { dateTime } from '../lib/format.ts';
import { roundApi, type Correction } from '../lib/round-api.ts';
import { wanExact } from '../lib/round-view.ts';

/** 同意 / 不同意 for one pending correction; rejecting asks for an optional note. */
export function CorrectionDecision({ correction, onDecided }: { correction: Correction; onDecided(c: Correction): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [note, setNote] = useState('');

  const decide = async (approve: boolean) => {
    setBusy(true);
    try {
      const decided = await roundApi.decideCorrection(correction.id, approve, approve ? null : note.trim() || null);
      message.success(`${correction.projectName}：${t('corr.decidedOk')}`);
      setRejecting(false);
      onDecided(decided);
    } catch (e) {
      message.error(t('review.failed', { message: e instanceof ApiError ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Space size={8}>
        <Button size="small" type="primary" loading={busy && !rejecting} onClick={() => void decide(true)}>
          {t('corr.approve')}
        </Button>
        <Button size="small" onClick={() => setRejecting(true)}>
          {t('corr.reject')}
        </Button>
      </Space>
      <Modal
        title={t('corr.rejectTitle')}
        open={rejecting}
        onCancel={() => setRejecting(false)}
        onOk={() => void decide(false)}
        okText={t('corr.reject')}
        cancelText={t('edit.cancel')}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item label={t('corr.note')}>
            <Input.TextArea rows={3} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** The corrections waiting for the dispatcher, optionally only those of one month. */
export function RoundCorrections({ month, refresh = 0, onDecided }: { month?: string; refresh?: number; onDecided?: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const list = useAsync(() => roundApi.corrections({ status: 'pending' }), [refresh]);
  if (list.error && !list.data) return <LoadError error={list.error} onRetry={list.reload} />;
  const rows = (list.data?.corrections ?? []).filter((c) => !month || c.month === month);
  const decided = () => {
    list.reload();
    onDecided?.();
  };

  const columns: TableColumnsType<Correction> = [
    { key: 'project', title: t('corr.col.project'), width: 220, render: (_, c) => <Link to={`/reports/${encodeURIComponent(c.reportId)}`}>{c.projectName}</Link> },
    { key: 'month', title: t('corr.col.month'), width: 96, render: (_, c) => i18n.month(c.month) },
    {
      key: 'change',
      title: t('corr.col.change'),
      width: 200,
      render: (_, c) => t('corr.change', { old: wanExact(c.oldValue, i18n), new: wanExact(c.newValue, i18n) }),
    },
    { key: 'reason', title: t('corr.col.reason'), dataIndex: 'reason', width: 200 },
    {
      key: 'by',
      title: t('corr.col.by'),
      width: 150,
      render: (_, c) => (
        <Typography.Text type="secondary">
          {c.requestedByName ?? '—'}
          <br />
          {dateTime(c.requestedAt)}
        </Typography.Text>
      ),
    },
    { key: 'decide', title: t('rcol.actions'), width: 150, render: (_, c) => <CorrectionDecision correction={c} onDecided={decided} /> },
  ];

  if (list.data && rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('corr.empty')} />;
  return (
    <Table
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={rows}
      loading={!list.data}
      pagination={{ pageSize: 20, hideOnSinglePage: true, size: 'small' }}
      scroll={{ x: 'max-content' }}
      aria-label={t('rounds.corrections')}
    />
  );
}
