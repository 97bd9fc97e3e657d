// Scores extracted statements against hand labels, following the labelling guide: spans match by
// overlap after removing `*` and whitespace and folding full-width punctuation; optional labels
// are not counted against recall; every span (duplicates included) counts once.
import type { Statement } from './types';

/** What a hand label and a prediction both say of a statement. */
type Stated = Pick<Statement, 'text' | 'value' | 'unit' | 'kind' | 'qualifier' | 'period' | 'target_year'>;

/** A hand label in the guide's format. */
export interface GoldLabel extends Stated {
  subject?: string;
  horizon?: string;
  optional?: boolean;
  duplicate?: boolean;
  occurrence?: number;
  note?: string;
}

/** The fields of a prediction the scorer reads (a Statement fits). */
export interface PredictedLabel extends Stated {
  start?: number;
  end?: number;
}

/** Precision, recall and F1 at one matching level. */
export interface LevelScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** The full score of one document. */
export interface ExtractionScore {
  /** Span overlap + value + unit. */
  valueUnit: LevelScore;
  /** Span overlap + value + unit + kind + qualifier. */
  full: LevelScore;
  /** Target year on gold targets matched at the value+unit level. */
  targetYear: { correct: number; total: number; accuracy: number };
  /** Period (achievement/target) on all gold labels matched at the value+unit level. */
  period: { correct: number; total: number; accuracy: number };
  /** Indices of required gold labels left unmatched at the kind+qualifier level (for reports). */
  missed: number[];
  /** Indices of predictions matched to nothing at the kind+qualifier level. */
  spurious: number[];
  /** Indices of gold targets whose target year was wrong. */
  wrongYear: number[];
  /** Indices of matched gold labels whose period was wrong. */
  wrongPeriod: number[];
}

const PUNCT: Readonly<Record<string, string>> = {
  '，': ',',
  '：': ':',
  '∶': ':',
  '（': '(',
  '）': ')',
  '；': ';',
  '％': '%',
  '．': '.',
  '／': '/',
  '－': '-',
  '～': '~',
};

/** Normalises a span for comparison: no `*` or whitespace, half-width punctuation. */
export function normalizeSpan(s: string): string {
  let out = '';
  for (const ch of s) {
    if (ch === '*' || /\s/.test(ch)) continue;
    const code = ch.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - 0xff10 + 48);
    else out += PUNCT[ch] ?? ch;
  }
  return out;
}

/** Length of the longest common substring (spans are short, so O(n·m) is fine). */
function longestCommon(a: string, b: string): number {
  let best = 0;
  const prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j] ?? 0;
      prev[j] = a[i - 1] === b[j - 1] ? diag + 1 : 0;
      if ((prev[j] ?? 0) > best) best = prev[j] ?? 0;
      diag = tmp;
    }
  }
  return best;
}

/** Whether two spans overlap: one contains the other, or they share a substantial stretch. */
export function spansOverlap(a: string, b: string): boolean {
  const x = normalizeSpan(a);
  const y = normalizeSpan(b);
  if (x === '' || y === '') return false;
  if (x.includes(y) || y.includes(x)) return true;
  return longestCommon(x, y) >= Math.min(4, x.length, y.length);
}

/**
 * Places spans in the normalised document: gold spans by their text and `occurrence`, predicted
 * spans by their `start`/`end`. Spans that cannot be placed stay undefined (text overlap is used).
 */
function locate(
  doc: string,
  predicted: readonly PredictedLabel[],
  gold: readonly GoldLabel[],
): { pred: Array<[number, number] | undefined>; gold: Array<[number, number] | undefined> } {
  const normAt = new Int32Array(doc.length + 1);
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; i < doc.length; i++) {
    normAt[i] = n;
    const c = normalizeSpan(doc[i] ?? '');
    parts.push(c);
    n += c.length;
  }
  normAt[doc.length] = n;
  const norm = parts.join('');
  const pred = predicted.map((p): [number, number] | undefined =>
    p.start !== undefined && p.end !== undefined && p.end <= doc.length
      ? [normAt[p.start] ?? 0, normAt[p.end] ?? 0]
      : undefined,
  );
  const goldPos = gold.map((g): [number, number] | undefined => {
    const t = normalizeSpan(g.text);
    let at = -1;
    for (let k = 0; k <= (g.occurrence ?? 0); k++) {
      at = norm.indexOf(t, at + 1);
      if (at < 0) return undefined;
    }
    return [at, at + t.length];
  });
  return { pred, gold: goldPos };
}

