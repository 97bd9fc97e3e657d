/**
 * Checks an .xlsx before any spreadsheet library touches it (SECURITY.md V5.2.1, V5.2.2): the file
 * size, the zip's entry count, the real uncompressed size of every entry (inflated as a stream and
 * counted, never trusting the sizes the zip declares), the compression ratio, and no DOCTYPE or
 * ENTITY in any XML part (XXE, billion laughs). Memory stays bounded: one compressed file of at
 * most `maxFileBytes`, and inflated bytes are counted and dropped.
 */
import { readFile, stat } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';
import { ImportFileError } from './sources';

export interface XlsxLimits {
  maxFileBytes: number;
  maxEntries: number;
  maxUncompressedBytes: number;
  /** Uncompressed ÷ compressed, over the whole file. */
  maxRatio: number;
}

export const defaultXlsxLimits: XlsxLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxEntries: 1000,
  maxUncompressedBytes: 500 * 1024 * 1024,
  maxRatio: 200,
};

const refuse = (reason: string) => new ImportFileError(0, '', reason);

interface Entry {
  name: string;
  method: number;
  compressed: number;
  offset: number;
}

/** Reads the zip's central directory (no ZIP64: an .xlsx under the size limit never needs it). */
function entries(buf: Buffer, limits: XlsxLimits): Entry[] {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw refuse('not an .xlsx file (no zip directory)');
  const count = buf.readUInt16LE(eocd + 10);
  if (count > limits.maxEntries)
    throw refuse(`refused: ${count} entries in the .xlsx (limit ${limits.maxEntries})`);
  let p = buf.readUInt32LE(eocd + 16);
  const out: Entry[] = [];
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50)
      throw refuse('not an .xlsx file (broken zip directory)');
    const nameLength = buf.readUInt16LE(p + 28);
    out.push({
      method: buf.readUInt16LE(p + 10),
      compressed: buf.readUInt32LE(p + 20),
      offset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + nameLength),
    });
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out;
}

/** Inflates one entry as a stream, counting bytes and scanning for `<!DOCTYPE` / `<!ENTITY`. */
function scanEntry(data: Buffer, method: number, name: string, budget: number): Promise<number> {
  const markers = /<!(doctype|entity)/i;
  return new Promise((resolve, reject) => {
    let total = 0;
    let tail = '';
    const check = (chunk: Buffer) => {
      total += chunk.length;
      if (total > budget) return refuse(`refused: ${name} inflates past the size limit (a zip bomb?)`);
      const text = tail + chunk.toString('latin1');
      if (markers.test(text))
        return refuse(`refused: ${name} declares a DOCTYPE or ENTITY (not allowed in .xlsx)`);
      tail = text.slice(-16);
      return null;
    };
    if (method === 0) {
      const problem = check(data);
      return problem ? reject(problem) : resolve(total);
    }
    if (method !== 8) return reject(refuse(`refused: ${name} uses an unsupported compression method`));
    const inflate = createInflateRaw();
    inflate.on('data', (chunk: Buffer) => {
      const problem = check(chunk);
      if (problem) {
        inflate.destroy();
        reject(problem);
      }
    });
    inflate.on('error', () => reject(refuse(`refused: ${name} is not valid compressed data`)));
    inflate.on('end', () => resolve(total));
    inflate.end(data);
  });
}

/** Throws ImportFileError (nothing read yet) when the file is not a safe, bounded .xlsx. */
export async function checkXlsx(file: string, limits: XlsxLimits = defaultXlsxLimits): Promise<void> {
  const size = (await stat(file)).size;
  if (size > limits.maxFileBytes)
    throw refuse(`refused: ${size} bytes (limit ${limits.maxFileBytes} for .xlsx)`);
  const buf = await readFile(file);
  // The ratio limit applies while inflating, so a bomb is stopped early, not after 500 MB.
  const cap = Math.min(limits.maxUncompressedBytes, Math.max(10 * 1024 * 1024, limits.maxRatio * size));
  let total = 0;
  for (const e of entries(buf, limits)) {
    if (e.offset + 30 > buf.length || buf.readUInt32LE(e.offset) !== 0x04034b50)
      throw refuse('not an .xlsx file (broken zip entry)');
    const start = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28);
    const data = buf.subarray(start, start + e.compressed);
    total += await scanEntry(data, e.method, e.name, cap - total);
  }
}
