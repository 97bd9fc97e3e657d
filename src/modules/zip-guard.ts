/**
 * Checks a zip archive (.xlsx, .docx) before any library opens it (SECURITY.md V5.2.1, V5.2.2):
 * the entry count; the local entries, read one after the other from the start as a streaming
 * reader does, must be exactly the entries of the central directory (a hidden local entry would be
 * parsed by a streaming reader and never checked); the real inflated size of every entry, counted
 * while inflating and never taken from the sizes the zip declares, against a cap on bytes and on
 * the ratio to the file size; and no DOCTYPE or ENTITY in any part (XXE, billion laughs).
 * Memory stays bounded: inflated bytes are counted and dropped.
 */
import { createInflateRaw } from 'node:zlib';

export interface ZipLimits {
  maxEntries: number;
  /** Inflated bytes of all entries together. */
  maxUncompressedBytes: number;
  /** Inflated ÷ compressed over the whole file, applied while inflating. */
  maxRatio: number;
  /** Inflated bytes of the XML parts (`.xml`, `.rels`) together, for readers that build a DOM. */
  maxMarkupBytes?: number;
}

/** Why an archive is refused, in our words; `tooLarge` when it inflates past a limit. */
export class ZipRefused extends Error {
  constructor(
    message: string,
    readonly tooLarge = false,
  ) {
    super(message);
    this.name = 'ZipRefused';
  }
}

interface Entry {
  name: string;
  method: number;
  compressed: number;
  offset: number;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const DESCRIPTOR = 0x08074b50;
/** Below this, the ratio is not applied: a tiny file may legitimately inflate a lot. */
const ratioFloorBytes = 10 * 1024 * 1024;

const broken = (what: string) => new ZipRefused(`not a valid zip archive (${what})`);

/** Reads the central directory (no ZIP64: files under our size limits never need it). */
function centralDirectory(buf: Buffer, limits: ZipLimits): { entries: Entry[]; start: number } {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === END) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw broken('no zip directory');
  const count = buf.readUInt16LE(eocd + 10);
  if (count !== buf.readUInt16LE(eocd + 8) || buf.readUInt16LE(eocd + 4) !== 0) throw broken('split archive');
  if (count > limits.maxEntries) throw new ZipRefused(`${count} entries (the limit is ${limits.maxEntries})`);
  const size = buf.readUInt32LE(eocd + 12);
  const start = buf.readUInt32LE(eocd + 16);
  if (start + size !== eocd) throw broken('the directory is not where the archive says');
  let p = start;
  const entries: Entry[] = [];
  for (let k = 0; k < count; k++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CENTRAL) throw broken('broken zip directory');
    const nameLength = buf.readUInt16LE(p + 28);
    const entry = {
      method: buf.readUInt16LE(p + 10),
      compressed: buf.readUInt32LE(p + 20),
      offset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + nameLength),
    };
    if (
      entry.compressed === 0xffffffff ||
      buf.readUInt32LE(p + 24) === 0xffffffff ||
      entry.offset === 0xffffffff
    )
      throw broken('ZIP64 is not supported');
    entries.push(entry);
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  if (p !== eocd) throw broken('broken zip directory');
  return { entries, start };
}

/**
 * Walks the local entries from offset 0 the way a streaming reader (unzipper, used by exceljs)
 * does, and requires them to be the central directory's entries, in order, with nothing between
 * or hidden: what a streaming reader parses is then exactly what was checked.
 */
function matchLocalEntries(buf: Buffer, central: Entry[], directoryStart: number): void {
  const ordered = [...central].sort((a, b) => a.offset - b.offset);
  let p = 0;
  for (const entry of ordered) {
    if (p + 30 > directoryStart || buf.readUInt32LE(p) !== LOCAL)
      throw broken('an entry is not where the directory says');
    if (entry.offset !== p) throw broken('entries hidden outside the zip directory');
    const flags = buf.readUInt16LE(p + 6);
    const localCompressed = buf.readUInt32LE(p + 18);
    const nameLength = buf.readUInt16LE(p + 26);
    const name = buf.toString('utf8', p + 30, p + 30 + nameLength);
    const dataStart = p + 30 + nameLength + buf.readUInt16LE(p + 28);
    let length: number;
    let next: number;
    if (!(flags & 0x08) || localCompressed > 0) {
      length = localCompressed;
      next = dataStart + length;
    } else {
      // Size in a trailing data descriptor: a streaming reader stops at the first descriptor signature.
      const signature = Buffer.alloc(4);
      signature.writeUInt32LE(DESCRIPTOR);
      const at = buf.indexOf(signature, dataStart);
      if (at < 0 || at >= directoryStart) throw broken('an entry has no end');
      length = at - dataStart;
      next = at + 16;
    }
    if (name !== entry.name || buf.readUInt16LE(p + 8) !== entry.method || length !== entry.compressed)
      throw broken(`entry ${entry.name} differs from its directory record`);
    p = next;
  }
  if (p !== directoryStart) throw broken('data hidden outside the zip directory');
}

/** Inflates one entry as a stream, counting bytes and scanning for `<!DOCTYPE` / `<!ENTITY`. */
function scanEntry(data: Buffer, method: number, name: string, budget: number): Promise<number> {
  const markers = /<!(doctype|entity)/i;
  return new Promise((resolve, reject) => {
    let total = 0;
    let tail = '';
    const check = (chunk: Buffer) => {
      total += chunk.length;
      if (total > budget) return new ZipRefused(`${name} inflates past the size limit (a zip bomb?)`, true);
      const text = tail + chunk.toString('latin1');
      if (markers.test(text)) return new ZipRefused(`${name} declares a DOCTYPE or ENTITY (not allowed)`);
      tail = text.slice(-16);
      return null;
    };
    if (method === 0) {
      const problem = check(data);
      return problem ? reject(problem) : resolve(total);
    }
    if (method !== 8) return reject(new ZipRefused(`${name} uses an unsupported compression method`));
    const inflate = createInflateRaw();
    inflate.on('data', (chunk: Buffer) => {
      const problem = check(chunk);
      if (problem) {
        inflate.destroy();
        reject(problem);
      }
    });
    inflate.on('error', () => reject(new ZipRefused(`${name} is not valid compressed data`)));
    inflate.on('end', () => resolve(total));
    inflate.end(data);
  });
}

const isMarkup = (name: string) => /\.(xml|rels)$/i.test(name);

/** Throws ZipRefused when `buf` is not a consistent, bounded zip archive without DOCTYPEs. */
export async function checkZip(buf: Buffer, limits: ZipLimits): Promise<void> {
  const { entries, start } = centralDirectory(buf, limits);
  matchLocalEntries(buf, entries, start);
  // The ratio limit applies while inflating, so a bomb is stopped early, not after the cap.
  const cap = Math.min(limits.maxUncompressedBytes, Math.max(ratioFloorBytes, limits.maxRatio * buf.length));
  let total = 0;
  let markup = 0;
  for (const e of entries) {
    const dataStart = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28);
    const data = buf.subarray(dataStart, dataStart + e.compressed);
    const markupLeft =
      limits.maxMarkupBytes === undefined || !isMarkup(e.name) ? Infinity : limits.maxMarkupBytes - markup;
    const inflated = await scanEntry(data, e.method, e.name, Math.min(cap - total, markupLeft));
    total += inflated;
    if (isMarkup(e.name)) markup += inflated;
  }
}
