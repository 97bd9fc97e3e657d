/** The cockpit's numbers as officials write them: 1781.8亿元, 达成概率37%, 2026年6月30日. */
import type { Lang } from '../../i18n/dict';
import { formatValue } from '../../format';

/** A value in its unit with at most one decimal for large amounts (1781.8亿元, 2042.5亿元). */
export function money(value: number | null | undefined, unit: string, lang: Lang): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const digits = Math.abs(value) >= 100 ? 1 : 2;
  return formatValue(value, unit, lang, digits);
}

/** A probability (0–1) as a whole percent: 37%. */
export function percent(p: number | null | undefined): string {
  return p === null || p === undefined ? '—' : `${Math.round(p * 100)}%`;
}

/** A date the Chinese way (2026年6月30日) or ISO in English. */
export function dateText(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m || lang !== 'zh') return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}
