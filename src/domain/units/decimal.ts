/**
 * Exact decimals: an integer mantissa and a power-of-ten exponent (value = m × 10^e). Unit
 * conversions only ever move the exponent, so 1.3万亿元 becomes 13000亿元 with no binary
 * floating-point step in between.
 */

/** An exact decimal m × 10^e, normalised so that m has no trailing zeros (0 is {0n, 0}). */
export interface Decimal {
  readonly m: bigint;
  readonly e: number;
}

/** Parse failure for decimal text. */
export type DecimalResult = { ok: true; value: Decimal } | { ok: false; reason: string };

const decimalText = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

function normalise(m: bigint, e: number): Decimal {
  if (m === 0n) return { m: 0n, e: 0 };
  while (m % 10n === 0n) {
    m /= 10n;
    e += 1;
  }
  return { m, e };
}

/** Parse decimal text such as `1781.8`, `-0.05`, `1.3e12`. */
export function parseDecimal(text: string): DecimalResult {
  const match = decimalText.exec(text.trim());
  if (!match) return { ok: false, reason: `not a decimal number: ${JSON.stringify(text)}` };
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match;
  if (whole === '' && fraction === '')
    return { ok: false, reason: `not a decimal number: ${JSON.stringify(text)}` };
  const digits = BigInt((whole + fraction).replace(/^0+(?=\d)/, '') || '0');
  const value = normalise(sign === '-' ? -digits : digits, Number(exponent) - fraction.length);
  return { ok: true, value };
}

/**
 * The exact decimal that JavaScript prints for a double (its shortest round-trip form), so
 * `fromNumber(0.1)` is 1 × 10^-1, not the binary 0.1000000000000000055….
 */
export function fromNumber(n: number): DecimalResult {
  if (!Number.isFinite(n)) return { ok: false, reason: `not a finite number: ${n}` };
  return parseDecimal(String(n));
}

/** Multiply by 10^k exactly: the decimal point moves, the digits do not change. */
export function shift(d: Decimal, k: number): Decimal {
  return d.m === 0n ? d : { m: d.m, e: d.e + k };
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const e = Math.min(a.e, b.e);
  return [a.m * 10n ** BigInt(a.e - e), b.m * 10n ** BigInt(b.e - e), e];
}

/** Exact sum. */
export function addDecimal(a: Decimal, b: Decimal): Decimal {
  const [x, y, e] = align(a, b);
  return normalise(x + y, e);
}

/** Exact difference. */
export function subtractDecimal(a: Decimal, b: Decimal): Decimal {
  const [x, y, e] = align(a, b);
  return normalise(x - y, e);
}

/** Exact product. */
export function multiplyDecimal(a: Decimal, b: Decimal): Decimal {
  return normalise(a.m * b.m, a.e + b.e);
}

/** -1, 0 or 1 as a < b, a = b, a > b. */
export function compareDecimal(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Plain decimal text without exponent: `13000`, `1781.8`, `-0.005`. */
export function decimalToString(d: Decimal): string {
  const negative = d.m < 0n;
  const digits = (negative ? -d.m : d.m).toString();
  let text: string;
  if (d.e >= 0) text = digits + '0'.repeat(d.e);
  else {
    const point = digits.length + d.e;
    text =
      point > 0 ? `${digits.slice(0, point)}.${digits.slice(point)}` : `0.${'0'.repeat(-point)}${digits}`;
  }
  return negative ? `-${text}` : text;
}

/** The double nearest to the exact decimal (one correctly rounded step, no accumulated drift). */
export function decimalToNumber(d: Decimal): number {
  return Number(`${d.m.toString()}e${d.e}`);
}

/**
 * Round to `places` digits after the point, half away from zero (the way statistical yearbooks
 * round: 4.55 → 4.6 at one place).
 */
export function roundDecimal(d: Decimal, places: number): Decimal {
  if (d.e >= -places) return d;
  const drop = 10n ** BigInt(-places - d.e);
  const negative = d.m < 0n;
  const abs = negative ? -d.m : d.m;
  let q = abs / drop;
  if ((abs % drop) * 2n >= drop) q += 1n;
  return normalise(negative ? -q : q, -places);
}

/** Number of significant digits before the point (0 for |d| < 1). */
export function integerDigits(d: Decimal): number {
  if (d.m === 0n) return 0;
  const len = (d.m < 0n ? -d.m : d.m).toString().length;
  return Math.max(0, len + d.e);
}
