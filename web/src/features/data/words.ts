/**
 * How the data pages word things for people: a value as 地区生产总值 2024年 1850亿元（快报）,
 * a coded warning or problem in the user's language, a workflow step as words.
 */
import type { DataValue, DataWarning } from '../../../../src/contracts/data';
import type { I18n } from '../../i18n/context';
import type { Key } from '../../i18n/dict';
import { formatPeriod, formatValue } from '../../format';
import { formatEnglish } from '../../../../src/domain/units';
import { dictionaries } from '../../i18n/dict';
import { ProblemError } from '../auth/apiFetch';
import { problemText } from '../auth/problemMessage';

/** An indicator's name in the user's language. */
export const nameOf = (i18n: I18n, v: { indicator_name: string; indicator_name_en: string | null }) =>
  i18n.pick(v.indicator_name, v.indicator_name_en);

/** 地区生产总值 2024年 1850亿元（快报）. */
export function describeValue(
  i18n: I18n,
  v: { name: string; period: string; value: number; unit: string; preliminary?: boolean },
): string {
  const sep = i18n.lang === 'zh' ? ' ' : ', ';
  const prelim = v.preliminary ? (i18n.lang === 'zh' ? `（${i18n.t('rpPreliminary')}）` : ` (${i18n.t('rpPreliminary').toLowerCase()})`) : '';
  return `${v.name}${sep}${formatPeriod(v.period, i18n.lang)}${sep}${formatValue(v.value, v.unit, i18n.lang)}${prelim}`;
}

export const describeDataValue = (i18n: I18n, v: DataValue) =>
  describeValue(i18n, { name: nameOf(i18n, v), period: v.period, value: v.value, unit: v.unit, preliminary: v.preliminary });

const has = (key: string): key is Key => key in dictionaries.zh;

/** A numeric parameter with its unit where it is a value of the indicator. */
function params(p: Record<string, string | number>, unit: string, i18n: I18n) {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(p)) {
    out[k] =
      typeof v === 'number' && unit && !['max', 'first', 'from', 'to'].includes(k) && unit !== '%'
        ? formatValue(v, unit, i18n.lang)
        : v;
  }
  return out;
}

/** A warning of the entry checks in the user's language (its server sentence when the code is new). */
export function warningText(i18n: I18n, w: DataWarning, unit: string): string {
  const key = `w_${w.code}`;
  return has(key) ? i18n.t(key, params(w.params, unit, i18n)) : w.message;
}

/** A coded problem (server or upload row) in the user's language, else its English detail. */
export function problemWords(i18n: I18n, p: { code?: string; params?: Record<string, string | number>; reason?: string; detail?: string }): string {
  const key = `p_${p.code ?? ''}`;
  if (p.code && has(key)) return i18n.t(key, p.params ?? {});
  return p.reason ?? p.detail ?? '';
}

/** A workflow action (`data.approve`) as a word. */
export function actionWord(i18n: I18n, action: string): string {
  const key = `act_${action.replace(/^data\./, '')}`;
  return has(key) ? i18n.t(key) : action;
}

/** A status (`submitted`) as a word. */
export function statusWord(i18n: I18n, status: string | null): string {
  if (!status) return '';
  const key = `st_${status}`;
  return has(key) ? i18n.t(key) : status;
}

/** A changed field (`value`) as a word. */
export function fieldWord(i18n: I18n, field: string): string {
  const key = `field_${field}`;
  return has(key) ? i18n.t(key) : field;
}

/** An error of a data call in the user's language: a coded problem worded, else its text. */
export function errorWords(i18n: I18n, e: unknown): string {
  if (e instanceof ProblemError && e.problem.code && has(`p_${e.problem.code}`)) return problemWords(i18n, e.problem);
  return problemText(e, i18n.lang);
}

/** A unit for a label: 亿元 in Chinese; in English its words (亿元 → 100 million yuan). */
export function unitWords(i18n: I18n, unit: string): string {
  if (i18n.lang === 'zh' || unit === '') return unit;
  const eng = formatEnglish(1, unit);
  if (eng === '1%') return '%';
  return eng.startsWith('1 ') ? eng.slice(2) : eng;
}

/** 地区生产总值（亿元） / Gross domestic product (GDP) (100 million yuan). */
export const withUnit = (i18n: I18n, name: string, unit: string) =>
  i18n.lang === 'zh' ? `${name}（${unit}）` : `${name} (${unitWords(i18n, unit)})`;
