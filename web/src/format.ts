/** Numbers with units the way officials write them (1781.8亿元), and in English (178.18 billion yuan). */
import type { IndicatorView, ObservationView, TargetView } from '../../src/contracts/plans';
import { formatEnglish, formatQuantity } from '../../src/domain/units';
import type { I18n } from './i18n/context';
import type { Lang } from './i18n/dict';

export function formatValue(value: number, unit: string, lang: Lang): string {
  if (unit === '名') return lang === 'zh' ? `第${value}名` : `No. ${value}`;
  return lang === 'zh' ? formatQuantity(value, unit) : formatEnglish(value, unit);
}

/** A plain number for tables whose column header carries the unit: 1781.8, 13000. */
export function formatNumber(value: number, lang: Lang): string {
  const text = formatQuantity(value, '');
  if (lang === 'zh') return text;
  const [whole = '', fraction] = text.split('.');
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction ? `.${fraction}` : '');
}

const qualifierSign: Record<string, string> = {
  at_least: '≥',
  exceeded: '>',
  at_most: '≤',
  approx: '≈',
  near: '≈',
};

/** An observation's value with its qualifier: 近1.3万亿元 → "≈ 13000亿元". */
export function formatObservation(o: ObservationView, unit: string, lang: Lang): string {
  const sign = o.qualifier ? qualifierSign[o.qualifier] : undefined;
  return (sign ? `${sign} ` : '') + formatValue(o.value, unit, lang);
}

/** The target value in words: "≥ 2100亿元（2027年）", "每年 ≥ 4万人（2023–2027）", "年均 ≥ 15%". */
export function formatTargetValue(
  target: TargetView,
  indicator: IndicatorView | undefined,
  i18n: I18n,
): string {
  if (target.value === null) return i18n.t('noValue');
  const sign = target.qualifier ? `${qualifierSign[target.qualifier] ?? ''} ` : '';
  const range = target.from !== null && target.to !== null ? `${target.from}–${target.to}` : null;
  const when = target.year !== null ? i18n.t('yearSuffix', { year: target.year }) : range;
  const paren = (s: string | null) => (s ? (i18n.lang === 'zh' ? `（${s}）` : ` (${s})`) : '');
  switch (target.kind) {
    case 'growth_rate':
      return `${sign}${formatValue(target.value, '%', i18n.lang)}${i18n.t('perYear')}${paren(range ?? when)}`;
    case 'annual_floor':
    case 'annual_cap': {
      const s = target.kind === 'annual_floor' ? '≥ ' : '≤ ';
      const v = formatValue(target.value, indicator?.unit ?? '', i18n.lang);
      return i18n.lang === 'zh' ? `每年 ${s}${v}${paren(range)}` : `${s}${v} every year${paren(range)}`;
    }
    case 'rank':
      return `${formatValue(target.value, '名', i18n.lang)}${paren(range ?? when)}`;
    default:
      return `${sign}${formatValue(target.value, indicator?.unit ?? '', i18n.lang)}${paren(when)}`;
  }
}
