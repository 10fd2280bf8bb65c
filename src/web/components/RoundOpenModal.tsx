// The dispatcher's form to open a month's round: the month, and a deadline and grace end in 北京时间 when the county's calendar should not apply (a past month's counts from the day it opens).
import { Alert, App, DatePicker, Form, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { DEFAULT_ROUND_SETTINGS } from '../../domain/round/round.ts';
import { ApiError } from '../api.ts';
import { useAsync } from '../hooks/use-async.ts';
import { useSession } from '../hooks/session.tsx';
import { useI18n } from '../i18n.tsx';
import { roundApi, type RoundSummary } from '../lib/round-api.ts';
import { cstInput } from '../lib/round-view.ts';

interface Values {
  month?: Dayjs | null;
  deadline?: Dayjs | null;
  graceUntil?: Dayjs | null;
}

const FIELDS = new Set(['month', 'deadline', 'graceUntil']);
const TIME_FORMAT = 'YYYY-MM-DD HH:mm';

export function RoundOpenModal({ open, onClose, onOpened }: { open: boolean; onClose(): void; onOpened(round: RoundSummary): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { county } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const thisMonth = dayjs().startOf('month');
  // The county's calendar, for the hints of what a blank deadline means.
  const settings = useAsync(() => roundApi.settings(county.code), [county.code]);

  const submit = async (v: Values) => {
    if (!v.month) return;
    setProblem(undefined);
    setSaving(true);
    try {
      const round = await roundApi.open({
        regionCode: county.code,
        month: v.month.format('YYYY-MM'),
        deadline: v.deadline ? cstInput(v.deadline.format(TIME_FORMAT)) : undefined,
        graceUntil: v.graceUntil ? cstInput(v.graceUntil.format(TIME_FORMAT)) : undefined,
      });
      message.success(t('rounds.opened', { month: i18n.month(round.month), n: round.counts.due }));
      // How the deadline was set, in the server's words: a past month's is counted from today, and the dispatcher is told so.
      if (round.deadlineBasis === 'opening') message.info({ content: round.deadlineNote, duration: 8 });
      form.resetFields();
      onOpened(round);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const onFields = e.details.filter((d) => FIELDS.has(d.field));
      form.setFields(onFields.map((d) => ({ name: d.field as keyof Values, errors: [d.message] })));
      if (onFields.length === 0) setProblem(e.message);
      message.error(t('rounds.openFailed', { message: e.message }));
    } finally {
      setSaving(false);
    }
  };

  const { openDay, deadlineDay, deadlineHour, graceDays } = settings.data ?? DEFAULT_ROUND_SETTINGS;
  return (
    <Modal
      title={t('rounds.openTitle')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('rounds.openSubmit')}
      cancelText={t('edit.cancel')}
      confirmLoading={saving}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ month: thisMonth.subtract(1, 'month') }} preserve={false}>
        <Form.Item name="month" label={t('rounds.openMonth')} extra={t('rounds.openMonthHint')} rules={[{ required: true, message: t('rounds.monthRequired') }]}>
          <DatePicker picker="month" format="YYYY-MM" style={{ width: '100%' }} allowClear={false} disabledDate={(d) => d.isAfter(thisMonth, 'month')} />
        </Form.Item>
        <Form.Item name="deadline" label={t('rounds.openDeadline')} extra={t('deadline.openHint', { day: deadlineDay, hour: deadlineHour, days: deadlineDay - openDay })}>
          <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format={TIME_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="graceUntil"
          label={t('rounds.openGrace')}
          extra={t('rounds.openGraceHint', { days: graceDays })}
          dependencies={['deadline']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value: Dayjs | null | undefined) => {
                const deadline = getFieldValue('deadline') as Dayjs | null | undefined;
                return value && deadline && value.isBefore(deadline) ? Promise.reject(new Error(t('rounds.graceBeforeDeadline'))) : Promise.resolve();
              },
            }),
          ]}
        >
          <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format={TIME_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
