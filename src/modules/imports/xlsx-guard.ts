/**
 * Checks an .xlsx before any spreadsheet library touches it (SECURITY.md V5.2.1, V5.2.2): the file
 * size, then the zip checks of `checkZip` (entry count, local entries matching the directory so
 * exceljs's streaming reader parses only checked entries, inflated bytes and ratio counted while
 * inflating, no DOCTYPE or ENTITY). Memory stays bounded: one compressed file of at most
 * `maxFileBytes`, and inflated bytes are counted and dropped.
 */
import { readFile, stat } from 'node:fs/promises';
import { checkZip, ZipRefused, type ZipLimits } from '../zip-guard';
import { ImportFileError } from './sources';

export interface XlsxLimits extends ZipLimits {
  maxFileBytes: number;
}

export const defaultXlsxLimits: XlsxLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxEntries: 1000,
  maxUncompressedBytes: 500 * 1024 * 1024,
  maxRatio: 200,
};

const refuse = (reason: string) => new ImportFileError(0, '', reason);

/** Throws ImportFileError (nothing read yet) when the file is not a safe, bounded .xlsx. */
export async function checkXlsx(file: string, limits: XlsxLimits = defaultXlsxLimits): Promise<void> {
  const size = (await stat(file)).size;
  if (size > limits.maxFileBytes)
    throw refuse(`refused: ${size} bytes (limit ${limits.maxFileBytes} for .xlsx)`);
  try {
    await checkZip(await readFile(file), limits);
  } catch (error) {
    if (error instanceof ZipRefused) throw refuse(`refused: ${error.message}`);
    throw error;
  }
}
