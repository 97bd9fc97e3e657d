/** One structured log line per request: method, path, status, time, id. Never headers or bodies. */
import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import type { AppEnv } from '../modules/http';
import { isComplete } from '../modules/response-headers';

export function requestLog(log: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const requestId = randomUUID();
    c.set('requestId', requestId);
    // The root logger, not a child per request: callers add `req_id` where they log (hot path).
    c.set('log', log);
    await next();
    // On the response's headers, not `c.header()`: after the handler that reads the body and turns
    // @hono/node-server's one-write string response into a web stream written chunk by chunk.
    if (!isComplete(c.res)) c.res.headers.set('X-Request-Id', requestId);
    log.info(
      {
        req_id: requestId,
        method: c.req.method,
        // JSON logging escapes newlines, so a crafted path cannot forge a log line.
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    );
  };
}
