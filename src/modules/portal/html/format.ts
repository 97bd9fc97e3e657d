/**
 * Numbers, periods and target values the way Chinese officials write them (1781.8亿元, 1.3万亿元,
 * 2025年1—6月) and in English (178.18 billion yuan, January–June 2025).
 */
import type { PublicTarget } from '../../../contracts/portal';
import { formatChinese, formatEnglish } from '../../../domain/units';
import type { Lang } from './i18n';

/** A value with its unit: zh `1781.8亿元`, `4万人`, `第1名`; en `178.18 billion yuan`. */
export function formatValue(value: number, unit: string, lang: Lang, maxFractionDigits = 2): string {
  if (unit === '名') return lang === 'zh' ? `第${Math.round(value)}名` : `No. ${Math.round(value)}`;
  const options = { maxFractionDigits };
  return lang === 'zh' ? formatChinese(value, unit, options) : formatEnglish(value, unit, options);
}

/** Digits after the point of a reported figure (0–2): 156 → 0, 1781.8 → 1. */
export function decimalsOf(value: number): number {
  const text = String(value);
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : Math.min(2, text.length - dot - 1);
}

/**
 * A computed value (expected, projected) written no more precisely than the reported figure it
 * is compared with: 150天 beside 156天, not 150.04天.
 */
export function formatLike(value: number, reported: number | undefined, unit: string, lang: Lang): string {
  return formatValue(value, unit, lang, reported === undefined ? 2 : decimalsOf(reported));
}

/** A plain number for table cells whose header carries the unit. */
export function formatNumber(value: number, lang: Lang): string {
  const text = String(Math.round(value * 10_000) / 10_000);
  if (lang === 'zh') return text;
  const [whole = '', fraction] = text.split('.');
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction ? `.${fraction}` : '');
}

const qualifierZh: Record<string, [string, string]> = {
  at_least: ['', '以上'],
  exceeded: ['突破', ''],
  at_most: ['', '以下'],
  approx: ['', '左右'],
  near: ['近', ''],
};
const qualifierEn: Record<string, string> = {
  at_least: '≥ ',
  exceeded: '> ',
  at_most: '≤ ',
  approx: '≈ ',
  near: '≈ ',
};

/** A value with its qualifier: zh `2100亿元以上`, `近1.3万亿元`; en `≥ 210 billion yuan`. */
export function formatQualified(value: number, unit: string, qualifier: string | null, lang: Lang): string {
  const text = formatValue(value, unit, lang);
  if (!qualifier) return text;
  if (lang === 'zh') {
    const [before, after] = qualifierZh[qualifier] ?? ['', ''];
    return before + text + after;
  }
  return (qualifierEn[qualifier] ?? '') + text;
}

const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A period: `2025年`, `2025年第2季度`, `2025年6月`; en `2025`, `2025 Q2`, `June 2025`. */
export function formatPeriod(period: string, lang: Lang): string {
  const year = period.slice(0, 4);
  if (period.length === 4) return lang === 'zh' ? `${year}年` : year;
  if (period[5] === 'Q') return lang === 'zh' ? `${year}年第${period[6]}季度` : `${year} Q${period[6]}`;
  const month = Number(period.slice(5, 7));
  return lang === 'zh' ? `${year}年${month}月` : `${months[month - 1] ?? period.slice(5)} ${year}`;
}

/**
 * The period of a target's latest figure. For an annual floor or cap on a monthly or quarterly
 * indicator the evaluation reports the year so far: `2026年1—6月累计`, not the month alone.
 */
export function formatLatestPeriod(period: string, kind: string, lang: Lang): string {
  const ytd = (kind === 'annual_floor' || kind === 'annual_cap') && period.length > 4;
  if (!ytd) return formatPeriod(period, lang);
  const year = period.slice(0, 4);
  const lastMonth = period[5] === 'Q' ? Number(period[6]) * 3 : Number(period.slice(5, 7));
  if (lang === 'zh') return lastMonth === 1 ? `${year}年1月` : `${year}年1—${lastMonth}月累计`;
  return lastMonth === 1 ? `January ${year}` : `January–${months[lastMonth - 1] ?? ''} ${year}, total`;
}

/** The target in words: `2100亿元以上（2027年）`, `每年305天以上（2023—2027年）`. */
export function formatTargetValue(t: PublicTarget, unit: string | null, lang: Lang): string | null {
  if (t.value === null) return null;
  const range =
    t.from !== null && t.to !== null ? (lang === 'zh' ? `${t.from}—${t.to}年` : `${t.from}–${t.to}`) : null;
  const when = t.year !== null ? (lang === 'zh' ? `${t.year}年` : String(t.year)) : range;
  const paren = (s: string | null) => (s ? (lang === 'zh' ? `（${s}）` : ` (${s})`) : '');
  const u = unit ?? '';
  switch (t.kind) {
    case 'growth_rate': {
      const v = formatQualified(t.value, '%', t.qualifier, lang);
      return (lang === 'zh' ? `年均增长${v}` : `${v} a year`) + paren(range ?? when);
    }
    case 'annual_floor':
    case 'annual_cap': {
      const v = formatQualified(t.value, u, t.kind === 'annual_floor' ? 'at_least' : 'at_most', lang);
      return (lang === 'zh' ? `每年${v}` : `${v} every year`) + paren(range ?? when);
    }
    case 'rank':
      return (lang === 'zh' ? `保持第${t.value}名` : `Rank ${t.value} or better`) + paren(range ?? when);
    default:
      return formatQualified(t.value, u, t.qualifier, lang) + paren(when);
  }
}
