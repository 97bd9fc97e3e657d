/**
 * Request bodies are limited in size and nesting before any parser sees them (issue 9; SECURITY.md
 * V2.4.1): about 1 MB unless a route declares more with `jsonLimit`, and 64 levels of `[`/`{`.
 * The size is checked by Content-Length first, then by counting the stream, so an oversized body
 * is refused before it is buffered; the text read is handed on to the route's JSON parser, which
 * never reads the body a second time. Multipart upload routes have their own limit (uploads.ts).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { uploadPaths } from './auth';
import { problemResponse } from './errors';
import type { AppEnv } from './http';

export const defaultJsonBytes = 1024 * 1024;
export const maxJsonDepth = 64;

const declared: { pattern: RegExp; maxBytes: number }[] = [];

/** Declares a larger body limit for one JSON route (`/api/extract`, `/api/plans/:plan`). */
export function jsonLimit(path: string, maxBytes: number): void {
  const pattern = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[^/]+/g, '[^/]+');
  if (!declared.some((d) => d.pattern.source === `^${pattern}$`))
    declared.push({ pattern: new RegExp(`^${pattern}$`), maxBytes });
}

const size = (n: number) =>
  n % (1024 * 1024) === 0 ? `${n / 1024 / 1024} MB` : `${Math.round(n / 1024)} KB`;

const tooLarge = (c: Context, limit: number) =>
  problemResponse(
    c,
    413,
    'Content Too Large',
    `请求内容超过 ${size(limit)} 的上限。 The request body is larger than the ${size(limit)} limit (${limit} bytes).`,
  );

/** The deepest nesting of arrays and objects in JSON text, ignoring brackets inside strings. */
export function jsonDepth(text: string, stopAt = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++;
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) {
      if (++depth > deepest) deepest = depth;
      if (deepest > stopAt) return deepest;
    } else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return deepest;
}

/** Reads at most `limit` bytes of a body; null when it is longer. */
async function readLimited(body: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | null> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The middleware: every API request with a body, except the multipart upload routes. */
export const jsonBodyGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  const method = c.req.method;
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return next();
  const path = c.req.path;
  if (uploadPaths.some((p) => p.test(path))) return next();
  const limit = declared.find((d) => d.pattern.test(path))?.maxBytes ?? defaultJsonBytes;
  const length = Number(c.req.header('content-length') ?? 0);
  if (length > limit) return tooLarge(c, limit);
  const body = c.req.raw.body;
  if (!body) return next();
  const bytes = await readLimited(body, limit);
  if (!bytes) return tooLarge(c, limit);
  const text = new TextDecoder().decode(bytes);
  if (jsonDepth(text, maxJsonDepth) > maxJsonDepth) {
    return problemResponse(
      c,
      400,
      'Bad Request',
      `请求内容嵌套超过 ${maxJsonDepth} 层。 The request body nests arrays and objects deeper than ${maxJsonDepth} levels.`,
    );
  }
  // The route's JSON parser reads this text instead of the (consumed) stream.
  // (Hono keeps promises in its body cache, though its type says strings.)
  (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(text);
  return next();
};
