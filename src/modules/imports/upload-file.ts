/**
 * An uploaded file read into raw rows: its type is told by its content (a zip is an .xlsx, UTF-8
 * text is a CSV, anything else is refused with 415), never by its name. An .xlsx passes the zip
 * bomb and DOCTYPE checks before exceljs reads it. The bytes go through a private temporary
 * file that is removed afterwards.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RawRow } from '../../domain/data-import';
import { AppError, coded } from '../errors';
import { csvSource, ImportFileError, type RowSource } from './sources';
import { xlsxSource } from './xlsx-source';

/** Uploads are refused above this size before they are buffered (route body limit). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** Larger files go through the CLI (`shixiao import-data`), which streams them. */
export const MAX_UPLOAD_ROWS = 200_000;

export type UploadKind = 'csv' | 'xlsx';

const unsupported = (detail: string) => new AppError(415, 'Unsupported Media Type', detail);

/** The file's kind from its first bytes: a zip (.xlsx) or UTF-8 text without NUL bytes (CSV). */
export function sniffUpload(bytes: Uint8Array): UploadKind {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return 'xlsx';
  if (bytes.length === 0) throw coded(new AppError(400, 'Bad Request', 'The file is empty.'), 'file_empty');
  if (bytes.subarray(0, 64 * 1024).includes(0))
    throw unsupported('Send a .csv (UTF-8 text) or an .xlsx workbook; this file is neither.');
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw unsupported('The file is not UTF-8 text: save it as "CSV UTF-8" or as an .xlsx workbook.');
  }
  return 'csv';
}

export interface UploadRows {
  kind: UploadKind;
  rows: RawRow[];
}

const fileError = (e: ImportFileError) =>
  new AppError(
    400,
    'Bad Request',
    e.row > 0 ? `row ${e.row}${e.column ? `, ${e.column}` : ''}: ${e.message}` : e.message,
    [{ field: e.column || 'file', message: e.message }],
  );

/** Reads every data row of an upload (blank template rows skipped); 400/415 for a bad file. */
export async function readUpload(bytes: Uint8Array): Promise<UploadRows> {
  const kind = sniffUpload(bytes);
  const dir = await mkdtemp(join(tmpdir(), 'shixiao-upload-'));
  const file = join(dir, kind === 'xlsx' ? 'upload.xlsx' : 'upload.csv');
  try {
    await writeFile(file, bytes, { mode: 0o600 });
    let source: RowSource;
    if (kind === 'xlsx') {
      const x = xlsxSource(file);
      await x.prepare();
      source = x;
    } else source = csvSource(file);
    const rows: RawRow[] = [];
    for await (const batch of source.batches) {
      for (const r of batch) rows.push(r);
      if (rows.length > MAX_UPLOAD_ROWS)
        throw coded(
          new AppError(
            413,
            'Content Too Large',
            `More than ${MAX_UPLOAD_ROWS} rows: load large files with \`shixiao import-data\`.`,
          ),
          'too_many_rows',
          { max: MAX_UPLOAD_ROWS },
        );
    }
    return { kind, rows };
  } catch (error) {
    if (error instanceof ImportFileError) throw fileError(error);
    if (error instanceof AppError) throw error;
    // exceljs failing on a zip that is not a workbook.
    if (kind === 'xlsx') {
      throw coded(new AppError(400, 'Bad Request', 'The .xlsx file could not be read.'), 'file_unreadable');
    }
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
