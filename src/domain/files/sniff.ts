/**
 * What a file is, judged by its bytes, not its name (SECURITY.md V5.2.2): PDF, PNG, JPEG, GIF,
 * WebP, Office Open XML (.docx/.xlsx/.pptx) and the older OLE2 office files. Anything else is
 * refused by the caller.
 */
export type SniffedType =
  | 'application/pdf'
  | 'image/png'
  | 'image/jpeg'
  | 'image/gif'
  | 'image/webp'
  | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  | 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  | 'application/vnd.openxmlformats-officedocument.presentationml.presentation'
  | 'application/x-ole-storage';

const startsWith = (bytes: Uint8Array, sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The type of a file from its first bytes (and, for zip containers, the part names inside). */
export function sniffType(bytes: Uint8Array): SniffedType | null {
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'application/x-ole-storage';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return officeKind(bytes);
  return null;
}

/** A zip is an Office Open XML file when it holds [Content_Types].xml and a known main part. */
function officeKind(bytes: Uint8Array): SniffedType | null {
  // Part names sit in the zip's local headers as plain ASCII; a bounded scan finds them.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 1 << 20)));
  if (!head.includes('[Content_Types].xml')) return null;
  if (head.includes('word/'))
    return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  if (head.includes('xl/')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  if (head.includes('ppt/'))
    return 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
  return null;
}

/** A download name safe in a header and on any disk: letters, digits, CJK, `._-`, at most 120. */
export function safeFileName(name: string): string {
  const base = name.replace(/^.*[\\/]/, '');
  const cleaned = base
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .replace(/^\.+/, '')
    .slice(0, 120);
  return cleaned || 'file';
}

/** The extensions a file of each detected type may carry; the first is given when it has none of them. */
const extensions: Record<SniffedType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'application/x-ole-storage': ['doc', 'xls', 'ppt', 'bin'],
};

/**
 * `name` with the extension of its detected type: a PDF named `x.html` is stored and downloaded
 * as `x.pdf`, so no program opens it as what its name claims.
 */
export function nameForType(name: string, type: SniffedType): string {
  const allowed = extensions[type];
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (allowed.includes(ext)) return name;
  const stem = dot > 0 ? name.slice(0, dot) : name;
  return `${stem.slice(0, 110)}.${allowed.at(-1) === 'bin' ? 'bin' : allowed[0]}`;
}
