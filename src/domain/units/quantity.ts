/**
 * Quantities that carry their unit in the type. `Quantity<'亿元'>` and `Quantity<'元'>` are
 * different types, so adding them without a conversion does not compile; `convert` is the one
 * way across, and it is exact.
 */
import {
  addDecimal,
  compareDecimal,
  type Decimal,
  decimalToNumber,
  decimalToString,
  fromNumber,
  parseDecimal,
  subtractDecimal,
} from './decimal';
import { convertDecimal, parseUnit, type UnitResult } from './units';

declare const unitBrand: unique symbol;

/** An exact amount in unit `U`. Build one with `quantity`. */
export interface Quantity<U extends string = string> {
  readonly amount: Decimal;
  readonly unit: U;
  readonly [unitBrand]: U;
}

function make<U extends string>(amount: Decimal, unit: U): Quantity<U> {
  return { amount, unit } as Quantity<U>;
}

/** A quantity from a number or decimal text, e.g. `quantity('1.3', '万亿元')`. */
export function quantity<U extends string>(value: number | string, unit: U): UnitResult<Quantity<U>> {
  const parsed = parseUnit(unit);
  if (!parsed.ok) return parsed;
  const d = typeof value === 'number' ? fromNumber(value) : parseDecimal(value);
  return d.ok ? { ok: true, value: make(d.value, unit) } : d;
}

/** Exact conversion: `convert(1.3万亿元, '亿元')` is 13000亿元. Fails across base units. */
export function convert<U extends string, T extends string>(q: Quantity<U>, to: T): UnitResult<Quantity<T>> {
  const d = convertDecimal(q.amount, q.unit, to);
  return d.ok ? { ok: true, value: make(d.value, to) } : d;
}

// NoInfer: the unit is fixed by the first argument, so add(亿元, 元) is a type error instead of
// silently widening U to '亿元' | '元'.
/** Exact sum of two quantities in the same unit (convert first otherwise). */
export function add<U extends string>(a: Quantity<U>, b: Quantity<NoInfer<U>>): UnitResult<Quantity<U>> {
  // Units typed as plain `string` can still differ at run time: check, and never guess.
  if (a.unit !== b.unit) return { ok: false, reason: `cannot add ${b.unit} to ${a.unit}: convert first` };
  return { ok: true, value: make(addDecimal(a.amount, b.amount), a.unit) };
}

/** Exact difference of two quantities in the same unit. */
export function subtract<U extends string>(a: Quantity<U>, b: Quantity<NoInfer<U>>): UnitResult<Quantity<U>> {
  if (a.unit !== b.unit)
    return { ok: false, reason: `cannot subtract ${b.unit} from ${a.unit}: convert first` };
  return { ok: true, value: make(subtractDecimal(a.amount, b.amount), a.unit) };
}

/** Compare two quantities in the same unit: -1, 0, 1. */
export function compare<U extends string>(a: Quantity<U>, b: Quantity<NoInfer<U>>): -1 | 0 | 1 {
  return compareDecimal(a.amount, b.amount);
}

/** The nearest double to the exact amount. */
export function toNumber(q: Quantity): number {
  return decimalToNumber(q.amount);
}

/** Exact text with the unit, e.g. `13000亿元`. */
export function toText(q: Quantity): string {
  return decimalToString(q.amount) + q.unit;
}
