/**
 * Adoption of a city's indicator definitions (统一指标口径) by a district's plan: an indicator
 * whose id is the code of a city definition adopts it. Unit, measure and direction decide what a
 * figure means, so a plan that departs from the city on one of them is refused; frequency and
 * formula may differ (a district may report more often, or compute what the city collects) and
 * only warn. Pure: the caller reads the definitions and the plan.
 */

/** One published version of a city definition. */
export interface DefinitionVersion {
  code: string;
  version: number;
  name: string;
  name_en?: string | null;
  unit: string;
  measure: string;
  direction: string;
  frequency: string;
  formula: string | null;
  method?: string | null;
}

/** What an indicator of a plan says about the fields a definition fixes. */
export interface AdoptingIndicator {
  id: string;
  unit: string;
  measure: string;
  direction: string;
  frequency: string;
  formula?: string | null;
}

/** Fields whose difference refuses the plan: the same id would mean another figure. */
export const bindingFields = ['unit', 'measure', 'direction'] as const;
/** Fields whose difference is reported but accepted. */
export const advisoryFields = ['frequency', 'formula'] as const;

export type AdoptedField = (typeof bindingFields)[number] | (typeof advisoryFields)[number];

export interface AdoptionDifference {
  /** Position of the indicator in the plan's `indicators`. */
  index: number;
  indicator: string;
  field: AdoptedField;
  /** The plan's value and the city's (null: none given). */
  plan: string | null;
  city: string | null;
  /** The version compared with: the adopted one for a warning, the current one for a refusal. */
  version: number;
  name: string;
}

export interface AdoptionCheck {
  /** Indicator id → the version of the city's definition it adopts. */
  adopted: Map<string, number>;
  refusals: AdoptionDifference[];
  warnings: AdoptionDifference[];
}

const norm = (v: string | null | undefined) => (v === undefined || v === null || v === '' ? null : v);

function differences(
  index: number,
  i: AdoptingIndicator,
  d: DefinitionVersion,
  fields: readonly AdoptedField[],
): AdoptionDifference[] {
  return fields
    .filter((f) => norm(i[f]) !== norm(d[f]))
    .map((f) => ({
      index,
      indicator: i.id,
      field: f,
      plan: norm(i[f]),
      city: norm(d[f]),
      version: d.version,
      name: d.name,
    }));
}

/**
 * Checks a plan's indicators against every version of the city's definitions. An indicator
 * adopts the newest version it agrees with on unit, measure and direction, so a district that
 * re-imports its plan after the city changed a definition keeps the version it had (and sees the
 * newer one) instead of being refused; one that agrees with no version is refused against the
 * current version. `recorded` (indicator id → version the plan's indicator adopted before) keeps
 * a file from moving an indicator back: one that moved to version 2 and is imported again with
 * version 1's unit is refused against version 2.
 */
export function checkAdoption(
  indicators: readonly AdoptingIndicator[],
  versions: readonly DefinitionVersion[],
  recorded: ReadonlyMap<string, number> = new Map(),
): AdoptionCheck {
  const byCode = new Map<string, DefinitionVersion[]>();
  for (const v of versions) byCode.set(v.code, [...(byCode.get(v.code) ?? []), v]);
  const out: AdoptionCheck = { adopted: new Map(), refusals: [], warnings: [] };
  indicators.forEach((i, index) => {
    const all = [...(byCode.get(i.id) ?? [])].sort((a, b) => b.version - a.version);
    const current = all[0];
    if (!current) return;
    const agreed = all.find((d) => differences(index, i, d, bindingFields).length === 0);
    if (!agreed) {
      out.refusals.push(...differences(index, i, current, bindingFields));
      return;
    }
    const floor = all.find((d) => d.version === recorded.get(i.id));
    if (floor && agreed.version < floor.version) {
      out.refusals.push(...differences(index, i, floor, bindingFields));
      return;
    }
    out.adopted.set(i.id, agreed.version);
    out.warnings.push(...differences(index, i, agreed, advisoryFields));
  });
  return out;
}

/** The refusal as a plan-file message (English, like the file's other messages). */
export function refusalMessage(d: AdoptionDifference): string {
  const q = (v: string | null) => (v === null ? '(none)' : `'${v}'`);
  return (
    `indicator '${d.indicator}' has the id of the city's definition ${d.name} (version ${d.version}), ` +
    `whose ${d.field} is ${q(d.city)}, but the plan says ${q(d.plan)}: ` +
    `use the city's ${d.field}, or another id if the indicator means something else`
  );
}
