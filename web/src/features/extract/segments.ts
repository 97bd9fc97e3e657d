/** The document cut at every statement and link boundary, so spans can be marked and scrolled to. */
import type { StatementView } from '../../../../src/contracts/extract';
import type { DraftLink, Span } from './draft';

export interface Segment {
  start: number;
  end: number;
  /** The innermost statement covering the segment, or -1. */
  stmt: number;
  /** Statements that begin here (their labels go before the segment). */
  starts: number[];
}

export function segment(text: string, statements: StatementView[], links: Span[]): Segment[] {
  const cuts = new Set([0, text.length]);
  for (const s of [...statements, ...links]) {
    if (s.start >= 0 && s.end <= text.length && s.start < s.end) {
      cuts.add(s.start);
      cuts.add(s.end);
    }
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const start = sorted[i] ?? 0;
    const end = sorted[i + 1] ?? start;
    let stmt = -1;
    const starts: number[] = [];
    statements.forEach((s, j) => {
      if (s.start <= start && s.end >= end) {
        const best = statements[stmt];
        if (!best || s.end - s.start < best.end - best.start) stmt = j;
      }
      if (s.start === start) starts.push(j);
    });
    out.push({ start, end, stmt, starts });
  }
  return out;
}

/** The draft item a statement stands for: a link of the same span, else the tightest around it. */
export function linkFor(s: Span, links: DraftLink[]): DraftLink | null {
  const same = links.filter((l) => l.start === s.start && l.end === s.end);
  const pool = same.length
    ? same
    : links.filter((l) => l.start <= s.start && l.end >= s.end && l.kind !== 'goal_area');
  const rank = (l: DraftLink) => (l.kind === 'target' ? 0 : l.kind === 'observation' ? 1 : 2);
  return [...pool].sort((a, b) => a.end - a.start - (b.end - b.start) || rank(a) - rank(b))[0] ?? null;
}
