/**
 * The server's problems in the user's language. Every problem+json carries a stable `code` (and
 * `params`); its `detail` is English for logs and scripts and is never shown in Chinese.
 * `{name}` marks a parameter.
 */
import { statusCodes } from '../../../src/contracts/problem-codes';
import type { Lang } from './dict';

type Words = Record<string, string>;

const problemsZh: Words = {
  // one per status, when the server named nothing more specific
  bad_request: '请求有误，请检查后重试。',
  unauthorized: '请先登录。',
  forbidden: '您没有执行此操作的权限。',
  not_found: '找不到所请求的内容，可能已被删除或不在您的权限范围内。',
  method_not_allowed: '不支持此操作。',
  conflict: '操作与当前状态冲突，请刷新后重试。',
  too_large: '提交的内容过大。',
  unsupported_media_type: '不支持此文件或内容格式。',
  invalid_content: '提交的内容有误，请检查标出的字段。',
  invalid_fields: '请检查标出的字段。',
  too_many_requests: '操作过于频繁，请稍后再试。',
  internal_error: '服务器出错，请稍后重试；如仍出错，请联系管理员。',
  unavailable: '服务暂时不可用，请稍后重试。',
  // accounts and login
  login_required: '请先登录。',
  token_invalid: '访问令牌无效或已过期。',
  wrong_credentials: '用户名或密码错误。',
  login_locked: '登录失败次数过多，请{seconds}秒后再试。',
  wrong_current_password: '当前密码不正确。',
  password_change_required: '请先修改管理员为您设置的密码。',
  password_too_short: '密码至少{min}个字符。',
  password_too_long: '密码最多{max}个字符。',
  password_blank: '密码不能只有空格。',
  password_common: '密码过于常见，请换一个。',
  password_is_username: '密码不能与用户名相同。',
  username_taken: '用户名“{username}”已被使用。',
  department_code_taken: '部门代码“{code}”已存在。',
  unknown_department: '未知部门：{department}。',
  csrf_refused: '页面已过期，请刷新后重试。',
  cross_origin_refused: '拒绝来自其他网站的请求。',
  // files and uploads
  file_missing: '请选择要上传的文件。',
  file_empty: '文件为空。',
  file_unreadable: '无法读取此 Excel 文件。',
  file_too_large: '文件不能超过 {mb} MB。',
  too_many_rows: '行数超过{max}行，请分批上传。',
  preview_expired: '预览已过期，请重新上传文件。',
  import_stale: '预览后数据已有变化（第{row}行），请重新预览。',
  // reported values
  role_required: '您的角色不能执行此操作。',
  own_departments_only: '只能填报和修改本部门的数据。',
  department_head_only: '只有该指标所属部门的负责人可以审核。',
  review_own_value: '这是您填报或修改的数值，须由他人审核。',
  wrong_status: '此数值当前为“{status}”，不能执行此操作。',
  value_changed: '数值已被更新（您看到的是第{seen}版，当前为第{current}版），请刷新。',
  value_changed_concurrently: '他人同时修改了此数值，请刷新。',
  value_exists: '{period} 已有数值（{status}），请修改该数值。',
  correction_needs_accepted: '只有已采纳的数值可以更正；此数值为“{status}”，请直接修改。',
  computed_indicator: '此指标由公式计算得出，无需填报。',
  invalid_period: '报告期格式不正确。',
  period_wrong_frequency: '报告期与指标的报送频率（{frequency}）不符。',
  period_outside_plan: '报告期须在 {from} 至 {to} 年之间。',
  period_not_begun: '报告期尚未开始。',
  preliminary_not_allowed: '此指标不接受快报/预计数，请在报告期结束后报送。',
  task_invalid: '任务内容有误，未保存。',
};

