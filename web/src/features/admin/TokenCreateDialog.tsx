/** Create an integration token; its secret is then shown once, with a copy button and a warning. */
import { Alert, App, Checkbox, Form, Input, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ApiTokenCreated, DepartmentEntry, TokenPermission } from '../../../../src/contracts/accounts';
import { RequiredItem } from '../common/RequiredItem';
import { useI18n } from '../../i18n/context';
import { AdminDialog, useAdminForm } from './AdminDialog';
import { createToken } from './adminApi';

// Typed against the contract, without pulling zod into the bundle.
const tokenPermissions = Object.keys({
  'data:read': 1,
  'data:write': 1,
  'plan:read': 1,
  'task:read': 1,
  'task:write': 1,
} satisfies Record<TokenPermission, 1>) as TokenPermission[];

interface Values {
  name: string;
  department?: string;
  permissions: TokenPermission[];
  expires_at?: string;
}

export function TokenCreateDialog(props: {
  open: boolean;
  departments: DepartmentEntry[];
  onClose: () => void;
  onCreated: () => void;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [created, setCreated] = useState<ApiTokenCreated | null>(null);
  const { form, clear, dialog } = useAdminForm<Values>('token', async (v) => {
    const token = await createToken({
      name: v.name,
      department: v.department || undefined,
      permissions: v.permissions,
      expires_at: v.expires_at || undefined,
    });
    setCreated(token);
    props.onCreated();
  });

  useEffect(() => {
    if (!props.open) return;
    clear();
    setCreated(null);
  }, [props.open, form]);

  if (created)
    return (
      <Modal
        open={props.open}
        title={t('tokenCreated')}
        onCancel={props.onClose}
        onOk={props.onClose}
        okText={t('close')}
        cancelButtonProps={{ style: { display: 'none' } }}
        maskClosable={false}
      >
        <Alert type="warning" showIcon role="alert" title={t('tokenOnce')} />
        <div className="sx-token-box">
          <span className="sx-label">{t('tokenValue')}</span>
          <Typography.Paragraph
            code
            copyable={{
              text: created.token,
              tooltips: [t('copy'), t('copied')],
              onCopy: () => void message.success(t('copied')),
            }}
            className="sx-token"
            data-testid="new-token"
          >
            {created.token}
          </Typography.Paragraph>
        </div>
      </Modal>
    );

  return (
    <AdminDialog
      {...dialog}
      open={props.open}
      title={t('createToken')}
      okText={t('create')}
      initialValues={{ permissions: ['data:read'] }}
      onCancel={props.onClose}
    >
      <RequiredItem label={t('tokenName')} name="name">
        <Input autoComplete="off" />
      </RequiredItem>
      <Form.Item label={t('tokenDepartment')} name="department">
        <Select
          allowClear
          placeholder={t('anyDepartment')}
          optionFilterProp="label"
          options={props.departments.map((d) => ({ value: d.code, label: pick(d.name, d.name_en) }))}
        />
      </Form.Item>
      <Form.Item
        label={t('permissions')}
        name="permissions"
        rules={[
          { required: true, type: 'array', min: 1, message: t('required', { field: t('permissions') }) },
        ]}
      >
        <Checkbox.Group options={tokenPermissions.map((p) => ({ value: p, label: p }))} />
      </Form.Item>
      <Form.Item label={t('expiresAt')} name="expires_at">
        <Input type="date" />
      </Form.Item>
    </AdminDialog>
  );
}
