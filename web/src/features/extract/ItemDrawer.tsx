/** The form drawer that edits (or adds) one item of the draft, with the server's field errors on it. */
import { Button, Drawer, Form, Input, InputNumber, Select, Space } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../../i18n/context';
import type { Draft } from './draft';
import type { FieldProblem } from './errors';
import { type EditList, fieldSpecs } from './fields';

export interface Editing {
  list: EditList;
  /** The item's key, or null for a new item. */
  key: string | null;
  /** The programme of an action. */
  parent?: string;
  values: Record<string, unknown>;
  title: string;
}

interface Props {
  editing: Editing | null;
  draft: Draft;
  problems: FieldProblem[];
  onSave: (editing: Editing, values: Record<string, unknown>) => void;
  onClose: () => void;
}

export function ItemDrawer({ editing, draft, problems, onSave, onClose }: Props) {
  const { t, word } = useI18n();
  const [form] = Form.useForm<Record<string, unknown>>();
  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    form.setFieldsValue(editing.values);
    const names = new Set(fieldSpecs[editing.list].map((f) => f.name));
    form.setFields(
      problems.filter((p) => names.has(p.field)).map((p) => ({ name: p.field, errors: [p.message] })),
    );
  }, [editing, problems, form]);
  if (!editing) return null;
  const specs = fieldSpecs[editing.list];
  const submit = (values: Record<string, unknown>) => {
    const cleaned = Object.fromEntries(
      Object.entries({ ...editing.values, ...values }).map(([k, v]) => [
        k,
        v === null || v === '' ? undefined : v,
      ]),
    );
    onSave(editing, cleaned);
  };
  return (
    <Drawer
      open
      title={editing.title}
      onClose={onClose}
      size={440}
      destroyOnHidden
      footer={
        <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
          <Button onClick={onClose}>{t('exCancel')}</Button>
          <Button type="primary" onClick={() => form.submit()}>
            {t('exOk')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark>
        {specs.map((f) => {
          const label = t(f.label);
          const rules = f.required ? [{ required: true, message: t('exRequired', { field: label }) }] : [];
          const options =
            typeof f.options === 'function'
              ? f.options(draft)
              : f.options?.map((v) => ({ value: v, label: word(v) }));
          return (
            <Form.Item key={f.name} name={f.name} label={label} rules={rules}>
              {f.type === 'number' ? (
                <InputNumber controls={false} style={{ width: '100%' }} />
              ) : f.type === 'multiselect' ? (
                <Select mode="multiple" options={options} showSearch optionFilterProp="label" />
              ) : f.type === 'select' ? (
                <Select options={options} allowClear={!f.required} showSearch optionFilterProp="label" />
              ) : f.type === 'textarea' ? (
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
              ) : (
                <Input />
              )}
            </Form.Item>
          );
        })}
      </Form>
    </Drawer>
  );
}
