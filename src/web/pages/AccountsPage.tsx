// 账号管理: a county administrator's accounts — create (with an initial password to change at first sign-in), edit,
// reset a password, disable and enable — with each account's state and last sign-in.
import { CopyOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Grid, Input, Modal, Popconfirm, Result, Select, Space, Table, Tag, Typography, type FormInstance, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { ROLES, type Role } from '../../domain/access.ts';
import { passwordProblem } from '../../domain/auth/password-rule.ts';
import { normaliseUsername, usernameProblem } from '../../domain/auth/username.ts';
import { ApiError } from '../api.ts';
import { LoadError, PageTitle } from '../components/common.tsx';
import { useAsync } from '../hooks/use-async.ts';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useSession } from '../hooks/session.tsx';
import { useI18n } from '../i18n.tsx';
import { dateTime } from '../lib/format.ts';
import { peopleApi, type Account } from '../lib/people-api.ts';

interface AccountValues {
  username: string;
  displayName: string;
  role: Role;
  unit?: string | null;
  leader?: string | null;
  password?: string;
}

const UNIT_ROLES: readonly Role[] = ['reporter', 'dispatcher'];

/** The server's field errors shown on the form's fields; anything else as one message. */
function showRefusal<V extends object>(form: FormInstance<V>, e: unknown, fields: readonly (keyof V & string)[]): string | undefined {
  if (!(e instanceof ApiError)) throw e;
  const known = e.details.filter((d): d is { field: keyof V & string; message: string } => (fields as readonly string[]).includes(d.field));
  if (known.length === 0) return e.message;
  form.setFields(known.map((d) => ({ name: d.field as Parameters<FormInstance<V>['getFieldValue']>[0], errors: [d.message] })));
  return undefined;
}

