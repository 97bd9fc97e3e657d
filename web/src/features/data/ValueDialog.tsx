/** The entry form of one (indicator, period): value, source, note → save draft or submit. */
import { App, Alert, Form, Input, InputNumber, Modal, Space, Button } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/context';
import { ProblemError } from '../auth/apiFetch';
import { createValue, editValue, getValue, step, type ValueDetail, type ValueFields } from './dataApi';

export interface Slot {
  indicator: string;
  name: string;
  unit: string;
  period: string;
  status: string;
}

interface FormValues {
  value: number | null;
  source?: string;
  note?: string;
}

export function ValueDialog({ plan, slot, onClose }: { plan: string; slot: Slot; onClose: (changed: boolean) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [detail, setDetail] = useState<ValueDetail | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editable = ['missing', 'draft', 'returned'].includes(slot.status);

  useEffect(() => {
    if (slot.status === 'missing') return;
    getValue(plan, slot.indicator, slot.period).then(
      (d) => {
        setDetail(d);
        form.setFieldsValue({ value: d.value.value, source: d.value.source ?? '', note: d.value.note ?? '' });
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [plan, slot, form]);

  const save = async (submit: boolean) => {
    const v = await form.validateFields();
    const fields: ValueFields = { value: v.value ?? 0, source: v.source?.trim() || null, note: v.note?.trim() || null };
    setBusy(true);
    setError(null);
    try {
      const d = detail
        ? await editValue(plan, slot.indicator, slot.period, detail.value.version, fields)
        : await createValue(plan, slot.indicator, slot.period, fields);
      if (submit) await step(plan, slot.indicator, slot.period, 'submit', d.value.version);
      void message.success(submit ? t('dataDone') : t('dataSaved'));
      onClose(true);
    } catch (e) {
      setError(e instanceof ProblemError || e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={`${slot.name} · ${slot.period}`}
      onCancel={() => onClose(false)}
      footer={
        editable ? (
          <Space>
            <Button onClick={() => void save(false)} loading={busy}>
              {t('dataSaveDraft')}
            </Button>
            <Button type="primary" onClick={() => void save(true)} loading={busy}>
              {t('dataSubmit')}
            </Button>
          </Space>
        ) : null
      }
    >
      {detail?.value.status === 'returned' && detail.value.reason && (
        <Alert type="error" showIcon message={`${t('dataReturnReason')}：${detail.value.reason}`} style={{ marginBottom: 12 }} />
      )}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" disabled={!editable}>
        <Form.Item
          name="value"
          label={`${t('dataValue')}（${slot.unit}）`}
          rules={[{ required: true, message: t('dataValue') }]}
        >
          <InputNumber style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="source" label={t('source')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="note" label={t('dataNote')}>
          <Input.TextArea maxLength={2000} rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
