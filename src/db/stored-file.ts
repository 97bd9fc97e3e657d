/**
 * An uploaded file kept in the database (an observation's evidence, a task report's evidence):
 * the same columns in every table that stores one, so the listing and the download read alike.
 */

/** The columns of a stored file, after the table's own id, tenant and owner columns. */
export interface StoredFileColumns {
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  uploaded_by: number | null;
  uploaded_at: string;
}

/** What a list of files shows of each: everything but the bytes and the uploader. */
export const storedFileListed = ['file_name', 'content_type', 'size_bytes', 'sha256', 'uploaded_at'] as const;
