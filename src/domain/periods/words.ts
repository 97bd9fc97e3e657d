/**
 * A period as people write it: 2025年 / 2025, 2024年第二季度 / Q2 2024, 2026年上半年 / H1 2026,
 * 2026年9月 / Sep 2026, 2026年第53周 / week 53 of 2026; anything else as written. The one wording for the web app, reminders and
 * reports alike.
 */
const monthsEn = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function periodInWords(period: string, lang: 'zh' | 'en'): string {
  if (lang === 'zh' && /^\d{4}$/.test(period)) return `${period}年`;
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) return lang === 'zh' ? `${q[1]}年第${'一二三四'[Number(q[2]) - 1]}季度` : `Q${q[2]} ${q[1]}`;
  const h = /^(\d{4})-H([12])$/.exec(period);
  if (h) return lang === 'zh' ? `${h[1]}年${h[2] === '1' ? '上' : '下'}半年` : `H${h[2]} ${h[1]}`;
  const w = /^(\d{4})-W(\d{2})$/.exec(period);
  if (w) return lang === 'zh' ? `${w[1]}年第${Number(w[2])}周` : `week ${Number(w[2])} of ${w[1]}`;
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (m) return lang === 'zh' ? `${m[1]}年${Number(m[2])}月` : `${monthsEn[Number(m[2]) - 1]} ${m[1]}`;
  return period;
}
