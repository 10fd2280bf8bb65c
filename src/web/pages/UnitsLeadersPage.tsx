// 单位与领导: a county's responsible units (rename keeping the old name, other names, merge two, group robot) and its
// leaders (add, rename and retitle, retire or reinstate, merge two records of one person), kept by dispatchers and administrators.
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Grid, Input, Modal, Popconfirm, Radio, Result, Select, Space, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../api.ts';
import { LoadError, PageTitle } from '../components/common.tsx';
import { useAsync } from '../hooks/use-async.ts';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useSession, useSessionApi } from '../hooks/session.tsx';
import { useI18n, type MessageKey } from '../i18n.tsx';
import { peopleApi, type AdminLeader, type AdminUnit, type UnitKind } from '../lib/people-api.ts';
import { useFilters } from '../hooks/use-filters.ts';

const UNIT_KINDS: readonly UnitKind[] = ['department', 'township', 'zone', 'enterprise', 'other'];

/**
 * A small form in a dialog: its fields, one save call, the server's refusal shown above the fields. Every change on
 * this page goes through it.
 */
function FormModal<V extends object>({ title, initial, children, okText, onSubmit, onClose }: { title: string; initial?: Partial<V>; children: ReactNode; okText?: string; onSubmit(values: V): Promise<void>; onClose(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<V>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const save = async (values: V) => {
    setSaving(true);
    setProblem(undefined);
    try {
      await onSubmit(values);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setProblem(e.message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal title={title} open onCancel={onClose} onOk={() => form.submit()} okText={okText ?? t('edit.save')} cancelText={t('edit.cancel')} confirmLoading={saving} destroyOnHidden>
      <Form<V> form={form} layout="vertical" requiredMark={false} initialValues={initial} onFinish={(v) => void save(v)}>
        {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 12 }} role="alert" />}
        {children}
      </Form>
    </Modal>
  );
}

type UnitDialog = { kind: 'add' } | { kind: 'rename' | 'alias' | 'merge' | 'robot'; unit: AdminUnit };

function UnitDialogs({ dialog, units, region, onClose, onSaved }: { dialog: UnitDialog; units: AdminUnit[]; region: string; onClose(): void; onSaved(note?: string): void }) {
  const { t } = useI18n();
  const required = (label: string) => [{ required: true, whitespace: true, message: label }];
  switch (dialog.kind) {
    case 'add':
      return (
        <FormModal<{ name: string; kind: UnitKind }> title={t('units.add')} initial={{ kind: 'department' }} onClose={onClose} onSubmit={async (v) => { await peopleApi.addUnit(region, v.name, v.kind); onSaved(); }}>
          <Form.Item name="name" label={t('units.name')} rules={required(t('units.name'))}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="kind" label={t('units.kind')}>
            <Select options={UNIT_KINDS.map((k) => ({ value: k, label: t(`units.kind.${k}` as MessageKey) }))} />
          </Form.Item>
        </FormModal>
      );
    case 'rename':
      return (
        <FormModal<{ name: string }> title={`${t('units.rename')} · ${dialog.unit.name}`} initial={{ name: dialog.unit.name }} onClose={onClose} onSubmit={async (v) => { await peopleApi.renameUnit(dialog.unit.id, v.name.trim()); onSaved(); }}>
          <Typography.Paragraph type="secondary">{t('units.renameHint')}</Typography.Paragraph>
          <Form.Item name="name" label={t('units.newName')} rules={required(t('units.newName'))}>
            <Input maxLength={60} />
          </Form.Item>
        </FormModal>
      );
    case 'alias':
      return (
        <FormModal<{ alias: string }> title={`${t('units.addAlias')} · ${dialog.unit.name}`} onClose={onClose} onSubmit={async (v) => { await peopleApi.addAlias(dialog.unit.id, v.alias.trim()); onSaved(); }}>
          <Form.Item name="alias" label={t('units.alias')} extra={t('units.aliasHint')} rules={required(t('units.alias'))}>
            <Input maxLength={60} />
          </Form.Item>
        </FormModal>
      );
    case 'merge':
      return (
        <FormModal<{ into: string }>
          title={t('units.mergeTitle', { name: dialog.unit.name })}
          okText={t('units.merge').replace('…', '')}
          onClose={onClose}
          onSubmit={async (v) => {
            const { unit, movedProjects } = await peopleApi.mergeUnit(dialog.unit.id, v.into);
            onSaved(t('units.merged', { n: movedProjects, name: unit.name }));
          }}
        >
          <Alert type="warning" showIcon message={t('units.mergeHint', { name: dialog.unit.name, projects: dialog.unit.projects, accounts: dialog.unit.accounts })} style={{ marginBottom: 12 }} />
          <Form.Item name="into" label={t('units.mergeInto')} rules={[{ required: true, message: t('units.mergeInto') }]}>
            <Select showSearch optionFilterProp="label" placeholder={t('edit.select')} options={units.filter((u) => u.id !== dialog.unit.id).map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
        </FormModal>
      );
    case 'robot': {
      const robot = dialog.unit.robot;
      return (
        <RobotDialog unit={dialog.unit} onClose={onClose} onSaved={onSaved} initial={{ kind: robot?.kind ?? 'dingtalk', url: robot?.url ?? '' }} />
      );
    }
    default: {
      const never: never = dialog;
      return never;
    }
  }
}

function RobotDialog({ unit, initial, onClose, onSaved }: { unit: AdminUnit; initial: { kind: 'dingtalk' | 'wecom'; url: string }; onClose(): void; onSaved(): void }) {
  const { t } = useI18n();
  const [removing, setRemoving] = useState(false);
  const remove = async () => {
    setRemoving(true);
    try {
      await peopleApi.setRobot(unit.id, null);
      onSaved();
    } finally {
      setRemoving(false);
    }
  };
  return (
    <FormModal<{ kind: 'dingtalk' | 'wecom'; url: string; secret?: string }>
      title={t('units.robotTitle', { name: unit.name })}
      initial={initial}
      onClose={onClose}
      onSubmit={async (v) => {
        // An empty secret field keeps the one already set (it is never sent back to the page).
        await peopleApi.setRobot(unit.id, { kind: v.kind, url: v.url.trim(), ...(v.secret ? { secret: v.secret.trim() } : unit.robot?.signed ? {} : { secret: null }) });
        onSaved();
      }}
    >
      <Typography.Paragraph type="secondary">{t('units.robotHint')}</Typography.Paragraph>
      <Form.Item name="kind" label={t('units.robot')}>
        <Radio.Group options={(['dingtalk', 'wecom'] as const).map((k) => ({ value: k, label: t(`units.robot.${k}`) }))} />
      </Form.Item>
      <Form.Item name="url" label={t('units.robotUrl')} rules={[{ required: true, whitespace: true, message: t('units.robotUrl') }]}>
        <Input placeholder="https://oapi.dingtalk.com/robot/send?access_token=…" />
      </Form.Item>
      <Form.Item name="secret" label={t('units.robotSecret')} extra={unit.robot?.signed ? t('units.robotSecretKept') : undefined}>
        <Input.Password autoComplete="off" />
      </Form.Item>
      {unit.robot && (
        <Button danger size="small" loading={removing} onClick={() => void remove()}>
          {t('units.robotRemove')}
        </Button>
      )}
    </FormModal>
  );
}

function UnitsTab({ region, phone }: { region: string; phone: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { refresh } = useSessionApi();
  const list = useAsync(() => peopleApi.units(region), [region]);
  const [dialog, setDialog] = useState<UnitDialog>();
  const saved = (note?: string) => {
    setDialog(undefined);
    message.success(note ?? t('units.saved'));
    list.reload();
    void refresh();
  };
  const removeAlias = async (unit: AdminUnit, alias: string) => {
    try {
      await peopleApi.removeAlias(unit.id, alias);
      saved();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      message.error(e.message);
    }
  };
  const units = list.data?.units ?? [];
  const name = (u: AdminUnit) => (
    <span>
      {u.name} <Tag>{t(`units.kind.${UNIT_KINDS.includes(u.kind as UnitKind) ? u.kind : 'other'}` as MessageKey)}</Tag>
    </span>
  );
  const aliases = (u: AdminUnit) => (
    <Space size={[4, 4]} wrap>
      {u.aliases.map((a) => (
        <Tag key={a} closable onClose={(e) => { e.preventDefault(); void removeAlias(u, a); }}>
          {a}
        </Tag>
      ))}
      <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'alias', unit: u })} aria-label={`${t('units.addAlias')} ${u.name}`}>
        {t('units.alias')}
      </Button>
    </Space>
  );
  const robot = (u: AdminUnit) =>
    u.robot ? <Tag color="green">{t(`units.robot.${u.robot.kind}`)}{u.robot.signed ? ` · ${t('units.robotSigned')}` : ''}</Tag> : <Typography.Text type="secondary">{t('units.robotNone')}</Typography.Text>;
  const actions = (u: AdminUnit) => (
    <Space size={0} wrap>
      <Button type="link" size="small" onClick={() => setDialog({ kind: 'rename', unit: u })}>
        {t('units.rename')}
      </Button>
      <Button type="link" size="small" onClick={() => setDialog({ kind: 'robot', unit: u })}>
        {t('units.robot')}
      </Button>
      <Button type="link" size="small" danger onClick={() => setDialog({ kind: 'merge', unit: u })}>
        {t('units.merge')}
      </Button>
    </Space>
  );
  const columns: TableColumnsType<AdminUnit> = phone
    ? [
        {
          key: 'unit',
          title: t('units.tabUnits'),
          render: (_, u) => (
            <div className="stacked-cell">
              {name(u)}
              <Typography.Text type="secondary">
                {t('units.projects')} {u.projects} · {t('units.accounts')} {u.accounts} · {t('units.robot')}：{robot(u)}
              </Typography.Text>
              {aliases(u)}
              {actions(u)}
            </div>
          ),
        },
      ]
    : [
        { key: 'name', title: t('units.name'), width: 220, render: (_, u) => name(u) },
        { key: 'aliases', title: t('units.aliases'), width: 240, render: (_, u) => aliases(u) },
        { key: 'robot', title: t('units.robot'), width: 120, render: (_, u) => robot(u) },
        { key: 'projects', title: t('units.projects'), dataIndex: 'projects', width: 64, align: 'right' },
        { key: 'accounts', title: t('units.accounts'), dataIndex: 'accounts', width: 64, align: 'right' },
        { key: 'actions', title: t('acct.actions'), width: 200, render: (_, u) => actions(u) },
      ];
  return (
    <>
      {list.error && !list.data && <LoadError error={list.error} onRetry={list.reload} />}
      <div style={{ marginBottom: 12 }}>
        <Button icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'add' })}>
          {t('units.add')}
        </Button>
      </div>
      <Table<AdminUnit> size="small" rowKey="id" columns={columns} dataSource={units} loading={list.loading} pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: t('common.noData') }} />
      {dialog && <UnitDialogs dialog={dialog} units={units} region={region} onClose={() => setDialog(undefined)} onSaved={saved} />}
    </>
  );
}

