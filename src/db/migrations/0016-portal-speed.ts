/**
 * Speed of the plan read model (issues 12 and 13): "the current version of a value" asks, for
 * every observation, whether a newer version replaces it. Without an index on `replaces_id` that
 * question scans the whole table once per row: 2.6 s for a 300-target plan's 5,000 values.
 */
import type { Kysely } from 'kysely';
import { createIndex } from './columns';

export async function up(db: Kysely<unknown>): Promise<void> {
  await createIndex(db, 'observations_by_replaces', 'observations', ['replaces_id']);
}
