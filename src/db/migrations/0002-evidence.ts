/**
 * Evidence files attached to a reported value (a statistics bulletin PDF, a photo, an office
 * document). Kept in the database, so app servers stay stateless and a backup holds them too.
 */
import type { Kysely } from 'kysely';
import type { DialectName } from '../connection';
import { bytes, createIndex, createTable, optionalRef, ref, required, tenantColumn, text } from './columns';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await createTable(db, dialect, 'evidence_files')
    .$call(tenantColumn)
    .addColumn('observation_id', 'integer', ref('observations', 'cascade'))
    .$call(required(text, 'file_name', 'content_type'))
    .$call(required('integer', 'size_bytes'))
    .$call(required(text, 'sha256'))
    .addColumn('content', bytes(dialect), (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', optionalRef('users'))
    .$call(required(text, 'uploaded_at'))
    .execute();
  await createIndex(db, 'evidence_by_observation', 'evidence_files', ['observation_id']);
}
