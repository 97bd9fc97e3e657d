/** The web app: language, antd locale and theme, the session, the plan, and the route table. */
import { App as AntApp, ConfigProvider, Result } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense } from 'react';
import { SessionProvider, useSession } from './features/auth/SessionContext';
import { Loaded } from './features/common/Loading';
import { AppShell } from './features/layout/AppShell';
import { OverviewPage } from './features/overview/OverviewPage';
import { PlanProvider, usePlan } from './features/plan/PlanContext';
import { I18nProvider, useI18n } from './i18n/context';
import { Link, matchRoute, type Route, useLocation } from './router';
import { theme } from './theme';

const IndicatorPage = lazy(() => import('./features/indicator/IndicatorPage'));
const PortalPage = lazy(() => import('./features/portal/PortalPage'));
const LoginPage = lazy(() => import('./features/auth/LoginPage'));
const ExtractPage = lazy(() => import('./features/extract/ExtractPage'));
const AdminPage = lazy(() => import('./features/admin/AdminPage'));
const DataPage = lazy(() => import('./features/data/DataPage'));

const spinner = <Loaded state={{ state: 'loading' }}>{() => null}</Loaded>;

function Page({ route }: { route: Route }) {
  const plan = usePlan();
  const { t } = useI18n();
  switch (route.page) {
    case 'overview':
      return <Loaded state={plan}>{(data) => <OverviewPage data={data} />}</Loaded>;
    case 'indicator':
      return <Loaded state={plan}>{(data) => <IndicatorPage data={data} id={route.id} />}</Loaded>;
    case 'portal':
      return <Loaded state={plan}>{(data) => <PortalPage data={data} />}</Loaded>;
    case 'login':
      return <LoginPage />;
    case 'extract':
      return <ExtractPage />;
    case 'admin':
      return <AdminPage section={route.section} />;
    case 'data':
      return <DataPage view={route.view} indicator={route.indicator} period={route.period} />;
    case 'not_found':
      return (
        <Result
          status="404"
          title={<h1 className="sx-h1-plain">{t('notFound')}</h1>}
          subTitle={t('notFoundHint')}
          extra={<Link href="/">{t('backToOverview')}</Link>}
        />
      );
  }
}

function Routed() {
  const session = useSession();
  const location = useLocation();
  const route = matchRoute(location.path);
  const asOf = location.search.get('as_of') ?? undefined;
  // Wait for /api/auth/me so the plan is read once, with the right rights.
  if (session.state === 'loading') return spinner;
  return (
    <PlanProvider
      plan={route.page === 'overview' ? route.plan : undefined}
      asOf={asOf}
      prefer={route.page === 'portal' ? 'public' : 'internal'}
      viewer={session.user?.username}
    >
      <AppShell route={route}>
        <Suspense fallback={spinner}>
          <Page route={route} />
        </Suspense>
      </AppShell>
    </PlanProvider>
  );
}

function Themed() {
  const { lang } = useI18n();
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp message={{ top: 72, maxCount: 3 }}>
        <SessionProvider>
          <Routed />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <Themed />
    </I18nProvider>
  );
}
