/**
 * Compresses every text response the app sends (JSON, HTML, CSS, JavaScript, SVG, CSV …) with
 * brotli or gzip, whichever the client prefers; static files arrive already compressed
 * (`static.ts` sets Content-Encoding) and are left alone. Brotli runs at quality 5 here: at
 * the build's quality 11 a large JSON answer would cost more time than the bytes save.
 */
import { Duplex } from 'node:stream';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { compressThreshold, isComplete, preferredEncoding } from '../modules/response-headers';

const compressible =
  /^\s*(?:text\/|application\/(?:json|problem\+json|javascript|xml|yaml|x-ndjson|openapi)|image\/svg\+xml)/i;

export const compressResponses: MiddlewareHandler = async (c, next) => {
  await next();
  const res = c.res;
  if (
    isComplete(res) ||
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
  if (length !== null && Number(length) < compressThreshold) return;
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
