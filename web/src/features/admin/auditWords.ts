/**
 * An audit entry as a sentence people read — 李明 采纳了 地区生产总值 2026年 1850亿元 — with a link
 * to the object; the raw record stays one click away in the expanded row.
 */
import type { AuditEntryView } from '../../../../src/contracts/audit';
import { formatPeriod, formatValue } from '../../format';
import type { I18n } from '../../i18n/context';
import { dictionaries, type Key } from '../../i18n/dict';

export interface IndicatorName {
  id: string;
  name: string;
  name_en: string | null;
  unit: string;
}

const has = (key: string): key is Key => key in dictionaries.zh;

/** The action as words: `data.accept` → 采纳, `auth.login` → its code when no word is known. */
export function auditActionWord(i18n: I18n, action: string): string {
  const key = `aud_${action.replace('.', '_')}`;
  if (has(key)) return i18n.t(key);
  const data = `act_${action.replace(/^data\./, '')}`;
  return action.startsWith('data.') && has(data) ? i18n.t(data) : action;
}

/** Who acted, in words: the server's `anonymous` and `system` are labels, not names. */
export function auditActorWord(i18n: I18n, actor: string): string {
  const m = /^(anonymous|system)(?: \((.*)\))?$/.exec(actor);
  if (!m) return actor;
  const word = i18n.t(m[1] === 'anonymous' ? 'audActor_anonymous' : 'audActor_system');
  return m[2] ? `${word}${i18n.lang === 'zh' ? `（${m[2]}）` : ` (${m[2]})`}` : word;
}

/** The actions the filter offers, as codes (the server filters by code) with their words. */
export function auditActionOptions(i18n: I18n): { value: string; label: string }[] {
  const fromDict = Object.keys(dictionaries.zh)
    .filter((k) => k.startsWith('aud_'))
    .map((k) => k.slice(4).replace('_', '.'));
  const data = ['submit', 'approve', 'accept', 'return', 'reopen', 'import', 'urge'].map((a) => `data.${a}`);
  return [...new Set([...data, ...fromDict])].map((value) => ({
    value,
    label: auditActionWord(i18n, value),
  }));
}

/** The object types the filter offers. */
export function auditObjectOptions(i18n: I18n): { value: string; label: string }[] {
  return ['observation', 'user', 'department', 'plan', 'task', 'token'].map((value) => ({
    value,
    label: i18n.t(`audObj_${value}` as Key),
  }));
}

const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' ? (v as Record<string, unknown>) : {};

export function auditSentence(
  i18n: I18n,
  e: AuditEntryView,
  indicators: Map<string, IndicatorName>,
): { text: string; href: string | null } {
  const after = obj(e.after);
  const action = auditActionWord(i18n, e.action);
  const code = typeof after.indicator === 'string' ? after.indicator : null;
  const period = typeof after.period === 'string' ? after.period : null;
  if (code && period) {
    const ind = indicators.get(code);
    const name = ind ? i18n.pick(ind.name, ind.name_en) : code;
    const value =
      typeof after.value === 'number' && ind ? ` ${formatValue(after.value, ind.unit, i18n.lang)}` : '';
    return {
      text: i18n.t('audSentenceValue', {
        who: auditActorWord(i18n, e.actor),
        action,
        what: `${name} ${formatPeriod(period, i18n.lang)}${value}`,
      }),
      href: `/data/history/${encodeURIComponent(code)}/${encodeURIComponent(period)}`,
    };
  }
  const what = e.object_type
    ? [
        i18n.t(has(`audObj_${e.object_type}`) ? (`audObj_${e.object_type}` as Key) : 'audObj_other'),
        e.object_id,
      ]
        .filter(Boolean)
        .join(' ')
    : '';
  return { text: i18n.t('audSentence', { who: auditActorWord(i18n, e.actor), action, what }), href: null };
}
