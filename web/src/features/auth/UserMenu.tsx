/** The header's user area: name and roles, a menu with "change password" and "log out". */
import './auth.css';
import { lazy, Suspense, useState } from 'react';
import type { Role } from '../../../../src/domain/access/roles';
import { useI18n } from '../../i18n/context';
import { Link, navigate, useLocation } from '../../router';
import { loginHref } from './apiFetch';
import { useMessage } from '../common/LightApp';
import { MenuButton } from '../layout/MenuButton';
import { showProblem } from './problemMessage';
import { useSession } from './SessionContext';

// The dialog brings antd's Form: loaded when asked for, not with every page.
const ChangePasswordDialog = lazy(() =>
  import('./ChangePasswordDialog').then((m) => ({ default: m.ChangePasswordDialog })),
);

export function useRoleName(): (role: Role) => string {
  const { t } = useI18n();
  return (role) => t(`role_${role}` as const);
}

export function UserMenu() {
  const { t, pick } = useI18n();
  const message = useMessage();
  const session = useSession();
  const location = useLocation();
  const roleName = useRoleName();
  const [changing, setChanging] = useState(false);
  const user = session.user;

  if (session.state === 'loading') return null;
  if (!user) {
    if (location.path === '/login') return null;
    return (
      <Link
        className="sx-login-link"
        href={loginHref(location.path + (location.search.size ? `?${location.search.toString()}` : ''))}
      >
        {t('login')}
      </Link>
    );
  }
  const name = user.display_name ?? user.username;
  const roles = user.roles.map(roleName).join(t('listSeparator'));
  const logout = async () => {
    try {
      await session.logout();
      void message.success(t('loggedOut'));
      navigate('/');
    } catch (e) {
      showProblem(message, e);
    }
  };
  return (
    <>
      <MenuButton
        className="sx-user"
        label={
          <>
            <span className="sx-sr-only">{t('userMenu', { name: '' })}</span>
            <span className="sx-user-name">{name}</span>
            <span className="sx-user-roles">{roles}</span>
          </>
        }
      >
        <p className="sx-menu-note">
          {pick(user.tenant.name, user.tenant.name_en)} · {user.username}
        </p>
        <button type="button" className="sx-menu-item" onClick={() => setChanging(true)}>
          {t('changePassword')}
        </button>
        <button type="button" className="sx-menu-item sx-menu-danger" onClick={() => void logout()}>
          {t('logout')}
        </button>
      </MenuButton>
      {/* A password an administrator set must be replaced first: the server refuses the rest. */}
      {(changing || user.must_change_password) && (
        <Suspense fallback={null}>
          <ChangePasswordDialog
            open
            required={user.must_change_password}
            onClose={() => {
              setChanging(false);
              if (user.must_change_password) void session.refresh();
            }}
          />
        </Suspense>
      )}
    </>
  );
}
