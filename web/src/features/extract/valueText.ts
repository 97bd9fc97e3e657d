/** A value the way the document wrote it: 2100亿元以上, 近1.3万亿元, 第1名; English: ≥ 210 billion yuan. */
import { formatChinese, formatEnglish } from '../../../../src/domain/units';
import { qualify } from '../../format';
import type { Lang } from '../../i18n/dict';

export function valueText(value: number, unit: string, qualifier: string | undefined, lang: Lang): string {
  if (unit === '名') return lang === 'zh' ? `第${value}名` : `No. ${value}`;
  return qualify(lang === 'en' ? formatEnglish(value, unit) : formatChinese(value, unit), qualifier, lang);
}
