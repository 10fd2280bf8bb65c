// The 入库 panel of the project page: status with its day (and reason when refused), the 开工未入库 flag, the statistics
// office's next cut-offs, the materials checklist to tick, and the status change form.
import { EditOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, DatePicker, Form, Input, List, Modal, Select, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { statsEntryRefusal, type Role } from '../../domain/access.ts';
import { formatMoney } from '../../domain/money.ts';
import { STATS_ENTRY_STATUSES, type StatsEntryStatus } from '../../domain/project/project.ts';
import type { StatsEntryMaterial } from '../../domain/stats-entry/stats-entry.ts';
import { ApiError, call, client } from '../api.ts';
import { useSession } from '../hooks/session.tsx';
import { useAsOf } from '../hooks/use-as-of.ts';
import { useAsync } from '../hooks/use-async.ts';
import { useI18n, type I18n } from '../i18n.tsx';
import { dateTime } from '../lib/format.ts';
import { FLAG_TAG_COLOURS, materialLabel, STATUS_TAG_COLOURS } from '../lib/stats-entry-view.ts';
import { LoadError } from './common.tsx';

const entryOf = (id: string, asOf: string) => call(client.projects[':id']['stats-entry'].$get({ param: { id }, query: { asOf } }));
type StatsEntry = Awaited<ReturnType<typeof entryOf>>;
type ChangeBody = Parameters<(typeof client.projects)[':id']['stats-entry']['$patch']>[0]['json'];

/** "2021-06-10（还有10天）": a cut-off with how far off it is from the day the panel is judged on. */
function cutOffText(i18n: I18n, from: string, day: string): string {
  const n = dayjs(day).diff(dayjs(from), 'day');
  return `${day}${n === 0 ? i18n.t('se.today') : i18n.t('se.daysLeft', { n })}`;
}

export function flagText(i18n: I18n, months: number): string {
  return months === 0 ? i18n.t('se.flagNew') : i18n.t('se.flag', { months });
}

interface StatusForm {
  status: StatsEntryStatus;
  on: Dayjs | null;
  reason?: string;
  notes?: string;
}

function StatusModal({ entry, open, onClose, onSave }: { entry: StatsEntry; open: boolean; onClose(): void; onSave(body: ChangeBody): Promise<ApiError | null> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [form] = Form.useForm<StatusForm>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const status = Form.useWatch('status', form);
  // 已入库 is the dispatcher's to record: a reporter sees it offered but not selectable, with the reason.
  const role = useSession().user.role as Role;
  const refusedMove = (to: StatsEntryStatus) => statsEntryRefusal({ role }, entry.status, to);
  const entryNote = STATS_ENTRY_STATUSES.some((s) => refusedMove(s)) ? t('se.enteredByDispatcher') : undefined;
  const missing = entry.missing.map((m) => materialLabel(i18n, m)).join(i18n.lang === 'zh' ? '、' : ', ');

  const submit = async (v: StatusForm) => {
    setSaving(true);
    setProblem(undefined);
    // Only what was changed is sent: saving a note must not move the day of the status.
    const body: ChangeBody = { version: entry.version };
    const moving = v.status !== entry.status;
    const on = v.on ? v.on.format('YYYY-MM-DD') : null;
    if (moving) body.status = v.status;
    if (v.status !== 'none' && (moving || on !== entry.statusOn)) body.on = on;
    if (v.status === 'refused' && (moving || (v.reason ?? '') !== (entry.reason ?? ''))) body.reason = v.reason ?? null;
    if ((v.notes ?? '') !== (entry.notes ?? '')) body.notes = v.notes ?? null;
    const e = await onSave(body);
    setSaving(false);
    if (!e) return onClose();
    const fields = new Set(['status', 'on', 'reason', 'notes']);
    form.setFields(e.details.filter((d) => fields.has(d.field)).map((d) => ({ name: d.field as keyof StatusForm, errors: [d.message] })));
    setProblem(e.message);
  };

  return (
    <Modal
      title={t('se.changeTitle')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('edit.save')}
      cancelText={t('edit.cancel')}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form<StatusForm>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ status: entry.status, on: dayjs(entry.statusOn ?? entry.day), reason: entry.reason ?? undefined, notes: entry.notes ?? undefined }}
        // A new status is dated the day the panel is judged on until the user picks another; going back restores the stored day.
        onValuesChange={(changed: Partial<StatusForm>) => {
          if (changed.status) form.setFieldValue('on', dayjs(changed.status === entry.status && entry.statusOn ? entry.statusOn : entry.day));
        }}
        onFinish={(v) => void submit(v)}
      >
        {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 12 }} />}
        <Form.Item name="status" label={t('se.status')} rules={[{ required: true }]} extra={entryNote}>
          <Select options={STATS_ENTRY_STATUSES.map((s) => ({ value: s, label: i18n.statsEntry(s), disabled: refusedMove(s) !== null }))} />
        </Form.Item>
        {status === 'submitted' && entry.missing.length > 0 && <Alert type="warning" showIcon message={t('se.missingHint', { items: missing })} style={{ marginBottom: 12 }} />}
        {status !== 'none' && (
          <Form.Item name="on" label={t('se.statusOn')} rules={[{ required: true, message: t('se.dateRequired') }]}>
            <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        )}
        {status === 'refused' && (
          <Form.Item name="reason" label={t('se.reason')} rules={[{ required: true, whitespace: true, message: t('se.reasonRequired') }]}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        )}
        <Form.Item name="notes" label={t('se.notes')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function NoteModal({ item, note, onClose, onSave }: { item: StatsEntryMaterial | null; note: string; onClose(): void; onSave(note: string): Promise<void> }) {
  const i18n = useI18n();
  const [text, setText] = useState(note);
  const [saving, setSaving] = useState(false);
  return (
    <Modal
      title={item ? i18n.t('se.noteTitle', { item: materialLabel(i18n, item) }) : ''}
      open={item !== null}
      onCancel={onClose}
      okText={i18n.t('edit.save')}
      cancelText={i18n.t('edit.cancel')}
      confirmLoading={saving}
      onOk={async () => {
        setSaving(true);
        await onSave(text);
        setSaving(false);
      }}
      destroyOnHidden
    >
      <Input.TextArea rows={3} maxLength={500} value={text} onChange={(e) => setText(e.target.value)} aria-label={i18n.t('se.editNote')} />
    </Modal>
  );
}

/**
 * The 入库 card. `version` is the project's as the page shows it: an edit elsewhere on the page (the status in the edit
 * form) reloads the card; `onChanged` tells the page the project (its status, version and history) moved on.
 */
export function StatsEntryPanel({ projectId, version, onChanged }: { projectId: string; version: number; onChanged(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { asOf, link } = useAsOf();
  const { message } = App.useApp();
  const state = useAsync(() => entryOf(projectId, asOf), [projectId, asOf, version]);
  const [saved, setSaved] = useState<StatsEntry>();
  const [busy, setBusy] = useState(false);
  const [changing, setChanging] = useState(false);
  const [noteFor, setNoteFor] = useState<StatsEntryMaterial | null>(null);
  // The answer to a save is the newest state, until the page loads a newer one.
  const entry = saved && state.data && saved.day === state.data.day && saved.version >= state.data.version ? saved : state.data;

  const save = async (body: ChangeBody): Promise<ApiError | null> => {
    setBusy(true);
    try {
      const next = await call(client.projects[':id']['stats-entry'].$patch({ param: { id: projectId }, query: { asOf }, json: body }));
      setSaved(next);
      message.success(t('se.saved'));
      onChanged();
      return null;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      message.error(t('se.failed', { message: e.message }));
      return e;
    } finally {
      setBusy(false);
    }
  };

  if (state.error && !entry) {
    return (
      <Card size="small" title={t('se.title')}>
        <LoadError error={state.error} onRetry={state.reload} />
      </Card>
    );
  }
  if (!entry) return <Card size="small" title={t('se.title')} loading />;

  const threshold = i18n.lang === 'zh' ? `${formatMoney(entry.threshold, '万元')}万元` : `${formatMoney(entry.threshold, '万元')} ×10k yuan`;
  const doneCount = entry.materials.filter((m) => m.done).length;

  return (
    <Card
      size="small"
      title={t('se.title')}
      extra={
        <Space size={4} wrap>
          <Tag color={STATUS_TAG_COLOURS[entry.status]}>{i18n.statsEntry(entry.status)}</Tag>
          {entry.flag && <Tag color={FLAG_TAG_COLOURS[entry.flag.colour]}>{flagText(i18n, entry.flag.months)}</Tag>}
        </Space>
      }
    >
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        {!entry.applies && <Alert type="info" showIcon message={t('se.notApplicable', { threshold })} />}
        <div>
          <Typography.Text type="secondary">{t('se.status')}：</Typography.Text>
          {i18n.statsEntry(entry.status)}
          {entry.statusOn && <Typography.Text type="secondary"> · {entry.statusOn}</Typography.Text>}
          {entry.status === 'refused' && entry.reason && (
            <Alert type="error" showIcon style={{ marginTop: 8 }} message={`${t('se.reason')}：${entry.reason}`} />
          )}
          {entry.notes && (
            <div style={{ marginTop: 4, whiteSpace: 'pre-wrap' }}>
              <Typography.Text type="secondary">{t('se.notes')}：</Typography.Text>
              {entry.notes}
            </div>
          )}
        </div>
        {entry.applies && (
          <div>
            <Typography.Text type="secondary">{t('se.cutOffs')}：</Typography.Text>
            <Space size={[12, 0]} wrap>
              <span>{t('se.materialsBy', { day: cutOffText(i18n, entry.day, entry.cutOffs.materialsBy) })}</span>
              <span>{t('se.verificationBy', { day: cutOffText(i18n, entry.day, entry.cutOffs.verificationBy) })}</span>
            </Space>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('se.cutOffRule', { m: entry.cutOffs.materialsDay, v: entry.cutOffs.verificationDay })}
              </Typography.Text>
            </div>
          </div>
        )}
        <List
          size="small"
          bordered
          header={
            <Space style={{ width: '100%', justifyContent: 'space-between' }}>
              <Typography.Text strong>{t('se.materials')}</Typography.Text>
              <Typography.Text type={doneCount === 4 ? 'success' : 'secondary'}>{t('se.materialsCount', { done: doneCount })}</Typography.Text>
            </Space>
          }
          dataSource={entry.materials}
          renderItem={(m) => (
            <List.Item
              actions={
                entry.canEdit
                  ? [
                      <Button key="note" type="link" size="small" icon={<EditOutlined />} onClick={() => setNoteFor(m.item)} aria-label={`${materialLabel(i18n, m.item)} ${t('se.editNote')}`}>
                        {t('se.editNote')}
                      </Button>,
                    ]
                  : undefined
              }
            >
              <div style={{ minWidth: 0 }}>
                <Checkbox
                  checked={m.done}
                  disabled={!entry.canEdit || busy}
                  onChange={(e) => void save({ materials: [{ item: m.item, done: e.target.checked }] })}
                >
                  {materialLabel(i18n, m.item)}
                </Checkbox>
                {(m.markedOn || m.note) && (
                  <div style={{ paddingInlineStart: 24, fontSize: 12 }}>
                    {m.markedOn && (
                      <Typography.Text type="secondary">{t('se.marked', { day: m.markedOn, user: m.markedByName ?? t('project.system') })}</Typography.Text>
                    )}
                    {m.note && <div style={{ whiteSpace: 'pre-wrap' }}>{m.note}</div>}
                  </div>
                )}
              </div>
            </List.Item>
          )}
        />
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Link to={link('/stats-entry')}>
            <UnorderedListOutlined /> {t('se.list')}
          </Link>
          {entry.canEdit && (
            <Button type="primary" ghost onClick={() => setChanging(true)} disabled={busy}>
              {t('se.change')}
            </Button>
          )}
        </Space>
        {entry.updatedAt && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('se.updated', { user: entry.updatedByName ?? t('project.system'), time: dateTime(entry.updatedAt) })}
          </Typography.Text>
        )}
      </Space>
      {changing && <StatusModal entry={entry} open={changing} onClose={() => setChanging(false)} onSave={save} />}
      {noteFor && (
        <NoteModal
          key={noteFor}
          item={noteFor}
          note={entry.materials.find((m) => m.item === noteFor)?.note ?? ''}
          onClose={() => setNoteFor(null)}
          onSave={async (note) => {
            const done = entry.materials.find((m) => m.item === noteFor)?.done ?? false;
            if (!(await save({ materials: [{ item: noteFor, done, note }] }))) setNoteFor(null);
          }}
        />
      )}
    </Card>
  );
}
