// Changing one's own password: the page behind the account menu, and the forced change after signing in with a password an administrator gave.
import { LockOutlined, LogoutOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { passwordProblem } from '../../domain/auth/password-rule.ts';
import { ApiError, type User } from '../api.ts';
import { PageTitle } from '../components/common.tsx';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useSession, useSessionApi } from '../hooks/session.tsx';
import { useI18n } from '../i18n.tsx';
import { peopleApi } from '../lib/people-api.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** The three fields and the server's verdict; the rule is checked here in the domain's own words before sending. */
function ChangePasswordForm({ user, forced, onDone }: { user: User; forced: boolean; onDone(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();

  const submit = async (v: Values) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await peopleApi.changePassword(v.currentPassword, v.newPassword);
      form.resetFields();
      onDone();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const fields = e.details.filter((d) => d.field === 'currentPassword' || d.field === 'newPassword');
      if (fields.length > 0) form.setFields(fields.map((d) => ({ name: d.field as keyof Values, errors: [d.message] })));
      else setProblem(e.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)} disabled={busy}>
      {/* For the browser's password manager: whose password this is. */}
      <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
      <Form.Item name="currentPassword" label={t(forced ? 'pwd.initial' : 'pwd.current')} rules={[{ required: true, message: t('pwd.required') }]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" autoFocus />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('pwd.new')}
        extra={t('pwd.rule')}
        rules={[
          { required: true, message: t('pwd.required') },
          { validator: async (_, value: string) => {
            const problem = value ? passwordProblem(value, { username: user.username }) : null;
            if (problem) throw new Error(problem);
          } },
        ]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('pwd.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('pwd.required') },
          ({ getFieldValue }) => ({
            validator: async (_, value: string) => {
              if (value && value !== getFieldValue('newPassword')) throw new Error(t('pwd.mismatch'));
            },
          }),
        ]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
      </Form.Item>
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 16 }} role="alert" />}
      <Button type="primary" htmlType="submit" block={forced} loading={busy}>
        {t(forced ? 'pwd.forcedSubmit' : 'pwd.submit')}
      </Button>
    </Form>
  );
}

export function PasswordPage() {
  const { user } = useSession();
  const { t } = useI18n();
  const { message } = App.useApp();
  useDocumentTitle(t('pwd.title'));
  return (
    <>
      <PageTitle title={t('pwd.title')} sub={t('pwd.sub')} />
      <Card style={{ maxWidth: 480 }}>
        <ChangePasswordForm user={user} forced={false} onDone={() => void message.success(t('pwd.done'))} />
      </Card>
    </>
  );
}

/** Shown instead of any page while the signed-in account still has the password an administrator gave it. */
export function ForcedPasswordPage({ user }: { user: User }) {
  const { t } = useI18n();
  const { retry, signOut } = useSessionApi();
  useDocumentTitle(t('pwd.forcedTitle'));
  return (
    <div className="login-page">
      <div className="login-column">
        <div className="login-heading">
          <span className="brand-mark large">调</span>
          <Typography.Title level={3} style={{ margin: '12px 0 4px' }}>
            {t('pwd.forcedTitle')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('pwd.forcedHint', { name: user.displayName })}</Typography.Text>
        </div>
        <Card className="login-card">
          <ChangePasswordForm user={user} forced onDone={retry} />
        </Card>
        <Button type="link" icon={<LogoutOutlined />} onClick={() => void signOut()}>
          {t('header.signOut')}
        </Button>
      </div>
    </div>
  );
}
