// 文稿: the work summary drafted from the data for the as-of month — paragraphs to rewrite, each number live or frozen
// with a note, the charts the document carries, editions and what moved since, the files (.docx, PDF, the dispatch
// pack) and a preview of the first page as LibreOffice prints it.
import { EditOutlined, FileExcelOutlined, FilePdfOutlined, FileWordOutlined, LockOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Col, Collapse, Form, Input, Popover, Radio, Row, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { editableText, parseEditableText, runsText, usedFigureSources, type Run } from '../../domain/document/document-model.ts';
import { INVESTMENT_MEASURES } from '../../domain/document/investment-measures.ts';
import { ApiError } from '../api.ts';
import { EChart } from '../components/EChart.tsx';
import { LoadError, PageSkeleton, PageTitle } from '../components/common.tsx';
import { useAsOf } from '../hooks/use-as-of.ts';
import { useAsync } from '../hooks/use-async.ts';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useSession } from '../hooks/session.tsx';
import { useI18n } from '../i18n.tsx';
import { documentApi, packFilePath, summaryFilePath, type DocBlock, type DocFigureView, type DraftedDocument, type MovedFigureView } from '../lib/document-api.ts';
import { downloadFile } from '../lib/ledger-files.ts';

/** The editor's state: the document as shown, with the user's edits and freezes on top of the loaded one. */
interface Working {
  doc: DraftedDocument;
  /** Paragraph id → its edited runs. */
  edited: Map<string, Run[]>;
  /** Figure source → the note of its freeze. */
  frozen: Map<string, string>;
  editionId: string | null;
  moved: MovedFigureView[];
}

function initial(doc: DraftedDocument, editionId: string | null, moved: MovedFigureView[]): Working {
  const frozen = new Map(doc.content.figures.filter((f) => f.frozen).map((f) => [f.source, f.frozen!.note]));
  return { doc, edited: new Map(), frozen, editionId, moved };
}

function FigureChip({ figure, frozenNote, canEdit, onFreeze }: { figure: DocFigureView; frozenNote: string | undefined; canEdit: boolean; onFreeze: (note: string | null) => void }) {
  const { t } = useI18n();
  const [note, setNote] = useState(frozenNote ?? '');
  const frozen = frozenNote !== undefined;
  const content = (
    <div style={{ maxWidth: 300 }}>
      <div style={{ fontWeight: 600 }}>{figure.label}</div>
      <div>
        {t('doc.value')}：{figure.value}
      </div>
      <div style={{ color: '#888', wordBreak: 'break-all', fontSize: 12 }}>
        {t('doc.source')}：{figure.source}
      </div>
      {figure.frozen && <div style={{ marginTop: 4 }}>{t('doc.frozenOn', { day: figure.frozen.on, note: figure.frozen.note })}</div>}
      {canEdit && (
        <Space direction="vertical" style={{ marginTop: 8, width: '100%' }}>
          <Switch checkedChildren={t('doc.frozen')} unCheckedChildren={t('doc.live')} checked={frozen} onChange={(on) => onFreeze(on ? note : null)} aria-label={t('doc.freeze')} />
          {frozen && <Input size="small" value={note} placeholder={t('doc.freezeNote')} onChange={(e) => { setNote(e.target.value); onFreeze(e.target.value); }} />}
        </Space>
      )}
    </div>
  );
  return (
    <Popover content={content} trigger="click">
      <span className={frozen ? 'doc-figure doc-figure-frozen' : 'doc-figure'} role="button" tabIndex={0} data-source={figure.source}>
        {frozen && <LockOutlined style={{ fontSize: 11, marginInlineEnd: 2 }} />}
        {figure.text}
      </span>
    </Popover>
  );
}

