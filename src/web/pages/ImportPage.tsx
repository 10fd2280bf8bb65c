// 导入台账: upload an Excel ledger, see row by row what the importer read (a preview that writes nothing), then confirm the import.
import { DownloadOutlined, FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Form, Grid, Result, Row, Segmented, Space, Table, Tag, Tooltip, Typography, Upload, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../api.ts';
import { PageTitle } from '../components/common.tsx';
import { useAsOf } from '../hooks/use-as-of.ts';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useSession } from '../hooks/session.tsx';
import { useI18n, type I18n, type MessageKey } from '../i18n.tsx';
import { checkImportFile, downloadFile, importLedger, templatePath, type ImportAction, type ImportReport, type ImportRow } from '../lib/ledger-files.ts';

const ACTION_TAG: Record<ImportAction, { color: string; label: MessageKey }> = {
  new: { color: 'green', label: 'action.new' },
  updated: { color: 'blue', label: 'action.updated' },
  unchanged: { color: 'default', label: 'action.unchanged' },
  rejected: { color: 'red', label: 'action.rejected' },
};

function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, 'client', e instanceof Error ? e.message : String(e));
}

/** What the importer understood of the sheet, so a wrong unit or month is caught before confirming. */
function readFrom(i18n: I18n, r: ImportReport): string {
  const text = i18n.t('import.readFrom', { sheet: r.sheet, unit: r.unit, year: r.year });
  return r.asOf ? `${text}${i18n.t('import.readAsOf', { month: i18n.month(r.asOf) })}` : text;
}

/** The reason without a leading "第7行：" (the server may write it in): the row number has its own column and is prefixed once in the list. */
function bareReason(reason: string | undefined): string {
  return (reason ?? '').replace(/^第\d+行[：:]\s*/, '');
}

/** How many rows of each action: the preview's counts, which the server leaves at 0 while refused rows block the import. */
function countActions(r: ImportReport): Record<ImportAction, number> {
  const n: Record<ImportAction, number> = { new: 0, updated: 0, unchanged: 0, rejected: 0 };
  for (const row of r.rows) n[row.action]++;
  return n;
}

function fileSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function Explanation({ asOf }: { asOf: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await downloadFile(templatePath(asOf), '项目台账模板.xlsx');
    } catch (e) {
      message.error(asApiError(e).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('import.accepts')} className="fill-card">
      <ul className="import-accepts">
        {(['import.accept1', 'import.accept2', 'import.accept3', 'import.accept4', 'import.accept5', 'import.accept6'] as const).map((k) => (
          <li key={k}>{t(k)}</li>
        ))}
      </ul>
      <Space wrap size={8}>
        <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void download()}>
          {t('import.template')}
        </Button>
        <Typography.Text type="secondary">{t('import.templateHint')}</Typography.Text>
      </Space>
    </Card>
  );
}

function FailedAlert({ error }: { error: ApiError }) {
  const { t } = useI18n();
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      message={t('import.failed')}
      description={
        <>
          <div>{error.message}</div>
          {/* A file problem repeats the message as its one detail; only further ones are listed. */}
          {error.details.some((d) => d.message !== error.message) && (
            <ul className="problem-list">
              {error.details
                .filter((d) => d.message !== error.message)
                .map((d, i) => (
                  <li key={i}>{d.message}</li>
                ))}
            </ul>
          )}
        </>
      }
      style={{ marginTop: 12 }}
    />
  );
}

/** The refused rows as a clerk would write them in a reply: "第38行：项目名称为空". */
function FaultyList({ report, skipped }: { report: ImportReport; skipped?: boolean }) {
  const { t } = useI18n();
  if (report.rejected.length === 0) return null;
  const title = t(skipped ? 'import.skippedTitle' : 'import.faultyTitle', { n: report.rejected.length });
  return (
    <Alert
      type={skipped ? 'warning' : 'error'}
      showIcon
      message={title}
      description={
        <ul className="problem-list faulty-list" aria-label={title}>
          {report.rejected.map((r) => (
            <li key={r.row}>{t('import.rowReason', { row: r.row, reason: bareReason(r.reason) })}</li>
          ))}
        </ul>
      }
      style={{ marginBottom: 12 }}
    />
  );
}

