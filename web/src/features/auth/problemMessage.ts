/** Shows an API failure as a message (toast) and, for form fields, as field errors. */
import type { FormInstance } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import { currentLang } from '../../i18n/context';
import type { Lang } from '../../i18n/dict';
import { wordFieldProblem, wordProblem } from '../../i18n/problemDict';
import { ProblemError } from './apiFetch';

/**
 * One line for a failure in the user's language: the problem's code worded (never the server's
 * English detail in Chinese), plus its field problems.
 */
export function problemText(error: unknown, lang: Lang = currentLang()): string {
  if (!(error instanceof ProblemError)) {
    // Another fetch helper's error with an HTTP status: worded by that status.
    const status = (error as { status?: unknown } | null)?.status;
    if (typeof status === 'number') return wordProblem({}, status, lang);
    return error instanceof Error ? error.message : String(error);
  }
  const head = wordProblem(error.problem, error.status, lang);
  const fields = (error.problem.errors ?? [])
    .map((e) => wordFieldProblem(e, lang))
    .filter((text) => text !== head);
  const list = [...new Set(fields)].join(lang === 'zh' ? '；' : '; ');
  return list ? `${head}${lang === 'zh' ? '（' : ' ('}${list}${lang === 'zh' ? '）' : ')'}` : head;
}

/** Puts field errors on the form's matching fields; says whether any matched. */
export function applyFieldErrors(form: FormInstance, error: unknown, lang: Lang = currentLang()): boolean {
  if (!(error instanceof ProblemError)) return false;
  const names = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>));
  const fields = (error.problem.errors ?? [])
    .filter((e) => names.has(e.field.split('.')[0] ?? ''))
    .map((e) => ({ name: e.field.split('.')[0] ?? e.field, errors: [wordFieldProblem(e, lang)] }));
  form.setFields(fields);
  return fields.length > 0;
}

export function showProblem(message: MessageInstance, error: unknown): void {
  void message.error(problemText(error), 6);
}