function Paragraph({ block, runs, figures, order, frozen, canEdit, onEdit, onFreeze }: {
  block: DocBlock;
  runs: Run[];
  figures: Map<string, DocFigureView>;
  order: string[];
  frozen: Map<string, string>;
  canEdit: boolean;
  onEdit: (runs: Run[]) => void;
  onFreeze: (source: string, note: string | null) => void;
}) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  if (editing !== null) {
    return (
      <div className="doc-edit">
        <Input.TextArea value={editing} autoSize={{ minRows: 3 }} onChange={(e) => setEditing(e.target.value)} aria-label={t('doc.edit')} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('doc.editHint')}</Typography.Text>
        {problem && <Alert type="error" showIcon message={problem} />}
        <Space style={{ marginTop: 4 }}>
          <Button
            size="small"
            type="primary"
            onClick={() => {
              const parsed = parseEditableText(editing, order);
              if ('problem' in parsed) return setProblem(parsed.problem);
              onEdit(parsed.runs);
              setEditing(null);
              setProblem(null);
            }}
          >
            {t('doc.done')}
          </Button>
          <Button size="small" onClick={() => setEditing(null)}>{t('doc.cancel')}</Button>
        </Space>
      </div>
    );
  }
  return (
    <p className="doc-body">
      {runs.map((r, i) => {
        if ('text' in r) return <span key={i}>{r.text}</span>;
        const f = figures.get(r.figure);
        return f ? <FigureChip key={i} figure={f} frozenNote={frozen.get(r.figure)} canEdit={canEdit} onFreeze={(note) => onFreeze(r.figure, note)} /> : null;
      })}
      {canEdit && block.editable && (
        <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(editableText(runs, order))} aria-label={t('doc.edit')}>
          {t('doc.edit')}
        </Button>
      )}
    </p>
  );
}

function MovedList({ moved }: { moved: MovedFigureView[] }) {
  const { t } = useI18n();
  if (moved.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      message={t('doc.moved')}
      description={
        <Table
          size="small"
          rowKey="source"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={moved}
          columns={[
            { title: t('doc.source'), dataIndex: 'label' },
            { title: t('doc.before'), render: (_, m) => m.before.text },
            { title: t('doc.after'), render: (_, m) => (m.after ? m.after.text : t('doc.movedGone')) },
            { title: '', render: (_, m) => (m.frozen ? <Tag icon={<LockOutlined />}>{t('doc.movedFrozen')}</Tag> : null) },
          ]}
        />
      }
    />
  );
}

function TemplateForm({ region, canEdit }: { region: string; canEdit: boolean }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const template = useAsync(() => documentApi.template(region), [region]);
  const [form] = Form.useForm();
  useEffect(() => {
    if (template.data) form.setFieldsValue(template.data);
  }, [template.data, form]);
  if (!template.data) return null;
  return (
    <Form
      form={form}
      layout="vertical"
      disabled={!canEdit}
      onFinish={async (v) => {
        try {
          await documentApi.saveTemplate({ region, unitName: v.unitName, numberPattern: v.numberPattern, recipient: v.recipient ?? '', signature: v.signature });
          message.success(t('doc.templateSaved'));
          template.reload();
        } catch (e) {
          message.error(e instanceof ApiError ? e.message : String(e));
        }
      }}
    >
      <Row gutter={12}>
        <Col xs={24} md={12}><Form.Item name="unitName" label={t('doc.unitName')} rules={[{ required: true }]}><Input /></Form.Item></Col>
        <Col xs={24} md={12}><Form.Item name="numberPattern" label={t('doc.numberPattern')} extra={t('doc.numberPatternHint')} rules={[{ required: true }]}><Input /></Form.Item></Col>
        <Col xs={24} md={12}><Form.Item name="recipient" label={t('doc.recipient')}><Input /></Form.Item></Col>
        <Col xs={24} md={12}><Form.Item name="signature" label={t('doc.signature')} rules={[{ required: true }]}><Input /></Form.Item></Col>
      </Row>
      {canEdit && <Button htmlType="submit" type="primary" icon={<SaveOutlined />}>{t('doc.saveTemplate')}</Button>}
    </Form>
  );
}

