/**
 * Plan use cases: import a plan file (one transaction), export it back, and read the plan model.
 * No HTTP and no SQL here: repositories query, presenters shape.
 */
import {
  formatPlanFile,
  lineLocator,
  parsePlanFile,
  pathToField,
  planFileSchema,
  validatePlanFile,
  type PlanFile,
  type PlanFileProblem,
} from '../../domain/plan-file';
import type { Db } from '../../db';
import { comparePeriodTexts } from '../../domain/periods';
import { checkAdoption, refusalMessage, type AdoptionDifference } from '../../domain/city';
import { definitionsAboveDistrict } from '../city';
import { writeAudit } from '../auth';
import { departmentScope } from '../caller';
import { AppError, notFound } from '../errors';
import type { Actor } from '../http';
import { writePlanFile, type ImportOutcome } from './plans.import';
import * as repo from './plans.repository';
import { currentVersions } from '../observations';
import {
  presentDepartment,
  presentIndicator,
  presentObservation,
  presentPlan,
  presentTarget,
} from './plans.presenter';
import type { PlanDetail, PlanSummary } from '../../contracts/plans';
import { ensureTenant } from './tenants';
import { readPlanTasks } from '../tasks';
import { planFileFromRows } from './plans.file';
import { readPlanRows } from './plans.model';

/**
 * What a department-scoped actor (reporter, department head, department token) may see: its
 * departments' ids. `null` means the whole tenant.
 */
export type Scope = { departmentIds: readonly number[] } | null;

function inScope(scope: Scope, departmentId: number | null): boolean {
  return scope === null || (departmentId !== null && scope.departmentIds.includes(departmentId));
}

/** What an actor may read of a plan: department-scoped roles and tokens see only their departments. */
export function scopeOf(actor: Actor): Scope {
  const departmentIds = actor.kind === 'anonymous' ? null : departmentScope(actor, 'plan:read');
  return departmentIds ? { departmentIds } : null;
}

/** What the import adopted of the city's definitions (a district's plan only). */
export interface CityAdoption {
  /** Indicator id → version of the city's definition adopted. */
  adopted: Record<string, number>;
  /** Fields that may differ from the city (frequency, formula) and do, with their lines. */
  warnings: (AdoptionDifference & { line: number | null; field_path: string })[];
}

export type ImportResult =
  ({ ok: true; cityAdoption: CityAdoption } & ImportOutcome) | { ok: false; problems: PlanFileProblem[] };

type LineAt = (path: ReadonlyArray<PropertyKey>) => number | null;

/** Validates a plan file's text and writes it in one transaction: all of it or nothing. */
export async function importPlanText(
  db: Db,
  props: { tenantSlug: string; text: string; actor?: Actor; now: Date },
): Promise<ImportResult> {
  const parsed = parsePlanFile(props.text);
  if (!parsed.ok) return parsed;
  return importPlan(db, {
    tenantSlug: props.tenantSlug,
    plan: parsed.plan,
    actor: props.actor,
    now: props.now,
    lineAt: lineLocator(props.text),
  });
}

/**
 * Writes a validated plan file in one transaction, audited: the plan, and each department it
 * adds or renames. Departments are tenant-wide, so a file renames existing ones only for an
 * administrator (user:admin) or the CLI (no actor); for anyone else their names stay.
 * In a district, an indicator with the id of a city definition adopts it: a unit, measure or
 * direction other than the city's refuses the whole file (`domain/city/adoption.ts`).
 */
