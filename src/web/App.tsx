// The application: providers (language, antd locale and theme, session), the routes, and the sign-in guard.
import { App as AntApp, Button, ConfigProvider, Result, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { BrowserRouter, Link, Navigate, Route, Routes, useLocation, useParams } from 'react-router-dom';
import { AppLayout } from './components/AppLayout.tsx';
import { NotFound, PageErrorBoundary } from './components/common.tsx';
import { SessionProvider, useSessionApi } from './hooks/session.tsx';
import { I18nProvider, useI18n } from './i18n.tsx';
import { DashboardPage } from './pages/DashboardPage.tsx';
import { ImportPage } from './pages/ImportPage.tsx';
import { IndicatorsPage } from './pages/IndicatorsPage.tsx';
import { LedgerPage } from './pages/LedgerPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { ProjectPage } from './pages/ProjectPage.tsx';
import { ReportRoute } from './pages/ReportPage.tsx';
import { RoundRoute } from './pages/RoundPage.tsx';
import { RoundsPage } from './pages/RoundsPage.tsx';
import { StatsEntryPage } from './pages/StatsEntryPage.tsx';
import { AlertsPage } from './pages/AlertsPage.tsx';
import { ItemRoute } from './pages/ItemPage.tsx';
import { LetterPage } from './pages/LetterPage.tsx';
import { MyProjectsPage } from './pages/MyProjectsPage.tsx';
import { SupervisionPage } from './pages/SupervisionPage.tsx';

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
        {children}
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
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route path="/" element={<RequireSession><DashboardPage /></RequireSession>} />
              <Route path="/projects" element={<RequireSession><LedgerPage /></RequireSession>} />
              <Route path="/projects/:id" element={<RequireSession><ProjectRoute /></RequireSession>} />
              <Route path="/import" element={<RequireSession><ImportPage /></RequireSession>} />
              <Route path="/stats-entry" element={<RequireSession><StatsEntryPage /></RequireSession>} />
              <Route path="/indicators" element={<RequireSession><IndicatorsPage /></RequireSession>} />
              <Route path="/rounds" element={<RequireSession><RoundsPage /></RequireSession>} />
              <Route path="/rounds/:id" element={<RequireSession><RoundRoute /></RequireSession>} />
              <Route path="/reports/:id" element={<RequireSession><ReportRoute /></RequireSession>} />
              <Route path="/supervision" element={<RequireSession><SupervisionPage /></RequireSession>} />
              <Route path="/items/:id" element={<RequireSession><ItemRoute /></RequireSession>} />
              <Route path="/letters/:id" element={<RequireSession><LetterPage /></RequireSession>} />
              <Route path="/alerts" element={<RequireSession><AlertsPage /></RequireSession>} />
              <Route path="/my-projects" element={<RequireSession><MyProjectsPage /></RequireSession>} />
              <Route path="*" element={<NotFound action={<Link to="/">{t('common.backHome')}</Link>} />} />
            </Routes>
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
