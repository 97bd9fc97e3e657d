/** One bulletin in a format: .docx (Word, official layout), .pdf (same layout), .xlsx (data book). */
import { buildBulletin, type BulletinInput, type OfficialDocument } from '../../domain/reports';
import { bulletinDocx } from './render/docx';
import { documentXlsx } from './render/document-xlsx';
import { bulletinHtml } from './render/html';
import { htmlToPdf, type PdfOptions } from './render/pdf';
import { bulletinXlsx } from './render/xlsx';

export const bulletinFormats = ['docx', 'pdf', 'xlsx'] as const;
export type BulletinFormat = (typeof bulletinFormats)[number];

export const contentTypes: Record<BulletinFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function isBulletinFormat(text: string): text is BulletinFormat {
  return (bulletinFormats as readonly string[]).includes(text);
}

export async function renderBulletin(
  input: BulletinInput,
  format: BulletinFormat,
  pdf: PdfOptions,
): Promise<Buffer> {
  const bulletin = buildBulletin(input);
  return renderLaidOut(bulletin, format, pdf, () => bulletinXlsx(input, bulletin));
}

/** `督查通报-2026-10.docx` */
export function bulletinFileName(month: string, format: BulletinFormat): string {
  return `督查通报-${month}.${format}`;
}

/** A short document (fact sheet, plan summary): .docx or .pdf in the bulletin's layout, or .xlsx. */
export async function renderDocument(
  doc: OfficialDocument,
  format: BulletinFormat,
  pdf: PdfOptions,
): Promise<Buffer> {
  return renderLaidOut(doc, format, pdf, () => documentXlsx(doc));
}

/** .docx and .pdf share the bulletin's layout; each kind of document has its own workbook. */
async function renderLaidOut(
  doc: OfficialDocument,
  format: BulletinFormat,
  pdf: PdfOptions,
  workbook: () => Promise<Buffer> | Buffer,
): Promise<Buffer> {
  switch (format) {
    case 'docx':
      return bulletinDocx(doc);
    case 'pdf':
      return htmlToPdf(bulletinHtml(doc), pdf);
    case 'xlsx':
      return workbook();
  }
}
