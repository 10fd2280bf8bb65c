// The frame around every signed-in page: side menu (a drawer on phones), and the header with county, as-of month, account, language and sign-out.
import { AimOutlined, AlertOutlined, ApartmentOutlined, AuditOutlined, ContainerOutlined, DashboardOutlined, FileDoneOutlined, FileTextOutlined, FlagOutlined, FundOutlined, ImportOutlined, OrderedListOutlined, KeyOutlined, LogoutOutlined, MenuOutlined, ReadOutlined, SolutionOutlined, TableOutlined, TeamOutlined, TranslationOutlined, UserOutlined } from '@ant-design/icons';
import { Button, DatePicker, Drawer, Dropdown, Grid, Layout, Menu, Select, Space, Typography, type MenuProps } from 'antd';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { isCityOrProvince } from '../../domain/region.ts';
import { useAsOf } from '../hooks/use-as-of.ts';
import { useSession, useSessionApi } from '../hooks/session.tsx';
import { useI18n } from '../i18n.tsx';
import { NoticeBell } from './NoticeList.tsx';

const { Header, Sider, Content } = Layout;

function useNavItems(): { key: string; items: MenuProps['items'] } {
  const { t } = useI18n();
  const { link } = useAsOf();
  const { user } = useSession();
  const { pathname } = useLocation();
  const key = pathname.startsWith('/projects')
    ? '/projects'
    : pathname.startsWith('/import')
      ? '/import'
      : pathname.startsWith('/rounds') || pathname.startsWith('/reports')
        ? '/rounds'
        : pathname.startsWith('/indicators')
          ? '/indicators'
          : pathname.startsWith('/stats-entry')
            ? '/stats-entry'
            : pathname.startsWith('/admin/')
              ? pathname
              : pathname.startsWith('/documents')
                ? '/documents'
                : pathname.startsWith('/supervision') || pathname.startsWith('/items') || pathname.startsWith('/letters')
                  ? '/supervision'
                  : pathname.startsWith('/alerts')
                    ? '/alerts'
                    : pathname.startsWith('/my-projects')
                      ? '/my-projects'
                      : pathname.startsWith('/county-ranking')
                        ? '/county-ranking'
                        : (['/attraction', '/leads', '/batches', '/news'].find((p) => pathname.startsWith(p)) ?? '/');
  // Importing writes to the whole pool: only those who keep it see the entry (the server refuses the others too).
  const keeper = user.role === 'admin' || user.role === 'dispatcher';
  // 我的项目: a leader's own projects (first, one tap away) and a unit's; the others see everyone's on the boards.
  const mine = { key: '/my-projects', icon: <FlagOutlined />, label: <Link to={link('/my-projects')}>{t('nav.myProjects')}</Link> };
  return {
    key,
    items: [
      ...(user.role === 'leader' ? [mine] : []),
      // A reporter's landing is its own unit's work, not the county's dashboard.
      { key: '/', icon: <DashboardOutlined />, label: <Link to={link('/')}>{t(user.role === 'reporter' ? 'nav.myWork' : 'nav.dashboard')}</Link> },
      { key: '/projects', icon: <TableOutlined />, label: <Link to={link('/projects')}>{t('nav.ledger')}</Link> },
      { key: '/rounds', icon: <FileDoneOutlined />, label: <Link to={link('/rounds')}>{t('nav.rounds')}</Link> },
      { key: '/indicators', icon: <FundOutlined />, label: <Link to={link('/indicators')}>{t('nav.indicators')}</Link> },
      // A city's or province's account compares its counties; a county's has nothing to rank them against.
      ...(isCityOrProvince(user.regionCode) ? [{ key: '/county-ranking', icon: <OrderedListOutlined />, label: <Link to={link('/county-ranking')}>{t('nav.countyRanking')}</Link> }] : []),
      { key: '/stats-entry', icon: <AuditOutlined />, label: <Link to={link('/stats-entry')}>{t('nav.statsEntry')}</Link> },
      { key: '/supervision', icon: <SolutionOutlined />, label: <Link to={link('/supervision')}>{t('nav.supervision')}</Link> },
      { key: '/alerts', icon: <AlertOutlined />, label: <Link to={link('/alerts')}>{t('nav.alerts')}</Link> },
      ...(user.role === 'reporter' ? [mine] : []),
      { key: '/attraction', icon: <AimOutlined />, label: <Link to={link('/attraction')}>{t('nav.attraction')}</Link> },
      { key: '/leads', icon: <ContainerOutlined />, label: <Link to={link('/leads')}>{t('nav.leads')}</Link> },
      { key: '/batches', icon: <FlagOutlined />, label: <Link to={link('/batches')}>{t('nav.batches')}</Link> },
      ...(keeper ? [{ key: '/news', icon: <ReadOutlined />, label: <Link to={link('/news')}>{t('nav.news')}</Link> }] : []),
      // 文稿 are the county's: for its dispatchers and leaders, not a unit's reporter (the server refuses them too).
      ...(user.role !== 'reporter' ? [{ key: '/documents', icon: <FileTextOutlined />, label: <Link to={link('/documents')}>{t('nav.documents')}</Link> }] : []),
      ...(keeper ? [{ key: '/import', icon: <ImportOutlined />, label: <Link to={link('/import')}>{t('nav.import')}</Link> }] : []),
      ...(keeper ? [{ key: '/admin/units', icon: <ApartmentOutlined />, label: <Link to={link('/admin/units')}>{t('nav.units')}</Link> }] : []),
      ...(user.role === 'admin' ? [{ key: '/admin/accounts', icon: <TeamOutlined />, label: <Link to={link('/admin/accounts')}>{t('nav.accounts')}</Link> }] : []),
      ...(user.role === 'admin' ? [{ key: '/admin/audit', icon: <AuditOutlined />, label: <Link to={link('/admin/audit')}>{t('nav.audit')}</Link> }] : []),
    ],
  };
}

