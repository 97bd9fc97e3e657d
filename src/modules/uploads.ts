/** Multipart upload routes: allowed past the JSON-only CSRF rule, and size-limited before buffering. */
import { createHash } from 'node:crypto';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { uploadPaths } from './auth';
import { sniffType, type SniffedType } from '../domain/files/sniff';
import { AppError, coded, problemResponse } from './errors';
import type { AppEnv } from './http';

/** Room for the multipart envelope (boundaries, part headers, small fields) around the file. */
const envelopeBytes = 64 * 1024;

/**
 * Declares `path` (a Hono pattern such as `/api/plans/:plan/imports/preview`) a multipart upload
 * route: registers it in `uploadPaths`, and refuses a body over `maxBytes` (plus the envelope) with
 * 413 problem+json saying `message` — by Content-Length first, then by a counted stream, so it is
 * refused before it is buffered.
 */
export function uploadLimit(app: OpenAPIHono<AppEnv>, path: string, maxBytes: number, message: string): void {
  const pattern = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[^/]+/g, '[^/]+');
  // Module-wide and shared by every app of the process: each pattern once, however many apps.
  const re = new RegExp(`^${pattern}$`);
  if (!uploadPaths.some((known) => known.source === re.source)) uploadPaths.push(re);
  app.use(
    path,
    bodyLimit({
      maxSize: maxBytes + envelopeBytes,
      onError: (c) => problemResponse(c, 413, 'Content Too Large', message),
    }),
  );
}

/** An uploaded file's type, read from its content (never its name), and its SHA-256; else 415 saying `refusal`. */
export function sniffedFile(bytes: Uint8Array, refusal: string): { type: SniffedType; sha256: string } {
  const type = sniffType(bytes);
  if (!type) throw new AppError(415, 'Unsupported Media Type', refusal);
  return { type, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/**
 * The `file` field of a multipart upload, read whole, with the form's other fields; a request
 * without it is refused with 400 saying `message` (under `code` where the route words one).
 */
export async function formFile(c: Context<AppEnv>, message: string, code?: string) {
  const form = await c.req.parseBody();
  const file = form.file;
  if (!(file instanceof File)) {
    const missing = new AppError(400, 'Bad Request', message);
    throw code ? coded(missing, code) : missing;
  }
  return { form, name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/**
 * A stored evidence file as an attachment: `ascii` the fallback name; the stored name (already
 * sanitised) in the RFC 5987 form keeps CJK names.
 */
export function attachment(
  c: Context<AppEnv>,
  file: { content: Uint8Array<ArrayBuffer>; contentType: string; fileName: string },
  ascii: string,
): Response {
  return c.body(file.content, 200, {
    'Content-Type': file.contentType,
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
  });
}
