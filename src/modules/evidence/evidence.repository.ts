/** The only SQL on evidence_files. */
import type { Kysely } from 'kysely';
import { storedFileListed, type Database } from '../../db';

type DB = Kysely<Database>;

const listed = ['id', 'observation_id', ...storedFileListed] as const;

export async function listForObservations(db: DB, tenantId: number, observationIds: number[]) {
  if (observationIds.length === 0) return [];
  return db
    .selectFrom('evidence_files')
    .select([...listed])
    .where('tenant_id', '=', tenantId)
    .where('observation_id', 'in', observationIds)
    .orderBy('id')
    .execute();
}

/** One file with what is needed to check who may read it (its indicator's department). */
export async function findWithOwner(db: DB, tenantId: number, id: number) {
  return db
    .selectFrom('evidence_files as e')
    .innerJoin('observations as o', 'o.id', 'e.observation_id')
    .innerJoin('indicators as i', 'i.id', 'o.indicator_id')
    .select(['e.id', 'e.file_name', 'e.content_type', 'e.content', 'e.sha256', 'i.code', 'i.department_id'])
    .where('e.tenant_id', '=', tenantId)
    .where('e.id', '=', id)
    .executeTakeFirst();
}

export type EvidenceListRow = Awaited<ReturnType<typeof listForObservations>>[number];