function AccountModal({ account, onClose, onSaved }: { account: Account | null; onClose(): void; onSaved(generated: { who: string; username: string; password: string } | null): void }) {
  const { t, role } = useI18n();
  const { county, context } = useSession();
  const [form] = Form.useForm<AccountValues>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const chosenRole = Form.useWatch('role', form);
  const username = Form.useWatch('username', form);
  const adding = account === null;

  const save = async (v: AccountValues) => {
    setSaving(true);
    setProblem(undefined);
    const unit = UNIT_ROLES.includes(v.role) ? (v.unit ?? null) : null;
    const leader = v.role === 'leader' ? (v.leader ?? null) : null;
    try {
      if (adding) {
        const made = await peopleApi.addAccount({ username: v.username, displayName: v.displayName, role: v.role, regionCode: county.code, unit, leader, password: v.password || undefined });
        onSaved(made.generatedPassword ? { who: made.account.displayName, username: made.account.username, password: made.generatedPassword } : null);
      } else {
        await peopleApi.updateAccount(account.id, { displayName: v.displayName, role: v.role, unit, leader });
        onSaved(null);
      }
    } catch (e) {
      setProblem(showRefusal(form, e, ['username', 'displayName', 'role', 'unit', 'leader', 'password']));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={t(adding ? 'acct.add' : 'acct.edit')}
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('edit.save')}
      cancelText={t('edit.cancel')}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form<AccountValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={account ? { username: account.username, displayName: account.displayName, role: account.role, unit: account.unitId, leader: account.leaderId } : { role: 'reporter' }}
        onFinish={(v) => void save(v)}
      >
        {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 12 }} />}
        <Form.Item
          name="username"
          label={t('acct.username')}
          extra={adding ? t('acct.usernameHint') : undefined}
          rules={[{ required: true, message: t('acct.usernameHint') }, { validator: async (_, v: string) => { const p = v ? usernameProblem(normaliseUsername(v)) : null; if (p) throw new Error(p); } }]}
        >
          <Input disabled={!adding} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('acct.name')} rules={[{ required: true, whitespace: true, message: t('acct.name') }]}>
          <Input autoComplete="off" maxLength={40} />
        </Form.Item>
        <Form.Item name="role" label={t('acct.role')} rules={[{ required: true }]}>
          <Select options={ROLES.map((r) => ({ value: r, label: role(r) }))} />
        </Form.Item>
        {UNIT_ROLES.includes(chosenRole) && (
          <Form.Item name="unit" label={t('acct.unit')} rules={[{ required: chosenRole === 'reporter', message: '填报员必须属于一个单位' }]}>
            <Select allowClear showSearch optionFilterProp="label" placeholder={t('edit.select')} options={context.units.map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
        )}
        {chosenRole === 'leader' && (
          <Form.Item name="leader" label={t('acct.leader')}>
            <Select allowClear showSearch optionFilterProp="label" placeholder={t('edit.select')} options={context.leaders.filter((l) => !l.retiredOn).map((l) => ({ value: l.id, label: l.title ? `${l.name}（${l.title}）` : l.name }))} />
          </Form.Item>
        )}
        {adding && (
          <Form.Item
            name="password"
            label={t('acct.password')}
            extra={`${t('acct.passwordHint')}。${t('pwd.rule')}`}
            rules={[{ validator: async (_, v: string) => { const p = v ? passwordProblem(v, { username: normaliseUsername(username ?? '') }) : null; if (p) throw new Error(p); } }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function ResetModal({ account, onClose, onDone }: { account: Account; onClose(): void; onDone(generated: string | null): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ password?: string }>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const save = async ({ password }: { password?: string }) => {
    setSaving(true);
    setProblem(undefined);
    try {
      onDone((await peopleApi.resetPassword(account.id, password || undefined)).generatedPassword);
    } catch (e) {
      setProblem(showRefusal(form, e, ['password']));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal title={`${t('acct.reset')} · ${account.displayName}`} open onCancel={onClose} onOk={() => form.submit()} okText={t('acct.reset')} cancelText={t('edit.cancel')} confirmLoading={saving} destroyOnHidden>
      <Typography.Paragraph>{t('acct.resetHint', { name: account.displayName })}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => void save(v)}>
        {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 12 }} />}
        <Form.Item
          name="password"
          label={t('acct.password')}
          extra={`${t('acct.passwordHint')}。${t('pwd.rule')}`}
          rules={[{ validator: async (_, v: string) => { const p = v ? passwordProblem(v, { username: account.username }) : null; if (p) throw new Error(p); } }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A password tiaodu made, shown this once with a copy button. */
function PasswordShown({ who, username, password, onClose }: { who: string; username: string; password: string; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const copy = () =>
    void navigator.clipboard?.writeText(password).then(
      () => message.success(t('acct.copied')),
      () => undefined,
    );
  return (
    <Modal title={t('acct.created')} open onCancel={onClose} footer={<Button type="primary" onClick={onClose}>{t('acct.close')}</Button>}>
      <Typography.Paragraph>{t('acct.passwordOnce', { name: who })}</Typography.Paragraph>
      <Space direction="vertical" size={4}>
        <span>
          {t('acct.username')}：<Typography.Text code>{username}</Typography.Text>
        </span>
        <span>
          {t('acct.password')}：<Typography.Text code aria-label={t('acct.password')}>{password}</Typography.Text>{' '}
          <Button size="small" icon={<CopyOutlined />} onClick={copy}>
            {t('acct.copy')}
          </Button>
        </span>
      </Space>
    </Modal>
  );
}

function StatusTag({ account }: { account: Account }) {
  const { t } = useI18n();
  if (account.disabled) return <Tag color="red">{t('acct.status.disabled')}</Tag>;
  if (account.mustChangePassword) return <Tag color="orange">{t('acct.status.mustChange')}</Tag>;
  return <Tag color="green">{t('acct.status.ok')}</Tag>;
}

export function AccountsPage() {
  const { county, user, names } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Account | null | undefined>(undefined);
  const [resetting, setResetting] = useState<Account>();
  const [shown, setShown] = useState<{ who: string; username: string; password: string }>();
  const [search, setSearch] = useState('');
  const [roleFilter, setRoleFilter] = useState<Role | undefined>();
  useDocumentTitle(t('acct.title'));
  const admin = user.role === 'admin';
  const phone = !Grid.useBreakpoint().md;
  const list = useAsync(() => (admin ? peopleApi.accounts(county.code) : Promise.resolve({ accounts: [] })), [county.code, admin]);

  const rows = useMemo(() => {
    const q = search.trim().toLowerCase();
    return (list.data?.accounts ?? []).filter((a) => (!roleFilter || a.role === roleFilter) && (!q || a.username.includes(q) || a.displayName.toLowerCase().includes(q)));
  }, [list.data, search, roleFilter]);

  if (!admin) return <Result status="403" title="403" subTitle={t('acct.onlyAdmin')} />;

  const setDisabled = async (a: Account, disabled: boolean) => {
    try {
      await peopleApi.updateAccount(a.id, { disabled });
      message.success(t(disabled ? 'acct.disabled' : 'acct.enabled', { name: a.displayName }));
      list.reload();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      message.error(e.message);
    }
  };

  const placement = (a: Account) => (a.unitId ? names.unit(a.unitId) : a.leaderId ? names.leader(a.leaderId) : '—');
  const lastSignIn = (a: Account) => (a.lastSignInAt ? dateTime(a.lastSignInAt) : <Typography.Text type="secondary">{t('acct.never')}</Typography.Text>);
  const actions = (a: Account) => (
    <Space size={0} wrap>
      <Button type="link" size="small" onClick={() => setEditing(a)}>
        {t('acct.editShort')}
      </Button>
      <Button type="link" size="small" onClick={() => setResetting(a)}>
        {t('acct.reset')}
      </Button>
      {a.id !== user.id && (
        <Popconfirm
          title={t(a.disabled ? 'acct.enableConfirm' : 'acct.disableConfirm', { name: a.displayName })}
          okText={t(a.disabled ? 'acct.enable' : 'acct.disable')}
          cancelText={t('edit.cancel')}
          onConfirm={() => setDisabled(a, !a.disabled)}
        >
          <Button type="link" size="small" danger={!a.disabled}>
            {t(a.disabled ? 'acct.enable' : 'acct.disable')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
  const roleTag = (a: Account) => <Tag color="blue">{i18n.role(a.role)}</Tag>;
  // A phone shows each account as one cell, its actions included, so nothing hides beyond the screen's edge.
  const columns: TableColumnsType<Account> = phone
    ? [
        {
          key: 'account',
          title: t('nav.accounts'),
          render: (_, a) => (
            <div className="stacked-cell">
              <Space size={4} wrap>
                <Typography.Text strong>{a.displayName}</Typography.Text>
                {roleTag(a)}
                <StatusTag account={a} />
              </Space>
              <Typography.Text type="secondary">
                {a.username} · {placement(a)}
              </Typography.Text>
              <Typography.Text type="secondary">
                {t('acct.lastSignIn')}：{lastSignIn(a)}
              </Typography.Text>
              {actions(a)}
            </div>
          ),
        },
      ]
    : [
        { key: 'username', title: t('acct.username'), dataIndex: 'username', width: 140, onCell: () => ({ className: 'nowrap' }) },
        { key: 'name', title: t('acct.name'), dataIndex: 'displayName', width: 140 },
        { key: 'role', title: t('acct.role'), width: 96, render: (_, a) => roleTag(a) },
        { key: 'placement', title: t('acct.placement'), width: 180, render: (_, a) => placement(a) },
        { key: 'status', title: t('acct.status'), width: 116, render: (_, a) => <StatusTag account={a} /> },
        { key: 'last', title: t('acct.lastSignIn'), width: 140, onCell: () => ({ className: 'nowrap' }), render: (_, a) => lastSignIn(a) },
        { key: 'actions', title: t('acct.actions'), width: 220, render: (_, a) => actions(a) },
      ];

  return (
    <>
      <PageTitle
        title={t('acct.title')}
        sub={list.data ? t('acct.sub', { county: county.name, n: list.data.accounts.length }) : undefined}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
            {t('acct.add')}
          </Button>
        }
      />
      {list.error && !list.data && <LoadError error={list.error} onRetry={list.reload} />}
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search allowClear placeholder={t('acct.search')} onSearch={setSearch} onChange={(e) => setSearch(e.target.value)} style={{ width: 220, maxWidth: '100%' }} aria-label={t('acct.search')} />
          <Select allowClear placeholder={t('acct.allRoles')} value={roleFilter} onChange={setRoleFilter} options={ROLES.map((r) => ({ value: r, label: i18n.role(r) }))} style={{ width: 140 }} aria-label={t('acct.role')} />
        </Space>
        <Table<Account> size="small" rowKey="id" columns={columns} dataSource={rows} loading={list.loading} pagination={{ pageSize: 50, hideOnSinglePage: true }} scroll={{ x: 'max-content' }} locale={{ emptyText: t('common.noData') }} />
      </Card>
      {editing !== undefined && (
        <AccountModal
          account={editing}
          onClose={() => setEditing(undefined)}
          onSaved={(generated) => {
            setEditing(undefined);
            list.reload();
            if (generated) setShown(generated);
            else message.success(t(editing ? 'edit.saved' : 'acct.created'));
          }}
        />
      )}
      {resetting && (
        <ResetModal
          account={resetting}
          onClose={() => setResetting(undefined)}
          onDone={(generated) => {
            setResetting(undefined);
            list.reload();
            if (generated) setShown({ who: resetting.displayName, username: resetting.username, password: generated });
            else message.success(t('acct.resetDone', { name: resetting.displayName }));
          }}
        />
      )}
      {shown && <PasswordShown {...shown} onClose={() => setShown(undefined)} />}
    </>
  );
}
