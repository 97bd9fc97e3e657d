/** What the bulletin and document routes share: the file they answer, in any of the formats. */
import { z } from '@hono/zod-openapi';
import { contentTypes, type BulletinFormat } from './reports.render';

const binary = z.string().openapi({ type: 'string', format: 'binary' });
/** A file in any of the formats (.docx, .pdf, .xlsx). */
export const fileResponses = {
  200: {
    description: 'The file',
    content: Object.fromEntries(Object.values(contentTypes).map((t) => [t, { schema: binary }])),
  },
};

/** The file as an attachment: `ascii` the fallback name (without extension), `name` the full one. */
export function download(bytes: Buffer, format: BulletinFormat, ascii: string, name: string): Response {
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      'Content-Type': contentTypes[format],
      'Content-Disposition': `attachment; filename="${ascii}.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'Cache-Control': 'no-store',
    },
  });
}