function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(0.05, Math.abs(b) * 1e-9);
}

/** Maximum bipartite matching (Kuhn): pred i may match gold j when ok(i, j). */
function match(
  nPred: number,
  goldIdx: readonly number[],
  ok: (i: number, j: number) => boolean,
  taken: Set<number>,
): Map<number, number> {
  const goldOf = new Map<number, number>(); // gold -> pred
  const try_ = (i: number, seen: Set<number>): boolean => {
    for (const j of goldIdx) {
      if (seen.has(j) || !ok(i, j)) continue;
      seen.add(j);
      const cur = goldOf.get(j);
      if (cur === undefined || try_(cur, seen)) {
        goldOf.set(j, i);
        return true;
      }
    }
    return false;
  };
  for (let i = 0; i < nPred; i++) if (!taken.has(i)) try_(i, new Set());
  return goldOf;
}

function level(tp: number, fp: number, fn: number): LevelScore {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

/**
 * Scores predictions against gold labels. Matching is one-to-one; a prediction that matches an
 * optional label is neither a true nor a false positive.
 */
export function scoreExtraction(
  predicted: readonly PredictedLabel[],
  gold: readonly GoldLabel[],
  options: { text?: string } = {},
): ExtractionScore {
  const located = options.text !== undefined ? locate(options.text, predicted, gold) : null;
  const overlap: boolean[][] = predicted.map((p, i) =>
    gold.map((g, j) => {
      const a = located?.pred[i];
      const b = located?.gold[j];
      if (a && b) return a[0] < b[1] && b[0] < a[1];
      return spansOverlap(p.text, g.text);
    }),
  );
  const required = gold.map((_, j) => j).filter((j) => gold[j]?.optional !== true);
  const optional = gold.map((_, j) => j).filter((j) => gold[j]?.optional === true);
  const run = (strict: boolean): { score: LevelScore; pairs: Map<number, number>; used: Set<number> } => {
    const ok = (i: number, j: number): boolean => {
      const p = predicted[i];
      const g = gold[j];
      if (!p || !g || !overlap[i]?.[j] || !sameValue(p.value, g.value) || p.unit !== g.unit) return false;
      return !strict || (p.kind === g.kind && p.qualifier === g.qualifier);
    };
    const pairs = match(predicted.length, required, ok, new Set());
    const used = new Set(pairs.values());
    const optPairs = match(predicted.length, optional, ok, used);
    const tp = pairs.size;
    const fp = predicted.length - tp - optPairs.size;
    return {
      score: level(tp, fp, required.length - tp),
      pairs,
      used: new Set([...used, ...optPairs.values()]),
    };
  };
  const vu = run(false);
  const full = run(true);
  let correct = 0;
  let total = 0;
  const wrongYear: number[] = [];
  let periodOk = 0;
  const wrongPeriod: number[] = [];
  for (const [j, i] of vu.pairs) {
    const g = gold[j];
    const p = predicted[i];
    if (g && p && g.period === p.period) periodOk++;
    else wrongPeriod.push(j);
    if (!g || !p || g.period !== 'target') continue;
    total++;
    const yearOk = p.target_year === g.target_year || (g.target_year === null && g.horizon !== undefined);
    if (p.period === 'target' && yearOk) correct++;
    else wrongYear.push(j);
  }
  return {
    valueUnit: vu.score,
    full: full.score,
    targetYear: { correct, total, accuracy: total === 0 ? 1 : correct / total },
    period: {
      correct: periodOk,
      total: vu.pairs.size,
      accuracy: vu.pairs.size === 0 ? 1 : periodOk / vu.pairs.size,
    },
    missed: required.filter((j) => !full.pairs.has(j)),
    spurious: predicted.map((_, i) => i).filter((i) => !full.used.has(i)),
    wrongYear,
    wrongPeriod,
  };
}
