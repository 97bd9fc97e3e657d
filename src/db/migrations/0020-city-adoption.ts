/**
 * Adoption of a city's indicator definitions (issue 16): a district's indicator records which
 * version of the city's definition of its id it adopted, so the district sees when the city
 * publishes a newer one. Null: no city definition of that id, or imported before this column.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('indicators').addColumn('city_definition_version', 'integer').execute();
}
