/** `/admin/tokens`: integration tokens; create one (secret shown once), revoke with a confirmation. */
import { App, Button, Popconfirm, Tag } from 'antd';
import { useState } from 'react';
import type { ApiToken } from '../../../../src/contracts/accounts';
import { formatInstant } from './formatInstant';
import { useI18n } from '../../i18n/context';
import { showProblem } from '../auth/problemMessage';
import { useAsync, useReloadable } from '../common/useAsync';
import { AdminLayout, AdminTable } from './AdminLayout';
import { listDepartments, listTokens, revokeToken } from './adminApi';
import { TokenCreateDialog } from './TokenCreateDialog';

export default function TokensPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [tokens, reload] = useReloadable((signal) => listTokens(signal), 'tokens');
  const departments = useAsync((signal) => listDepartments(signal).catch(() => []), 'departments');
  const [creating, setCreating] = useState(false);

  const revoke = async (token: ApiToken) => {
    try {
      await revokeToken(token.id);
      void message.success(t('revoked'));
      reload();
    } catch (e) {
      showProblem(message, e);
    }
  };

  const state = (tk: ApiToken) =>
    tk.revoked_at ? (
      <Tag>{t('revoked')}</Tag>
    ) : tk.active ? (
      <Tag color="green">{t('active')}</Tag>
    ) : (
      <Tag color="orange">{t('expired')}</Tag>
    );

  return (
    <AdminLayout section="tokens" create={{ label: t('createToken'), onClick: () => setCreating(true) }}>
      <AdminTable<ApiToken>
        rows={tokens}
        rowKey="id"
        columns={[
          { key: 'name', title: t('tokenName'), dataIndex: 'name' },
          {
            key: 'dept',
            title: t('tokenDepartment'),
            render: (_, tk) => tk.department ?? t('anyDepartment'),
          },
          {
            key: 'permissions',
            title: t('permissions'),
            render: (_, tk) => tk.permissions.map((p) => <Tag key={p}>{p}</Tag>),
          },
          { key: 'by', title: t('createdBy'), render: (_, tk) => tk.created_by ?? t('noValue') },
          { key: 'at', title: t('createdAt'), render: (_, tk) => formatInstant(tk.created_at, lang) },
          {
            key: 'expires',
            title: t('expiresAt'),
            render: (_, tk) => (tk.expires_at ? formatInstant(tk.expires_at, lang) : t('noValue')),
          },
          { key: 'state', title: t('accountState'), render: (_, tk) => state(tk) },
          {
            key: 'actions',
            title: t('actions'),
            render: (_, tk) =>
              tk.active && (
                <Popconfirm
                  title={t('revokeConfirm', { name: tk.name })}
                  okText={t('revoke')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('cancel')}
                  onConfirm={() => void revoke(tk)}
                >
                  <Button size="small" danger aria-label={`${t('revoke')} ${tk.name}`}>
                    {t('revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <TokenCreateDialog
        open={creating}
        departments={departments.state === 'done' ? departments.data : []}
        onClose={() => setCreating(false)}
        onCreated={reload}
      />
    </AdminLayout>
  );
}