/** The leaders and units the import creates: "将新建" in a preview, "已新建" once imported. */
function CreatedList({ report }: { report: ImportReport }) {
  const { t, lang } = useI18n();
  const { leaders, units } = report.created;
  if (leaders.length === 0 && units.length === 0) return null;
  const sep = lang === 'zh' ? '、' : ', ';
  const title = t(report.committed ? 'import.created' : 'import.willCreate');
  return (
    <Alert
      type="info"
      showIcon
      message={title}
      description={
        <>
          <ul className="problem-list" aria-label={title}>
            {leaders.length > 0 && <li>{t('import.newLeaders', { n: leaders.length, names: leaders.map((l) => (l.title ? `${l.name}（${l.title}）` : l.name)).join(sep) })}</li>}
            {units.length > 0 && <li>{t('import.newUnits', { n: units.length, names: units.join(sep) })}</li>}
          </ul>
          {!report.committed && <Typography.Text type="secondary">{t('import.createdNote')}</Typography.Text>}
        </>
      }
      style={{ marginBottom: 12 }}
    />
  );
}

function Summary({ report }: { report: ImportReport }) {
  const { t } = useI18n();
  const n = countActions(report);
  return (
    <Space wrap size={[4, 6]} className="import-summary">
      <Tag color="green">{t('import.willAdd', { n: n.new })}</Tag>
      <Tag color="blue">{t('import.willUpdate', { n: n.updated })}</Tag>
      <Tag>{t('import.noChange', { n: n.unchanged })}</Tag>
      <Tag color={n.rejected > 0 ? 'red' : 'default'}>{t('import.faulty', { n: n.rejected })}</Tag>
    </Space>
  );
}

function RowsTable({ report, phone }: { report: ImportReport; phone: boolean }) {
  const { t } = useI18n();
  const faulty = report.rows.filter((r) => r.action === 'rejected').length;
  const [onlyFaulty, setOnlyFaulty] = useState(false);
  const rows = onlyFaulty ? report.rows.filter((r) => r.action === 'rejected') : report.rows;
  const columns: TableColumnsType<ImportRow> = [
    { key: 'row', title: t('import.colRow'), dataIndex: 'row', width: phone ? 76 : 84, align: 'right', onCell: () => ({ className: 'nowrap' }) },
    {
      key: 'name',
      title: t('import.colName'),
      // On a phone the row, the name and the action fit the screen; the reason is a swipe away.
      width: phone ? 160 : 300,
      render: (_: unknown, r) => (r.name ? r.name : <Typography.Text type="secondary">{t('import.noName')}</Typography.Text>),
    },
    {
      key: 'action',
      title: t('import.colAction'),
      width: 76,
      render: (_: unknown, r) => <Tag color={ACTION_TAG[r.action].color}>{t(ACTION_TAG[r.action].label)}</Tag>,
    },
    {
      key: 'reason',
      title: t('import.colReason'),
      width: phone ? 200 : 320,
      render: (_: unknown, r) => (r.action === 'rejected' ? <Typography.Text type="danger">{bareReason(r.reason)}</Typography.Text> : bareReason(r.reason) || (r.notes ?? []).join('；')),
    },
  ];
  return (
    <>
      <Segmented
        value={onlyFaulty ? 'faulty' : 'all'}
        onChange={(v) => setOnlyFaulty(v === 'faulty')}
        options={[
          { value: 'all', label: t('import.showAll', { n: report.rows.length }) },
          { value: 'faulty', label: t('import.showFaulty', { n: faulty }), disabled: faulty === 0 },
        ]}
        style={{ marginBottom: 8 }}
      />
      <Table<ImportRow>
        className="import-rows"
        size="small"
        bordered
        rowKey="row"
        columns={columns}
        dataSource={rows}
        rowClassName={(r) => (r.action === 'rejected' ? 'row-faulty' : '')}
        scroll={{ x: columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0) }}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false, size: phone ? 'small' : 'default' }}
      />
    </>
  );
}

