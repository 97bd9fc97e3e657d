// Splits the clean text into lines, sentences and clauses. Commas and colons between digits are
// number punctuation (1,234 and 0.1:25.3:74.6), not clause breaks.

/** A [start, end) range of the clean text. */
export interface Range {
  start: number;
  end: number;
}

/** One line with its sentences and clauses. */
export interface Line extends Range {
  sentences: Range[];
  clauses: Range[];
}

const SENTENCE_END = new Set(['。', '；', ';', '！', '!', '？', '?']);
const CLAUSE_END = new Set(['，', ',', '：', ':']);

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** Segments the text in one linear pass. */
export function segment(text: string): Line[] {
  const lines: Line[] = [];
  let lineStart = 0;
  let sentStart = 0;
  let clauseStart = 0;
  let cur: Line = { start: 0, end: 0, sentences: [], clauses: [] };
  const closeClause = (end: number): void => {
    if (end > clauseStart) cur.clauses.push({ start: clauseStart, end });
    clauseStart = end + 1;
  };
  const closeSentence = (end: number): void => {
    closeClause(end);
    if (end > sentStart) cur.sentences.push({ start: sentStart, end });
    sentStart = end + 1;
  };
  for (let i = 0; i <= text.length; i++) {
    const ch = i < text.length ? text[i] : '\n';
    if (ch === '\n') {
      closeSentence(i);
      cur.start = lineStart;
      cur.end = i;
      if (i > lineStart) lines.push(cur);
      lineStart = i + 1;
      cur = { start: lineStart, end: lineStart, sentences: [], clauses: [] };
      continue;
    }
    if (ch !== undefined && SENTENCE_END.has(ch)) closeSentence(i);
    else if (ch !== undefined && CLAUSE_END.has(ch)) {
      if ((ch === ',' || ch === ':') && isDigit(text[i - 1]) && isDigit(text[i + 1])) continue;
      closeClause(i);
    }
  }
  return lines;
}

/** Start offsets of quoted stretches (“…”, 「…」) no longer than maxLen: slogans and names. */
export function shortQuotes(text: string, maxLen: number): Range[] {
  const out: Range[] = [];
  const re = /[“「‘"]([^”」’"\n]{1,40})[”」’"]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if ((m[1] ?? '').length <= maxLen) out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}
