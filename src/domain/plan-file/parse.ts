/**
 * Reads a plan file's text (YAML or JSON: JSON is read by the YAML 1.2 parser) into a validated
 * PlanFile, or a list of problems each naming the line and field. Pure: the caller reads the file.
 */
import { isMap, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { checkReferences } from './references';
import { planFileSchema, type PlanFile } from './schema';

export interface PlanFileProblem {
  /** 1-based line in the file, when the place is known. */
  line: number | null;
  /** Dotted path of the field, e.g. `targets[2].year`. */
  field: string;
  message: string;
}

export type PlanFileResult = { ok: true; plan: PlanFile } | { ok: false; problems: PlanFileProblem[] };

/** Formats a problem the CLI way: `file:line: field: what is wrong`. */
export function formatProblem(file: string, p: PlanFileProblem): string {
  return `${file}:${p.line ?? 1}: ${p.field || '(file)'}: ${p.message}`;
}

/** Dotted path for display: `targets[2].year`. */
export function pathToField(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`))
    .join('');
}

/** Line of the node at `path` (or of its nearest existing parent). */
function lineOf(doc: Document, counter: LineCounter, path: ReadonlyArray<PropertyKey>): number | null {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as (string | number)[], true) as
      { range?: [number, number] } | undefined;
    const start = node && typeof node === 'object' && node.range ? node.range[0] : undefined;
    if (start !== undefined) return counter.linePos(start).line;
    // A missing key: point at the map that should hold it.
  }
  return null;
}

/**
 * Finds the line of a field path in a plan file's text, for problems found after validation
 * (e.g. against the city's definitions); reads the text again only when called.
 */
export function lineLocator(source: string): (path: ReadonlyArray<PropertyKey>) => number | null {
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, prettyErrors: false });
  return (path) => lineOf(doc, counter, path);
}

/** Parses and validates a plan file. */
export function parsePlanFile(source: string): PlanFileResult {
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({
        line: e.linePos?.[0]?.line ?? null,
        field: '',
        message: `not valid YAML or JSON: ${e.message.split('\n')[0]}`,
      })),
    };
  }
  if (!isMap(doc.contents)) {
    return { ok: false, problems: [{ line: 1, field: '', message: 'expected a mapping with a `plan` key' }] };
  }
  return validate(doc.toJS({ maxAliasCount: 100 }), (path) => lineOf(doc, counter, path));
}

/**
 * Validates a plan file already parsed (e.g. the JSON body of a request), without going
 * through the YAML parser again: problems carry no line.
 */
export function validatePlanFile(raw: unknown): PlanFileResult {
  return validate(raw, () => null);
}

function validate(raw: unknown, lineAt: (path: ReadonlyArray<PropertyKey>) => number | null): PlanFileResult {
  const parsed = planFileSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error, lineAt) };
  const refProblems = checkReferences(parsed.data);
  if (refProblems.length > 0) {
    return {
      ok: false,
      problems: refProblems.map((p) => ({
        line: lineAt(p.path),
        field: pathToField(p.path),
        message: p.message,
      })),
    };
  }
  return { ok: true, plan: parsed.data };
}

function zodProblems(
  error: z.ZodError,
  lineAt: (path: ReadonlyArray<PropertyKey>) => number | null,
): PlanFileProblem[] {
  return error.issues.map((issue) => {
    let path = issue.path;
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') {
      message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
      path = [...path, issue.keys[0] ?? ''];
    }
    return { line: lineAt(path), field: pathToField(path), message };
  });
}
