/**
 * What text we store (issue 9): names and notes never carry NUL or other control characters,
 * lone surrogates (which storage turns into U+FFFD), bidirectional overrides (U+202A–202E,
 * U+2066–2069: "Trojan Source" names that read differently than they sort) or zero-width
 * characters (U+200B–200D, U+2060, U+FEFF: names that look equal but are not). Notes may span
 * lines. Also URLs a browser will not run. Pure.
 */

const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const lineBreaks = /[\t\n\r]/;
const bidi = /[\u202a-\u202e\u2066-\u2069]/;
const zeroWidth = /[\u200b-\u200d\u2060\ufeff]/;
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why `text` may not be stored, or null. `multiline` allows tab, CR and LF (notes, reasons). */
export function unsafeTextReason(text: string, multiline = false): string | null {
  if (text.includes('\u0000')) return 'must not contain NUL characters';
  if (control.test(text) || (!multiline && lineBreaks.test(text)))
    return 'must not contain control characters';
  if (loneSurrogate.test(text)) return 'must not contain unpaired surrogate characters (broken Unicode)';
  if (bidi.test(text)) return 'must not contain bidirectional override characters';
  if (zeroWidth.test(text)) return 'must not contain zero-width characters';
  return null;
}

/** True for an absolute http: or https: URL (never javascript:, data:, file:, …). */
export function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
