/**
 * 改用新版城市口径: a district moves one indicator of its plan to the city's current version of
 * the definition with its id — unit, measure, direction, frequency and formula become the city's,
 * and the indicator records the version — in one audited transaction.
 *
 * A value is a number in the indicator's unit, so a new unit would silently change what every
 * recorded figure means (1850 亿元 read as 1850 万元). When the unit changes and the indicator
 * already has values or target figures, the move is refused: the district restates them in the
 * new unit in its plan file and imports it, which adopts the new version.
 */
import type { Adoption } from '../../contracts/city';
import type { Db } from '../../db';
import { writeAudit } from '../auth';
import type { Caller } from '../caller';
import { definitionsAboveDistrict } from '../city';
import { AppError, notFound } from '../errors';
import { indicatorsWithObservations } from '../observations';
import * as repo from './plans.repository';

const fields = ['unit', 'measure', 'direction', 'frequency', 'formula'] as const;

/** Moves `indicator` of the caller's plan `planCode` to version `version` of the city's definition. */
export async function adoptCityVersion(
  db: Db,
  caller: Caller,
  planCode: string,
  indicatorCode: string,
  version: number,
): Promise<Adoption> {
  const tenantId = caller.actor.tenantId;
  return db.kysely.transaction().execute(async (trx) => {
    const plan = await repo.findPlan(trx, tenantId, planCode);
    if (!plan) throw notFound(`plan '${planCode}'`);
    const indicator = await repo.findIndicator(trx, plan.id, indicatorCode);
    if (!indicator) throw notFound(`indicator '${indicatorCode}'`);
    const versions = (await definitionsAboveDistrict(trx, tenantId)).filter((d) => d.code === indicatorCode);
    const current = versions.reduce<(typeof versions)[number] | undefined>(
      (a, d) => (a && a.version > d.version ? a : d),
      undefined,
    );
    if (!current) throw notFound(`city definition '${indicatorCode}'`);
    if (version !== current.version) {
      throw new AppError(
        409,
        'Conflict',
        `version ${version} is not the city's current version of '${indicatorCode}' (${current.version})`,
      );
    }
    const changed = fields.filter((f) => (indicator[f] ?? null) !== (current[f] ?? null));
    if (indicator.city_definition_version === version && changed.length === 0) {
      throw new AppError(409, 'Conflict', `'${indicatorCode}' has adopted version ${version} already`);
    }
    if (changed.includes('unit')) {
      const values = (await indicatorsWithObservations(trx, [indicator.id])).size > 0;
      const figures = await repo.countTargetFigures(trx, indicator.id);
      if (values || figures > 0) {
        throw new AppError(
          409,
          'Conflict',
          `'${indicatorCode}' has ${values ? 'values' : 'target figures'} recorded in ${indicator.unit}; ` +
            `version ${version} of the city's definition is in ${current.unit}. Restate them in ` +
            `${current.unit} in the plan file and import it: the import adopts version ${version}.`,
        );
      }
    }
    const after = {
      unit: current.unit,
      measure: current.measure,
      direction: current.direction,
      frequency: current.frequency,
      formula: current.formula,
      city_definition_version: version,
    };
    await repo.updateIndicatorDefinition(trx, indicator.id, after);
    await writeAudit(trx, {
      tenantId,
      actor: caller.actor,
      action: 'indicator.city_definition.adopt',
      objectType: 'indicator',
      objectId: `${planCode}/${indicatorCode}`,
      before: {
        city_definition_version: indicator.city_definition_version,
        ...Object.fromEntries(fields.map((f) => [f, indicator[f]])),
      },
      after,
      sourceIp: caller.sourceIp,
      outcome: 'success',
      at: caller.now,
    });
    return {
      plan: planCode,
      indicator: indicatorCode,
      version,
      previous_version: indicator.city_definition_version,
      ...after,
      changed: [...changed],
    };
  });
}
