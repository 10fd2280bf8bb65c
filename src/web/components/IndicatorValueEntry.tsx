// Indicator values in: one value typed in a form (万元 for money, read exactly into 元), or a values sheet imported after
// a preview that writes nothing; and the year's sheet out, which imports back unchanged.
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, DatePicker, Form, InputNumber, Select, Space, Tag, Typography, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { INDICATORS, indicatorByCode, type IndicatorCode } from '../../domain/indicator/catalogue.ts';
import { fromUnit } from '../../domain/money.ts';
import { ApiError } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { downloadIndicatorSheet, importIndicatorSheet, indicatorApi, type IndicatorImportReport } from '../lib/indicator-api.ts';
import { checkImportFile } from '../lib/ledger-files.ts';
import { LoadError } from './common.tsx';

function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, 'client', e instanceof Error ? e.message : String(e));
}

/** The unit a value is typed in: 万元 for money (and 万元/亩), else the stored unit. */
function entryUnit(code: IndicatorCode): string {
  const def = indicatorByCode(code);
  switch (def.unitKind) {
    case 'money':
      return '万元';
    case 'moneyPerMu':
      return '万元/亩';
    default:
      return def.unit;
  }
}

/** What is stored for a typed amount: whole 元 from 万元, else the whole number typed. */
function storedValue(code: IndicatorCode, typed: number): number {
  const kind = indicatorByCode(code).unitKind;
  return kind === 'money' || kind === 'moneyPerMu' ? fromUnit(typed, '万元') : Math.round(typed);
}

interface EntryForm {
  indicator: IndicatorCode;
  region: string;
  month: Dayjs;
  value: number;
  officialYoy?: number | null;
}

export interface RegionOption {
  value: string;
  label: string;
}

export function IndicatorValueForm({ regions, region, asOf, onSaved }: { regions: RegionOption[]; region: string; asOf: string; onSaved(): void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<EntryForm>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const indicator = Form.useWatch('indicator', form) ?? 'fixed-asset-investment';

  const save = async (v: EntryForm) => {
    setSaving(true);
    setError(null);
    try {
      const officialYoy = v.officialYoy === null || v.officialYoy === undefined ? null : Number((v.officialYoy / 100).toFixed(6));
      await indicatorApi.saveValues({ values: [{ indicator: v.indicator, region: v.region, month: v.month.format('YYYY-MM'), value: storedValue(v.indicator, v.value), officialYoy }] });
      message.success(t('ind.saved'));
      onSaved();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card size="small" title={t('ind.entry')} className="fill-card">
      <section aria-label={t('ind.entry')}>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('ind.entryHint')}
        </Typography.Paragraph>
        <Form<EntryForm>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ indicator: 'fixed-asset-investment', region, month: dayjs(`${asOf}-01`) }}
          onFinish={(v) => void save(v)}
        >
          <Form.Item name="indicator" label={t('ind.entryIndicator')} rules={[{ required: true, message: t('ind.required', { field: t('ind.entryIndicator') }) }]}>
            <Select showSearch optionFilterProp="label" options={INDICATORS.map((d) => ({ value: d.code, label: d.name }))} />
          </Form.Item>
          <Space wrap size={12} align="start">
            <Form.Item name="region" label={t('ind.entryRegion')} rules={[{ required: true }]} style={{ minWidth: 150 }}>
              <Select options={regions} />
            </Form.Item>
            <Form.Item name="month" label={t('ind.entryMonth')} rules={[{ required: true, message: t('ind.required', { field: t('ind.entryMonth') }) }]}>
              <DatePicker picker="month" allowClear={false} format={lang === 'zh' ? 'YYYY年M月' : 'MMM YYYY'} style={{ width: 130 }} />
            </Form.Item>
          </Space>
          <Space wrap size={12} align="start">
            <Form.Item name="value" label={t('ind.entryValue')} rules={[{ required: true, message: t('ind.required', { field: t('ind.entryValue') }) }]}>
              <InputNumber min={0} addonAfter={entryUnit(indicator)} style={{ width: 190 }} />
            </Form.Item>
            <Form.Item name="officialYoy" label={t('ind.entryYoy')} tooltip={t('ind.entryYoyHint')}>
              <InputNumber step={0.1} addonAfter="%" style={{ width: 130 }} />
            </Form.Item>
          </Space>
          {error && (
            <div style={{ marginBottom: 8 }}>
              <Alert type="error" showIcon message={t('ind.failed', { message: error.message })} description={error.details.length > 1 ? error.details.map((d) => d.message).join('；') : undefined} />
            </div>
          )}
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('ind.save')}
          </Button>
        </Form>
      </section>
    </Card>
  );
}

