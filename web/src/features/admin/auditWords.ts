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
        who: e.actor,
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
  return { text: i18n.t('audSentence', { who: e.actor, action, what }), href: null };
}
