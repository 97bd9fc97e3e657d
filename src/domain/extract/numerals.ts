// Number parsing: Chinese numerals, Arabic digits with magnitude words, fractions.
// Written here because the common npm converters mis-handle forms such as 两千五 or 三万五.

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** Magnitude words and their multipliers; longest first so 万亿 wins over 万. */
export const SCALES: ReadonlyArray<readonly [string, number]> = [
  ['万亿', 1e12],
  ['千亿', 1e11],
  ['百亿', 1e10],
  ['十亿', 1e9],
  ['千万', 1e7],
  ['百万', 1e6],
  ['十万', 1e5],
  ['亿', 1e8],
  ['万', 1e4],
  ['千', 1e3],
];

/** Multiplier of a magnitude word ('' → 1), or undefined when unknown. */
export function scaleOf(word: string): number | undefined {
  if (word === '') return 1;
  for (const [w, m] of SCALES) if (w === word) return m;
  return undefined;
}

/** Multiplies without binary noise: 11.6 × 1e4 must be 116000, not 115999.99999999999. */
export function mul(a: number, b: number): number {
  return Number((a * b).toPrecision(12));
}

/** Parses a numeral below 10 000 (十, 十一, 三百零五, 两千五, 一百五). */
function parseSmall(s: string): number | null {
  if (s === '') return 0;
  let total = 0;
  let digit: number | null = null;
  let lastUnit = 10000;
  for (const ch of s) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      if (digit !== null && digit !== 0 && d !== 0) return null; // 十四五: two digits in a row
      digit = d;
      continue;
    }
    const u = SMALL_UNITS[ch];
    if (u === undefined || u >= lastUnit) return null;
    // 十一, 十 alone and 一千零十: an implicit 一 before 十.
    const d2 = u === 10 && (digit === null || digit === 0) ? 1 : digit;
    if (d2 === null) return null;
    total += d2 * u;
    lastUnit = u;
    digit = null;
  }
  if (digit !== null) {
    // 两千五 = 2500: a trailing digit right after a unit counts one unit lower.
    const prev = s.length >= 2 ? SMALL_UNITS[s[s.length - 2] ?? ''] : undefined;
    total += prev !== undefined && prev >= 100 ? (digit * prev) / 10 : digit;
  }
  return total;
}

/**
 * Parses a Chinese numeral (三百零五, 两千五百, 十一, 1.3 is not Chinese) into a number.
 * Supports 万/亿 sections, 点 decimals and digit-by-digit strings (二〇二三). Returns null when
 * the string is not a well-formed numeral (e.g. the plan name 十四五).
 */
export function parseChineseNumeral(input: string): number | null {
  const s = input.trim();
  if (s === '') return null;
  const dot = s.indexOf('点');
  if (dot >= 0) {
    const int = parseChineseNumeral(s.slice(0, dot));
    const frac = s.slice(dot + 1);
    if (int === null || frac === '') return null;
    let digits = '';
    for (const ch of frac) {
      const d = DIGITS[ch];
      if (d === undefined) return null;
      digits += String(d);
    }
    return Number(`${int}.${digits}`);
  }
  const yi = s.lastIndexOf('亿');
  if (yi >= 0) {
    const left = yi === 0 ? 1 : parseChineseNumeral(s.slice(0, yi));
    const rightStr = s.slice(yi + 1);
    const right = rightStr === '' ? 0 : parseChineseNumeral(rightStr);
    if (left === null || right === null) return null;
    // 三亿五 = 3.5亿
    const r = rightStr.length === 1 && DIGITS[rightStr] !== undefined ? right * 1e7 : right;
    return mul(left, 1e8) + r;
  }
  const wan = s.lastIndexOf('万');
  if (wan >= 0) {
    const left = wan === 0 ? 1 : parseSmall(s.slice(0, wan));
    const rightStr = s.slice(wan + 1);
    const right = parseSmall(rightStr);
    if (left === null || right === null) return null;
    const r = rightStr.length === 1 && DIGITS[rightStr] !== undefined ? right * 1000 : right;
    return left * 1e4 + r;
  }
  if (s.length > 1 && [...s].every((ch) => DIGITS[ch] !== undefined)) {
    return Number([...s].map((ch) => String(DIGITS[ch])).join(''));
  }
  return parseSmall(s);
}

/** Parses an Arabic number with optional thousands separators ("1,234.5"). */
export function parseArabic(s: string): number {
  return Number(s.replace(/,/g, ''));
}

/** Parses a number written either way (Arabic digits or Chinese numerals). */
export function parseAnyNumber(s: string): number | null {
  if (/^\d+(?:,\d{3})*(?:\.\d+)?$/.test(s)) return parseArabic(s);
  return parseChineseNumeral(s);
}

/** A fraction as a percentage, rounded to two decimals (1/3 → 33.33). */
export function fractionToPercent(numerator: number, denominator: number): number | null {
  if (denominator <= 0 || numerator < 0 || numerator > denominator) return null;
  return Number(((numerator / denominator) * 100).toFixed(2));
}
