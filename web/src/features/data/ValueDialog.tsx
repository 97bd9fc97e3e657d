/**
 * The entry form of one (indicator, period): value, source, note, preliminary (快报/预计) → save
 * draft or submit. A returned value shows who returned it and why, right above the fields; before
 * submitting, the entry checks run and a value that looks wrong needs a reason to go on.
 */
import { App, Alert, Button, Checkbox, Form, Input, InputNumber, Modal, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { formatPeriod } from '../../format';
import type { DataWarning } from '../../../../src/contracts/data';
import { useI18n } from '../../i18n/context';
import type { DataValueDetail } from '../../../../src/contracts/data';
import { checkValue, createValue, editValue, getValue, step, type ValueFields } from './dataApi';
import { describeValue, errorWords, warningText, withUnit } from './words';
import { NoteField } from '../common/NoteField';

export interface Slot {
  indicator: string;
  name: string;
  unit: string;
  period: string;
  status: string;
  /** The period is still running: only a preliminary value may be entered. */
  running?: boolean;
  preliminaryAllowed?: boolean;
}

interface FormValues {
  value: number | null;
  source?: string;
  note?: string;
  preliminary?: boolean;
}

export function ValueDialog({ plan, slot, onClose }: { plan: string; slot: Slot; onClose: (changed: boolean) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [detail, setDetail] = useState<DataValueDetail | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Warnings found on submit; a reason lets the reporter go on.
  const [warnings, setWarnings] = useState<DataWarning[] | null>(null);
  const [checkReason, setCheckReason] = useState('');
  const editable = ['missing', 'draft', 'returned'].includes(slot.status);
  const warningsRef = useRef<HTMLDivElement>(null);
  // On a phone the warnings open below the fold: bring them into view.
  useEffect(() => {
    if (warnings) warningsRef.current?.scrollIntoView({ block: 'center' });
  }, [warnings]);

  useEffect(() => {
    form.setFieldsValue({ preliminary: slot.running === true });
    if (slot.status === 'missing') return;
    getValue(plan, slot.indicator, slot.period).then(
      (d) => {
        setDetail(d);
        form.setFieldsValue({
          value: d.value.value,
          source: d.value.source ?? '',
          note: d.value.note ?? '',
          preliminary: slot.running === true || d.value.preliminary,
        });
        if (d.value.check_reason) setCheckReason(d.value.check_reason);
      },
      (e: unknown) => setError(errorWords(i18n, e)),
    );
    // i18n changes with the language only; the value need not be read again then.
  }, [plan, slot, form]);

  const save = async (submit: boolean, confirmed = false) => {
    const v = await form.validateFields();
    const value = v.value ?? 0;
    setBusy(true);
    setError(null);
    try {
      if (submit && !confirmed) {
        const found = await checkValue(plan, slot.indicator, slot.period, value);
        if (found.length > 0) {
          setWarnings(found);
          return;
        }
      }
      const fields: ValueFields = {
        value,
        source: v.source?.trim() || null,
        note: v.note?.trim() || null,
        ...(slot.preliminaryAllowed ? { preliminary: slot.running === true || v.preliminary === true } : {}),
        ...(confirmed ? { check_reason: checkReason.trim() } : {}),
      };
      const d = detail
        ? await editValue(plan, slot.indicator, slot.period, detail.value.version, fields)
        : await createValue(plan, slot.indicator, slot.period, fields);
      if (submit) await step(plan, slot.indicator, slot.period, 'submit', d.value.version);
      const what = describeValue(i18n, {
        name: slot.name,
        period: slot.period,
        value,
        unit: slot.unit,
        preliminary: d.value.preliminary,
      });
      void message.success(t(submit ? 'rpSubmitted' : 'rpSaved', { what }));
      onClose(true);
    } catch (e) {
      setError(errorWords(i18n, e));
    } finally {
      setBusy(false);
    }
  };

  const returned = detail?.value.status === 'returned' ? detail.returned : null;
  return (
    <Modal
      open
      title={`${slot.name} · ${formatPeriod(slot.period, i18n.lang)}`}
      onCancel={() => onClose(false)}
      footer={
        editable && !warnings ? (
          <Space wrap>
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
      {returned && (
        <Alert
          type="error"
          showIcon
          role="alert"
          message={t('rpReturnedBy', { by: returned.by, reason: returned.reason ?? '' })}
          style={{ marginBottom: 12 }}
        />
      )}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {slot.running && editable && (
        <Alert type="info" showIcon message={t('rpPreliminaryForced')} style={{ marginBottom: 12 }} />
      )}
      <Form form={form} layout="vertical" disabled={!editable || warnings !== null}>
        <Form.Item
          name="value"
          label={withUnit(i18n, t('dataValue'), slot.unit)}
          rules={[{ required: true, message: t('dataValue') }]}
        >
          <InputNumber style={{ width: '100%' }} inputMode="decimal" />
        </Form.Item>
        {slot.preliminaryAllowed && (
          <Form.Item name="preliminary" valuePropName="checked">
            <Checkbox disabled={slot.running}>{t('rpPreliminaryField')}</Checkbox>
          </Form.Item>
        )}
        <Form.Item name="source" label={t('source')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="note" label={t('dataNote')}>
          <Input.TextArea maxLength={2000} rows={2} />
        </Form.Item>
      </Form>
      {warnings && (
        <div className="sx-data-warnings" role="alert" ref={warningsRef}>
          <Alert
            type="warning"
            showIcon
            message={t('rpWarnings')}
            description={
              <>
                <p style={{ margin: '0 0 4px' }}>{t('rpWarningsIntro')}</p>
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {warnings.map((w) => (
                    <li key={w.code}>{warningText(i18n, w, slot.unit)}</li>
                  ))}
                </ul>
              </>
            }
          />
          <NoteField
            id="sx-check-reason"
            label={t('rpCheckReason')}
            labelStyle={{ display: 'block', marginTop: 8 }}
            rows={2}
            maxLength={1000}
            value={checkReason}
            onChange={setCheckReason}
          />
          <Space wrap style={{ marginTop: 8 }}>
            <Button onClick={() => setWarnings(null)}>{t('dataEdit')}</Button>
            <Button
              type="primary"
              danger
              disabled={checkReason.trim() === ''}
              loading={busy}
              onClick={() => void save(true, true)}
            >
              {t('rpConfirmSubmit')}
            </Button>
          </Space>
        </div>
      )}
    </Modal>
  );
}
