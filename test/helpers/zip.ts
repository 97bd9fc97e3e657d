/**
 * Hand-built zip archives for the archive guards' tests: bombs (a part deflated from a repeated
 * chunk, never held inflated in memory) and archives with local entries the central directory
 * does not list, which a streaming reader would parse.
 */
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

export interface ZipPart {
  name: string;
  data?: Buffer | string;
  /** Already deflated bytes (with `crc` and `size` of the inflated data). */
  deflated?: Buffer;
  crc?: number;
  size?: number;
  /** A local entry with no central directory record. */
  hidden?: boolean;
}

/** A zip of `parts` in order (deflate, no data descriptors). */
export function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const data = typeof part.data === 'string' ? Buffer.from(part.data) : (part.data ?? Buffer.alloc(0));
    const name = Buffer.from(part.name);
    const body = part.deflated ?? deflateRawSync(data);
    const crc = part.crc ?? crc32(data);
    const size = part.size ?? data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    if (!part.hidden) {
      const c = Buffer.alloc(46);
      c.writeUInt32LE(0x02014b50, 0);
      c.writeUInt16LE(20, 4);
      c.writeUInt16LE(20, 6);
      c.writeUInt16LE(8, 10);
      c.writeUInt32LE(crc >>> 0, 16);
      c.writeUInt32LE(body.length, 20);
      c.writeUInt32LE(size >>> 0, 24);
      c.writeUInt16LE(name.length, 28);
      c.writeUInt32LE(offset, 42);
      central.push(c, name);
    }
    locals.push(local, name, body);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const count = parts.filter((p) => !p.hidden).length;
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** `head`, then `row` repeated up to `total` bytes, then `tail`, deflated as a stream. */
export async function deflateRepeated(
  head: string,
  row: string,
  total: number,
  tail = '',
): Promise<{ deflated: Buffer; crc: number; size: number }> {
  const d = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  d.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((r) => d.on('end', r));
  const chunk = Buffer.from(row.repeat(Math.ceil((1 << 20) / row.length)));
  let crc = crc32(head);
  d.write(head);
  let size = head.length;
  while (size < total) {
    crc = crc32(chunk, crc);
    size += chunk.length;
    if (!d.write(chunk)) await new Promise((r) => d.once('drain', r));
  }
  crc = crc32(tail, crc);
  d.end(tail);
  size += tail.length;
  await done;
  return { deflated: Buffer.concat(out), crc, size };
}

const contentTypes =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const rels =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
export const docxHead =
  '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
export const docxTail = '</w:body></w:document>';
export const docxParagraph = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;

/** A minimal .docx whose `word/document.xml` is `document` (a string or a deflated part). */
export function docx(document: string | { deflated: Buffer; crc: number; size: number }): Buffer {
  const part = typeof document === 'string' ? { data: document } : document;
  return zip([
    { name: '[Content_Types].xml', data: contentTypes },
    { name: '_rels/.rels', data: rels },
    { name: 'word/document.xml', ...part },
  ]);
}