type LeaderDialog = { kind: 'add' } | { kind: 'edit' | 'merge'; leader: AdminLeader };

function LeadersTab({ region, phone }: { region: string; phone: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { refresh } = useSessionApi();
  const list = useAsync(() => peopleApi.leaders(region), [region]);
  const [dialog, setDialog] = useState<LeaderDialog>();
  const saved = (note?: string) => {
    setDialog(undefined);
    message.success(note ?? t('units.saved'));
    list.reload();
    void refresh();
  };
  const retire = async (l: AdminLeader, retired: boolean) => {
    try {
      await peopleApi.updateLeader(l.id, { retired });
      saved();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      message.error(e.message);
    }
  };
  const leaders = list.data?.leaders ?? [];
  const status = (l: AdminLeader) => (l.retiredOn ? <Tag>{t('leaders.retiredOn', { day: l.retiredOn })}</Tag> : <Tag color="green">{t('leaders.serving')}</Tag>);
  const actions = (l: AdminLeader) => (
    <Space size={0} wrap>
      <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', leader: l })}>
        {t('acct.editShort')}
      </Button>
      {l.retiredOn ? (
        <Button type="link" size="small" onClick={() => void retire(l, false)}>
          {t('leaders.reinstate')}
        </Button>
      ) : (
        <Popconfirm title={t('leaders.retireConfirm', { name: l.name })} okText={t('leaders.retire')} cancelText={t('edit.cancel')} onConfirm={() => retire(l, true)}>
          <Button type="link" size="small">
            {t('leaders.retire')}
          </Button>
        </Popconfirm>
      )}
      <Button type="link" size="small" danger onClick={() => setDialog({ kind: 'merge', leader: l })}>
        {t('leaders.merge')}
      </Button>
    </Space>
  );
  const columns: TableColumnsType<AdminLeader> = phone
    ? [
        {
          key: 'leader',
          title: t('units.tabLeaders'),
          render: (_, l) => (
            <div className="stacked-cell">
              <Space size={4} wrap>
                <Typography.Text strong>{l.name}</Typography.Text>
                {status(l)}
              </Space>
              {l.title && <Typography.Text type="secondary">{l.title}</Typography.Text>}
              <Typography.Text type="secondary">
                {t('leaders.projects')} {l.projects} · {t('units.accounts')} {l.accounts}
              </Typography.Text>
              {actions(l)}
            </div>
          ),
        },
      ]
    : [
        { key: 'name', title: t('leaders.name'), dataIndex: 'name', width: 100 },
        { key: 'title', title: t('leaders.title'), width: 200, render: (_, l) => l.title ?? '—' },
        { key: 'status', title: t('leaders.status'), width: 120, render: (_, l) => status(l) },
        { key: 'projects', title: t('leaders.projects'), dataIndex: 'projects', width: 80, align: 'right' },
        { key: 'accounts', title: t('units.accounts'), dataIndex: 'accounts', width: 64, align: 'right' },
        { key: 'actions', title: t('acct.actions'), width: 220, render: (_, l) => actions(l) },
      ];
  const fields = (
    <>
      <Form.Item name="name" label={t('leaders.name')} rules={[{ required: true, whitespace: true, message: t('leaders.name') }]}>
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item name="title" label={t('leaders.title')} extra={t('leaders.titleHint')}>
        <Input maxLength={60} />
      </Form.Item>
    </>
  );
  return (
    <>
      {list.error && !list.data && <LoadError error={list.error} onRetry={list.reload} />}
      <div style={{ marginBottom: 12 }}>
        <Button icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'add' })}>
          {t('leaders.add')}
        </Button>
      </div>
      <Table<AdminLeader> size="small" rowKey="id" columns={columns} dataSource={leaders} loading={list.loading} pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: t('common.noData') }} />
      {dialog?.kind === 'add' && (
        <FormModal<{ name: string; title?: string }> title={t('leaders.add')} onClose={() => setDialog(undefined)} onSubmit={async (v) => { await peopleApi.addLeader(region, v.name.trim(), v.title?.trim() || null); saved(); }}>
          {fields}
        </FormModal>
      )}
      {dialog?.kind === 'edit' && (
        <FormModal<{ name: string; title?: string }>
          title={`${t('leaders.edit')} · ${dialog.leader.name}`}
          initial={{ name: dialog.leader.name, title: dialog.leader.title ?? '' }}
          onClose={() => setDialog(undefined)}
          onSubmit={async (v) => { await peopleApi.updateLeader(dialog.leader.id, { name: v.name.trim(), title: v.title?.trim() || null }); saved(); }}
        >
          {fields}
        </FormModal>
      )}
      {dialog?.kind === 'merge' && (
        <FormModal<{ into: string }>
          title={t('leaders.mergeTitle', { name: dialog.leader.name })}
          okText={t('leaders.merge').replace('…', '')}
          onClose={() => setDialog(undefined)}
          onSubmit={async (v) => {
            const { leader, movedProjects } = await peopleApi.mergeLeader(dialog.leader.id, v.into);
            saved(t('leaders.merged', { n: movedProjects, name: leader.name }));
          }}
        >
          <Alert type="warning" showIcon message={t('leaders.mergeHint', { name: dialog.leader.name, projects: dialog.leader.projects, accounts: dialog.leader.accounts })} style={{ marginBottom: 12 }} />
          <Form.Item name="into" label={t('leaders.mergeInto')} rules={[{ required: true, message: t('leaders.mergeInto') }]}>
            <Select showSearch optionFilterProp="label" placeholder={t('edit.select')} options={leaders.filter((l) => l.id !== dialog.leader.id).map((l) => ({ value: l.id, label: l.title ? `${l.name}（${l.title}）` : l.name }))} />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}

export function UnitsLeadersPage() {
  const { county, user } = useSession();
  const { t } = useI18n();
  const { params, update } = useFilters();
  const phone = !Grid.useBreakpoint().md;
  useDocumentTitle(t('units.title'));
  if (user.role !== 'admin' && user.role !== 'dispatcher') return <Result status="403" title="403" subTitle={t('units.onlyKeepers')} />;
  const tab = params.get('tab') === 'leaders' ? 'leaders' : 'units';
  return (
    <>
      <PageTitle title={t('units.title')} sub={t('units.sub', { county: county.name })} />
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(key) => update({ tab: key })}
          items={[
            { key: 'units', label: t('units.tabUnits'), children: <UnitsTab region={county.code} phone={phone} /> },
            { key: 'leaders', label: t('units.tabLeaders'), children: <LeadersTab region={county.code} phone={phone} /> },
          ]}
        />
      </Card>
    </>
  );
}
