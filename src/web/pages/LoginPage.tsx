// The sign-in page; on the demo database it also lists the demo accounts, each signing in with one click.
import { LockOutlined, TranslationOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { api, ApiError, type DemoAccount } from '../api.ts';
import { useAsync } from '../hooks/use-async.ts';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useSessionApi } from '../hooks/session.tsx';
import { useI18n } from '../i18n.tsx';

interface Credentials {
  username: string;
  password: string;
}

function safeNext(next: string | null): string {
  // Only paths of this site: a crafted ?next=https://… must not send people elsewhere after sign-in.
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

function DemoAccounts({ accounts, busy, onUse }: { accounts: DemoAccount[]; busy: string | null; onUse(a: DemoAccount): void }) {
  const { t, role } = useI18n();
  return (
    <Card title={t('login.demoTitle')} size="small" className="demo-card" aria-label={t('login.demoTitle')}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('login.demoHint')}
      </Typography.Paragraph>
      <List
        dataSource={accounts}
        rowKey="username"
        renderItem={(a) => (
          <List.Item
            actions={[
              <Button key="use" type="link" size="small" loading={busy === a.username} disabled={busy !== null && busy !== a.username} onClick={() => onUse(a)}>
                {t('login.use')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={
                <Space size={6} wrap>
                  <Tag color="blue">{role(a.role)}</Tag>
                  <span>{a.displayName}</span>
                </Space>
              }
              description={
                <Space direction="vertical" size={0}>
                  <span>
                    {t('login.username')}：<Typography.Text code>{a.username}</Typography.Text> {t('login.password')}：
                    <Typography.Text code>{a.password}</Typography.Text>
                  </span>
                  {a.note && <span>{a.note}</span>}
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

export function LoginPage() {
  const { state, signIn } = useSessionApi();
  const { t, lang, setLang } = useI18n();
  const [form] = Form.useForm<Credentials>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const demo = useAsync(() => api.demoAccounts(), []);
  const next = safeNext(params.get('next'));
  useDocumentTitle(t('login.submit'));

  // A given password still to change: the page asked for shows the change first.
  if (state.status === 'signedIn' || state.status === 'passwordChange') return <Navigate to={next} replace />;

  const submit = async ({ username, password }: Credentials, who = '') => {
    setError(null);
    setBusy(who);
    try {
      await signIn(username.trim(), password);
      navigate(next, { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  const signInAs = (a: DemoAccount) => {
    form.setFieldsValue({ username: a.username, password: a.password });
    void submit({ username: a.username, password: a.password }, a.username);
  };

  const accounts = demo.data?.accounts ?? [];
  return (
    <div className="login-page">
      <div className="login-lang">
        <Button size="small" type="text" icon={<TranslationOutlined />} onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
          {t('lang.switch')}
        </Button>
      </div>
      <div className="login-column">
        <div className="login-heading">
          <span className="brand-mark large">调</span>
          <Typography.Title level={3} style={{ margin: '12px 0 4px' }}>
            {t('app.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('login.tagline')}</Typography.Text>
        </div>
        <Card className="login-card">
          <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)} disabled={busy !== null}>
            <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
            <Button type="primary" htmlType="submit" block loading={busy === ''}>
              {t('login.submit')}
            </Button>
          </Form>
        </Card>
        {accounts.length > 0 && <DemoAccounts accounts={accounts} busy={busy} onUse={signInAs} />}
      </div>
    </div>
  );
}