function Brand({ dark, compact }: { dark?: boolean; compact?: boolean }) {
  const { t } = useI18n();
  return (
    <div className="brand" style={{ color: dark ? '#fff' : undefined }}>
      <span className="brand-mark">调</span>
      {!compact && <span className="brand-name">{t('app.name')}</span>}
    </div>
  );
}

function MonthPicker() {
  const { asOf, setAsOf } = useAsOf();
  const { lang, t } = useI18n();
  return (
    <DatePicker
      picker="month"
      allowClear={false}
      value={dayjs(`${asOf}-01`)}
      format={lang === 'zh' ? 'YYYY年M月' : 'MMM YYYY'}
      onChange={(d) => d && setAsOf(d.format('YYYY-MM'))}
      aria-label={t('header.asOf')}
      style={{ width: lang === 'zh' ? 118 : 112 }}
    />
  );
}

export function AppLayout({ children }: { children: ReactNode }) {
  const session = useSession();
  const { signOut, selectCounty } = useSessionApi();
  const { t, lang, setLang, role } = useI18n();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const nav = useNavItems();

  const doSignOut = async () => {
    await signOut();
    navigate('/login', { replace: true });
  };
  const toggleLang = () => setLang(lang === 'zh' ? 'en' : 'zh');
  const who = `${session.user.displayName} · ${role(session.user.role)}`;

  const countyTitle =
    session.counties.length > 1 ? (
      <Select
        size="middle"
        value={session.county.code}
        options={session.counties.map((c) => ({ value: c.code, label: c.name }))}
        onChange={selectCounty}
        aria-label={t('header.county')}
        style={{ minWidth: 100 }}
      />
    ) : (
      <Typography.Text strong className="county-name">
        {session.county.name}
      </Typography.Text>
    );

  const accountMenu: MenuProps = {
    items: [
      { key: 'who', label: who, disabled: true, icon: <UserOutlined /> },
      { type: 'divider' },
      { key: 'password', label: t('header.password'), icon: <KeyOutlined />, onClick: () => navigate('/password') },
      { key: 'lang', label: t('lang.switch'), icon: <TranslationOutlined />, onClick: toggleLang },
      { key: 'out', label: t('header.signOut'), icon: <LogoutOutlined />, onClick: () => void doSignOut() },
    ],
  };

  return (
    <Layout className="app-layout">
      {!phone && (
        <Sider theme="dark" width={188} collapsed={!screens.lg} collapsedWidth={64} className="app-sider">
          <Brand dark compact={!screens.lg} />
          <Menu theme="dark" mode="inline" selectedKeys={[nav.key]} items={nav.items} />
        </Sider>
      )}
      {phone && (
        <Drawer placement="left" open={drawerOpen} onClose={() => setDrawerOpen(false)} width={240} title={<Brand />} styles={{ body: { padding: 0 } }}>
          <Menu mode="inline" selectedKeys={[nav.key]} items={nav.items} onClick={() => setDrawerOpen(false)} />
        </Drawer>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Header className="app-header">
          <Space size={phone ? 8 : 16} align="center" style={{ minWidth: 0 }}>
            {phone && <Button type="text" icon={<MenuOutlined />} onClick={() => setDrawerOpen(true)} aria-label={t('nav.menu')} />}
            {countyTitle}
            <Space size={6} align="center">
              {!phone && <Typography.Text type="secondary">{t('header.asOf')}</Typography.Text>}
              <MonthPicker />
            </Space>
          </Space>
          {phone ? (
            <Space size={0} align="center">
              {session.user.role === 'leader' && (
                <Button type="text" icon={<FlagOutlined />} onClick={() => navigate(`/my-projects${window.location.search}`)} aria-label={t('nav.myProjects')} />
              )}
              <NoticeBell />
              <Dropdown menu={accountMenu} trigger={['click']} placement="bottomRight">
                <Button type="text" icon={<UserOutlined />} aria-label={who} />
              </Dropdown>
            </Space>
          ) : (
            <Space size={12} align="center">
              <NoticeBell />
              <Dropdown menu={{ items: [{ key: 'password', label: t('header.password'), icon: <KeyOutlined />, onClick: () => navigate('/password') }] }} trigger={['click']} placement="bottomRight">
                <Button type="text" size="small">
                  <UserOutlined /> {session.user.displayName}
                  <Typography.Text type="secondary"> · {role(session.user.role)}</Typography.Text>
                </Button>
              </Dropdown>
              <Button size="small" icon={<TranslationOutlined />} onClick={toggleLang}>
                {t('lang.switch')}
              </Button>
              <Button size="small" icon={<LogoutOutlined />} onClick={() => void doSignOut()}>
                {t('header.signOut')}
              </Button>
            </Space>
          )}
        </Header>
        <Content className="app-content">{children}</Content>
      </Layout>
    </Layout>
  );
}
