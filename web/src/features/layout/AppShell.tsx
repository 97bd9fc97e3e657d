/**
 * The page frame: a header with the brand, the plan title, the navigation, the user and the
 * language. On a phone the navigation folds into a menu button. The header uses no antd
 * component beyond the layout, so a page's first load carries only what that page uses.
 */
import { Layout } from 'antd';
import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import type { Key } from '../../i18n/dict';
import { useI18n } from '../../i18n/context';
import { Link, type Route } from '../../router';
import { firstAdminSection } from '../admin/adminSections';
import { useSession } from '../auth/SessionContext';
import { UserMenu } from '../auth/UserMenu';
import { usePlan } from '../plan/PlanContext';
import { MenuButton } from './MenuButton';
import { type NavItem, navItems, selectedNav } from './navItems';
import './shell.css';

// Only signed-in users have messages: the bell (antd Popover and List) loads for them alone.
const NotificationsBell = lazy(() =>
  import('../notifications/NotificationsBell').then((m) => ({ default: m.NotificationsBell })),
);

function pageTitle(route: Route): Key | null {
  switch (route.page) {
    case 'portal':
      return 'navPortal';
    case 'not_found':
      return 'notFound';
    case 'login':
      return 'loginTitle';
    case 'extract':
      return 'exTitle';
    case 'admin':
      return 'navAdmin';
    case 'data':
      return 'navData';
    case 'cockpit':
      return 'navCockpit';
    case 'explorer':
      return 'navExplorer';
    case 'tasks':
      return 'navTasks';
    case 'reports':
      return 'navReports';
    case 'city':
      return 'cityTitle';
    case 'scorecards':
      return 'scTitle';
    case 'task_upload':
      return 'tuTitle';
    case 'overview':
    case 'indicator':
      return null;
  }
}

function NavList({ items, selected }: { items: NavItem[]; selected: string | null }) {
  const { t } = useI18n();
  return (
    <ul>
      {items.map((item) => (
        <li key={item.key}>
          {item.key === 'portal' ? (
            // The portal is server-rendered: an ordinary link leaves the app.
            <a href={item.href}>{t(item.label)}</a>
          ) : (
            <Link
              href={item.href}
              className={selected === item.key ? 'sx-nav-active' : undefined}
              aria-current={selected === item.key ? 'page' : undefined}
            >
              {t(item.label)}
            </Link>
          )}
        </li>
      ))}
    </ul>
  );
}

export function AppShell({ route, children }: { route: Route; children: ReactNode }) {
  const { t, lang, setLang, pick } = useI18n();
  const session = useSession();
  const plan = usePlan();
  const title =
    plan.state === 'done' ? pick(plan.data.detail.plan.title, plan.data.detail.plan.title_en) : '';
  const pageKey = pageTitle(route);
  useEffect(() => {
    const page = pageKey ? t(pageKey) : '';
    document.title = [page, title, `${t('brand')} ${t('brandEn')}`].filter(Boolean).join(' · ');
  }, [pageKey, title, t]);
  const items = navItems(session.user !== null, session.can, firstAdminSection(session.can));
  const selected = selectedNav(route);
  const navLabel = lang === 'zh' ? '主导航' : 'Main';
  return (
    <Layout className="sx-layout">
      <a className="sx-skip" href="#main">
        {t('skipToContent')}
      </a>
      {/* Many entries (an administrator's nine) fold into the menu earlier: see shell.css. */}
      <Layout.Header className={items.length > 6 ? 'sx-header sx-nav-many' : 'sx-header'}>
        <Link href="/" className="sx-brand">
          {/* The name in both scripts is the mark; the other script is marked as its language. */}
          <span className="sx-brand-zh" lang={lang === 'zh' ? undefined : 'zh-CN'}>
            {t('brand')}
          </span>
          <span className="sx-brand-en" lang={lang === 'zh' ? 'en' : undefined}>
            {t('brandEn')}
          </span>
        </Link>
        {title && <span className="sx-header-plan">{title}</span>}
        <nav aria-label={navLabel} className="sx-nav sx-nav-wide">
          <NavList items={items} selected={selected} />
        </nav>
        <span className="sx-header-gap" />
        {session.user && (
          <Suspense fallback={null}>
            <NotificationsBell />
          </Suspense>
        )}
        <UserMenu />
        <button
          type="button"
          className="sx-lang"
          onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
          aria-label={t('switchLangLabel')}
          lang={lang === 'zh' ? 'en' : 'zh-CN'}
        >
          {t('switchLang')}
        </button>
        <MenuButton
          className="sx-nav-fold"
          panelClassName="sx-nav-fold-panel"
          label={
            <>
              <span aria-hidden="true">☰ </span>
              {t('navMenu')}
            </>
          }
        >
          <nav aria-label={navLabel} className="sx-nav sx-nav-narrow">
            <NavList items={items} selected={selected} />
          </nav>
        </MenuButton>
      </Layout.Header>
      <div className="sx-stripe" aria-hidden="true" />
      <Layout.Content id="main" className="sx-main" tabIndex={-1}>
        {children}
      </Layout.Content>
      <Layout.Footer className="sx-footer">
        <span lang={lang === 'zh' ? undefined : 'zh-CN'}>{t('brand')}</span>{' '}
        <span lang={lang === 'zh' ? 'en' : undefined}>{t('brandEn')}</span> · {t('footer')}
      </Layout.Footer>
    </Layout>
  );
}
