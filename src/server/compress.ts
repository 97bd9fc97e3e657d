/**
 * Compresses every text response the app sends (JSON, HTML, CSS, JavaScript, SVG, CSV …) with
 * brotli or gzip, whichever the client prefers; static files arrive already compressed
 * (`static.ts` sets Content-Encoding) and are left alone. Brotli runs at quality 5 here: at
 * the build's quality 11 a large JSON answer would cost more time than the bytes save.
 */
import { Duplex } from 'node:stream';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

export type Encoding = 'br' | 'gzip';

const compressible =
  /^\s*(?:text\/|application\/(?:json|problem\+json|javascript|xml|yaml|x-ndjson|openapi)|image\/svg\+xml)/i;

/** Below this many bytes compression saves less than its headers cost. */
const threshold = 1024;

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

export const compressResponses: MiddlewareHandler = async (c, next) => {
  await next();
  const res = c.res;
  if (
    c.req.method === 'HEAD' ||
    res.status === 204 ||
    res.status === 206 ||
    res.status === 304 ||
    res.headers.has('Content-Encoding') ||
    !compressible.test(res.headers.get('Content-Type') ?? '') ||
    /event-stream/i.test(res.headers.get('Content-Type') ?? '') ||
    /no-transform/i.test(res.headers.get('Cache-Control') ?? '')
  )
    return;
  const length = res.headers.get('Content-Length');
  if (length !== null && Number(length) < threshold) return;
  const vary = res.headers.get('Vary');
  if (!vary || !/accept-encoding/i.test(vary))
    res.headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
  const encoding = preferredEncoding(c.req.header('Accept-Encoding'));
  // Reading `res.body` turns @hono/node-server's lightweight response into a web stream that it
  // then writes chunk by chunk: only a response that is compressed should pay for that.
  if (!encoding || !res.body) return;
  const zip =
    encoding === 'br'
      ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
      : createGzip({ level: 6 });
  // Streamed through, never buffered: a long export starts arriving at once.
  const compressed = res.body.pipeThrough(Duplex.toWeb(zip) as ReadableWritablePair<Uint8Array, Uint8Array>);
  const headers = new Headers(res.headers);
  headers.delete('Content-Length');
  headers.set('Content-Encoding', encoding);
  const etag = headers.get('ETag');
  if (etag && !etag.startsWith('W/')) headers.set('ETag', `W/${etag}`);
  c.res = new Response(compressed, {
    status: res.status,
    statusText: res.statusText,
    headers,
  });
};
