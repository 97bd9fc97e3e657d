/** The web app: language, antd locale and theme, the session, the plan, and the route table. */
import { ConfigProvider } from 'antd';
import { LightApp } from './features/common/LightApp';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { type ComponentType, lazy, Suspense } from 'react';
import { SessionProvider, useSession } from './features/auth/SessionContext';
import { Loaded, Loading } from './features/common/Loading';
import { AppShell } from './features/layout/AppShell';
import { PlanProvider, usePlan } from './features/plan/PlanContext';
import { I18nProvider, useI18n } from './i18n/context';
import { matchRoute, type Route, useLocation } from './router';
import { theme } from './theme';

const OverviewPage = lazy(() => import('./features/overview/OverviewPage'));
const IndicatorPage = lazy(() => import('./features/indicator/IndicatorPage'));
const PortalPage = lazy(() => import('./features/portal/PortalPage'));
const LoginPage = lazy(() => import('./features/auth/LoginPage'));
const ExtractPage = lazy(() => import('./features/extract/ExtractPage'));
const AdminPage = lazy(() => import('./features/admin/AdminPage'));
const DataPage = lazy(() => import('./features/data/DataPage'));
const CockpitPage = lazy(() => import('./features/cockpit/CockpitPage'));
const ExplorerPage = lazy(() => import('./features/explorer/ExplorerPage'));
const ScreenPage = lazy(() => import('./features/cockpit/ScreenPage'));
const TasksPage = lazy(() => import('./features/tasks/TasksPage'));
const ReportsPage = lazy(() => import('./features/reports/ReportsPage'));
const CityPage = lazy(() => import('./features/city/CityPage'));
const NotFoundPage = lazy(() => import('./features/layout/NotFoundPage'));
const ScorecardsPage = lazy(() => import('./features/scorecards/ScorecardsPage'));
const TaskUploadPage = lazy(() => import('./features/task-upload/TaskUploadPage'));

const spinner = <Loading />;

/**
 * The pages that read what they show themselves, with no plan read before them: the cockpit and
 * the plan explorer (one call each), the bulletins page (it finds its plan), the city cockpit (it
 * reads its districts, not a plan of the caller's own tenant).
 */
const selfReading: Partial<Record<Route['page'], ComponentType>> = {
  cockpit: CockpitPage,
  explorer: ExplorerPage,
  reports: ReportsPage,
  city: CityPage,
};

function Page({ route }: { route: Route }) {
  const plan = usePlan();
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
    case 'tasks':
      return <TasksPage view={route.view} id={route.id} />;
    case 'cockpit':
    case 'explorer':
    case 'reports':
    case 'city':
      return null; // rendered by Routed, without the plan provider
    case 'scorecards':
      return <ScorecardsPage />;
    case 'task_upload':
      return <TaskUploadPage />;
    case 'not_found':
      return <NotFoundPage />;
  }
}

function Routed() {
  const session = useSession();
  const location = useLocation();
  const route = matchRoute(location.path);
  const asOf = location.search.get('as_of') ?? undefined;
  // Wait for /api/auth/me so the plan is read once, with the right rights.
  if (session.state === 'loading') return spinner;
  // The big screen is its own full-screen page: no header, its own polling.
  if (route.page === 'cockpit' && route.screen)
    return (
      <Suspense fallback={spinner}>
        <ScreenPage />
      </Suspense>
    );
  const SelfReading = selfReading[route.page];
  if (SelfReading)
    return (
      <AppShell route={route}>
        <Suspense fallback={spinner}>
          <SelfReading />
        </Suspense>
      </AppShell>
    );
  // Nobody signed in: read the public API first, so no request is answered 401.
  const prefer = route.page === 'portal' || !session.user ? 'public' : 'internal';
  return (
    <PlanProvider
      plan={route.page === 'overview' ? route.plan : undefined}
      asOf={asOf}
      prefer={prefer}
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
      <LightApp top={72}>
        <SessionProvider>
          <Routed />
        </SessionProvider>
      </LightApp>
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
