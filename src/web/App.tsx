// The application: providers (language, antd locale and theme, session), the routes, and the sign-in guard.
import { App as AntApp, Button, ConfigProvider, Result, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { BrowserRouter, Link, Navigate, Route, Routes, useLocation, useParams } from 'react-router-dom';
import { NotFound, PageErrorBoundary } from './components/common.tsx';
import { SessionProvider, useSessionApi } from './hooks/session.tsx';
import { I18nProvider, useI18n } from './i18n.tsx';

/**
 * A component loaded when first shown, in a chunk of its own: the sign-in page does not wait for the ledger's tables,
 * the menu's date pickers or the dashboard's charts.
 */
// eslint-style `any` as React's own lazy() declares it: the component keeps its props.
function loaded<M extends Record<K, ComponentType<any>>, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const AppLayout = lazy(async () => ({ default: (await import('./components/AppLayout.tsx')).AppLayout }));
const HomePage = loaded(() => import('./pages/HomePage.tsx'), 'HomePage');
const ImportPage = loaded(() => import('./pages/ImportPage.tsx'), 'ImportPage');
const IndicatorsPage = loaded(() => import('./pages/IndicatorsPage.tsx'), 'IndicatorsPage');
const LedgerPage = loaded(() => import('./pages/LedgerPage.tsx'), 'LedgerPage');
const LoginPage = loaded(() => import('./pages/LoginPage.tsx'), 'LoginPage');
const ProjectPage = loaded(() => import('./pages/ProjectPage.tsx'), 'ProjectPage');
const ReportRoute = loaded(() => import('./pages/ReportPage.tsx'), 'ReportRoute');
const RoundRoute = loaded(() => import('./pages/RoundPage.tsx'), 'RoundRoute');
const RoundsPage = loaded(() => import('./pages/RoundsPage.tsx'), 'RoundsPage');
const StatsEntryPage = loaded(() => import('./pages/StatsEntryPage.tsx'), 'StatsEntryPage');
const AttractionPage = loaded(() => import('./pages/AttractionPage.tsx'), 'AttractionPage');
const BatchesPage = loaded(() => import('./pages/BatchesPage.tsx'), 'BatchesPage');
const LeadPage = loaded(() => import('./pages/LeadPage.tsx'), 'LeadPage');
const LeadsPage = loaded(() => import('./pages/LeadsPage.tsx'), 'LeadsPage');
const NewsPage = loaded(() => import('./pages/NewsPage.tsx'), 'NewsPage');
const AccountsPage = loaded(() => import('./pages/AccountsPage.tsx'), 'AccountsPage');
const AuditPage = loaded(() => import('./pages/AuditPage.tsx'), 'AuditPage');
const ForcedPasswordPage = loaded(() => import('./pages/PasswordPage.tsx'), 'ForcedPasswordPage');
const PasswordPage = loaded(() => import('./pages/PasswordPage.tsx'), 'PasswordPage');
const UnitsLeadersPage = loaded(() => import('./pages/UnitsLeadersPage.tsx'), 'UnitsLeadersPage');
const DocumentsPage = loaded(() => import('./pages/DocumentsPage.tsx'), 'DocumentsPage');
const AlertsPage = loaded(() => import('./pages/AlertsPage.tsx'), 'AlertsPage');
const ItemRoute = loaded(() => import('./pages/ItemPage.tsx'), 'ItemRoute');
const LetterPage = loaded(() => import('./pages/LetterPage.tsx'), 'LetterPage');
const MyProjectsPage = loaded(() => import('./pages/MyProjectsPage.tsx'), 'MyProjectsPage');
const SupervisionPage = loaded(() => import('./pages/SupervisionPage.tsx'), 'SupervisionPage');
const CountyRankingPage = loaded(() => import('./pages/CountyRankingPage.tsx'), 'CountyRankingPage');

const THEME = {
  token: {
    colorPrimary: '#1d4ed8',
    borderRadius: 6,
    fontFamily: '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", sans-serif',
  },
};

function FullPageSpin() {
  const { t } = useI18n();
  return (
    <div className="full-page-center">
      <Spin size="large" tip={t('common.loading')}>
        <div style={{ width: 120, height: 80 }} />
      </Spin>
    </div>
  );
}

/** Pages behind sign-in: the anonymous go to /login and come back to where they were going. */
function RequireSession({ children }: { children: ReactNode }) {
  const { state, retry } = useSessionApi();
  const location = useLocation();
  const { t } = useI18n();
  if (state.status === 'loading') return <FullPageSpin />;
  if (state.status === 'anonymous') {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (state.status === 'passwordChange') return <ForcedPasswordPage user={state.user} />;
  if (state.status === 'failed') {
    return (
      <Result
        status="warning"
        title={t('common.loadFailed')}
        subTitle={state.error.message}
        extra={
          <Button type="primary" onClick={retry}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  return (
    <AppLayout>
      <PageErrorBoundary key={location.pathname} title={t('common.pageFailed')} action={t('common.reload')}>
        {/* The menu stays while the next page's chunk arrives. */}
        <Suspense fallback={<FullPageSpin />}>{children}</Suspense>
      </PageErrorBoundary>
    </AppLayout>
  );
}

// A new id is a new page: nothing of the previous project may linger while the next loads.
function ProjectRoute() {
  const { id = '' } = useParams();
  return <ProjectPage key={id} />;
}

function LocalizedApp() {
  const { lang, t } = useI18n();
  return (
    // No space forced between the two characters of 登录/保存: the words read as people type them.
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={THEME} button={{ autoInsertSpace: false }}>
      <AntApp>
        <SessionProvider>
          <BrowserRouter>
            <Suspense fallback={<FullPageSpin />}>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route path="/" element={<RequireSession><HomePage /></RequireSession>} />
              <Route path="/projects" element={<RequireSession><LedgerPage /></RequireSession>} />
              <Route path="/projects/:id" element={<RequireSession><ProjectRoute /></RequireSession>} />
              <Route path="/import" element={<RequireSession><ImportPage /></RequireSession>} />
              <Route path="/stats-entry" element={<RequireSession><StatsEntryPage /></RequireSession>} />
              <Route path="/indicators" element={<RequireSession><IndicatorsPage /></RequireSession>} />
              <Route path="/rounds" element={<RequireSession><RoundsPage /></RequireSession>} />
              <Route path="/documents" element={<RequireSession><DocumentsPage /></RequireSession>} />
              <Route path="/rounds/:id" element={<RequireSession><RoundRoute /></RequireSession>} />
              <Route path="/reports/:id" element={<RequireSession><ReportRoute /></RequireSession>} />
              <Route path="/attraction" element={<RequireSession><AttractionPage /></RequireSession>} />
              <Route path="/leads" element={<RequireSession><LeadsPage /></RequireSession>} />
              <Route path="/leads/:id" element={<RequireSession><LeadPage /></RequireSession>} />
              <Route path="/batches" element={<RequireSession><BatchesPage /></RequireSession>} />
              <Route path="/news" element={<RequireSession><NewsPage /></RequireSession>} />
              <Route path="/admin/accounts" element={<RequireSession><AccountsPage /></RequireSession>} />
              <Route path="/admin/audit" element={<RequireSession><AuditPage /></RequireSession>} />
              <Route path="/admin/units" element={<RequireSession><UnitsLeadersPage /></RequireSession>} />
              <Route path="/password" element={<RequireSession><PasswordPage /></RequireSession>} />
              <Route path="/supervision" element={<RequireSession><SupervisionPage /></RequireSession>} />
              <Route path="/items/:id" element={<RequireSession><ItemRoute /></RequireSession>} />
              <Route path="/letters/:id" element={<RequireSession><LetterPage /></RequireSession>} />
              <Route path="/alerts" element={<RequireSession><AlertsPage /></RequireSession>} />
              <Route path="/my-projects" element={<RequireSession><MyProjectsPage /></RequireSession>} />
              <Route path="/county-ranking" element={<RequireSession><CountyRankingPage /></RequireSession>} />
              <Route path="*" element={<NotFound action={<Link to="/">{t('common.backHome')}</Link>} />} />
            </Routes>
            </Suspense>
          </BrowserRouter>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <LocalizedApp />
    </I18nProvider>
  );
}
