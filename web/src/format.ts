/** Numbers with units the way officials write them (1781.8亿元), and in English (178.18 billion yuan). */
import type { IndicatorView, ObservationView, TargetView } from '../../src/contracts/plans';
import { formatEnglish, formatQuantity } from '../../src/domain/units';
import type { I18n } from './i18n/context';
import type { Lang } from './i18n/dict';

export function formatValue(value: number, unit: string, lang: Lang, maxFractionDigits?: number): string {
  if (unit === '名') return lang === 'zh' ? `第${value}名` : `No. ${value}`;
  const options = { maxFractionDigits };
  return lang === 'zh' ? formatQuantity(value, unit, options) : formatEnglish(value, unit, options);
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

/** The seed's own words around a number: 2100亿元以上, 突破100亿元, 33万元/人左右, 近1.3万亿元. */
const qualifierZh: Record<string, [string, string]> = {
  at_least: ['', '以上'],
  exceeded: ['突破', ''],
  at_most: ['', '以下'],
  approx: ['', '左右'],
  near: ['近', ''],
  below: ['不足', ''],
};

/** A value with its qualifier: zh `2100亿元以上`, en `≥ 210 billion yuan`. */
export function formatQualified(value: number, unit: string, qualifier: string | null, lang: Lang): string {
  return qualify(formatValue(value, unit, lang), qualifier, lang);
}

/** A number already written out, in its qualifier's words: 2100亿元 → 2100亿元以上 / ≥ 2100亿元. */
export function qualify(text: string, qualifier: string | null | undefined, lang: Lang): string {
  if (!qualifier) return text;
  if (lang === 'zh') {
    const [before, after] = qualifierZh[qualifier] ?? ['', ''];
    return before + text + after;
  }
  const sign = qualifierSign[qualifier];
  return sign ? `${sign} ${text}` : text;
}

/** An observation's value with its qualifier: 近1.3万亿元 → "近13000亿元". */
export function formatObservation(o: ObservationView, unit: string, lang: Lang): string {
  return formatQualified(o.value, unit, o.qualifier, lang);
}

/** A period as people write it (2026年10月 / Oct 2026): the domain's one wording. */
export { periodInWords as formatPeriod } from '../../src/domain/periods/words';

/** The target value in words: "2100亿元以上（2027年）", "每年4万人以上（2023–2027）". */
export function formatTargetValue(
  target: TargetView,
  indicator: IndicatorView | undefined,
  i18n: I18n,
): string {
  if (target.value === null) return i18n.t('noValue');
  const q = target.qualifier;
  const range = target.from !== null && target.to !== null ? `${target.from}–${target.to}` : null;
  const when = target.year !== null ? i18n.t('yearSuffix', { year: target.year }) : range;
  const paren = (s: string | null) => (s ? (i18n.lang === 'zh' ? `（${s}）` : ` (${s})`) : '');
  switch (target.kind) {
    case 'growth_rate': {
      const v = formatQualified(target.value, '%', q, i18n.lang);
      return (i18n.lang === 'zh' ? `年均${v}` : `${v} a year`) + paren(range ?? when);
    }
    case 'annual_floor':
    case 'annual_cap': {
      const bound = target.kind === 'annual_floor' ? 'at_least' : 'at_most';
      const v = formatQualified(target.value, indicator?.unit ?? '', bound, i18n.lang);
      return i18n.lang === 'zh' ? `每年${v}${paren(range)}` : `${v} every year${paren(range)}`;
    }
    case 'rank':
      return `${formatValue(target.value, '名', i18n.lang)}${paren(range ?? when)}`;
    default:
      return `${formatQualified(target.value, indicator?.unit ?? '', q, i18n.lang)}${paren(when)}`;
  }
}
