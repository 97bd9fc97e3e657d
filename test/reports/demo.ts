/** A database with the demo plan (37 illustrative tasks with reports) for the bulletin tests. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { migrateToLatest, openDatabase, type Db, type DialectName } from '../../src/db';
import { importPlanText, resolveTenant } from '../../src/modules/plans';
import { createTestDatabase, type TestDatabase } from '../databases';
import { demoPlanFile } from '../fixtures';

export async function demoDatabase(
  dialect: DialectName,
): Promise<{ test: TestDatabase; db: Db; tenantId: number }> {
  const test = await createTestDatabase(dialect);
  const db = await openDatabase(test.location);
  await migrateToLatest(db);
  const result = await importPlanText(db, {
    now: new Date(),
    tenantSlug: 'yuzhong',
    text: readFileSync(demoPlanFile, 'utf8'),
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems[0]));
  const tenant = await resolveTenant(db, 'yuzhong');
  return { test, db, tenantId: tenant.id };
}

/** One part of a zip (a .docx's word/document.xml …) as text, read with Info-ZIP's unzip. */
export function zipPart(file: string, part: string): string {
  return execFileSync('unzip', ['-p', file, part], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** The visible text of WordprocessingML: paragraphs on lines, runs joined. */
export function docxText(xml: string): string {
  return xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');
}
