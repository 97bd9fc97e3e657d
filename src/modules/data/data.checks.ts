/**
 * The entry checks of a value (src/domain/data-checks) fed from the database: the indicator's
 * accepted series, the values of the indicators it is a part of (or the whole of) in the same
 * period, and the plan's check settings. Warnings never block: the reporter may keep a value
 * with a reason, and the reviewer sees both.
 */
import type { DataWarning as WarningBody } from '../../contracts/data';
import type { Db } from '../../db';
import { checkSettings, checkValue, partsFromFormulas, warningZh, type Related } from '../../domain/data-checks';
import * as repo from './data.repository';
import { acceptedVersions } from '../observations';

interface PlanLike {
  id: number;
  settings: string;
}

function parseSettings(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** Latest accepted value per indicator id and period. */
function latestByKey(rows: Awaited<ReturnType<typeof acceptedVersions>>) {
  const out = new Map<string, number>();
  for (const r of rows) out.set(`${r.indicator_id}|${r.period}`, r.value);
  return out;
}

/** Warnings about `value` for (indicator, period), each with a Chinese sentence. */
export async function warningsFor(
  db: Db,
  plan: PlanLike,
  indicator: repo.IndicatorRow,
  period: string,
  value: number,
): Promise<WarningBody[]> {
  const settings = checkSettings(parseSettings(plan.settings));
  const all = await repo.listIndicators(db.kysely, plan.id, null);
  const byCode = new Map(all.map((i) => [i.code, i]));
  const pairs = [...partsFromFormulas(all), ...settings.parts];
  const wholeCodes = pairs.filter(([part]) => part === indicator.code).map(([, whole]) => whole);
  const partCodes = pairs.filter(([, whole]) => whole === indicator.code).map(([part]) => part);
  const related = [...wholeCodes, ...partCodes].map((c) => byCode.get(c)).filter((i) => i !== undefined);
  const values = latestByKey(await acceptedVersions(db.kysely, [indicator.id, ...related.map((i) => i.id)]));
  const relatedOf = (codes: string[]): Related[] =>
    codes.flatMap((c) => {
      const i = byCode.get(c);
      const v = i ? values.get(`${i.id}|${period}`) : undefined;
      return i && v !== undefined && i.unit === indicator.unit ? [{ code: c, name: i.name, value: v }] : [];
    });
  const series = [...values.entries()]
    .filter(([key]) => key.startsWith(`${indicator.id}|`) && !key.endsWith(`|${period}`))
    .map(([key, v]) => ({ period: key.slice(key.indexOf('|') + 1), value: v }));
  const found = checkValue({
    indicator: { code: indicator.code, name: indicator.name, unit: indicator.unit, measure: indicator.measure, frequency: indicator.frequency },
    period,
    value,
    series,
    bounds: settings.bounds.get(indicator.code),
    wholes: relatedOf(wholeCodes),
    parts: relatedOf(partCodes),
    ytd: settings.ytd.has(indicator.code),
  });
  return found.map((w) => ({ code: w.code, params: w.params, message: warningZh(w, indicator.unit) }));
}
