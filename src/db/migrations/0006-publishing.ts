/**
 * Publishing (issue 13): what of a published plan the public portal shows, and when it changed.
 * Keyed by the plan-file ids (codes), not row ids, so a state survives a new version of the plan.
 * `publication_events` is the portal's public change log: no actor is stored here (the audit log
 * has who did it; the public never sees people's names).
 */
import type { Kysely } from 'kysely';
import type { DialectName } from '../connection';
import { createIndex, createTable, ref, required, tenantColumn, text, type Step } from './columns';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  /** What the row is about: an object of a plan, named by its plan-file id. */
  const planObject: Step = (t) =>
    t
      .$call(tenantColumn)
      .addColumn('plan_id', 'integer', ref('plans', 'cascade'))
      .$call(required(text, 'object_type', 'object_code'));

  await createTable(db, dialect, 'publications')
    .$call(planObject)
    .$call(required('integer', 'published'))
    .$call(required(text, 'changed_at'))
    .addUniqueConstraint('publications_object', ['plan_id', 'object_type', 'object_code'])
    .execute();

  await createTable(db, dialect, 'publication_events')
    .$call(planObject)
    .$call(required(text, 'action', 'at'))
    .execute();
  await createIndex(db, 'publication_events_by_plan', 'publication_events', ['plan_id', 'at']);
}
