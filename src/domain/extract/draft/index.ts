/**
 * Drafting a plan file from a policy document: outline (goal areas, programmes, actions) plus
 * the extracted statements (indicators, targets, observations), each linked to its span.
 */
import { extractStatements, yearOfAnnouncedSpan } from '../index';
import { inferDocYear } from '../period';
import type { DepartmentName } from '../tasks';
import { draftPlan, type PlanDraft } from './plan';

export {
  draftPlan,
  planIdFrom,
  spanNote,
  type DraftInput,
  type DraftLink,
  type DraftLinkKind,
  type PlanDraft,
} from './plan';
export { outlineOf, type Outline, type OutlineNode, type OutlineProgramme } from './structure';
export { displayUnit, toDisplay } from './indicators';
export type { DraftWarning } from './tasks';

/**
 * The document year: the one given, else one read from the headings (2024年工作安排 → 2024),
 * else a year in the file name (yuzhong-plenary-2023.md → 2023), else null.
 */
export function documentYear(text: string, documentName: string, given?: number): number | null {
  if (given !== undefined) return given;
  const headings = text
    .split('\n')
    .map((l) => l.replace(/[#*\s]/g, ''))
    .filter((l) => l !== '' && l.length <= 40 && !/[。；]$/.test(l));
  const fromText = inferDocYear(headings) ?? yearOfAnnouncedSpan(text);
  if (fromText !== null) return fromText;
  const m = /(?:^|[^\d])(20\d\d)(?:[^\d]|$)/.exec(documentName.replace(/^.*[\\/]/, ''));
  return m ? Number(m[1]) : null;
}

/** Drafts a plan from a document's text, or says why it cannot (no year to start from). */
export function draftPlanFromText(
  text: string,
  options: { documentName: string; year?: number; departments?: readonly DepartmentName[] },
): { ok: true; draft: PlanDraft } | { ok: false; reason: string } {
  const year = documentYear(text, options.documentName, options.year);
  if (year === null) return { ok: false, reason: 'cannot tell the document year: give it with --year YYYY' };
  const statements = extractStatements(text, { year });
  const departments = options.departments ?? [];
  return {
    ok: true,
    draft: draftPlan({ text, statements, documentName: options.documentName, year, departments }),
  };
}