function counts(r: IndicatorImportReport) {
  const n = { new: 0, updated: 0, unchanged: 0, rejected: 0 };
  for (const row of r.rows) n[row.action]++;
  return n;
}

export function IndicatorImport({ county, year, onImported }: { county: string; year: number; onImported(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<IndicatorImportReport | null>(null);
  const [skip, setSkip] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const ticket = useRef(0);

  const choose = async (f: File) => {
    const mine = ++ticket.current;
    setPreview(null);
    setSkip(false);
    const problem = checkImportFile(f);
    if (problem) {
      setFile(null);
      setError(new ApiError(0, 'client', problem));
      return;
    }
    setFile(f);
    setError(null);
    setBusy(true);
    try {
      const report = await importIndicatorSheet(f, { region: county, skipInvalid: false, commit: false });
      if (mine === ticket.current) setPreview(report);
    } catch (e) {
      if (mine === ticket.current) setError(asApiError(e));
    } finally {
      if (mine === ticket.current) setBusy(false);
    }
  };

  const confirm = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const report = await importIndicatorSheet(file, { region: county, skipInvalid: skip, commit: true });
      if (report.committed) {
        message.success(t('ind.importDone', { new: report.new, updated: report.updated }));
        setPreview(null);
        setFile(null);
        onImported();
      } else setPreview(report);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  const download = async () => {
    try {
      await downloadIndicatorSheet(county, year);
    } catch (e) {
      message.error(asApiError(e).message);
    }
  };

  const n = preview ? counts(preview) : null;
  const blocked = n && n.rejected > 0 && !skip ? t('ind.importBlocked', { n: n.rejected }) : n && n.new + n.updated === 0 ? t('ind.importNothing') : null;

  return (
    <Card size="small" title={t('ind.import')} className="fill-card">
      <section aria-label={t('ind.import')}>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('ind.importHint')}
        </Typography.Paragraph>
        <Button size="small" icon={<DownloadOutlined />} onClick={() => void download()} style={{ marginBottom: 8 }}>
          {t('ind.export', { year })}
        </Button>
        <Upload.Dragger
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          multiple={false}
          showUploadList={false}
          disabled={busy}
          beforeUpload={(f) => {
            void choose(f);
            return Upload.LIST_IGNORE;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('ind.importDrag')}</p>
          {file && <p className="ant-upload-hint">{file.name}</p>}
        </Upload.Dragger>
        {error && (
          <div style={{ marginTop: 8 }}>
            <LoadError error={error} />
          </div>
        )}
        {preview && n && (
          <div style={{ marginTop: 12, display: 'flex', flexDirection: 'column', gap: 8, alignItems: 'flex-start' }}>
            <Tag color={n.rejected > 0 ? 'red' : 'green'} style={{ whiteSpace: 'normal' }}>
              {t('ind.importCounts', n)}
            </Tag>
            {preview.rejected.length > 0 && (
              <ul className="problem-list" style={{ maxHeight: 180, overflow: 'auto' }}>
                {preview.rejected.map((r) => (
                  <li key={r.row}>{t('ind.importRow', { row: r.row, reason: r.reason.replace(/^第\d+行[：:]\s*/, '') })}</li>
                ))}
              </ul>
            )}
            {n.rejected > 0 && (
              <Checkbox checked={skip} onChange={(e) => setSkip(e.target.checked)}>
                {t('ind.importSkip')}
              </Checkbox>
            )}
            <Space wrap>
              <Button type="primary" disabled={blocked !== null} loading={busy} onClick={() => void confirm()}>
                {t('ind.importConfirm')}
              </Button>
              {blocked && <Typography.Text type="warning">{blocked}</Typography.Text>}
            </Space>
          </div>
        )}
      </section>
    </Card>
  );
}
