/** Extraction use cases: decode an uploaded document, extract statements, draft a plan. */
import { extractStatements } from '../../domain/extract';
import { documentYear, draftPlan } from '../../domain/extract/draft';
import type { DepartmentName } from '../../domain/extract/tasks';
import type { ExtractResult } from '../../contracts/extract';
import { AppError } from '../errors';
import { decodeDocument } from './decode';

/** Extracts from text already decoded. */
export function extractFromText(
  text: string,
  documentName: string,
  year: number | undefined,
  encoding: string | null = null,
  departments: readonly DepartmentName[] = [],
): ExtractResult {
  const docYear = documentYear(text, documentName, year);
  const statements = extractStatements(text, docYear === null ? {} : { year: docYear });
  const draft =
    docYear === null ? null : draftPlan({ text, statements, documentName, year: docYear, departments });
  return {
    text,
    encoding,
    year: docYear,
    statements,
    draft: draft
      ? {
          plan: draft.plan,
          links: draft.links,
          warnings: draft.warnings,
        }
      : null,
    draft_problem: draft ? null : 'cannot tell the document year: give it as `year`',
    departments: departments.map((d) => ({ id: d.id, name: d.name })),
  };
}

/** Decodes an uploaded file (UTF-8, GB18030, UTF-16, .docx) and extracts from it. */
export async function extractFromUpload(
  bytes: Uint8Array,
  fileName: string,
  year: number | undefined,
  departments: readonly DepartmentName[] = [],
): Promise<ExtractResult> {
  const decoded = await decodeDocument(bytes, fileName);
  if (!decoded.ok) {
    // A file that inflates past our limits is too large, whatever its compressed size.
    if (decoded.tooLarge) throw new AppError(413, 'Content Too Large', `${fileName}: ${decoded.reason}`);
    throw new AppError(422, 'Unprocessable Content', `${fileName}: ${decoded.reason}`);
  }
  return extractFromText(decoded.text, fileName, year, decoded.encoding, departments);
}
