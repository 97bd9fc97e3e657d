/**
 * Which indicators are parts of which: read from share formulas (`part / whole * 100`) and from
 * plan settings (`data_checks.parts: [[part, whole], …]`), so the plan itself says that
 * 现代服务业增加值 never exceeds 地区生产总值.
 */

/** `[part, whole]` pairs from formulas of the form `a / b * 100` (or `100 * a / b`). */
export function partsFromFormulas(
  indicators: readonly { formula: string | null; unit: string }[],
): [string, string][] {
  const pairs: [string, string][] = [];
  for (const i of indicators) {
    if (!i.formula || i.unit !== '%') continue;
    const m =
      /^\s*(?:100\s*\*\s*)?\(?\s*([a-z][a-z0-9_]*)\s*\/\s*([a-z][a-z0-9_]*)\s*\)?\s*(?:\*\s*100)?\s*$/i.exec(
        i.formula,
      );
    if (m?.[1] && m[2]) pairs.push([m[1], m[2]]);
  }
  return pairs;
}

/** Checks settings of a plan (`settings.data_checks`), read leniently: what is malformed is left out. */
export interface CheckSettings {
  bounds: Map<string, { min?: number; max?: number }>;
  parts: [string, string][];
  ytd: Set<string>;
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export function checkSettings(settings: unknown): CheckSettings {
  const out: CheckSettings = { bounds: new Map(), parts: [], ytd: new Set() };
  const dc = (settings as { data_checks?: unknown } | null)?.data_checks;
  if (!dc || typeof dc !== 'object') return out;
  const { bounds, parts, ytd } = dc as { bounds?: unknown; parts?: unknown; ytd?: unknown };
  if (bounds && typeof bounds === 'object') {
    for (const [code, b] of Object.entries(bounds as Record<string, unknown>)) {
      const o = (b ?? {}) as { min?: unknown; max?: unknown };
      out.bounds.set(code, { min: num(o.min), max: num(o.max) });
    }
  }
  if (Array.isArray(parts)) {
    for (const p of parts)
      if (Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === 'string')
        out.parts.push([p[0], p[1]]);
  }
  if (Array.isArray(ytd)) for (const c of ytd) if (typeof c === 'string') out.ytd.add(c);
  return out;
}
