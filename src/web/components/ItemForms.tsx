// The forms of an item's steps (交办, 签收, 反馈进展 with evidence, 解决计划, 申请销号, 销号, 退回, 延期, 重新打开, 批示,
// 修改) and of a new item, each a modal that sends one request and shows the server's refusal in its words.
import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Radio, Select, Switch, Upload, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError } from '../api.ts';
import { useSession } from '../hooks/session.tsx';
import { useI18n } from '../i18n.tsx';
import { supervisionApi, uploadItemEvidence, type CreateBody, type ItemAction, type ItemDetail } from '../lib/supervision-api.ts';
import { word } from '../lib/supervision-view.ts';

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

interface Values {
  note?: string;
  unitId?: string;
  leaderId?: string | null;
  level?: 'ordinary' | 'major';
  dueOn?: Dayjs | null;
  planDue?: Dayjs;
  newDue?: Dayjs;
  title?: string;
  description?: string;
  taskList?: string;
  measures?: string;
}

/** The note's label and whether it is required, by step. */
const NOTE: Partial<Record<ItemAction, { key: 'sv.form.note' | 'sv.form.progressNote' | 'sv.form.resultNote' | 'sv.form.reasonNote' | 'sv.form.instructionNote'; required: boolean }>> = {
  assign: { key: 'sv.form.note', required: false },
  receive: { key: 'sv.form.note', required: false },
  progress: { key: 'sv.form.progressNote', required: true },
  requestClose: { key: 'sv.form.resultNote', required: true },
  close: { key: 'sv.form.note', required: false },
  return: { key: 'sv.form.reasonNote', required: true },
  reopen: { key: 'sv.form.reasonNote', required: true },
  instruct: { key: 'sv.form.instructionNote', required: true },
};

/** The steps that set a day and say why: a major item's dated plan, and an extension. */
const DATED: Partial<Record<ItemAction, { date: 'planDue' | 'newDue'; dateLabel: 'sv.form.planDue' | 'sv.form.newDue'; noteLabel: 'sv.form.planNote' | 'sv.form.reasonNote' }>> = {
  setPlan: { date: 'planDue', dateLabel: 'sv.form.planDue', noteLabel: 'sv.form.planNote' },
  extend: { date: 'newDue', dateLabel: 'sv.form.newDue', noteLabel: 'sv.form.reasonNote' },
};

function UnitLeaderFields({ unitRequired }: { unitRequired: boolean }) {
  const { t } = useI18n();
  const { context } = useSession();
  return (
    <>
      <Form.Item name="unitId" label={t('sv.form.unit')} rules={unitRequired ? [{ required: true, message: t('sv.form.required') }] : []}>
        <Select showSearch optionFilterProp="label" allowClear={!unitRequired} options={context.units.map((u) => ({ value: u.id, label: u.name }))} />
      </Form.Item>
      <Form.Item name="leaderId" label={t('sv.form.leader')} extra={t('sv.form.leaderHint')}>
        <Select showSearch optionFilterProp="label" allowClear options={context.leaders.map((l) => ({ value: l.id, label: l.title ? `${l.name}（${l.title}）` : l.name }))} />
      </Form.Item>
    </>
  );
}

function LevelField() {
  const i18n = useI18n();
  return (
    <Form.Item name="level" label={i18n.t('sv.form.level')}>
      <Radio.Group options={(['ordinary', 'major'] as const).map((l) => ({ value: l, label: word(i18n, 'sv.level', l) }))} optionType="button" />
    </Form.Item>
  );
}

