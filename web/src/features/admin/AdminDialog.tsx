/**
 * The administrator's form dialogs (department, tenant, token): one frame with the save button's
 * progress and the refusal above the fields, and the Chinese and English names that departments
 * and tenants both carry.
 */
import { Alert, Form, Input, Modal, type FormInstance, type FormProps } from 'antd';
import type { ReactNode } from 'react';
import { useFormSave } from '../common/useFormSave';
import { RequiredItem } from '../common/RequiredItem';
import { useI18n } from '../../i18n/context';

export function AdminDialog<V extends object>(props: {
  open: boolean;
  title: ReactNode;
  okText: string;
  busy: boolean;
  error: string | null;
  form: FormInstance<V>;
  name: string;
  initialValues?: FormProps<V>['initialValues'];
  onOk: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={props.okText}
      cancelText={t('cancel')}
      confirmLoading={props.busy}
      onOk={props.onOk}
      onCancel={props.onCancel}
      destroyOnHidden
    >
      {props.error && (
        <Alert type="error" showIcon role="alert" title={t('requestFailed')} description={props.error} />
      )}
      <Form<V>
        form={props.form}
        layout="vertical"
        name={props.name}
        initialValues={props.initialValues}
        className="sx-drawer-form"
      >
        {props.children}
      </Form>
    </Modal>
  );
}

/**
 * The form of an administrator's dialog and what AdminDialog takes from it: `send` runs on OK once
 * the fields check; `clear` forgets the last refusal and the fields (when the dialog opens again).
 */
export function useAdminForm<V extends object>(name: string, send: (values: V) => Promise<void>) {
  const [form] = Form.useForm<V>();
  const { busy, error, setError, save } = useFormSave(form);
  const clear = () => {
    setError(null);
    form.resetFields();
  };
  return { form, clear, dialog: { name, form, busy, error, onOk: () => void save(send) } };
}

/** 中文名称 (required) and English name (optional), as fields `name` and `name_en`. */
export function BilingualNameFields() {
  const { t } = useI18n();
  return (
    <>
      <RequiredItem label={t('nameZh')} name="name">
        <Input autoComplete="off" />
      </RequiredItem>
      <Form.Item label={t('nameEn')} name="name_en">
        <Input autoComplete="off" lang="en" />
      </Form.Item>
    </>
  );
}
