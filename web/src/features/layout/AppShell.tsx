/** The page frame: a header with the brand, the plan title, the navigation, the user and the language. */
import { Button, Layout } from 'antd';
import { type ReactNode, useEffect } from 'react';
import type { Key } from '../../i18n/dict';
import { useI18n } from '../../i18n/context';
import { Link, type Route } from '../../router';
import { firstAdminSection } from '../admin/AdminLayout';
import { useSession } from '../auth/SessionContext';
import { UserMenu } from '../auth/UserMenu';
import { NotificationsBell } from '../notifications/NotificationsBell';
import { usePlan } from '../plan/PlanContext';

type NavKey = 'overview' | 'portal' | 'extract' | 'data' | 'admin';

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
    case 'overview':
    case 'indicator':
      return null;
  }
}

function selectedNav(route: Route): NavKey | null {
  if (route.page === 'portal' || route.page === 'admin' || route.page === 'extract' || route.page === 'data')
    return route.page;
  if (route.page === 'overview' || route.page === 'indicator') return 'overview';
  return null;
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
  const selected = selectedNav(route);
  const admin = firstAdminSection(session.can);
  const nav: { key: NavKey; href: string; label: Key }[] = [
    { key: 'overview', href: '/', label: 'navOverview' },
    { key: 'portal', href: '/portal/', label: 'navPortal' },
    ...(session.can('plan:write')
      ? [{ key: 'extract' as const, href: '/extract', label: 'navExtract' as const }]
      : []),
    ...(session.can('data:write') || session.can('data:approve') || session.can('data:accept')
      ? [{ key: 'data' as const, href: '/data', label: 'navData' as const }]
      : []),
    ...(admin ? [{ key: 'admin' as const, href: `/admin/${admin}`, label: 'navAdmin' as const }] : []),
  ];
  return (
    <Layout className="sx-layout">
      <a className="sx-skip" href="#main">
        {t('skipToContent')}
      </a>
      <Layout.Header className="sx-header">
        <Link href="/" className="sx-brand" aria-label={`${t('brand')} ${t('brandEn')}`}>
          <span className="sx-brand-zh">{t('brand')}</span>
          <span className="sx-brand-en">{t('brandEn')}</span>
        </Link>
        {title && <span className="sx-header-plan">{title}</span>}
        <nav aria-label={lang === 'zh' ? '主导航' : 'Main'} className="sx-nav">
          <ul>
            {nav.map((item) => (
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
        </nav>
        <NotificationsBell />
        <UserMenu />
        <Button
          className="sx-lang"
          onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
          aria-label={t('switchLangLabel')}
          lang={lang === 'zh' ? 'en' : 'zh-CN'}
        >
          {t('switchLang')}
        </Button>
      </Layout.Header>
      <div className="sx-stripe" aria-hidden="true" />
      <Layout.Content id="main" className="sx-main" tabIndex={-1}>
        {children}
      </Layout.Content>
      <Layout.Footer className="sx-footer">{t('footer')}</Layout.Footer>
    </Layout>
  );
}
