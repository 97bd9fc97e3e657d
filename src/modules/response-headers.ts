/**
 * The headers the server puts on every response (SECURITY.md V3.4), the client's choice of
 * compression, and JSON responses built with all of their headers at once.
 *
 * Why the last: a response whose headers are a plain object is written by @hono/node-server
 * straight from that object. The server's middleware used to add the security headers, the
 * request id and `Vary` one by one after the handler, which turns them into a fetch `Headers`
 * list that is then copied out again: about 10 µs of a status request's ~140 µs
 * (docs/performance.md). A response made by `completeJson` already carries all of them, and the
 * middleware leaves it alone (`isComplete`).
 */
import type { Context } from 'hono';
import type { AppEnv } from './http';

const csp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const securityHeaderValues: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': csp,
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

export type Encoding = 'br' | 'gzip';

/** Below this many bytes compression saves less than its headers cost. */
export const compressThreshold = 1024;

/**
 * The encoding to use for an `Accept-Encoding` header among those available: brotli before gzip
 * when the client weighs them equally; none when it accepts neither (or refuses them with q=0).
 */
export function preferredEncoding(
  header: string | undefined,
  available: { br: boolean; gzip: boolean } = { br: true, gzip: true },
): Encoding | null {
  if (!header) return null;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const weight = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    q.set(name.trim(), weight === undefined ? 1 : Number(weight));
  }
  const weightOf = (e: Encoding) => q.get(e) ?? q.get('*') ?? 0;
  const candidates = (['br', 'gzip'] as const).filter((e) => available[e] && weightOf(e) > 0);
  candidates.sort((a, b) => weightOf(b) - weightOf(a));
  return candidates[0] ?? null;
}

const complete = new WeakSet<Response>();

/** Whether a response already carries every header the server adds (see `completeJson`). */
export function isComplete(res: Response): boolean {
  return complete.has(res);
}

/**
 * A 200 JSON answer of an API route from ready UTF-8 bytes, with every header the middleware would
 * add: the same bytes on the wire as the ordinary path. A body the client wants compressed takes
 * the ordinary path (the compression middleware does it).
 */
export function completeJson(c: Context<AppEnv>, bytes: Uint8Array<ArrayBuffer>): Response {
  const large = bytes.byteLength >= compressThreshold;
  if (large && preferredEncoding(c.req.header('Accept-Encoding')) !== null)
    return c.body(bytes, 200, { 'Content-Type': 'application/json' });
  const res = new Response(bytes, {
    status: 200,
    headers: {
      'Content-Type': 'application/json',
      ...(large ? { Vary: 'Accept-Encoding' } : {}),
      ...securityHeaderValues,
      'Cache-Control': 'no-store',
      'X-Request-Id': c.get('requestId'),
    },
  });
  complete.add(res);
  return res;
}
