// The dispatcher's card of the county's own calendar: its current month (pinned, or following the closed rounds) and its round
// calendar (opening day, deadline, grace, reminder lead), which no other county's dispatcher can change.
import { Alert, App, Button, DatePicker, Form, InputNumber, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { ApiError } from '../api.ts';
import { useAsync } from '../hooks/use-async.ts';
import { useSession, useSessionApi } from '../hooks/session.tsx';
import { useI18n } from '../i18n.tsx';
import { currentMonthText } from '../lib/calendar-view.ts';
import { roundApi, type RoundSettingsData } from '../lib/round-api.ts';
import { CompletenessTags } from './CompletenessTags.tsx';

type SettingsValues = Omit<RoundSettingsData, 'region'>;
const FIELDS: { key: keyof SettingsValues; min: number; max: number }[] = [
  { key: 'openDay', min: 1, max: 28 },
  { key: 'deadlineDay', min: 1, max: 28 },
  { key: 'deadlineHour', min: 0, max: 23 },
  { key: 'graceDays', min: 0, max: 28 },
  { key: 'reminderLeadHours', min: 0, max: 168 },
];

function CurrentMonthPin() {
  const i18n = useI18n();
  const { t } = i18n;
  const { county, context } = useSession();
  const { refresh } = useSessionApi();
  const { message } = App.useApp();
  const [month, setMonth] = useState<Dayjs | null>(null);
  const [busy, setBusy] = useState(false);
  const current = context.currentMonth;
  const pin = async (value: string | null) => {
    setBusy(true);
    try {
      await roundApi.pinCurrentMonth(county.code, value);
      message.success(value ? t('current.pinned', { month: i18n.month(value) }) : t('current.unpinned'));
      setMonth(null);
      await refresh();
    } catch (e) {
      message.error(t('deadline.failed', { message: e instanceof ApiError ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-label={t('current.title')}>
      <Typography.Text strong style={{ display: 'block' }}>
        {currentMonthText(i18n, current) ?? t('current.source.none')}
      </Typography.Text>
      <CompletenessTags items={current.openRounds} />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '6px 0' }}>
        {t('current.hint')}
      </Typography.Paragraph>
      <Space wrap size={8}>
        <DatePicker
          picker="month"
          value={month}
          onChange={setMonth}
          placeholder={t('current.pick')}
          aria-label={t('current.pick')}
          disabledDate={(d) => d.isAfter(dayjs(), 'month')}
          format={i18n.lang === 'zh' ? 'YYYY年M月' : 'MMM YYYY'}
        />
        <Button disabled={!month} loading={busy} onClick={() => month && void pin(month.format('YYYY-MM'))}>
          {t('current.pin')}
        </Button>
        {current.pinned && (
          <Button type="link" loading={busy} onClick={() => void pin(null)}>
            {t('current.unpin')}
          </Button>
        )}
      </Space>
    </section>
  );
}

function RoundCalendarForm() {
  const { t } = useI18n();
  const { county } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<SettingsValues>();
  const settings = useAsync(() => roundApi.settings(county.code), [county.code]);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  const save = async (v: SettingsValues) => {
    setSaving(true);
    setProblem(undefined);
    try {
      form.setFieldsValue(await roundApi.saveSettings({ region: county.code, ...v }));
      message.success(t('settings.saved'));
    } catch (e) {
      const text = e instanceof ApiError ? e.message : String(e);
      setProblem(text);
      message.error(t('settings.failed', { message: text }));
    } finally {
      setSaving(false);
    }
  };
  return (
    <section aria-label={t('settings.title')}>
      <Typography.Text strong style={{ display: 'block' }}>
        {t('settings.title')}
      </Typography.Text>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '2px 0 8px' }}>
        {t('settings.hint')}
      </Typography.Paragraph>
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 8 }} />}
      <Form form={form} layout="vertical" size="small" onFinish={(v) => void save(v)} disabled={!settings.data}>
        <div className="figure-grid" style={{ ['--figure-min' as string]: '150px' }}>
          {FIELDS.map((f) => (
            <Form.Item key={f.key} name={f.key} label={t(`settings.${f.key}`)} rules={[{ required: true }]} style={{ marginBottom: 8 }}>
              <InputNumber min={f.min} max={f.max} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          ))}
        </div>
        <Button htmlType="submit" loading={saving}>
          {t('settings.save')}
        </Button>
      </Form>
    </section>
  );
}

export function CountyCalendarCard() {
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <CurrentMonthPin />
      <RoundCalendarForm />
    </Space>
  );
}
