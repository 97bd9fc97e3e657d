/**
 * Writes a validated plan file into the database inside the caller's transaction: a new plan, or
 * a new version of an existing one (rows matched by their codes, observations only ever added as
 * new versions). Importing the same file again changes nothing.
 */
import { createHash } from 'node:crypto';
import type { PlanFile } from '../../domain/plan-file';
import { seriesKey } from '../../domain/data-import';
import type { Insertable } from 'kysely';
import type { Database, Executor } from '../../db';
import { currentVersions, indicatorsWithObservations, insertObservation } from '../observations';
import { writePlanTasks } from '../tasks';

export interface ImportOutcome {
  planId: number;
  version: number;
  created: boolean;
  unchanged: boolean;
  observationsAdded: number;
  /** Departments the file added, and those it renamed (only when renaming was allowed). */
  departments: { created: DepartmentNames[]; renamed: { before: DepartmentNames; after: DepartmentNames }[] };
}

interface DepartmentNames {
  code: string;
  name: string;
  name_en: string | null;
}

const json = (v: unknown) => JSON.stringify(v);

/** A file item's id and names as its row's code and names. */
const named = (item: { id: string; name: string; name_en?: string }) => ({
  code: item.id,
  name: item.name,
  name_en: item.name_en ?? null,
});

type PlanPart = 'goal_areas' | 'indicators' | 'targets' | 'programmes' | 'actions';
/** A row of a plan's own table as the file gives it (tenant and plan added on insert). */
type PlanRow<K extends PlanPart> = Omit<Insertable<Database[K]>, 'tenant_id' | 'plan_id'> & { code: string };

/** Upserts rows by code and returns code → id. */
async function upsertByCode<T extends { code: string }>(
  rows: T[],
  existing: { id: number; code: string }[],
  insert: (row: T) => Promise<number>,
  update: (id: number, row: T) => Promise<void>,
): Promise<Map<string, number>> {
  const ids = new Map(existing.map((r) => [r.code, r.id]));
  for (const row of rows) {
    const id = ids.get(row.code);
    if (id === undefined) ids.set(row.code, await insert(row));
    else await update(id, row);
  }
  return ids;
}

