/**
 * Publishing: a supervisor shows or withdraws a goal area, target, indicator or task of a plan on
 * the public portal (a task only once published). Each change is one transaction with its audit row (who) and its public change-log
 * event (what and when, no one's name).
 */
import type { PublicationRequest, PublicationState } from '../../contracts/portal';
import type { Db } from '../../db';
import { writeAudit } from '../auth';
import { notFound } from '../errors';
import type { Actor } from '../http';
import { getPlanDetail, planIdOf } from '../plans';
import { isPublished } from './portal.model';
import * as repo from './portal.repository';
import { planTasks } from './portal.tasks';

async function objectsOf(db: Db, tenantId: number, code: string, asOf: string) {
  const [detail, tasks] = await Promise.all([
    getPlanDetail(db, tenantId, code, null, { latest: false }),
    planTasks(db, tenantId, code, asOf),
  ]);
  return [
    ...detail.goal_areas.map((g) => ({ kind: 'goal_area' as const, id: g.id, name: g.name })),
    ...detail.targets.map((t) => ({ kind: 'target' as const, id: t.id, name: t.text ?? t.id })),
    ...detail.indicators.map((i) => ({ kind: 'indicator' as const, id: i.id, name: i.name })),
    ...tasks.map((t) => ({ kind: 'task' as const, id: t.id, name: t.title })),
  ];
}

/** Every publishable object of a plan with its state. */
export async function listPublicationStates(
  db: Db,
  tenantId: number,
  code: string,
  asOf: string,
): Promise<PublicationState[]> {
  const planId = await planIdOf(db, tenantId, code);
  const [objects, rows] = await Promise.all([
    objectsOf(db, tenantId, code, asOf),
    repo.listPublications(db.kysely, planId),
  ]);
  const byKey = new Map(rows.map((r) => [`${r.object_type}:${r.object_code}`, r]));
  const states = new Map(rows.map((r) => [`${r.object_type}:${r.object_code}`, r.published === 1]));
  return objects.map((o) => ({
    ...o,
    published: isPublished(states, o.kind, o.id),
    changed_at: byKey.get(`${o.kind}:${o.id}`)?.changed_at ?? null,
  }));
}

/** Publishes or withdraws one object; 404 for an object the plan does not have. */
export async function setPublication(
  db: Db,
  props: { tenantId: number; planCode: string; request: PublicationRequest; actor: Actor; now: Date },
): Promise<PublicationState> {
  const { tenantId, planCode, request, actor, now } = props;
  const planId = await planIdOf(db, tenantId, planCode);
  const object = (await objectsOf(db, tenantId, planCode, now.toISOString().slice(0, 10))).find(
    (o) => o.kind === request.kind && o.id === request.id,
  );
  if (!object) throw notFound(`${request.kind.replace('_', ' ')} '${request.id}'`);
  const at = now.toISOString();
  await db.kysely.transaction().execute(async (trx) => {
    const before = await repo.findPublication(trx, planId, request.kind, request.id);
    await repo.savePublication(trx, {
      tenantId,
      planId,
      kind: request.kind,
      code: request.id,
      published: request.published,
      at,
    });
    await writeAudit(trx, {
      tenantId,
      actor,
      action: request.published ? 'portal.publish' : 'portal.unpublish',
      objectType: request.kind,
      objectId: `${planCode}/${request.id}`,
      before: { published: before ? before.published === 1 : request.kind !== 'task' },
      after: { published: request.published },
      outcome: 'success',
      at: now,
    });
  });
  return { ...object, published: request.published, changed_at: at };
}