export function DocumentsPage() {
  const { county, user } = useSession();
  const { asOf } = useAsOf();
  const i18n = useI18n();
  const { t, lang } = i18n;
  const { message } = AntApp.useApp();
  useDocumentTitle(t('doc.title'));
  const canEdit = user.role === 'admin' || user.role === 'dispatcher';
  const [serial, setSerial] = useState('');
  const [editionId, setEditionId] = useState<string | null>(null);
  const [working, setWorking] = useState<Working | null>(null);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [preview, setPreview] = useState<string | null>(null);
  const [period, setPeriod] = useState<'week' | 'month'>('month');
  const editions = useAsync(() => documentApi.editions(county.code, asOf), [county.code, asOf]);
  const loaded = useAsync(
    async () => (editionId ? documentApi.edition(editionId) : { document: await documentApi.draft(county.code, asOf, serial || undefined), moved: [], edition: null }),
    [county.code, asOf, editionId, serial],
  );
  useEffect(() => {
    if (loaded.data) setWorking(initial(loaded.data.document, editionId, loaded.data.moved));
    setPreview(null);
    // A new document replaces the working copy only once it has loaded.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded.data]);
  useEffect(() => setEditionId(null), [county.code, asOf]);

  const figures = useMemo(() => new Map((working?.doc.content.figures ?? []).map((f) => [f.source, f])), [working]);
  const blocks = working?.doc.content.blocks ?? [];
  const runsOf = (b: DocBlock) => working?.edited.get(b.id) ?? b.runs;
  const order = useMemo(() => usedFigureSources(blocks.map((b) => ({ ...b, runs: working?.edited.get(b.id) ?? b.runs }))), [blocks, working]);
  const dirty = !!working && (working.edited.size > 0 || [...working.frozen.keys()].some((s) => !figures.get(s)?.frozen) || working.doc.content.figures.some((f) => f.frozen && !working.frozen.has(f.source)));

  const save = async () => {
    if (!working) return;
    setSaving(true);
    try {
      const view = await documentApi.save({
        region: county.code,
        asOf,
        basedOn: working.editionId,
        note: note || undefined,
        head: working.doc.content.head,
        blocks: blocks.map((b) => ({ id: b.id, runs: b.kind === 'body' ? runsOf(b) : undefined })),
        frozen: [...working.frozen.entries()].map(([source, n]) => ({ source, note: n })),
      });
      message.success(t('doc.saved', { n: view.edition.number }));
      setNote('');
      editions.reload();
      setEditionId(view.edition.id);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  const download = async (path: string, name: string) => {
    try {
      await downloadFile(path, name);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  const file = (format: 'docx' | 'pdf' | 'png') => summaryFilePath({ region: county.code, asOf, format, edition: editionId, serial: serial || undefined });

  let charts = 0;
  return (
    <>
      <PageTitle title={t('doc.title')} sub={`${county.name} · ${t('header.asOf')} ${i18n.month(asOf)}`} />
      <Card size="small" className="doc-toolbar" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Select
            style={{ minWidth: 200 }}
            aria-label={t('doc.editions')}
            value={editionId ?? ''}
            onChange={(v) => setEditionId(v || null)}
            options={[{ value: '', label: t('doc.draft') }, ...(editions.data?.editions ?? []).map((e) => ({ value: e.id, label: `${t('doc.editionOf', { n: e.number })}${e.note ? ` · ${e.note}` : ''}` }))]}
          />
          {!editionId && <Input style={{ width: 120 }} value={serial} onChange={(e) => setSerial(e.target.value.replace(/\D/g, '').slice(0, 4))} placeholder={t('doc.serial')} aria-label={t('doc.serial')} />}
          <Button icon={<FileWordOutlined />} onClick={() => void download(file('docx'), 'summary.docx')}>{t('doc.docx')}</Button>
          <Button icon={<FilePdfOutlined />} onClick={() => void download(file('pdf'), 'summary.pdf')} title={t('doc.pdfHint')}>{t('doc.pdf')}</Button>
        </Space>
        {canEdit && (
          <Space wrap style={{ marginTop: 8 }}>
            <Input style={{ width: 240 }} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('doc.saveNote')} aria-label={t('doc.saveNote')} />
            <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void save()}>{t('doc.save')}</Button>
            {dirty && <Tag color="orange">{t('doc.unsaved')}</Tag>}
          </Space>
        )}
      </Card>
      {loaded.error && !working && <LoadError error={loaded.error} onRetry={loaded.reload} />}
      {!working && !loaded.error && <PageSkeleton />}
      {working && (
        <Row gutter={[16, 16]} className={loaded.loading ? 'stale' : undefined}>
          <Col xs={24} xl={16}>
            <MovedList moved={working.moved} />
            <Card size="small" title={t('doc.summary')} extra={<Typography.Text type="secondary">{t('doc.figures', { n: figures.size })}</Typography.Text>}>
              <article className="doc-page" lang="zh-CN">
                {working.doc.content.head.docNumber && <p className="doc-number">{working.doc.content.head.docNumber}</p>}
                <h2 className="doc-title">{working.doc.content.head.title}</h2>
                {working.doc.content.head.recipient && <p className="doc-recipient">{working.doc.content.head.recipient}：</p>}
                <p className="doc-body">{working.doc.content.head.opening}</p>
                {blocks.map((b) => {
                  switch (b.kind) {
                    case 'heading1':
                      return <h3 key={b.id} className="doc-h1">{runsText(b.runs, figures)}</h3>;
                    case 'heading2':
                      return <h4 key={b.id} className="doc-h2">{runsText(b.runs, figures)}</h4>;
                    case 'chart':
                      charts += 1;
                      return b.chart ? (
                        <figure key={b.id} className="doc-chart">
                          <EChart option={b.chart.option} height={Math.round(b.chart.height * 0.8)} label={b.chart.title} />
                          <figcaption>{`图${charts}　${b.chart.title}`}</figcaption>
                        </figure>
                      ) : null;
                    case 'table':
                      return null;
                    default:
                      return (
                        <Paragraph
                          key={b.id}
                          block={b}
                          runs={runsOf(b)}
                          figures={figures}
                          order={order}
                          frozen={working.frozen}
                          canEdit={canEdit}
                          onEdit={(runs) => setWorking({ ...working, edited: new Map(working.edited).set(b.id, runs) })}
                          onFreeze={(source, n) => {
                            const frozen = new Map(working.frozen);
                            if (n === null) frozen.delete(source);
                            else frozen.set(source, n);
                            setWorking({ ...working, frozen });
                          }}
                        />
                      );
                  }
                })}
                <p className="doc-signature">{working.doc.content.head.signature}</p>
                <p className="doc-signature">{working.doc.content.head.date}</p>
              </article>
            </Card>
          </Col>
          <Col xs={24} xl={8}>
            <Space direction="vertical" style={{ width: '100%' }} size={16}>
              <Card size="small" title={t('doc.preview')}>
                {preview ? (
                  <img src={preview} alt={t('doc.preview')} className="doc-preview" onError={() => setPreview(null)} />
                ) : (
                  <Button onClick={() => setPreview(`/api${file('png')}&t=${Date.now()}`)}>{t('doc.showPreview')}</Button>
                )}
                <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>{t('doc.pdfHint')}</Typography.Paragraph>
              </Card>
              <Card size="small" title={t('doc.pack')}>
                <Space wrap>
                  <Radio.Group value={period} onChange={(e) => setPeriod(e.target.value)} optionType="button" options={[{ value: 'week', label: t('doc.packWeek') }, { value: 'month', label: t('doc.packMonth') }]} />
                  <Button icon={<FileWordOutlined />} onClick={() => void download(packFilePath({ region: county.code, asOf, format: 'docx', period }), 'pack.docx')}>{t('doc.packDocx')}</Button>
                  <Button icon={<FileExcelOutlined />} onClick={() => void download(packFilePath({ region: county.code, asOf, format: 'xlsx', period }), 'pack.xlsx')}>{t('doc.packXlsx')}</Button>
                </Space>
              </Card>
              <Card size="small" title={t('doc.measures')}>
                {Object.values(INVESTMENT_MEASURES).map((m) => (
                  <p key={m.name} style={{ marginBottom: 6 }}>
                    <b>{lang === 'zh' ? m.name : m.nameEn}</b>：{lang === 'zh' ? m.counts : m.countsEn}
                  </p>
                ))}
              </Card>
              <Collapse size="small" items={[{ key: 'template', label: t('doc.template'), children: <TemplateForm region={county.code} canEdit={canEdit} /> }]} />
            </Space>
          </Col>
        </Row>
      )}
    </>
  );
}