const problemsEn: Words = {
  bad_request: 'The request is not valid. Check it and try again.',
  unauthorized: 'Log in first.',
  forbidden: 'You are not allowed to do this.',
  not_found: 'Not found: it may have been deleted or lie outside your departments.',
  method_not_allowed: 'This action is not supported.',
  conflict: 'This conflicts with the current state. Reload and try again.',
  too_large: 'What you sent is too large.',
  unsupported_media_type: 'This file or content type is not supported.',
  invalid_content: 'Some of what you entered is not valid: see the marked fields.',
  invalid_fields: 'Check the marked fields.',
  too_many_requests: 'Too many attempts. Try again later.',
  internal_error: 'Something went wrong on our side. Try again; if it persists, tell an administrator.',
  unavailable: 'The service is unavailable for now. Try again later.',
  login_required: 'Log in first.',
  token_invalid: 'The access token is invalid or expired.',
  wrong_credentials: 'Wrong user name or password.',
  login_locked: 'Too many failed logins: try again in {seconds} seconds.',
  wrong_current_password: 'The current password is wrong.',
  password_change_required: 'Change the password an administrator set for you first.',
  password_too_short: 'The password needs at least {min} characters.',
  password_too_long: 'The password may have at most {max} characters.',
  password_blank: 'The password must not be only spaces.',
  password_common: 'This password is too common: choose another.',
  password_is_username: 'The password must differ from the user name.',
  username_taken: 'The user name “{username}” is taken.',
  department_code_taken: 'The department code “{code}” exists already.',
  unknown_department: 'Unknown department: {department}.',
  csrf_refused: 'The page has expired: reload it and try again.',
  cross_origin_refused: 'Requests from other sites are refused.',
  file_missing: 'Choose a file to upload.',
  file_empty: 'The file is empty.',
  file_unreadable: 'This Excel file could not be read.',
  file_too_large: 'Files are limited to {mb} MB.',
  too_many_rows: 'More than {max} rows: upload the table in parts.',
  preview_expired: 'The preview has expired: upload the file again.',
  import_stale: 'Values changed since the preview (row {row}): preview again.',
  role_required: 'Your role does not allow this.',
  own_departments_only: 'You may enter and change values of your own departments only.',
  department_head_only: 'Only a head of the indicator’s department may review it.',
  review_own_value: 'You entered or edited this value: another person must review it.',
  wrong_status: 'This value is “{status}”: this step is not possible now.',
  value_changed: 'The value changed (you saw version {seen}, the current one is {current}). Reload.',
  value_changed_concurrently: 'Someone else changed this value at the same time. Reload.',
  value_exists: 'A value for {period} exists ({status}): edit it instead.',
  correction_needs_accepted:
    'Only an accepted value takes a correction; this one is “{status}”: edit it instead.',
  computed_indicator: 'This indicator is computed from a formula: nothing to enter.',
  invalid_period: 'The period is not valid.',
  period_wrong_frequency: 'The period does not match how the indicator is reported ({frequency}).',
  period_outside_plan: 'The period must lie between {from} and {to}.',
  period_not_begun: 'This period has not begun yet.',
  preliminary_not_allowed: 'This indicator takes no preliminary values: report it once the period has ended.',
  task_invalid: 'The task is not valid; nothing was saved.',
};

/** Field problems (a form field's message), by the code of the validation rule. */
const fieldsZh: Words = {
  required: '必填。',
  too_small_chars: '至少{min}个字符。',
  too_big_chars: '最多{max}个字符。',
  too_small_items: '至少选择{min}项。',
  too_big_items: '最多{max}项。',
  too_small_value: '不能小于{min}。',
  too_big_value: '不能大于{max}。',
  wrong_type: '格式不正确。',
  unknown_field: '包含未知字段。',
  invalid: '内容无效。',
};

const fieldsEn: Words = {
  required: 'Required.',
  too_small_chars: 'At least {min} characters.',
  too_big_chars: 'At most {max} characters.',
  too_small_items: 'Choose at least {min}.',
  too_big_items: 'At most {max}.',
  too_small_value: 'At least {min}.',
  too_big_value: 'At most {max}.',
  wrong_type: 'Wrong format.',
  unknown_field: 'Contains an unknown field.',
  invalid: 'Not valid.',
};

/** Words for the values a problem's params name (a workflow status, a frequency). */
const paramWords: Record<Lang, Words> = {
  zh: {
    draft: '草稿',
    submitted: '已提交',
    approved: '已审核',
    accepted: '已采纳',
    returned: '已退回',
    annual: '年度',
    quarterly: '季度',
    monthly: '月度',
  },
  en: {
    draft: 'draft',
    submitted: 'submitted',
    approved: 'approved',
    accepted: 'accepted',
    returned: 'returned',
    annual: 'annual',
    quarterly: 'quarterly',
    monthly: 'monthly',
  },
};

export const problemWords: Record<Lang, Words> = { zh: problemsZh, en: problemsEn };
export const fieldWords: Record<Lang, Words> = { zh: fieldsZh, en: fieldsEn };

type Params = Record<string, string | number> | undefined;

function fill(text: string, params: Params, lang: Lang): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params?.[name];
    if (v === undefined) return '';
    return typeof v === 'string' ? (paramWords[lang][v] ?? v) : String(v);
  });
}

/** Rules that word their refusal in both languages send `params.zh` and `params.en`. */
function bilingual(params: Params, lang: Lang): string | null {
  const text = params?.[lang];
  return typeof text === 'string' && text ? text : null;
}

/** A problem's words in `lang`: its code's, else its status's; English may fall back on `detail`. */
export function wordProblem(
  problem: { code?: string; params?: Params; detail?: string; status?: number },
  status: number,
  lang: Lang,
): string {
  const worded = bilingual(problem.params, lang);
  if (worded) return worded;
  const text = problem.code ? problemWords[lang][problem.code] : undefined;
  if (text) return fill(text, problem.params, lang);
  if (lang === 'en' && problem.detail) return problem.detail;
  const byStatus = statusCodes[status] ?? (status >= 500 ? 'internal_error' : 'bad_request');
  return problemWords[lang][byStatus] ?? problemWords[lang].bad_request ?? '';
}

/** One field problem's words in `lang` (its own English message when there is no code). */
export function wordFieldProblem(
  problem: { code?: string; params?: Params; message: string },
  lang: Lang,
): string {
  const worded = bilingual(problem.params, lang);
  if (worded) return worded;
  const text = problem.code
    ? (problemWords[lang][problem.code] ?? fieldWords[lang][problem.code])
    : undefined;
  if (text) return fill(text, problem.params, lang);
  return lang === 'en' ? problem.message : (fieldsZh.invalid ?? '');
}
