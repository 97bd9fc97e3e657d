/** The kinds of quantitative statement the labelling guide distinguishes. */
export type Kind = 'level' | 'count' | 'share' | 'growth_rate' | 'annual_floor' | 'rank' | 'streak' | 'ratio';

/** How the stated value bounds the real one. */
export type Qualifier = 'exact' | 'approx' | 'near' | 'at_least' | 'at_most' | 'exceeded';

/** Whether a statement reports a result or sets something to reach. */
export type Period = 'achievement' | 'target';

/** One quantitative statement extracted from policy text (the `extract --json` object). */
export interface Statement {
  /** The span, copied character for character from the input (Markdown markers kept). */
  text: string;
  subject: string;
  value: number;
  unit: string;
  kind: Kind;
  qualifier: Qualifier;
  period: Period;
  target_year: number | null;
  horizon?: string;
  /** Character offsets of `text` in the input (end exclusive). */
  start: number;
  end: number;
}

/** Options for {@link extractStatements}. */
export interface ExtractOptions {
  /** The year the document's "今年" refers to (first target year); inferred when omitted. */
  year?: number;
}
