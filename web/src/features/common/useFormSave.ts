/** A form dialog's save: check the fields, send, and show a refusal on the fields and in an alert. */
import type { FormInstance } from 'antd';
import { useState } from 'react';
import { applyFieldErrors, problemText } from '../auth/problemMessage';

export function useFormSave<V>(form: FormInstance<V>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const refuse = (e: unknown) => {
    applyFieldErrors(form, e);
    setError(problemText(e));
  };
  /** `refused` words a refusal otherwise (by default: on the fields and in `error`). */
  const save = async (send: (values: V) => Promise<void>, refused = refuse) => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    setBusy(true);
    setError(null);
    try {
      await send(values);
    } catch (e) {
      refused(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, save };
}
