// A county's settings of supervision and alerts: calendar or working days and the year's holidays (one a line),
// escalation days, each rule's yellow and red thresholds, the reserve's coverage ratio and the year's task in 亿元.
import { Alert, App, Col, Divider, Form, Input, InputNumber, Modal, Row, Switch, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api.ts';
import { fromUnit, toUnit } from '../../domain/money.ts';
import { useI18n } from '../i18n.tsx';
import { supervisionApi, type SettingsBody, type SupervisionSettings } from '../lib/supervision-api.ts';
import { ruleLabel } from '../lib/supervision-view.ts';

type MonthRule = 'startLate' | 'notEntered' | 'stalledLandSupplied' | 'stalledPermitIssued' | 'stoppedAfterStart' | 'noInvestment' | 'signedNotStarted';
const MONTH_RULES: readonly MonthRule[] = ['startLate', 'notEntered', 'stalledLandSupplied', 'stalledPermitIssued', 'stoppedAfterStart', 'noInvestment', 'signedNotStarted'];
const KIND_WORDS: Record<string, 'holiday' | 'workday'> = { 放假: 'holiday', 休: 'holiday', holiday: 'holiday', 上班: 'workday', 班: 'workday', workday: 'workday' };

function daysText(days: SupervisionSettings['days']): string {
  return days.map((d) => `${d.day} ${d.kind === 'holiday' ? '放假' : '上班'}${d.note ? ` ${d.note}` : ''}`).join('\n');
}

export function SupervisionSettingsModal({ settings, onClose, onSaved }: { settings: SupervisionSettings; onClose(): void; onSaved(s: SupervisionSettings): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const initial = {
    workingDays: settings.workingDays,
    days: daysText(settings.days),
    ...settings.escalation,
    behindYellow: settings.thresholds.behindTimeProgress.yellow,
    behindRed: settings.thresholds.behindTimeProgress.red,
    ...Object.fromEntries(MONTH_RULES.flatMap((r) => [[`${r}Yellow`, settings.thresholds[r].yellow], [`${r}Red`, settings.thresholds[r].red]])),
    nearDays: settings.thresholds.itemOverdue.nearDays,
    coverageRatio: settings.coverageRatio,
    task: settings.task === null ? null : toUnit(settings.task, '亿元'),
  };
  const save = async (v: Record<string, unknown>) => {
    setProblem(undefined);
    const days: NonNullable<SettingsBody['days']> = [];
    const lines = String(v.days ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
    for (const [n, line] of lines.entries()) {
      const [day, kindWord, ...note] = line.split(/\s+/);
      const kind = KIND_WORDS[kindWord ?? ''];
      if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day) || !kind) {
        setProblem(t('st.badDay', { n: n + 1, line }));
        return;
      }
      days.push({ day, kind, note: note.join(' ') || null });
    }
    const num = (k: string) => Number(v[k]);
    setSaving(true);
    try {
      const saved = await supervisionApi.saveSettings({
        region: settings.region,
        year: settings.year,
        workingDays: Boolean(v.workingDays),
        days,
        escalation: { reminderAfterDays: num('reminderAfterDays'), letterAfterDays: num('letterAfterDays'), meetingAfterDays: num('meetingAfterDays') },
        thresholds: {
          behindTimeProgress: { yellow: num('behindYellow'), red: num('behindRed') },
          ...Object.fromEntries(MONTH_RULES.map((r) => [r, { yellow: num(`${r}Yellow`), red: num(`${r}Red`) }])),
          itemOverdue: { nearDays: num('nearDays') },
        },
        coverageRatio: num('coverageRatio'),
        task: v.task === null || v.task === undefined || v.task === '' ? null : fromUnit(Number(v.task), '亿元'),
      });
      message.success(t('st.saved'));
      onSaved(saved);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setProblem(e.message);
    } finally {
      setSaving(false);
    }
  };
  const pair = (label: string, yellow: string, red: string, unit: string) => (
    <Row gutter={8} key={yellow} align="middle" style={{ marginBottom: 4 }}>
      <Col xs={24} sm={10}>
        <Typography.Text>{label}</Typography.Text>
      </Col>
      <Col xs={12} sm={7}>
        <Form.Item name={yellow} noStyle>
          <InputNumber min={0} max={100} precision={0} addonAfter={unit} style={{ width: '100%' }} aria-label={`${label} ${t('al.yellow')}`} />
        </Form.Item>
      </Col>
      <Col xs={12} sm={7}>
        <Form.Item name={red} noStyle>
          <InputNumber min={0} max={100} precision={0} addonAfter={unit} style={{ width: '100%' }} aria-label={`${label} ${t('al.red')}`} />
        </Form.Item>
      </Col>
    </Row>
  );
  return (
    <Modal title={t('st.title')} open width={640} onCancel={onClose} onOk={() => form.submit()} okText={t('edit.save')} cancelText={t('edit.cancel')} confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => void save(v as Record<string, unknown>)}>
        {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 12 }} />}
        <Divider orientation="left" plain>
          {t('st.timers')}
        </Divider>
        <Form.Item name="workingDays" valuePropName="checked" label={t('st.workingDays')}>
          <Switch />
        </Form.Item>
        <Form.Item name="days" label={t('st.days', { year: settings.year })} extra={t('st.daysHint')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
        </Form.Item>
        <Divider orientation="left" plain>
          {t('st.escalation')}
        </Divider>
        <Row gutter={8}>
          {(['reminderAfterDays', 'letterAfterDays', 'meetingAfterDays'] as const).map((k) => (
            <Col xs={24} sm={8} key={k}>
              <Form.Item name={k} label={t(k === 'reminderAfterDays' ? 'st.reminder' : k === 'letterAfterDays' ? 'st.letter' : 'st.meetingAfter')}>
                <InputNumber min={1} max={60} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Divider orientation="left" plain>
          {t('st.thresholds')}
        </Divider>
        {pair(ruleLabel(i18n, 'behindTimeProgress'), 'behindYellow', 'behindRed', t('st.points'))}
        {MONTH_RULES.map((r) => pair(ruleLabel(i18n, r), `${r}Yellow`, `${r}Red`, t('st.months')))}
        <Form.Item name="nearDays" label={t('st.nearDays')} style={{ marginTop: 8 }}>
          <InputNumber min={0} max={30} precision={0} />
        </Form.Item>
        <Divider orientation="left" plain>
          {t('st.reserve')}
        </Divider>
        <Row gutter={8}>
          <Col xs={24} sm={12}>
            <Form.Item name="coverageRatio" label={t('st.coverageRatio')}>
              <InputNumber min={1} max={10} step={0.1} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="task" label={t('st.task', { year: settings.year })} extra={t('st.taskHint')}>
              <InputNumber min={0} step={1} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