/** One step of an item's life in a modal; `onDone` receives the item as the server returns it after the step. */
export function ItemActionModal({ detail, action, onClose, onDone }: { detail: ItemDetail; action: ItemAction; onClose(): void; onDone(d: ItemDetail): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const item = detail.item;
  const id = item.id;
  const version = item.version;
  const withEvidence = action === 'progress' || action === 'requestClose';
  const label = word(i18n, 'sv.action', action);

  const submit = async (v: Values) => {
    setSaving(true);
    setProblem(undefined);
    try {
      const note = v.note?.trim() || undefined;
      let done: ItemDetail;
      switch (action) {
        case 'assign':
          done = await supervisionApi.assign(id, { unitId: v.unitId!, leaderId: v.leaderId ?? undefined, level: v.level, dueOn: day(v.dueOn) ?? null, note, version });
          break;
        case 'setPlan':
          done = await supervisionApi.plan(id, { planDue: day(v.planDue)!, note: note ?? '', version });
          break;
        case 'extend':
          done = await supervisionApi.extend(id, { newDue: day(v.newDue)!, reason: note ?? '', version });
          break;
        case 'edit':
          done = await supervisionApi.edit(id, {
            title: v.title,
            description: v.description ?? null,
            unitId: v.unitId ?? null,
            leaderId: v.leaderId ?? null,
            level: v.level,
            taskList: v.taskList ?? null,
            measures: v.measures ?? null,
            dueOn: day(v.dueOn) ?? null,
            version,
          });
          break;
        default: {
          const attachmentIds = withEvidence ? (await Promise.all(files.map((f) => uploadItemEvidence(id, f.originFileObj as File)))).map((a) => a.id) : undefined;
          const body = { note, attachmentIds, version };
          const call = {
            receive: supervisionApi.receive,
            progress: supervisionApi.progress,
            requestClose: supervisionApi.requestClose,
            close: supervisionApi.close,
            return: supervisionApi.sendBack,
            reopen: supervisionApi.reopen,
            instruct: supervisionApi.instruct,
          }[action as 'receive' | 'progress' | 'requestClose' | 'close' | 'return' | 'reopen' | 'instruct'];
          done = await call(id, body);
        }
      }
      message.success(t('sv.done', { action: label }));
      onDone(done);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setProblem(e.message);
    } finally {
      setSaving(false);
    }
  };

  const note = NOTE[action];
  const dated = DATED[action];
  const initial: Values =
    action === 'edit'
      ? { title: item.title, description: item.description ?? undefined, unitId: item.unitId ?? undefined, leaderId: item.leaderId, level: item.level, taskList: item.taskList ?? undefined, measures: item.measures ?? undefined, dueOn: item.dueOn ? dayjs(item.dueOn) : null }
      : action === 'assign'
        ? { unitId: item.unitId ?? undefined, leaderId: item.leaderId, level: item.level }
        : {};
  return (
    <Modal title={`${label}：${item.title}`} open onCancel={onClose} onOk={() => form.submit()} okText={t('sv.form.submit')} cancelText={t('sv.form.cancel')} confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)}>
        {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 12 }} />}
        {action === 'edit' && (
          <>
            <Form.Item name="title" label={t('sv.form.title')} rules={[{ required: true, message: t('sv.form.required') }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="description" label={t('sv.form.description')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
            </Form.Item>
          </>
        )}
        {(action === 'assign' || action === 'edit') && (
          <>
            <UnitLeaderFields unitRequired={action === 'assign'} />
            <LevelField />
            <Form.Item name="dueOn" label={t('sv.form.dueOn')} extra={t('sv.form.dueHint')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
        {action === 'edit' && (
          <>
            <Form.Item name="taskList" label={t('sv.form.taskList')}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="measures" label={t('sv.form.measures')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
            </Form.Item>
          </>
        )}
        {dated && (
          <>
            <Form.Item name={dated.date} label={t(dated.dateLabel)} rules={[{ required: true, message: t('sv.form.required') }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="note" label={t(dated.noteLabel)} rules={[{ required: true, whitespace: true, message: t('sv.form.required') }]}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
            </Form.Item>
          </>
        )}
        {note && (
          <Form.Item name="note" label={t(note.key)} rules={note.required ? [{ required: true, whitespace: true, message: t('sv.form.required') }] : []}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
          </Form.Item>
        )}
        {withEvidence && (
          <Form.Item label={t('sv.form.evidence')} extra={t('sv.form.evidenceHint')}>
            <Upload accept="image/*,.pdf,.heic" multiple fileList={files} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList.slice(0, 6))}>
              <Button icon={<UploadOutlined />}>{t('sv.form.upload')}</Button>
            </Upload>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** A new item: the dispatcher assigns it at once (or leaves it to assign), a leader or a unit raises a problem. */
export function ItemCreateModal({ region, projectId, onClose, onDone }: { region: string; projectId?: string; onClose(): void; onDone(d: ItemDetail): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { user } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values & { kind: 'problem' | 'task'; source: CreateBody['source']; assign: boolean }>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const dispatcher = user.role === 'admin' || user.role === 'dispatcher';
  const assign = Form.useWatch('assign', form);
  const submit = async (v: Values & { kind: 'problem' | 'task'; source: CreateBody['source']; assign: boolean }) => {
    setSaving(true);
    setProblem(undefined);
    try {
      const done = await supervisionApi.create({
        region,
        kind: v.kind,
        title: v.title ?? '',
        description: v.description ?? null,
        source: v.source,
        level: v.level ?? 'ordinary',
        projectId: projectId ?? null,
        unitId: v.unitId ?? null,
        leaderId: v.leaderId ?? null,
        taskList: v.taskList ?? null,
        dueOn: day(v.dueOn) ?? null,
        assign: dispatcher && v.assign,
      });
      message.success(t('sv.done', { action: t('sv.new') }));
      onDone(done);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setProblem(e.message);
    } finally {
      setSaving(false);
    }
  };
  const initial = { kind: 'problem' as const, source: user.role === 'leader' ? ('leader' as const) : user.role === 'reporter' ? ('report' as const) : ('meeting' as const), level: 'ordinary' as const, assign: dispatcher };
  return (
    <Modal title={projectId ? t('pa.raise') : t('sv.new')} open onCancel={onClose} onOk={() => form.submit()} okText={t('sv.form.submit')} cancelText={t('sv.form.cancel')} confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)}>
        {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 12 }} />}
        <Form.Item name="kind" label={t('sv.form.kind')}>
          <Radio.Group options={(['problem', 'task'] as const).map((k) => ({ value: k, label: word(i18n, 'sv.kind', k) }))} optionType="button" />
        </Form.Item>
        <Form.Item name="title" label={t('sv.form.title')} rules={[{ required: true, whitespace: true, message: t('sv.form.required') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={t('sv.form.description')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="source" label={t('sv.form.source')}>
          <Select options={(['report', 'leader', 'meeting', 'workReport', 'other'] as const).map((s) => ({ value: s, label: word(i18n, 'sv.source', s) }))} />
        </Form.Item>
        {dispatcher && (
          <>
            <Form.Item name="assign" label={t('sv.form.assignNow')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <UnitLeaderFields unitRequired={!!assign} />
            <LevelField />
            <Form.Item name="taskList" label={t('sv.form.taskList')}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="dueOn" label={t('sv.form.dueOn')} extra={t('sv.form.dueHint')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
