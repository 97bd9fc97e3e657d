// Builds the text the parser works on: Markdown emphasis markers and spaces removed, full-width
// digits and signs folded to ASCII, with a map back to offsets in the raw input so spans can be
// copied from the original text (with its `**` kept).

/** Parser text plus, for each of its characters, the offset of that character in the raw input. */
export interface CleanText {
  text: string;
  /** map[i] = raw offset of text[i]; map[text.length] = raw length. */
  map: Int32Array;
}

const FOLD: Readonly<Record<string, string>> = {
  '％': '%',
  '．': '.',
  '∶': ':',
  '／': '/',
  '～': '~',
  '－': '-',
  '﹪': '%',
  '\u00a0': ' ',
  '\r': '\n',
};

/** Removes `*`, `_`-free emphasis and horizontal whitespace; folds full-width forms. */
export function cleanText(raw: string): CleanText {
  // Runs of characters kept as they are are copied with one slice each (most of a document):
  // building the text one character at a time dominated extraction of large documents.
  const out: string[] = [];
  const map = new Int32Array(raw.length + 1);
  let n = 0;
  let runStart = 0;
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    // Kept as is: printable ASCII but * and #, newlines, general punctuation (“” —) but ∶, and
    // CJK text up to U+FE00 (the full-width and small forms that fold lie above), but U+3000.
    if (
      (code >= 0x21 && code < 0x7f && code !== 0x23 && code !== 0x2a) ||
      code === 0x0a ||
      (code >= 0x2000 && code < 0xfe00 && code !== 0x3000 && code !== 0x2236)
    ) {
      map[n++] = i;
      continue;
    }
    if (i > runStart) out.push(raw.slice(runStart, i));
    runStart = i + 1;
    let ch = raw[i] ?? '';
    if (code >= 0xff10 && code <= 0xff19) ch = String.fromCharCode(code - 0xff10 + 48);
    else if (code >= 0xff21 && code <= 0xff3a) ch = String.fromCharCode(code - 0xff21 + 65);
    else ch = FOLD[ch] ?? ch;
    if (ch === '*' || ch === ' ' || ch === '\t' || ch === '\u3000' || ch === '#') continue;
    out.push(ch);
    map[n++] = i;
  }
  if (raw.length > runStart) out.push(raw.slice(runStart));
  map[n] = raw.length;
  return { text: out.join(''), map: map.subarray(0, n + 1) };
}

/** Maps a [start, end) range of the clean text back to raw offsets (raw is the input). */
export function toRaw(clean: CleanText, raw: string, start: number, end: number): [number, number] {
  let s = clean.map[start] ?? 0;
  let e = end > start ? (clean.map[end - 1] ?? s) + 1 : s;
  // Keep bold markers that open or close right at the span edge: **16个** stays whole.
  while (s > 0 && raw[s - 1] === '*') s--;
  while (e < raw.length && raw[e] === '*') e++;
  return [s, e];
}
