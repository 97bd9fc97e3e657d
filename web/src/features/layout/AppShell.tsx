/** The page frame: a header with the brand, the plan title, the navigation and the language switch. */
import { Button, Layout } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { useI18n } from '../../i18n/context';
import { Link, type Route } from '../../router';
import { usePlan } from '../plan/PlanContext';

export function AppShell({ route, children }: { route: Route; children: ReactNode }) {
  const { t, lang, setLang, pick } = useI18n();
  const plan = usePlan();
  const title =
    plan.state === 'done' ? pick(plan.data.detail.plan.title, plan.data.detail.plan.title_en) : '';
  useEffect(() => {
    const page = route.page === 'portal' ? t('navPortal') : route.page === 'not_found' ? t('notFound') : '';
    document.title = [page, title, `${t('brand')} ${t('brandEn')}`].filter(Boolean).join(' · ');
  }, [route.page, title, t]);
  const selected = route.page === 'portal' ? 'portal' : route.page === 'not_found' ? '' : 'overview';
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
            {(['overview', 'portal'] as const).map((key) => (
              <li key={key}>
                <Link
                  href={key === 'overview' ? '/' : '/portal/'}
                  className={selected === key ? 'sx-nav-active' : undefined}
                  aria-current={selected === key ? 'page' : undefined}
                >
                  {t(key === 'overview' ? 'navOverview' : 'navPortal')}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
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
