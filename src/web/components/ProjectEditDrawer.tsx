// The project edit form: amounts typed in 万元 and sent in whole 元, only the changed fields sent with the version seen; the server's refusals shown on their fields.
import { Alert, App, AutoComplete, Button, Col, DatePicker, Divider, Drawer, Form, Grid, Input, InputNumber, Row, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { changesThroughRound, isRoundReviewed, type Role } from '../../domain/access.ts';
import { INDUSTRY_DIVISIONS, INDUSTRY_SECTIONS } from '../../domain/industry.ts';
import { fromUnit } from '../../domain/money.ts';
import { APPROVAL_KINDS, CONSTRUCTION_TYPES, KEY_LEVELS, MILESTONES, PHASES, STAGES, type Milestone, type Phase } from '../../domain/project/project.ts';
import { api, ApiError, type ProjectDetail, type ProjectPatchBody } from '../api.ts';
import { useSession } from '../hooks/session.tsx';
import { useI18n } from '../i18n.tsx';
import { parseHistoryField } from '../../domain/project/history-field.ts';
import { yuanToWanInput } from '../lib/project-view.ts';

const TEXT_FIELDS = ['name', 'projectCode', 'owner', 'chain', 'category', 'progressNote', 'notes'] as const;
const CHOICE_FIELDS = ['approvalKind', 'townshipCode', 'industryCode', 'constructionType', 'stage', 'keyLevel', 'unitId'] as const;
const MONEY_FIELDS = ['totalInvestment', 'completedBefore'] as const;

type FormValues = {
  [K in (typeof TEXT_FIELDS)[number]]?: string | null;
} & {
  [K in (typeof CHOICE_FIELDS)[number]]?: string | null;
} & {
  [K in Milestone]?: Dayjs | null;
} & {
  leaderIds?: string[];
  totalInvestment?: number | null;
  completedBefore?: number | null;
  landAreaMu?: number | null;
  phase?: Phase | null;
  annualPlan?: number | null;
  resumedOn?: Dayjs | null;
};

type FormField = keyof FormValues;
const FORM_FIELDS = new Set<string>([...TEXT_FIELDS, ...CHOICE_FIELDS, ...MILESTONES, ...MONEY_FIELDS, 'leaderIds', 'landAreaMu', 'phase', 'annualPlan', 'resumedOn']);

function toDay(d: Dayjs | null | undefined): string | null {
  return d ? d.format('YYYY-MM-DD') : null;
}

function initialValues(detail: ProjectDetail, year: number): FormValues {
  const p = detail.project;
  const y = detail.years.find((r) => r.year === year);
  const values: FormValues = {
    totalInvestment: yuanToWanInput(p.totalInvestment),
    completedBefore: yuanToWanInput(p.completedBefore),
    landAreaMu: p.landAreaMu,
    leaderIds: p.leaderIds,
    phase: y?.phase ?? null,
    annualPlan: y ? yuanToWanInput(y.annualPlan) : null,
    resumedOn: y?.resumedOn ? dayjs(y.resumedOn) : null,
  };
  for (const f of TEXT_FIELDS) values[f] = p[f];
  for (const f of CHOICE_FIELDS) values[f] = p[f];
  for (const m of MILESTONES) values[m] = p[m] ? dayjs(p[m]) : null;
  return values;
}

/** The fields that differ from the stored project, in the API's units; the year's figures as one `years` entry. */
function buildPatch(detail: ProjectDetail, v: FormValues, year: number): ProjectPatchBody {
  const p = detail.project;
  const patch: Record<string, unknown> = {};
  for (const f of TEXT_FIELDS) {
    const raw = (v[f] ?? '').trim();
    const next = f === 'name' ? raw : raw === '' ? null : raw;
    if (next !== p[f]) patch[f] = next;
  }
  for (const f of CHOICE_FIELDS) {
    const next = v[f] ?? null;
    if (next !== p[f]) patch[f] = next;
  }
  for (const m of MILESTONES) {
    const next = toDay(v[m]);
    if (next !== p[m]) patch[m] = next;
  }
  const leaders = v.leaderIds ?? [];
  if (leaders.join() !== p.leaderIds.join()) patch.leaderIds = leaders;
  for (const f of MONEY_FIELDS) {
    const amount = v[f];
    if (amount === null || amount === undefined) continue;
    const next = fromUnit(amount, '万元');
    if (next !== p[f]) patch[f] = next;
  }
  const area = v.landAreaMu ?? null;
  if (area !== p.landAreaMu) patch.landAreaMu = area;

  const stored = detail.years.find((r) => r.year === year);
  if (v.phase && v.annualPlan !== null && v.annualPlan !== undefined) {
    const next = { year, phase: v.phase, annualPlan: fromUnit(v.annualPlan, '万元'), resumedOn: toDay(v.resumedOn) };
    if (!stored || stored.phase !== next.phase || stored.annualPlan !== next.annualPlan || stored.resumedOn !== next.resumedOn) patch.years = [next];
  }
  return patch as ProjectPatchBody;
}

/** The form field a server detail belongs to: 'years.2021.annualPlan' is the year's annual plan field. */
function formFieldOf(field: string): FormField | null {
  const y = parseHistoryField(field);
  if (y?.kind === 'year') return y.field;
  if (field === 'years') return 'annualPlan';
  const head = field.split('.')[0] ?? field;
  return FORM_FIELDS.has(head) ? (head as FormField) : null;
}

export interface ProjectEditDrawerProps {
  detail: ProjectDetail;
  year: number;
  open: boolean;
  onClose(): void;
  onSaved(detail: ProjectDetail): void;
  /** Fetches the stored project again after a conflict. */
  onReload(): Promise<void>;
}

export function ProjectEditDrawer({ detail, year, open, onClose, onSaved, onReload }: ProjectEditDrawerProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const { context, user } = useSession();
  const { message } = App.useApp();
  // A reporter changes the stage, its days and the earlier years' figure only through the monthly report: shown, not editable.
  const throughRound = changesThroughRound({ role: user.role as Role });
  const locked = (f: FormField) => throughRound && isRoundReviewed(f);
  const lockedNote = (f: FormField) => (locked(f) ? t('edit.viaRound') : undefined);
  const phone = !Grid.useBreakpoint().md;
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [conflict, setConflict] = useState(false);
  const alerts = useRef<HTMLDivElement>(null);
  // The warning sits above the form; whoever pressed 保存 at the bottom must still see it.
  const showAlerts = () => requestAnimationFrame(() => alerts.current?.scrollIntoView({ block: 'start', behavior: 'smooth' }));
  const initial = useMemo(() => initialValues(detail, year), [detail, year]);

  const industryOptions = useMemo(
    () =>
      INDUSTRY_SECTIONS.map((s) => ({
        label: `${s.code} ${s.name}`,
        options: [
          { value: s.code, label: `${s.code} ${s.name}` },
          ...INDUSTRY_DIVISIONS.filter((d) => d.section === s.code).map((d) => ({ value: d.code, label: `${d.code} ${d.name}` })),
        ],
      })),
    [],
  );

  // After a reload the stored project has a new version: the form starts again from it.
  const shownVersion = useRef(detail.project.version);
  useEffect(() => {
    if (shownVersion.current === detail.project.version) return;
    shownVersion.current = detail.project.version;
    form.resetFields();
  }, [detail.project.version, form]);

  const save = async (values: FormValues) => {
    setProblems([]);
    setConflict(false);
    const patch = buildPatch(detail, values, year);
    if (Object.keys(patch).length === 0) {
      message.info(t('edit.noChange'));
      onClose();
      return;
    }
    setSaving(true);
    try {
      const saved = await api.updateProject(detail.project.id, { ...patch, version: detail.project.version });
      message.success(t('edit.saved'));
      onSaved(saved);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status === 409) {
        setConflict(true);
        showAlerts();
      } else {
        const onFields = new Map<FormField, string[]>();
        for (const d of e.details) {
          const f = formFieldOf(d.field);
          if (f) onFields.set(f, [...(onFields.get(f) ?? []), d.message]);
        }
        form.setFields([...onFields].map(([name, errors]) => ({ name, errors })));
        const first = onFields.keys().next();
        if (!first.done) form.scrollToField(first.value, { block: 'center' });
        else showAlerts();
        setProblems(e.details.length > 0 ? [...new Set(e.details.map((d) => d.message))] : [e.message]);
        message.error(t('edit.failed', { message: e.message }));
      }
    } finally {
      setSaving(false);
    }
  };

  const reload = async () => {
    await onReload();
    setConflict(false);
    setProblems([]);
  };

  const wanInput = (disabled = false) => <InputNumber style={{ width: '100%' }} addonAfter={t('edit.wan')} controls={false} disabled={disabled} />;
  const half = { xs: 24, md: 12 };
  const dayFormat = 'YYYY-MM-DD';

  return (
    <Drawer
      title={t('edit.title')}
      open={open}
      onClose={onClose}
      width={phone ? '100%' : 760}
      extra={
        <Space>
          <Button onClick={onClose}>{t('edit.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} disabled={conflict}>
            {t('edit.save')}
          </Button>
        </Space>
      }
    >
      <div ref={alerts} />
      {conflict && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          message={t('edit.conflictTitle')}
          description={t('edit.conflict')}
          action={
            <Button size="small" type="primary" onClick={() => void reload()}>
              {t('edit.reload')}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          message={t('edit.problems')}
          description={
            <ul className="problem-list">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      {throughRound && <Alert type="info" showIcon message={t('edit.viaRoundNote')} style={{ marginBottom: 16 }} />}
      <Form<FormValues> key={detail.project.version} form={form} layout="vertical" initialValues={initial} onFinish={(v) => void save(v)} scrollToFirstError>
        <Divider orientation="left" plain>
          {t('project.basic')}
        </Divider>
        <Row gutter={16}>
          <Col xs={24}>
            <Form.Item name="name" label={i18n.field('name')} rules={[{ required: true, whitespace: true, message: t('edit.nameRequired') }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="projectCode" label={i18n.field('projectCode')}>
              <Input maxLength={40} placeholder="2101-140423-04-01-123456" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="approvalKind" label={i18n.field('approvalKind')}>
              <Select allowClear placeholder={t('edit.select')} options={APPROVAL_KINDS.map((a) => ({ value: a, label: i18n.approvalKind(a) }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="owner" label={i18n.field('owner')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="townshipCode" label={i18n.field('townshipCode')}>
              <Select allowClear showSearch optionFilterProp="label" placeholder={t('edit.select')} options={context.townships.map((tw) => ({ value: tw.code, label: tw.name }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="industryCode" label={i18n.field('industryCode')}>
              <Select allowClear showSearch optionFilterProp="label" placeholder={t('edit.select')} options={industryOptions} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="chain" label={i18n.field('chain')}>
              <AutoComplete allowClear options={context.chains.map((c) => ({ value: c }))} filterOption={(input, o) => String(o?.value ?? '').includes(input)} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="constructionType" label={i18n.field('constructionType')}>
              <Select allowClear placeholder={t('edit.select')} options={CONSTRUCTION_TYPES.map((c) => ({ value: c, label: i18n.constructionType(c) }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="category" label={i18n.field('category')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="stage" label={i18n.field('stage')} rules={[{ required: true }]} extra={lockedNote('stage')}>
              <Select disabled={locked('stage')} options={STAGES.map((s) => ({ value: s, label: i18n.stage(s) }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="keyLevel" label={i18n.field('keyLevel')}>
              <Select allowClear placeholder={t('edit.select')} options={KEY_LEVELS.map((k) => ({ value: k, label: i18n.keyLevel(k) }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="landAreaMu" label={i18n.field('landAreaMu')}>
              <InputNumber style={{ width: '100%' }} addonAfter={t('edit.mu')} controls={false} />
            </Form.Item>
          </Col>
        </Row>

        <Divider orientation="left" plain>
          {t('project.investment')}
        </Divider>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="totalInvestment" label={i18n.field('totalInvestment')} extra={t('edit.amountHint')} rules={[{ required: true, message: t('edit.required', { field: i18n.field('totalInvestment') }) }]}>
              {wanInput()}
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="completedBefore" label={i18n.field('completedBefore')} extra={lockedNote('completedBefore')}>
              {wanInput(locked('completedBefore'))}
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="phase" label={t('edit.yearPhase', { year })} dependencies={['annualPlan']} rules={[({ getFieldValue }) => ({ validator: (_, v) => (v || getFieldValue('annualPlan') === null || getFieldValue('annualPlan') === undefined ? Promise.resolve() : Promise.reject(new Error(t('edit.planNeedsPhase')))) })]}>
              <Select allowClear placeholder={t('edit.select')} options={PHASES.map((p) => ({ value: p, label: i18n.phase(p) }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="annualPlan" label={t('edit.yearPlan', { year })}>
              {wanInput()}
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="resumedOn" label={`${year}${i18n.lang === 'zh' ? '年' : ' '}${i18n.field('resumedOn')}`} extra={lockedNote('resumedOn')}>
              <DatePicker style={{ width: '100%' }} format={dayFormat} disabled={locked('resumedOn')} />
            </Form.Item>
          </Col>
        </Row>

        <Divider orientation="left" plain>
          {t('project.responsibility')}
        </Divider>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="leaderIds" label={i18n.field('leaderIds')}>
              <Select
                mode="multiple"
                allowClear
                showSearch
                optionFilterProp="label"
                placeholder={t('edit.select')}
                // A retired leader is offered only where he already is.
                options={context.leaders.filter((l) => !l.retiredOn || detail.project.leaderIds.includes(l.id)).map((l) => ({ value: l.id, label: l.title ? `${l.name}（${l.title}）` : l.name }))}
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="unitId" label={i18n.field('unitId')}>
              <Select allowClear showSearch optionFilterProp="label" placeholder={t('edit.select')} options={context.units.map((u) => ({ value: u.id, label: u.name }))} />
            </Form.Item>
          </Col>
        </Row>

        <Divider orientation="left" plain>
          {t('project.milestones')}
        </Divider>
        <Row gutter={16}>
          {MILESTONES.map((m) => (
            <Col key={m} xs={12} md={8}>
              <Form.Item name={m} label={i18n.field(m)} extra={lockedNote(m)}>
                <DatePicker style={{ width: '100%' }} format={dayFormat} disabled={locked(m)} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Form.Item name="progressNote" label={i18n.field('progressNote')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="notes" label={i18n.field('notes')}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
