// 一份月报, one screen on a phone: the project and the month, the month's investment in 万元 (or the year-to-date when that is all a unit knows) with the figures it leads to, progress, stage changes, problems and evidence; save, submit, review, and corrections once approved.
import { ArrowLeftOutlined, CameraOutlined, DeleteOutlined, FileOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Form, Image, Input, Select, Space, Switch, Tag, Typography } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { addMonths, lastDayOfMonth, monthYear } from '../../domain/months.ts';
import { EVIDENCE_MAX_BYTES } from '../../domain/round/evidence.ts';
import { api, ApiError } from '../api.ts';
import { Figure, LoadError, NotFound, PageSkeleton, PageTitle } from '../components/common.tsx';
import { ReportCorrections } from '../components/ReportCorrections.tsx';
import { ReportReviewActions } from '../components/ReportReview.tsx';
import { useAsync } from '../hooks/use-async.ts';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useSession } from '../hooks/session.tsx';
import { ItemStatusTag } from '../components/ItemList.tsx';
import { useI18n, type I18n } from '../i18n.tsx';
import { dateTime } from '../lib/format.ts';
import { attachmentUrl, roundApi, uploadEvidence, type Attachment, type ReportBody, type ReportPageData, type StageEventCode } from '../lib/round-api.ts';
import { figureBase, type FigureBase } from '../../domain/round/monthly-figure.ts';
import { baseFromFigures, parseWan, previewFigures, yuanToWanText, type RoundFigures } from '../lib/round-money.ts';
import { reportStatusLabel, REPORT_STATUS_COLOURS, stageEventLabel, STAGE_EVENT_CODES, wanExact, wanRule } from '../lib/round-view.ts';

interface FormValues {
  amount?: string;
  ytdMode?: boolean;
  progress?: string | null;
  stageEvents?: { event?: StageEventCode; on?: Dayjs | null }[];
  problems?: string;
}

function initialValues(p: ReportPageData): FormValues {
  const ytd = p.enteredAs === 'ytd';
  return {
    amount: ytd ? yuanToWanText(p.enteredYtd) : yuanToWanText(p.completedMonth),
    ytdMode: ytd,
    progress: p.progress ?? '',
    stageEvents: p.stageEvents.map((e) => ({ event: e.event, on: dayjs(e.on) })),
    problems: p.problems.map((x) => x.description).join('\n'),
  };
}

