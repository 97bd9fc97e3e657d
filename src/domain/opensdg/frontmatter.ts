// Reads the YAML front matter of an Open SDG metadata file (meta/G-T-I.md). sdg-build reads it
// with ruamel.yaml, which accepts a quoted scalar whose continuation lines are not indented past
// its key (common in these files: a long 'description' wrapped at column 0). The `yaml` package
// follows the YAML 1.2 spec and rejects that, so such lines are indented first; folding drops a
// continuation line's leading spaces, so the value read is unchanged.
import { parse as parseYaml } from 'yaml';
import type { Outcome } from './csv';

// `key: 'text…` or `- key: "text…`: a mapping value that starts with a quote.
const QUOTED_VALUE = /^(\s*(?:-\s+)?)[^\s'"#][^#]*?:[ \t]+(['"])/;

/** Where the quoted scalar opened at `from` closes in `line`, or -1 if it does not close there. */
function closingQuote(line: string, from: number, quote: string): number {
  for (let i = from; i < line.length; i++) {
    const ch = line[i];
    if (quote === '"' && ch === '\\') {
      i++;
    } else if (ch === quote) {
      // In single quotes, '' is an escaped quote.
      if (quote === "'" && line[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

/** Indent the continuation lines of multi-line quoted scalars past their key's column. */
export function indentQuotedContinuations(lines: readonly string[]): string[] {
  const out: string[] = [];
  let open: { quote: string; indent: string } | null = null;
  for (const line of lines) {
    if (open !== null) {
      const closes = closingQuote(line, 0, open.quote) >= 0;
      out.push(open.indent + line);
      if (closes) open = null;
      continue;
    }
    out.push(line);
    const match = QUOTED_VALUE.exec(line);
    const quote = match?.[2];
    if (match === null || quote === undefined) continue;
    const start = match[0].length;
    if (closingQuote(line, start, quote) < 0)
      open = { quote, indent: ' '.repeat((match[1]?.length ?? 0) + 1) };
  }
  return out;
}

/** Parse a metadata Markdown file's YAML front matter (between the leading `---` lines) into an object. */
export function parseMetaMarkdown(text: string): Outcome<{ meta: Readonly<Record<string, unknown>> }> {
  const lines = (text.startsWith('\uFEFF') ? text.slice(1) : text).split(/\r?\n/);
  if (lines[0]?.trimEnd() !== '---')
    return { ok: false, reason: 'no YAML front matter (first line is not ---)' };
  const end = lines.findIndex((line, index) => index > 0 && line.trimEnd() === '---');
  if (end < 0) return { ok: false, reason: 'the YAML front matter is not closed by a --- line' };
  let parsed: unknown;
  try {
    parsed = parseYaml(indentQuotedContinuations(lines.slice(1, end)).join('\n'));
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    return { ok: false, reason: `invalid YAML front matter: ${message}` };
  }
  if (parsed === null || parsed === undefined) return { ok: true, meta: {} };
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { ok: false, reason: 'the YAML front matter is not a mapping' };
  }
  return { ok: true, meta: parsed as Readonly<Record<string, unknown>> };
}
