/**
 * Numbers the way Chinese official documents write them (1781.8亿元, 1.3万亿元, 6.6万人) and an
 * English form. English choice: short-scale words with the base unit, `178.18 billion yuan`,
 * `66,000 people`, `2.5 billion yuan per km²` (not `1781.8 (100 million yuan)`), because that is
 * what English-language government statistics (NBS press releases, China Daily) print.
 */
import { type Decimal, decimalToString, fromNumber, integerDigits, roundDecimal, shift } from './decimal';
import { parseUnit } from './units';

/** Options shared by the formatters. */
export interface FormatOptions {
  /** Most digits after the point; trailing zeros are dropped. Default 2 (formatQuantity: 4). */
  readonly maxFractionDigits?: number;
}

const displayUnit: Readonly<Record<string, string>> = { pp: '个百分点' };

/** Base units that officials never rescale with 万/亿 (天, %, ranks …). */
const unscaled = new Set(['%', 'pp', '天', '名', '倍', '年', '月', '岁', '℃', '']);

function plain(value: number, places: number): string {
  const d = fromNumber(value);
  return d.ok ? decimalToString(roundDecimal(d.value, places)) : String(value);
}

/**
 * A value in the unit it is given in: `formatQuantity(1781.8, '亿元')` → `1781.8亿元`;
 * `formatQuantity(0.5, 'pp')` → `0.5个百分点`.
 */
export function formatQuantity(value: number, unit: string, options: FormatOptions = {}): string {
  return plain(value, options.maxFractionDigits ?? 4) + (displayUnit[unit] ?? unit);
}

function scaled(value: number, unit: string): { base: Decimal; baseUnit: string; numerator: string } | null {
  const parsed = parseUnit(unit);
  const d = fromNumber(value);
  if (!parsed.ok || !d.ok) return null;
  const [numerator = ''] = parsed.value.base.split('/');
  return { base: shift(d.value, parsed.value.scale), baseUnit: parsed.value.base, numerator };
}

/**
 * Choose the scale an official would: `formatChinese(1.3e12, '元')` → `1.3万亿元`,
 * `formatChinese(66000, '人')` → `6.6万人`, `formatChinese(1781.8, '亿元')` → `1781.8亿元`.
 * 万亿 from 1e12, 亿 from 1e8, 万 from 1e4; units such as 天 and % are never rescaled.
 */
export function formatChinese(value: number, unit: string, options: FormatOptions = {}): string {
  const places = options.maxFractionDigits ?? 2;
  const s = scaled(value, unit);
  if (!s) return formatQuantity(value, unit, options);
  if (unscaled.has(s.numerator)) {
    return decimalToString(roundDecimal(s.base, places)) + (displayUnit[s.baseUnit] ?? s.baseUnit);
  }
  const digits = integerDigits(s.base);
  const [word, power] =
    digits > 12 ? ['万亿', 12] : digits > 8 ? ['亿', 8] : digits > 4 ? ['万', 4] : ['', 0];
  return decimalToString(roundDecimal(shift(s.base, -power), places)) + word + s.baseUnit;
}

const englishUnit: Readonly<Record<string, string>> = {
  元: 'yuan',
  人: 'people',
  人次: 'person-times',
  天: 'days',
  家: 'entities',
  个: 'units',
  件: 'items',
  项: 'items',
  户: 'households',
  吨: 'tonnes',
  辆: 'vehicles',
  套: 'units',
  栋: 'buildings',
  次: 'times',
  年: 'years',
  倍: 'times',
  公里: 'km',
  平方米: 'm²',
  平方公里: 'km²',
  '%': '%',
  pp: 'percentage points',
};

/** A unit after "per" is one of it: 33万元/人 is 330,000 yuan per person, not per people. */
const englishPerUnit: Readonly<Record<string, string>> = {
  人: 'person',
  人次: 'person-time',
  天: 'day',
  家: 'entity',
  个: 'unit',
  件: 'item',
  项: 'item',
  户: 'household',
  吨: 'tonne',
  辆: 'vehicle',
  套: 'unit',
  栋: 'building',
  次: 'time',
  年: 'year',
};

function groupThousands(text: string): string {
  const [whole = '', fraction] = text.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = whole.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return sign + digits + (fraction === undefined ? '' : `.${fraction}`);
}

/**
 * English form: `formatEnglish(1781.8, '亿元')` → `178.18 billion yuan`; `66000 人` →
 * `66,000 people`; `亿元/平方公里` → `… billion yuan per km²`; `%` → `75%`; rank `名` → `No. 1`.
 */
export function formatEnglish(value: number, unit: string, options: FormatOptions = {}): string {
  const places = options.maxFractionDigits ?? 2;
  const s = scaled(value, unit);
  if (!s) return `${plain(value, places)} ${unit}`;
  const [numerator = '', ...per] = s.baseUnit.split('/');
  if (numerator === '名') return `No. ${decimalToString(roundDecimal(s.base, 0))}`;
  const name = (u: string) => englishUnit[u] ?? u;
  // 件/万人: "50 items per 10,000 people", as English statistics write a rate per a round number.
  const parts = unit.split('/');
  const perScale = parts.length === 2 ? parseUnit(parts[1] ?? '') : null;
  const top = parseUnit(parts[0] ?? '');
  if (perScale?.ok && perScale.value.scale > 0 && top.ok && top.value.scale === 0) {
    const count = groupThousands(String(10 ** perScale.value.scale));
    return `${formatEnglish(value, parts[0] ?? '', options)} per ${count} ${name(perScale.value.base)}`;
  }
  const perName = (u: string) => englishPerUnit[u] ?? name(u);
  const suffix = per.length ? ` per ${per.map(perName).join(' per ')}` : '';
  if (numerator === '%') return `${decimalToString(roundDecimal(s.base, places))}%${suffix}`;
  const digits = integerDigits(s.base);
  const [word, power] =
    digits > 12 ? [' trillion', 12] : digits > 9 ? [' billion', 9] : digits > 6 ? [' million', 6] : ['', 0];
  const number = groupThousands(decimalToString(roundDecimal(shift(s.base, -power), places)));
  const unitName = numerator === '' ? '' : ` ${name(numerator)}`;
  return `${number}${word}${unitName}${suffix}`;
}

/**
 * A unit as a column heading or an axis label reads it: the unit itself in Chinese; in English
 * its name (`亿元` → `100 million yuan`, `天` → `days`, `件/万人` → `items per 10,000 people`).
 */
export function unitLabel(unit: string, lang: 'zh' | 'en'): string {
  if (lang === 'zh' || unit === '' || unit === '%') return unit;
  if (unit === '名') return 'rank';
  const one = formatEnglish(1, unit);
  return one.startsWith('1 ') ? one.slice(2) : one;
}