export function ImportPage() {
  const { county, user } = useSession();
  const { asOf: appAsOf } = useAsOf();
  const i18n = useI18n();
  const { t } = i18n;
  const phone = !Grid.useBreakpoint().md;
  useDocumentTitle(t('import.title'));

  const [file, setFile] = useState<File | null>(null);
  const [year, setYear] = useState<Dayjs | null>(null);
  const [month, setMonth] = useState<Dayjs | null>(null);
  const [preview, setPreview] = useState<ImportReport | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [skip, setSkip] = useState(false);
  const [committing, setCommitting] = useState(false);
  const [done, setDone] = useState<ImportReport | null>(null);
  // A newer file or field change makes an older preview's answer irrelevant.
  const ticket = useRef(0);

  if (user.role !== 'admin' && user.role !== 'dispatcher') {
    return <Result status="403" title={t('import.title')} subTitle={t('import.forbidden')} />;
  }

  const options = (y: Dayjs | null, m: Dayjs | null) => ({
    region: county.code,
    year: y ? y.year() : undefined,
    asOf: m ? m.format('YYYY-MM') : undefined,
  });

  const runPreview = async (f: File, y: Dayjs | null, m: Dayjs | null) => {
    const mine = ++ticket.current;
    setPreviewing(true);
    setPreview(null);
    setError(null);
    setSkip(false);
    try {
      const report = await importLedger(f, { ...options(y, m), skipInvalid: false, commit: false });
      if (mine === ticket.current) setPreview(report);
    } catch (e) {
      if (mine === ticket.current) setError(asApiError(e));
    } finally {
      if (mine === ticket.current) setPreviewing(false);
    }
  };

  const choose = (f: File) => {
    setDone(null);
    const problem = checkImportFile(f);
    if (problem) {
      ticket.current++;
      setFile(null);
      setPreview(null);
      setPreviewing(false);
      setError(new ApiError(0, 'client', problem));
      return;
    }
    setFile(f);
    void runPreview(f, year, month);
  };

  const changeYear = (y: Dayjs | null) => {
    setYear(y);
    if (file) void runPreview(file, y, month);
  };
  const changeMonth = (m: Dayjs | null) => {
    setMonth(m);
    if (file) void runPreview(file, year, m);
  };

  const confirm = async () => {
    if (!file || !preview) return;
    setCommitting(true);
    setError(null);
    try {
      const report = await importLedger(file, { ...options(year, month), skipInvalid: skip, commit: true });
      if (report.committed) {
        setDone(report);
        setPreview(null);
        setFile(null);
      } else {
        // The ledger changed between preview and confirm, or the server found more: show what it found now.
        setPreview(report);
        setError(new ApiError(422, 'not_committed', t('import.notCommitted', { n: report.rejected.length })));
      }
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setCommitting(false);
    }
  };

  const reset = () => {
    ticket.current++;
    setDone(null);
    setPreview(null);
    setFile(null);
    setError(null);
    setPreviewing(false);
  };

  if (done) {
    const skipped = done.rejected.length;
    return (
      <>
        <PageTitle title={t('import.title')} sub={county.name} />
        <Card>
          <Result
            status="success"
            title={t('import.done')}
            subTitle={
              <>
                {t('import.doneDetail', { new: done.new, updated: done.updated, unchanged: done.unchanged })}
                {skipped > 0 && t('import.doneSkipped', { n: skipped })}
                <div>{readFrom(i18n, done)}</div>
              </>
            }
            children={<CreatedList report={done} />}
            extra={[
              <Link key="ledger" to={done.asOf ? `/projects?asOf=${encodeURIComponent(done.asOf)}` : '/projects'}>
                <Button type="primary">{t('import.openLedger')}</Button>
              </Link>,
              <Button key="again" onClick={reset}>
                {t('import.again')}
              </Button>,
            ]}
          />
          {skipped > 0 && <FaultyList report={done} skipped />}
        </Card>
      </>
    );
  }

  const counts = preview ? countActions(preview) : null;
  const faulty = counts?.rejected ?? 0;
  const nothingToDo = counts !== null && counts.new + counts.updated === 0;
  const blocked = faulty > 0 && !skip ? t('import.blockedFaulty', { n: faulty }) : nothingToDo ? t('import.blockedNothing') : null;
  const busy = previewing || committing;

  return (
    <>
      <PageTitle title={t('import.title')} sub={`${county.name} · ${t('import.sub')}`} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('import.upload')} className="fill-card">
            <Upload.Dragger
              accept=".xlsx,.xls,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,text/csv"
              multiple={false}
              showUploadList={false}
              disabled={busy}
              beforeUpload={(f) => {
                choose(f);
                // The file is sent by this page, once the clerk has seen the preview.
                return Upload.LIST_IGNORE;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('import.drag')}</p>
              <p className="ant-upload-hint">{t('import.dragHint')}</p>
            </Upload.Dragger>
            {file && (
              <div className="import-file">
                <FileExcelOutlined style={{ color: '#15803d' }} /> {t('import.chosen')}：<Typography.Text strong>{file.name}</Typography.Text>
                <Typography.Text type="secondary">（{fileSize(file.size)}）</Typography.Text>
              </div>
            )}
            <Form layout="vertical" className="import-fields" requiredMark={false}>
              <Row gutter={12}>
                <Col xs={12} sm={8}>
                  <Form.Item label={t('import.year')} tooltip={t('import.fromHeaders')} style={{ marginBottom: 0 }}>
                    <DatePicker picker="year" value={year} onChange={changeYear} placeholder={t('import.fromHeaders')} disabled={busy} style={{ width: '100%' }} aria-label={t('import.year')} />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={8}>
                  <Form.Item label={t('import.asOf')} tooltip={t('import.fromHeaders')} style={{ marginBottom: 0 }}>
                    <DatePicker
                      picker="month"
                      value={month}
                      onChange={changeMonth}
                      format={i18n.lang === 'zh' ? 'YYYY年M月' : 'MMM YYYY'}
                      placeholder={t('import.fromHeaders')}
                      disabled={busy}
                      style={{ width: '100%' }}
                      aria-label={t('import.asOf')}
                    />
                  </Form.Item>
                </Col>
              </Row>
            </Form>
            {error && <FailedAlert error={error} />}
          </Card>
        </Col>
        {!phone && (
          <Col xs={24} lg={10}>
            <Explanation asOf={appAsOf} />
          </Col>
        )}
      </Row>

      {(previewing || preview) && (
        <Card
          size="small"
          title={t('import.preview')}
          loading={previewing}
          style={{ marginTop: 16 }}
          extra={preview && !phone ? <Summary report={preview} /> : undefined}
          aria-label={t('import.preview')}
        >
          {preview && (
            <section aria-label={t('import.preview')}>
              {phone && (
                <div style={{ marginBottom: 8 }}>
                  <Summary report={preview} />
                </div>
              )}
              <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
                {t('import.previewNote')}
                {readFrom(i18n, preview)}
              </Typography.Paragraph>
              <FaultyList report={preview} />
              <CreatedList report={preview} />
              <RowsTable key={`${file?.name}-${preview.rows.length}`} report={preview} phone={phone} />
              <div className="import-actions">
                {faulty > 0 && (
                  <Checkbox checked={skip} onChange={(e) => setSkip(e.target.checked)} disabled={committing}>
                    {t('import.skip')}
                  </Checkbox>
                )}
                <Space wrap size={8} align="center">
                  <Tooltip title={blocked}>
                    <Button type="primary" loading={committing} disabled={blocked !== null} onClick={() => void confirm()}>
                      {t('import.confirm')}
                    </Button>
                  </Tooltip>
                  <Button onClick={reset} disabled={committing}>
                    {t('import.chooseAnother')}
                  </Button>
                  {!blocked && counts && <Typography.Text type="secondary">{t('import.confirmNote', { new: counts.new, updated: counts.updated })}</Typography.Text>}
                  {/* A phone has no hover: the reason the button is greyed out is written beside it. */}
                  {blocked && phone && <Typography.Text type="warning">{blocked}</Typography.Text>}
                </Space>
              </div>
            </section>
          )}
        </Card>
      )}
      {/* On a phone the explanation goes last, so the preview follows the file straight away. */}
      {phone && (
        <div style={{ marginTop: 16 }}>
          <Explanation asOf={appAsOf} />
        </div>
      )}
    </>
  );
}
