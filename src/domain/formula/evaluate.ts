/**
 * Evaluating a formula with units. Every value carries a dimension (a power of ten and base
 * units with exponents), so `gdp / area` in 亿元 and 平方公里 gives 亿元/平方公里, `gdp / pop` in
 * 亿元 and 万人 gives 10^4 元/人 = 万元/人, and `gdp + pop` is a unit clash. %, pp and 倍 are
 * plain numbers here: a share formula multiplies by 100 itself (`va / gdp * 100`).
 */
import { decimalToNumber, fromNumber, parseUnit, shift } from '../units';
import type { FormulaNode } from './parse';

/** A power of ten over base units: 亿元/平方公里 → {scale: 8, dims: {元: 1, 平方公里: -1}}. */
export interface Dimension {
  readonly scale: number;
  readonly dims: Readonly<Record<string, number>>;
}

/** A number with its dimension. */
export interface FormulaValue {
  readonly value: number;
  readonly dim: Dimension;
}

/** Result of evaluation. */
export type FormulaResult<T> = { ok: true; value: T } | { ok: false; reason: string };

const dimensionless = new Set(['%', 'pp', '倍', '']);

/** The dimension of a unit as formulas see it. */
export function dimensionOf(unit: string): FormulaResult<Dimension> {
  const parsed = parseUnit(unit);
  if (!parsed.ok) return parsed;
  const dims: Record<string, number> = {};
  for (const [base, power] of Object.entries(parsed.value.dims)) {
    if (!dimensionless.has(base)) dims[base] = power;
  }
  return { ok: true, value: { scale: parsed.value.scale, dims } };
}

/** Base units and exponents as text, for messages and comparison: `元·平方公里^-1`. */
export function dimensionText(d: Dimension): string {
  const parts = Object.entries(d.dims)
    .filter(([, p]) => p !== 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([u, p]) => (p === 1 ? u : `${u}^${p}`));
  return parts.length ? parts.join('·') : '1';
}

/** Same base units (scale may differ). */
export function sameDims(a: Dimension, b: Dimension): boolean {
  return dimensionText(a) === dimensionText(b);
}

/** Multiply by 10^k through decimal text, so 1.3 × 10^4 is 13000 and not 12999.999…. */
export function shiftNumber(x: number, k: number): number {
  if (k === 0) return x;
  const d = fromNumber(x);
  return d.ok ? decimalToNumber(shift(d.value, k)) : x * 10 ** k;
}

function combine(a: Dimension, b: Dimension, sign: 1 | -1): Dimension {
  const dims: Record<string, number> = { ...a.dims };
  for (const [u, p] of Object.entries(b.dims)) {
    const next = (dims[u] ?? 0) + sign * p;
    if (next === 0) delete dims[u];
    else dims[u] = next;
  }
  return { scale: a.scale + sign * b.scale, dims };
}

/**
 * Evaluate `ast`, looking up each id's value. Fails on an id without a value, on adding or
 * subtracting values of different units (亿元 + 人), and on division by zero.
 */
export function evaluateFormula(
  ast: FormulaNode,
  lookup: (id: string) => FormulaValue | undefined,
): FormulaResult<FormulaValue> {
  switch (ast.type) {
    case 'number':
      return { ok: true, value: { value: ast.value, dim: { scale: 0, dims: {} } } };
    case 'ref': {
      const v = lookup(ast.id);
      return v ? { ok: true, value: v } : { ok: false, reason: `no value for '${ast.id}'` };
    }
    case 'negate': {
      const v = evaluateFormula(ast.arg, lookup);
      return v.ok ? { ok: true, value: { value: -v.value.value, dim: v.value.dim } } : v;
    }
    case 'binary': {
      const l = evaluateFormula(ast.left, lookup);
      if (!l.ok) return l;
      const r = evaluateFormula(ast.right, lookup);
      if (!r.ok) return r;
      const a = l.value;
      const b = r.value;
      switch (ast.op) {
        case '+':
        case '-': {
          if (!sameDims(a.dim, b.dim)) {
            return {
              ok: false,
              reason: `unit clash: cannot ${ast.op === '+' ? 'add' : 'subtract'} ${dimensionText(b.dim)} and ${dimensionText(a.dim)}`,
            };
          }
          // Bring b to a's scale first: 1亿元 + 2000万元 = 1.2亿元.
          const bv = shiftNumber(b.value, b.dim.scale - a.dim.scale);
          return { ok: true, value: { value: ast.op === '+' ? a.value + bv : a.value - bv, dim: a.dim } };
        }
        case '*':
          return { ok: true, value: { value: a.value * b.value, dim: combine(a.dim, b.dim, 1) } };
        case '/':
          if (b.value === 0) return { ok: false, reason: 'division by zero' };
          return { ok: true, value: { value: a.value / b.value, dim: combine(a.dim, b.dim, -1) } };
      }
    }
  }
}
