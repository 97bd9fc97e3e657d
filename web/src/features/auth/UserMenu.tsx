/** The header's user area: name and roles, a menu with "change password" and "log out". */
import './auth.css';
import { App, Button, Dropdown } from 'antd';
import { useState } from 'react';
import type { Role } from '../../../../src/domain/access/roles';
import { useI18n } from '../../i18n/context';
import { Link, navigate, useLocation } from '../../router';
import { loginHref } from './apiFetch';
import { ChangePasswordDialog } from './ChangePasswordDialog';
import { showProblem } from './problemMessage';
import { useSession } from './SessionContext';

export function useRoleName(): (role: Role) => string {
  const { t } = useI18n();
  return (role) => t(`role_${role}` as const);
}

export function UserMenu() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
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
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            {
              key: 'who',
              type: 'group',
              label: `${pick(user.tenant.name, user.tenant.name_en)} · ${user.username}`,
            },
            { key: 'password', label: t('changePassword') },
            { key: 'logout', label: t('logout'), danger: true },
          ],
          onClick: ({ key }) => {
            if (key === 'password') setChanging(true);
            if (key === 'logout') void logout();
          },
        }}
      >
        <Button type="text" className="sx-user" aria-label={t('userMenu', { name })}>
          <span className="sx-user-name">{name}</span>
          <span className="sx-user-roles">{roles}</span>
        </Button>
      </Dropdown>
      {/* A password an administrator set must be replaced first: the server refuses the rest. */}
      <ChangePasswordDialog
        open={changing || user.must_change_password}
        required={user.must_change_password}
        onClose={() => {
          setChanging(false);
          if (user.must_change_password) void session.refresh();
        }}
      />
    </>
  );
}
