// The dispatcher's hand on a round's calendar: extend an open round's deadline, reopen a closed round for one unit, and the
// reopened units shown with their deadline, reason and the way to lock them again.
import { Alert, App, Button, DatePicker, Form, Input, Modal, Select, Space, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../api.ts';
import { useSession } from '../hooks/session.tsx';
import { useI18n } from '../i18n.tsx';
import { roundApi, type RoundSummary } from '../lib/round-api.ts';
import { cstInput, cstTime } from '../lib/round-view.ts';

const TIME_FORMAT = 'YYYY-MM-DD HH:mm';
const picked = (d: Dayjs | null | undefined) => (d ? cstInput(d.format(TIME_FORMAT)) : undefined);

/**
 * A dialog of one action on a round: its form, the server's refusal on the field it names (or above the form), and the
 * dialog done once the server agrees.
 */
function ActionDialog<T extends object>(props: {
  title: string;
  okText: string;
  open: boolean;
  onClose(): void;
  onDone(): void;
  form: FormInstance<T>;
  fields: readonly string[];
  act(values: T): Promise<void>;
  intro?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const submit = async (values: T) => {
    setProblem(undefined);
    setSaving(true);
    try {
      await props.act(values);
      props.form.resetFields();
      props.onDone();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const onFields = e.details.filter((d) => props.fields.includes(d.field));
      props.form.setFields(onFields.map((d) => ({ name: d.field as never, errors: [d.message] })));
      if (onFields.length === 0) setProblem(e.message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal title={props.title} open={props.open} onCancel={props.onClose} onOk={() => props.form.submit()} okText={props.okText} cancelText={t('edit.cancel')} confirmLoading={saving} destroyOnHidden>
      {props.intro}
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 12 }} />}
      <Form form={props.form} layout="vertical" onFinish={(v) => void submit(v)} preserve={false}>
        {props.children}
      </Form>
    </Modal>
  );
}

interface ExtendValues {
  deadline?: Dayjs | null;
  graceUntil?: Dayjs | null;
}

export function ExtendDeadlineModal({ round, open, onClose, onDone }: { round: RoundSummary; open: boolean; onClose(): void; onDone(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<ExtendValues>();
  const act = async (v: ExtendValues) => {
    const next = await roundApi.extend(round.id, { deadline: picked(v.deadline)!, graceUntil: picked(v.graceUntil) });
    message.success(t('deadline.extended', { time: `${cstTime(i18n, next.deadline)}${t('rounds.cst')}` }));
  };
  return (
    <ActionDialog<ExtendValues>
      title={t('deadline.extendTitle', { month: i18n.month(round.month) })}
      okText={t('deadline.extendOk')}
      {...{ open, onClose, onDone, form, act }}
      fields={['deadline', 'graceUntil']}
    >
      <Form.Item
        name="deadline"
        label={t('deadline.newDeadline')}
        extra={`${t('rounds.deadline')} ${cstTime(i18n, round.deadline)}${t('rounds.cst')}`}
        rules={[{ required: true, message: t('deadline.required') }]}
      >
        <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format={TIME_FORMAT} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="graceUntil" label={t('deadline.newGrace')} extra={t('deadline.newGraceHint')}>
        <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format={TIME_FORMAT} style={{ width: '100%' }} />
      </Form.Item>
    </ActionDialog>
  );
}

interface ReopenValues {
  unitId?: string;
  reason?: string;
  deadline?: Dayjs | null;
}

export function ReopenModal({ round, open, onClose, onDone }: { round: RoundSummary; open: boolean; onClose(): void; onDone(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { context, names } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReopenValues>();
  const act = async (v: ReopenValues) => {
    await roundApi.reopen(round.id, v.unitId ?? '', { reason: v.reason ?? '', deadline: picked(v.deadline) });
    message.success(t('reopen.done', { unit: names.unit(v.unitId) }));
  };
  return (
    <ActionDialog<ReopenValues>
      title={t('reopen.title', { month: i18n.month(round.month) })}
      okText={t('reopen.ok')}
      {...{ open, onClose, onDone, form, act }}
      fields={['unitId', 'reason', 'deadline']}
      intro={<Alert type="info" showIcon message={t('reopen.hint')} style={{ marginBottom: 12 }} />}
    >
      <Form.Item name="unitId" label={t('reopen.unit')} rules={[{ required: true, message: t('reopen.unitRequired') }]}>
        <Select showSearch optionFilterProp="label" options={context.units.map((u) => ({ value: u.id, label: u.name }))} />
      </Form.Item>
      <Form.Item name="reason" label={t('reopen.reason')} rules={[{ required: true, whitespace: true, message: t('reopen.reasonRequired') }]}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Form.Item name="deadline" label={t('reopen.deadline')} extra={t('reopen.deadlineHint')}>
        <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format={TIME_FORMAT} style={{ width: '100%' }} />
      </Form.Item>
    </ActionDialog>
  );
}

/** The units a closed round is reopened for; the dispatcher may lock each again. */
export function ReopeningAlerts({ round, canRun, onDone }: { round: RoundSummary; canRun: boolean; onDone(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string>();
  if (round.reopenings.length === 0) return null;
  const relock = async (unitId: string, unitName: string) => {
    setBusy(unitId);
    try {
      await roundApi.relock(round.id, unitId);
      message.success(t('reopen.relocked', { unit: unitName }));
      onDone();
    } catch (e) {
      message.error(t('deadline.failed', { message: e instanceof ApiError ? e.message : String(e) }));
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <Space direction="vertical" size={8} style={{ width: '100%', marginBottom: 12 }}>
      {round.reopenings.map((r) => (
        <Alert
          key={r.id}
          type="warning"
          showIcon
          message={t('reopen.active', { unit: r.unitName, time: `${cstTime(i18n, r.deadline)}${t('rounds.cst')}`, reason: r.reason })}
          action={
            canRun && (
              <Button size="small" loading={busy === r.unitId} onClick={() => void relock(r.unitId, r.unitName)}>
                {t('reopen.relock')}
              </Button>
            )
          }
        />
      ))}
    </Space>
  );
}
