/** Guards a page: to the login page when anonymous, a "not allowed" result without the permission. */
import { Result } from 'antd';
import { type ReactNode, useEffect } from 'react';
import type { Permission } from '../../../../src/domain/access/roles';
import { useI18n } from '../../i18n/context';
import { Link, navigate } from '../../router';
import { loginHref } from './apiFetch';
import { useSession } from './SessionContext';

export function RequireLogin({ permission, children }: { permission?: Permission; children: ReactNode }) {
  const { t } = useI18n();
  const session = useSession();
  const anonymous = session.state === 'ready' && !session.user;
  useEffect(() => {
    if (anonymous) navigate(loginHref());
  }, [anonymous]);
  if (session.state === 'loading' || anonymous) return null;
  if (permission && !session.can(permission))
    return (
      <Result
        status="403"
        title={<h1 className="sx-h1-plain">{t('forbidden')}</h1>}
        subTitle={t('forbiddenHint')}
        extra={<Link href="/">{t('backToOverview')}</Link>}
      />
    );
  return <>{children}</>;
}
