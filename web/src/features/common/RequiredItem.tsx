/** A form field that must be filled; when it is not, the message names it by its label. */
import { Form, type FormItemProps } from 'antd';
import { useI18n } from '../../i18n/context';

/** `rules`: what is checked besides presence (a match with another field …). */
export function RequiredItem({ rules = [], ...props }: FormItemProps & { label: string }) {
  const { t } = useI18n();
  return (
    <Form.Item
      {...props}
      rules={[{ required: true, message: t('required', { field: props.label }) }, ...rules]}
    />
  );
}
