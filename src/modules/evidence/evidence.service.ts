/**
 * Evidence files for a reported value: type checked by content, size limited, attached to the
 * version under work, readable only by those who may see the indicator's department.
 */
import type { Db } from '../../db';
import { nameForType, safeFileName } from '../../domain/files/sniff';
import { writeAudit } from '../auth';
import type { Caller } from '../caller';
import { sniffedFile } from '../uploads';
import { canSeeDepartment, requireWriter, valueSeries } from '../data';
import { AppError, coded, notFound } from '../errors';
import * as repo from './evidence.repository';

export const maxEvidenceBytes = 10 * 1024 * 1024;

export interface ValueRef {
  plan: string;
  indicator: string;
  period: string;
}

export interface EvidenceView {
  id: number;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  uploaded_at: string;
  version: number;
}

async function series(db: Db, caller: Caller, ref: ValueRef) {
  const { indicator, state } = await valueSeries(db, caller, ref);
  if (!state.head) throw notFound(`value of '${ref.indicator}' for ${ref.period}`);
  return { indicator, state };
}

/** Attaches a file to the version under work (before it is accepted). */
export async function uploadEvidence(
  db: Db,
  caller: Caller,
  ref: ValueRef,
  file: { name: string; bytes: Uint8Array },
): Promise<EvidenceView> {
  requireWriter(caller.actor);
  const { indicator, state } = await series(db, caller, ref);
  requireWriter(caller.actor, indicator.department_id);
  const head = state.head!;
  if (!['draft', 'returned', 'submitted'].includes(head.status)) {
    throw new AppError(
      409,
      'Conflict',
      `evidence can be attached before acceptance, not to a ${head.status} value`,
    );
  }
  if (file.bytes.length === 0)
    throw coded(new AppError(400, 'Bad Request', 'The file is empty.'), 'file_empty');
  if (file.bytes.length > maxEvidenceBytes)
    throw coded(new AppError(413, 'Bad Request', 'Evidence files are limited to 10 MB.'), 'file_too_large', {
      mb: 10,
    });
  const { type, sha256 } = sniffedFile(
    file.bytes,
    'Send a PDF, an image (PNG, JPEG, GIF, WebP) or an office document.',
  );
  const name = nameForType(safeFileName(file.name), type);
  const at = caller.now.toISOString();
  const id = await db.kysely.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('evidence_files')
      .values({
        tenant_id: caller.actor.tenantId,
        observation_id: head.id,
        file_name: name,
        content_type: type,
        size_bytes: file.bytes.length,
        sha256,
        content: file.bytes,
        uploaded_by: caller.actor.kind === 'user' ? caller.actor.userId : null,
        uploaded_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, {
      tenantId: caller.actor.tenantId,
      actor: caller.actor,
      action: 'evidence.upload',
      objectType: 'observation',
      objectId: head.id,
      after: { file_name: name, content_type: type, size: file.bytes.length, sha256 },
      sourceIp: caller.sourceIp,
      outcome: 'success',
      at: caller.now,
    });
    return inserted.id;
  });
  return {
    id,
    file_name: name,
    content_type: type,
    size: file.bytes.length,
    sha256,
    uploaded_at: at,
    version: head.version,
  };
}

/** The evidence of every version of a value. */
export async function listEvidence(db: Db, caller: Caller, ref: ValueRef): Promise<EvidenceView[]> {
  const { state } = await series(db, caller, ref);
  const versionOf = new Map(state.rows.map((r) => [r.id, r.version]));
  const rows = await repo.listForObservations(db.kysely, caller.actor.tenantId, [...versionOf.keys()]);
  return rows.map((r) => ({
    id: r.id,
    file_name: r.file_name,
    content_type: r.content_type,
    size: r.size_bytes,
    sha256: r.sha256,
    uploaded_at: r.uploaded_at,
    version: versionOf.get(r.observation_id) ?? 0,
  }));
}

/** One file's bytes, for a caller who may see its indicator's department (else 404). */
export async function readEvidence(db: Db, caller: Caller, id: number) {
  const row = await repo.findWithOwner(db.kysely, caller.actor.tenantId, id);
  if (!row || !canSeeDepartment(caller.actor, row.department_id)) throw notFound('evidence file');
  return { fileName: row.file_name, contentType: row.content_type, content: new Uint8Array(row.content) };
}