/** Imports `plan` (whose canonical text is `content`) for a tenant. */
export async function writePlanFile(
  trx: Executor,
  tenantId: number,
  plan: PlanFile,
  content: string,
  userId: number | null,
  /** Departments are tenant-wide: only an administrator (or the CLI) may rename them by a file. */
  options: {
    renameDepartments: boolean;
    now: string;
    /** Indicator id → the version of the city's definition it adopts (checked by the caller). */
    adopted?: ReadonlyMap<string, number>;
  },
): Promise<ImportOutcome> {
  const now = options.now;
  const hash = createHash('sha256').update(content).digest('hex');
  const header = plan.plan;
  const existing = await trx
    .selectFrom('plans')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('code', '=', header.id)
    .executeTakeFirst();
  if (existing) {
    const last = await trx
      .selectFrom('plan_versions')
      .select('content_hash')
      .where('plan_id', '=', existing.id)
      .orderBy('version', 'desc')
      .executeTakeFirst();
    if (last?.content_hash === hash) {
      return {
        planId: existing.id,
        version: existing.version,
        created: false,
        unchanged: true,
        observationsAdded: 0,
        departments: { created: [], renamed: [] },
      };
    }
  }
  const planRow = {
    title: header.title,
    title_en: header.title_en ?? null,
    start_year: header.start,
    end_year: header.end,
    baseline_year: header.baseline_year,
    status: header.status ?? 'draft',
    source_title: header.source?.title ?? null,
    source_url: header.source?.url ?? null,
    settings: json(header.settings ?? null),
    updated_at: now,
  };
  let planId: number;
  let version: number;
  if (existing) {
    planId = existing.id;
    version = existing.version + 1;
    await trx
      .updateTable('plans')
      .set({ ...planRow, version })
      .where('id', '=', planId)
      .execute();
  } else {
    version = 1;
    const row = await trx
      .insertInto('plans')
      .values({ ...planRow, tenant_id: tenantId, code: header.id, version, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    planId = row.id;
  }
  await trx
    .insertInto('plan_versions')
    .values({
      tenant_id: tenantId,
      plan_id: planId,
      version,
      content,
      content_hash: hash,
      created_at: now,
      created_by: userId,
    })
    .execute();

  const base = { tenant_id: tenantId };
  const changes: ImportOutcome['departments'] = { created: [], renamed: [] };
  const known = await trx
    .selectFrom('departments')
    .select(['id', 'code', 'name', 'name_en'])
    .where('tenant_id', '=', tenantId)
    .execute();
  const departments = await upsertByCode(
    plan.departments.map((d) => named(d)),
    known,
    async (d) => {
      changes.created.push(d);
      return (
        await trx
          .insertInto('departments')
          .values({ ...base, ...d })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    },
    async (id, d) => {
      const before = known.find((k) => k.id === id);
      if (!options.renameDepartments || !before) return;
      if (before.name === d.name && before.name_en === d.name_en) return;
      changes.renamed.push({
        before: { code: d.code, name: before.name, name_en: before.name_en },
        after: d,
      });
      await trx
        .updateTable('departments')
        .set({ name: d.name, name_en: d.name_en })
        .where('id', '=', id)
        .execute();
    },
  );
  const dept = (code: string | undefined) => (code === undefined ? null : (departments.get(code) ?? null));
  const planBase = { ...base, plan_id: planId };
  /**
   * Rows of one of the plan's own tables, matched by code: the new ones inserted, the others
   * updated. Kysely cannot follow a table name that is a type parameter, hence the one cast: the
   * rows' type is still checked against the table's own (`PlanRow<K>`).
   */
  const upsertPart = async <K extends PlanPart>(table: K, rows: PlanRow<K>[]) => {
    const t = table as 'goal_areas';
    const existing = await trx.selectFrom(t).select(['id', 'code']).where('plan_id', '=', planId).execute();
    return upsertByCode(
      rows as unknown as PlanRow<'goal_areas'>[],
      existing,
      async (row) =>
        (
          await trx
            .insertInto(t)
            .values({ ...planBase, ...row })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
      async (id, row) => void (await trx.updateTable(t).set(row).where('id', '=', id).execute()),
    );
  };

  const areas = await upsertPart(
    'goal_areas',
    plan.goal_areas.map((g, i) => ({
      ...named(g),
      description: g.description ?? null,
      position: i,
    })),
  );
  const area = (code: string | undefined) => (code === undefined ? null : (areas.get(code) ?? null));

  const indicators = await upsertPart(
    'indicators',
    plan.indicators.map((d, i) => ({
      ...named(d),
      unit: d.unit,
      direction: d.direction,
      frequency: d.frequency,
      measure: d.measure,
      formula: d.formula ?? null,
      department_id: dept(d.department),
      goal_area_id: area(d.goal_area),
      source: d.source ?? null,
      note: d.note ?? null,
      position: i,
      city_definition_version: options.adopted?.get(d.id) ?? null,
    })),
  );

  const targets = await upsertPart(
    'targets',
    plan.targets.map((t, i) => ({
      code: t.id,
      indicator_id: t.indicator === undefined ? null : (indicators.get(t.indicator) ?? null),
      goal_area_id: area(t.goal_area),
      kind: t.kind,
      value: t.value ?? null,
      qualifier: t.qualifier ?? null,
      year: t.year ?? null,
      from_year: t.from ?? null,
      to_year: t.to ?? null,
      due_date: t.due ?? null,
      done_date: t.done ?? null,
      baseline_year: t.baseline?.year ?? null,
      baseline_value: t.baseline?.value ?? null,
      text: t.text ?? null,
      text_en: t.text_en ?? null,
      rating: t.rating ?? null,
      position: i,
    })),
  );

  const programmes = await upsertPart(
    'programmes',
    plan.programmes.map((p, i) => ({
      ...named(p),
      number: p.number,
      position: i,
    })),
  );
  const actions = await upsertPart(
    'actions',
    plan.programmes.flatMap((p) =>
      p.actions.map((a, i) => ({
        ...named(a),
        programme_id: programmes.get(p.id) ?? 0,
        lead_department_id: dept(a.lead_department),
        co_department_ids: json((a.co_departments ?? []).map((c) => departments.get(c))),
        position: i,
      })),
    ),
  );

  const observationsAdded = await addObservations(trx, tenantId, plan, indicators, userId, now);
  if (existing) await removeDropped(trx, planId, plan, indicators);
  // After removeDropped: a task of a dropped action keeps its row, with no action.
  await writePlanTasks(trx, { tenantId, planId, departments, actions, targets, indicators }, plan, now);
  return { planId, version, created: !existing, unchanged: false, observationsAdded, departments: changes };
}

/**
 * A new version drops what its file no longer names: targets, actions, programmes, goal areas,
 * and indicators that have no data. An indicator with observations stays, because data is never
 * deleted by a plan edit.
 */
async function removeDropped(
  trx: Executor,
  planId: number,
  plan: PlanFile,
  indicators: Map<string, number>,
): Promise<void> {
  // An empty list stands for "keep nothing": no code is the empty string (PostgreSQL refuses a
  // NUL byte in text, which this placeholder was before).
  const keep = (ids: string[]) => (ids.length ? ids : ['']);
  await trx
    .deleteFrom('targets')
    .where('plan_id', '=', planId)
    .where('code', 'not in', keep(plan.targets.map((t) => t.id)))
    .execute();
  await trx
    .deleteFrom('actions')
    .where('plan_id', '=', planId)
    .where('code', 'not in', keep(plan.programmes.flatMap((p) => p.actions.map((a) => a.id))))
    .execute();
  await trx
    .deleteFrom('programmes')
    .where('plan_id', '=', planId)
    .where('code', 'not in', keep(plan.programmes.map((p) => p.id)))
    .execute();
  const named = new Set(plan.indicators.map((i) => i.id));
  const unnamed = [...indicators].filter(([code]) => !named.has(code)).map(([, id]) => id);
  const withData = await indicatorsWithObservations(trx, unnamed);
  const dropped = unnamed.filter((id) => !withData.has(id));
  if (dropped.length) await trx.deleteFrom('indicators').where('id', 'in', dropped).execute();
  await trx
    .deleteFrom('goal_areas')
    .where('plan_id', '=', planId)
    .where('code', 'not in', keep(plan.goal_areas.map((g) => g.id)))
    .where((eb) =>
      eb.not(
        eb.or([
          eb.exists(
            eb.selectFrom('indicators as i').select('i.id').whereRef('i.goal_area_id', '=', 'goal_areas.id'),
          ),
          eb.exists(
            eb.selectFrom('targets as t').select('t.id').whereRef('t.goal_area_id', '=', 'goal_areas.id'),
          ),
        ]),
      ),
    )
    .execute();
}

async function addObservations(
  trx: Executor,
  tenantId: number,
  plan: PlanFile,
  indicators: Map<string, number>,
  userId: number | null,
  now: string,
): Promise<number> {
  const ids = [...indicators.values()];
  const current = new Map<string, { id: number; version: number; same: string }>();
  // A file's value is compared with the series' newest version whatever its workflow status.
  for (const r of ids.length ? await currentVersions(trx, { indicatorIds: ids, statuses: 'any' }) : []) {
    current.set(`${r.indicator_id}|${seriesKey(r)}`, { id: r.id, version: r.version, same: sameness(r) });
  }
  let added = 0;
  for (const [position, o] of plan.observations.entries()) {
    const indicatorId = indicators.get(o.indicator);
    if (indicatorId === undefined) continue;
    const row = {
      tenant_id: tenantId,
      indicator_id: indicatorId,
      period: o.period,
      value: o.value,
      qualifier: o.qualifier ?? null,
      source: o.source ?? null,
      source_url: o.source_url ?? null,
      note: o.note ?? null,
      illustrative: o.illustrative ? 1 : 0,
      alternate: o.alternate ? 1 : 0,
      published_on: o.published ?? null,
    };
    const previous = current.get(`${indicatorId}|${seriesKey(row)}`);
    if (previous && previous.same === sameness(row)) continue;
    await insertObservation(trx, {
      ...row,
      status: 'accepted',
      version: (previous?.version ?? 0) + 1,
      replaces_id: previous?.id ?? null,
      recorded_by: userId,
      recorded_at: now,
      reason: previous ? 'plan file import' : null,
      position,
    });
    added++;
  }
  return added;
}

function sameness(r: {
  published_on: string | null;
  value: number;
  qualifier: string | null;
  note: string | null;
  illustrative: number;
  source: string | null;
  source_url: string | null;
}): string {
  return json([r.value, r.qualifier, r.note, r.illustrative, r.source, r.source_url, r.published_on]);
}
