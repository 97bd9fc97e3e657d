/** Create or edit a user: name, roles, departments, disabled; an administrator's password reset. */
import { Alert, App, Button, Divider, Drawer, Form, Input, Select, Space, Switch } from 'antd';
import { useEffect, useState } from 'react';
import type { DepartmentEntry, User } from '../../../../src/contracts/accounts';
import { type Role, roles } from '../../../../src/domain/access/roles';
import { RequiredItem } from '../common/RequiredItem';
import { useI18n } from '../../i18n/context';
import { applyFieldErrors, problemText } from '../auth/problemMessage';
import { useRoleName } from '../auth/UserMenu';
import { createUser, resetPassword, updateUser } from './adminApi';

interface Values {
  username: string;
  display_name?: string;
  password?: string;
  roles: Role[];
  departments: string[];
  disabled: boolean;
}

export function UserDrawer(props: {
  user: User | 'new' | null;
  departments: DepartmentEntry[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const roleName = useRoleName();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [newPassword, setNewPassword] = useState('');
  const { user } = props;
  const isNew = user === 'new';

  useEffect(() => {
    setError(null);
    setNewPassword('');
    if (!user) return;
    form.resetFields();
    if (user !== 'new')
      form.setFieldsValue({
        username: user.username,
        display_name: user.display_name ?? '',
        roles: user.roles,
        departments: user.departments,
        disabled: user.disabled,
      });
  }, [user, form]);

  const fail = (e: unknown) => {
    applyFieldErrors(form, e);
    setError(problemText(e));
  };

  const save = async (v: Values) => {
    if (!user) return;
    setBusy(true);
    setError(null);
    const display_name = v.display_name?.trim() || undefined;
    try {
      if (user === 'new')
        await createUser({
          username: v.username,
          display_name,
          password: v.password ?? '',
          roles: v.roles,
          departments: v.departments,
        });
      else
        await updateUser(user.username, {
          display_name: display_name ?? null,
          roles: v.roles,
          departments: v.departments,
          disabled: v.disabled,
        });
      void message.success(t(isNew ? 'created' : 'saved'));
      props.onSaved();
      props.onClose();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const reset = async () => {
    if (!user || user === 'new' || !newPassword) return;
    setBusy(true);
    setError(null);
    try {
      await resetPassword(user.username, newPassword);
      setNewPassword('');
      void message.success(t('passwordReset'));
      props.onSaved();
    } catch (e) {
      setError(problemText(e));
    } finally {
      setBusy(false);
    }
  };

  const title = user === 'new' ? t('createUser') : user ? t('editUser', { name: user.username }) : '';
  return (
    <Drawer open={user !== null} onClose={props.onClose} title={title} size={480} destroyOnHidden>
      {error && <Alert type="error" showIcon role="alert" title={t('requestFailed')} description={error} />}
      <Form<Values>
        form={form}
        layout="vertical"
        name="user"
        initialValues={{ roles: [], departments: [], disabled: false }}
        onFinish={(v) => void save(v)}
        disabled={busy}
        className="sx-drawer-form"
      >
        <RequiredItem label={t('username')} name="username">
          <Input autoComplete="off" disabled={!isNew} />
        </RequiredItem>
        <Form.Item label={t('displayName')} name="display_name">
          <Input autoComplete="off" />
        </Form.Item>
        {isNew && (
          <RequiredItem label={t('initialPassword')} name="password">
            <Input.Password autoComplete="new-password" />
          </RequiredItem>
        )}
        <Form.Item
          label={t('roles')}
          name="roles"
          rules={[{ required: true, type: 'array', min: 1, message: t('noRoles') }]}
        >
          <Select mode="multiple" options={roles.map((r) => ({ value: r, label: roleName(r) }))} />
        </Form.Item>
        <Form.Item label={t('departments')} name="departments">
          <Select
            mode="multiple"
            optionFilterProp="label"
            options={props.departments.map((d) => ({ value: d.code, label: pick(d.name, d.name_en) }))}
          />
        </Form.Item>
        {!isNew && (
          <Form.Item label={t('disableAccount')} name="disabled" valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t(isNew ? 'create' : 'save')}
          </Button>
          <Button onClick={props.onClose}>{t('cancel')}</Button>
        </Space>
      </Form>
      {user && user !== 'new' && (
        <>
          <Divider />
          <label htmlFor="reset-password" className="sx-label">
            {t('resetPasswordFor', { name: user.username })}
          </label>
          <Space.Compact className="sx-reset">
            <Input.Password
              id="reset-password"
              autoComplete="new-password"
              value={newPassword}
              onChange={(e) => setNewPassword(e.target.value)}
            />
            <Button onClick={() => void reset()} disabled={!newPassword || busy}>
              {t('resetPassword')}
            </Button>
          </Space.Compact>
        </>
      )}
    </Drawer>
  );
}
