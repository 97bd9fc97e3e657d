/** `/admin/users`: the tenant's users, with a drawer to create or edit one. */
import { Input, Space, Tag } from 'antd';
import { useState } from 'react';
import type { User } from '../../../../src/contracts/accounts';
import { useI18n } from '../../i18n/context';
import { useSession } from '../auth/SessionContext';
import { useRoleName } from '../auth/UserMenu';
import { useAsync, useReloadable, type AsyncState } from '../common/useAsync';
import { AdminLayout, AdminTable, EditButton } from './AdminLayout';
import { listDepartments, listUsers } from './adminApi';
import { UserDrawer } from './UserDrawer';

export default function UsersPage() {
  const { t, pick } = useI18n();
  const session = useSession();
  const roleName = useRoleName();
  const [users, reload] = useReloadable((signal) => listUsers(signal), 'users');
  const departments = useAsync((signal) => listDepartments(signal).catch(() => []), 'departments');
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [query, setQuery] = useState('');
  const canAdmin = session.can('user:admin');
  const deptList = departments.state === 'done' ? departments.data : [];
  const deptName = (code: string) => {
    const d = deptList.find((x) => x.code === code);
    return d ? pick(d.name, d.name_en) : code;
  };
  // Found by what a person reads in the current language (联络员 finds a reporter) or by codes.
  const words = (u: User) =>
    [
      u.username,
      u.display_name ?? '',
      ...u.roles.flatMap((r) => [r, roleName(r)]),
      ...u.departments.flatMap((d) => [d, deptName(d)]),
    ]
      .join(' ')
      .toLowerCase();
  const terms = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const all = users.state === 'done' ? users.data : [];
  const shown = terms.length ? all.filter((u) => terms.every((w) => words(u).includes(w))) : all;
  const rows: AsyncState<User[]> = users.state === 'done' ? { ...users, data: shown } : users;

  return (
    <AdminLayout
      section="users"
      create={canAdmin ? { label: t('createUser'), onClick: () => setEditing('new') } : undefined}
    >
      {users.state !== 'error' && (
        <Space className="sx-user-search" wrap>
          <Input.Search
            allowClear
            aria-label={t('findUser')}
            placeholder={t('findUser')}
            style={{ width: 360, maxWidth: '100%' }}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <span aria-live="polite">{t('usersShown', { n: shown.length })}</span>
        </Space>
      )}
      <AdminTable<User>
        rows={rows}
        rowKey="username"
        pageSize={20}
        columns={[
          { key: 'username', title: t('username'), dataIndex: 'username' },
          { key: 'name', title: t('displayName'), render: (_, u) => u.display_name ?? t('noValue') },
          {
            key: 'roles',
            title: t('roles'),
            render: (_, u) => u.roles.map((r) => <Tag key={r}>{roleName(r)}</Tag>),
          },
          {
            key: 'departments',
            title: t('departments'),
            render: (_, u) => u.departments.map(deptName).join(t('listSeparator')) || t('noValue'),
          },
          {
            key: 'state',
            title: t('accountState'),
            render: (_, u) => (
              <Space size={4}>
                {u.disabled ? (
                  <Tag color="default">{t('disabled')}</Tag>
                ) : (
                  <Tag color="green">{t('active')}</Tag>
                )}
                {u.locked && <Tag color="orange">{t('locked')}</Tag>}
              </Space>
            ),
          },
          ...(canAdmin
            ? [
                {
                  key: 'actions',
                  title: t('actions'),
                  render: (_: unknown, u: User) => (
                    <EditButton name={u.username} onClick={() => setEditing(u)} />
                  ),
                },
              ]
            : []),
        ]}
      />
      <UserDrawer user={editing} departments={deptList} onClose={() => setEditing(null)} onSaved={reload} />
    </AdminLayout>
  );
}