function problemLines(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The body the API takes: the amount in whole 元 under the field its mode names, the version seen. */
function buildBody(v: FormValues, version: number): { body: ReportBody; amount: number | null } {
  const parsed = parseWan(v.amount ?? '');
  // The form's rule has refused a malformed amount before this is called.
  const amount = parsed.ok ? parsed.yuan : null;
  const body: ReportBody = {
    enteredAs: v.ytdMode ? 'ytd' : 'month',
    progress: v.progress?.trim() || null,
    stageEvents: (v.stageEvents ?? []).map((e) => ({ event: e.event!, on: e.on!.format('YYYY-MM-DD') })),
    problems: problemLines(v.problems),
    version,
  };
  if (v.ytdMode) body.ytd = amount;
  else body.completedMonth = amount;
  return { body, amount };
}

/** The form field a server detail belongs to: 'ytd' and 'completedMonth' are the amount, 'stageEvents.1.on' the second change's date. */
function formFieldOf(field: string): NamePath<FormValues> | null {
  if (field === 'completedMonth' || field === 'ytd' || field === 'enteredAs') return 'amount';
  if (field === 'progress') return 'progress';
  const ev = /^stageEvents\.(\d+)\.(event|on)$/.exec(field);
  if (ev) return ['stageEvents', Number(ev[1]), ev[2]!] as NamePath<FormValues>;
  if (field === 'problems' || field.startsWith('problems.')) return 'problems';
  return null;
}

function FiguresCard({ report, preview }: { report: ReportPageData; preview: RoundFigures | null }) {
  const i18n = useI18n();
  const { t } = i18n;
  const year = monthYear(report.month);
  const shown = preview ?? report.figures;
  const fig = (v: number | undefined) => (v === undefined ? '—' : wanExact(v, i18n));
  return (
    <Card size="small">
      <section aria-label={t('report.month')}>
        <div className="figure-grid" style={{ ['--figure-min' as string]: i18n.lang === 'zh' ? '150px' : '220px' }}>
          <Figure label={t('report.month')} value={i18n.month(report.month)} strong />
          <Figure label={t('report.unit')} value={report.unitName ?? '—'} />
          <Figure label={t('report.total')} value={wanExact(report.totalInvestment, i18n)} />
          <Figure label={t('report.plan', { year })} value={report.annualPlan === null ? '—' : wanExact(report.annualPlan, i18n)} />
        </div>
      </section>
      <section aria-label={t('report.figMonth')} style={{ marginTop: 10, paddingTop: 10, borderTop: '1px dashed #e5e7eb' }}>
        {shown ? (
          <>
            <div className="figure-grid" style={{ ['--figure-min' as string]: i18n.lang === 'zh' ? '150px' : '220px' }}>
              <Figure label={t('report.figMonth')} value={fig(shown.month)} strong />
              <Figure label={t('report.figYtd', { period: i18n.period(report.month) })} value={fig(shown.ytd)} strong />
              <Figure label={t('report.figSinceStart')} value={fig(shown.sinceStart)} />
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {preview ? t('report.figPreview') : t('report.figSaved')}
            </Typography.Text>
          </>
        ) : (
          <Typography.Text type="secondary">{t('report.figNone')}</Typography.Text>
        )}
      </section>
    </Card>
  );
}

function Evidence({ attachments }: { attachments: Attachment[] }) {
  const { t } = useI18n();
  if (attachments.length === 0) return <Typography.Text type="secondary">{t('report.noEvidence')}</Typography.Text>;
  // Browsers cannot show HEIC: such photos are offered as files, like PDFs.
  const shownAsImage = (a: Attachment) => a.mimeType.startsWith('image/') && a.mimeType !== 'image/heic';
  return (
    <Space wrap size={8} aria-label={t('report.evidence')}>
      <Image.PreviewGroup>
        {attachments.filter(shownAsImage).map((a) => (
          <Image key={a.id} src={attachmentUrl(a.id)} alt={a.fileName} width={88} height={88} style={{ objectFit: 'cover', borderRadius: 6 }} />
        ))}
      </Image.PreviewGroup>
      {attachments
        .filter((a) => !shownAsImage(a))
        .map((a) => (
          <a key={a.id} href={attachmentUrl(a.id)} target="_blank" rel="noreferrer" style={{ overflowWrap: 'anywhere' }}>
            <FileOutlined /> {a.fileName}
          </a>
        ))}
    </Space>
  );
}

function ReadOnly({ report }: { report: ReportPageData }) {
  const i18n = useI18n();
  const { t } = i18n;
  const block = (label: string, children: ReactNode) => (
    <div style={{ marginBottom: 12 }}>
      <div className="figure-label" style={{ marginBottom: 2 }}>
        {label}
      </div>
      <div style={{ overflowWrap: 'anywhere' }}>{children}</div>
    </div>
  );
  const none = <Typography.Text type="secondary">{t('report.none')}</Typography.Text>;
  return (
    <Card size="small">
      {block(
        t('report.entered'),
        report.completedMonth === null ? none : (
          <>
            {wanExact(report.completedMonth, i18n)}
            {report.enteredAs === 'ytd' && report.enteredYtd !== null && (
              <Typography.Text type="secondary">
                {'（'}
                {t('report.enteredYtd', { period: i18n.period(report.month) })} {wanExact(report.enteredYtd, i18n)}
                {'）'}
              </Typography.Text>
            )}
          </>
        ),
      )}
      {block(t('report.progress'), report.progress ? <span style={{ whiteSpace: 'pre-wrap' }}>{report.progress}</span> : none)}
      {block(
        t('report.stageEvents'),
        report.stageEvents.length === 0 ? none : (
          <Space wrap size={6}>
            {report.stageEvents.map((e, i) => (
              <Tag key={i}>
                {stageEventLabel(i18n, e.event)} {e.on}
              </Tag>
            ))}
          </Space>
        ),
      )}
      {block(
        t('report.problems'),
        report.problems.length === 0 ? none : (
          <ul className="problem-list">
            {report.problems.map((p) => (
              <li key={p.id}>
                <Link to={`/items/${p.id}`}>{p.description}</Link> <ItemStatusTag status={p.itemStatus} />
              </li>
            ))}
          </ul>
        ),
      )}
      {block(t('report.evidence'), <Evidence attachments={report.attachments} />)}
    </Card>
  );
}

function readOnlyText(i18n: I18n, report: ReportPageData, canAsk: boolean): string {
  if (report.status === 'approved' && canAsk) return i18n.t(report.roundStatus === 'closed' ? 'report.closedNote' : 'report.approvedNote');
  if (report.roundStatus === 'closed') return i18n.t('report.closedLocked');
  if (report.status === 'draft' || report.status === 'returned') return i18n.t('report.readOnlyNoRight');
  return i18n.t('report.readOnly', { status: reportStatusLabel(i18n, report.status) });
}

function ReportForm({ report, base, onSaved, onReload }: { report: ReportPageData; base: FigureBase | null; onSaved(next: ReportPageData): void; onReload(): Promise<ReportPageData> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState<'save' | 'submit'>();
  const [problems, setProblems] = useState<string[]>([]);
  const [conflict, setConflict] = useState<string>();
  const [uploading, setUploading] = useState(false);
  const [attachments, setAttachments] = useState(report.attachments);
  const fileInput = useRef<HTMLInputElement>(null);
  const alerts = useRef<HTMLDivElement>(null);
  const amountText = Form.useWatch('amount', form);
  const ytdMode = Form.useWatch('ytdMode', form) ?? report.enteredAs === 'ytd';
  const period = i18n.period(report.month);
  const earlier = base?.earlier ?? null;

  const typed = parseWan(amountText ?? '');
  const savedAmount = report.enteredAs === 'ytd' ? report.enteredYtd : report.completedMonth;
  const changed = typed.ok && (typed.yuan !== savedAmount || ytdMode !== (report.enteredAs === 'ytd'));
  const preview = changed && typed.ok ? previewFigures(base, ytdMode ? 'ytd' : 'month', typed.yuan) : null;

  const showAlerts = () => requestAnimationFrame(() => alerts.current?.scrollIntoView({ block: 'center', behavior: 'smooth' }));

  // Turning to the year-to-date (or back) carries the typed amount over when the earlier months are known.
  const onValuesChange = (changedValues: FormValues, all: FormValues) => {
    if (!('ytdMode' in changedValues)) return;
    const parsed = parseWan(all.amount ?? '');
    if (!parsed.ok || parsed.yuan === null) return;
    if (earlier === null) {
      form.setFieldValue('amount', '');
      return;
    }
    const next = changedValues.ytdMode ? parsed.yuan + earlier : parsed.yuan - earlier;
    form.setFieldValue('amount', next >= 0 ? yuanToWanText(next) : '');
  };

  const send = async (kind: 'save' | 'submit') => {
    setProblems([]);
    setConflict(undefined);
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const { body, amount } = buildBody(values, report.version);
    if (kind === 'submit' && amount === null) {
      form.setFields([{ name: 'amount', errors: [t('report.amountRequired')] }]);
      form.scrollToField('amount', { block: 'center' });
      return;
    }
    setBusy(kind);
    try {
      const next = kind === 'save' ? await roundApi.save(report.id, body) : await roundApi.submit(report.id, body);
      message.success(kind === 'save' ? t('report.saved') : t('report.submitted'));
      onSaved(next);
      if (kind === 'submit') window.scrollTo({ top: 0, behavior: 'smooth' });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const failed = kind === 'save' ? t('report.failed', { message: e.message }) : t('report.submitFailed', { message: e.message });
      message.error(failed);
      if (e.status === 409) {
        setConflict(e.message);
        showAlerts();
        return;
      }
      const fields: { name: NamePath<FormValues>; errors: string[] }[] = [];
      const elsewhere: string[] = [];
      for (const d of e.details) {
        const name = formFieldOf(d.field);
        if (name === null) elsewhere.push(d.message);
        else fields.push({ name, errors: [d.message] });
      }
      form.setFields(fields);
      if (fields.length > 0) form.scrollToField(fields[0]!.name, { block: 'center' });
      if (elsewhere.length > 0 || e.details.length === 0) {
        setProblems(elsewhere.length > 0 ? elsewhere : [e.message]);
        if (fields.length === 0) showAlerts();
      }
    } finally {
      setBusy(undefined);
    }
  };

  const reload = async () => {
    const fresh = await onReload();
    form.setFieldsValue(initialValues(fresh));
    setAttachments(fresh.attachments);
    setConflict(undefined);
    setProblems([]);
  };

  const onFiles = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setUploading(true);
    try {
      for (const file of Array.from(files)) {
        if (file.size > EVIDENCE_MAX_BYTES) {
          message.error(t('report.tooLarge', { name: file.name }));
          continue;
        }
        try {
          const meta = await uploadEvidence(report.id, file);
          setAttachments((list) => [...list, { ...meta, reportId: report.id, uploadedAt: new Date().toISOString() }]);
          message.success(t('report.uploaded', { name: meta.fileName }));
        } catch (e) {
          const text = e instanceof ApiError ? (e.details[0]?.message ?? e.message) : String(e);
          message.error(t('report.uploadFailed', { message: text }));
        }
      }
    } finally {
      setUploading(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  const monthEnd = lastDayOfMonth(report.month);
  return (
    <>
      <FiguresCard report={report} preview={preview} />
      {report.prefilled && <Alert type="info" showIcon message={t('report.prefilledHint')} style={{ marginTop: 12 }} />}
      <Card size="small" style={{ marginTop: 12 }}>
        <Form<FormValues> form={form} layout="vertical" initialValues={initialValues(report)} onValuesChange={onValuesChange} requiredMark={false}>
          <Form.Item name="ytdMode" valuePropName="checked" label={t('report.ytdSwitch')} style={{ marginBottom: 8 }}>
            <Switch aria-label={t('report.ytdSwitch')} />
          </Form.Item>
          <Form.Item
            name="amount"
            label={ytdMode ? t('report.enteredYtd', { period }) : t('report.entered')}
            extra={
              ytdMode
                ? earlier !== null
                  ? t('report.ytdHint', { period, earlierPeriod: i18n.period(addMonths(report.month, -1)), earlier: wanExact(earlier, i18n) })
                  : t('report.ytdHintUnknown', { period })
                : t('report.amountHint')
            }
            rules={[wanRule(i18n, false)]}
          >
            <Input inputMode="decimal" size="large" suffix={t('report.wan')} autoComplete="off" allowClear />
          </Form.Item>
          <Form.Item name="progress" label={t('report.progress')}>
            <Input.TextArea rows={3} maxLength={2000} placeholder={t('report.progressHint')} />
          </Form.Item>
          <Form.Item label={t('report.stageEvents')} extra={t('report.stageEventsHint')}>
            <Form.List name="stageEvents">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <div key={field.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                      <Form.Item name={[field.name, 'event']} rules={[{ required: true, message: t('report.eventRequired') }]} style={{ width: 96, flex: 'none', marginBottom: 8 }}>
                        <Select aria-label={t('report.event')} options={STAGE_EVENT_CODES.map((e) => ({ value: e, label: stageEventLabel(i18n, e) }))} placeholder={t('report.event')} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'on']} rules={[{ required: true, message: t('report.dateRequired') }]} style={{ flex: 1, minWidth: 0, marginBottom: 8 }}>
                        <DatePicker aria-label={t('report.eventOn')} style={{ width: '100%' }} format="YYYY-MM-DD" disabledDate={(d) => d.format('YYYY-MM-DD') > monthEnd} />
                      </Form.Item>
                      <Button type="text" icon={<DeleteOutlined />} aria-label={t('report.remove')} onClick={() => remove(field.name)} />
                    </div>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} block>
                    {t('report.addEvent')}
                  </Button>
                </>
              )}
            </Form.List>
          </Form.Item>
          <Form.Item name="problems" label={t('report.problems')} extra={t('report.problemsHint')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item label={t('report.evidence')} extra={t('report.evidenceHint')} style={{ marginBottom: 0 }}>
            <Space direction="vertical" size={8} style={{ width: '100%' }}>
              <Evidence attachments={attachments} />
              <input
                ref={fileInput}
                type="file"
                accept="image/*,application/pdf"
                capture="environment"
                style={{ display: 'none' }}
                aria-label={t('report.upload')}
                onChange={(e) => void onFiles(e.target.files)}
              />
              <Button icon={<CameraOutlined />} loading={uploading} onClick={() => fileInput.current?.click()}>
                {uploading ? t('report.uploading') : t('report.upload')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <div ref={alerts}>
        {conflict && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 12 }}
            message={t('report.conflictTitle')}
            description={conflict}
            action={
              <Button size="small" onClick={() => void reload()}>
                {t('report.reload')}
              </Button>
            }
          />
        )}
        {problems.length > 0 && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 12 }}
            message={t('report.problemsTitle')}
            description={
              <ul className="problem-list">
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            }
          />
        )}
      </div>
      <div style={{ position: 'sticky', bottom: 0, zIndex: 5, display: 'flex', gap: 8, padding: '10px 0', background: 'rgba(243, 245, 249, 0.96)' }}>
        <Button size="large" style={{ flex: 1 }} loading={busy === 'save'} disabled={busy === 'submit'} onClick={() => void send('save')}>
          {t('report.save')}
        </Button>
        <Button size="large" type="primary" style={{ flex: 1 }} loading={busy === 'submit'} disabled={busy === 'save'} onClick={() => void send('submit')}>
          {report.status === 'returned' ? t('report.resubmit') : t('report.submit')}
        </Button>
      </div>
    </>
  );
}

