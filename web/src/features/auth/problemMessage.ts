/** Shows an API failure as a message (toast) and, for form fields, as field errors. */
import type { FormInstance } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import { ProblemError } from './apiFetch';

/** One line for a failure: the problem's detail (or title) plus its field errors. */
export function problemText(error: unknown): string {
  if (!(error instanceof ProblemError)) return error instanceof Error ? error.message : String(error);
  const { title, detail, errors } = error.problem;
  const head = [title, detail].filter(Boolean).join(': ') || `HTTP ${error.status}`;
  const fields = (errors ?? []).map((e) => `${e.field}: ${e.message}`).join('; ');
  return fields ? `${head} (${fields})` : head;
}

/** Puts field errors on the form's matching fields; says whether any matched. */
export function applyFieldErrors(form: FormInstance, error: unknown): boolean {
  if (!(error instanceof ProblemError)) return false;
  const names = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>));
  const fields = (error.problem.errors ?? [])
    .filter((e) => names.has(e.field.split('.')[0] ?? ''))
    .map((e) => ({ name: e.field.split('.')[0] ?? e.field, errors: [e.message] }));
  form.setFields(fields);
  return fields.length > 0;
}

export function showProblem(message: MessageInstance, error: unknown): void {
  void message.error(problemText(error), 6);
}
