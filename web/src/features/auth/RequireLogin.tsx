/** Guards a page: to the login page when anonymous, a "not allowed" result without the permission. */
import { type ComponentType, type ReactNode, useEffect } from 'react';
import type { Permission } from '../../../../src/domain/access/roles';
import { useI18n } from '../../i18n/context';
import { navigate } from '../../router';
import { NoPage } from '../layout/NoPage';
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
    return <NoPage status="403" title={t('forbidden')} hint={t('forbiddenHint')} />;
  return <>{children}</>;
}

/** A whole page behind the guard: `View` for a logged-in user with `permission`. */
export function loginPage(permission: Permission, View: ComponentType): ComponentType {
  return function GuardedPage() {
    return (
      <RequireLogin permission={permission}>
        <View />
      </RequireLogin>
    );
  };
}
