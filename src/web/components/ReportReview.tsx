// The dispatcher's review of a submitted report: approve at once, or return it with a reason the unit will read.
import { App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { roundApi, type ReportPageData } from '../lib/round-api.ts';

export function ReportReviewActions({
  report,
  onDone,
  size = 'small',
  block,
}: {
  report: { id: string; projectName: string };
  onDone(page: ReportPageData): void;
  size?: 'small' | 'middle' | 'large';
  block?: boolean;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [approving, setApproving] = useState(false);
  const [returning, setReturning] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();

  const approve = async () => {
    setApproving(true);
    try {
      const page = await roundApi.approve(report.id);
      message.success(`${report.projectName}：${t('review.approved')}`);
      onDone(page);
    } catch (e) {
      message.error(t('review.failed', { message: e instanceof ApiError ? e.message : String(e) }));
    } finally {
      setApproving(false);
    }
  };

  const sendBack = async ({ reason }: { reason: string }) => {
    setSaving(true);
    try {
      const page = await roundApi.sendBack(report.id, reason.trim());
      message.success(`${report.projectName}：${t('review.returned')}`);
      setReturning(false);
      form.resetFields();
      onDone(page);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const onReason = e.details.find((d) => d.field === 'reason');
      if (onReason) form.setFields([{ name: 'reason', errors: [onReason.message] }]);
      message.error(t('review.failed', { message: e.message }));
    } finally {
      setSaving(false);
    }
  };

  const style = block ? { flex: 1 } : undefined;
  return (
    <>
      <Space size={8} style={block ? { display: 'flex', width: '100%' } : undefined}>
        <Button size={size} type="primary" loading={approving} onClick={() => void approve()} style={style}>
          {t('review.approve')}
        </Button>
        <Button size={size} danger onClick={() => setReturning(true)} style={style}>
          {t('review.return')}
        </Button>
      </Space>
      <Modal
        title={t('review.returnTitle')}
        open={returning}
        onCancel={() => setReturning(false)}
        onOk={() => form.submit()}
        okText={t('review.return')}
        okButtonProps={{ danger: true }}
        cancelText={t('edit.cancel')}
        confirmLoading={saving}
        destroyOnHidden
      >
        <p style={{ overflowWrap: 'anywhere' }}>{t('review.returnProject', { project: report.projectName })}</p>
        <Form form={form} layout="vertical" onFinish={(v) => void sendBack(v)} preserve={false}>
          <Form.Item name="reason" label={t('review.reason')} rules={[{ required: true, whitespace: true, message: t('review.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={500} showCount autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
