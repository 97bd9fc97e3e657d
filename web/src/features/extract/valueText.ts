/** A value the way the document wrote it: 2100亿元以上, 近1.3万亿元, 第1名; English: ≥ 210 billion yuan. */
import { formatChinese, formatEnglish } from '../../../../src/domain/units';
import type { Lang } from '../../i18n/dict';

const zhWords: Record<string, [string, string]> = {
  at_least: ['', '以上'],
  exceeded: ['突破', ''],
  at_most: ['', '以下'],
  approx: ['', '左右'],
  near: ['近', ''],
};
const enSign: Record<string, string> = {
  at_least: '≥ ',
  exceeded: '> ',
  at_most: '≤ ',
  approx: '≈ ',
  near: '≈ ',
};

export function valueText(value: number, unit: string, qualifier: string | undefined, lang: Lang): string {
  if (unit === '名') return lang === 'zh' ? `第${value}名` : `No. ${value}`;
  if (lang === 'en') return (enSign[qualifier ?? ''] ?? '') + formatEnglish(value, unit);
  const [before, after] = zhWords[qualifier ?? ''] ?? ['', ''];
  return before + formatChinese(value, unit) + after;
}
