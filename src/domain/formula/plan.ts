/**
 * Formulas across a plan's indicators: parse each once, check that every id exists, that no
 * formula depends on itself (a → b → a), and that the units work out to the declared unit;
 * then compute a formula indicator's values period by period.
 */
import {
  dimensionOf,
  dimensionText,
  evaluateFormula,
  type FormulaValue,
  sameDims,
  shiftNumber,
} from './evaluate';
import { type FormulaNode, parseFormula } from './parse';

/** What a formula needs to know about an indicator. */
export interface FormulaIndicator {
  readonly id: string;
  readonly unit: string;
  readonly formula?: string | undefined;
}

/** A checked formula. */
export interface CompiledFormula {
  readonly id: string;
  readonly unit: string;
  readonly ast: FormulaNode;
  readonly refs: readonly string[];
}

/** Checked formulas in dependency order, and the reasons the others were refused. */
export interface CompiledFormulas {
  readonly formulas: ReadonlyMap<string, CompiledFormula>;
  /** Ids of formula indicators in an order where inputs come first. */
  readonly order: readonly string[];
  readonly problems: ReadonlyMap<string, string>;
}

/** Parse and check every formula of a plan's indicators. Never throws. */
export function compileFormulas(indicators: readonly FormulaIndicator[]): CompiledFormulas {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const parsed = new Map<string, CompiledFormula>();
  const problems = new Map<string, string>();
  for (const ind of indicators) {
    if (ind.formula === undefined) continue;
    const r = parseFormula(ind.formula);
    if (!r.ok) problems.set(ind.id, `formula of '${ind.id}': ${r.reason}`);
    else {
      const unknown = r.refs.filter((id) => !byId.has(id));
      if (unknown.length)
        problems.set(
          ind.id,
          `formula of '${ind.id}': unknown indicator ${unknown.map((u) => `'${u}'`).join(', ')}`,
        );
      else parsed.set(ind.id, { id: ind.id, unit: ind.unit, ast: r.ast, refs: r.refs });
    }
  }
  // Depth-first search with colours finds cycles and yields a topological order.
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, path: string[]): string | null => {
    if (state.get(id) === 'done') return null;
    if (state.get(id) === 'visiting') return [...path.slice(path.indexOf(id)), id].join(' → ');
    const f = parsed.get(id);
    if (!f) return null;
    state.set(id, 'visiting');
    for (const ref of f.refs) {
      const cycle = visit(ref, [...path, id]);
      if (cycle) return cycle;
    }
    state.set(id, 'done');
    order.push(id);
    return null;
  };
  for (const id of parsed.keys()) {
    const cycle = visit(id, []);
    if (cycle) {
      for (const member of cycle.split(' → ')) {
        problems.set(member, `formula of '${member}': circular reference ${cycle}`);
        parsed.delete(member);
      }
    }
  }
  const ready = order.filter((id) => parsed.has(id) && !problems.has(id));
  // Units: evaluate once with every input = 1 in its own unit; clashes show up here, before data.
  for (const id of ready) {
    const f = parsed.get(id);
    if (!f) continue;
    const check = evaluateFormula(f.ast, (ref) => {
      const d = dimensionOf(byId.get(ref)?.unit ?? '');
      return d.ok ? { value: 1, dim: d.value } : undefined;
    });
    const declared = dimensionOf(f.unit);
    if (!check.ok) problems.set(id, `formula of '${id}': ${check.reason}`);
    else if (!declared.ok) problems.set(id, `formula of '${id}': ${declared.reason}`);
    else if (!sameDims(check.value.dim, declared.value)) {
      problems.set(
        id,
        `formula of '${id}' gives ${dimensionText(check.value.dim)}, but the indicator's unit is ${f.unit}`,
      );
    }
  }
  const formulas = new Map([...parsed].filter(([id]) => !problems.has(id)));
  return { formulas, order: ready.filter((id) => formulas.has(id)), problems };
}

/** Values per period of a formula indicator, and periods that could not be computed. */
export interface FormulaSeries {
  readonly values: Map<string, number>;
  readonly problems: { period: string; reason: string }[];
}

/**
 * Compute a formula for every period where all its inputs have a value, converting the result
 * into the indicator's own unit (亿元/万人 → 万元/人 exactly).
 */
export function computeFormulaSeries(
  f: CompiledFormula,
  unitOf: (id: string) => string,
  seriesOf: (id: string) => ReadonlyMap<string, number> | undefined,
): FormulaSeries {
  const values = new Map<string, number>();
  const problems: { period: string; reason: string }[] = [];
  const declared = dimensionOf(f.unit);
  const inputs = f.refs.map((id) => ({ id, series: seriesOf(id), dim: dimensionOf(unitOf(id)) }));
  const first = inputs[0]?.series;
  if (!declared.ok || !first) return { values, problems };
  for (const period of first.keys()) {
    const env = new Map<string, FormulaValue>();
    for (const input of inputs) {
      const v = input.series?.get(period);
      if (v !== undefined && input.dim.ok) env.set(input.id, { value: v, dim: input.dim.value });
    }
    if (env.size < inputs.length) continue;
    const r = evaluateFormula(f.ast, (id) => env.get(id));
    if (!r.ok) problems.push({ period, reason: r.reason });
    else values.set(period, shiftNumber(r.value.value, r.value.dim.scale - declared.value.scale));
  }
  return { values, problems };
}
