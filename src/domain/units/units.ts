/**
 * Chinese statistical units with scale words: 万 (1e4), 亿 (1e8), 万亿 (1e12), also 百万 and 千万.
 * A unit is a scale (a power of ten) over a base unit: 亿元 = 10^8 元, 万人 = 10^4 人,
 * 亿元/平方公里 = 10^8 元/平方公里, 万元/人 = 10^4 元/人. Two units convert when their base units
 * are the same; conversion moves the decimal point and nothing else.
 */
import { type Decimal, decimalToNumber, fromNumber, parseDecimal, shift } from './decimal';

/** Result of a unit operation: never an exception for bad input. */
export type UnitResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/** A unit taken apart. `base` is canonical: scale words removed, `个百分点` written `pp`. */
export interface ParsedUnit {
  readonly text: string;
  /** Power of ten of the unit relative to its base unit (亿元 → 8, 万元/人 → 4). */
  readonly scale: number;
  readonly base: string;
  /** Base units with exponents: 元/平方公里 → {元: 1, 平方公里: -1}. */
  readonly dims: Readonly<Record<string, number>>;
}

/** Scale words, longest first so that 万亿 is not read as 万 + 亿…. */
export const scaleWords: readonly (readonly [string, number])[] = [
  ['万亿', 12],
  ['千万', 7],
  ['百万', 6],
  ['亿', 8],
  ['万', 4],
];

const aliases: Readonly<Record<string, string>> = {
  个百分点: 'pp',
  百分点: 'pp',
  '％': '%',
  人民币: '元',
  元人民币: '元',
  平方千米: '平方公里',
  千米: '公里',
};

function parsePart(part: string): UnitResult<{ scale: number; base: string }> {
  let rest = part.trim();
  let scale = 0;
  for (const [word, power] of scaleWords) {
    if (rest.startsWith(word)) {
      scale = power;
      rest = rest.slice(word.length);
      break;
    }
  }
  rest = aliases[rest] ?? rest;
  if (/[\s/]/.test(rest)) return { ok: false, reason: `cannot read unit part ${JSON.stringify(part)}` };
  return { ok: true, value: { scale, base: rest } };
}

const unitCache = new Map<string, UnitResult<ParsedUnit>>();

/** Read a unit such as `亿元`, `万人`, `%`, `个百分点`, `亿元/平方公里`, `万元/人`. */
export function parseUnit(text: string): UnitResult<ParsedUnit> {
  const cached = unitCache.get(text);
  if (cached) return cached;
  const result = parseUnitUncached(text);
  // Bounded like parsePeriod's: unit texts come from files and forms, and a long-running server
  // must not keep every one it was ever sent.
  if (unitCache.size < 10_000) unitCache.set(text, result);
  return result;
}

function parseUnitUncached(text: string): UnitResult<ParsedUnit> {
  if (text.trim() === '') return { ok: false, reason: 'empty unit' };
  const parts = text.split('/');
  let scale = 0;
  const dims: Record<string, number> = {};
  const bases: string[] = [];
  for (const [i, part] of parts.entries()) {
    const parsed = parsePart(part);
    if (!parsed.ok) return parsed;
    const sign = i === 0 ? 1 : -1;
    scale += sign * parsed.value.scale;
    bases.push(parsed.value.base);
    if (parsed.value.base !== '') dims[parsed.value.base] = (dims[parsed.value.base] ?? 0) + sign;
  }
  return { ok: true, value: { text, scale, base: bases.join('/'), dims } };
}

/** Power of ten that turns a value in `from` into a value in `to` (亿元 → 元: 8). */
export function conversionExponent(from: string, to: string): UnitResult<number> {
  const a = parseUnit(from);
  if (!a.ok) return a;
  const b = parseUnit(to);
  if (!b.ok) return b;
  if (a.value.base !== b.value.base) {
    return { ok: false, reason: `cannot convert ${from} to ${to}: different base units` };
  }
  return { ok: true, value: a.value.scale - b.value.scale };
}

/** True when values in the two units can be converted into each other. */
export function isConvertible(from: string, to: string): boolean {
  return conversionExponent(from, to).ok;
}

/**
 * Convert a number exactly: `convertValue(1.3, '万亿元', '亿元')` is 13000, not
 * 12999.999999999998. Strings are read as exact decimals.
 */
export function convertValue(value: number | string, from: string, to: string): UnitResult<number> {
  const k = conversionExponent(from, to);
  if (!k.ok) return k;
  const d = typeof value === 'number' ? fromNumber(value) : parseDecimal(value);
  if (!d.ok) return d;
  return { ok: true, value: decimalToNumber(shift(d.value, k.value)) };
}

/** Exact conversion on decimals. */
export function convertDecimal(value: Decimal, from: string, to: string): UnitResult<Decimal> {
  const k = conversionExponent(from, to);
  return k.ok ? { ok: true, value: shift(value, k.value) } : k;
}