async function importPlan(
  db: Db,
  props: { tenantSlug: string; plan: PlanFile; actor?: Actor; now: Date; lineAt?: LineAt },
): Promise<ImportResult> {
  const lineAt: LineAt = props.lineAt ?? (() => null);
  const pathOf = (d: AdoptionDifference) => ['indicators', d.index, d.field] as const;
  const { plan, actor } = props;
  const content = formatPlanFile(plan);
  const renameDepartments =
    actor === undefined || (actor.kind !== 'anonymous' && actor.permissions.has('user:admin'));
  const outcome = await db.kysely.transaction().execute(async (trx) => {
    const at = props.now;
    const tenant = await ensureTenant(trx, props.tenantSlug, at.toISOString());
    const check = checkAdoption(
      plan.indicators,
      await definitionsAboveDistrict(trx, tenant.id),
      await repo.adoptedVersions(trx, tenant.id, plan.plan.id),
    );
    // Nothing is written yet: returning ends the transaction with nothing to commit.
    if (check.refusals.length > 0) return { refused: check.refusals } as const;
    const userId = actor?.kind === 'user' ? actor.userId : null;
    const result = await writePlanFile(trx, tenant.id, plan, content, userId, {
      renameDepartments,
      now: at.toISOString(),
      adopted: check.adopted,
    });
    const cityAdoption: CityAdoption = {
      adopted: Object.fromEntries(check.adopted),
      warnings: check.warnings.map((d) => ({
        ...d,
        line: lineAt(pathOf(d)),
        field_path: pathToField(pathOf(d)),
      })),
    };
    if (result.unchanged) return { ...result, cityAdoption };
    const audit = (entry: {
      action: string;
      objectType: string;
      objectId: string;
      before?: unknown;
      after: unknown;
    }) =>
      writeAudit(trx, {
        tenantId: tenant.id,
        actor: actor ?? { kind: 'system' },
        outcome: 'success',
        at,
        ...entry,
      });
    await audit({
      action: result.created ? 'plan.create' : 'plan.version',
      objectType: 'plan',
      objectId: plan.plan.id,
      after: {
        version: result.version,
        observations_added: result.observationsAdded,
        ...(check.adopted.size > 0 ? { city_definitions: cityAdoption.adopted } : {}),
      },
    });
    for (const d of result.departments.created) {
      await audit({ action: 'department.create', objectType: 'department', objectId: d.code, after: d });
    }
    for (const d of result.departments.renamed) {
      await audit({ action: 'department.update', objectType: 'department', objectId: d.after.code, ...d });
    }
    return { ...result, cityAdoption };
  });
  if ('refused' in outcome && outcome.refused) {
    return {
      ok: false,
      problems: outcome.refused.map((d) => ({
        line: lineAt(pathOf(d)),
        field: pathToField(pathOf(d)),
        message: refusalMessage(d),
      })),
    };
  }
  return { ok: true, ...outcome };
}

/** Resolves a tenant by slug, or the first tenant when none is named. */
export async function resolveTenant(db: Db, slug: string | undefined) {
  const tenant = slug ? await repo.findTenant(db.kysely, slug) : (await repo.listTenants(db.kysely))[0];
  if (!tenant) throw notFound(slug ? `tenant '${slug}'` : 'tenant');
  return tenant;
}

async function requirePlan(db: Db, tenantId: number, code: string) {
  const plan = await repo.findPlan(db.kysely, tenantId, code);
  if (!plan) throw notFound(`plan '${code}'`);
  return plan;
}

export async function listPlans(db: Db, tenantId: number) {
  return (await repo.listPlans(db.kysely, tenantId)).map(presentPlan);
}

/**
 * The plan with its goal areas, indicators (each with its latest value), targets and programmes.
 * `latest: false` leaves every indicator's latest value out (null) and skips reading the values:
 * for readers that load the values themselves (the portal, the cockpit).
 */
