/**
 * Turns the bytes of a policy document into text: .docx through mammoth, text files by BOM
 * (UTF-8, UTF-16 LE/BE), strict UTF-8, then GB18030 (government files are often GBK), each
 * checked. Anything else — binary files, empty files, bytes no encoding explains — is refused
 * with a reason that fits on one line after the file name.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { checkZip, ZipRefused, type ZipLimits } from '../zip-guard';
import { docxHtmlToText } from './docx-html';

/** The largest document accepted: policy documents are far smaller; larger is a wrong file. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/**
 * What a .docx may inflate to before mammoth (which builds a DOM of each XML part) sees it: a
 * policy document's XML is a few MB; images may add more but are not parsed.
 */
export const docxLimits: ZipLimits = {
  maxEntries: 1000,
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxRatio: 100,
  maxMarkupBytes: 24 * 1024 * 1024,
};

/** The text of a document and how it was read, or why it cannot be read. */
export type DecodeResult =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'docx' }
  | { ok: false; reason: string; tooLarge?: boolean };

const MAGIC: readonly (readonly [number[], string])[] = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF file (save it as .docx or .txt)'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Word/Excel file (save it as .docx)'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x7f, 0x45, 0x4c, 0x46], 'an executable'],
];

const startsWith = (bytes: Uint8Array, sig: readonly number[]): boolean =>
  bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);

const fail = (reason: string): DecodeResult => ({ ok: false, reason });

const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;

/**
 * Decodes a document. `fileName` only chooses the .docx path (by extension); the content decides
 * everything else.
 */
export async function decodeDocument(bytes: Uint8Array, fileName: string): Promise<DecodeResult> {
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    return fail(`file is too large (${mb(bytes.length)}; the limit is ${mb(MAX_DOCUMENT_BYTES)})`);
  }
  if (bytes.length === 0) return fail('empty file');
  if (/\.docx$/i.test(fileName)) return decodeDocx(bytes);
  const magic = MAGIC.find(([sig]) => startsWith(bytes, sig));
  if (magic) return fail(`binary file (${magic[1]}), not a text or .docx document`);
  const result = decodeText(bytes);
  if (!result.ok) return result;
  return checkText(result.text) ?? result;
}

async function decodeDocx(bytes: Uint8Array): Promise<DecodeResult> {
  // An encrypted .docx is an OLE compound file holding the encrypted package, not a ZIP.
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0]))
    return fail(
      'the .docx file is password-protected (encrypted) or an old .doc file: remove the password and save it as .docx',
    );
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return fail('not a Word .docx file (not a ZIP archive)');
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    await checkZip(buffer, docxLimits);
  } catch (error) {
    if (!(error instanceof ZipRefused)) throw error;
    const what = error.tooLarge ? 'refused .docx file' : 'cannot read the .docx file';
    return { ok: false, reason: `${what}: ${error.message}`, tooLarge: error.tooLarge };
  }
  try {
    // HTML rather than raw text: a Word table keeps its rows (cells tab-separated).
    const { default: mammoth } = await import('mammoth'); // loaded on demand: only .docx needs it
    const { value } = await mammoth.convertToHtml({ buffer });
    const text = docxHtmlToText(value);
    if (text.trim() === '') return fail('the .docx file has no text');
    return { ok: true, text, encoding: 'docx' };
  } catch {
    // mammoth's own words name its libraries ("Corrupted zip", "[xmldom error]"): say ours.
    return fail('cannot read the .docx file: it is damaged or not a Word document');
  }
}

function decodeText(bytes: Uint8Array): DecodeResult {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return strict('utf-8', bytes.subarray(3), 'UTF-8');
  if (startsWith(bytes, [0xff, 0xfe])) return strict('utf-16le', bytes.subarray(2), 'UTF-16LE');
  if (startsWith(bytes, [0xfe, 0xff])) return strict('utf-16be', bytes.subarray(2), 'UTF-16BE');
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    // Every other byte NUL is UTF-16 without its byte order mark; say so rather than "binary".
    const hint = looksLikeBomlessUtf16(bytes) ? ' (it looks like UTF-16 without a byte order mark)' : '';
    return fail(`binary file (NUL byte at offset ${nul})${hint}, not a text document`);
  }
  const utf8 = strict('utf-8', bytes, 'UTF-8');
  if (utf8.ok) return utf8;
  const gb = decodeGb18030(bytes);
  if (gb) return { ok: true, text: gb, encoding: 'gb18030' };
  const guess = chardet.detect(bytes);
  const hint = guess && !/^(UTF-8|GB18030|Big5|EUC|Shift_JIS)/i.test(guess) ? ` (perhaps ${guess})` : '';
  return fail(`cannot decode the text: not valid UTF-8, GB18030/GBK or UTF-16${hint}`);
}

function strict(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array, label: string): DecodeResult {
  try {
    return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
  } catch {
    return fail(`cannot decode the text: invalid ${label} bytes`);
  }
}

function looksLikeBomlessUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2) odd++;
    else even++;
  }
  return Math.max(even, odd) > n / 4 && Math.min(even, odd) === 0;
}

/**
 * GB18030 when the bytes read as plausible Chinese: every sequence valid (no replacement
 * character), and most two-byte characters in the common ranges (GB2312 symbols A1–A9 and
 * level-1 hanzi B0–D7). Random high bytes land there about a third of the time; Chinese prose
 * well over half.
 */
function decodeGb18030(bytes: Uint8Array): string | null {
  let pairs = 0;
  let common = 0;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    const b2 = bytes[i + 1] ?? 0;
    if (b2 >= 0x30 && b2 <= 0x39) {
      pairs++;
      i += 4;
      continue;
    }
    pairs++;
    if ((b >= 0xa1 && b <= 0xa9) || (b >= 0xb0 && b <= 0xd7)) common++;
    i += 2;
  }
  if (pairs === 0 || common / pairs < 0.6) return null;
  const text = iconv.decode(Buffer.from(bytes), 'gb18030');
  if (text.includes('\ufffd')) return null;
  // Private-use characters only come out of bytes that were never GB18030.
  if (/[\ue000-\uf8ff]/.test(text)) return null;
  return text;
}

/** Refuses decoded text that is empty or full of control characters (a binary file). */
function checkText(text: string): DecodeResult | null {
  if (text.trim() === '') return fail('empty file (no text)');
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) control++;
  }
  if (control > 0 && control / text.length > 0.01) {
    return fail(`binary file (${control} control characters), not a text document`);
  }
  return null;
}
