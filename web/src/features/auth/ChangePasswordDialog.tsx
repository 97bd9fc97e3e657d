/** The "change password" dialog: current password, new one twice; server reasons on the fields. */
import { App, Form, Input, Modal } from 'antd';
import { RequiredItem } from '../common/RequiredItem';
import { useI18n } from '../../i18n/context';
import { apiFetch, ProblemError } from './apiFetch';
import { useFormSave } from '../common/useFormSave';
import { applyFieldErrors, problemText, showProblem } from './problemMessage';

interface Values {
  current_password: string;
  new_password: string;
  confirm: string;
}

export function ChangePasswordDialog({
  open,
  onClose,
  required = false,
}: {
  open: boolean;
  onClose: () => void;
  /** The first login after an administrator set the password: no way around the dialog. */
  required?: boolean;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, save } = useFormSave(form);

  const submit = () =>
    save(
      async (values) => {
        await apiFetch('/api/auth/password', {
          method: 'POST',
          body: { current_password: values.current_password, new_password: values.new_password },
        });
        void message.success(t('passwordChanged'));
        form.resetFields();
        onClose();
      },
      (e) => {
        if (e instanceof ProblemError && e.status === 403)
          form.setFields([{ name: 'current_password', errors: [t('wrongCurrentPassword')] }]);
        else if (e instanceof ProblemError && e.status === 422 && !e.problem.errors?.length)
          form.setFields([{ name: 'new_password', errors: [problemText(e)] }]);
        else if (!applyFieldErrors(form, e)) showProblem(message, e);
      },
    );

  return (
    <Modal
      open={open}
      title={t('changePassword')}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={busy}
      closable={!required}
      maskClosable={!required}
      cancelButtonProps={required ? { style: { display: 'none' } } : undefined}
      onOk={() => void submit()}
      onCancel={() => {
        form.resetFields();
        onClose();
      }}
      destroyOnHidden
    >
      {required && <p className="sx-must-change">{t('mustChangePassword')}</p>}
      <Form form={form} layout="vertical" name="change-password" requiredMark={false}>
        <RequiredItem label={t('currentPassword')} name="current_password">
          <Input.Password autoComplete="current-password" />
        </RequiredItem>
        <RequiredItem label={t('newPassword')} name="new_password">
          <Input.Password autoComplete="new-password" />
        </RequiredItem>
        <RequiredItem
          label={t('confirmPassword')}
          name="confirm"
          dependencies={['new_password']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || getFieldValue('new_password') === value
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </RequiredItem>
      </Form>
    </Modal>
  );
}