export async function getPlanDetail(
  db: Db,
  tenantId: number,
  code: string,
  scope: Scope = null,
  opts: { latest?: boolean } = {},
): Promise<PlanDetail> {
  const k = db.kysely;
  const plan = await requirePlan(db, tenantId, code);
  const [all, observations] = await Promise.all([
    repo.planStructureRows(k, tenantId, plan.id),
    opts.latest === false ? [] : currentVersions(k, { planId: plan.id }),
  ]);
  const { departments, areas, programmes } = all;
  const indicators = all.indicators.filter((i) => inScope(scope, i.department_id));
  const visible = new Set(indicators.map((i) => i.id));
  const targets = all.targets.filter(
    (t) => scope === null || (t.indicator_id !== null && visible.has(t.indicator_id)),
  );
  const actions = all.actions.filter(
    (a) =>
      scope === null ||
      inScope(scope, a.lead_department_id) ||
      (JSON.parse(a.co_department_ids) as number[]).some((d) => inScope(scope, d)),
  );
  const deptById = new Map(departments.map((d) => [d.id, d]));
  const areaCode = new Map(areas.map((a) => [a.id, a.code]));
  const indicatorCode = new Map(indicators.map((i) => [i.id, i.code]));
  const latest = new Map<number, (typeof observations)[number]>();
  for (const o of observations) {
    if (o.alternate) continue;
    const seen = latest.get(o.indicator_id);
    if (!seen || comparePeriodTexts(o.period, seen.period) > 0) latest.set(o.indicator_id, o);
  }
  return {
    plan: presentPlan(plan),
    goal_areas: areas.map((a) => ({
      id: a.code,
      name: a.name,
      name_en: a.name_en,
      description: a.description,
    })),
    indicators: indicators.map((i) => {
      const last = latest.get(i.id);
      return presentIndicator(
        i,
        presentDepartment(i.department_id === null ? undefined : deptById.get(i.department_id)),
        i.goal_area_id === null ? null : (areaCode.get(i.goal_area_id) ?? null),
        last ? presentObservation(last) : null,
      );
    }),
    targets: targets.map((t) =>
      presentTarget(
        t,
        t.indicator_id === null ? null : (indicatorCode.get(t.indicator_id) ?? null),
        t.goal_area_id === null ? null : (areaCode.get(t.goal_area_id) ?? null),
      ),
    ),
    programmes: programmes.map((p) => ({
      id: p.code,
      number: p.number,
      name: p.name,
      name_en: p.name_en,
      actions: actions
        .filter((a) => a.programme_id === p.id)
        .map((a) => ({
          id: a.code,
          name: a.name,
          name_en: a.name_en,
          lead_department: presentDepartment(
            a.lead_department_id === null ? undefined : deptById.get(a.lead_department_id),
          ),
          co_departments: (JSON.parse(a.co_department_ids) as number[])
            .map((id) => presentDepartment(deptById.get(id)))
            .filter((d) => d !== null),
        })),
    })),
  };
}

/** Observations of a plan as known at the end of `asOf` (a date), optionally of one indicator. */
export async function listObservations(
  db: Db,
  tenantId: number,
  code: string,
  filter: { indicator?: string; asOf?: string },
  scope: Scope = null,
) {
  const plan = await requirePlan(db, tenantId, code);
  const all = (await repo.listIndicators(db.kysely, plan.id)).filter((i) => inScope(scope, i.department_id));
  let indicatorIds: number[] | undefined = scope === null ? undefined : all.map((i) => i.id);
  if (filter.indicator) {
    // Another department's indicator answers like an unknown one: its existence is not revealed.
    const match = all.find((i) => i.code === filter.indicator);
    if (!match) throw notFound(`indicator '${filter.indicator}'`);
    indicatorIds = [match.id];
  }
  const asOf = filter.asOf ? `${filter.asOf}T23:59:59.999Z` : undefined;
  const rows = await currentVersions(db.kysely, { planId: plan.id, indicatorIds, asOf });
  return rows.map(presentObservation);
}

/**
 * Rebuilds the plan file from the database: the plan's model (current accepted observations only,
 * or those known at the instant `knownAt` (ISO) when given) with its tasks.
 */
