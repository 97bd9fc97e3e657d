/**
 * A data file on disk as a row source, by format: what `import-data` reads, in the importing
 * thread or in the import thread.
 */
import { opensdgSource } from './opensdg-source';
import { csvSource, type RowSource } from './sources';
import { xlsxSource } from './xlsx-source';

export const fileFormats = ['csv', 'xlsx', 'opensdg'] as const;
export type FileFormat = (typeof fileFormats)[number];

/** A file to load, as plain data (it crosses to a worker thread). */
export interface FileSpec {
  file: string;
  format: FileFormat;
  /** Open SDG: the plan indicator (default from the file name indicator_ID.csv). */
  indicator?: string;
}

/** Opens the file; an .xlsx passes the zip-bomb and DOCTYPE checks first. */
export async function openFileSource(spec: FileSpec, onBytes?: (n: number) => void): Promise<RowSource> {
  switch (spec.format) {
    case 'csv':
      return csvSource(spec.file, onBytes);
    case 'opensdg':
      return opensdgSource(spec.file, spec.indicator, onBytes);
    case 'xlsx': {
      const source = xlsxSource(spec.file);
      await source.prepare();
      return source;
    }
  }
}
