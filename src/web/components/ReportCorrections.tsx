// An approved report's corrections: asking for one (the new month figure in 万元 and the reason), and the requests with their decisions.
import { App, Button, Card, Form, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api.ts';
import { useAsync } from '../hooks/use-async.ts';
import { useI18n } from '../i18n.tsx';
import { dateTime } from '../lib/format.ts';
import { roundApi, type ReportPageData } from '../lib/round-api.ts';
import { parseWan } from '../lib/round-money.ts';
import { correctionStatusLabel, CORRECTION_STATUS_COLOURS, wanExact, wanRule } from '../lib/round-view.ts';
import { CorrectionDecision } from './RoundCorrections.tsx';

interface AskValues {
  amount: string;
  reason: string;
}

export function ReportCorrections({ report, canAsk, canDecide, onChanged }: { report: ReportPageData; canAsk: boolean; canDecide: boolean; onChanged(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const list = useAsync(() => roundApi.corrections({ report: report.id }), [report.id, report.version]);
  const [asking, setAsking] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<AskValues>();
  const rows = list.data?.corrections ?? [];
  const pending = rows.some((c) => c.status === 'pending');
  const current = report.figures?.month ?? report.completedMonth ?? 0;

  const ask = async (v: AskValues) => {
    const parsed = parseWan(v.amount);
    if (!parsed.ok || parsed.yuan === null) return;
    setSaving(true);
    try {
      await roundApi.requestCorrection(report.id, parsed.yuan, v.reason.trim());
      message.success(t('corr.sent'));
      setAsking(false);
      form.resetFields();
      list.reload();
      onChanged();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const fields = e.details
        .map((d) => ({ name: d.field === 'completedMonth' ? ('amount' as const) : d.field === 'reason' ? ('reason' as const) : null, errors: [d.message] }))
        .filter((f): f is { name: 'amount' | 'reason'; errors: string[] } => f.name !== null);
      form.setFields(fields);
      message.error(t('review.failed', { message: e.message }));
    } finally {
      setSaving(false);
    }
  };

  if (!canAsk && rows.length === 0) return null;
  return (
    <Card
      size="small"
      title={t('corr.list')}
      extra={
        canAsk && (
          <Button size="small" type="primary" ghost disabled={pending} onClick={() => setAsking(true)}>
            {t('corr.ask')}
          </Button>
        )
      }
    >
      {pending && canAsk && <Typography.Paragraph type="secondary">{t('corr.pendingOne')}</Typography.Paragraph>}
      <List
        size="small"
        dataSource={rows}
        locale={{ emptyText: t('report.none') }}
        renderItem={(c) => (
          <List.Item key={c.id} style={{ paddingInline: 0, display: 'block' }}>
            <Space size={6} wrap>
              <Tag color={CORRECTION_STATUS_COLOURS[c.status]}>{correctionStatusLabel(i18n, c.status)}</Tag>
              <Typography.Text strong>{t('corr.change', { old: wanExact(c.oldValue, i18n), new: wanExact(c.newValue, i18n) })}</Typography.Text>
            </Space>
            <div style={{ marginTop: 4, overflowWrap: 'anywhere' }}>
              {t('corr.reason')}：{c.reason}
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('corr.by', { user: c.requestedByName ?? '—', time: dateTime(c.requestedAt) })}
              {c.decidedAt && ` · ${t('corr.decided', { time: dateTime(c.decidedAt), status: correctionStatusLabel(i18n, c.status) })}`}
              {c.decisionNote && `：${c.decisionNote}`}
            </Typography.Text>
            {canDecide && c.status === 'pending' && (
              <div style={{ marginTop: 6 }}>
                <CorrectionDecision
                  correction={c}
                  onDecided={() => {
                    list.reload();
                    onChanged();
                  }}
                />
              </div>
            )}
          </List.Item>
        )}
      />
      <Modal
        title={t('corr.title')}
        open={asking}
        onCancel={() => setAsking(false)}
        onOk={() => form.submit()}
        okText={t('report.submit')}
        cancelText={t('edit.cancel')}
        confirmLoading={saving}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('corr.intro', { value: wanExact(current, i18n) })}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(v) => void ask(v)} preserve={false}>
          <Form.Item name="amount" label={t('corr.newValue')} extra={t('report.amountHint')} rules={[wanRule(i18n, true)]}>
            <Input inputMode="decimal" suffix={t('report.wan')} autoComplete="off" />
          </Form.Item>
          <Form.Item name="reason" label={t('corr.reason')} rules={[{ required: true, whitespace: true, message: t('corr.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