export async function exportPlanFile(
  db: Db,
  tenantId: number,
  code: string,
  knownAt?: string,
  /** Workflow statuses that count (default accepted only; a preview adds pending ones). */
  statuses?: string[],
): Promise<PlanFile> {
  const rows = await readPlanRows(db, tenantId, code, knownAt, statuses);
  const tasks = await readPlanTasks(db.kysely, {
    planId: rows.plan.id,
    departments: new Map(rows.departments.map((d) => [d.id, d.code])),
    actions: new Map(rows.actions.map((a) => [a.id, a.code])),
    targets: new Map(rows.targets.map((t) => [t.id, t.code])),
    indicators: new Map(rows.indicators.map((i) => [i.id, i.code])),
  });
  // Parsing what we wrote checks the export against the same schema the import uses.
  return planFileSchema.parse({ ...planFileFromRows(rows), ...tasks });
}

/** The exported plan as canonical YAML text. */
export async function exportPlanText(db: Db, tenantId: number, code: string): Promise<string> {
  return formatPlanFile(await exportPlanFile(db, tenantId, code));
}

/**
 * Creates a new plan from a plan file given as JSON (the confirmed draft of an extraction). It
 * starts as a draft whatever the file says; publishing is a separate, audited step.
 */
export async function createDraftPlan(
  db: Db,
  props: { tenantSlug: string; plan: unknown; actor: Actor; now: Date },
): Promise<{ ok: true; plan: PlanSummary } | { ok: false; problems: PlanFileProblem[] }> {
  // The body is JSON already parsed (size and depth limited before): validate it as it is,
  // never through the YAML parser.
  const parsed = validatePlanFile(props.plan);
  if (!parsed.ok) return parsed;
  const tenant = await resolveTenant(db, props.tenantSlug);
  const code = parsed.plan.plan.id;
  if (await repo.findPlan(db.kysely, tenant.id, code)) {
    throw new AppError(409, 'Conflict', `a plan with id '${code}' exists: choose another id`);
  }
  const draft = { ...parsed.plan, plan: { ...parsed.plan.plan, status: 'draft' as const } };
  const result = await importPlan(db, {
    tenantSlug: props.tenantSlug,
    plan: draft,
    actor: props.actor,
    now: props.now,
  });
  if (!result.ok) return result;
  return { ok: true, plan: presentPlan(await requirePlan(db, tenant.id, code)) };
}

/** Publishes a draft plan: from now on the portal shows it. */
export async function publishPlan(db: Db, tenantId: number, code: string, actor: Actor, now: Date) {
  const plan = await requirePlan(db, tenantId, code);
  if (plan.status === 'published') throw new AppError(409, 'Conflict', `plan '${code}' is already published`);
  await db.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable('plans')
      .set({ status: 'published', updated_at: now.toISOString() })
      .where('id', '=', plan.id)
      .execute();
    await writeAudit(trx, {
      tenantId,
      actor,
      action: 'plan.publish',
      objectType: 'plan',
      objectId: code,
      before: { status: plan.status },
      after: { status: 'published' },
      outcome: 'success',
      at: now,
    });
  });
  return presentPlan({ ...plan, status: 'published' });
}

/** The row id of a plan (other modules key their own tables by it); 404 when there is none. */
export async function planIdOf(db: Db, tenantId: number, code: string): Promise<number> {
  return (await requirePlan(db, tenantId, code)).id;
}

/**
 * The tenant's plan row of that code (with no code, its first plan), if any: the one plan lookup,
 * which other modules use too.
 */
export async function findPlan(db: Db, tenantId: number, code: string | undefined) {
  return repo.findPlan(db.kysely, tenantId, code);
}

/** Codes of the plan's indicators a scope sees (all of them when unscoped). */
export async function indicatorCodesInScope(db: Db, planId: number, scope: Scope): Promise<Set<string>> {
  const indicators = await repo.listIndicators(db.kysely, planId);
  return new Set(indicators.filter((i) => inScope(scope, i.department_id)).map((i) => i.code));
}