export function ReportRoute() {
  const { id = '' } = useParams();
  return <ReportPage key={id} id={id} />;
}

export function ReportPage({ id }: { id: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { user } = useSession();
  const state = useAsync(() => roundApi.report(id), [id]);
  // The page a save, submit or review returned: shown at once, until a newer one loads.
  const [latest, setLatest] = useState<ReportPageData>();
  const report = latest && state.data && latest.version >= state.data.version ? latest : state.data;
  // The project's months, so the figures follow the entry from the first keystroke, before anything is saved.
  const projectId = state.data?.projectId;
  const project = useAsync(() => (projectId ? api.project(projectId) : Promise.resolve(null)), [projectId]);
  useDocumentTitle(report?.projectName ?? '');

  const back = report ? (
    <Link to={`/rounds/${encodeURIComponent(report.roundId)}`}>
      <ArrowLeftOutlined /> {t('report.back', { month: i18n.month(report.month) })}
    </Link>
  ) : (
    <Link to="/rounds">
      <ArrowLeftOutlined /> {t('round.back')}
    </Link>
  );
  if (state.error && !report) {
    if (state.error.status === 404) return <NotFound action={back} />;
    return (
      <>
        <PageTitle title={back} />
        <LoadError error={state.error} onRetry={state.reload} />
      </>
    );
  }
  if (!report) return <PageSkeleton />;

  const reload = async () => {
    const fresh = await roundApi.report(id);
    setLatest(fresh);
    return fresh;
  };
  const base = baseFromFigures(report.figures) ?? (project.data ? figureBase(report.month, project.data.project.completedBefore, project.data.months) : null);
  // An empty month is flagged for the dispatcher's list; the one filling it in needs no telling that it is empty.
  const showFlags = report.flags.length > 0 && report.status !== 'approved' && (report.canReview || report.completedMonth !== null);
  const canAsk = user.role === 'reporter' || user.role === 'dispatcher' || user.role === 'admin';
  const reviewing = report.canReview && report.status === 'submitted' && report.roundStatus === 'open';

  return (
    <>
      <div style={{ marginBottom: 8 }}>{back}</div>
      <PageTitle
        title={report.projectName}
        sub={
          <Space size={[6, 4]} wrap>
            <Tag color={REPORT_STATUS_COLOURS[report.status]}>{reportStatusLabel(i18n, report.status)}</Tag>
            {report.prefilled && <Tag color="blue">{t('report.prefilled')}</Tag>}
            <span>{i18n.month(report.month)}</span>
            {report.projectCode && <Typography.Text type="secondary">{report.projectCode}</Typography.Text>}
            <Link to={`/projects/${encodeURIComponent(report.projectId)}?asOf=${report.month}`}>{t('report.project')}</Link>
          </Space>
        }
      />
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        {report.status === 'returned' && report.returnReason && (
          <Alert type="error" showIcon message={t('report.returnedTitle')} description={<span style={{ overflowWrap: 'anywhere' }}>{t('report.returned', { reason: report.returnReason })}</span>} />
        )}
        {showFlags && (
          <Alert
            type="warning"
            showIcon
            message={t('report.flagsTitle')}
            description={
              <ul className="problem-list">
                {report.flags.map((f, i) => (
                  <li key={`${f.code}-${i}`}>{f.message}</li>
                ))}
              </ul>
            }
          />
        )}
        {report.canFill ? (
          <ReportForm report={report} base={base} onSaved={setLatest} onReload={reload} />
        ) : (
          <>
            <FiguresCard report={report} preview={null} />
            <Alert type="info" showIcon message={readOnlyText(i18n, report, canAsk)} />
            {(report.firstSubmittedAt || report.reviewedAt) && (
              <Typography.Text type="secondary">
                {report.firstSubmittedAt && t('report.submittedAt', { time: dateTime(report.firstSubmittedAt) })}
                {report.firstSubmittedAt && report.reviewedAt && ' · '}
                {report.reviewedAt && t('report.reviewedAt', { time: dateTime(report.reviewedAt) })}
              </Typography.Text>
            )}
            <ReadOnly report={report} />
          </>
        )}
        {reviewing && (
          <Card size="small" title={t('rcol.actions')}>
            <ReportReviewActions report={report} onDone={setLatest} size="large" block />
          </Card>
        )}
        {report.status === 'approved' && <ReportCorrections report={report} canAsk={canAsk} canDecide={report.canReview} onChanged={() => void reload()} />}
      </Space>
    </>
  );
}
